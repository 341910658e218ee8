"""The gold-set scorer (`dateline eval`), on small gold folders built here.

Most tests fix the engine's predictions (extract_facts is replaced) so that
each asserts the scorer's arithmetic, not the extractors' current skill; the
CLI tests run the real engine on sentences its own tests pin down."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline import evaluate as evaluation
from dateline.cli import EXIT_BAD_INPUT, main
from dateline.evaluate import (
    Finding,
    GoldError,
    Score,
    Span,
    evaluate,
    normalise_name,
    read_annotation,
    speaker_matches,
)
from dateline.facts.base import ArticleFacts, DateFact, Duration, Entity, Mention, Quantity, Quote
from dateline.model.article import Article

D = dt.date


def write_gold(folder: Path, stem: str, article: str, annotation: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.txt").write_text(article, encoding="utf-8")
    path = folder / f"{stem}.yaml"
    path.write_text(f"file: {stem}.txt\n{annotation}", encoding="utf-8")
    return path


def predict(monkeypatch: pytest.MonkeyPatch, facts: ArticleFacts) -> None:
    """The engine's answer for every article, whatever its text."""

    def fixed(article: Article) -> ArticleFacts:
        return facts

    monkeypatch.setattr(evaluation, "extract_facts", fixed)


def at(paragraphs: list[str], paragraph: int, text: str, nth: int = 1) -> tuple[int, int, int]:
    """(paragraph, start, end) of the nth `text` in one paragraph."""
    start = -1
    for _ in range(nth):
        start = paragraphs[paragraph].index(text, start + 1)
    return paragraph, start, start + len(text)


def date(
    paragraphs: list[str], paragraph: int, text: str, start: D, end: D | None = None, nth: int = 1
) -> DateFact:
    p, s, e = at(paragraphs, paragraph, text, nth)
    return DateFact(text, p, s, e, "day", start, end or start, start.isoformat())


def person(name: str, role: str | None = None) -> Entity:
    return Entity(name, "person", (Mention(0, 0, 1),), role)


STRIKE = (
    " date 2017-01-24 The strike is this Friday, the union said on Thursday.\n\nIt ends 27 January."
)
STRIKE_PARAGRAPHS = [
    "The strike is this Friday, the union said on Thursday.",
    "It ends 27 January.",
]
STRIKE_DATES = """date: 2017-01-24
dates:
  - {text: this Friday, start: 2017-01-27, end: 2017-01-27, granularity: day}
  - {text: Thursday, start: 2017-01-19, end: 2017-01-19, granularity: day}
  - {text: 27 January, start: 2017-01-27, end: 2017-01-27, granularity: day}
"""


# --- scores --------------------------------------------------------------------


def test_scores_with_empty_denominators() -> None:
    assert (Score().precision, Score().recall, Score().f1) == (1.0, 1.0, 1.0)
    nothing_predicted = Score(gold=3)
    assert (nothing_predicted.precision, nothing_predicted.recall, nothing_predicted.f1) == (
        0.0,
        0.0,
        0.0,
    )
    nothing_to_find = Score(predicted=2)
    assert (nothing_to_find.precision, nothing_to_find.recall, nothing_to_find.f1) == (
        0.0,
        0.0,
        0.0,
    )
    score = Score(gold=4, predicted=2, correct=1)
    assert (score.precision, score.recall) == (0.5, 0.25)
    assert score.f1 == pytest.approx(1 / 3)


# --- dates: right, wrong, false positive, miss, overlap -----------------------------


def test_right_dates_score_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_gold(tmp_path, "strike", STRIKE, STRIKE_DATES)
    p = STRIKE_PARAGRAPHS
    predict(
        monkeypatch,
        ArticleFacts(
            dates=(
                date(p, 0, "this Friday", D(2017, 1, 27)),
                date(p, 0, "Thursday", D(2017, 1, 19)),
                date(p, 1, "27 January", D(2017, 1, 27)),
            )
        ),
    )
    report = evaluate(tmp_path)
    assert report.errors == []
    dates = report.scores["dates"]
    assert (dates.gold, dates.predicted, dates.correct) == (3, 3, 3)
    assert (dates.precision, dates.recall, dates.f1) == (1.0, 1.0, 1.0)
    [article] = report.articles
    assert article.findings == []
    # Kinds the annotation leaves out are not scored at all.
    assert article.unannotated == [
        "durations",
        "quantities",
        "people",
        "organizations",
        "places",
        "quotes",
    ]
    assert (report.micro.gold, report.micro.predicted, report.micro.correct) == (3, 3, 3)


