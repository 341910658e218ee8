"""The query language of the search box, `dateline export --query` and the
story report's `--query`: parsed here once, and answered from the library.

    words                  every word, at the start of a word, in the headline or text
    "flood barrier"        the words together, in that order
    is:unread is:starred   the reader's own marks
    date:2017-01           published in a year, month or day (or FROM..TO);
    after:2017-01-01       on or after; before:2017-02 on or before
    who:"Paul Holmes"      the facts name this person, organisation or place
    source:Gazette         from a site or feed whose name holds this
    feed:"Calder Valley"   fetched from a feed whose title or address holds this
    person:"Paul Holmes"   the facts name a person (org:, place: the same for
                           organisations and places) whose name holds these words
    said:Holmes            a quote whose speaker holds these words
    quote:unsustainable    a quote holding these words
    money>1m               a sum over a million in any currency; money:>£500k in
                           pounds; also <, >=, <=, = (or money:5m); k, m, bn
    percent>20  count>100  a percentage, a count
    on:2017-01-27          a date the facts name overlaps that day (or month, year,
                           FROM..TO): what the article speaks of, not when it was out

Filters of one kind and words combine: an article passes them all. Two
about quotes (`said:Holmes quote:unlawful`) are about one quote: Holmes said
"unlawful". Two about one kind of amount (`money>1m money<10m`) are about
one figure: a sum between the two.

A query that cannot be read (`money>lots`, a quotation mark left open) has
`problems`, each a short message for under the box; the caller keeps what
it showed before. Parsing never raises."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.model.listing import Entry, Listing, Matches
from dateline.store import facts_index

if TYPE_CHECKING:
    from dateline.store.library import Library

AMOUNT_KINDS = ("money", "percent", "count")
ENTITY_FILTERS = {"person": "person", "org": "organization", "place": "place"}
TEXT_FILTERS = ("who", "source", "feed", "said", "quote", *ENTITY_FILTERS)
FILTERS = frozenset({"is", "date", "after", "before", "on", *TEXT_FILTERS})


@dataclass(slots=True, frozen=True)
class Amount:
    """One comparison of an amount: `money>1m` is ("money", ">", 1e6)."""

    kind: str  # "money", "percent" or "count"
    operator: str  # one of facts_index.COMPARISONS
    value: float
    unit: str | None = None  # an ISO 4217 code; money only


@dataclass(slots=True, frozen=True)
class Query:
    """A parsed query: free words for full-text search, plus filters."""

    words: tuple[str, ...] = ()
    unread: bool = False
    starred: bool = False
    after: str | None = None  # inclusive ISO day
    before: str | None = None  # inclusive ISO day
    who: str | None = None
    source: str | None = None  # a part of the site's or feed's name
    feed: str | None = None  # a part of the feed's title or address
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    said: tuple[str, ...] = ()  # words of one quote's speaker
    quoted: tuple[str, ...] = ()  # words (or phrases) of one quote
    amounts: tuple[Amount, ...] = ()
    on: tuple[tuple[str, str], ...] = ()  # periods (first, last ISO day) a date overlaps
    problems: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (
            self.words
            or self.unread
            or self.starred
            or self.after
            or self.before
            or self.who
            or self.source
            or self.feed
            or self.asks_facts
        )

    @property
    def asks_facts(self) -> bool:
        """Whether the query asks anything of the facts index."""
        return bool(
            self.people or self.organizations or self.places or self.said or self.quoted
        ) or bool(self.amounts or self.on)

    @property
    def needs_facts(self) -> bool:
        """Whether the answer depends on the articles' facts (`who:` and the
        filters on facts): they must be found before it is asked."""
        return self.asks_facts or bool(self.who)

    def accepts_origin(self, entry: Entry) -> bool:
        """Whether the entry's source and feed pass `source:` and `feed:`."""
        if self.source and self.source.casefold() not in entry.source.casefold():
            return False
        return not (self.feed and self.feed.casefold() not in entry.feed.casefold())

    def accepts_date(self, date: str) -> bool:
        if self.after and (not date or date < self.after):
            return False
        return not (self.before and (not date or date > self.before))

    def entry_test(
        self, read: Collection[str] = (), starred: Collection[str] = ()
    ) -> Callable[[Entry], bool] | None:
        """What the query asks of a listed entry itself (its marks, date and
        origin, where `read` and `starred` hold reading keys), or None when
        it asks nothing of them."""
        if not (
            self.unread or self.starred or self.after or self.before or self.source or self.feed
        ):
            return None
        unread, only_starred = self.unread, self.starred
        accepts_date, accepts_origin = self.accepts_date, self.accepts_origin

        def passes(entry: Entry) -> bool:
            return (
                (not unread or entry.reading_key not in read)
                and (not only_starred or entry.reading_key in starred)
                and accepts_date(entry.date)
                and accepts_origin(entry)
            )

        return passes

    def fact_selects(self) -> list[facts_index.Select]:
        """The questions the query asks of the facts index, as SQL."""
        selects = [
            facts_index.entity_select(kind, name)
            for kind, names in (
                ("person", self.people),
                ("organization", self.organizations),
                ("place", self.places),
            )
            for name in names
        ]
        if self.said or self.quoted:
            selects.append(facts_index.quote_select(self.said, self.quoted))
        by_kind: dict[str, list[Amount]] = {}
        for amount in self.amounts:
            by_kind.setdefault(amount.kind, []).append(amount)
        for kind, amounts in by_kind.items():
            unit = next((a.unit for a in amounts if a.unit), None)
            comparisons = [(a.operator, a.value) for a in amounts]
            selects.append(facts_index.amount_select(kind, comparisons, unit))
        selects += [facts_index.date_select(start, end) for start, end in self.on]
        return selects


