"""The article cache: what a second start reads instead of the files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from dateline.facts.extract import extract_facts
from dateline.model.listing import Listing, as_listed
from dateline.store.library import (
    SCHEMA_VERSION,
    FileRecord,
    IndexProgress,
    Library,
    ListingChange,
)
from tests.conftest import SEED_000, SEED_001, SEEDS

ARTICLE = (
    " date 2017-01-24 A strike by {n} social workers in Kirklees will go ahead on Friday."
    "\n\nIt is the {n}th strike.\n"
)


def index(
    library: Library, *roots: Path, known: dict[str, FileRecord] | None = None
) -> tuple[ListingChange, IndexProgress]:
    """Every change the indexer reported, gathered into one."""
    total = ListingChange()

    def report(change: ListingChange, progress: IndexProgress) -> None:
        total.added.extend(change.added)
        total.removed |= change.removed

    progress = library.index(list(roots), report, known=known)
    return total, progress


def write(folder: Path, name: str, n: int) -> Path:
    path = folder / name
    path.write_text(ARTICLE.format(n=n), encoding="utf-8")
    return path


def test_first_index_parses_every_file_and_lists_newest_first(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "cache" / "library.sqlite3")
    change, progress = index(library, SEEDS)
    assert sorted(e.id for e in change.added) == [SEED_000, SEED_001]
    assert (progress.files_done, progress.files_total, progress.parsed) == (2, 2, 2)
    assert [e.id for e in library.entries([SEEDS])] == [SEED_001, SEED_000]
    assert [e.id for e in library.entries([SEEDS], limit=1)] == [SEED_001]
    library.close()


def test_second_index_reads_nothing_again(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    index(library, SEEDS)
    library.close()
    again = Library.open(path)
    change, progress = index(again, SEEDS)
    assert change.added == [] and change.removed == set()
    assert progress.parsed == 0
    assert len(again.entries([SEEDS])) == 2
    again.close()


def test_changed_touched_and_removed_files(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    first = write(folder, "one.txt", 1)
    write(folder, "two.txt", 2)
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, folder)
    (old_one,) = [e for e in library.entries([folder]) if e.id == "one"]

    # Touched but identical: not parsed again.
    stat = first.stat()
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    change, progress = index(library, folder)
    assert (change.added, change.removed, progress.parsed) == ([], set(), 0)

    # Changed: parsed again, the old row is replaced.
    write(folder, "one.txt", 3)
    change, progress = index(library, folder)
    assert [e.id for e in change.added] == ["one"] and change.removed == {old_one.rowid}
    assert progress.parsed == 1
    (new_one,) = [e for e in library.entries([folder]) if e.id == "one"]
    article = library.article(new_one.rowid)
    assert article is not None and "3 social workers" in article.paragraphs[0]

    # Removed: gone from the listing and the cache.
    (folder / "two.txt").unlink()
    change, _ = index(library, folder)
    assert len(change.removed) == 1
    assert [e.id for e in library.entries([folder])] == ["one"]
    library.close()


def test_articles_and_facts_round_trip_through_the_cache(tmp_path: Path, seed_001) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, SEEDS)
    (entry,) = [e for e in library.entries([SEEDS]) if e.id == SEED_001]
    article = library.article(entry.rowid)
    assert article is not None
    assert article.paragraphs == seed_001.paragraphs
    assert article.title == seed_001.title and article.date == seed_001.date
    assert library.facts(entry.rowid) is None
    assert library.without_facts() == sorted(e.rowid for e in library.entries())
    facts = extract_facts(article)
    assert library.store_facts([(entry.rowid, entry.digest, facts)]) == [facts]
    assert library.facts(entry.rowid) == facts
    assert entry.rowid not in library.without_facts()
    assert library.mentioning("Paul Holmes") == {entry.rowid}
    assert library.mentioning("paul holmes") == {entry.rowid}
    library.close()


def test_full_text_search_matches_word_prefixes(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, SEEDS)
    ids = {e.rowid: e.id for e in library.entries()}
    assert {ids[r] for r in library.search(["injunction"])} == {SEED_000, SEED_001}
    assert {ids[r] for r in library.search(["ratchet"])} == {SEED_000}
    assert {ids[r] for r in library.search(["ratchet", "injunction"])} == {SEED_000}
    assert {ids[r] for r in library.search(["injunction", "ratcheted"])} == {SEED_000}
    assert {ids[r] for r in library.search(["KIRKLEES"])} == {SEED_000, SEED_001}
    assert library.search(["nothing-like-this"]) == set()
    assert library.search(["zebra"]) == set()
    # Quotation marks and FTS syntax in the box are words, not errors.
    assert library.search(['"', "AND", "NEAR("]) == set()
    library.close()


def test_stale_facts_are_not_served(tmp_path: Path, seed_000) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    (entry,) = library.add([seed_000])
    library.store_facts([(entry.rowid, seed_000.content_hash, extract_facts(seed_000))])
    library._fingerprint = "other extractor code"
    assert library.facts(entry.rowid) is None
    assert library.without_facts() == [entry.rowid]
    library.close()


def test_ids_are_relative_to_the_path_named_and_never_to_history(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "story.txt", 1 if folder == "a" else 2)
    library = Library.open(tmp_path / "library.sqlite3")
    # The parent first: every file is listed under its relative path.
    change, _ = index(library, tmp_path)
    assert sorted(e.id for e in change.added) == ["a/story", "b/story"]
    # Each folder named alone: the same rows, under ids relative to it.
    for folder in ("a", "b"):
        change, progress = index(library, tmp_path / folder)
        assert progress.parsed == 0 and change.added == []
        assert [e.id for e in library.entries([tmp_path / folder])] == ["story"]
    assert sorted(e.id for e in library.entries([tmp_path])) == ["a/story", "b/story"]
    # Both named: one id for two articles, numbered newest first.
    listing = Listing(library.entries([tmp_path / "a", tmp_path / "b"]))
    assert [(e.id, e.warned) for e in listing.entries] == [("story", False), ("story~2", True)]
    older = listing.get("story~2")
    article = as_listed(library.article(older.rowid), older)
    assert article.paragraphs[0].startswith("A strike by 1 social workers")
    assert article.warnings[-1] == (
        "another article in this corpus has the id story; this one's id is story~2"
    )
    assert library.count() == 2
    library.close()


def test_a_file_under_two_paths_named_together_is_listed_once(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    change, progress = index(library, SEEDS, SEEDS / f"{SEED_000}.txt")
    assert sorted(e.id for e in change.added) == [SEED_000, SEED_001]
    assert progress.files_total == 2
    assert [e.id for e in library.entries([SEEDS, SEEDS / f"{SEED_000}.txt"])] == [
        SEED_001,
        SEED_000,
    ]
    library.close()


def test_unreadable_cache_folder_falls_back_to_a_temporary_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    library = Library.open(blocker / "library.sqlite3")
    assert library.temporary
    assert "cannot keep the article cache there" in library.problems[0]
    change, _ = index(library, SEEDS)
    assert len(change.added) == 2
    temporary = library.path
    library.close()
    assert not temporary.exists()


def test_a_damaged_cache_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database, just some bytes " * 100)
    library = Library.open(path)
    assert not library.temporary
    assert "was damaged" in library.problems[0]
    assert list(tmp_path.glob("library.sqlite3.corrupt-*"))
    change, _ = index(library, SEEDS)
    assert len(change.added) == 2
    library.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_version_1_cache_gains_the_date_index_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    index(library, SEEDS)
    library.close()
    _as_schema_2(path, {(str(SEEDS / f"{seed}.txt"), 0): seed for seed in (SEED_000, SEED_001)})
    with sqlite3.connect(path) as db:
        db.execute("DROP INDEX article_by_date")
        db.execute("PRAGMA user_version = 1")
    again = Library.open(path)
    assert [e.id for e in again.entries([SEEDS], limit=5)] == [SEED_001, SEED_000]
    again.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        indexes = {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert "article_by_date" in indexes


def test_a_version_3_cache_gains_each_article_s_source_and_feed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fetched.txt").write_text(
        '---\ntitle: "Library reopens"\ndate: 2023-05-02\nsource: "The Chronicle"\n'
        'feed: "Calder Valley Chronicle"\nfeed_url: "https://calderchronicle.example/feed"\n'
        "---\n\nThe library reopens on Monday.\n"
    )
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    index(library, corpus, SEEDS)
    library.close()
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE article DROP COLUMN source")
        db.execute("ALTER TABLE article DROP COLUMN feed")
        _without_facts_index(db)
        db.execute("PRAGMA user_version = 3")
    again = Library.open(path)
    origins = {e.id: (e.source, e.feed) for e in again.entries()}
    again.close()
    assert origins == {
        "fetched": (
            "The Chronicle",
            "Calder Valley Chronicle https://calderchronicle.example/feed",
        ),
        SEED_000: ("", ""),
        SEED_001: ("", ""),
    }


def test_a_version_4_cache_gains_a_full_text_index_of_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    index(library, SEEDS)
    found = {word: library.search([word]) for word in ("ki", "kir", "kirklees", "holmes")}
    library.close()
    assert all(found.values())
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE article_text")
        db.execute(
            "CREATE VIRTUAL TABLE article_text USING fts5 (title, body, content = 'article',"
            " content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2')"
        )
        db.execute("INSERT INTO article_text (article_text) VALUES ('rebuild')")
        _without_facts_index(db)
        db.execute("PRAGMA user_version = 4")
    again = Library.open(path)
    assert again.problems == []
    assert {word: again.search([word]) for word in found} == found
    again.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'article_text'").fetchone()
        assert "prefix = '2 3'" in sql
        db.execute("INSERT INTO article_text (article_text, rank) VALUES ('integrity-check', 1)")


def test_a_json_lines_line_and_a_file_named_like_it_are_numbered(tmp_path: Path) -> None:
    dump = tmp_path / "part.jsonl"
    dump.write_text('{"title": "T", "text": "Body one.", "date": "2017-01-02"}\n')
    (tmp_path / "part#1.txt").write_text(" date 2017-01-03 Body two.\n")
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, tmp_path)
    listing = Listing(library.entries([tmp_path]))
    assert [e.id for e in listing.entries] == ["part#1", "part#1~2"]
    older = listing.get("part#1~2")
    assert library.article(older.rowid).location == f"{dump} line 1"
    library.close()


FACT_TABLES = (
    "fact_name_text",
    "fact_name",
    "fact_entity",
    "fact_quote_text",
    "fact_quote",
    "fact_amount",
    "fact_extent",
    "fact_date",
)


def _without_facts_index(db: sqlite3.Connection) -> None:
    """Drop what schema 6 added: the facts index."""
    for table in FACT_TABLES:
        db.execute(f"DROP TABLE {table}")


def _as_schema_2(path: Path, old_ids: dict[tuple[str, int], str]) -> None:
    """Turn a cache into one as Dateline wrote it at schema 2: ids unique in
    the cache (`old_ids`, by file and position), no name or reading key."""
    with sqlite3.connect(path) as db:
        _without_facts_index(db)
        for (file, position), old_id in old_ids.items():
            db.execute(
                "UPDATE article SET place = ? WHERE file = ? AND position = ?",
                (old_id, file, position),
            )
        db.execute("ALTER TABLE article DROP COLUMN name")
        db.execute("ALTER TABLE article DROP COLUMN reading_key")
        db.execute("ALTER TABLE article DROP COLUMN source")
        db.execute("ALTER TABLE article DROP COLUMN feed")
        db.execute("ALTER TABLE article RENAME COLUMN place TO id")
        db.execute("PRAGMA user_version = 2")


def test_a_schema_2_cache_keeps_its_rows_and_lists_them_under_new_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "story.txt", 1 if folder == "a" else 2)
    (tmp_path / "a" / "feed.jsonl").write_text(
        "\n".join(['{"text": "One.", "date": "2017-01-05"}', "", '{"text": "Two."}'])
    )
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    index(library, tmp_path / "a", tmp_path / "b")
    library.store_facts(
        [(e.rowid, e.digest, extract_facts(library.article(e.rowid))) for e in library.entries()]
    )
    digests = {e.id: e.digest for e in library.entries([tmp_path])}
    library.close()
    # Schema 2 named the second story "story~2", and the feed's lines "feed#1" and "feed#3".
    _as_schema_2(
        path,
        {
            (str(tmp_path / "a" / "story.txt"), 0): "story",
            (str(tmp_path / "b" / "story.txt"), 0): "story~2",
            (str(tmp_path / "a" / "feed.jsonl"), 0): "feed#1",
            (str(tmp_path / "a" / "feed.jsonl"), 1): "feed#3",
        },
    )

    again = Library.open(path)
    assert again.problems == []
    change, progress = index(again, tmp_path)
    assert progress.parsed == 0 and change.added == []  # nothing read again
    assert {e.id: e.digest for e in again.entries([tmp_path])} == digests
    assert again.without_facts() == []  # and no facts lost
    assert again.legacy_reading_keys(["story~2", "feed#3", "nothing"]) == {
        "story~2": digests["b/story"],
        "feed#3": digests["a/feed#3"],
    }
    again.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