def test_wrong_period_false_positive_and_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(tmp_path, "strike", STRIKE, STRIKE_DATES)
    p = STRIKE_PARAGRAPHS
    predict(
        monkeypatch,
        ArticleFacts(
            dates=(
                date(p, 0, "this Friday", D(2017, 1, 20)),  # last week's Friday: wrong
                date(p, 0, "on Thursday", D(2017, 1, 19)),  # wider than the gold: right
                date(p, 1, "It", D(2017, 1, 1)),  # nothing there: a false positive
            )
        ),  # "27 January" is missed
    )
    report = evaluate(tmp_path)
    dates = report.scores["dates"]
    assert (dates.gold, dates.predicted, dates.correct) == (3, 3, 1)
    assert dates.precision == pytest.approx(1 / 3)
    assert dates.recall == pytest.approx(1 / 3)
    assert report.articles[0].findings == [
        Finding("dates", "wrong", 0, "this Friday", "2017-01-27", "this Friday", "2017-01-20", 14),
        Finding(
            "dates",
            "false positive",
            1,
            predicted_text="It",
            predicted_value="2017-01-01",
            start_char=0,
        ),
        Finding("dates", "miss", 1, "27 January", "2017-01-27", start_char=8),
    ]


def test_periods_print_as_first_and_last_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "week",
        " date 2017-01-24 It happened last week.",
        "date: 2017-01-24\ndates:\n"
        "  - {text: last week, start: 2017-01-16, end: 2017-01-22, granularity: week}\n",
    )
    p = ["It happened last week."]
    predict(
        monkeypatch, ArticleFacts(dates=(date(p, 0, "last week", D(2017, 1, 9), D(2017, 1, 15)),))
    )
    [finding] = evaluate(tmp_path).articles[0].findings
    assert (finding.gold_value, finding.predicted_value) == (
        "2017-01-16..2017-01-22",
        "2017-01-09..2017-01-15",
    )


def test_a_correct_prediction_wins_over_a_larger_overlap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "friday",
        " date 2017-01-24 The strike is this Friday.",
        "date: 2017-01-24\ndates:\n  - {text: this Friday, start: 2017-01-27, end: 2017-01-27}\n",
    )
    p = ["The strike is this Friday."]
    predict(
        monkeypatch,
        ArticleFacts(
            dates=(
                date(p, 0, "is this Friday", D(2017, 1, 20)),  # overlaps most, but wrong
                date(p, 0, "Friday", D(2017, 1, 27)),  # overlaps less, right
            )
        ),
    )
    report = evaluate(tmp_path)
    dates = report.scores["dates"]
    assert (dates.gold, dates.predicted, dates.correct) == (1, 2, 1)
    assert report.articles[0].findings == [
        Finding(
            "dates",
            "false positive",
            0,
            predicted_text="is this Friday",
            predicted_value="2017-01-20",
            start_char=11,
        )
    ]


def test_spans_must_overlap_in_the_same_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "two",
        " date 2017-01-24 On Friday.\n\nOn Friday.",
        "date: 2017-01-24\ndates:\n  - {text: Friday, start: 2017-01-27, end: 2017-01-27}\n",
    )
    p = ["On Friday.", "On Friday."]
    predict(monkeypatch, ArticleFacts(dates=(date(p, 1, "Friday", D(2017, 1, 27)),)))
    dates = evaluate(tmp_path).scores["dates"]
    assert (dates.gold, dates.predicted, dates.correct) == (1, 1, 0)


# --- locating gold texts ------------------------------------------------------------


FRIDAYS = " date 2017-01-24 Talks on Friday failed; Friday is next.\n\nThen Friday again."


def spans_of(tmp_path: Path, dates: str) -> list[Span]:
    annotation = write_gold(tmp_path, "fridays", FRIDAYS, "date: 2017-01-24\ndates:\n" + dates)
    errors: list[GoldError] = []
    gold = read_annotation(annotation, errors)
    assert errors == []
    assert gold is not None and gold.dates is not None
    return [fact.span for fact in gold.dates]


