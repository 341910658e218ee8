"""What the article list needs of each article, in reading order. (The query
language of its search box is `dateline.store.query`.)

An `Entry` is a few short strings: a list of 100,000 of them costs tens of
megabytes, where the articles themselves would cost hundreds. The text of an
article is fetched only when it is opened."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
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

    def matches(
        self,
        wanted: Collection[int] | None,
        keep: Callable[[Entry], bool] | None = None,
        *,
        first: int | None = None,
    ) -> Matches:
        """The listed entries whose rowid is in `wanted` (all, when None) and
        that `keep` passes (all, when None), in reading order. With `first`,
        only the first (newest) `first` matches are found now and the rest
        when `Matches.all` is called: a short prefix ("cou") matches most of
        a corpus, and the screen needs a screenful before it needs the count.

        When `wanted` is small (a typical search), the answer is built from
        it and sorted, rather than by testing each of a hundred thousand
        entries."""
        if wanted is None and keep is None:
            return Matches(self.entries)
        candidates: Iterable[Entry]
        if wanted is not None and len(wanted) * 8 < len(self.entries):
            by_rowid = self._by_rowid()
            candidates = sorted(by_rowid[r] for r in wanted if r in by_rowid)
        elif wanted is not None:
            # Most of the list: test each entry, at C speed, lazily.
            candidates = compress(self.entries, map(wanted.__contains__, self._rowids_in_order()))
        else:
            candidates = self.entries
        found: Iterator[Entry] = iter(candidates) if keep is None else filter(keep, candidates)
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
