"""SIGKILL while Dateline writes, at random points, a few hundred times (issue 6,
"Faults"): the next start opens without a problem, the file passes
`PRAGMA integrity_check`, and nothing committed before the kill is lost.

Three writers are killed: a child process writing reading state (read marks,
stars, preferences), a child indexing a small corpus into the cache and
extracting its facts, and the real `dateline` command in a pty while it indexes
2,000 articles. The children are forked from the test process (see `forked.py`),
so a round costs milliseconds and the kills are cheap enough to be many.

Every check runs after every kill, and the test goes on after a failed round
(from fresh files) so that its message says how often each failure happened,
not only that one did."""

from __future__ import annotations

import itertools
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from random import Random

from dateline.model.article import Article
from dateline.model.loading import load_file
from dateline.store.library import Library
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

# Kills in CI; DATELINE_KILL_ROUNDS=N asks for N reading-state kills and N / 2
# cache kills instead (never fewer than these).
STATE_KILLS = 200
CACHE_KILLS = 100
ROUNDS_VARIABLE = "DATELINE_KILL_ROUNDS"

STATE_KILL_SECONDS = 0.030  # the kill comes 0-30 ms after the fork
FRESH_STATE_SHARE = 0.25  # rounds that start with no state file at all
PREFERENCE_KEYS = ("theme", "sort", "filter", "pane")

CACHE_ARTICLES = 60
FRESH_CACHE_SHARE = 0.25  # rounds that start with no cache file at all
# A fresh cache takes the child about 0.25 s (0.04 s reading 60 files, the
# rest finding their facts), a round with a few changed files about 0.05 s. The
# kills are spread over a little more than that, so that some land after the
# child is done, and squared towards the start, so that many land while the
# files are read (see `kill_delay`).
FRESH_CACHE_KILL_SECONDS = 0.35
CHANGED_CACHE_KILL_SECONDS = 0.08

APP_ARTICLES = 2000
APP_KILLS = 4
APP_KILL_SECONDS = (0.3, 2.0)
LIST_PAINTED = rb"articles so far|articles \xc2\xb7"


def kill_delay(rng: Random, limit: float) -> float:
    """0 to `limit` seconds, more often short than long: the square of a uniform
    draw, so a tenth of the range still takes about a third of the kills."""
    return limit * rng.random() ** 2


def kill_rounds(default: int, share: float = 1.0) -> int:
    asked = os.environ.get(ROUNDS_VARIABLE, "").strip()
    return max(default, int(int(asked) * share)) if asked else default


def phase_counts(phases: Counter[str]) -> str:
    return ", ".join(f"{phase}: {count}" for phase, count in sorted(phases.items()))


# --- Reading state ------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class StateChange:
    """One call a reader makes: mark read or unread, star or unstar, set a preference."""

    kind: str  # "read", "starred" or "preference"
    key: str
    value: bool | str


def state_changes(round_number: int) -> Iterator[StateChange]:
    """The writer's calls in round `round_number`: the same sequence in the child
    that makes them and in the parent that checks them."""
    rng = Random(f"state-{round_number}")
    read: list[str] = []
    starred: list[str] = []
    for number in itertools.count():
        roll = rng.random()
        if roll < 0.1 and read:
            yield StateChange("read", read.pop(int(rng.random() * len(read))), False)
        elif roll < 0.2 and starred:
            yield StateChange("starred", starred.pop(int(rng.random() * len(starred))), False)
        elif roll < 0.6:
            read.append(f"a{round_number}-{number}")
            yield StateChange("read", read[-1], True)
        elif roll < 0.8:
            starred.append(f"a{round_number}-{number}")
            yield StateChange("starred", starred[-1], True)
        else:
            key = PREFERENCE_KEYS[int(rng.random() * len(PREFERENCE_KEYS))]
            yield StateChange("preference", key, f"{round_number}.{number}")


