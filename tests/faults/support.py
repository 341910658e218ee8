"""Shared pieces of the fault tests: a synthetic corpus on disk that changes
between rounds, checks of a store file made from outside Dateline's own code,
and a tally of failed checks."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from types import ModuleType

from dateline.facts.gazetteer import CACHE_PREFIX as GAZETTEER_PREFIX
from dateline.store.library import Library
from tests.conftest import REPOSITORY

# The files SQLite keeps for one database in WAL mode; anything else beside
# them (a ".corrupt-..." copy) means the store set a damaged file aside.
WAL_FILES = ("", "-wal", "-shm")

# Each round of changes rewrites this many files (adding a paragraph with a
# marker word found nowhere else) and touches this many (same bytes, new time).
REWRITTEN_A_ROUND, TOUCHED_A_ROUND = 6, 3
MARKER = re.compile(r"kestrel\d+x\d+z")


def make_corpus_script() -> ModuleType:
    """benchmarks/make_corpus.py, a script rather than a package module."""
    loaded = sys.modules.get("make_corpus")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPOSITORY / "benchmarks" / "make_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: dataclasses look the module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def write_corpus(folder: Path, count: int, seed: int, per_folder: int = 1000) -> dict[str, Path]:
    """`count` synthetic articles in seed format, no two alike, so every file is
    one article whose id is its path in `folder` without the extension
    (`0000/a00000000`): {id: path}."""
    make_corpus = make_corpus_script()
    articles = make_corpus.generate(count, seed, duplicates=0)
    make_corpus.write_txt(articles, folder, per_folder)
    return {
        path.relative_to(folder).with_suffix("").as_posix(): path
        for path in sorted(folder.rglob("*.txt"))
    }


def store_files(path: Path) -> list[str]:
    """The names in the store's folder that are not the store's own files (nor
    the gazetteer's table, which the cache folder keeps beside the library)."""
    own = {path.name + suffix for suffix in WAL_FILES}
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name not in own and not p.name.startswith(GAZETTEER_PREFIX)
    )


