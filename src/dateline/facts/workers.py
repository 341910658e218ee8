"""Facts found in worker processes, each article within a time budget.

Finding facts is pure Python: in the reader's own process it would hold the
interpreter's lock against the interface, and a slow article would hold up
every other. So `FactFinder` keeps a few worker processes (one a core) and
gives each one article at a time:

- An article wanted now (the one open in the reader) goes before the rest.
- Each worker reports the facts found after each extractor (dates, then
  quantities, then people, organisations and places, then quotes), the
  partial ones pickled in the worker and read here only if the article is
  stopped: the process that hands out work (the reader's, in the reader)
  unpickles one set of facts an article, not five. An article
  whose facts are not all found within the budget (counted from when its
  worker takes it up, so a worker still starting costs it nothing) is
  stopped: its worker is ended and replaced, and the article keeps what was
  found, with a warning (`INCOMPLETE`). The rest of the corpus goes on.
- A worker that dies (out of memory, killed) costs its article the same way,
  never another article.
- Workers can run at a lower priority (`nice`): the reader's do, so that on a
  machine with few cores the interface is scheduled before them.

Workers are started with `forkserver` where there is one (Linux), else
`spawn`: never `fork`, since forking a process that runs Textual's threads
can hang. The fork server imports the extractors once, so each worker starts
in milliseconds.

This module imports nothing from Textual or the store; the store and the
interface hand it articles and take back facts.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import importlib
import multiprocessing
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Generic, TypeVar

from dateline.facts.base import ArticleFacts
from dateline.model.article import Article

K = TypeVar("K")

DEFAULT_BUDGET = 5.0  # seconds an article: two orders beyond the longest real article
# Seconds a new worker may take to start and take up its first article.
STARTING_LIMIT = 60.0
INCOMPLETE = "facts incomplete: the article is too long or unusual ({} s)"
# Where a worker's extraction comes from: "module:function", a generator of
# ArticleFacts, each with all facts found so far (dateline.facts.extract).
DEFAULT_STAGES = "dateline.facts.extract:extract_in_stages"


def cores() -> int:
    """The processors this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["dateline.facts.extract"])
    else:
        context = multiprocessing.get_context("spawn")
    _start_helpers(context)
    return context


_helpers_started = threading.Lock()


def _start_helpers(context: multiprocessing.context.BaseContext) -> None:
    """Start multiprocessing's own helper processes (the fork server, the
    resource tracker) with the process's real standard error. They hand on
    `sys.stderr`'s file descriptor, and under Textual `sys.stderr` is a
    capture with none ("bad value(s) in fds_to_keep")."""
    with _helpers_started:
        saved = sys.stderr
        try:
            if sys.__stderr__ is not None:
                sys.stderr = sys.__stderr__
            if context.get_start_method() == "forkserver":
                from multiprocessing import forkserver

                forkserver.ensure_running()
            else:
                from multiprocessing import resource_tracker

                resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


_WARM_UP = Article(
    "warm-up",
    Path("warm-up.txt"),
    dt.date(2017, 1, 24),
    "Warm up",
    ('Paul Holmes of Unison said on 3 March 2017 in Leeds: "It cost £5m."',),
)


def _serve(connection: Connection, stages: str, nice: int = 0) -> None:
    """A worker: read (task, article), send ("stage", task, pickled facts)
    after each extractor and ("done", task, facts) at the end, until told to
    stop. With `nice`, at that much lower a priority."""
    if nice:
        with contextlib.suppress(AttributeError, OSError):  # no os.nice on Windows
            os.nice(nice)
    module, name = stages.split(":")
    run: Callable[[Article], Iterable[ArticleFacts]] = getattr(
        importlib.import_module(module), name
    )
    # The slow first use of everything (dateparser's import, the gazetteer,
    # compiled patterns) is paid before the first article, not on its time.
    for _ in run(_WARM_UP):
        pass
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task, article = message
        connection.send(("start", task, None))  # the article's budget runs from here
        facts = ArticleFacts()
        try:
            for facts in run(article):
                # Pickled here: the receiver keeps the bytes, and reads them
                # only if the article is stopped before it is done.
                connection.send(("stage", task, pickle.dumps(facts, pickle.HIGHEST_PROTOCOL)))
        except Exception as error:  # the article's failure, not the worker's
            facts = replace(
                facts,
                problems=(*facts.problems, f"facts failed: {type(error).__name__}: {error}"),
            )
        connection.send(("done", task, facts))


@dataclass(slots=True)
class _Worker:
    process: Any
    connection: Connection
    task: int | None = None
    # When the worker took its article up; until then (a worker starting, a
    # machine under load) the article's budget has not begun.
    started: float | None = None
    sent: float = 0.0

    def deadline(self, budget: float) -> float:
        if self.started is None:
            return self.sent + STARTING_LIMIT
        return self.started + budget


@dataclass(slots=True)
class _Task(Generic[K]):
    key: K
    article: Article
    partial: bytes | None = None  # the facts of the last stage done, pickled

    def facts_so_far(self) -> ArticleFacts:
        return ArticleFacts() if self.partial is None else pickle.loads(self.partial)


