"""Articles and facts survive the trip to JSON (the cache) and back unchanged,
and the facts' JSON is the export's `facts` object."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import (
    ArticleFacts,
    DateFact,
    Duration,
    Entity,
    EntityKind,
    Granularity,
    Mention,
    Quantity,
    QuantityKind,
    Quote,
)
from dateline.facts.extract import extract_facts
from dateline.facts.serialize import ENTITY_GROUPS, export_facts, facts_from_dict, facts_to_dict
from dateline.model.article import Article, article_from_dict, article_to_dict
from dateline.model.corpus import Corpus
from dateline.output.export import export_document

FACT_GROUPS = ["dates", "durations", "quantities", "people", "organizations", "places", "quotes"]


def through_json(data: dict[str, Any]) -> dict[str, Any]:
    """What a cache reads back: written as UTF-8 JSON text, read again."""
    return json.loads(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def test_seed_facts_round_trip(seed_corpus: Corpus) -> None:
    for article in seed_corpus:
        facts = extract_facts(article)
        assert not facts.is_empty
        restored = facts_from_dict(through_json(facts_to_dict(facts)))
        assert restored == facts
        # 5 == 5.0, so equality alone would not catch a number changing type.
        assert [type(q.value) for q in restored.quantities] == [
            type(q.value) for q in facts.quantities
        ]


def test_seed_articles_round_trip(seed_corpus: Corpus) -> None:
    for article in seed_corpus:
        assert article_from_dict(through_json(article_to_dict(article))) == article


def test_numbers_keep_their_type() -> None:
    money = Quantity("£5m", 0, 0, 3, "money", 5_000_000, "GBP")
    people = Quantity("2.5m people", 1, 0, 11, "count", 2_500_000.0, "people")
    facts = ArticleFacts(quantities=(money, people))
    restored = facts_from_dict(through_json(facts_to_dict(facts)))
    assert [(q.value, type(q.value)) for q in restored.quantities] == [
        (5_000_000, int),
        (2_500_000.0, float),
    ]


def test_facts_dict_is_the_export_facts_object_and_problems(seed_000: Article) -> None:
    facts = extract_facts(seed_000)
    exported = export_document([seed_000], [facts])["articles"][0]["facts"]
    assert export_facts(facts) == exported
    assert list(exported) == FACT_GROUPS
    data = facts_to_dict(replace(facts, problems=("quotes could not be extracted: boom",)))
    assert list(data) == [*FACT_GROUPS, "problems"]
    assert data["problems"] == ["quotes could not be extracted: boom"]
    # An export's facts object reads back too, with no problems.
    assert facts_from_dict(exported) == facts


def test_serialised_forms_are_as_documented() -> None:
    article = Article(
        id="part#3",
        path=Path("feeds/part.jsonl"),
        date=dt.date(2017, 1, 24),
        title="Talks resume",
        paragraphs=("Talks resumed.",),
        warnings=("also in copy.md",),
        metadata={"source": "Examiner"},
        line=3,
    )
    assert article_to_dict(article) == {
        "id": "part#3",
        "path": "feeds/part.jsonl",
        "line": 3,
        "date": "2017-01-24",
        "title": "Talks resume",
        "paragraphs": ["Talks resumed."],
        "credits": [],
        "captions": [],
        "warnings": ["also in copy.md"],
        "title_from_file": False,
        "metadata": {"source": "Examiner"},
    }
    person = Entity("Paul Holmes", "person", (Mention(0, 0, 11),), role="branch secretary")
    place = Entity("Kirklees", "place", (Mention(1, 4, 12), Mention(2, 0, 8)))
    friday = DateFact(
        "this Friday", 0, 5, 16, "day", dt.date(2017, 1, 27), dt.date(2017, 1, 27), None
    )
    assert facts_to_dict(ArticleFacts(dates=(friday,), people=(person,), places=(place,))) == {
        "dates": [
            {
                "text": "this Friday",
                "paragraph": 0,
                "start_char": 5,
                "end_char": 16,
                "value": None,
                "granularity": "day",
                "start": "2017-01-27",
                "end": "2017-01-27",
            }
        ],
        "durations": [],
        "quantities": [],
        "people": [
            {
                "name": "Paul Holmes",
                "role": "branch secretary",
                "mentions": [{"paragraph": 0, "start_char": 0, "end_char": 11}],
            }
        ],
        "organizations": [],
        "places": [
            {
                "name": "Kirklees",
                "mentions": [
                    {"paragraph": 1, "start_char": 4, "end_char": 12},
                    {"paragraph": 2, "start_char": 0, "end_char": 8},
                ],
            }
        ],
        "quotes": [],
        "problems": [],
    }


def test_article_dicts_written_before_a_field_existed_still_read() -> None:
    article = article_from_dict(
        {"id": "a", "path": "a.txt", "date": None, "title": "A", "paragraphs": ["Text."]}
    )
    assert article == Article(
        id="a", path=Path("a.txt"), date=None, title="A", paragraphs=("Text.",)
    )


def test_every_entity_kind_has_its_group() -> None:
    assert sorted(kind for _, kind in ENTITY_GROUPS) == sorted(get_args(EntityKind))


# Text a cache can write as UTF-8: anything but lone surrogates, which the
# loader never lets through.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
SMALL = st.integers(min_value=0, max_value=10_000)
NUMBER = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
)


@st.composite
def date_facts(draw: st.DrawFn) -> DateFact:
    start = draw(st.dates())
    end = draw(st.dates(min_value=start))
    return DateFact(
        text=draw(TEXT),
        paragraph=draw(SMALL),
        start_char=draw(SMALL),
        end_char=draw(SMALL),
        granularity=draw(st.sampled_from(get_args(Granularity))),
        start=start,
        end=end,
        value=draw(st.none() | TEXT),
    )


MENTIONS = st.lists(st.builds(Mention, SMALL, SMALL, SMALL), max_size=4).map(tuple)


def entities(kind: EntityKind) -> st.SearchStrategy[tuple[Entity, ...]]:
    # Only people have a role: the extractors give none to anything else, and
    # the export form has no place for one.
    role = st.none() | TEXT if kind == "person" else st.none()
    entity = st.builds(Entity, name=TEXT, kind=st.just(kind), mentions=MENTIONS, role=role)
    return st.lists(entity, max_size=3).map(tuple)


ARTICLE_FACTS = st.builds(
    ArticleFacts,
    dates=st.lists(date_facts(), max_size=3).map(tuple),
    durations=st.lists(st.builds(Duration, TEXT, SMALL, SMALL, SMALL), max_size=3).map(tuple),
    quantities=st.lists(
        st.builds(
            Quantity,
            text=TEXT,
            paragraph=SMALL,
            start_char=SMALL,
            end_char=SMALL,
            kind=st.sampled_from(get_args(QuantityKind)),
            value=NUMBER,
            unit=TEXT,
            approximate=st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    people=entities("person"),
    organizations=entities("organization"),
    places=entities("place"),
    quotes=st.lists(
        st.builds(
            Quote,
            text=TEXT,
            paragraph=SMALL,
            start_char=SMALL,
            end_char=SMALL,
            speaker=st.none() | TEXT,
            partial=st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    problems=st.lists(TEXT, max_size=2).map(tuple),
)

STRINGS = st.lists(TEXT, max_size=4).map(tuple)
ARTICLES = st.builds(
    Article,
    id=TEXT,
    path=st.lists(TEXT.filter(lambda s: "\x00" not in s), min_size=1, max_size=3).map(
        lambda parts: Path(*parts)
    ),
    date=st.none() | st.dates(),
    title=TEXT,
    paragraphs=STRINGS,
    credits=STRINGS,
    captions=STRINGS,
    warnings=STRINGS,
    title_from_file=st.booleans(),
    metadata=st.dictionaries(TEXT, TEXT, max_size=4),
    line=st.none() | st.integers(min_value=1, max_value=10**9),
)


@settings(max_examples=300, deadline=None)
@given(ARTICLE_FACTS)
def test_any_facts_round_trip(facts: ArticleFacts) -> None:
    restored = facts_from_dict(through_json(facts_to_dict(facts)))
    assert restored == facts
    assert [type(q.value) for q in restored.quantities] == [type(q.value) for q in facts.quantities]


@settings(max_examples=300, deadline=None)
@given(ARTICLES)
def test_any_article_round_trips(article: Article) -> None:
    restored = article_from_dict(through_json(article_to_dict(article)))
    assert restored == article
    assert restored.content_hash == article.content_hash
