"""The list's entries, and the search box's query language applied to them
(the language itself: tests/store/test_query.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from hypothesis import given
from hypothesis import strategies as st

from dateline.model.listing import Entry, Listing, Matches, as_listed, base_id, sort_key
from dateline.store.query import Query, matching, parse_query


class FakeLibrary:
    """What `matching` asks of the library, answered by functions."""

    def __init__(
        self,
        search: Callable[[Sequence[str]], Collection[int]],
        mentioning: Callable[[str], Collection[int]],
    ) -> None:
        self._search, self._mentioning = search, mentioning

    def search(self, words: Sequence[str]) -> set[int]:
        return set(self._search(words))

    def mentioning(self, name: str) -> set[int]:
        return set(self._mentioning(name))

    def with_facts(self, selects: object) -> set[int]:
        return set()


def filtered(
    listing: Listing,
    query: Query,
    *,
    read: Collection[str],
    starred: Collection[str],
    search: Callable[[Sequence[str]], Collection[int]],
    mentioning: Callable[[str], Collection[int]],
    first: int | None = None,
) -> Matches:
    library = FakeLibrary(search, mentioning)
    return matching(listing, query, library, read=read, starred=starred, first=first)  # type: ignore[arg-type]


def entry(rowid: int, date: str, digest: str | None = None, article_id: str | None = None) -> Entry:
    article_id = article_id or f"a{rowid}"
    digest = digest or f"d{rowid}"
    return Entry(
        key=sort_key(date, article_id),
        digest=digest,
        rowid=rowid,
        id=article_id,
        date=date,
        title=f"T{rowid}",
        warned=False,
        reading_key=f"k-{digest}",
    )


def test_entries_sort_newest_first_and_undated_last() -> None:
    listing = Listing(
        [entry(1, "2016-05-01"), entry(2, ""), entry(3, "2017-01-24"), entry(4, "2017-01-24")]
    )
    assert [e.rowid for e in listing.entries] == [3, 4, 1, 2]


def test_identical_articles_are_listed_once_and_counted() -> None:
    listing = Listing(
        [entry(1, "2017-01-01", "same"), entry(2, "2017-01-02", "same"), entry(3, "2017-01-03")]
    )
    assert [e.rowid for e in listing.entries] == [3, 1]
    assert listing.duplicates == 1
    # Removing the one shown brings its copy back.
    listing.apply([], {1})
    assert [e.rowid for e in listing.entries] == [3, 2]
    assert listing.duplicates == 0
    assert listing.get("a1") is None and listing.get("a2") is not None


def test_applying_a_batch_keeps_the_order() -> None:
    listing = Listing([entry(1, "2017-01-01")])
    listing.apply([entry(2, "2018-01-01"), entry(3, "2016-01-01")], ())
    assert [e.rowid for e in listing.entries] == [2, 1, 3]


def test_matches_take_rowids_and_a_test_of_each_entry() -> None:
    listing = Listing([entry(1, "2017-01-10"), entry(2, "2017-02-10"), entry(3, "2017-01-20")])
    assert listing.matches(None).first is listing.entries
    assert [e.rowid for e in listing.matches({1, 3, 99}).all()] == [3, 1]
    assert [e.rowid for e in listing.matches(None, lambda e: e.rowid != 2).all()] == [3, 1]
    assert [e.rowid for e in listing.matches({1, 2}, lambda e: e.rowid != 2).all()] == [1]


def test_query_language() -> None:
    query = parse_query('strike is:unread who:"Paul Holmes" date:2017-01 union')
    assert query == Query(
        words=("strike", "union"),
        unread=True,
        who="Paul Holmes",
        after="2017-01-01",
        before="2017-01-31",
    )
    assert parse_query("after:2017 before:2018-02").after == "2017-01-01"
    assert parse_query("after:2017 before:2018-02").before == "2018-02-28"
    assert parse_query("date:2016-02-01..2016-03").before == "2016-03-31"
    assert parse_query("is:starred").starred
    assert parse_query("").is_empty


def test_bad_filters_become_problems_not_errors() -> None:
    assert parse_query("date:2017-13").problems == (
        "date:2017-13: a date is YYYY, YYYY-MM or YYYY-MM-DD",
    )
    assert parse_query("is:shiny").problems == ("is:shiny: try is:unread or is:starred",)
    # An unclosed quotation mark is a problem: the list keeps its last result.
    assert parse_query('who:"Paul').problems == ('A quotation mark is left open: close it with "',)
    assert parse_query("date:").is_empty


def test_view_applies_every_filter() -> None:
    listing = Listing(
        [entry(1, "2017-01-10"), entry(2, "2017-02-10"), entry(3, "2017-01-20"), entry(4, "")]
    )

    def view(text: str) -> list[int]:
        found = filtered(
            listing,
            parse_query(text),
            read={"k-d3"},
            starred={"k-d2", "k-d3"},
            search=lambda words: {1, 2, 3} if words == ("strike",) else set(),
            mentioning=lambda name: {3} if name == "Paul Holmes" else set(),
        )
        return [e.rowid for e in found.all()]

    assert view("") == [2, 3, 1, 4]
    assert view("strike") == [2, 3, 1]
    assert view("strike date:2017-01") == [3, 1]
    assert view("is:unread") == [2, 1, 4]
    assert view("is:starred") == [2, 3]
    assert view('who:"Paul Holmes"') == [3]
    assert view("after:2017-01-15") == [2, 3]
    assert view("zebra") == []


def test_a_broad_search_gives_its_newest_matches_first_and_the_rest_when_asked() -> None:
    listing = Listing([entry(n, f"2017-01-{n:02d}") for n in range(1, 21)])
    # Every even article matches: most of the list, so it is tested entry by entry.
    matches = filtered(
        listing,
        parse_query("council"),
        read=set(),
        starred=set(),
        search=lambda words: set(range(2, 21, 2)),
        mentioning=lambda name: set(),
        first=3,
    )
    assert [e.rowid for e in matches.first] == [20, 18, 16]
    assert not matches.complete
    assert [e.rowid for e in matches.all()] == [20, 18, 16, 14, 12, 10, 8, 6, 4, 2]
    assert matches.complete
    # Fewer matches than asked for: complete at once.
    few = filtered(
        listing,
        parse_query("council is:unread"),
        read={"k-d20"},
        starred=set(),
        search=lambda words: {2, 20},
        mentioning=lambda name: set(),
        first=3,
    )
    assert [e.rowid for e in few.first] == [2] and few.complete


def test_a_row_is_listed_once_whatever_the_changes_say() -> None:
    listing = Listing([entry(1, "2017-01-01", article_id="story"), entry(2, "2017-01-02")])
    # Listed already under the same row: not added twice.
    listing.apply([entry(1, "2017-01-01", article_id="story")], set())
    assert [(e.rowid, e.id) for e in listing.entries] == [(2, "a2"), (1, "story")]
    # Taken out and put back in one change (the row was only touched): kept.
    listing.apply([entry(1, "2017-01-01", article_id="story")], {1})
    assert [(e.rowid, e.id) for e in listing.entries] == [(2, "a2"), (1, "story")]
    assert listing.duplicates == 0


def ids(listing: Listing) -> list[tuple[int, str, bool]]:
    return [(e.rowid, e.id, e.warned) for e in listing.entries]


def test_articles_found_under_one_id_are_numbered_newest_first() -> None:
    # x.txt and x.md in one folder: both found as "x".
    older, newer = entry(1, "2017-01-01", article_id="x"), entry(2, "2017-01-02", article_id="x")
    listing = Listing([older, newer])
    assert ids(listing) == [(2, "x", False), (1, "x~2", True)]
    assert listing.get("x~2") is not None and listing.get("x~2").rowid == 1
    assert base_id(listing.get("x~2")) == "x"
    # The same articles arriving in the other order, or one at a time, get the same ids.
    for batches in ([[newer, older]], [[older], [newer]], [[newer], [older]]):
        other = Listing()
        for batch in batches:
            other.apply(batch, ())
        assert ids(other) == ids(listing)
    # On one day, the content decides: the same every time.
    same_day = [entry(5, "2017-01-03", "b", "y"), entry(6, "2017-01-03", "a", "y")]
    assert [(e.rowid, e.id) for e in Listing(same_day).entries] == [(6, "y"), (5, "y~2")]
    assert [(e.rowid, e.id) for e in Listing(same_day[::-1]).entries] == [(6, "y"), (5, "y~2")]


def test_numbering_skips_ids_of_their_own_and_gives_them_back() -> None:
    listing = Listing(
        [entry(1, "2017-01-01", article_id="x"), entry(2, "2017-01-02", article_id="x")]
    )
    # A file called "x~2" comes in: the numbered one moves on.
    listing.apply([entry(3, "2017-01-03", article_id="x~2")], ())
    assert ids(listing) == [(3, "x~2", False), (2, "x", False), (1, "x~3", True)]
    # It goes: "x~2" is free again.
    listing.apply([], {3})
    assert ids(listing) == [(2, "x", False), (1, "x~2", True)]
    # The newer "x" goes: the older one is "x" again, with its own warned flag.
    listing.apply([], {2})
    assert ids(listing) == [(1, "x", False)]
    assert listing.get("x~2") is None and listing.get("x").rowid == 1


def test_a_listed_article_is_shown_under_its_listed_id() -> None:
    from pathlib import Path

    from dateline.model.article import Article

    stored = Article("x", Path("/corpus/a/x.md"), None, "T", ("Text.",), warnings=("w",))
    listing = Listing(
        [entry(1, "2017-01-01", article_id="a/x"), entry(2, "2017-01-02", article_id="a/x")]
    )
    numbered = as_listed(stored, listing.get("a/x~2"))
    assert numbered.id == "a/x~2"
    assert numbered.warnings == (
        "w",
        "another article in this corpus has the id a/x; this one's id is a/x~2",
    )
    assert as_listed(stored, listing.get("a/x")).warnings == ("w",)


_ROWS = st.integers(1, 12)
_CHANGES = st.lists(
    st.tuples(st.lists(_ROWS, max_size=5), st.lists(_ROWS, max_size=3)), min_size=1, max_size=8
)


def _row(rowid: int) -> Entry:
    """Row n of a made-up corpus: few ids and days, so that ids clash often
    (and "x~2" is a file's own id), and two rows are copies of one article."""
    article_id = ["x", "x", "x", "x~2", "y", "y"][rowid % 6]
    digest = "same" if rowid in (11, 12) else f"d{rowid}"
    return entry(rowid, ["2017-01-01", "2017-01-02", ""][rowid % 3], digest, article_id)


@given(_CHANGES)
def test_ids_depend_on_the_rows_listed_not_on_the_order_of_changes(
    changes: list[tuple[list[int], list[int]]],
) -> None:
    listing = Listing()
    present: set[int] = set()
    for added, removed in changes:
        listing.apply([_row(r) for r in added], set(removed))
        present = (present - set(removed)) | set(added)
    fresh = Listing(sorted(_row(r) for r in present))
    assert len({e.id for e in listing.entries}) == len(listing.entries)
    if not {11, 12} <= present:  # which copy is listed depends on arrival
        assert ids(listing) == ids(fresh)
    for e in listing.entries:
        assert listing.get(e.id) == e


def test_source_and_feed_filters_are_parsed_and_match_parts_of_names() -> None:
    query = parse_query('source:gazette feed:"Calder Valley" flood')
    assert (query.source, query.feed, query.words) == ("gazette", "Calder Valley", ("flood",))
    assert not query.is_empty
    page = entry(1, "2023-03-14")._replace(source="Wharfedale Gazette")
    fetched = entry(2, "2023-05-02")._replace(
        source="The Chronicle", feed="Calder Valley Chronicle https://calderchronicle.example/feed"
    )
    listing = Listing([page, fetched])

    def view(text: str) -> list[int]:
        shown = filtered(
            listing,
            parse_query(text),
            read=(),
            starred=(),
            search=lambda w: set(),
            mentioning=lambda n: set(),
        )
        return [e.rowid for e in shown.all()]

    assert view("source:GAZETTE") == [1]
    assert view("source:chronicle") == [2]
    assert view("feed:calderchronicle.example") == [2]  # a feed by its address too
    assert view("feed:gazette") == []  # a saved page came from no feed
