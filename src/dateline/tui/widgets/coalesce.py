"""Run a widget's redraw once for a burst of changes.

Opening an article changes several reactives in one go (the facts cleared, the
article, the new facts); each watcher asking for a full redraw would do the
work once per change, on the key-press path."""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode, NoScreen
from textual.message_pump import MessagePump


class Coalesced:
    """Call `callback` once, after the current message, however often asked."""

    def __init__(self, owner: DOMNode, callback: Callable[[], None]) -> None:
        self._owner = owner
        self._callback = callback
        self._pending = False

    def __call__(self) -> None:
        if not self._pending:
            self._pending = True
            self._pump().call_next(self._run)

    def _pump(self) -> MessagePump:
        # The screen's queue, not the widget's own: the changes come from the
        # screen's handler (it binds its state into the widgets), and the redraw
        # then runs right after that handler, before the screen reads its next
        # message. In the widget's queue it ran a loop turn later, after the
        # key that caused it had been painted without it.
        try:
            return self._owner.screen
        except NoScreen:  # not yet, or no longer, on a screen
            return self._owner

    def _run(self) -> None:
        self._pending = False
        self._callback()
