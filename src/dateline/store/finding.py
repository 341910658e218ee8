"""Facts found for a library in the background: every article that lacks
them, in worker processes, with the one a reader is waiting for first.

`BackgroundFacts` is what the reader uses: `missing` works through the
library's articles without facts (from a worker thread of the app), and
`urgent` puts the open article before them, from any thread. Whichever
thread holds the lock hands out work and stores what comes back; a thread
that finds it held leaves its article to the holder, which looks again for
work before it lets go, so no article is left waiting. Nothing here imports
Textual: the reader hears of each article's facts through `found`, with
the content hash of the article they were found in.

`FactsAsRead` is what `dateline index` and `dateline export` use: the
articles go to the workers batch by batch as the files are read.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable

from dateline.facts.base import ArticleFacts
from dateline.facts.workers import FactFinder
from dateline.model.article import Article
from dateline.store.library import BATCH_SECONDS, FACTS_BATCH, Library

# The reader's workers run this much lower in priority than the reader: on a
# machine with two cores they would otherwise take the time a key press needs.
BACKGROUND_NICE = 10


class BackgroundFacts:
    def __init__(
        self,
        library: Library,
        found: Callable[[int, str, ArticleFacts], None],
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
                self._finder = FactFinder[int](
                    processes=self._processes, budget=self._budget, nice=BACKGROUND_NICE
                )
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
                    for rowid, article, facts in finder.results():
                        digest = article.content_hash
                        [stored] = self._library.store_facts([(rowid, digest, facts)])
                        if stored is not None:  # its row holds another article now
                            self._found(rowid, digest, stored)
            finally:
                self._lock.release()

    def close(self) -> None:
        """End the workers; articles still pending keep no facts, and are
        found again next time."""
        self._closed = True
        with self._made:
            if self._finder is not None:
                self._finder.close()


# Articles handed to the workers ahead of the facts stored: enough to keep
# every worker busy between two of the indexer's reports, few enough that a
# corpus of any size is never held in memory whole.
AHEAD = 256
# How long the pump thread waits for results, or for work, at a time.
PUMP_IDLE_S = 0.05


class FactsAsRead:
    """Facts found while a corpus is read: each batch of articles the indexer
    stores goes to the workers at once, so that reading the files and finding
    their facts overlap (the workers start, and the first articles' facts are
    found, while the rest of the files are read), rather than one after the
    other. For `dateline index` and `dateline export`.

    `workers()` makes the finder once `start_from` articles without facts
    have turned up: a corpus read before starts none, and one of fewer
    articles than that has its facts found in this process, where starting
    the workers would cost more than it saves."""

    def __init__(
        self,
        library: Library,
        workers: Callable[[], FactFinder[int]],
        report: Callable[[int, int, float], None],
        *,
        start_from: int = 0,
    ) -> None:
        self._library = library
        self._make_workers = workers
        self._finder: FactFinder[int] | None = None
        # A thread hands work to the workers and takes their results while
        # this one reads files: otherwise each worker, given one article at
        # a time, sat idle from its article's end to the next batch read.
        self._finished: queue.SimpleQueue[tuple[int, Article, ArticleFacts]] = queue.SimpleQueue()
        self._pump: threading.Thread | None = None
        self._stop_pump = threading.Event()
        self._report = report
        self._start_from = start_from
        self._waiting: list[int] = []  # without facts, the workers not yet started
        self._sent: set[int] = set()  # handed to the workers, facts not yet stored
        self._done: set[int] = set()
        self._batch: list[tuple[int, str, ArticleFacts]] = []
        self._started = time.perf_counter()
        self._last_report = 0.0
        self._total = 0

    @property
    def finder(self) -> FactFinder[int] | None:
        return self._finder

    def read(self, rowids: Iterable[int]) -> None:
        """Articles just listed by the indexer: those without facts (read
        anew) to the workers, then whatever they have finished is stored."""
        self._waiting += self._library.without_facts(list(rowids))
        if self._finder is None and len(self._waiting) < max(self._start_from, 1):
            return
        self._send_waiting()
        self._collect(wait=False)

    def rest(self, rowids: Iterable[int] | None = None) -> int:
        """Once the files are read: every article (of `rowids`, or of the
        cache) still without facts has its facts found and stored. Returns
        how many articles' facts were found."""
        seen = set(self._waiting)
        self._waiting += [
            rowid
            for rowid in self._library.without_facts(rowids)
            if rowid not in self._sent and rowid not in self._done and rowid not in seen
        ]
        if self._finder is None and len(self._waiting) < self._start_from:
            # Few: here, one after another.
            waiting, self._waiting = self._waiting, []
            return self._library.extract_missing(self._report, rowids=waiting)
        self._send_waiting()
        while self._sent and self._pump is not None and self._pump.is_alive():
            self._collect(wait=True)
        self.stop()
        self._collect(wait=False)
        self._store()
        self._report(len(self._done), self._total, self._rate())
        return len(self._done)

    def _send_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for rowid in waiting:
            if rowid not in self._sent and rowid not in self._done:
                self._send(rowid)

    def _send(self, rowid: int) -> None:
        article = self._library.article(rowid)
        if article is None:
            return  # gone since it was stored
        if self._finder is None:
            self._finder = self._make_workers()
            self._pump = threading.Thread(
                target=self._run_pump, args=(self._finder,), name="dateline-facts-pump", daemon=True
            )
            self._pump.start()
        self._finder.submit(rowid, article)
        self._sent.add(rowid)
        self._total += 1
        while len(self._sent) > AHEAD:
            self._collect(wait=True)

    def _run_pump(self, finder: FactFinder[int]) -> None:
        """The pump thread: work out to the workers, results into `_finished`."""
        while not self._stop_pump.is_set():
            if not finder.pending:
                self._stop_pump.wait(PUMP_IDLE_S)
                continue
            try:
                finished = finder.results(PUMP_IDLE_S)
            except Exception:  # the finder closed under it: nothing more to take
                return
            for item in finished:
                self._finished.put(item)

    def stop(self) -> None:
        """End the pump thread (the workers stay the caller's to close)."""
        self._stop_pump.set()
        if self._pump is not None:
            self._pump.join()

    def _collect(self, *, wait: bool) -> None:
        if self._finder is None or not self._sent:
            return
        finished = []
        if wait:  # at least one, unless the pump has ended
            while True:
                try:
                    finished.append(self._finished.get(timeout=PUMP_IDLE_S))
                    break
                except queue.Empty:
                    if self._pump is None or not self._pump.is_alive():
                        break
        while True:
            try:
                finished.append(self._finished.get_nowait())
            except queue.Empty:
                break
        for rowid, article, facts in finished:
            self._sent.discard(rowid)
            self._done.add(rowid)
            self._batch.append((rowid, article.content_hash, facts))
        if len(self._batch) >= FACTS_BATCH:
            self._store()
        now = time.perf_counter()
        if now - self._last_report >= BATCH_SECONDS:
            self._last_report = now
            self._report(len(self._done), self._total, self._rate())

    def _store(self) -> None:
        if self._batch:
            self._library.store_facts(self._batch)
            self._batch = []

    def _rate(self) -> float:
        return len(self._done) / max(time.perf_counter() - self._started, 1e-9)