def test_repeated_texts_take_successive_occurrences(tmp_path: Path) -> None:
    spans = spans_of(
        tmp_path,
        "  - {text: Friday, start: 2017-01-20, end: 2017-01-20}\n"
        "  - {text: Friday, start: 2017-01-27, end: 2017-01-27}\n"
        "  - {text: Friday, start: 2017-02-03, end: 2017-02-03}\n",
    )
    assert spans == [Span(0, 9, 15), Span(0, 24, 30), Span(1, 5, 11)]


def test_occurrence_counts_across_the_article(tmp_path: Path) -> None:
    spans = spans_of(
        tmp_path, "  - {text: Friday, start: 2017-02-03, end: 2017-02-03, occurrence: 3}\n"
    )
    assert spans == [Span(1, 5, 11)]


def test_an_explicit_occurrence_is_not_taken_by_a_plain_text(tmp_path: Path) -> None:
    spans = spans_of(
        tmp_path,
        "  - {text: Friday, start: 2017-01-27, end: 2017-01-27}\n"
        "  - {text: Friday, start: 2017-01-20, end: 2017-01-20, occurrence: 1}\n",
    )
    assert spans == [Span(0, 24, 30), Span(0, 9, 15)]


def test_whitespace_in_a_gold_text_counts_as_one_space(tmp_path: Path) -> None:
    spans = spans_of(
        tmp_path, '  - {text: "Then  \\n Friday", start: 2017-02-03, end: 2017-02-03}\n'
    )
    assert spans == [Span(1, 0, 11)]


def test_occurrence_scores_against_the_right_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "fridays",
        FRIDAYS,
        "date: 2017-01-24\ndates:\n"
        "  - {text: Friday, start: 2017-01-27, end: 2017-01-27, occurrence: 2}\n",
    )
    p = ["Talks on Friday failed; Friday is next.", "Then Friday again."]
    predict(monkeypatch, ArticleFacts(dates=(date(p, 0, "Friday", D(2017, 1, 27)),)))
    report = evaluate(tmp_path)
    dates = report.scores["dates"]
    assert (dates.gold, dates.predicted, dates.correct) == (1, 1, 0)
    assert [(f.problem, f.paragraph) for f in report.articles[0].findings] == [
        ("false positive", 0),
        ("miss", 0),
    ]


def test_a_text_not_in_the_article_is_a_gold_set_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotation = write_gold(
        tmp_path,
        "strike",
        STRIKE,
        STRIKE_DATES + "durations:\n  - {text: nine months}\n"
        "quotes:\n  - {text: We will win, speaker: null}\n",
    )
    predict(monkeypatch, ArticleFacts())
    report = evaluate(tmp_path)
    assert report.errors == [
        GoldError(annotation, "durations: text 'nine months' not found in the article"),
        GoldError(annotation, "quotes: text 'We will win' not found in the article"),
    ]
    # What could be located is still scored.
    assert report.scores["dates"].gold == 3
    assert report.scores["durations"].gold == 0


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        (
            "date: 2017-01-25\ndates: []\n",
            "date 2017-01-25 differs from the article's (2017-01-24)",
        ),
        ("dates: []\n", "no 'date' (the article's publication date)"),
        ("date: 2017-01-24\nquantites: []\n", "unknown key 'quantites'"),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2017-01-19, stop: 2017-01-19}\n",
            [
                "dates #1: unknown key 'stop'",
                "dates: 'Thursday': start and end must both be YYYY-MM-DD dates",
            ],
        ),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2017-01-20, end: 2017-01-19}\n",
            "dates: 'Thursday': start 2017-01-20 is after end 2017-01-19",
        ),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2017-01-19, end: 2017-01-19}\n"
            "  - {text: Thursday, start: 2017-01-19, end: 2017-01-19}\n",
            "dates: text 'Thursday' is annotated more times than it occurs (1); "
            "check for a duplicate",
        ),
        (
            "date: 2017-01-24\ndates:\n"
            "  - {text: Thursday, start: 2017-01-19, end: 2017-01-19, occurrence: 2}\n",
            "dates: text 'Thursday' has occurrence 2 but occurs 1 times",
        ),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2017-01-19, end: 2017-01-20, "
            "granularity: day}\n",
            "dates: 'Thursday': 2017-01-19..2017-01-20 is not one day",
        ),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2017-01-17, end: 2017-01-23, "
            "granularity: week}\n",
            "dates: 'Thursday': 2017-01-17..2017-01-23 is not one week",
        ),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2016-12-01, end: 2016-12-30, "
            "granularity: month}\n",
            "dates: 'Thursday': 2016-12-01..2016-12-30 is not one month",
        ),
        (
            "date: 2017-01-24\ndates:\n  - {text: Thursday, start: 2017-01-19, end: 2017-01-19, "
            "granularity: fortnight}\n",
            "dates: 'Thursday': unknown granularity 'fortnight'",
        ),
        (
            "date: 2017-01-24\nquantities:\n  - {text: 27, kind: money, value: 27}\n",
            "quantities: '27': money needs its currency code as unit",
        ),
        (
            "date: 2017-01-24\npeople:\n  - {name: Paul Holmes}\n  - {name: paul holmes}\n",
            "people: 'paul holmes' is listed twice",
        ),
    ],
)
def test_annotation_problems_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, annotation: str, message: str | list[str]
) -> None:
    path = write_gold(tmp_path, "strike", STRIKE, annotation)
    predict(monkeypatch, ArticleFacts())
    messages = [message] if isinstance(message, str) else message
    assert evaluate(tmp_path).errors == [GoldError(path, m) for m in messages]


