"""The query language (dateline.store.query): every filter as typed, and what
a query that cannot be read says. Answers from a library: test_query_answers.py."""

from __future__ import annotations

import pytest

from dateline.store.query import Amount, Query, parse_query

UNCLOSED = 'A quotation mark is left open: close it with "'


def test_words_and_the_filters_there_were_before_facts() -> None:
    query = parse_query(
        'strike "flood barrier" is:unread is:starred date:2017-01 who:"Paul Holmes"'
        " source:Gazette feed:Calder"
    )
    assert query == Query(
        words=("strike", "flood barrier"),
        unread=True,
        starred=True,
        after="2017-01-01",
        before="2017-01-31",
        who="Paul Holmes",
        source="Gazette",
        feed="Calder",
    )
    assert parse_query("after:2017 before:2018-02") == Query(
        after="2017-01-01", before="2018-02-28"
    )


def test_people_organisations_and_places() -> None:
    query = parse_query('person:"Paul Holmes" org:Unison place:Kirklees person:Chapman')
    assert query.people == ("Paul Holmes", "Chapman")
    assert query.organizations == ("Unison",)
    assert query.places == ("Kirklees",)
    assert query.asks_facts and query.needs_facts and not query.words
    # The filter's name in any case; its value as typed.
    assert parse_query("PERSON:holmes ORG:unison").people == ("holmes",)


def test_said_and_quote() -> None:
    query = parse_query('said:Holmes quote:unsustainable quote:"end of their tether" said:O\'Neill')
    assert query.said == ("Holmes", "O'Neill")  # an apostrophe is part of a name, not a quote
    assert query.quoted == ("unsustainable", "end of their tether")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("money>1m", Amount("money", ">", 1_000_000)),
        ("money:>£500k", Amount("money", ">", 500_000, "GBP")),
        ("money>=$2.5bn", Amount("money", ">=", 2_500_000_000, "USD")),
        ("money<€750", Amount("money", "<", 750, "EUR")),
        ("money<=US$1,500", Amount("money", "<=", 1_500, "USD")),
        ("money:5m", Amount("money", "=", 5_000_000)),
        ("money=5M", Amount("money", "=", 5_000_000)),
        ("money>5mn", Amount("money", ">", 5_000_000)),
        ("money>2b", Amount("money", ">", 2_000_000_000)),
        ("money>1tn", Amount("money", ">", 1_000_000_000_000)),
        ("money>GBP5m", Amount("money", ">", 5_000_000, "GBP")),
        ("money>5mUSD", Amount("money", ">", 5_000_000, "USD")),
        ("money>DEM1m", Amount("money", ">", 1_000_000, "DEM")),
        ("MONEY>1.5BN", Amount("money", ">", 1_500_000_000)),
        ("percent>20", Amount("percent", ">", 20)),
        ("percent:>=12.5%", Amount("percent", ">=", 12.5)),
        ("percent<.5", Amount("percent", "<", 0.5)),
        ("count>100", Amount("count", ">", 100)),
        ("count:<2k", Amount("count", "<", 2_000)),
        ("count=12", Amount("count", "=", 12)),
    ],
)
def test_amounts(text: str, amount: Amount) -> None:
    query = parse_query(text)
    assert query.problems == ()
    assert query.amounts == (amount,)


def test_amounts_of_one_kind_are_one_figure_and_kinds_combine() -> None:
    query = parse_query("money>1m money<10m percent>20 strike")
    assert query.amounts == (
        Amount("money", ">", 1_000_000),
        Amount("money", "<", 10_000_000),
        Amount("percent", ">", 20),
    )
    assert query.words == ("strike",)
    assert parse_query("money:>£1m money<$2m").problems == (
        "money in GBP and USD: one figure has one currency",
    )


def test_dates_named_in_the_facts() -> None:
    assert parse_query("on:2017-01-27").on == (("2017-01-27", "2017-01-27"),)
    assert parse_query("on:2017-01").on == (("2017-01-01", "2017-01-31"),)
    assert parse_query("on:2016-02").on == (("2016-02-01", "2016-02-29"),)
    assert parse_query("on:2017").on == (("2017-01-01", "2017-12-31"),)
    assert parse_query("on:2017-01-20..2017-02").on == (("2017-01-20", "2017-02-28"),)
    assert parse_query("on:2017-01-27..").on == (("2017-01-27", "9999-12-31"),)
    assert parse_query("on:..1999").on == (("0001-01-01", "1999-12-31"),)
    # Not the publication date: that is date:, after: and before:.
    query = parse_query("on:2017-01-27")
    assert (query.after, query.before) == (None, None)


def test_everything_together() -> None:
    query = parse_query(
        'strike person:"Paul Holmes" org:Unison said:Holmes quote:tether money>1m'
        " on:2017-01 is:unread date:2017"
    )
    assert query.problems == ()
    assert len(query.fact_selects()) == 5  # person, org, one quote, one figure, one date
    assert (query.words, query.unread, query.after) == (("strike",), True, "2017-01-01")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("money>lots", "money>lots: an amount is a number such as 500k, £5m or 2.5bn"),
        ("money>5x", "money>5x: an amount is a number such as 500k, £5m or 2.5bn"),
        ("money>£5m$", "money>£5m$: an amount is a number such as 500k, £5m or 2.5bn"),
        ("money>£5musd", "money>£5musd: an amount is a number such as 500k, £5m or 2.5bn"),
        ("money>5%", "money>5%: an amount is a number such as 500k, £5m or 2.5bn"),
        ("percent>£5", "percent>£5: only money has a currency"),
        ("percent>5k", "percent>5k: a percentage is a number such as 20 or 12.5%"),
        ("percent>half", "percent>half: a percentage is a number such as 20 or 12.5%"),
        ("count>many", "count>many: a count is a number such as 100 or 2k"),
        ("count>$5", "count>$5: only money has a currency"),
        ("on:2017-13", "on:2017-13: a date is YYYY, YYYY-MM or YYYY-MM-DD"),
        ("on:yesterday", "on:yesterday: a date is YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date:2017-02-30", "date:2017-02-30: a date is YYYY, YYYY-MM or YYYY-MM-DD"),
        ("on:2017..2016", "on:2017..2016: the first date comes after the last"),
        ("is:shiny", "is:shiny: try is:unread or is:starred"),
        ("person:-", "person:-: give a word to look for"),
        ("quote:…", "quote:…: give a word to look for"),
        ('person:"Paul Holmes', UNCLOSED),
        ('strike "flood', UNCLOSED),
    ],
)
def test_what_cannot_be_read_is_a_short_message(text: str, problem: str) -> None:
    query = parse_query(text)
    assert query.problems[0] == problem


def test_a_filter_still_being_typed_is_no_problem() -> None:
    for text in ("person:", "money>", "money:", "on:", 'quote:""', "said: "):
        query = parse_query(text)
        assert query.problems == () and query.is_empty, text
    # A word that only looks like a filter's name is a word.
    assert parse_query("money").words == ("money",)
    assert parse_query("http://example.org").words == ("http://example.org",)


def test_entry_test_is_none_when_the_query_asks_nothing_of_entries() -> None:
    assert parse_query("strike money>1m").entry_test() is None
    assert parse_query("is:unread").entry_test() is not None
