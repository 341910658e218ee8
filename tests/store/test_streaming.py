"""One large JSON Lines file, plain or compressed: read line by line, listed
as it is read, never whole in memory, and read once where it can be."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest

from dateline.model import loading
from dateline.model.listing import Listing
from dateline.store import library as library_module
from dateline.store.library import IndexProgress, Library, ListingChange

LINES = 300


def record(number: int) -> str:
    return json.dumps(
        {
            "title": f"Story {number}",
            "text": f"Kirklees Council staff strike, day {number}.\n\nTalks go on.",
            "date": f"2017-{1 + number % 12:02d}-{1 + number % 28:02d}",
        }
    )


def write_dump(path: Path, lines: int = LINES, bad: tuple[int, ...] = ()) -> Path:
    text = "\n".join("{broken" if n in bad else record(n) for n in range(1, lines + 1))
    data = text.encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Stream files of more than 1 KB, read 2 KB at a time, in batches of 50
    articles after the first screenful; the sizes read are kept."""
    monkeypatch.setattr(library_module, "STREAM_BYTES", 1024)
    monkeypatch.setattr(library_module, "BATCH_ARTICLES", 50)
    monkeypatch.setattr(loading, "READ_CHUNK", 2048)
    reads: list[int] = []
    read = library_module._Reading.read

    def counted(self: library_module._Reading, size: int = -1) -> bytes:
        data = read(self, size)
        reads.append(len(data))
        return data

    monkeypatch.setattr(library_module._Reading, "read", counted)
    return reads


