"""Money, percentages and counts, checked against the seed articles and against text of
any kind. The seed paragraphs are copied from seeds/ without the header line
and the web debris ("Get daily updates ...", "Video Loading ...")."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import Quantity
from dateline.facts.quantities import find_quantities
from tests.facts.seed_text import SEED_000, SEED_001, paragraphs_from, seed_phrases

Summary = tuple[str, str, float, str, bool]


def _summary(quantities: list[Quantity]) -> list[Summary]:
    return [(q.text, q.kind, q.value, q.unit, q.approximate) for q in quantities]


def _assert_anchored(paragraphs: list[str] | tuple[str, ...], quantities: list[Quantity]) -> None:
    for quantity in quantities:
        paragraph = paragraphs[quantity.paragraph]
        assert 0 <= quantity.start_char < quantity.end_char <= len(paragraph)
        assert paragraph[quantity.start_char : quantity.end_char] == quantity.text


# --- the seed articles -----------------------------------------------------


def test_article_000_quantities() -> None:
    quantities = find_quantities(SEED_000)
    assert _summary(quantities) == [
        ("79%", "percent", 79, "%", False),
        ("75 Unison members", "count", 75, "members", False),
    ]
    assert [(q.paragraph, q.start_char, q.end_char) for q in quantities] == [
        (4, 44, 47),
        (4, 51, 68),
    ]


def test_article_001_quantities() -> None:
    assert _summary(find_quantities(SEED_001)) == [
        ("25%", "percent", 25, "%", False),
        ("£5m", "money", 5_000_000, "GBP", False),
        ("£500,000", "money", 500_000, "GBP", False),
        # "in their hundreds": the counted people are the sentence's subject.
        ("hundreds", "count", 100, "social workers", True),
        ("450 staff", "count", 450, "staff", False),
        ("136 members of staff", "count", 136, "members of staff", False),
        # "almost a dozen each week" counts the members of staff named just before.
        ("a dozen", "count", 12, "members of staff", True),
        ("92 members of staff", "count", 92, "members of staff", False),
    ]


@pytest.mark.parametrize("paragraphs", [SEED_000, SEED_001])
def test_seed_quantities_are_anchored_sorted_and_disjoint(paragraphs: tuple[str, ...]) -> None:
    quantities = find_quantities(paragraphs)
    _assert_anchored(paragraphs, quantities)
    spans = [(q.paragraph, q.start_char, q.end_char) for q in quantities]
    assert spans == sorted(spans)
    for (p1, _, end), (p2, start, _) in itertools.pairwise(spans):
        assert p1 != p2 or end <= start


def test_whole_amounts_are_ints() -> None:
    values = [q.value for q in find_quantities(SEED_001)]
    assert all(type(value) is int for value in values)


# --- money -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("£5m", 5_000_000, "GBP"),
        ("£500,000", 500_000, "GBP"),
        ("$1.13bn", 1_130_000_000, "USD"),
        ("20 million pounds", 20_000_000, "GBP"),
        ("€10M", 10_000_000, "EUR"),
        ("US$3", 3, "USD"),
        ("£1.2 million", 1_200_000, "GBP"),
        ("5p", 0.05, "GBP"),
        ("$5,000", 5000, "USD"),
        ("50 pence", 0.5, "GBP"),
        ("£2.50", 2.5, "GBP"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    quantities = find_quantities([f"The council spent {text} on it."])
    assert _summary(quantities) == [(text, "money", value, currency, False)]
    assert type(quantities[0].value) is type(value)


def test_money_hedged() -> None:
    assert _summary(find_quantities(["It cost more than £5m."])) == [
        ("£5m", "money", 5_000_000, "GBP", True)
    ]


# --- percentages -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("79%", 79), ("25 %", 25), ("12.5 per cent", 12.5), ("40 percent", 40), ("ten per cent", 10)],
)
def test_percentages(text: str, value: float) -> None:
    assert _summary(find_quantities([f"Backed by {text} of those voting."])) == [
        (text, "percent", value, "%", False)
    ]


# --- counts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An astonishing 450 staff have left.", ("450 staff", 450, "staff", False)),
        ("It was backed by 75 Unison members.", ("75 Unison members", 75, "members", False)),
        (
            "A further 92 members of staff left.",
            ("92 members of staff", 92, "members of staff", False),
        ),
        ("About 20 people came.", ("20 people", 20, "people", True)),
        ("There are around 300 homes.", ("300 homes", 300, "homes", True)),
        ("Nearly 40 staff left.", ("40 staff", 40, "staff", True)),
        ("More than 1,000 jobs went.", ("1,000 jobs", 1000, "jobs", True)),
        ("Some 30 firms bid.", ("30 firms", 30, "firms", True)),
        ("Up to 50 officers went.", ("50 officers", 50, "officers", True)),
        ("Over 2 million people voted.", ("2 million people", 2_000_000, "people", True)),
        (
            "Three police officers were hurt.",
            ("Three police officers", 3, "police officers", False),
        ),
        ("It employs 30 social workers.", ("30 social workers", 30, "social workers", False)),
        ("Thousands of people marched.", ("Thousands of people", 1000, "people", True)),
        ("Dozens of teachers left.", ("Dozens of teachers", 24, "teachers", True)),
        ("Half a dozen cars burned.", ("Half a dozen cars", 6, "cars", False)),
        ("12 MPs rebelled.", ("12 MPs", 12, "MPs", False)),
        ("3 million Britons voted.", ("3 million Britons", 3_000_000, "Britons", False)),
        ("Ford cut 1.2m jobs.", ("1.2m jobs", 1_200_000, "jobs", False)),
    ],
)
def test_counts(text: str, expected: tuple[str, float, str, bool]) -> None:
    quantities = find_quantities([text])
    assert [(q.text, q.value, q.unit, q.approximate) for q in quantities] == [expected]
    assert quantities[0].kind == "count"


def test_a_length_of_time_does_not_borrow_the_noun_counted_before_it() -> None:
    text = "Some 5,000 people signed the petition within 48 hours."
    assert _summary(find_quantities([text])) == [("5,000 people", "count", 5000, "people", True)]


def test_a_count_without_its_noun_borrows_the_one_counted_before_it() -> None:
    text = "Of the 75 members, 60 voted yes and 15 voted no."
    assert [(q.text, q.unit) for q in find_quantities([text])] == [
        ("75 members", "members"),
        ("60", "members"),
        ("15", "members"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Years, dates, times and ordinals.
        "Kirklees was set up in 1974.",
        "136 left in 2013/14 and more in 2015.",
        "The strike is planned for 27 January at 4pm.",
        "It will be the first ever strike, the 2nd this year.",
        # Lengths of time.
        "He quit after less than nine months in post.",
        "The 24-hour strike is due to start at midnight.",
        "They hired a team for six months.",
        "450 left in fewer than four years.",
        # Compounds, names, labels and numbers inside words.
        "He had written a four-page letter.",
        "Radio 4 and Channel 4 reported it, as did page 3 of the M62 Examiner.",
        "COVID-19 and 4G reached the area.",
        # Numbers with no counted noun.
        "The following year 123 moved on, while in 2015/16 99 called time on it.",
        "The video will start in 8",
        "Poor management saw dozens leaving each month.",
        "The 2016 election was close.",
        "They signed within 48 hours.",
        "One in five children and 1 in 4 adults were affected.",
        "The 2016 election was close.",
    ],
)
def test_text_without_quantities(text: str) -> None:
    assert find_quantities([text]) == []


# --- any text --------------------------------------------------------------

SEED_FRAGMENTS = sorted(
    seed_phrases()
    | {"£", "$", "%", "per cent", "dozen", "hundreds", "of", "a", "m", "bn", "1,000", "0.5"}
    | {"99999999999999999999", "1" * 40, "1.5.2", "\x00", "\n", "US$", "5p", "twenty-five"}
)


def _check_any(paragraphs: list[str]) -> None:
    quantities = find_quantities(paragraphs)
    _assert_anchored(paragraphs, quantities)
    spans = [(q.paragraph, q.start_char, q.end_char) for q in quantities]
    assert spans == sorted(spans)
    for (p1, _, end), (p2, start, _) in itertools.pairwise(spans):
        assert p1 != p2 or end <= start
    for quantity in quantities:
        assert quantity.unit
        assert isinstance(quantity.value, int | float)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), max_size=4))
def test_any_text_never_raises_and_quantities_match_their_slices(paragraphs: list[str]) -> None:
    _check_any(paragraphs)


@settings(max_examples=200, deadline=None)
@given(paragraphs_from(SEED_FRAGMENTS, words=40, paragraphs=4))
def test_seed_fragments_never_raise_and_quantities_match_their_slices(
    paragraphs: list[str],
) -> None:
    _check_any(paragraphs)