class FactFinder(Generic[K]):
    """Worker processes that find facts. Use as a context manager, or call
    `close()`. `submit` and `results` may be called from different threads."""

    def __init__(
        self,
        processes: int | None = None,
        budget: float = DEFAULT_BUDGET,
        stages: str = DEFAULT_STAGES,
        nice: int = 0,
    ) -> None:
        self.processes = max(1, processes or cores())
        self.budget = budget
        self._stages = stages
        self._nice = nice
        self._context = _context()
        self._workers: list[_Worker] = []
        self._urgent: collections.deque[_Task[K]] = collections.deque()
        self._waiting: collections.deque[_Task[K]] = collections.deque()
        self._running: dict[int, _Task[K]] = {}
        self._numbers = iter(range(1, 1 << 62))
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> FactFinder[K]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- work in ------------------------------------------------------------------

    def submit(self, key: K, article: Article, *, urgent: bool = False) -> None:
        """Find `article`'s facts; `urgent` ones go before all others."""
        with self._lock:
            (self._urgent if urgent else self._waiting).append(_Task(key, article))

    @property
    def pending(self) -> int:
        """Articles submitted whose facts are not yet out of `results`."""
        with self._lock:
            return len(self._urgent) + len(self._waiting) + len(self._running)

    # --- results out --------------------------------------------------------------

    def results(self, timeout: float | None = None) -> list[tuple[K, Article, ArticleFacts]]:
        """Hand work to idle workers and return every article finished within
        `timeout` seconds (None: wait for at least one, if any is pending)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        finished: list[tuple[K, Article, ArticleFacts]] = []
        while True:
            self._dispatch()
            if not self._running or self._closed:
                return finished
            busy = [w for w in self._workers if w.task is not None]
            now = time.monotonic()
            # Wake for the first budget to run out, or the caller's deadline.
            wake = min(w.deadline(self.budget) for w in busy)
            if deadline is not None:
                wake = min(wake, deadline)
            ready = wait([w.connection for w in busy], max(0.0, wake - now))
            for worker in busy:
                if worker.connection in ready:
                    done = self._receive(worker)
                    if done is not None:
                        finished.append(done)
            now = time.monotonic()
            for worker in busy:
                if worker.task is not None and now > worker.deadline(self.budget):
                    problem = (
                        INCOMPLETE.format(f"{self.budget:g}")
                        if worker.started is not None
                        else "facts incomplete: the worker finding them did not start"
                    )
                    finished.append(self._stop(worker, problem))
            if finished or (deadline is not None and now >= deadline):
                return finished

    def find(self, items: Iterable[tuple[K, Article]]) -> Iterator[tuple[K, Article, ArticleFacts]]:
        """Every item's facts, in the order they are finished, with no more
        than a few articles read ahead of the workers."""
        items = iter(items)
        exhausted = False
        while True:
            while not exhausted and self.pending < 2 * self.processes:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                self.submit(*item)
            if exhausted and not self.pending:
                return
            yield from self.results()

    # --- the workers --------------------------------------------------------------

    def _dispatch(self) -> None:
        if self._closed:
            return
        while len(self._workers) < self.processes:
            self._workers.append(self._start())
        for worker in self._workers:
            if worker.task is not None:
                continue
            with self._lock:
                queue = self._urgent or self._waiting
                if not queue:
                    return
                task = queue.popleft()
                number = next(self._numbers)
                self._running[number] = task
            try:
                worker.connection.send((number, task.article))
            except (OSError, ValueError):  # a worker gone between tasks
                self._replace(worker)
                with self._lock:
                    del self._running[number]
                    self._urgent.appendleft(task)
                continue
            worker.task, worker.started, worker.sent = number, None, time.monotonic()

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_serve,
            args=(theirs, self._stages, self._nice),
            name="dateline-facts",
            daemon=True,
        )
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _receive(self, worker: _Worker) -> tuple[K, Article, ArticleFacts] | None:
        try:
            kind, number, facts = worker.connection.recv()
        except (EOFError, OSError):
            if worker.task is None:  # gone between articles: nothing lost
                self._replace(worker)
                return None
            return self._stop(worker, "facts incomplete: the worker finding them stopped")
        task = self._running.get(number)
        if task is None:
            return None
        if kind == "start":
            worker.started = time.monotonic()
            return None
        if kind != "done":
            task.partial = facts
            return None
        worker.task = None
        with self._lock:
            del self._running[number]
        return task.key, task.article, facts

    def _stop(self, worker: _Worker, problem: str) -> tuple[K, Article, ArticleFacts]:
        """End a worker over its article's budget (or dead), replace it, and
        give the article what was found, with `problem`."""
        number = worker.task
        with self._lock:
            task = self._running.pop(number) if number is not None else None
        self._replace(worker)
        assert task is not None
        so_far = task.facts_so_far()
        facts = replace(so_far, problems=(*so_far.problems, problem))
        return task.key, task.article, facts

    def _replace(self, worker: _Worker) -> None:
        _end(worker)
        if worker not in self._workers:
            return  # closed meanwhile
        index = self._workers.index(worker)
        if self._closed:
            del self._workers[index]
        else:
            self._workers[index] = self._start()

    def close(self) -> None:
        """End every worker; pending articles are dropped."""
        self._closed = True
        workers, self._workers = self._workers, []
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send(None)
        for worker in workers:
            _end(worker, grace=0.5)
        with self._lock:
            self._urgent.clear()
            self._waiting.clear()
            self._running.clear()


def _end(worker: _Worker, grace: float = 0.0) -> None:
    process = worker.process
    if grace:
        process.join(grace)
    if process.is_alive():
        process.kill()
        process.join(2.0)
    with contextlib.suppress(OSError):
        worker.connection.close()
    worker.task = None
