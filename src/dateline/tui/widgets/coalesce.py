"""Run a widget's redraw once for a burst of changes.

Opening an article changes several reactives in one go (the facts cleared, the
article, the new facts); each watcher asking for a full redraw would do the
work once per change, on the key-press path."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump


class Coalesced:
    """Call `callback` once, after the current message, however often asked."""

    def __init__(self, owner: MessagePump, callback: Callable[[], None]) -> None:
        self._owner = owner
        self._callback = callback
        self._pending = False

    def __call__(self) -> None:
        if not self._pending:
            self._pending = True
            self._owner.call_next(self._run)

    def _run(self) -> None:
        self._pending = False
        self._callback()
