"""Two readers on the same corpus with the same cache and reading state at
once (issue 6, "Faults"): both work, neither corrupts the store, and neither
is left listing an article under a rowid the cache no longer has.

Each round forks two children that start together (a pipe releases both at
once) and do what the reader's worker and its user do: list the cache, index
the corpus, mark articles read as they are listed, extract the facts, and mark
more read. Rounds start from new files, from a cache that is up to date, and
from one whose files have changed on disk, in turn. The checks run after every
round and the test goes on, so that its message says how often each failure
happened."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from random import Random

from dateline.model.listing import Listing
from dateline.store.library import IndexProgress, Library, ListingChange
from dateline.store.state import ReadingState
from tests.faults.forked import Channel, ForkedChild, Outcome
from tests.faults.support import (
    CorpusOnDisk,
    Failures,
    cache_consistency,
    facts_problems,
    integrity,
    listing_problems,
    remove_store,
    store_files,
    write_corpus,
)
from tests.faults.terminal import Terminal, dateline_command, environment, short_home

# Rounds in CI, a third from new files, a third up to date, a third with changed
# files; DATELINE_TWO_INSTANCE_ROUNDS=N asks for more.
ROUNDS = 12
ROUNDS_VARIABLE = "DATELINE_TWO_INSTANCE_ROUNDS"
ROUND_KINDS = ("new files", "up to date", "changed files")
ARTICLES = 60
CHILD_TIMEOUT = 60.0
APP_ARTICLES = 300


@dataclass(slots=True)
class ReaderReport:
    """What one reader saw and did, sent back to the parent as JSON."""

    listing: list[tuple[int, str]]  # (rowid, id): its entries plus every change reported
    marked: list[str]
    library_problems: list[str]
    temporary_library: bool
    state_problems: list[str]
    state_in_memory: bool


def read_alongside(
    cache: Path, state_path: Path, root: Path, go: int, which: int, result: Path, channel: Channel
) -> None:
    """One reader, in a child process: its own library and reading state, opened
    once the parent says go. What it saw is written to `result` as JSON."""
    os.read(go, 1)
    library = Library.open(cache)
    state = ReadingState.open(state_path)
    # As the app does: the list and the indexer start from one snapshot, and
    # each change is applied to the list as the app applies it.
    snapshot = library.snapshot([root])
    listing = Listing(snapshot.entries)
    marked: list[str] = []

    def mark(article_id: str) -> None:
        state.set_read(article_id)
        marked.append(article_id)

    def report(change: ListingChange, progress: IndexProgress) -> None:
        listing.apply(change.added, change.removed)
        # A reader opening articles while the list fills in.
        for entry in change.added[which::3]:
            mark(entry.id)

    progress = library.index([root], report, known=snapshot.files)
    library.extract_missing(lambda done, total, rate: None)
    listed = {entry.rowid: entry.id for entry in listing.entries}
    for article_id in sorted(listed.values())[which::2]:
        mark(article_id)
    report_back = ReaderReport(
        listing=sorted(listed.items()),
        marked=marked,
        library_problems=library.problems + [str(problem) for problem in progress.problems],
        temporary_library=library.temporary,
        state_problems=state.problems,
        state_in_memory=state.path is None,
    )
    library.close()
    state.close()
    result.write_text(json.dumps(asdict(report_back)), "utf-8")
    channel.send("done")


def run_round(
    cache: Path, state_path: Path, root: Path, results: Path
) -> tuple[list[Outcome], list[ReaderReport | None]]:
    go_read, go_write = os.pipe()
    files = [results / f"reader-{which}.json" for which in (0, 1)]
    for path in files:
        path.unlink(missing_ok=True)
    try:
        children = [
            ForkedChild(partial(read_alongside, cache, state_path, root, go_read, which, path))
            for which, path in enumerate(files)
        ]
        os.write(go_write, b"go")
    finally:
        os.close(go_read)
        os.close(go_write)
    outcomes = [child.wait(CHILD_TIMEOUT) for child in children]
    seen = [
        ReaderReport(**json.loads(path.read_text("utf-8"))) if path.exists() else None
        for path in files
    ]
    return outcomes, seen


def check_round(
    cache: Path,
    state_path: Path,
    corpus: CorpusOnDisk,
    round_number: int,
    outcomes: list[Outcome],
    seen: list[ReaderReport | None],
    failures: Failures,
) -> None:
    for which, (outcome, reader) in enumerate(zip(outcomes, seen, strict=True)):
        if outcome.exit_code != 0 or outcome.errors or reader is None:
            # The first line that names an exception, for grouping.
            error = (
                "\n".join(outcome.errors) or f"exit {outcome.exit_code}, killed {outcome.killed}"
            )
            names = re.findall(r"^\w[\w.]*(?:Error|Exception)\b.*$", error, re.MULTILINE)
            failures.add(
                f"a reader failed: {names[-1] if names else 'no traceback'}",
                round_number,
                f"reader {which}: {error}",
            )
            continue
        if reader.library_problems or reader.temporary_library:
            failures.add(
                "a reader's library reported problems",
                round_number,
                f"reader {which}: {reader.library_problems}",
            )
        if reader.state_problems or reader.state_in_memory:
            failures.add(
                "a reader's reading state reported problems",
                round_number,
                f"reader {which}: {reader.state_problems}",
            )

    for path in (cache, state_path):
        if extra := store_files(path):
            failures.add("a file was set aside", round_number, f"{path.name}: {extra}")
        if (result := integrity(path)) != "ok":
            failures.add("integrity_check failed", round_number, f"{path.name}: {result}")
    for kind, detail in cache_consistency(cache):
        failures.add(kind, round_number, detail)

    library = Library.open(cache)
    try:
        if library.problems or library.temporary:
            failures.add("opening the cache reported problems", round_number, str(library.problems))
            return
        # No indexing or extracting here: the two readers did both, so the
        # cache must already be complete.
        for kind, detail in listing_problems(library, corpus):
            failures.add(f"after both readers: {kind}", round_number, detail)
        for kind, detail in facts_problems(library, corpus):
            failures.add(f"after both readers: {kind}", round_number, detail)
        cached = {entry.rowid: entry.id for entry in library.entries([corpus.root])}
    finally:
        library.close()
    present = Counter(corpus.present)
    for which, reader in enumerate(seen):
        if reader is None or reader.temporary_library:
            continue  # failed, or listed a cache of its own: reported above
        stale = [(rowid, name) for rowid, name in reader.listing if cached.get(rowid) != name]
        if stale:
            failures.add(
                "a reader's listing holds rowids the cache no longer has",
                round_number,
                f"reader {which}: {len(stale)} of {len(reader.listing)}, e.g. {stale[:3]}",
            )
        listed = Counter(article_id for _, article_id in reader.listing)
        if listed != present:
            failures.add(
                "a reader's listing is not the corpus, each article once",
                round_number,
                f"reader {which}: too often {sorted((listed - present).items())[:3]},"
                f" missing {sorted((present - listed).items())[:3]}",
            )

    marked = {article_id for reader in seen if reader for article_id in reader.marked}
    with ReadingState.open(state_path) as state:
        if state.problems:
            failures.add(
                "opening the reading state reported problems", round_number, str(state.problems)
            )
        if lost := marked - state.read_keys():
            failures.add(
                "read marks lost", round_number, f"{len(lost)} of {len(marked)}: {sorted(lost)[:5]}"
            )


def test_two_readers_at_once_share_the_cache_and_the_reading_state(tmp_path: Path) -> None:
    # Imported once, before the forks (see test_kill.py).
    import dateline.facts.extract
    import dateline.model.loading  # noqa: F401

    corpus = CorpusOnDisk.write(tmp_path / "corpus", ARTICLES, seed=17)
    cache = tmp_path / "cache" / "library.sqlite3"
    state_path = tmp_path / "data" / "state.sqlite3"
    cache.parent.mkdir()
    state_path.parent.mkdir()
    rng = Random(20170118)
    failures = Failures()
    rounds = max(ROUNDS, int(os.environ.get(ROUNDS_VARIABLE, "").strip() or 0))
    for round_number in range(rounds):
        kind = ROUND_KINDS[round_number % len(ROUND_KINDS)]
        if kind == "new files":
            remove_store(cache)
            remove_store(state_path)
        elif kind == "changed files":
            corpus.change(rng, round_number)
        outcomes, seen = run_round(cache, state_path, corpus.root, tmp_path)
        check_round(cache, state_path, corpus, round_number, outcomes, seen, failures)
    assert not failures, failures.summary(rounds)


def test_two_dateline_commands_on_one_corpus_both_list_it_and_quit(tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "corpus", APP_ARTICLES, seed=18)
    argv = [*dateline_command(), str(tmp_path / "corpus")]
    listed = re.escape(f"{APP_ARTICLES:,} articles · {APP_ARTICLES:,} unread".encode())
    with short_home() as home:
        terminals = [Terminal(argv, environment(home)) for _ in range(2)]
        try:
            painted = [False, False]
            for _ in range(600):  # up to 60 s, reading both so that neither blocks
                for which, terminal in enumerate(terminals):
                    painted[which] = painted[which] or terminal.wait_for(listed, 0.05)
                if all(painted):
                    break
            for which, terminal in enumerate(terminals):
                assert painted[which], (
                    f"instance {which} never listed the corpus:\n{terminal.tail()}"
                )
            for terminal in terminals:
                terminal.send(b"q")
            exit_codes = [terminal.wait_exit(30) for terminal in terminals]
        finally:
            for terminal in terminals:
                terminal.close()
        assert exit_codes == [0, 0], [terminal.tail() for terminal in terminals]
        for terminal in terminals:
            assert terminal.store_messages() == []
            assert "Traceback" not in terminal.text()
            assert "Background work" not in terminal.text()

        cache = home / "cache" / "library.sqlite3"
        for path in (cache, home / "data" / "state.sqlite3"):
            assert integrity(path) == "ok"
            assert store_files(path) == []
        assert cache_consistency(cache) == []
        library = Library.open(cache)
        try:
            assert library.problems == []
            entries = library.entries([tmp_path / "corpus"])
            assert Counter(entry.id for entry in entries) == Counter(ids.keys())
        finally:
            library.close()
