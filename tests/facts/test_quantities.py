"""Money, percentages and counts, checked against the seed articles and against text of
any kind. The seed paragraphs are copied from seeds/ without the header line
and the web debris ("Get daily updates ...", "Video Loading ...")."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import Quantity
from dateline.facts.quantities import find_quantities

ARTICLE_000 = (
    (
        "A council has threatened to take legal action against a union over strike action "
        "social workers plan to take next week."
    ),
    (
        "Kirklees council wrote to its local Unison branch to warn it would take “immediate "
        "steps” to secure a court injunction unless the union called off a one-day strike "
        "planned for 27 January."
    ),
    (
        "The council set the union a deadline of 4pm yesterday. But the union refused to back "
        "down and today told Community Care the strike will go ahead as planned. The council "
        "has yet to set out its next move."
    ),
    (
        "Social workers at the council want action on a series of issues including pay, "
        "caseloads, IT systems and high dependency on agency staff."
    ),
    (
        "A ballot on industrial action was backed by 79% of 75 Unison members who voted. In "
        "its letter, the council claimed it was unable to find out how many staff were "
        "balloted, what level they worked it and where they worked and therefore the action "
        "was “unlawful”. But Unison replied that it had taken legal advice over the matter and "
        "would be going ahead with the strike."
    ),
    "Ratcheted up the dispute",
    (
        "Paul Holmes, branch secretary for Unison in Kirklees, said any move by the council to "
        "seek an injunction would be unprecedented among local authorities, adding: “I think "
        "it’s really ratcheted the dispute up”."
    ),
    (
        "When news of the strike emerged, councillors in Kirklees accused the union of playing "
        "politics with a vital service and demanded an assessment of the risks the walk-out "
        "would pose to children."
    ),
    (
        "Holmes said any suggestion the strike would play service users at extra risk was a "
        "“red herring”."
    ),
    (
        "“We would provide emergency cover as we would on a Bank Holiday. There’s nobody "
        "saying that people are at risk on a Bank Holiday,” he said."
    ),
    (
        "The dispute comes amid upheaval at Kirklees children’s services. The council’s "
        "director of children’s services quit last week after less than nine months in post. "
        "The authority has been under government intervention since being given an "
        "‘inadequate’ Ofsted rating in November last year."
    ),
    "Kirklees council has been contacted for comment.",
)
ARTICLE_001 = (
    (
        "This week’s children’s services strike in Kirklees is on ... even though the union "
        "says its members don’t really want to walk out."
    ),
    (
        "The union Unison has now served formal notice on the council for the one-day strike "
        "by children’s social work teams this Friday which will be the first ever strike by "
        "these teams since Kirklees was set up in 1974."
    ),
    "It means the union has ignored Kirklees Council ’s threat of legal action to stop the action.",
    "The 24-hour strike is due to start at midnight.",
    (
        "John Chapman, the council’s interim deputy head of legal services, had written a "
        "four-page letter to council union reps saying the industrial action is ‘unlawful’ – "
        "and says unless the strike was called off legal steps would be taken to prevent it in "
        "court. This would be an injunction."
    ),
    "So far nothing has happened legally to prevent the strike.",
    (
        "Kirklees Unison branch secretary Paul Holmes said: “Our members just want to be able "
        "to provide a decent service to the young people of Kirklees. The last thing they want "
        "to do is strike, but they feel they have no option."
    ),
    (
        "“Our members are at the end of their tether. They have no choice – the current "
        "situation is unsustainable."
    ),
    (
        "“The Government’s austerity agenda as implemented by Kirklees Council is now really "
        "biting. And 25% of social workers in Kirklees Council are now agency staff which "
        "makes consistency of service virtually impossible. Kirklees Council is spending £5m "
        "on agency social workers this year and £500,000 on a private social work team for six "
        "months. The service needs stability and consistency .”"
    ),
    (
        "Kirklees Council claims the industrial action is unlawful as it says the council was "
        "not able to find out how many staff were balloted, what category they are and where "
        "they work."
    ),
    (
        "A Kirklees Council spokesman said: “Discussions between the council and the union are "
        "ongoing.”"
    ),
    (
        "The Examiner recently revealed that children’s social workers have been rushing to "
        "the exit door in their hundreds."
    ),
    (
        "An astonishing 450 staff have left employment at Kirklees Council’s embattled "
        "children’s services department in fewer than four years."
    ),
    (
        "Figures released by the council to the Examiner show a stunning 136 members of staff "
        "left in 2013/14 – almost a dozen each week."
    ),
    (
        "The following year 123 moved on, while in 2015/16 99 called time on their employment "
        "with Kirklees ."
    ),
    "So far in 2016/17 a further 92 members of staff from children’s services have left.",
    (
        "A former Kirklees children’s social worker has told the Examiner heavy workloads and "
        "poor management saw dozens leaving each month for an easier life working for "
        "agencies."
    ),
)


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
    quantities = find_quantities(ARTICLE_000)
    assert _summary(quantities) == [
        ("79%", "percent", 79, "%", False),
        ("75 Unison members", "count", 75, "members", False),
    ]
    assert [(q.paragraph, q.start_char, q.end_char) for q in quantities] == [
        (4, 44, 47),
        (4, 51, 68),
    ]


def test_article_001_quantities() -> None:
    assert _summary(find_quantities(ARTICLE_001)) == [
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


@pytest.mark.parametrize("paragraphs", [ARTICLE_000, ARTICLE_001])
def test_seed_quantities_are_anchored_sorted_and_disjoint(paragraphs: tuple[str, ...]) -> None:
    quantities = find_quantities(paragraphs)
    _assert_anchored(paragraphs, quantities)
    spans = [(q.paragraph, q.start_char, q.end_char) for q in quantities]
    assert spans == sorted(spans)
    for (p1, _, end), (p2, start, _) in itertools.pairwise(spans):
        assert p1 != p2 or end <= start


def test_whole_amounts_are_ints() -> None:
    values = [q.value for q in find_quantities(ARTICLE_001)]
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
    {word for paragraph in ARTICLE_000 + ARTICLE_001 for word in paragraph.split()}
    | {
        phrase
        for paragraph in ARTICLE_000 + ARTICLE_001
        for phrase in re.split(r"(?<=[.,;–])\s+", paragraph)
    }
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
@given(st.lists(st.lists(st.sampled_from(SEED_FRAGMENTS), max_size=40).map(" ".join), max_size=4))
def test_seed_fragments_never_raise_and_quantities_match_their_slices(
    paragraphs: list[str],
) -> None:
    _check_any(paragraphs)
