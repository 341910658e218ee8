"""Queries on facts answered from the library's facts index: real values
from the seeds, the index kept with the facts, and an older cache's facts
indexed when it is opened."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import ArticleFacts, DateFact, Entity, Quantity, Quote
from dateline.facts.extract import extract_facts
from dateline.model.listing import Listing
from dateline.store import facts_index
from dateline.store.library import SCHEMA_VERSION, Library
from dateline.store.query import matching, parse_query, rowids, unread_count
from tests.conftest import SEED_000, SEED_001, SEEDS
from tests.store.test_library import FACT_TABLES, index


@pytest.fixture
def seeds(tmp_path: Path) -> Library:
    """A library of the two seeds, with their facts."""
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, SEEDS)
    library.store_facts(
        [(e.rowid, e.digest, extract_facts(library.article(e.rowid))) for e in library.entries()]
    )
    yield library
    library.close()


def found(library: Library, text: str) -> list[str]:
    """The ids the query finds among the seeds, newest first."""
    query = parse_query(text)
    assert query.problems == (), query.problems
    listing = Listing(library.entries([SEEDS]))
    return [entry.id for entry in matching(listing, query, library).all()]


BOTH = [SEED_001, SEED_000]


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # People, organisations and places, by their whole name or a part of it.
        ('person:"Paul Holmes"', BOTH),
        ("person:Holmes", BOTH),
        ("person:holm", BOTH),  # the last word as typed so far
        ("person:Chapman", [SEED_001]),
        ('person:"John Chapman"', [SEED_001]),
        ('person:"Holmes Paul"', []),  # the words in their order
        ("person:Kirklees", []),  # a place, not a person
        ("org:Ofsted", [SEED_000]),
        ('org:"Community Care"', [SEED_000]),
        ("org:Examiner", [SEED_001]),
        ("org:unison", BOTH),
        ("place:Kirklees", BOTH),
        ("place:Leeds", []),
        # Quotes: who said it, and its words; together, one quote.
        ("said:Holmes", BOTH),
        ("said:Chapman", [SEED_001]),
        ('said:"Kirklees Council"', BOTH),  # "A Kirklees Council spokesman" in 001
        ("said:spokesman", [SEED_001]),
        ("quote:herring", [SEED_000]),
        ('quote:"end of their tether"', [SEED_001]),
        ("quote:unlawful", BOTH),
        ("said:Chapman quote:unlawful", [SEED_001]),
        ("said:Holmes quote:unlawful", []),  # Holmes never said it
        ('said:"Kirklees Council" quote:unlawful', [SEED_000]),
        # Amounts: £5m and £500,000 in 001; 79% in 000, 25% in 001.
        ("money>1m", [SEED_001]),
        ("money:>£500k", [SEED_001]),
        ("money:>=£500k", [SEED_001]),
        ("money:>$1", []),  # no dollars
        ("money:5m", [SEED_001]),
        ("money:£500,000", [SEED_001]),
        ("money>1m money<2m", []),  # one figure between the two: none
        ("money>400k money<600k", [SEED_001]),  # £500,000
        ("money>6m", []),
        ("money<1m", [SEED_001]),
        ("percent>50", [SEED_000]),
        ("percent>20", BOTH),
        ("percent:25", [SEED_001]),
        ("percent<25", []),
        ("count>400", [SEED_001]),  # 450 staff
        ("count:75", [SEED_000]),  # 75 Unison members
        ("count>=75 count<=75", [SEED_000]),
        ("count>1k", []),
        # Dates the facts name, not the publication date.
        ("on:2017-01-27", BOTH),  # "this Friday" in 001, "27 January" in 000
        ("on:2017-01-17", BOTH),  # "4pm yesterday" in 000; 2016/17 and "this year" in 001
        ("on:1974", [SEED_001]),
        ("on:2014", [SEED_001]),  # the fiscal years 2013/14 and 2014/15
        ("on:2016-11", BOTH),  # "November last year" in 000; the fiscal year 2016/17 in 001
        ("on:2010..2012", []),
        ("on:..1975", [SEED_001]),
        ("on:2018", []),
        # With words and the other filters.
        ("strike person:Chapman", [SEED_001]),
        ("ratcheted person:Holmes", [SEED_000]),
        ("zebra person:Holmes", []),
        ("money>1m date:2017-01-18", []),
        ("on:2017-01-27 date:2017-01-18", [SEED_000]),
        ('who:"Paul Holmes" org:Ofsted', [SEED_000]),
        ("said:Holmes percent>50 on:2016-11 place:Kirklees", [SEED_000]),
    ],
)
def test_queries_on_the_seeds(seeds: Library, text: str, ids: list[str]) -> None:
    assert found(seeds, text) == ids


def test_is_unread_and_the_unread_count_of_a_saved_search(seeds: Library) -> None:
    listing = Listing(seeds.entries([SEEDS]))
    read = {listing.get(SEED_001).reading_key}
    query = parse_query("person:Holmes is:unread")
    assert [e.id for e in matching(listing, query, seeds, read=read).all()] == [SEED_000]
    assert unread_count(listing, "person:Holmes", seeds, read) == 1
    assert unread_count(listing, "money>1m", seeds, read) == 0
    assert unread_count(listing, "money>lots", seeds, read) is None


def test_a_query_of_words_alone_asks_nothing_of_the_facts(seeds: Library) -> None:
    assert parse_query("strike").fact_selects() == []
    assert rowids(parse_query("is:unread"), seeds) is None


def test_the_index_follows_the_facts_stored(seeds: Library) -> None:
    entry = Listing(seeds.entries([SEEDS])).get(SEED_001)
    assert found(seeds, "money>1m") == [SEED_001]
    # New facts replace the old ones in the index.
    facts = ArticleFacts(
        quantities=(Quantity("$2bn", 0, 0, 3, "money", 2_000_000_000, "USD"),),
        quotes=(Quote("a new quote", 0, 0, 11, "Ada Lovelace"),),
        dates=(
            DateFact("1815", 0, 0, 4, "year", dt.date(1815, 1, 1), dt.date(1815, 12, 31), "1815"),
        ),
    )
    seeds.store_facts([(entry.rowid, entry.digest, facts)])
    assert found(seeds, "money>1m") == [SEED_001]
    assert found(seeds, "money:>£1m") == []
    assert found(seeds, "money:>$1bn") == [SEED_001]
    assert found(seeds, "said:Lovelace") == [SEED_001]
    assert found(seeds, "said:Chapman") == []
    assert found(seeds, "on:1815") == [SEED_001]
    assert found(seeds, "on:1974") == []
    assert found(seeds, "person:Chapman") == []


def test_an_article_that_goes_takes_its_facts_out_of_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(
        " date 2017-01-24 Paul Holmes said the strike would cost £2m. It starts on Friday.\n"
    )
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, folder)
    library.extract_missing(lambda done, total, rate: None)
    listing = Listing(library.entries([folder]))
    assert [e.id for e in matching(listing, parse_query("money>1m"), library).all()] == ["story"]
    story.unlink()
    index(library, folder)
    with sqlite3.connect(tmp_path / "library.sqlite3") as db:
        for table in ("fact_entity", "fact_quote", "fact_amount", "fact_extent", "fact_date"):
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
    library.close()


def test_an_older_cache_gets_its_facts_indexed_when_opened(seeds: Library, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    fresh = _index_rows(path)
    seeds.close()
    with sqlite3.connect(path) as db:
        # A cache as schema 5 left it: facts as JSON, no index of them.
        for table in FACT_TABLES:
            db.execute(f"DROP TABLE {table}")
        db.execute("PRAGMA user_version = 5")
    again = Library.open(path)
    assert again.problems == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (6,)
    # Every fact indexed as storing them indexes them.
    assert _index_rows(path) == fresh
    assert found(again, "person:Holmes money>1m on:1974") == [SEED_001]
    assert found(again, "said:Holmes quote:herring") == [SEED_000]
    again.close()


def test_a_version_4_cache_gains_the_prefix_index_then_the_facts_index(
    seeds: Library, tmp_path: Path
) -> None:
    path = tmp_path / "library.sqlite3"
    fresh = _index_rows(path)
    seeds.close()
    with sqlite3.connect(path) as db:
        # As schema 4 left it: a full-text index without prefixes, no facts index.
        db.execute("DROP TABLE article_text")
        db.execute(
            "CREATE VIRTUAL TABLE article_text USING fts5 (title, body, content = 'article',"
            " content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2')"
        )
        db.execute("INSERT INTO article_text (article_text) VALUES ('rebuild')")
        for table in FACT_TABLES:
            db.execute(f"DROP TABLE {table}")
        db.execute("PRAGMA user_version = 4")
    again = Library.open(path)
    assert again.problems == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (6,)
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'article_text'").fetchone()
        assert "prefix = '2 3'" in sql
    assert _index_rows(path) == fresh
    assert found(again, "ki person:Holmes money>1m on:1974") == [SEED_001]
    assert found(again, "said:Holmes quote:herring") == [SEED_000]
    again.close()


def test_facts_in_a_form_the_index_does_not_know_are_left_out_of_it(
    seeds: Library, tmp_path: Path
) -> None:
    path = tmp_path / "library.sqlite3"
    seeds.close()
    with sqlite3.connect(path) as db:
        for table in FACT_TABLES:
            db.execute(f"DROP TABLE {table}")
        (first,) = db.execute("SELECT min(rowid) FROM article").fetchone()
        db.execute("UPDATE article SET facts = '{\"dates\": 5}' WHERE rowid = ?", (first,))
        db.execute("PRAGMA user_version = 5")
    again = Library.open(path)
    assert again.problems == []
    assert len(found(again, "place:Kirklees")) == 1  # the other article's
    again.close()


def _index_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the facts index, with names for name ids, in order."""
    with sqlite3.connect(path) as db:
        return {
            "entity": sorted(
                db.execute(
                    "SELECT kind, fact_name.name, article FROM fact_entity"
                    " JOIN fact_name ON fact_name.id = fact_entity.name"
                )
            ),
            "quote": sorted(db.execute("SELECT id, article, speaker, text FROM fact_quote")),
            "quote text": sorted(
                db.execute(
                    "SELECT rowid FROM fact_quote_text WHERE fact_quote_text MATCH 'unlawful'"
                )
            ),
            "amount": sorted(db.execute("SELECT * FROM fact_amount")),
            "extent": sorted(db.execute("SELECT * FROM fact_extent")),
            "date": sorted(db.execute("SELECT * FROM fact_date")),
        }