class Reports:
    """What `index` reported, and what another connection could read then."""

    def __init__(self, library: Library, reader: Library) -> None:
        self.library, self.reader = library, reader
        self.changes: list[ListingChange] = []
        self.readable: list[int] = []
        self.progress: list[tuple[str | None, int, int]] = []

    def __call__(self, change: ListingChange, progress: IndexProgress) -> None:
        self.changes.append(change)
        self.progress.append((progress.streaming, progress.stream_done, progress.stream_size))
        # Committed: the UI thread's own connection reads what is listed.
        self.readable.append(
            sum(self.reader.article(entry.rowid) is not None for entry in change.added)
        )

    @property
    def added(self) -> list[str]:
        return [entry.id for change in self.changes for entry in change.added]


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.jsonl.gz"])
def test_a_large_file_is_listed_while_it_is_read(
    tmp_path: Path, small_batches: list[int], name: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dump = write_dump(corpus / name, bad=(7,))
    cache = tmp_path / "library.sqlite3"
    library, reader = Library.open(cache), Library.open(cache)
    reports = Reports(library, reader)
    progress = library.index([corpus], reports)
    # The first screenful came after FIRST_BATCH articles, long before the end,
    # every article listed readable by then, and the bar moved through the file.
    first = reports.changes[0]
    assert len(first.added) == library_module.FIRST_BATCH
    assert len(reports.changes) > 3
    assert reports.readable == [len(change.added) for change in reports.changes]
    streaming = [p for p in reports.progress if p[0] is not None]
    assert streaming and all(p[0] == str(dump) for p in streaming)
    assert streaming[0][1] <= streaming[-1][1] <= dump.stat().st_size == streaming[0][2]
    if not name.endswith(".gz"):  # gzip reads its (small) compressed file in one go
        assert streaming[0][1] < streaming[-1][1]
    assert reports.progress[-1][0] is None
    # Every line once, in order, the broken one named.
    assert reports.added == [f"dump#{n}" for n in range(1, LINES + 1) if n != 7]
    assert progress.parsed == LINES - 1
    assert [str(p) for p in library.file_problems([corpus])] == [
        f"{dump} line 7: not valid JSON (Expecting property name enclosed in double quotes)"
    ]
    # Never whole: no read larger than a chunk (a gzip stream reads its own).
    assert max(small_batches) <= (128 * 1024 if name.endswith(".gz") else 2048)
    # The file's record holds the hash of its bytes, taken on the way.
    (digest,) = library._db().execute("SELECT digest FROM file").fetchone()
    assert digest == hashlib.blake2b(dump.read_bytes(), digest_size=16).hexdigest()
    assert len(Listing(library.entries([corpus]))) == LINES - 1
    library.close()
    reader.close()


def test_a_large_file_is_read_again_only_when_its_bytes_change(
    tmp_path: Path, small_batches: list[int]
) -> None:
    dump = write_dump(tmp_path / "dump.jsonl")
    library = Library.open(tmp_path / "library.sqlite3")
    library.index([dump], lambda change, progress: None)
    read_once = sum(small_batches)
    assert read_once == dump.stat().st_size  # one pass: parsed and hashed together

    small_batches.clear()
    assert library.index([dump], lambda change, progress: None).parsed == 0
    assert small_batches == []  # unchanged size and time: not opened at all

    stat = dump.stat()
    os.utime(dump, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    assert library.index([dump], lambda change, progress: None).parsed == 0  # touched
    assert small_batches == []  # hashed by `_file_digest`, not parsed

    with dump.open("a") as handle:  # a line more: the size changed, read once
        handle.write("\n" + record(LINES + 1))
    progress = library.index([dump], lambda change, progress: None)
    assert progress.parsed == LINES + 1
    assert sum(small_batches) == dump.stat().st_size
    assert len(library.entries([dump])) == LINES + 1
    library.close()


def test_a_large_file_read_halfway_is_read_again_whole(
    tmp_path: Path, small_batches: list[int]
) -> None:
    dump = write_dump(tmp_path / "dump.jsonl")
    library = Library.open(tmp_path / "library.sqlite3")
    seen: list[int] = []

    def report(change: ListingChange, progress: IndexProgress) -> None:
        seen.append(len(change.added))

    library.index([dump], report, cancelled=lambda: sum(seen) >= 100)
    assert 100 <= library.count() < LINES  # what was read stays listed
    progress = library.index([dump], lambda change, progress: None)
    assert progress.parsed == LINES
    assert sorted(e.id for e in library.entries([dump])) == sorted(
        f"dump#{n}" for n in range(1, LINES + 1)
    )
    library.close()


def test_two_processes_reading_one_large_file_at_once_leave_it_once(
    tmp_path: Path, small_batches: list[int]
) -> None:
    dump = write_dump(tmp_path / "dump.jsonl")
    cache = tmp_path / "library.sqlite3"
    first, second = Library.open(cache), Library.open(cache)
    changes: list[ListingChange] = []

    def report(change: ListingChange, progress: IndexProgress) -> None:
        changes.append(change)
        if len(changes) == 2:  # halfway through, the other reads the file whole
            second.index([dump], lambda change, progress: None)

    first.index([dump], report)
    listing = Listing()
    for change in changes:
        listing.apply(change.added, change.removed)
    # The first finished last: its rows stand for the file, the other's went,
    # and its listing holds each line once.
    assert first.count() == LINES
    assert sorted(e.id for e in first.entries([dump])) == sorted(e.id for e in listing.entries)
    assert len(listing) == LINES
    assert {e.rowid for e in first.entries([dump])} == {e.rowid for e in listing.entries}
    first.close()
    second.close()


def test_a_file_that_cannot_be_opened_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dump = write_dump(tmp_path / "dump.jsonl")
    library = Library.open(tmp_path / "library.sqlite3")

    def refuse(self: object, path: str, progress: object) -> None:
        raise PermissionError(13, "Permission denied")

    opens = library_module._Reading.__init__
    monkeypatch.setattr(library_module._Reading, "__init__", refuse)
    progress = library.index([dump], lambda change, progress: None)
    assert [str(p) for p in progress.problems] == [f"{dump}: permission denied"]
    assert library.count() == 0
    monkeypatch.setattr(library_module._Reading, "__init__", opens)
    assert library.index([dump], lambda change, progress: None).parsed == LINES
    library.close()
