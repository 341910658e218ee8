"""Dates and durations, checked against the seed articles and against text of
any kind. The seed paragraphs are copied from seeds/ without the header line
and the web debris ("Get daily updates ...", "Video Loading ...")."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import DateFact, Duration
from dateline.facts.dates import find_dates
from tests.facts.seed_text import SEED_000, SEED_001, paragraphs_from, seed_phrases

PUBLISHED_000 = dt.date(2017, 1, 18)  # a Wednesday
PUBLISHED_001 = dt.date(2017, 1, 24)  # a Tuesday
D = dt.date


def _summary(dates: list[DateFact]) -> list[tuple[str, str, dt.date, dt.date, str | None]]:
    return [(d.text, d.granularity, d.start, d.end, d.value) for d in dates]


def _only_date(text: str, published: dt.date | None) -> DateFact:
    dates, _ = find_dates([text], published)
    assert len(dates) == 1, dates
    return dates[0]


def _assert_anchored(paragraphs: Sequence[str], facts: Sequence[DateFact | Duration]) -> None:
    for fact in facts:
        paragraph = paragraphs[fact.paragraph]
        assert 0 <= fact.start_char < fact.end_char <= len(paragraph)
        assert paragraph[fact.start_char : fact.end_char] == fact.text


# --- the seed articles -----------------------------------------------------


def test_article_000_dates_are_resolved_against_its_publication_date() -> None:
    dates, _ = find_dates(SEED_000, PUBLISHED_000)
    assert _summary(dates) == [
        ("next week", "week", D(2017, 1, 23), D(2017, 1, 29), "2017-W04"),
        ("27 January", "day", D(2017, 1, 27), D(2017, 1, 27), "2017-01-27"),
        ("4pm yesterday", "time", D(2017, 1, 17), D(2017, 1, 17), "2017-01-17T16:00"),
        ("today", "day", D(2017, 1, 18), D(2017, 1, 18), "2017-01-18"),
        ("last week", "week", D(2017, 1, 9), D(2017, 1, 15), "2017-W02"),
        ("November last year", "month", D(2016, 11, 1), D(2016, 11, 30), "2016-11"),
    ]
    assert [d.paragraph for d in dates] == [0, 1, 2, 2, 10, 10]


def test_article_000_durations() -> None:
    _, durations = find_dates(SEED_000, PUBLISHED_000)
    assert [d.text for d in durations] == ["one-day", "nine months"]
    assert durations[1].paragraph == 10


def test_article_001_dates_are_resolved_against_its_publication_date() -> None:
    dates, _ = find_dates(SEED_001, PUBLISHED_001)
    assert _summary(dates) == [
        ("This week", "week", D(2017, 1, 23), D(2017, 1, 29), "2017-W04"),
        ("this Friday", "day", D(2017, 1, 27), D(2017, 1, 27), "2017-01-27"),
        ("1974", "year", D(1974, 1, 1), D(1974, 12, 31), "1974"),
        ("this year", "year", D(2017, 1, 1), D(2017, 12, 31), "2017"),
        ("2013/14", "fiscal_year", D(2013, 4, 1), D(2014, 3, 31), None),
        ("2015/16", "fiscal_year", D(2015, 4, 1), D(2016, 3, 31), None),
        ("2016/17", "fiscal_year", D(2016, 4, 1), D(2017, 3, 31), None),
    ]


def test_article_001_durations() -> None:
    _, durations = find_dates(SEED_001, PUBLISHED_001)
    assert [d.text for d in durations] == ["one-day", "24-hour", "six months", "four years"]


@pytest.mark.parametrize(
    ("paragraphs", "published"), [(SEED_000, PUBLISHED_000), (SEED_001, PUBLISHED_001)]
)
def test_seed_facts_are_anchored_sorted_and_disjoint(
    paragraphs: tuple[str, ...], published: dt.date
) -> None:
    dates, durations = find_dates(paragraphs, published)
    _assert_anchored(paragraphs, [*dates, *durations])
    spans = sorted((f.paragraph, f.start_char, f.end_char) for f in [*dates, *durations])
    for (p1, _, end), (p2, start, _) in itertools.pairwise(spans):
        assert p1 != p2 or end <= start
    assert [(d.paragraph, d.start_char) for d in dates] == sorted(
        (d.paragraph, d.start_char) for d in dates
    )


@pytest.mark.parametrize(
    "text",
    [
        "A ballot on industrial action was backed by 79% of 75 Unison members who voted.",
        "Kirklees Council is spending £5m on agency social workers",
        "We would provide emergency cover as we would on a Bank Holiday.",
        "The 24-hour strike is due to start at midnight.",
        "136 members of staff left – almost a dozen each week.",
        "Poor management saw dozens leaving each month.",
        "The council has yet to set out its next move, and now it waits.",
        "We meet on Mondays, and every Friday, and on Good Friday.",
        "Ministers may march on Parliament; Theresa May spoke.",
        "The council rose by 1500 jobs and spent £2017 on 2000 homes.",
    ],
)
def test_text_without_dates(text: str) -> None:
    dates, _ = find_dates([text], PUBLISHED_000)
    assert dates == []


# --- weekdays --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A bare weekday in a past-tense sentence is the latest one before...
        ("The council voted on Thursday to close the home.", PUBLISHED_000, D(2017, 1, 12)),
        # ...and in a future one the next one after.
        ("The council will vote on Thursday.", PUBLISHED_000, D(2017, 1, 19)),
        ("The strike is due to take place on Monday.", PUBLISHED_000, D(2017, 1, 23)),
        ("The union plans to walk out on Monday.", PUBLISHED_000, D(2017, 1, 23)),
        ("The vote, which was announced on Monday, will go ahead.", PUBLISHED_000, D(2017, 1, 16)),
        # The publication day's own weekday is that day.
        ("The council said on Wednesday it would appeal.", PUBLISHED_000, D(2017, 1, 18)),
        ("The strike is on this Friday.", PUBLISHED_001, D(2017, 1, 27)),
        ("The strike is on this Friday.", D(2017, 1, 28), D(2017, 2, 3)),
        ("The strike is on next Friday.", PUBLISHED_001, D(2017, 2, 3)),
        ("It happened last Friday.", PUBLISHED_001, D(2017, 1, 20)),
        ("It happened last Friday.", D(2017, 1, 27), D(2017, 1, 20)),
    ],
)
def test_weekdays(text: str, published: dt.date, expected: dt.date) -> None:
    date = _only_date(text, published)
    assert (date.granularity, date.start, date.end, date.value) == (
        "day",
        expected,
        expected,
        expected.isoformat(),
    )


def test_a_full_stop_after_an_abbreviated_month_ends_the_sentence() -> None:
    date = _only_date("It said so on 3 Feb. She agreed.", PUBLISHED_000)
    assert (date.text, date.start) == ("3 Feb", D(2017, 2, 3))


def test_weekday_with_a_day_and_month_is_one_date() -> None:
    date = _only_date("The strike is on Friday 27 January.", PUBLISHED_000)
    assert (date.text, date.start) == ("Friday 27 January", D(2017, 1, 27))


# --- months and years ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The strike is planned for 27 January.", D(2016, 12, 20), D(2017, 1, 27)),
        ("The strike was held on 27 December.", D(2017, 1, 5), D(2016, 12, 27)),
        ("It opened on 3 March 2016.", None, D(2016, 3, 3)),
        ("It opened on March 3rd, 2016.", None, D(2016, 3, 3)),
        ("It opened on 2016-03-03.", None, D(2016, 3, 3)),
        ("It opened on 03/04/2016.", None, D(2016, 4, 3)),
    ],
)
def test_days_of_the_month(text: str, published: dt.date | None, expected: dt.date) -> None:
    date = _only_date(text, published)
    assert (date.granularity, date.start, date.value) == ("day", expected, expected.isoformat())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The review is due in March.", "2017-03"),
        ("The review was published in August.", "2016-08"),
        ("The review was published last November.", "2016-11"),
        ("The review will be out in mid-May.", "2017-05"),
        ("The review was published in January 2015.", "2015-01"),
        # The nearest March is ahead, but the sentence speaks of the past.
        ("The leader told a meeting in March.", "2016-03"),
    ],
)
def test_months(text: str, value: str) -> None:
    date = _only_date(text, PUBLISHED_000)
    assert (date.granularity, date.value) == ("month", value)
    assert date.start.isoformat()[:7] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council was set up in 1974.", ("1974", "year", D(1974, 1, 1), D(1974, 12, 31))),
        ("It has grown since mid-2010.", ("2010", "year", D(2010, 1, 1), D(2010, 12, 31))),
        ("Costs rose in the 1990s.", ("1990s", "decade", D(1990, 1, 1), D(1999, 12, 31))),
        (
            "Mills closed in the 19th century.",
            ("19th century", "century", D(1800, 1, 1), D(1899, 12, 31)),
        ),
        ("Spending in 2016-17 fell.", ("2016-17", "fiscal_year", D(2016, 4, 1), D(2017, 3, 31))),
        ("Profits in Q3 2016 fell.", ("Q3 2016", "quarter", D(2016, 7, 1), D(2016, 9, 30))),
    ],
)
def test_years_and_longer_periods(text: str, expected: tuple) -> None:
    date = _only_date(text, PUBLISHED_000)
    assert (date.text, date.granularity, date.start, date.end) == expected


# --- relative expressions --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", ("day", D(2017, 1, 19), D(2017, 1, 19), "2017-01-19")),
        ("last night", ("day", D(2017, 1, 17), D(2017, 1, 17), "2017-01-17")),
        ("Friday at 4.30pm", ("time", D(2017, 1, 13), D(2017, 1, 13), "2017-01-13T16:30")),
        ("noon today", ("time", D(2017, 1, 18), D(2017, 1, 18), "2017-01-18T12:00")),
        ("last month", ("month", D(2016, 12, 1), D(2016, 12, 31), "2016-12")),
        ("next year", ("year", D(2018, 1, 1), D(2018, 12, 31), "2018")),
        ("this quarter", ("quarter", D(2017, 1, 1), D(2017, 3, 31), "2017-Q1")),
        ("three days ago", ("day", D(2017, 1, 15), D(2017, 1, 15), "2017-01-15")),
        ("two weeks ago", ("week", D(2017, 1, 2), D(2017, 1, 8), "2017-W01")),
        ("this weekend", ("week", D(2017, 1, 21), D(2017, 1, 22), None)),
    ],
)
def test_relative_expressions(text: str, expected: tuple) -> None:
    date = _only_date(f"It happened {text}.", PUBLISHED_000)
    assert date.text == text
    assert (date.granularity, date.start, date.end, date.value) == expected


def test_without_a_publication_date_only_absolute_dates_are_found() -> None:
    text = (
        "Next week, yesterday, this Friday and 27 January cannot be placed, "
        "but 27 January 2017, the year 1974 and 2013/14 can."
    )
    dates, _ = find_dates([text], None)
    assert [d.text for d in dates] == ["27 January 2017", "1974", "2013/14"]


def test_a_datetime_publication_date_resolves_like_its_date() -> None:
    date = _only_date("It happened yesterday.", dt.datetime(2017, 1, 18, 23, 59))
    assert (date.start, date.value) == (D(2017, 1, 17), "2017-01-17")


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max, D(9999, 12, 25), D(1, 1, 3)])
def test_relative_dates_past_the_calendars_ends_are_left_out(published: dt.date) -> None:
    text = "yesterday, tomorrow, last week, next week, next month, last year, next year"
    dates, _ = find_dates([text], published)
    assert all(dt.date.min <= d.start <= d.end <= dt.date.max for d in dates)


# --- durations -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "durations"),
    [
        ("He quit after less than nine months in post.", ["nine months"]),
        (
            "The contract runs for a year, then two and a half years more.",
            ["a year", "two and a half years"],
        ),
        ("A 45-year-old man, five years old in 1977.", []),
        ("It costs £5m a year and meets once a week.", []),
        ("It happened three days ago.", []),
        ("Almost a dozen left each week.", []),
        ("One day he will return.", []),
    ],
)
def test_durations(text: str, durations: list[str]) -> None:
    _, found = find_dates([text], PUBLISHED_000)
    assert [d.text for d in found] == durations


# --- any text --------------------------------------------------------------

SEED_FRAGMENTS = sorted(
    seed_phrases()
    | {"Friday", "May", "31 February", "29 February", "in 0001", "’00s", "1999-00", "9999"}
    | {"13pm", "12:99", "the 99th century", "Q5 2017", "99999999999999999999", "\x00", "\n"}
)
PUBLISHED = st.one_of(st.none(), st.dates())


def _check_any(paragraphs: list[str], published: dt.date | None) -> None:
    dates, durations = find_dates(paragraphs, published)
    _assert_anchored(paragraphs, [*dates, *durations])
    assert all(d.start <= d.end for d in dates)
    for facts in (dates, durations):
        spans = [(f.paragraph, f.start_char, f.end_char) for f in facts]
        assert spans == sorted(spans)
        for (p1, _, end), (p2, start, _) in itertools.pairwise(spans):
            assert p1 != p2 or end <= start
    if published is None:
        assert all(d.text.lower() not in {"yesterday", "today", "next week"} for d in dates)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), max_size=4), PUBLISHED)
def test_any_text_never_raises_and_facts_match_their_slices(
    paragraphs: list[str], published: dt.date | None
) -> None:
    _check_any(paragraphs, published)


@settings(max_examples=200, deadline=None)
@given(
    paragraphs_from(SEED_FRAGMENTS, words=40, paragraphs=4),
    PUBLISHED,
)
def test_seed_fragments_never_raise_and_facts_match_their_slices(
    paragraphs: list[str], published: dt.date | None
) -> None:
    _check_any(paragraphs, published)


@pytest.mark.parametrize(
    ("text", "expected_text", "day"),
    [
        ("It began the day before yesterday.", "the day before yesterday", D(2017, 1, 16)),
        ("Talks resume the day after tomorrow.", "the day after tomorrow", D(2017, 1, 20)),
    ],
)
def test_the_day_before_yesterday_and_after_tomorrow(
    text: str, expected_text: str, day: dt.date
) -> None:
    found, _ = find_dates([text], PUBLISHED_000)
    assert [(f.text, f.granularity, f.start, f.end) for f in found] == [
        (expected_text, "day", day, day)
    ]
