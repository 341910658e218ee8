"""The list's entries and the search box's query language."""

from __future__ import annotations

from dateline.model.listing import Entry, Listing, Query, parse_query, sort_key


def entry(rowid: int, date: str, digest: str | None = None, article_id: str | None = None) -> Entry:
    article_id = article_id or f"a{rowid}"
    return Entry(
        sort_key(date, article_id),
        rowid,
        article_id,
        date,
        f"T{rowid}",
        False,
        digest or f"d{rowid}",
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
    # An unclosed quotation mark while typing is just words.
    assert parse_query('who:"Paul').who == "Paul"
    assert parse_query("date:").is_empty


def test_view_applies_every_filter() -> None:
    listing = Listing(
        [entry(1, "2017-01-10"), entry(2, "2017-02-10"), entry(3, "2017-01-20"), entry(4, "")]
    )

    def view(text: str) -> list[int]:
        found = listing.view(
            parse_query(text),
            read={"a3"},
            starred={"a2", "a3"},
            search=lambda words: {1, 2, 3} if words == ("strike",) else set(),
            mentioning=lambda name: {3} if name == "Paul Holmes" else set(),
        )
        return [e.rowid for e in found]

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
    matches = listing.matches(
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
    few = listing.matches(
        parse_query("council is:unread"),
        read={"a20"},
        starred=set(),
        search=lambda words: {2, 20},
        mentioning=lambda name: set(),
        first=3,
    )
    assert [e.rowid for e in few.first] == [2] and few.complete


def test_an_id_is_listed_once_whatever_the_changes_say() -> None:
    listing = Listing([entry(1, "2017-01-01", article_id="story"), entry(2, "2017-01-02")])
    # Listed already under the same row: not added twice.
    listing.apply([entry(1, "2017-01-01", article_id="story")], set())
    assert [(e.rowid, e.id) for e in listing.entries] == [(2, "a2"), (1, "story")]
    # The same id under a new row (another process re-read the file): replaced.
    listing.apply([entry(7, "2017-01-03", "new", article_id="story")], set())
    assert [(e.rowid, e.id) for e in listing.entries] == [(7, "story"), (2, "a2")]
    assert listing.duplicates == 0
    # Taken out and put back in one change (the row was only touched): kept.
    listing.apply([entry(7, "2017-01-03", "new", article_id="story")], {7})
    assert [(e.rowid, e.id) for e in listing.entries] == [(7, "story"), (2, "a2")]