def remove_store(path: Path) -> None:
    for suffix in WAL_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` on the file, from a connection of our own."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "\n".join(str(value) for (value,) in rows)


def cache_consistency(path: Path) -> list[tuple[str, str]]:
    """What `integrity_check` cannot see in the cache: a full-text index that
    disagrees with the article table (SQLite 3.40 does not check FTS5 tables in
    `integrity_check`), and people, organisations and places listed for
    articles that are gone. As (kind, detail) pairs."""
    problems = []
    connection = sqlite3.connect(path)
    try:
        try:
            # rank 1: also compare the index with its external content table.
            connection.execute(
                "INSERT INTO article_text (article_text, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as error:
            problems.append(("the full-text index disagrees with the articles", str(error)))
        (orphans,) = connection.execute(
            "SELECT count(*) FROM mention WHERE article NOT IN (SELECT rowid FROM article)"
        ).fetchone()
        if orphans:
            problems.append(("mention rows name rowids that no article has", f"{orphans} rows"))
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.close()
    return problems


def listing_problems(library: Library, corpus: CorpusOnDisk) -> list[tuple[str, str]]:
    """What is wrong in the cache's listing of `corpus`, as (kind, detail): each
    file on disk listed once and nothing else, each article readable with its
    current text, and that text found by the full-text search."""
    problems = []
    entries = library.entries([corpus.root])
    listed = Counter(entry.id for entry in entries)
    if listed != Counter(corpus.present):
        missing = sorted(corpus.present - set(listed))
        extra = sorted(set(listed) - corpus.present)
        twice = sorted(article_id for article_id, times in listed.items() if times > 1)
        problems.append(
            (
                "the listing is wrong",
                f"missing {missing[:5]}, not on disk {extra[:5]}, listed twice {twice[:5]}",
            )
        )
    for entry in entries:
        article = library.article(entry.rowid)
        if article is None:  # the row went since the listing was taken
            problems.append(("a listed article cannot be read", entry.id))
            continue
        found = set(MARKER.findall("\n\n".join(article.paragraphs)))
        expected = {corpus.markers[entry.id]} if entry.id in corpus.markers else set()
        if found != expected:
            problems.append(("the cache holds an old text", f"{entry.id}: {found} not {expected}"))
        elif expected and library.search(sorted(expected)) != {entry.rowid}:
            problems.append(("search misses the new text", f"{entry.id}: {expected}"))
    return problems


def facts_problems(library: Library, corpus: CorpusOnDisk) -> list[tuple[str, str]]:
    """Articles of `corpus` whose facts are missing from the cache."""
    problems = []
    if missing := library.without_facts():
        problems.append(("rowids without facts", str(missing[:5])))
    entries = library.entries([corpus.root])
    if without := [entry.id for entry in entries if library.facts(entry.rowid) is None]:
        problems.append(("a listed article has no facts", str(without[:5])))
    return problems


@dataclass(slots=True)
class Failures:
    """Failed checks by kind, with the rounds they happened in."""

    rounds: dict[str, list[int]] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, round_number: int, detail: str) -> None:
        rounds = self.rounds.setdefault(kind, [])
        if not rounds or rounds[-1] != round_number:  # a round counts once per kind
            rounds.append(round_number)
        self.examples.setdefault(kind, f"round {round_number}: {detail}")

    def __len__(self) -> int:
        return sum(len(rounds) for rounds in self.rounds.values())

    def summary(self, total: int) -> str:
        lines = [f"failures in {total} rounds:"]
        for kind, rounds in self.rounds.items():
            lines.append(f"- {kind}: {len(rounds)} of {total} rounds (first: {rounds[0]})")
            lines.append(f"  {self.examples[kind][:1500]}")
        return "\n".join(lines)


@dataclass(slots=True)
class CorpusOnDisk:
    """The test's corpus and what each file should hold now."""

    root: Path
    originals: dict[str, str]  # id -> the file's first text
    paths: dict[str, Path]
    present: set[str]
    markers: dict[str, str] = field(default_factory=dict)  # id -> the marker in its text now
    clock: int = 0  # every write sets a new modification time, a second apart

    @classmethod
    def write(cls, root: Path, count: int, seed: int) -> CorpusOnDisk:
        paths = write_corpus(root, count, seed, per_folder=20)
        originals = {article_id: path.read_text("utf-8") for article_id, path in paths.items()}
        return cls(root, originals, paths, set(paths))

    def _write(self, article_id: str, text: str) -> None:
        path = self.paths[article_id]
        path.write_text(text, "utf-8")
        self._touch(path)

    def _touch(self, path: Path) -> None:
        # An explicit, ever later time: two writes within one clock tick of the
        # file system, with the same size, would look unchanged to the indexer.
        self.clock += 1
        seconds = 1_500_000_000 + self.clock
        os.utime(path, ns=(seconds * 10**9, seconds * 10**9))

    def change(self, rng: Random, round_number: int) -> None:
        """Rewrite a few files, touch a few, and sometimes remove or restore one,
        so that the indexer's paths for changed, touched and gone files all run."""
        present = sorted(self.present)
        for number, article_id in enumerate(rng.sample(present, REWRITTEN_A_ROUND)):
            marker = f"kestrel{round_number}x{number}z"
            self.markers[article_id] = marker
            addendum = f"A correction was added to this report on request, reference {marker}."
            self._write(article_id, f"{self.originals[article_id]}\n\n{addendum}")
        for article_id in rng.sample(present, TOUCHED_A_ROUND):
            self._touch(self.paths[article_id])
        if rng.random() < 0.3:
            gone = rng.choice(present)
            self.paths[gone].unlink()
            self.present.discard(gone)
            self.markers.pop(gone, None)
        removed = sorted(set(self.paths) - self.present)
        if removed and rng.random() < 0.3:
            back = rng.choice(removed)
            self._write(back, self.originals[back])
            self.present.add(back)