# --- Against the obvious answer ---------------------------------------------------------

DAYS = st.integers(0, 3 * 365 * 30).map(lambda n: dt.date(1990, 1, 1) + dt.timedelta(days=n))
SPANS = st.sampled_from([0, 0, 1, 6, 30, 91, 364, 365, 3652, 36524])


@settings(max_examples=40, deadline=None)
@given(
    periods=st.lists(st.tuples(DAYS, SPANS), min_size=1, max_size=30),
    asked=st.tuples(DAYS, st.sampled_from([0, 0, 6, 30, 365, 4000])),
)
def test_dates_found_are_the_periods_that_overlap(
    periods: list[tuple[dt.date, int]], asked: tuple[dt.date, int]
) -> None:
    """Each reach class answers with a range of the index: the articles
    found are exactly those with a period that overlaps the one asked for."""
    db = _memory_index()
    spans = {}
    for article, (start, days) in enumerate(periods, start=1):
        end = min(start + dt.timedelta(days=days), dt.date(9999, 12, 31))
        spans[article] = (start, end)
        facts_index.store(
            db, article, ArticleFacts(dates=(DateFact("x", 0, 0, 1, "day", start, end, None),))
        )
    first, last = asked[0], asked[0] + dt.timedelta(days=asked[1])
    expected = {a for a, (start, end) in spans.items() if start <= last and end >= first}
    select = facts_index.date_select(first.isoformat(), last.isoformat())
    assert facts_index.articles(db, [select]) == expected