def test_a_missing_article_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "lost.yaml"
    path.write_text("file: lost.txt\ndate: 2017-01-24\n", encoding="utf-8")
    report = evaluate(tmp_path)
    assert report.articles == []
    assert report.errors == [
        GoldError(path, "article lost.txt cannot be loaded: no such file or directory")
    ]


# --- quantities and durations -------------------------------------------------------

MONEY = " date 2017-01-24 It costs £5m, 25% more, and 450 staff left within nine months."
MONEY_PARAGRAPHS = ["It costs £5m, 25% more, and 450 staff left within nine months."]


def quantity(text: str, kind: str, value: float, unit: str) -> Quantity:
    p, s, e = at(MONEY_PARAGRAPHS, 0, text)
    return Quantity(text, p, s, e, kind, value, unit)  # type: ignore[arg-type]


def test_quantities_need_kind_value_and_currency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "money",
        MONEY,
        "date: 2017-01-24\nquantities:\n"
        "  - {text: £5m, kind: money, value: 5000000, unit: GBP}\n"
        '  - {text: 25%, kind: percent, value: 25, unit: "%"}\n'
        "  - {text: 450 staff, kind: count, value: 450, unit: staff}\n"
        "durations:\n  - {text: nine months}\n",
    )
    predict(
        monkeypatch,
        ArticleFacts(
            quantities=(
                quantity("£5m", "money", 5e6, "USD"),  # wrong currency
                quantity("25%", "percent", 25.0000000000001, "%"),  # equal within tolerance
                quantity("450", "count", 450.0, "people"),  # a count's noun is not scored
            ),
            durations=(Duration("nine months", 0, 52, 63),),
        ),
    )
    report = evaluate(tmp_path)
    quantities = report.scores["quantities"]
    assert (quantities.gold, quantities.predicted, quantities.correct) == (3, 3, 2)
    durations = report.scores["durations"]
    assert (durations.gold, durations.predicted, durations.correct) == (1, 1, 1)
    assert report.articles[0].findings == [
        Finding("quantities", "wrong", 0, "£5m", "money 5000000 GBP", "£5m", "money 5000000 USD", 9)
    ]


# --- entities -------------------------------------------------------------------------

PEOPLE = (
    " date 2017-01-24 Paul Holmes, the branch secretary, met John Chapman of Kirklees "
    "Children’s Trust in Huddersfield."
)


