"""What the article list needs of each article, and the query language of its
filter box.

An `Entry` is a few short strings: a list of 100,000 of them costs tens of
megabytes, where the articles themselves would cost hundreds. The text of an
article is fetched only when it is opened."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import shlex
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, islice
from typing import NamedTuple

from dateline.model.article import Article
from dateline.model.ids import numbered_ids, numbered_warning

_MAX_DAY = 99999999  # yyyymmdd, so that newer dates sort first as text


def sort_key(date: str | None, article_id: str) -> str:
    """Newest first; undated articles last; ties in id order. A string, so a
    list of 100,000 entries sorts at C speed. The id is the one the article
    was found under, before any numbering (see `base_id`)."""
    if not date:
        return f"1{0:08d}{article_id}"
    return f"0{_MAX_DAY - int(date.replace('-', '')):08d}{article_id}"


_KEY_PREFIX = len(sort_key(None, ""))


class Entry(NamedTuple):
    """One row of the article list. Sorting a list of entries puts it in
    reading order, because `key` comes first, and articles of one day and one
    id in the order of their content (`digest`, unique in a listing), never
    in the order a cache happened to store them."""

    key: str
    digest: str  # the content hash: identical articles are listed once
    rowid: int
    id: str
    date: str  # ISO, or "" when unknown
    title: str
    warned: bool
    reading_key: str  # what its read and starred marks are kept under (`Article.reading_key`)
    source: str = ""  # the site or feed it came from, shown on its row
    feed: str = ""  # the feed it was fetched from, title and address, for `feed:`


def base_id(entry: Entry) -> str:
    """The id the entry was found under, before a clash numbered it."""
    return entry.key[_KEY_PREFIX:]


def as_listed(article: Article, entry: Entry) -> Article:
    """The article read from the cache, under the id its listing gives it (the
    cache keeps an article once for every corpus that holds its file), with a
    warning when that id is numbered."""
    if article.id == entry.id:
        return article
    base = base_id(entry)
    warnings = article.warnings
    if entry.id != base:
        warnings = (*warnings, numbered_warning(base, entry.id))
    return replace(article, id=entry.id, warnings=warnings)


@dataclass(slots=True, frozen=True)
class Query:
    """A parsed filter: free words for full-text search, plus filters.

    is:unread  is:starred  date:2017-01  after:2017-01-01  before:2017-02-01
    who:"Paul Holmes"  source:Guardian  feed:"Calder Valley"
    """

    words: tuple[str, ...] = ()
    unread: bool = False
    starred: bool = False
    after: str | None = None  # inclusive ISO day
    before: str | None = None  # inclusive ISO day
    who: str | None = None
    source: str | None = None  # a part of the site's or feed's name
    feed: str | None = None  # a part of the feed's title or address
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
        )

    def accepts_origin(self, entry: Entry) -> bool:
        """Whether the entry's source and feed pass `source:` and `feed:`."""
        if self.source and self.source.casefold() not in entry.source.casefold():
            return False
        return not (self.feed and self.feed.casefold() not in entry.feed.casefold())

    def accepts_date(self, date: str) -> bool:
        if self.after and (not date or date < self.after):
            return False
        return not (self.before and (not date or date > self.before))


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def _day(text: str) -> str | None:
    if not _DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _date_span(text: str) -> tuple[str, str] | None:
    """`2017`, `2017-01`, `2017-01-24` or `FROM..TO` as first and last day."""
    if ".." in text:
        first, _, last = text.partition("..")
        start = _date_span(first) if first else None
        end = _date_span(last) if last else None
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