AMOUNTS = st.sampled_from([0, 1, 5, 99.5, 100, 1e3, 5e5, 1e6, 2.5e9])


@settings(max_examples=60, deadline=None)
@given(
    articles=st.lists(
        st.lists(st.tuples(AMOUNTS, st.sampled_from(["GBP", "USD"])), max_size=4),
        min_size=1,
        max_size=8,
    ),
    comparisons=st.lists(
        st.tuples(st.sampled_from([">", ">=", "<", "<=", "="]), AMOUNTS), min_size=1, max_size=2
    ),
    unit=st.sampled_from([None, "GBP", "USD"]),
)
def test_amounts_found_are_the_articles_with_one_figure_that_passes(
    articles: list[list[tuple[float, str]]],
    comparisons: list[tuple[str, float]],
    unit: str | None,
) -> None:
    """Whether asked of each article's largest or smallest sum (`fact_extent`)
    or of the sums themselves, the answer is the obvious one."""
    db = _memory_index()
    passes = {
        ">": float.__gt__,
        ">=": float.__ge__,
        "<": float.__lt__,
        "<=": float.__le__,
        "=": float.__eq__,
    }
    expected = set()
    for article, sums in enumerate(articles, start=1):
        quantities = tuple(Quantity("x", 0, 0, 1, "money", value, code) for value, code in sums)
        facts_index.store(db, article, ArticleFacts(quantities=quantities))
        if any(
            (unit is None or code == unit)
            and all(passes[op](float(value), float(bound)) for op, bound in comparisons)
            for value, code in sums
        ):
            expected.add(article)
    select = facts_index.amount_select("money", comparisons, unit)
    assert facts_index.articles(db, [select]) == expected