@dataclass(slots=True, frozen=True)
class StateSnapshot:
    read: frozenset[str] = frozenset()
    starred: frozenset[str] = frozenset()
    preferences: tuple[tuple[str, str], ...] = ()

    def after(self, change: StateChange) -> StateSnapshot:
        if change.kind == "preference":
            preferences = dict(self.preferences)
            preferences[change.key] = str(change.value)
            return replace(self, preferences=tuple(sorted(preferences.items())))
        ids = self.read if change.kind == "read" else self.starred
        ids = ids | {change.key} if change.value else ids - {change.key}
        if change.kind == "read":
            return replace(self, read=ids)
        return replace(self, starred=ids)

    def differences(self, other: StateSnapshot) -> str:
        parts = []
        for name, mine, theirs in (
            ("read", self.read, other.read),
            ("starred", self.starred, other.starred),
            ("preferences", set(self.preferences), set(other.preferences)),
        ):
            if mine - theirs:
                parts.append(f"{name} lacks {sorted(mine - theirs)[:5]}")
            if theirs - mine:
                parts.append(f"{name} has extra {sorted(theirs - mine)[:5]}")
        return "; ".join(parts)


def apply(state: ReadingState, change: StateChange) -> None:
    if change.kind == "read":
        state.set_read(change.key, bool(change.value))
    elif change.kind == "starred":
        state.set_starred(change.key, bool(change.value))
    else:
        state.set_preference(change.key, str(change.value))


def snapshot(state: ReadingState) -> StateSnapshot:
    preferences = []
    for key in PREFERENCE_KEYS:
        value = state.get_preference(key)
        if value is not None:
            preferences.append((key, value))
    return StateSnapshot(
        frozenset(state.read_keys()), frozenset(state.starred_keys()), tuple(sorted(preferences))
    )


def write_reading_state(path: Path, round_number: int, channel: Channel) -> None:
    """The child: its own ReadingState, then one call after another, each
    acknowledged once it has returned, until the parent kills it."""
    state = ReadingState.open(path)
    if state.problems or state.path != path:
        channel.send("problem", state.problems)
        return
    channel.send("opened")
    for number, change in enumerate(state_changes(round_number)):
        apply(state, change)
        # ReadingState never raises: a failed write moves it to memory, says so
        # in `problems`, and the change would not be on disk.
        if state.problems or state.path != path:
            channel.send("problem", state.problems)
            return
        channel.send("ack", number)


def check_reading_state(
    path: Path, round_number: int, before: StateSnapshot, outcome: Outcome, failures: Failures
) -> StateSnapshot | None:
    """Open the state as the next start would; the snapshot found, or None when
    a check failed."""
    failed = len(failures)
    if outcome.errors or outcome.payloads("problem"):
        detail = (outcome.errors or [str(outcome.payloads("problem"))])[0]
        failures.add("the writer failed before the kill", round_number, detail)
    state = ReadingState.open(path)
    try:
        if state.problems or state.path != path:
            failures.add(
                "opening after the kill reported problems", round_number, str(state.problems)
            )
            return None
        found = snapshot(state)
    finally:
        state.close()
    if extra := store_files(path):
        failures.add("a file was set aside", round_number, str(extra))
    if (result := integrity(path)) != "ok":
        failures.add("integrity_check failed", round_number, result)
    acknowledged = outcome.payloads("ack")
    count = len(acknowledged)
    if acknowledged != list(range(count)):
        failures.add("acknowledgements out of order", round_number, str(acknowledged[:20]))
    # Every acknowledged call is on disk; the call under way when the kill
    # came may be too (committed, not yet acknowledged), and nothing more.
    expected = before
    for change in itertools.islice(state_changes(round_number), count):
        expected = expected.after(change)
    in_flight = expected.after(next(itertools.islice(state_changes(round_number), count, None)))
    if found not in (expected, in_flight):
        failures.add(
            "committed reading state lost or changed",
            round_number,
            f"after {count} acknowledged calls: {expected.differences(found)}",
        )
    return found if len(failures) == failed else None


