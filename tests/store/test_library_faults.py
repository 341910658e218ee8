"""The article cache under faults: a file cut short or damaged while in use, a
full disk, no temporary folder, and a second process writing the same cache.
Each case ends with the corpus listed and a message saying what happened."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import dateline.store.library as library_module
from dateline.config import Config
from dateline.facts.extract import extract_facts
from dateline.resources import themes_dir
from dateline.store.library import DAMAGED_SUFFIX, Library
from dateline.store.state import ReadingState
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.article_list import ArticleList
from tests.store.test_library import index
from tests.tui.test_keys import SIZE
from tests.tui.test_library_keys import wait_for_index

ARTICLES = 120


def make_corpus(folder: Path, count: int = ARTICLES) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"story{number:03d}.txt").write_text(
            f" date 2017-01-{number % 28 + 1:02d} Story {number}: Kirklees Council staff"
            f" will strike on Friday, said Paul Holmes.\n\n" + "More words follow here. " * 30
        )
    return folder


def filled_cache(tmp_path: Path) -> tuple[Path, Path]:
    corpus = make_corpus(tmp_path / "corpus")
    path = tmp_path / "cache" / "library.sqlite3"
    library = Library.open(path)
    index(library, corpus)
    library.extract_missing(lambda done, total, rate: None)
    library.close()
    return corpus, path


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_a_truncated_cache_is_set_aside_and_rebuilt_and_reading_state_survives(
    tmp_path: Path,
) -> None:
    corpus, path = filled_cache(tmp_path)
    state_path = tmp_path / "state.sqlite3"
    with ReadingState.open(state_path) as state:
        state.set_read("story007")
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 2)

    library = Library.open(path)
    assert library.problems == [
        f"{path}: the article cache was damaged (the file is cut short:"
        f" {size // 2:,} of {size:,} bytes); it was moved to"
        f" {next(path.parent.glob('library.sqlite3.corrupt-*')).name} and is being rebuilt"
    ]
    change, _ = index(library, corpus)
    assert len(change.added) == ARTICLES
    library.close()
    assert integrity(path) == "ok"
    with ReadingState.open(state_path) as state:
        assert state.read_keys() == {"story007"}


def garble_table(path: Path, table: str) -> None:
    """Overwrite every page of one table with noise, leaving the rest whole."""
    with sqlite3.connect(path) as db:
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
        pages = [p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    with open(path, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(bytes((page * 37 + i) % 251 for i in range(page_size)))


def test_damage_found_in_use_is_reported_marked_and_rebuilt_at_the_next_start(
    tmp_path: Path,
) -> None:
    corpus, path = filled_cache(tmp_path)
    garble_table(path, "article")
    library = Library.open(path)
    assert library.problems == []  # the file's header and file table are whole
    told: list[str] = []
    library.on_problem = told.append

    assert library.entries([corpus]) == []
    assert library.article(1) is None
    message = (
        f"{path}: the article cache is damaged (database disk image is malformed);"
        " it will be set aside and rebuilt"
    )
    assert told == [message] and library.problems == [message]
    assert path.with_name(path.name + DAMAGED_SUFFIX).exists()
    library.close()

    library = Library.open(path)
    assert "found damaged while in use" in library.problems[0]
    assert not path.with_name(path.name + DAMAGED_SUFFIX).exists()
    change, _ = index(library, corpus)
    assert len(change.added) == ARTICLES
    library.close()
    assert integrity(path) == "ok"


@pytest.fixture
def small_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A cache file that cannot grow past 40 pages, as on a full disk: SQLite
    fails the write with SQLITE_FULL, "database or disk is full"."""
    path = tmp_path / "cache" / "library.sqlite3"
    connect = library_module._connect

    def limited(target: Path) -> sqlite3.Connection:
        connection = connect(target)
        if Path(target) == path:
            connection.execute("PRAGMA max_page_count = 40")
        return connection

    monkeypatch.setattr(library_module, "_connect", limited)
    return path


