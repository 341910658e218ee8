"""Properties every extractor keeps on any input: it never raises, and every
fact it reports points at exactly its own text.

Each extractor's own tests check it on odd text too; these hold all of them,
and extract_facts on a whole Article, to one contract (the export's
`paragraphs[paragraph][start_char:end_char] == text`), on two kinds of input:
arbitrary Unicode, and paragraphs assembled from the seeds' words and clauses,
which reach the extractors' deeper rules far more often than random text does.
Publication dates range over every date Python allows, and over None."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import ArticleFacts, DateFact, Duration, Entity, Quantity, Quote
from dateline.facts.dates import find_dates
from dateline.facts.entities import find_entities
from dateline.facts.extract import extract_facts
from dateline.facts.quantities import find_quantities
from dateline.facts.quotes import find_quotes
from dateline.model.article import Article
from tests.facts.seed_text import SEED_000, SEED_001, paragraphs_from, seed_phrases

# Characters news text leans on, mixed into arbitrary ones so that quotation
# marks, digits, currency signs and capitals turn up often enough to matter.
NEWS_CHARACTERS = "“”‘’'\"£$€%.,:;–- \n0123456789AaHhJMSTmbn"
ANY_TEXT = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(NEWS_CHARACTERS)), max_size=300
)
# Arbitrary text split into paragraphs the way the loader splits a file.
ANY_PARAGRAPHS = st.lists(ANY_TEXT, max_size=3).map(
    lambda texts: [p for text in texts for p in text.split("\n\n")]
)
# Words, clauses and whole paragraphs of the seeds: whole ones keep the long
# sentences whose parts only interact when they stand together.
SEED_FRAGMENTS = seed_phrases() | set(SEED_000) | set(SEED_001)
SEED_PARAGRAPHS = paragraphs_from(SEED_FRAGMENTS, words=30, paragraphs=6)
PUBLISHED = st.one_of(st.none(), st.dates())
# Units of the hostile quote text benchmarks/adversarial.py times, repeated and
# mixed into one paragraph (or a few): what makes the speaker search work hard.
HOSTILE_QUOTE_UNITS = (
    "“Yes,” he said. John Smith came. ",
    'BBC: "ab". ',
    "\"a 'b' “c ‘d’ e” f\" ‘g “h” i’ '",
    "“He said ‘we will ",
    "Paul Holmes, branch secretary for Unison, said, ",
    '"Yes," Paul Holmes, the branch secretary, said, "and no," ',
    "“Yes.” The line came from Smith’s aide, Paul Holmes. ",
    "John Smith came. “No,” she said. ",
    "According to Paul Holmes, it was “a disaster”; ",
    "‘the workers’ rights ",
    '“a "b" c ',
    "”Yes,“ Holmes Inc. “No.” ",
    '"Ab," the statement said. "Cd," it said. It said so. ',
)
HOSTILE_QUOTES = st.lists(
    st.lists(st.sampled_from(HOSTILE_QUOTE_UNITS), min_size=1, max_size=40).map("".join),
    min_size=1,
    max_size=3,
)

# The hostile kinds of benchmarks/adversarial.py for dates and quantities, cut
# into pieces and repeated: runs of number words and separators, every form
# of date, business periods, and the tense cues around them.
HOSTILE_PIECES = (
    "two million pounds and ten per cent, ", "one hundred and ", "1,000,", "1,000", "£1,000",
    "On 3 March 2017 and on Monday, today, last week, in 2019, on 2017-03-04, ",
    "at Christmas, at 4pm yesterday, the following year, ", "12 January 1901, ",
    "and on Monday, said Smith, it will close on Friday ", "third-quarter net income rose ",
    "from a year earlier, in the quarter, ", "the year-earlier period, a year ago, fiscal 1997, ",
    "the fourth quarter, which ended Jan. 31, ", "fiscal 1998, which ends Jan. 30, 1999, ",
    "the current year, the previous quarter, the same quarter a year earlier, ",
    "Election Day on Nov. 8. ", "Tuesday's primary ", "payable Feb. 15 ", "last February ",
    "450 staff, £5m, 79%, 12 per cent, $3.5 billion, ", "a 2005 video ", "all year ",
    "the nine months ended Sept. 30 ", "FY97 ", "fiscal '97 ", "Q4 ", ". And ", ", ",
)  # fmt: skip
HOSTILE_PARAGRAPHS = st.lists(
    st.lists(
        st.tuples(st.sampled_from(HOSTILE_PIECES), st.integers(1, 12)).map(lambda t: t[0] * t[1]),
        max_size=12,
    ).map("".join),
    min_size=1,
    max_size=3,
)

SETTINGS = settings(max_examples=200, deadline=None)

Anchored = DateFact | Duration | Quantity | Quote


def assert_anchored(paragraphs: Sequence[str], facts: Iterable[Anchored]) -> None:
    for fact in facts:
        assert 0 <= fact.paragraph < len(paragraphs), fact
        paragraph = paragraphs[fact.paragraph]
        assert 0 <= fact.start_char < fact.end_char <= len(paragraph), fact
        assert paragraph[fact.start_char : fact.end_char] == fact.text, fact


def assert_dates(paragraphs: Sequence[str], dates: Iterable[DateFact]) -> None:
    dates = list(dates)
    assert_anchored(paragraphs, dates)
    for date in dates:
        assert date.start <= date.end, date


def assert_mentions_inside(paragraphs: Sequence[str], entities: Iterable[Entity]) -> None:
    for entity in entities:
        assert entity.name.strip(), entity
        for mention in entity.mentions:
            assert 0 <= mention.paragraph < len(paragraphs), entity
            assert (
                0 <= mention.start_char < mention.end_char <= len(paragraphs[mention.paragraph])
            ), entity


def assert_facts(paragraphs: Sequence[str], facts: ArticleFacts) -> None:
    assert facts.problems == ()  # no extractor raised (extract_facts turns that into a problem)
    assert_dates(paragraphs, facts.dates)
    assert_anchored(paragraphs, facts.durations)
    assert_anchored(paragraphs, facts.quantities)
    assert_anchored(paragraphs, facts.quotes)
    for kind, entities in (
        ("person", facts.people),
        ("organization", facts.organizations),
        ("place", facts.places),
    ):
        assert all(entity.kind == kind for entity in entities)
        assert_mentions_inside(paragraphs, entities)


def check_dates(paragraphs: list[str], published: dt.date | None) -> None:
    dates, durations = find_dates(paragraphs, published)
    assert_dates(paragraphs, dates)
    assert_anchored(paragraphs, durations)


def check_entities(paragraphs: list[str]) -> None:
    people, organizations, places = find_entities(paragraphs)
    for entities in (people, organizations, places):
        assert_mentions_inside(paragraphs, entities)


def check_quotes(paragraphs: list[str]) -> None:
    people, _, _ = find_entities(paragraphs)
    assert_anchored(paragraphs, find_quotes(paragraphs, people))


def check_article(paragraphs: list[str], published: dt.date | None) -> None:
    article = Article(
        id="generated",
        path=Path("generated.txt"),
        date=published,
        title="Generated",
        paragraphs=tuple(paragraphs),
    )
    assert_facts(paragraphs, extract_facts(article))


# --- dates and durations -----------------------------------------------------------------


@SETTINGS
@given(ANY_PARAGRAPHS, PUBLISHED)
def test_dates_on_any_text(paragraphs: list[str], published: dt.date | None) -> None:
    check_dates(paragraphs, published)


@SETTINGS
@given(SEED_PARAGRAPHS, PUBLISHED)
def test_dates_on_seed_fragments(paragraphs: list[str], published: dt.date | None) -> None:
    check_dates(paragraphs, published)


@SETTINGS
@given(HOSTILE_PARAGRAPHS, PUBLISHED)
def test_dates_on_hostile_text(paragraphs: list[str], published: dt.date | None) -> None:
    check_dates(paragraphs, published)


# --- quantities ----------------------------------------------------------------------------


@SETTINGS
@given(ANY_PARAGRAPHS)
def test_quantities_on_any_text(paragraphs: list[str]) -> None:
    assert_anchored(paragraphs, find_quantities(paragraphs))


@SETTINGS
@given(SEED_PARAGRAPHS)
def test_quantities_on_seed_fragments(paragraphs: list[str]) -> None:
    assert_anchored(paragraphs, find_quantities(paragraphs))


@SETTINGS
@given(HOSTILE_PARAGRAPHS)
def test_quantities_on_hostile_text(paragraphs: list[str]) -> None:
    assert_anchored(paragraphs, find_quantities(paragraphs))


# --- people, organisations, places ----------------------------------------------------------


@SETTINGS
@given(ANY_PARAGRAPHS)
def test_entities_on_any_text(paragraphs: list[str]) -> None:
    check_entities(paragraphs)


@SETTINGS
@given(SEED_PARAGRAPHS)
def test_entities_on_seed_fragments(paragraphs: list[str]) -> None:
    check_entities(paragraphs)


# --- quotes ----------------------------------------------------------------------------------


@SETTINGS
@given(ANY_PARAGRAPHS)
def test_quotes_on_any_text(paragraphs: list[str]) -> None:
    check_quotes(paragraphs)


@SETTINGS
@given(SEED_PARAGRAPHS)
def test_quotes_on_seed_fragments(paragraphs: list[str]) -> None:
    check_quotes(paragraphs)


@SETTINGS
@given(HOSTILE_QUOTES)
def test_quotes_on_hostile_text(paragraphs: list[str]) -> None:
    check_quotes(paragraphs)


# --- every extractor together, on an article ---------------------------------------------------


@SETTINGS
@given(ANY_PARAGRAPHS, PUBLISHED)
def test_extract_facts_on_any_text(paragraphs: list[str], published: dt.date | None) -> None:
    check_article(paragraphs, published)


@SETTINGS
@given(SEED_PARAGRAPHS, PUBLISHED)
def test_extract_facts_on_seed_fragments(paragraphs: list[str], published: dt.date | None) -> None:
    check_article(paragraphs, published)


@SETTINGS
@given(HOSTILE_QUOTES, PUBLISHED)
def test_extract_facts_on_hostile_quotes(paragraphs: list[str], published: dt.date | None) -> None:
    check_article(paragraphs, published)