def state_phase(fresh: bool, outcome: Outcome) -> str:
    start = "new file" if fresh else "existing file"
    if not outcome.messages:
        return f"{start}, opening"
    if not outcome.payloads("ack"):
        return f"{start}, open, no call done"
    return f"{start}, writing"


def test_killed_while_writing_reading_state_nothing_committed_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "data" / "state.sqlite3"
    rng = Random(20170124)
    rounds = kill_rounds(STATE_KILLS)
    failures = Failures()
    phases: Counter[str] = Counter()
    calls = 0
    before = StateSnapshot()
    for round_number in range(rounds):
        fresh = round_number == 0 or rng.random() < FRESH_STATE_SHARE
        if fresh:
            remove_store(path)
            before = StateSnapshot()
        child = ForkedChild(partial(write_reading_state, path, round_number))
        outcome = child.kill_after(rng.uniform(0, STATE_KILL_SECONDS))
        phases[state_phase(fresh, outcome)] += 1
        calls += len(outcome.payloads("ack"))
        found = check_reading_state(path, round_number, before, outcome, failures)
        if found is None:  # go on from a fresh file, to count how often it fails
            remove_store(path)
            found = StateSnapshot()
        before = found
    print(f"\nreading state: {rounds} kills, {calls} acknowledged calls; {phase_counts(phases)}")
    assert not failures, failures.summary(rounds)
    # Not a test that cannot fail because the kills all came too early.
    assert phases["existing file, writing"] + phases["new file, writing"] > 0, phases


# --- The cache ----------------------------------------------------------------


def index_and_extract(path: Path, root: Path, channel: Channel) -> None:
    """The child: what the reader's worker does, in a process of its own."""
    library = Library.open(path)
    if library.problems or library.temporary:
        channel.send("problem", library.problems)
        return
    channel.send("opened")
    library.index([root], lambda change, progress: channel.send("listed", len(change.added)))
    channel.send("indexed")
    library.extract_missing(lambda done, total, rate: channel.send("facts", done))
    channel.send("extracted")
    library.close()


def check_cache(
    path: Path, corpus: CorpusOnDisk, round_number: int, outcome: Outcome, failures: Failures
) -> bool:
    """Open the cache as the next start would and bring it up to date; False
    when a check failed."""
    failed = len(failures)
    if outcome.errors or outcome.payloads("problem"):
        detail = (outcome.errors or [str(outcome.payloads("problem"))])[0]
        failures.add("the indexer failed before the kill", round_number, detail)
    library = Library.open(path)
    try:
        if library.problems or library.temporary:
            failures.add(
                "opening after the kill reported problems", round_number, str(library.problems)
            )
            return False
        if extra := store_files(path):
            failures.add("a file was set aside", round_number, str(extra))
        if (result := integrity(path)) != "ok":
            failures.add("integrity_check failed", round_number, result)
        for kind, detail in cache_consistency(path):
            failures.add(f"after the kill: {kind}", round_number, detail)

        progress = library.index([corpus.root], lambda change, progress: None)
        if progress.problems:
            failures.add("indexing again found problems", round_number, str(progress.problems))
        for kind, detail in listing_problems(library, corpus):
            failures.add(kind, round_number, detail)
        library.extract_missing(lambda done, total, rate: None)
        for kind, detail in facts_problems(library, corpus):
            failures.add(kind, round_number, detail)
        for kind, detail in cache_consistency(path):
            failures.add(f"after extracting again: {kind}", round_number, detail)
    finally:
        library.close()
    return len(failures) == failed


def cache_phase(fresh: bool, outcome: Outcome) -> str:
    start = "new cache" if fresh else "changed files"
    kinds = outcome.kinds()
    if not outcome.killed:
        return f"{start}, done before the kill"
    if "indexed" in kinds:
        return f"{start}, finding facts"
    if "opened" in kinds:
        return f"{start}, indexing"
    return f"{start}, opening"