def test_a_full_disk_fails_the_write_with_sqlite_full(small_disk: Path, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    library = Library.open(small_disk)
    with pytest.raises(sqlite3.OperationalError) as failure:
        index(library, corpus)
    assert failure.value.sqlite_errorcode == sqlite3.SQLITE_FULL
    library.close()
    assert integrity(small_disk) == "ok"


async def test_the_reader_carries_on_without_the_cache_when_the_disk_is_full(
    small_disk: Path, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    app = DatelineApp(
        paths=[corpus],
        library=Library.open(small_disk),
        theme="dateline-dark",
        config=Config(),
        state=ReadingState.open(tmp_path / "state.sqlite3"),
        theme_folders=[themes_dir()],
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        await wait_for_index(pilot)
        assert app.library.temporary and app.library.path != small_disk
        assert len(app.query_one(ArticleList).entries) == ARTICLES
        messages = [n.message for n in app._notifications]
        assert (
            f"{small_disk}: the article cache cannot be written (database or disk is full)"
            in messages
        )
        assert app.screen.article is not None  # type: ignore[attr-defined]


def test_with_no_temporary_folder_the_cache_is_kept_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr("tempfile.tempdir", str(blocker / "tmp"))
    library = Library.open(blocker / "cache" / "library.sqlite3")
    assert library.path is None and library.location == "memory"
    assert "cannot keep the article cache there" in library.problems[0]
    assert "this session keeps it in memory" in library.problems[1]

    change, _ = index(library, corpus)
    assert len(change.added) == ARTICLES
    library.extract_missing(lambda done, total, rate: None)
    entry = next(e for e in change.added if e.id == "story005")
    article = library.article(entry.rowid)
    assert article is not None and article.paragraphs[0].startswith("Story 5:")
    facts = library.facts(entry.rowid)
    assert facts is not None and [p.name for p in facts.people] == ["Paul Holmes"]
    assert len(library.search(["strike"])) == ARTICLES
    assert len(library.mentioning("Paul Holmes")) == ARTICLES
    library.close()


def test_files_another_process_read_meanwhile_are_listed_not_replaced(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    path = tmp_path / "library.sqlite3"
    first, second = Library.open(path), Library.open(path)
    # The first lists the (empty) cache; the second then reads every file.
    snapshot = first.snapshot([corpus])
    assert snapshot.entries == []
    second_change, _ = index(second, corpus)
    theirs = {e.id: e.rowid for e in second_change.added}

    change, progress = index(first, corpus, known=snapshot.files)
    assert progress.parsed == 0  # nothing read again…
    assert {e.id: e.rowid for e in change.added} == theirs  # …and every article listed
    assert change.removed == set()
    first.close()
    second.close()


def test_facts_for_an_article_that_went_leave_no_mentions_behind(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", count=2)
    library = Library.open(tmp_path / "library.sqlite3")
    change, _ = index(library, corpus)
    gone = change.added[0]
    article = library.article(gone.rowid)
    assert article is not None
    facts = extract_facts(article)
    os.remove(corpus / f"{gone.id}.txt")
    index(library, corpus)
    assert library.store_facts([(gone.rowid, article.content_hash, facts)]) == [None]
    assert library.mentioning("Paul Holmes") == set()
    library.close()


def test_a_file_another_process_dropped_leaves_this_listing_too(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", count=3)
    path = tmp_path / "library.sqlite3"
    first, second = Library.open(path), Library.open(path)
    index(first, corpus)
    snapshot = first.snapshot([corpus])
    gone = next(e for e in snapshot.entries if e.id == "story001")
    (corpus / "story001.txt").unlink()
    dropped, _ = index(second, corpus)
    assert dropped.removed == {gone.rowid}

    change, _ = index(first, corpus, known=snapshot.files)
    assert change.removed == {gone.rowid}  # from the snapshot: the rows are gone already
    first.close()
    second.close()
