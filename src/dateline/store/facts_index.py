"""The facts index: each article's facts in tables of their own, so that a
query on facts ("who was quoted", "which articles name a sum over £1m", "which
name 27 January") is answered by SQLite's indexes, never by reading articles.

The library keeps each article's facts as JSON (`article.facts`); these tables
are filled from the same facts whenever they are stored (`store`), emptied
when they are replaced or the article goes (`forget`), and refilled from the
stored JSON when an older cache is brought up to date (`MIGRATION`).

- `fact_name` holds each distinct name once, by kind (person, organization,
  place), with an FTS5 index over it (`fact_name_text`): a part of a name
  ("Holmes") finds the few names that hold it, and `fact_entity` the
  articles that name them. A name is kept when its last article goes: it then
  finds no article, and costs a row.
- `fact_quote` holds each quote's speaker and text, and `fact_quote_text`
  indexes both for full-text search (`said:`, `quote:`). A quote's id holds
  its article's rowid, so the full-text index alone names the articles.
- `fact_amount` holds the distinct money, percentages and counts of each
  article as plain numbers with their unit (an ISO 4217 code, `%`, or the
  counted noun), and `fact_extent` each article's smallest and largest of
  each kind (and of money in each currency): `money>1m` reads one row an
  article, not one an amount.
- `fact_date` holds the first and last day of each period an article's dates
  name, and its `reach`: a class of how long the period is. A period that
  overlaps a day starts at most its length before that day, so one index
  range per class finds the overlaps, however many short dates the corpus
  has, without scanning every date that starts earlier (see `date_select`).

Text goes in as SQLite can keep it: a lone surrogate (from a file's broken
escape) becomes "?" here, while the article and its facts keep it as it is.

Imports nothing beyond the standard library and the facts' types."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Callable, Iterable, Sequence

from dateline.facts.base import ArticleFacts

# One query on the index: SQL selecting a column of article rowids, and its
# parameters.
Select = tuple[str, tuple[object, ...]]

_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"

# The longest period, in days from first to last, of each reach class; a
# period longer than the last is of the class after it, which has no bound.
REACHES = (0, 7, 31, 92, 366, 3660)

_ENTITY_GROUPS = (("person", "people"), ("organization", "organizations"), ("place", "places"))

TABLES: tuple[str, ...] = (
    """
    CREATE TABLE fact_name (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (kind, name)
    )
    """,
    f"""
    CREATE VIRTUAL TABLE fact_name_text USING fts5 (
        name, content = 'fact_name', content_rowid = 'id', {_TOKENIZE}
    )
    """,
    """
    CREATE TABLE fact_entity (
        name INTEGER NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (name, article)
    ) WITHOUT ROWID
    """,
    # A quote's id is its article's rowid times `QUOTES_PER_ARTICLE` plus its
    # place in the article: the full-text index gives the article without a
    # look at this table, and an article's quotes are one range of ids.
    """
    CREATE TABLE fact_quote (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL,
        speaker TEXT,
        text TEXT NOT NULL
    )
    """,
    f"""
    CREATE VIRTUAL TABLE fact_quote_text USING fts5 (
        speaker, text, content = 'fact_quote', content_rowid = 'id', {_TOKENIZE}
    )
    """,
    # One row for each distinct amount or period an article names: the
    # queries ask which articles, not how often. Without rowids, the primary
    # key is the index the queries read.
    """
    CREATE TABLE fact_amount (
        kind TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (kind, value, unit, article)
    ) WITHOUT ROWID
    """,
    # Each article's smallest and largest amount of a kind (`unit` ''), and of
    # money in each currency: `money>1m` reads one row an article, where
    # `fact_amount` has one an amount (a corpus of 100,000 articles held
    # 316,000 sums over £1m in 97,000 of them).
    """
    CREATE TABLE fact_extent (
        article INTEGER NOT NULL,
        kind TEXT NOT NULL,
        unit TEXT NOT NULL,
        low REAL NOT NULL,
        high REAL NOT NULL,
        PRIMARY KEY (article, kind, unit)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE fact_date (
        reach INTEGER NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (reach, start, end, article)
    ) WITHOUT ROWID
    """,
)
INDEXES: tuple[str, ...] = (
    "CREATE INDEX fact_entity_by_article ON fact_entity (article)",
    "CREATE INDEX fact_amount_by_article ON fact_amount (article)",
    "CREATE INDEX fact_extent_by_high ON fact_extent (kind, unit, high)",
    "CREATE INDEX fact_extent_by_low ON fact_extent (kind, unit, low)",
    "CREATE INDEX fact_date_by_article ON fact_date (article)",
)
SCHEMA: tuple[str, ...] = (*TABLES, *INDEXES)


def reach(start: dt.date, end: dt.date) -> int:
    """The reach class of a period: the first whose longest period holds it."""
    span = (end - start).days
    for number, days in enumerate(REACHES):
        if span <= days:
            return number
    return len(REACHES)


# Quotes an article may have indexed (a hostile text may have more: those
# past this many are left out of the index, and stay in the article).
QUOTES_PER_ARTICLE = 1 << 16
# Articles whose facts are refilled per batch of rows written.
_REFILL_BATCH = 2000
_NAME = "INSERT INTO fact_name (id, kind, name) VALUES (?, ?, ?)"
_ENTITY = "INSERT OR IGNORE INTO fact_entity (name, article) VALUES (?, ?)"
_QUOTE = "INSERT INTO fact_quote (id, article, speaker, text) VALUES (?, ?, ?, ?)"
_AMOUNT = "INSERT OR IGNORE INTO fact_amount (kind, value, unit, article) VALUES (?, ?, ?, ?)"
_EXTENT = "INSERT INTO fact_extent (article, kind, unit, low, high) VALUES (?, ?, ?, ?, ?)"
_DATE = "INSERT OR IGNORE INTO fact_date (reach, start, end, article) VALUES (?, ?, ?, ?)"
# Currencies are told apart (`money:>£500k`); other units are not asked for.
_BY_UNIT = frozenset({"money"})


def refill(db: sqlite3.Connection) -> None:
    """Fill the (empty) tables from the facts the cache already holds, the
    JSON of `facts_to_dict`, each article's decoded once. Facts in a form this
    code does not know are left out of the index, never a failure: the
    article keeps them, and they are indexed when next stored."""
    names: dict[tuple[str, str], int] = {}
    entities: list[tuple[int, int]] = []
    quotes: list[tuple[int, int, str | None, str]] = []
    amounts: list[tuple[str, float, str, int]] = []
    extents: list[tuple[int, str, str, float, float]] = []
    dates: list[tuple[int, str, str, int]] = []

    def flush() -> None:
        db.executemany(_ENTITY, entities)
        db.executemany(_QUOTE, quotes)
        db.executemany(_AMOUNT, amounts)
        db.executemany(_EXTENT, extents)
        db.executemany(_DATE, dates)
        for rows in (entities, quotes, amounts, extents, dates):
            rows.clear()

    stored = db.execute("SELECT rowid, facts FROM article WHERE facts IS NOT NULL")
    for count, (article, text) in enumerate(stored, start=1):
        try:
            facts = json.loads(text)
            named = [
                (kind, _text(str(entity["name"])))
                for kind, group in _ENTITY_GROUPS
                for entity in facts.get(group, ())
            ]
            quoted = [
                (None if q["speaker"] is None else _text(str(q["speaker"])), _text(str(q["text"])))
                for q in facts.get("quotes", ())
            ]
            del quoted[QUOTES_PER_ARTICLE:]
            article_amounts, article_extents = _amount_rows(
                article, ((q["kind"], q["unit"], q["value"]) for q in facts.get("quantities", ()))
            )
            article_dates = _date_rows(
                article,
                (
                    (dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"]))
                    for d in facts.get("dates", ())
                ),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # not the form this code writes
        for key in named:
            name_id = names.get(key)
            if name_id is None:
                name_id = names[key] = len(names) + 1
                db.execute(_NAME, (name_id, *key))
            entities.append((name_id, article))
        first_quote = article * QUOTES_PER_ARTICLE
        quotes += [
            (first_quote + number, article, speaker, quote)
            for number, (speaker, quote) in enumerate(quoted)
        ]
        amounts += article_amounts
        extents += article_extents
        dates += article_dates
        if count % _REFILL_BATCH == 0:
            flush()
    flush()
    db.execute("INSERT INTO fact_name_text (fact_name_text) VALUES ('rebuild')")
    db.execute("INSERT INTO fact_quote_text (fact_quote_text) VALUES ('rebuild')")


# What a cache without these tables needs: the tables, their rows from the
# facts stored, then their indexes (built once, over rows in place, rather
# than row by row). Each step is SQL or a function of the connection.
MIGRATION: tuple[str | Callable[[sqlite3.Connection], None], ...] = (*TABLES, refill, *INDEXES)


# --- Writing -------------------------------------------------------------------


def store(db: sqlite3.Connection, article: int, facts: ArticleFacts) -> None:
    """Index one article's facts, in place of any it had."""
    forget(db, article)
    for kind, group in _ENTITY_GROUPS:
        for name in {_text(entity.name) for entity in getattr(facts, group)}:
            db.execute(_ENTITY, (_name_id(db, kind, name), article))
    quotes = [
        (
            article * QUOTES_PER_ARTICLE + number,
            article,
            None if quote.speaker is None else _text(quote.speaker),
            _text(quote.text),
        )
        for number, quote in enumerate(facts.quotes[:QUOTES_PER_ARTICLE])
    ]
    db.executemany(_QUOTE, quotes)
    db.executemany(
        "INSERT INTO fact_quote_text (rowid, speaker, text) VALUES (?, ?, ?)",
        [(quote_id, speaker, text) for quote_id, _, speaker, text in quotes],
    )
    amounts, extents = _amount_rows(article, ((q.kind, q.unit, q.value) for q in facts.quantities))
    db.executemany(_AMOUNT, amounts)
    db.executemany(_EXTENT, extents)
    db.executemany(_DATE, _date_rows(article, ((d.start, d.end) for d in facts.dates)))


def _amount_rows(
    article: int, amounts: Iterable[tuple[str, str, object]]
) -> tuple[list[tuple[str, float, str, int]], list[tuple[int, str, str, float, float]]]:
    """An article's rows of `fact_amount` and of `fact_extent`, from its
    amounts' kinds, units and values. A value beyond a float's range is left
    out (the cache keeps it; no comparison here would be right about it)."""
    rows: set[tuple[str, float, str, int]] = set()
    extents: dict[tuple[str, str], tuple[float, float]] = {}
    for kind, unit, value in amounts:
        try:
            number = float(value)  # type: ignore[arg-type]
        except OverflowError:
            continue
        if not math.isfinite(number):
            continue
        unit = _text(str(unit))
        rows.add((str(kind), number, unit, article))
        for key in ((kind, ""), (kind, unit)) if kind in _BY_UNIT else ((kind, ""),):
            low, high = extents.get(key, (number, number))
            extents[key] = (min(low, number), max(high, number))
    return sorted(rows), [(article, *key, *span) for key, span in extents.items()]


def _date_rows(
    article: int, periods: Iterable[tuple[dt.date, dt.date]]
) -> list[tuple[int, str, str, int]]:
    """An article's rows of `fact_date`, from its dates' first and last days."""
    return sorted(
        {
            (reach(start, end), start.isoformat(), end.isoformat(), article)
            for start, end in periods
            if start <= end
        }
    )


def _text(text: str) -> str:
    """`text` as SQLite can keep it (a lone surrogate cannot be UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _name_id(db: sqlite3.Connection, kind: str, name: str) -> int:
    row = db.execute(
        "SELECT id FROM fact_name WHERE kind = ? AND name = ?", (kind, name)
    ).fetchone()
    if row is not None:
        return row[0]
    cursor = db.execute(_NAME, (None, kind, name))
    name_id = cursor.lastrowid
    assert name_id is not None
    db.execute("INSERT INTO fact_name_text (rowid, name) VALUES (?, ?)", (name_id, name))
    return name_id


def forget(db: sqlite3.Connection, article: int) -> None:
    """Take one article's facts out of the index."""
    db.execute("DELETE FROM fact_entity WHERE article = ?", (article,))
    ids = (article * QUOTES_PER_ARTICLE, (article + 1) * QUOTES_PER_ARTICLE - 1)
    quotes = db.execute(
        "SELECT id, speaker, text FROM fact_quote WHERE id BETWEEN ? AND ?", ids
    ).fetchall()
    if quotes:
        db.executemany(
            "INSERT INTO fact_quote_text (fact_quote_text, rowid, speaker, text)"
            " VALUES ('delete', ?, ?, ?)",
            quotes,
        )
        db.execute("DELETE FROM fact_quote WHERE id BETWEEN ? AND ?", ids)
    db.execute("DELETE FROM fact_amount WHERE article = ?", (article,))
    db.execute("DELETE FROM fact_extent WHERE article = ?", (article,))
    db.execute("DELETE FROM fact_date WHERE article = ?", (article,))


# --- Reading -------------------------------------------------------------------


def phrase(text: str, *, prefix: bool = True) -> str:
    """FTS5 syntax for `text` as a phrase, its last word as a prefix (what is
    typed so far) unless `prefix` is false."""
    quoted = '"' + text.replace('"', '""') + '"'
    return f"{quoted}*" if prefix else quoted


def entity_select(kind: str, name: str) -> Select:
    """Articles naming a person, organisation or place (`kind`) whose name
    holds the words of `name`, in order, the last one as a prefix."""
    return (
        "SELECT fact_entity.article FROM fact_name_text"
        " JOIN fact_name ON fact_name.id = fact_name_text.rowid"
        " JOIN fact_entity ON fact_entity.name = fact_name.id"
        " WHERE fact_name_text MATCH ? AND fact_name.kind = ?",
        (phrase(name), kind),
    )


def quote_select(speakers: Sequence[str], words: Sequence[str]) -> Select:
    """Articles with one quote whose speaker holds every one of `speakers`
    and whose text holds every one of `words` (each a phrase)."""
    terms = [f"speaker : {phrase(s)}" for s in speakers]
    terms += [f"text : {phrase(w)}" for w in words]
    return (
        f"SELECT rowid / {QUOTES_PER_ARTICLE} AS article FROM fact_quote_text"
        " WHERE fact_quote_text MATCH ?",
        (" AND ".join(terms),),
    )


# SQL for each comparison a query may make of an amount.
COMPARISONS = {">": ">", ">=": ">=", "<": "<", "<=": "<=", "=": "="}


def amount_select(
    kind: str, comparisons: Sequence[tuple[str, float]], unit: str | None = None
) -> Select:
    """Articles with one amount of `kind` (in `unit`, when given: a currency)
    that passes every comparison, each an operator of `COMPARISONS` and a
    number. Bounds all from below are asked of each article's largest amount,
    all from above of its smallest (`fact_extent`); anything else of the
    amounts themselves."""
    operators = {operator for operator, _ in comparisons}
    parameters: list[object] = [kind]
    if (
        operators
        and operators <= {">", ">="} | {"<", "<="}
        and not (operators & {">", ">="} and operators & {"<", "<="})
    ):
        column = "high" if operators <= {">", ">="} else "low"
        clauses = ["kind = ?", "unit = ?"]
        parameters.append(unit or "")
        table = "fact_extent"
    else:
        column, clauses, table = "value", ["kind = ?"], "fact_amount"
        if unit is not None:
            clauses.append("unit = ?")
            parameters.append(unit)
    for operator, value in comparisons:
        clauses.append(f"{column} {COMPARISONS[operator]} ?")
        parameters.append(value)
    return f"SELECT article FROM {table} WHERE {' AND '.join(clauses)}", tuple(parameters)


def date_select(start: str, end: str) -> Select:
    """Articles naming a date whose period overlaps the days `start` to
    `end` (ISO, inclusive). For each reach class, a period that overlaps
    starts no earlier than its class's longest period before `start`: one
    range of the index per class."""
    first = dt.date.fromisoformat(start)
    parts = []
    parameters: list[object] = []
    for number, days in enumerate(REACHES):
        earliest = first - dt.timedelta(days=min(days, (first - dt.date.min).days))
        parts.append(
            "SELECT article FROM fact_date WHERE reach = ? AND start BETWEEN ? AND ? AND end >= ?"
        )
        parameters += [number, earliest.isoformat(), end, start]
    parts.append("SELECT article FROM fact_date WHERE reach = ? AND start <= ? AND end >= ?")
    parameters += [len(REACHES), end, start]
    return " UNION ALL ".join(parts), tuple(parameters)


def articles(db: sqlite3.Connection, selects: Sequence[Select]) -> set[int]:
    """Rowids of the articles every one of `selects` finds. A full-text
    query that FTS5 cannot read finds nothing."""
    found: set[int] | None = None
    # Each on its own and the sets intersected here: SQLite's INTERSECT sorts
    # both sides in a temporary tree, several times slower when most of a
    # corpus matches.
    for select, parameters in selects:
        try:
            # One string of rowids: a row per article costs more than the
            # query when most of a corpus matches.
            (text,) = db.execute(
                f"SELECT group_concat(article) FROM ({select})", parameters
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "fts5" in str(error):
                return set()
            raise
        # JSON's parser reads a long list of numbers in C: twice as fast as
        # splitting and converting (measured on 300,000 rowids).
        rowids = set(json.loads(f"[{text}]")) if text else set()
        found = rowids if found is None else found & rowids
        if not found:
            break
    return found or set()