def _memory_index() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None)
    for statement in facts_index.SCHEMA:
        db.execute(statement)
    return db


def test_text_sqlite_cannot_keep_is_indexed_as_near_as_it_can() -> None:
    """A lone surrogate (a broken escape in a file) cannot be UTF-8: the
    index keeps "?" in its place, and the rest of the facts as they are."""
    db = _memory_index()
    facts = ArticleFacts(
        quotes=(Quote("a \udc80 quote", 0, 0, 9, "Ann \udc81 Lee"),),
        people=(Entity("Ann \udc81 Lee", "person", ()),),
    )
    facts_index.store(db, 7, facts)
    assert facts_index.articles(db, [facts_index.quote_select(["Lee"], ["quote"])]) == {7}
    assert facts_index.articles(db, [facts_index.entity_select("person", "Ann")]) == {7}
    facts_index.forget(db, 7)
    assert facts_index.articles(db, [facts_index.quote_select(["Lee"], [])]) == set()


def _replace_the_story(library: Library, folder: Path, seed: str) -> int:
    """Put another seed's text in the folder's one file and read it again:
    SQLite gives the new row the rowid of the row it replaces (the largest)."""
    (folder / "story.txt").write_bytes((SEEDS / f"{seed}.txt").read_bytes())
    index(library, folder)
    (entry,) = library.entries([folder])
    return entry.rowid


def test_facts_of_a_replaced_article_are_not_stored_on_its_successor(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    library = Library.open(tmp_path / "library.sqlite3")
    rowid = _replace_the_story(library, folder, SEED_000)
    before = library.article(rowid)
    old_facts = extract_facts(before)  # "red herring", said by Paul Holmes
    # Meanwhile the file changed: the new article has the same rowid.
    assert _replace_the_story(library, folder, SEED_001) == rowid
    assert library.store_facts([(rowid, before.content_hash, old_facts)]) == [None]
    assert library.facts(rowid) is None
    assert library.without_facts() == [rowid]
    assert library.mentioning("Paul Holmes") == set()
    with sqlite3.connect(tmp_path / "library.sqlite3") as db:
        for table in ("fact_entity", "fact_quote", "fact_amount", "fact_extent", "fact_date"):
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
    listing = Listing(library.entries([folder]))
    assert matching(listing, parse_query("said:Holmes quote:herring"), library).all() == []
    # The new article's own facts are stored, and found.
    after = library.article(rowid)
    new_facts = extract_facts(after)
    assert library.store_facts([(rowid, after.content_hash, new_facts)]) == [new_facts]
    assert library.facts(rowid) == new_facts
    assert [e.rowid for e in matching(listing, parse_query("money>1m"), library).all()] == [rowid]
    assert matching(listing, parse_query("quote:herring"), library).all() == []
    library.close()


def test_facts_found_while_the_article_was_replaced_wait_for_the_next_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """extract_missing finds the old article's facts while the file changes:
    they are not stored on the new row, and the next pass finds its own."""
    import dateline.store.library as library_module

    folder = tmp_path / "corpus"
    folder.mkdir()
    library = Library.open(tmp_path / "library.sqlite3")
    rowid = _replace_the_story(library, folder, SEED_000)
    real = library_module.find_facts

    def slow_find(article):
        facts = real(article)
        _replace_the_story(library, folder, SEED_001)  # while they were found
        return facts

    monkeypatch.setattr(library_module, "find_facts", slow_find)
    seen: list[tuple[int, str]] = []
    done = library.extract_missing(
        lambda done, total, rate: None, extracted=lambda r, digest, f: seen.append((r, digest))
    )
    assert done == 1
    old_digest = seen[0][1]
    (entry,) = library.entries([folder])
    assert entry.rowid == rowid and entry.digest != old_digest
    assert library.facts(rowid) is None and library.without_facts() == [rowid]
    assert library.mentioning("Paul Holmes") == set()
    monkeypatch.setattr(library_module, "find_facts", real)
    assert library.extract_missing(lambda done, total, rate: None) == 1
    stored = library.facts(rowid)
    assert stored is not None
    assert "£5m" in [q.text for q in stored.quantities]  # the new article's
    assert found_in(library, folder, "money>1m") == [rowid]
    assert found_in(library, folder, "quote:herring") == []
    library.close()


def found_in(library: Library, folder: Path, text: str) -> list[int]:
    listing = Listing(library.entries([folder]))
    return [e.rowid for e in matching(listing, parse_query(text), library).all()]