def test_killed_while_indexing_the_cache_opens_whole_and_complete(tmp_path: Path) -> None:
    # Imported once, before the forks: a child should spend its time writing,
    # and a fork never inherits an import half done by another thread.
    import dateline.facts.extract
    import dateline.model.loading  # noqa: F401

    corpus = CorpusOnDisk.write(tmp_path / "corpus", CACHE_ARTICLES, seed=11)
    path = tmp_path / "cache" / "library.sqlite3"
    rng = Random(20170127)
    rounds = kill_rounds(CACHE_KILLS, 0.5)
    failures = Failures()
    phases: Counter[str] = Counter()
    for round_number in range(rounds):
        fresh = round_number == 0 or rng.random() < FRESH_CACHE_SHARE
        if fresh:
            remove_store(path)
        else:
            corpus.change(rng, round_number)
        child = ForkedChild(partial(index_and_extract, path, corpus.root))
        limit = FRESH_CACHE_KILL_SECONDS if fresh else CHANGED_CACHE_KILL_SECONDS
        outcome = child.kill_after(kill_delay(rng, limit))
        phases[cache_phase(fresh, outcome)] += 1
        if not check_cache(path, corpus, round_number, outcome, failures):
            remove_store(path)
    print(f"\ncache: {rounds} kills; {phase_counts(phases)}")
    assert not failures, failures.summary(rounds)
    # Not a test that cannot fail because the kills all came too early or too late.
    assert phases["new cache, indexing"] + phases["changed files, indexing"] > 0, phases
    assert phases["new cache, finding facts"] + phases["changed files, finding facts"] > 0, phases


# --- The real app ---------------------------------------------------------------


def test_the_app_killed_while_indexing_opens_again_and_quits(tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "corpus", APP_ARTICLES, seed=6)
    argv = [*dateline_command(), str(tmp_path / "corpus")]
    rng = Random(6)
    with short_home() as home:
        env = environment(home)
        painted_before_kill = 0
        for _ in range(APP_KILLS):
            terminal = Terminal(argv, env)
            try:
                kill_at = rng.uniform(*APP_KILL_SECONDS)
                started = time.monotonic()
                # Once the list shows, open the highlighted article and change
                # the theme, so that reading state is being written too.
                if terminal.wait_for(LIST_PAINTED, kill_at):
                    painted_before_kill += 1
                    terminal.send(b"\rt")
                terminal.read_for(kill_at - (time.monotonic() - started))
            finally:
                terminal.kill()
        print(f"\napp: {APP_KILLS} kills, {painted_before_kill} after the list was painted")

        cache = home / "cache" / "library.sqlite3"
        state_path = home / "data" / "state.sqlite3"
        with ReadingState.open(state_path) as state:
            assert state.problems == []
            marked = state.read_keys()
        # Marks are kept under reading keys: each one is an article of the corpus.
        keys = set()
        for path in ids.values():
            article = load_file(path)
            assert isinstance(article, Article)
            keys.add(article.reading_key)
        assert marked <= keys
        unread = f"{APP_ARTICLES:,} articles · {APP_ARTICLES - len(marked):,} unread".encode()

        terminal = Terminal(argv, env)
        try:
            # Every article listed, and the read marks of the killed runs shown.
            painted = terminal.wait_for(re.escape(unread), 60)
            assert painted, f"{unread!r} never appeared; the screen ended with:\n{terminal.tail()}"
            terminal.send(b"q")
            exit_code = terminal.wait_exit(30)
        finally:
            terminal.close()
        assert exit_code == 0, terminal.tail()
        assert terminal.store_messages() == []
        assert "Traceback" not in terminal.text()
        assert "Background work" not in terminal.text()

        for store in (cache, state_path):
            assert integrity(store) == "ok"
            assert store_files(store) == []
        assert cache_consistency(cache) == []
        library = Library.open(cache)
        try:
            assert library.problems == []
            listed = Counter(entry.id for entry in library.entries([tmp_path / "corpus"]))
            assert listed == Counter(ids.keys())
        finally:
            library.close()
        with ReadingState.open(state_path) as state:
            assert state.problems == []
            assert state.read_keys() >= marked