# --- Reading a query --------------------------------------------------------------

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_FIRST_DAY, _LAST_DAY = dt.date.min.isoformat(), dt.date.max.isoformat()


def _day(text: str) -> str | None:
    if not _DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def date_span(text: str) -> tuple[str, str] | None:
    """`2017`, `2017-01`, `2017-01-24` or `FROM..TO` as first and last day
    ("" for a side left open); None when it names no date."""
    if ".." in text:
        first, _, last = text.partition("..")
        start = date_span(first) if first else None
        end = date_span(last) if last else None
        if (first and start is None) or (last and end is None) or not (start or end):
            return None
        return (start[0] if start else "", end[1] if end else "")
    if day := _day(text):
        return day, day
    if match := _MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and year >= 1):
            return None
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    if _YEAR.fullmatch(text) and int(text) >= 1:
        return f"{text}-01-01", f"{text}-12-31"
    return None


_AMOUNT_FILTER = re.compile(
    r"(?P<kind>money|percent|count)(?P<colon>:?)(?P<operator>>=|<=|>|<|=)?(?P<value>.*)",
    re.IGNORECASE | re.DOTALL,
)
_CURRENCY_SIGNS = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR"}
_MULTIPLIERS = {"": 1, "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
_NUMBER = re.compile(
    r"(?P<sign>us\$|[£$€])?(?P<before>[a-z]{3})?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<multiplier>k|mn|m|bn|b|tn)?(?P<after>[a-z]{3})?(?P<percent>%)?",
    re.IGNORECASE,
)
_EXAMPLES = {
    "money": "an amount is a number such as 500k, £5m or 2.5bn",
    "percent": "a percentage is a number such as 20 or 12.5%",
    "count": "a count is a number such as 100 or 2k",
}


def _amount(token: str, kind: str, operator: str, text: str) -> Amount | str:
    """An amount filter's comparison, or the problem with it."""
    match = _NUMBER.fullmatch(text.replace(" ", ""))
    if match is None:
        return f"{token}: {_EXAMPLES[kind]}"
    sign, before, after = match["sign"], match["before"], match["after"]
    codes = [c.upper() for c in (before, after) if c]
    unit = _CURRENCY_SIGNS[sign.lower()] if sign else None
    if codes:
        if len(codes) > 1 or (unit and unit != codes[0]):
            return f"{token}: {_EXAMPLES[kind]}"
        unit = codes[0]
    if kind != "money" and unit:
        return f"{token}: only money has a currency"
    if match["percent"] and kind != "percent":
        return f"{token}: {_EXAMPLES[kind]}"
    if match["multiplier"] and kind == "percent":
        return f"{token}: {_EXAMPLES[kind]}"
    multiplier = _MULTIPLIERS[(match["multiplier"] or "").lower()]
    value = float(match["number"].replace(",", "")) * multiplier
    return Amount(kind, operator or "=", value, unit)


def _tokens(text: str) -> tuple[list[str], bool]:
    """The query's tokens, split at white space outside double quotation
    marks (which are taken out), and whether a quotation mark is left open.
    A token that was only quotation marks is "" (no word)."""
    tokens: list[str] = []
    current: list[str] = []
    quoting = started = False
    for character in text:
        if character == '"':
            quoting, started = not quoting, True
        elif character.isspace() and not quoting:
            if started or current:
                tokens.append("".join(current))
            current, started = [], False
        else:
            current.append(character)
    if started or current:
        tokens.append("".join(current))
    return tokens, quoting


def _has_word(text: str) -> bool:
    return any(character.isalnum() for character in text)


def parse_query(text: str) -> Query:
    """Read a query. What cannot be read becomes a problem, never an error;
    a filter with nothing after it yet (`person:`, `money>`) is ignored, as
    it is still being typed."""
    tokens, unclosed = _tokens(text)
    problems: list[str] = []
    if unclosed:
        problems.append('A quotation mark is left open: close it with "')
    words: list[str] = []
    fields: dict[str, object] = {}
    lists: dict[str, list[object]] = {
        "people": [],
        "organizations": [],
        "places": [],
        "said": [],
        "quoted": [],
        "amounts": [],
        "on": [],
    }
    for token in tokens:
        match = _AMOUNT_FILTER.fullmatch(token)
        if match and (match["colon"] or match["operator"]):
            if match["value"]:
                kind = match["kind"].casefold()
                found = _amount(token, kind, match["operator"], match["value"])
                if isinstance(found, str):
                    problems.append(found)
                else:
                    lists["amounts"].append(found)
            continue
        name, colon, value = token.partition(":")
        name = name.casefold()
        if not colon or name not in FILTERS:
            if token.strip():  # a quoted blank ("" or " ") is no word to find
                words.append(token)
            continue
        if not value.strip():
            continue  # still being typed
        if name == "is":
            flag = value.casefold()
            if flag in {"unread", "starred"}:
                fields[flag] = True
            else:
                problems.append(f"is:{value}: try is:unread or is:starred")
        elif name in ("who", "source", "feed"):
            fields[name] = value
        elif name in ENTITY_FILTERS or name in ("said", "quote"):
            if not _has_word(value):
                problems.append(f"{name}:{value}: give a word to look for")
            elif name == "said":
                lists["said"].append(value)
            elif name == "quote":
                lists["quoted"].append(value)
            else:
                group = {"person": "people", "org": "organizations", "place": "places"}[name]
                lists[group].append(value)
        elif (span := date_span(value)) is None:
            problems.append(f"{name}:{value}: a date is YYYY, YYYY-MM or YYYY-MM-DD")
        elif span[0] and span[1] and span[0] > span[1]:
            problems.append(f"{name}:{value}: the first date comes after the last")
        elif name == "on":
            lists["on"].append((span[0] or _FIRST_DAY, span[1] or _LAST_DAY))
        elif name == "date":
            fields["after"], fields["before"] = span[0] or None, span[1] or None
        elif name == "after":
            fields["after"] = span[0] or None
        else:
            fields["before"] = span[1] or None
    problems += _amount_clashes(lists["amounts"])  # type: ignore[arg-type]
    return Query(
        words=tuple(words),
        problems=tuple(problems),
        **fields,  # type: ignore[arg-type]
        **{key: tuple(values) for key, values in lists.items()},  # type: ignore[arg-type]
    )


def _amount_clashes(amounts: Iterable[Amount]) -> list[str]:
    """Comparisons of one kind describe one figure: it has one currency."""
    units = {a.unit for a in amounts if a.kind == "money" and a.unit}
    if len(units) > 1:
        return [f"money in {' and '.join(sorted(units))}: one figure has one currency"]
    return []


# --- Answering a query --------------------------------------------------------------


def rowids(query: Query, library: Library) -> set[int] | None:
    """Rowids of the articles that pass the query's words, `who:` and
    filters on facts, from the library's indexes; None when it asks none of
    them (every article passes)."""
    wanted: set[int] | None = None
    selects = query.fact_selects()
    if selects:
        wanted = library.with_facts(selects)
    if query.who and (wanted is None or wanted):
        named = library.mentioning(query.who)
        wanted = named if wanted is None else wanted & named
    if query.words and (wanted is None or wanted):
        found = library.search(query.words)
        wanted = found if wanted is None else wanted & found
    return wanted


def matching(
    listing: Listing,
    query: Query,
    library: Library,
    *,
    read: Collection[str] = (),
    starred: Collection[str] = (),
    first: int | None = None,
) -> Matches:
    """The listed entries that pass the query, in reading order. With
    `first`, only that many are found now (see `Listing.matches`). `read`
    and `starred` hold reading keys, for `is:unread` and `is:starred`."""
    if query.is_empty:
        return Matches(listing.entries)
    return listing.matches(rowids(query, library), query.entry_test(read, starred), first=first)


def unread_count(
    listing: Listing, text: str, library: Library, read: Collection[str]
) -> int | None:
    """How many listed articles pass the query in `text` and are unread (a
    saved search's count); None when the query cannot be read."""
    query = parse_query(text)
    if query.problems:
        return None
    unread = dataclasses.replace(query, unread=True)
    return len(matching(listing, unread, library, read=read).all())