def test_entities_match_by_name_or_alias_one_to_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "people",
        PEOPLE,
        "date: 2017-01-24\n"
        "people:\n"
        "  - {name: Paul Holmes, role: branch secretary, aliases: [Holmes]}\n"
        "  - {name: John Chapman, role: null}\n"
        "  - {name: Erin Hill, role: null, aliases: [Erin Hill-Smith]}\n"
        "organizations:\n  - {name: Kirklees Children’s Trust}\n"
        "places:\n  - {name: Huddersfield}\n  - {name: Kirklees}\n",
    )
    predict(
        monkeypatch,
        ArticleFacts(
            people=(
                person("Holmes"),  # an alias; the canonical name below takes the match
                person("Paul  Holmes,", "the branch secretary"),  # role right
                person("JOHN CHAPMAN", "of Kirklees"),  # role not scored (gold null)
                person("Erin Hill-Smith"),
            ),
            organizations=(Entity("kirklees children's trust", "organization", ()),),
            places=(Entity("Leeds", "place", (Mention(0, 3, 8),)),),
        ),
    )
    report = evaluate(tmp_path)
    people = report.scores["people"]
    assert (people.gold, people.predicted, people.correct) == (3, 4, 3)
    organizations = report.scores["organizations"]
    assert (organizations.gold, organizations.predicted, organizations.correct) == (1, 1, 1)
    places = report.scores["places"]
    assert (places.gold, places.predicted, places.correct) == (2, 1, 0)
    assert (report.roles.right, report.roles.total) == (1, 1)
    assert report.articles[0].findings == [
        Finding("people", "false positive", 0, predicted_text="Holmes", start_char=0),
        Finding("places", "miss", None, gold_text="Huddersfield"),
        Finding("places", "miss", None, gold_text="Kirklees"),
        Finding("places", "false positive", 0, predicted_text="Leeds", start_char=3),
    ]


def test_a_canonical_name_is_matched_before_an_alias(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "people",
        PEOPLE,
        "date: 2017-01-24\npeople:\n  - {name: Paul Holmes, aliases: [Holmes]}\n",
    )
    predict(monkeypatch, ArticleFacts(people=(person("Holmes"), person("Paul Holmes"))))
    report = evaluate(tmp_path)
    assert report.articles[0].findings == [
        Finding("people", "false positive", 0, predicted_text="Holmes", start_char=0)
    ]


@pytest.mark.parametrize(
    ("predicted", "right"),
    [
        ("the council's interim deputy head of legal services", True),
        ("interim deputy head of legal services", True),  # contained in the gold
        ("The Council’s Interim Deputy Head of Legal Services, and more", True),  # contains it
        ("deputy mayor", False),
        (None, False),
        ("", False),
    ],
)
def test_roles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, predicted: str | None, right: bool
) -> None:
    write_gold(
        tmp_path,
        "people",
        PEOPLE,
        "date: 2017-01-24\npeople:\n"
        '  - {name: John Chapman, role: "the council\'s interim deputy head of legal services"}\n',
    )
    predict(monkeypatch, ArticleFacts(people=(person("John Chapman", predicted),)))
    roles = evaluate(tmp_path).roles
    assert (roles.right, roles.total) == (int(right), 1)


def test_normalised_names() -> None:
    assert normalise_name("  “Kirklees  Children’s Trust,”  ") == "kirklees children's trust"
    assert normalise_name("Paul\u00a0Holmes.") == "paul holmes"


# --- quotes -------------------------------------------------------------------------

QUOTES = (
    " date 2017-01-24 “We will strike,” said Paul Holmes. A council spokesman said: "
    "“Talks go on.” The plan is a ‘red herring’, Holmes added."
)


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("Paul Holmes", "Paul Holmes", True),
        ("paul holmes", "Paul Holmes", True),
        ("Holmes", "Paul Holmes", True),  # an alias of the gold person
        ("Paul Holmes-Smith", "Paul Holmes", True),  # another alias
        ("Erin Hill", "Paul Holmes", False),
        ("the council spokesman", "A council spokesman", True),
        ("an official", "The official", True),
        ("council spokesman", "A council spokesman", True),
        ("A union spokesman", "A council spokesman", False),
        (None, None, True),
        (None, "Paul Holmes", False),
        ("Paul Holmes", None, False),
    ],
)
def test_speaker_matching(predicted: str | None, gold: str | None, right: bool) -> None:
    people = {
        form: frozenset({"paul holmes", "holmes", "paul holmes-smith"})
        for form in ("paul holmes", "holmes", "paul holmes-smith")
    }
    assert speaker_matches(predicted, gold, people) is right


