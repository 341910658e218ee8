"""Keys handled one at a time, in the order they were typed.

Textual's App hands each key to the widget that has focus when the App reads
the key. The key's bindings run later, once it has bubbled back up from that
widget through each parent's queue to the App. Keys the App reads in between
go to the widget that had focus before the first key's binding ran. Keys
arrive together whenever the App was busy (the first half-second after the
first frame, a slow article) or the terminal sends them at once (a paste,
tmux send-keys), so `/Holmes` opened the search box and sent `Holmes` to the
list, whose `s` starred an article.

So the App reads a key only once the key before it has been handled: a
marker follows each key up the path it bubbles along, one queue behind it,
then goes up the path once more, behind the messages the key's handling sent
up it (enter in the list sends `ArticleOpened`, and the screen moves the
focus to the reader when that arrives), and lets the next key go when it is
back at the App. Keys typed at a human pace never wait; a burst is handled
as if typed slowly.

While a key is on its way the screen is not repainted (a Textual batch
update): a key that opens an article changes the list, then the reader and
the sidebar, in steps a frame apart, and each step was painted (two layouts
and four renders of the reader's region for one `j`). Now its effects reach
the terminal in one frame."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractContextManager

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

# The key's own way up, then its messages' way up.
TRIPS = 2
# A marker that has not come back by then was lost (a widget on the path went
# away with it in its queue): let the held keys go rather than lose them.
LOST_AFTER_S = 2.0


class KeyOrder:
    """Hold each key until the one before it has been handled."""

    def __init__(self, app: App, dispatch: Callable[[events.Key], Awaitable[None]]) -> None:
        # `dispatch` is Textual's own handling: priority bindings, then the
        # key goes to the focused widget.
        self._app = app
        self._dispatch = dispatch
        self._held: deque[events.Key] = deque()
        self._in_flight: object | None = None
        self._sent_at = 0.0
        self._timer: Timer | None = None
        # Open while a key is in flight: no frame shows its effects half done.
        self._batch: AbstractContextManager[None] | None = None

    async def key(self, key: events.Key) -> None:
        """A key from the terminal: handle it now, or after the keys before it."""
        if self._in_flight is not None:
            self._held.append(key)
            self._watch()
            return
        await self._send(key)

    async def _send(self, key: events.Key) -> None:
        app = self._app
        target: DOMNode = app.focused or app.screen
        await self._dispatch(key)
        if not key.is_forwarded:
            return  # handled here, by a priority binding
        token = self._in_flight = object()
        self._sent_at = time.monotonic()
        if self._batch is None:
            self._batch = app.batch_update()
            self._batch.__enter__()
        self._watch()
        self._follow(token, target.ancestors_with_self, 0, TRIPS)

    def _follow(self, token: object, path: Sequence[DOMNode], step: int, trips: int) -> None:
        """Post the marker to `path[step]`, behind what is already in its queue."""
        if self._in_flight is not token:
            return
        if step == len(path):
            trips -= 1
            if not trips:
                self._app.call_next(self._release, token)
                return
            step = 0
        if not path[step].call_later(self._follow, token, path, step + 1, trips):
            # A closed queue: nothing goes further up than this.
            self._app.call_later(self._release, token)

    async def _release(self, token: object) -> None:
        if self._in_flight is not token:
            return
        self._in_flight = None
        while self._held and self._in_flight is None:
            await self._send(self._held.popleft())
        if self._in_flight is None and self._batch is not None:
            batch, self._batch = self._batch, None
            batch.__exit__(None, None, None)

    def _watch(self) -> None:
        if self._timer is None:
            self._timer = self._app.set_timer(LOST_AFTER_S, self._check_lost)

    async def _check_lost(self) -> None:
        self._timer = None
        token = self._in_flight
        if token is None:
            return
        if time.monotonic() - self._sent_at >= LOST_AFTER_S:
            await self._release(token)
        else:
            self._watch()