def parse_query(text: str) -> Query:
    """Read the filter box. Unknown or malformed filters become problems and
    are otherwise ignored, so typing never breaks the list."""
    try:
        tokens = shlex.split(text)
    except ValueError:  # an unclosed quotation mark while typing
        tokens = text.replace('"', "").split()
    words: list[str] = []
    problems: list[str] = []
    fields: dict[str, object] = {}
    for token in tokens:
        name, colon, value = token.partition(":")
        name = name.casefold()
        if not colon or name not in {"is", "date", "after", "before", "who", "source", "feed"}:
            if token.strip():  # a quoted blank ("" or "\ ") is no word to find
                words.append(token)
            continue
        if not value:
            continue  # still being typed
        if name == "is":
            flag = value.casefold()
            if flag in {"unread", "starred"}:
                fields[flag] = True
            else:
                problems.append(f"is:{value}: try is:unread or is:starred")
        elif name in ("who", "source", "feed"):
            fields[name] = value
        elif (span := _date_span(value)) is None:
            problems.append(f"{name}:{value}: a date is YYYY, YYYY-MM or YYYY-MM-DD")
        elif name == "date":
            fields["after"], fields["before"] = span[0] or None, span[1] or None
        elif name == "after":
            fields["after"] = span[0] or None
        else:
            fields["before"] = span[1] or None
    return Query(words=tuple(words), problems=tuple(problems), **fields)  # type: ignore[arg-type]


@dataclass(slots=True)
class Matches:
    """The entries a query lets through, in reading order: the first ones at
    once, the rest (and so the count) only when asked for."""

    first: list[Entry]
    _rest: Iterator[Entry] | None = field(default=None, repr=False)

    @property
    def complete(self) -> bool:
        """Whether `first` is every match."""
        return self._rest is None

    def all(self) -> list[Entry]:
        """Every match: the first ones, then the rest, found now."""
        if self._rest is not None:
            self.first.extend(self._rest)
            self._rest = None
        return self.first