def test_quotes_score_speakers_and_partial_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(
        tmp_path,
        "quotes",
        QUOTES,
        "date: 2017-01-24\n"
        "people:\n  - {name: Paul Holmes, role: null, aliases: [Holmes]}\n"
        "quotes:\n"
        "  - {text: 'We will strike,', speaker: Paul Holmes}\n"
        "  - {text: Talks go on., speaker: A council spokesman}\n"
        "  - {text: red herring, speaker: Paul Holmes, partial: true}\n",
    )
    paragraph = QUOTES.removeprefix(" date 2017-01-24 ")

    def quote(text: str, speaker: str | None, partial: bool = False) -> Quote:
        start = paragraph.index(text)
        return Quote(text, 0, start, start + len(text), speaker, partial)

    predict(
        monkeypatch,
        ArticleFacts(
            people=(person("Paul Holmes"),),
            quotes=(
                quote("We will strike,", "Holmes"),  # right by alias
                quote("Talks go on.", "The council spokesman"),  # right by description
                quote("red herring", None),  # wrong speaker, wrong partial flag
            ),
        ),
    )
    report = evaluate(tmp_path)
    herring = paragraph.index("red herring")
    quotes = report.scores["quotes"]
    assert (quotes.gold, quotes.predicted, quotes.correct) == (3, 3, 2)
    assert (report.partial.right, report.partial.total) == (2, 3)
    assert report.articles[0].findings == [
        Finding(
            "quotes",
            "wrong",
            0,
            "red herring",
            "speaker Paul Holmes",
            "red herring",
            "speaker unknown",
            herring,
        ),
        Finding(
            "quotes",
            "wrong partial flag",
            0,
            "red herring",
            "partial true",
            "red herring",
            "partial false",
            herring,
        ),
    ]


# --- totals over articles -------------------------------------------------------------


def test_micro_totals_add_every_kind_and_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(tmp_path, "a", STRIKE, STRIKE_DATES)
    write_gold(
        tmp_path,
        "b",
        PEOPLE,
        "date: 2017-01-24\npeople:\n  - {name: Paul Holmes}\nplaces: []\n",
    )
    p = STRIKE_PARAGRAPHS
    predict(
        monkeypatch,
        ArticleFacts(dates=(date(p, 0, "this Friday", D(2017, 1, 27)),), people=(person("X"),)),
    )
    report = evaluate(tmp_path)
    # Article a: 3 gold dates, 1 right (people not annotated there).
    # Article b: 1 gold person, 1 wrong prediction; dates not annotated there.
    assert [(k, s.gold, s.predicted, s.correct) for k, s in report.scores.items()] == [
        ("dates", 3, 1, 1),
        ("durations", 0, 0, 0),
        ("quantities", 0, 0, 0),
        ("people", 1, 1, 0),
        ("organizations", 0, 0, 0),
        ("places", 0, 0, 0),
        ("quotes", 0, 0, 0),
    ]
    assert (report.micro.gold, report.micro.predicted, report.micro.correct) == (4, 2, 1)


def test_an_empty_kind_says_there_are_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_gold(tmp_path, "people", PEOPLE, "date: 2017-01-24\nplaces:\norganizations: []\n")
    predict(
        monkeypatch,
        ArticleFacts(
            places=(Entity("Huddersfield", "place", (Mention(0, 0, 1),)),),
            people=(person("Paul Holmes"),),  # people are not annotated: not scored
        ),
    )
    report = evaluate(tmp_path)
    places = report.scores["places"]
    assert (places.gold, places.predicted, places.correct) == (0, 1, 0)
    assert (places.precision, places.recall, places.f1) == (0.0, 0.0, 0.0)
    assert report.scores["people"] == Score()
    assert report.scores["organizations"] == Score()


# --- the command ------------------------------------------------------------------------

FRIDAY = " date 2017-01-24 The strike is this Friday."
FRIDAY_DATES = (
    "date: 2017-01-24\ndates:\n"
    "  - {text: this Friday, start: 2017-01-27, end: 2017-01-27, granularity: day}\n"
)
TABLE = """\
kind           gold  predicted  correct  precision  recall     F1
-------------  ----  ---------  -------  ---------  ------  -----
dates             1          1        1      1.000   1.000  1.000
durations         0          0        0      1.000   1.000  1.000
quantities        0          0        0      1.000   1.000  1.000
people            0          0        0      1.000   1.000  1.000
organizations     0          0        0      1.000   1.000  1.000
places            0          0        0      1.000   1.000  1.000
quotes            0          0        0      1.000   1.000  1.000
-------------  ----  ---------  -------  ---------  ------  -----
all (micro)       1          1        1      1.000   1.000  1.000

role accuracy: n/a (nothing to score)
partial-flag accuracy: n/a (nothing to score)
articles scored: 1
"""


