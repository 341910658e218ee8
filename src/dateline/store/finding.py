"""Facts found for a library in the background: every article that lacks
them, in worker processes, with the one a reader is waiting for first.

`BackgroundFacts` is what the reader uses: `missing` works through the
library's articles without facts (from a worker thread of the app), and
`urgent` puts the open article before them, from any thread. Whichever
thread holds the lock hands out work and stores what comes back; a thread
that finds it held leaves its article to the holder, which looks again for
work before it lets go, so no article is left waiting. Nothing here imports
Textual: the reader hears of each article's facts through `found`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from dateline.facts.base import ArticleFacts
from dateline.facts.workers import FactFinder
from dateline.model.article import Article
from dateline.store.library import Library


class BackgroundFacts:
    def __init__(
        self,
        library: Library,
        found: Callable[[int, ArticleFacts], None],
        *,
        budget: float,
        processes: int | None = None,
    ) -> None:
        self._library = library
        self._found = found
        self._budget = budget
        self._processes = processes
        self._finder: FactFinder[int] | None = None
        self._lock = threading.Lock()  # held by the thread handing out work
        self._made = threading.Lock()
        self._closed = False

    def _workers(self) -> FactFinder[int]:
        with self._made:
            if self._finder is None:
                self._finder = FactFinder[int](processes=self._processes, budget=self._budget)
            return self._finder

    def missing(
        self,
        report: Callable[[int, int, float], None],
        cancelled: Callable[[], bool] = lambda: False,
    ) -> int:
        """Find and store the facts of every article that has none, as
        `Library.extract_missing` reports them; articles made urgent meanwhile
        go first. Returns how many articles were done."""
        finder = self._workers()
        with self._lock:
            done = self._library.extract_missing(report, cancelled, self._found, finder=finder)
        self._drain(finder)
        return done

    def urgent(self, rowid: int, article: Article) -> None:
        """Find this article's facts before any other's, and store them."""
        if self._closed:
            return
        finder = self._workers()
        finder.submit(rowid, article, urgent=True)
        self._drain(finder)

    def _drain(self, finder: FactFinder[int]) -> None:
        """Store what the workers finish while anything is pending, unless
        another thread is doing so (it looks again before it lets go)."""
        while finder.pending and not self._closed:
            if not self._lock.acquire(blocking=False):
                return
            try:
                while finder.pending and not self._closed:
                    for rowid, _, facts in finder.results():
                        [stored] = self._library.store_facts([(rowid, facts)])
                        self._found(rowid, stored)
            finally:
                self._lock.release()

    def close(self) -> None:
        """End the workers; articles still pending keep no facts, and are
        found again next time."""
        self._closed = True
        with self._made:
            if self._finder is not None:
                self._finder.close()