class Listing:
    """Every article of the corpus in reading order, identical articles listed
    once (the first one found; the others are counted in `duplicates`), each
    under an id of its own.

    Entries come in with the id they were found under. Two listed articles of
    one id (`x.txt` beside `x.md`) are numbered as `dateline.model.ids` says:
    in reading order, ties by content, so the same articles get the same ids
    whatever order they arrive in."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: list[Entry] = []
        self._by_id: dict[str, Entry] = {}
        self._listed: dict[int, Entry] = {}  # rowid → the entry listed for it
        self._shown: set[str] = set()  # digests listed
        self._hidden: dict[int, Entry] = {}  # rowid → a duplicate not listed
        # Ids that more than one listed entry was found under.
        self._clashes: set[str] = set()
        self._warned: dict[int, bool] = {}  # rowid → `warned` of a numbered entry as it came
        self._rowid_order: list[int] | None = None  # rowids in list order, when asked for
        self.apply(entries, ())

    @property
    def duplicates(self) -> int:
        return len(self._hidden)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, article_id: str) -> Entry | None:
        return self._by_id.get(article_id)

    def apply(self, added: Iterable[Entry], removed: Collection[int]) -> None:
        """Take entries out by rowid, then add new ones, keeping the order. A
        row already listed (or held back as a duplicate) is not added again."""
        dirty: set[str] = set()
        self._rowid_order = None
        if removed:
            self._remove(removed, dirty)
            # A copy that was hidden behind a removed article now shows.
            promoted = [e for e in self._hidden.values() if e.digest not in self._shown]
            for entry in promoted:
                del self._hidden[entry.rowid]
            added = [*added, *promoted]
        new: list[Entry] = []
        for entry in added:
            if entry.rowid in self._listed or entry.rowid in self._hidden:
                continue
            if entry.digest in self._shown:
                self._hidden[entry.rowid] = entry
                continue
            self._shown.add(entry.digest)
            self._listed[entry.rowid] = entry
            base = entry.id
            holder = self._by_id.get(base)
            if holder is None and base not in self._clashes:
                self._by_id[base] = entry
            else:
                dirty.add(base)
                if holder is not None:
                    dirty.add(base_id(holder))
                self._clashes.add(base)
            new.append(entry)
        if new:
            self.entries.extend(new)
            self.entries.sort()
        if dirty:
            self._number(dirty)

    def _remove(self, removed: Collection[int], dirty: set[str]) -> None:
        for rowid in removed:
            self._hidden.pop(rowid, None)
        gone = [self._listed[rowid] for rowid in removed if rowid in self._listed]
        if not gone:
            return
        self.entries = [e for e in self.entries if e.rowid not in removed]
        for entry in gone:
            del self._listed[entry.rowid]
            self._warned.pop(entry.rowid, None)
            if self._by_id.get(entry.id) is entry:
                del self._by_id[entry.id]
            self._shown.discard(entry.digest)
            base = base_id(entry)
            if base in self._clashes:
                dirty.add(base)
            # An id that numbering skipped is free again: its group may take it.
            numbered_from = base.rpartition("~")[0]
            if numbered_from in self._clashes:
                dirty.add(numbered_from)

    def _number(self, bases: set[str]) -> None:
        """Give the entries found under each of `bases` their ids again."""
        members: dict[str, list[Entry]] = {base: [] for base in bases}
        for entry in self.entries:  # one pass, only when ids clash (rare)
            if (base := base_id(entry)) in members:
                members[base].append(entry)
        renamed: dict[int, Entry] = {}

        def taken(candidate: str) -> bool:
            holder = self._by_id.get(candidate)
            return (holder is not None and base_id(holder) == candidate) or bool(
                members.get(candidate)
            )

        for base, group in members.items():
            for entry in group:
                if self._by_id.get(entry.id) is entry:
                    del self._by_id[entry.id]
            if len(group) < 2:
                self._clashes.discard(base)
            else:
                self._clashes.add(base)
            group.sort()  # reading order: by key, then content
            for entry, article_id in zip(group, numbered_ids(base, len(group), taken), strict=True):
                if article_id != entry.id:
                    warned = self._warned.pop(entry.rowid, entry.warned)
                    if article_id != base:
                        self._warned[entry.rowid] = warned
                        warned = True
                    entry = entry._replace(id=article_id, warned=warned)
                    renamed[entry.rowid] = entry
                    self._listed[entry.rowid] = entry
                self._by_id[article_id] = entry
        if renamed:
            self.entries = [renamed.get(e.rowid, e) for e in self.entries]

    def view(
        self,
        query: Query,
        *,
        read: Collection[str],
        starred: Collection[str],
        search: Callable[[Sequence[str]], Collection[int]],
        mentioning: Callable[[str], Collection[int]],
    ) -> list[Entry]:
        """The entries the query lets through, in reading order. `read` and
        `starred` hold reading keys (`Entry.reading_key`).

        Word and name filters give sets of rowids; when those are few (a
        typical search), the answer is built from them and sorted, rather
        than by testing each of a hundred thousand entries."""
        if query.is_empty:
            return self.entries
        return self.matches(
            query, read=read, starred=starred, search=search, mentioning=mentioning
        ).all()

    def matches(
        self,
        query: Query,
        *,
        read: Collection[str],
        starred: Collection[str],
        search: Callable[[Sequence[str]], Collection[int]],
        mentioning: Callable[[str], Collection[int]],
        first: int | None = None,
    ) -> Matches:
        """As `view`, but with `first`, only the first (newest) `first`
        matches are found now and the rest when `Matches.all` is called: a
        short prefix ("cou") matches most of a corpus, and the screen needs
        a screenful before it needs the count."""
        if query.is_empty:
            return Matches(self.entries)
        wanted: set[int] | None = None
        if query.words:
            wanted = set(search(query.words))
        if query.who:
            named = set(mentioning(query.who))
            wanted = named if wanted is None else wanted & named
        candidates: Iterable[Entry]
        if wanted is not None and len(wanted) * 8 < len(self.entries):
            by_rowid = self._by_rowid()
            candidates = sorted(by_rowid[r] for r in wanted if r in by_rowid)
        elif wanted is not None:
            # Most of the list: test each entry, at C speed, lazily.
            candidates = compress(self.entries, map(wanted.__contains__, self._rowids_in_order()))
        else:
            candidates = self.entries
        found: Iterator[Entry] = iter(candidates)
        if (
            query.unread
            or query.starred
            or query.after
            or query.before
            or query.source
            or query.feed
        ):
            found = (
                e
                for e in found
                if (not query.unread or e.reading_key not in read)
                and (not query.starred or e.reading_key in starred)
                and query.accepts_date(e.date)
                and query.accepts_origin(e)
            )
        if first is None:
            return Matches(list(found))
        shown = list(islice(found, first))
        return Matches(shown, found if len(shown) == first else None)

    def _rowids_in_order(self) -> list[int]:
        """The listed entries' rowids, in list order, built when first asked for."""
        if self._rowid_order is None:
            self._rowid_order = [e.rowid for e in self.entries]
        return self._rowid_order

    def _by_rowid(self) -> dict[int, Entry]:
        return self._listed