def test_cli_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path, "friday", FRIDAY, FRIDAY_DATES)
    assert main(["eval", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == TABLE
    assert captured.err == ""


def test_cli_defaults_to_tests_gold_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_gold(tmp_path / "tests" / "gold", "friday", FRIDAY, FRIDAY_DATES)
    monkeypatch.chdir(tmp_path)
    assert main(["eval"]) == 0
    assert capsys.readouterr().out == TABLE


def test_cli_details_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(
        tmp_path,
        "friday",
        FRIDAY,
        "date: 2017-01-24\ndates:\n  - {text: this Friday, start: 2017-02-03, end: 2017-02-03}\n",
    )
    assert main(["eval", str(tmp_path), "--details"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        f"friday.yaml ({tmp_path / 'friday.txt'}): F1 0.000, 1 findings\n"
        "  not annotated, not scored: durations, quantities, people, organizations, places, "
        "quotes\n"
        "  dates         wrong              ¶0    “this Friday” gold 2017-02-03; "
        "predicted 2017-01-27\n\n"
        "kind "
    )
    assert main(["eval", str(tmp_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["scores"]["dates"] == {
        "gold": 1,
        "predicted": 1,
        "correct": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert document["errors"] == []
    [article] = document["articles"]
    assert article["findings"] == [
        {
            "kind": "dates",
            "problem": "wrong",
            "paragraph": 0,
            "start_char": 14,
            "gold_text": "this Friday",
            "gold_value": "2017-02-03",
            "predicted_text": "this Friday",
            "predicted_value": "2017-01-27",
        }
    ]


def test_cli_exit_codes_for_a_missing_empty_or_broken_gold_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(tmp_path / "none")]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"dateline: no such gold folder: {tmp_path / 'none'}\n"

    assert main(["eval", str(tmp_path)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"dateline: no annotations (*.yaml) in {tmp_path}\n"

    annotation = write_gold(
        tmp_path,
        "friday",
        FRIDAY,
        FRIDAY_DATES + "  - {text: next Friday, start: 2017-02-03, end: 2017-02-03}\n",
    )
    assert main(["eval", str(tmp_path)]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == TABLE  # what could be scored still is
    assert captured.err == (
        f"dateline: gold set error: {annotation}: "
        "dates: text 'next Friday' not found in the article\n"
    )


def test_check_reads_the_gold_without_running_the_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_engine(article: Article) -> ArticleFacts:
        raise AssertionError("--check must not run the engine")

    monkeypatch.setattr(evaluation, "extract_facts", no_engine)
    write_gold(tmp_path, "friday", FRIDAY, FRIDAY_DATES)
    assert main(["eval", str(tmp_path), "--check"]) == 0
    assert capsys.readouterr().out == "1 annotations read, 0 errors\n"

    annotation = write_gold(
        tmp_path,
        "friday",
        FRIDAY,
        FRIDAY_DATES + "  - {text: next Friday, start: 2017-02-03, end: 2017-02-03}\n",
    )
    assert main(["eval", str(tmp_path), "--check"]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == "1 annotations read, 1 errors\n"
    assert captured.err == (
        f"dateline: gold set error: {annotation}: "
        "dates: text 'next Friday' not found in the article\n"
    )


def test_a_held_out_part_is_scored_and_printed_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_gold(tmp_path, "friday", FRIDAY, FRIDAY_DATES)
    write_gold(tmp_path / "heldout", "friday", FRIDAY, FRIDAY_DATES)
    assert main(["eval", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out == (f"tuning set (1 articles)\n\n{TABLE}\nheld-out set (1 articles)\n\n{TABLE}\n")
    assert main(["eval", str(tmp_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert sorted(document) == ["held-out_set", "tuning_set"]
    assert document["held-out_set"]["scores"]["dates"]["correct"] == 1
    assert main(["eval", str(tmp_path), "--check"]) == 0
    assert capsys.readouterr().out == "2 annotations read, 0 errors\n"


def test_eval_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from dateline.cli import main\n"
        "main(['eval', '/no/such/folder'])\n"
        "import dateline.evaluate\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
