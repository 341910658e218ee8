"""Score the facts engine against the hand-annotated gold set (tests/gold/).

The annotation format and the matching rules are those of tests/gold/README.md.
The scorer is strict about the gold set and lenient about the engine: anything
wrong with an annotation (a text that is not in the article, a date that is not
a date, an unknown key that is probably a typo) is a gold-set error, reported
with its file, because a score computed against a broken answer key would
mislead whoever is tuning an extractor. What the engine gets wrong is counted
and listed fact by fact, so a developer can see exactly what to fix.

Like the export, this module imports nothing from Textual.

Choices the README leaves open, made here:
- A kind whose key is absent from an annotation was not annotated, and is not
  scored for that article (predictions of it are not false positives); a key
  that is present but empty or null says "there are none".
- Facts with `occurrence` claim their place first; the others then take the
  first occurrence of their text that no fact of their kind has taken.
- Pairing by span is greedy: correct pairs first, then larger overlaps.
- A ratio with an empty denominator is 1.0 when the other count is empty too
  (no gold and no predictions: nothing to find, nothing claimed) and 0.0
  otherwise (no predictions against some gold: precision 0.0; predictions
  where the gold has none: recall 0.0). F1 is 0.0 when both are 0.0.
- Dates whose `granularity` is a day, week, month, year, decade or century
  must span exactly one such period; quarters and fiscal years are not checked.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

import yaml

from dateline.facts.base import DateFact, Duration, Entity, Quantity, Quote
from dateline.facts.extract import extract_facts
from dateline.model.article import Article
from dateline.model.loading import load_file

KINDS = ("dates", "durations", "quantities", "people", "organizations", "places", "quotes")
Kind = Literal["dates", "durations", "quantities", "people", "organizations", "places", "quotes"]
Problem = Literal["false positive", "miss", "wrong", "wrong role", "wrong partial flag"]

GRANULARITIES = frozenset(
    {"time", "day", "week", "month", "quarter", "year", "fiscal_year", "decade", "century"}
)
QUANTITY_KINDS = frozenset({"money", "percent", "count"})
VALUE_TOLERANCE = 1e-9  # relative; "£1.13bn" computed in floats must still equal 1130000000

_TOP_KEYS = frozenset({"file", "date", "notes", *KINDS})
_NOTE_KEYS = frozenset({"note", "notes", "comment"})
_FACT_KEYS: dict[str, frozenset[str]] = {
    "dates": frozenset({"text", "occurrence", "start", "end", "granularity", "value"}),
    "durations": frozenset({"text", "occurrence"}),
    "quantities": frozenset({"text", "occurrence", "kind", "value", "unit", "approximate"}),
    "people": frozenset({"name", "aliases", "role"}),
    "organizations": frozenset({"name", "aliases"}),
    "places": frozenset({"name", "aliases"}),
    "quotes": frozenset({"text", "occurrence", "speaker", "partial"}),
}
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_Fact = TypeVar("_Fact")


# --- scores ----------------------------------------------------------------------


def _ratio(numerator: int, denominator: int, other_side: int) -> float:
    if denominator:
        return numerator / denominator
    return 1.0 if other_side == 0 else 0.0


@dataclass(slots=True)
class Score:
    """Counts for one kind of fact; precision, recall and F1 follow from them."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.predicted, self.gold)

    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.gold, self.predicted)

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        if precision + recall == 0:
            return 0.0
        return 2 * precision * recall / (precision + recall)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class Accuracy:
    """A share of right answers; `value` is None when nothing was asked."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "accuracy": self.value}


@dataclass(slots=True, frozen=True)
class GoldError:
    """A problem in the gold set itself, not in the engine."""

    annotation: Path
    message: str

    def __str__(self) -> str:
        return f"{self.annotation}: {self.message}"


@dataclass(slots=True, frozen=True)
class Finding:
    """One thing the engine got wrong in one article. `paragraph` is the index
    the export uses (0-based); None for entities, which are matched by name."""

    kind: Kind
    problem: Problem
    paragraph: int | None
    gold_text: str | None = None
    gold_value: str | None = None
    predicted_text: str | None = None
    predicted_value: str | None = None
    start_char: int | None = None  # where in the paragraph, to order and find it

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "problem": self.problem,
            "paragraph": self.paragraph,
            "start_char": self.start_char,
            "gold_text": self.gold_text,
            "gold_value": self.gold_value,
            "predicted_text": self.predicted_text,
            "predicted_value": self.predicted_value,
        }


def _empty_scores() -> dict[str, Score]:
    return {kind: Score() for kind in KINDS}


@dataclass(slots=True)
class ArticleReport:
    annotation: Path
    article: Path | None
    scores: dict[str, Score] = field(default_factory=_empty_scores)
    roles: Accuracy = field(default_factory=Accuracy)
    partial: Accuracy = field(default_factory=Accuracy)
    findings: list[Finding] = field(default_factory=list)
    # Kinds the annotation leaves out (no key at all): not scored for this article.
    unannotated: list[str] = field(default_factory=list)
    # Extractors that failed on the article (ArticleFacts.problems).
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotation": str(self.annotation),
            "article": None if self.article is None else str(self.article),
            "scores": {kind: score.to_dict() for kind, score in self.scores.items()},
            "roles": self.roles.to_dict(),
            "partial": self.partial.to_dict(),
            "unannotated": list(self.unannotated),
            "problems": list(self.problems),
            "findings": [finding.to_dict() for finding in self.findings],
        }


@dataclass(slots=True)
class Report:
    articles: list[ArticleReport] = field(default_factory=list)
    errors: list[GoldError] = field(default_factory=list)

    @property
    def scores(self) -> dict[str, Score]:
        totals = _empty_scores()
        for article in self.articles:
            for kind, score in article.scores.items():
                totals[kind].add(score)
        return totals

    @property
    def micro(self) -> Score:
        total = Score()
        for score in self.scores.values():
            total.add(score)
        return total

    @property
    def roles(self) -> Accuracy:
        total = Accuracy()
        for article in self.articles:
            total.add(article.roles)
        return total

    @property
    def partial(self) -> Accuracy:
        total = Accuracy()
        for article in self.articles:
            total.add(article.partial)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": {kind: score.to_dict() for kind, score in self.scores.items()},
            "micro": self.micro.to_dict(),
            "roles": self.roles.to_dict(),
            "partial": self.partial.to_dict(),
            "errors": [
                {"annotation": str(e.annotation), "message": e.message} for e in self.errors
            ],
            "articles": [article.to_dict() for article in self.articles],
        }


# --- names -----------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """A name or description as compared: casefolded, straight apostrophes,
    single spaces, no punctuation around it ("Holmes," is "holmes")."""
    text = name.replace("’", "'").replace("‘", "'").casefold()
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _without_article(normalised: str) -> str:
    return _LEADING_ARTICLE.sub("", normalised, count=1)


def _role_right(predicted: str | None, gold: str) -> bool:
    """A role is right when either phrasing contains the other: "interim deputy
    head of legal services" for "the council's interim deputy head of legal services"."""
    if not predicted:
        return False
    p = _without_article(normalise_name(predicted))
    g = _without_article(normalise_name(gold))
    return bool(p) and bool(g) and (p in g or g in p)


def _person_names(people: Iterable[GoldEntity]) -> dict[str, frozenset[str]]:
    """Every normalised name or alias of a gold person -> all of that person's names."""
    names: dict[str, frozenset[str]] = {}
    for person in people:
        forms = frozenset(normalise_name(n) for n in (person.name, *person.aliases))
        for form in forms:
            names[form] = forms
    return names


def speaker_matches(
    predicted: str | None, gold: str | None, people: dict[str, frozenset[str]]
) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = normalise_name(predicted), normalise_name(gold)
    if p == g or p in people.get(g, frozenset()):
        return True
    return _without_article(p) == _without_article(g)


# --- the gold annotations ----------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Span:
    paragraph: int
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class GoldDate:
    text: str
    span: Span
    start: dt.date
    end: dt.date


@dataclass(slots=True, frozen=True)
class GoldDuration:
    text: str
    span: Span


@dataclass(slots=True, frozen=True)
class GoldQuantity:
    text: str
    span: Span
    kind: str
    value: float | int
    unit: str | None


@dataclass(slots=True, frozen=True)
class GoldQuote:
    text: str
    span: Span
    speaker: str | None
    partial: bool


@dataclass(slots=True, frozen=True)
class GoldEntity:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(slots=True)
class GoldArticle:
    annotation: Path
    article: Article
    dates: list[GoldDate] | None = None
    durations: list[GoldDuration] | None = None
    quantities: list[GoldQuantity] | None = None
    people: list[GoldEntity] | None = None
    organizations: list[GoldEntity] | None = None
    places: list[GoldEntity] | None = None
    quotes: list[GoldQuote] | None = None


class _Locator:
    """Finds gold texts in an article's paragraphs, whitespace runs counting as
    one space, and remembers which occurrences earlier facts have taken."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self._paragraphs = [_normalised_with_offsets(p) for p in paragraphs]
        self._taken: set[tuple[str, str, int]] = set()  # (kind, text, occurrence index)

    def occurrences(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for index, (normal, offsets) in enumerate(self._paragraphs):
            at = normal.find(text)
            while at >= 0:
                end = at + len(text)
                spans.append(Span(index, offsets[at], offsets[end - 1] + 1))
                at = normal.find(text, end)
        return spans

    def claim(self, kind: str, text: str, occurrence: int | None) -> Span | str:
        """The span of the fact, or why it cannot be had."""
        spans = self.occurrences(text)
        if not spans:
            return f"text {text!r} not found in the article"
        if occurrence is not None:
            if occurrence > len(spans):
                return f"text {text!r} has occurrence {occurrence} but occurs {len(spans)} times"
            key = (kind, text, occurrence - 1)
            if key in self._taken:
                return f"occurrence {occurrence} of {text!r} is annotated twice"
            self._taken.add(key)
            return spans[occurrence - 1]
        for index, span in enumerate(spans):
            key = (kind, text, index)
            if key not in self._taken:
                self._taken.add(key)
                return span
        return (
            f"text {text!r} is annotated more times than it occurs ({len(spans)}); "
            "check for a duplicate"
        )


def _normalised_with_offsets(paragraph: str) -> tuple[str, list[int]]:
    """The paragraph with whitespace runs as single spaces and no spaces at its
    ends, and for each of its characters the index of that character in the original."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for index, char in enumerate(paragraph):
        if char.isspace():
            if chars and pending_space < 0:
                pending_space = index
            continue
        if pending_space >= 0:
            chars.append(" ")
            offsets.append(pending_space)
            pending_space = -1
        chars.append(char)
        offsets.append(index)
    return "".join(chars), offsets


class _AnnotationReader:
    """Turns one YAML annotation into a GoldArticle, collecting every problem
    rather than stopping at the first, so one run lists all there is to fix."""

    def __init__(self, annotation: Path, errors: list[GoldError]) -> None:
        self.annotation = annotation
        self.errors = errors

    def error(self, message: str) -> None:
        self.errors.append(GoldError(self.annotation, message))

    def read(self) -> GoldArticle | None:
        try:
            data = yaml.safe_load(self.annotation.read_text(encoding="utf-8"))
        except OSError as error:
            self.error(f"cannot be read: {error.strerror or error}")
            return None
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            self.error(f"not valid YAML: {' '.join(str(error).split())}")
            return None
        if not isinstance(data, dict):
            self.error("not a mapping of keys (file, date, dates, ...)")
            return None
        for key in sorted(set(map(str, data)) - _TOP_KEYS):
            self.error(f"unknown key {key!r}")
        article = self._article(data)
        if article is None:
            return None
        gold = GoldArticle(self.annotation, article)
        gold.people = self._entities(data, "people")
        gold.organizations = self._entities(data, "organizations")
        gold.places = self._entities(data, "places")
        locator = _Locator(article.paragraphs)
        if "dates" in data:
            gold.dates = self._located(data, "dates", locator, self._date)
        if "durations" in data:
            gold.durations = self._located(data, "durations", locator, self._duration)
        if "quantities" in data:
            gold.quantities = self._located(data, "quantities", locator, self._quantity)
        if "quotes" in data:
            gold.quotes = self._located(data, "quotes", locator, self._quote)
        return gold

    def _article(self, data: dict[str, Any]) -> Article | None:
        file = data.get("file")
        if not isinstance(file, str) or not file.strip():
            self.error("no 'file' naming the article")
            return None
        path = Path(os.path.normpath(self.annotation.parent / file))
        loaded = load_file(path)
        if not isinstance(loaded, Article):
            self.error(f"article {file} cannot be loaded: {loaded.message}")
            return None
        if "date" not in data:
            self.error("no 'date' (the article's publication date)")
        else:
            expected = _as_date(data["date"]) if data["date"] is not None else None
            if data["date"] is not None and expected is None:
                self.error(f"date {data['date']!r} is not a YYYY-MM-DD date")
            elif expected != loaded.date:
                found = loaded.date.isoformat() if loaded.date else "no date"
                self.error(f"date {data['date']} differs from the article's ({found})")
        return loaded

    def _facts(self, data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
        """The fact entries of one kind; null counts as an empty list."""
        raw = data.get(kind)
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.error(f"{kind}: not a list")
            return []
        facts: list[dict[str, Any]] = []
        allowed = _FACT_KEYS[kind] | _NOTE_KEYS
        for number, entry in enumerate(raw, 1):
            if isinstance(entry, str) and kind in {"people", "organizations", "places"}:
                entry = {"name": entry}
            if not isinstance(entry, dict):
                self.error(f"{kind} #{number}: not a mapping ({entry!r})")
                continue
            for key in sorted(set(map(str, entry)) - allowed):
                self.error(f"{kind} #{number}: unknown key {key!r}")
            facts.append(entry)
        return facts

    def _located(
        self,
        data: dict[str, Any],
        kind: str,
        locator: _Locator,
        make: Callable[[dict[str, Any], str, Span], _Fact | None],
    ) -> list[_Fact]:
        """Locate every fact of a kind. Facts with an `occurrence` claim theirs
        first, so a fact without one never takes a place another fact names."""
        entries = self._facts(data, kind)
        located: dict[int, tuple[str, Span]] = {}
        plain: list[tuple[int, str]] = []
        for number, entry in enumerate(entries):
            text = self._text(kind, entry)
            if text is None:
                continue
            occurrence = entry.get("occurrence")
            if occurrence is None:
                plain.append((number, text))
                continue
            if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
                self.error(
                    f"{kind}: {text!r}: occurrence {occurrence!r} is not a whole number >= 1"
                )
                continue
            self._place(kind, locator, located, number, text, occurrence)
        for number, text in plain:
            self._place(kind, locator, located, number, text, None)
        facts: list[_Fact] = []
        for number in sorted(located):
            text, span = located[number]
            fact = make(entries[number], text, span)
            if fact is not None:
                facts.append(fact)
        return facts

    def _place(
        self,
        kind: str,
        locator: _Locator,
        located: dict[int, tuple[str, Span]],
        number: int,
        text: str,
        occurrence: int | None,
    ) -> None:
        span = locator.claim(kind, text, occurrence)
        if isinstance(span, str):
            self.error(f"{kind}: {span}")
        else:
            located[number] = (text, span)

    def _text(self, kind: str, entry: dict[str, Any]) -> str | None:
        raw = entry.get("text")
        # An unquoted year or ISO date in YAML arrives as a number or a date;
        # their text is unambiguous. Anything else not a string is a typo.
        if isinstance(raw, int | dt.date) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            self.error(
                f"{kind}: entry {entry!r} has no text (quote it if YAML read it as something else)"
            )
            return None
        text = " ".join(raw.split())
        if not text:
            self.error(f"{kind}: entry {entry!r} has an empty text")
            return None
        return text

    def _date(self, entry: dict[str, Any], text: str, span: Span) -> GoldDate | None:
        start, end = _as_date(entry.get("start")), _as_date(entry.get("end"))
        if start is None or end is None:
            self.error(f"dates: {text!r}: start and end must both be YYYY-MM-DD dates")
            return None
        if start > end:
            self.error(f"dates: {text!r}: start {start} is after end {end}")
            return None
        granularity = entry.get("granularity")
        if granularity is not None and granularity not in GRANULARITIES:
            self.error(f"dates: {text!r}: unknown granularity {granularity!r}")
        elif granularity is not None and not _fits_granularity(granularity, start, end):
            self.error(f"dates: {text!r}: {start}..{end} is not one {granularity}")
        return GoldDate(text, span, start, end)

    def _duration(self, entry: dict[str, Any], text: str, span: Span) -> GoldDuration:
        return GoldDuration(text, span)

    def _quantity(self, entry: dict[str, Any], text: str, span: Span) -> GoldQuantity | None:
        kind, value, unit = entry.get("kind"), entry.get("value"), entry.get("unit")
        if kind not in QUANTITY_KINDS:
            self.error(f"quantities: {text!r}: kind {kind!r} is not money, percent or count")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(f"quantities: {text!r}: value {value!r} is not a plain number")
            return None
        if kind == "money" and not (isinstance(unit, str) and unit.strip()):
            self.error(f"quantities: {text!r}: money needs its currency code as unit")
            return None
        if unit is not None and not isinstance(unit, str):
            unit = str(unit)
        return GoldQuantity(text, span, kind, value, unit)

    def _quote(self, entry: dict[str, Any], text: str, span: Span) -> GoldQuote | None:
        speaker = entry.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            self.error(f"quotes: {text!r}: speaker {speaker!r} is not a name")
            return None
        partial = entry.get("partial", False)
        if partial is None:
            partial = False
        if not isinstance(partial, bool):
            self.error(f"quotes: {text!r}: partial {partial!r} is not true or false")
            return None
        return GoldQuote(text, span, speaker, partial)

    def _entity(self, kind: str, entry: dict[str, Any]) -> GoldEntity | None:
        name = entry.get("name")
        if not isinstance(name, str) or not normalise_name(name):
            self.error(f"{kind}: entry {entry!r} has no name")
            return None
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.error(f"{kind}: {name!r}: aliases must be a list of names")
            aliases = []
        role = entry.get("role")
        if role is not None and not isinstance(role, str):
            self.error(f"{kind}: {name!r}: role {role!r} is not text")
            role = None
        return GoldEntity(name, tuple(aliases), role)

    def _entities(self, data: dict[str, Any], kind: str) -> list[GoldEntity] | None:
        if kind not in data:
            return None
        entities: list[GoldEntity] = []
        owners: dict[str, str] = {}  # normalised name or alias -> the entity's name
        for entry in self._facts(data, kind):
            entity = self._entity(kind, entry)
            if entity is None:
                continue
            if normalise_name(entity.name) in owners:
                self.error(f"{kind}: {entity.name!r} is listed twice")
                continue
            for form in {normalise_name(n) for n in (entity.name, *entity.aliases)}:
                if form in owners:
                    self.error(f"{kind}: {form!r} names both {owners[form]!r} and {entity.name!r}")
                owners.setdefault(form, entity.name)
            entities.append(entity)
        return entities


def _fits_granularity(granularity: str, start: dt.date, end: dt.date) -> bool:
    """Whether start..end is one whole period of the granularity, by the README's
    conventions (weeks Monday to Sunday). Quarters and fiscal years are left
    alone: companies and countries start them in different months."""
    year_start, year_end = dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
    if granularity in {"time", "day"}:
        return start == end
    if granularity == "week":
        return start.weekday() == 0 and (end - start).days == 6
    if granularity == "month":
        next_month = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start.day == 1 and end == next_month - dt.timedelta(days=1)
    if granularity == "year":
        return start == year_start and end == dt.date(start.year, 12, 31)
    if granularity == "decade":
        return start == year_start and start.year % 10 == 0 and end.year == start.year + 9
    if granularity == "century":
        return start == year_start and end == year_end and end.year == start.year + 99
    return True


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def read_annotation(annotation: Path, errors: list[GoldError]) -> GoldArticle | None:
    """One annotation file with its article, or None when it cannot be scored at all."""
    return _AnnotationReader(annotation, errors).read()


# --- matching ----------------------------------------------------------------------


class _Located(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def span(self) -> Span: ...


G = TypeVar("G", bound=_Located)
P = TypeVar("P", DateFact, Duration, Quantity, Quote)


def _pair_by_span(
    gold: Sequence[G], predicted: Sequence[P], correct: Callable[[G, P], bool]
) -> list[tuple[int, int, bool]]:
    """One-to-one pairs (gold index, prediction index, correct) of facts whose
    spans overlap in one paragraph. Greedy: a correct pair before a wrong one,
    then the larger overlap, then reading order."""
    by_paragraph: dict[int, list[int]] = {}
    for p_index, prediction in enumerate(predicted):
        by_paragraph.setdefault(prediction.paragraph, []).append(p_index)
    candidates: list[tuple[bool, int, int, int, bool]] = []
    for g_index, fact in enumerate(gold):
        span = fact.span
        for p_index in by_paragraph.get(span.paragraph, []):
            guess = predicted[p_index]
            overlap = min(span.end, guess.end_char) - max(span.start, guess.start_char)
            if overlap > 0:
                right = correct(fact, guess)
                candidates.append((not right, -overlap, g_index, p_index, right))
    candidates.sort()
    pairs: list[tuple[int, int, bool]] = []
    gold_used: set[int] = set()
    predicted_used: set[int] = set()
    for _, _, g_index, p_index, right in candidates:
        if g_index in gold_used or p_index in predicted_used:
            continue
        gold_used.add(g_index)
        predicted_used.add(p_index)
        pairs.append((g_index, p_index, right))
    return sorted(pairs)


def _score_by_span(
    kind: Kind,
    gold: Sequence[G],
    predicted: Sequence[P],
    correct: Callable[[G, P], bool],
    gold_value: Callable[[G], str | None],
    predicted_value: Callable[[P], str | None],
    report: ArticleReport,
) -> list[tuple[int, int, bool]]:
    pairs = _pair_by_span(gold, predicted, correct)
    score = report.scores[kind]
    score.gold += len(gold)
    score.predicted += len(predicted)
    score.correct += sum(1 for _, _, right in pairs if right)
    matched_gold = {g for g, _, _ in pairs}
    matched_predicted = {p for _, p, _ in pairs}
    for g_index, p_index, right in pairs:
        if not right:
            fact, guess = gold[g_index], predicted[p_index]
            report.findings.append(
                Finding(
                    kind,
                    "wrong",
                    fact.span.paragraph,
                    fact.text,
                    gold_value(fact),
                    guess.text,
                    predicted_value(guess),
                    fact.span.start,
                )
            )
    for g_index, fact in enumerate(gold):
        if g_index not in matched_gold:
            span = fact.span
            report.findings.append(
                Finding(
                    kind,
                    "miss",
                    span.paragraph,
                    fact.text,
                    gold_value(fact),
                    start_char=span.start,
                )
            )
    for p_index, guess in enumerate(predicted):
        if p_index not in matched_predicted:
            report.findings.append(
                Finding(
                    kind,
                    "false positive",
                    guess.paragraph,
                    predicted_text=guess.text,
                    predicted_value=predicted_value(guess),
                    start_char=guess.start_char,
                )
            )
    return pairs


def _pair_by_name(gold: Sequence[GoldEntity], predicted: Sequence[Entity]) -> list[tuple[int, int]]:
    """One-to-one pairs by name: canonical names claim their match before aliases
    do, so a separate "Holmes" entity cannot take Paul Holmes's place."""
    keys = [normalise_name(entity.name) for entity in predicted]
    pairs: list[tuple[int, int]] = []
    gold_used: set[int] = set()
    predicted_used: set[int] = set()
    for aliases in (False, True):
        for g_index, entity in enumerate(gold):
            if g_index in gold_used:
                continue
            names = entity.aliases if aliases else (entity.name,)
            wanted = {normalise_name(name) for name in names}
            for p_index, key in enumerate(keys):
                if p_index not in predicted_used and key in wanted:
                    gold_used.add(g_index)
                    predicted_used.add(p_index)
                    pairs.append((g_index, p_index))
                    break
    return sorted(pairs)


def _score_by_name(
    kind: Kind, gold: Sequence[GoldEntity], predicted: Sequence[Entity], report: ArticleReport
) -> list[tuple[int, int]]:
    pairs = _pair_by_name(gold, predicted)
    score = report.scores[kind]
    score.gold += len(gold)
    score.predicted += len(predicted)
    score.correct += len(pairs)
    matched_gold = {g for g, _ in pairs}
    matched_predicted = {p for _, p in pairs}
    for g_index, entity in enumerate(gold):
        if g_index not in matched_gold:
            report.findings.append(Finding(kind, "miss", None, gold_text=entity.name))
    for p_index, guess in enumerate(predicted):
        if p_index not in matched_predicted:
            first = min(guess.mentions) if guess.mentions else None
            report.findings.append(
                Finding(
                    kind,
                    "false positive",
                    first.paragraph if first else None,
                    predicted_text=guess.name,
                    start_char=first.start_char if first else None,
                )
            )
    return pairs


def _period(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


def _number(value: float | int) -> str:
    """Whole numbers without ".0"; others in full, so near misses show."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _amount(kind: str, value: float | int, unit: str | None) -> str:
    return " ".join(part for part in (kind, _number(value), unit or "") if part)


def _same_value(gold: GoldQuantity, guess: Quantity) -> bool:
    if gold.kind != guess.kind:
        return False
    if not math.isclose(float(gold.value), float(guess.value), rel_tol=VALUE_TOLERANCE):
        return False
    return gold.kind != "money" or (gold.unit or "").strip().upper() == guess.unit.upper()


def _speaker(speaker: str | None) -> str:
    return "speaker " + (speaker if speaker is not None else "unknown")


def score_article(gold: GoldArticle) -> ArticleReport:
    """Compare the engine's facts for one gold article with its annotation."""
    article = gold.article
    report = ArticleReport(gold.annotation, article.path)
    facts = extract_facts(article)
    report.problems = list(facts.problems)
    report.unannotated = [kind for kind in KINDS if getattr(gold, kind) is None]

    if gold.dates is not None:
        _score_by_span(
            "dates",
            gold.dates,
            facts.dates,
            lambda g, p: g.start == p.start and g.end == p.end,
            lambda g: _period(g.start, g.end),
            lambda p: _period(p.start, p.end),
            report,
        )
    if gold.durations is not None:
        _score_by_span(
            "durations",
            gold.durations,
            facts.durations,
            lambda g, p: True,
            lambda g: None,
            lambda p: None,
            report,
        )
    if gold.quantities is not None:
        _score_by_span(
            "quantities",
            gold.quantities,
            facts.quantities,
            _same_value,
            lambda g: _amount(g.kind, g.value, g.unit),
            lambda p: _amount(p.kind, p.value, p.unit),
            report,
        )
    if gold.people is not None:
        people = _score_by_name("people", gold.people, facts.people, report)
        _score_roles(gold.people, facts.people, people, report)
    if gold.organizations is not None:
        _score_by_name("organizations", gold.organizations, facts.organizations, report)
    if gold.places is not None:
        _score_by_name("places", gold.places, facts.places, report)
    if gold.quotes is not None:
        speakers = _person_names(gold.people or [])
        quotes = _score_by_span(
            "quotes",
            gold.quotes,
            facts.quotes,
            lambda g, p: speaker_matches(p.speaker, g.speaker, speakers),
            lambda g: _speaker(g.speaker),
            lambda p: _speaker(p.speaker),
            report,
        )
        _score_partial(gold.quotes, facts.quotes, quotes, report)
    report.findings.sort(key=_finding_order)
    return report


def _score_roles(
    gold: Sequence[GoldEntity],
    predicted: Sequence[Entity],
    pairs: Iterable[tuple[int, int]],
    report: ArticleReport,
) -> None:
    """Roles of matched people, where the gold gives one."""
    for g_index, p_index in pairs:
        person, guess = gold[g_index], predicted[p_index]
        if person.role is None:
            continue
        report.roles.total += 1
        if _role_right(guess.role, person.role):
            report.roles.right += 1
        else:
            report.findings.append(
                Finding(
                    "people", "wrong role", None, person.name, person.role, guess.name, guess.role
                )
            )


def _score_partial(
    gold: Sequence[GoldQuote],
    predicted: Sequence[Quote],
    pairs: Iterable[tuple[int, int, bool]],
    report: ArticleReport,
) -> None:
    """The partial flag of every matched quote, its speaker right or not."""
    for g_index, p_index, _ in pairs:
        quote, guess = gold[g_index], predicted[p_index]
        report.partial.total += 1
        if quote.partial == guess.partial:
            report.partial.right += 1
        else:
            report.findings.append(
                Finding(
                    "quotes",
                    "wrong partial flag",
                    quote.span.paragraph,
                    quote.text,
                    f"partial {str(quote.partial).lower()}",
                    guess.text,
                    f"partial {str(guess.partial).lower()}",
                    quote.span.start,
                )
            )


def _finding_order(finding: Finding) -> tuple[int, int, int]:
    """By kind, then reading order; entities missed (no place) first."""
    paragraph = -1 if finding.paragraph is None else finding.paragraph
    start = -1 if finding.start_char is None else finding.start_char
    return KINDS.index(finding.kind), paragraph, start


def annotations_in(gold_dir: Path) -> list[Path]:
    return sorted(p for p in gold_dir.glob("*.yaml") if p.is_file())


def check_gold(gold_dir: Path) -> tuple[int, list[GoldError]]:
    """Read every annotation in `gold_dir` without running the engine: how
    many read, and the errors in them (a text not in its article, a bad date)."""
    errors: list[GoldError] = []
    read = sum(
        read_annotation(annotation, errors) is not None for annotation in annotations_in(gold_dir)
    )
    return read, errors


def evaluate(gold_dir: Path) -> Report:
    """Score the engine on every annotation (`*.yaml`) in `gold_dir`."""
    report = Report()
    for annotation in annotations_in(gold_dir):
        gold = read_annotation(annotation, report.errors)
        if gold is not None:
            report.articles.append(score_article(gold))
    return report


# --- the report as text ------------------------------------------------------------


def _fraction(value: float) -> str:
    return f"{value:.3f}"


def _accuracy_line(label: str, accuracy: Accuracy) -> str:
    if accuracy.value is None:
        return f"{label}: n/a (nothing to score)"
    return f"{label}: {accuracy.right}/{accuracy.total} ({_fraction(accuracy.value)})"


def render_table(report: Report) -> str:
    """The scores as a plain-text table: article text never passes through
    markup, it is only ever printed."""
    header = ("kind", "gold", "predicted", "correct", "precision", "recall", "F1")
    rows = [header]
    for kind, score in [*report.scores.items(), ("all (micro)", report.micro)]:
        rows.append(
            (
                kind,
                str(score.gold),
                str(score.predicted),
                str(score.correct),
                _fraction(score.precision),
                _fraction(score.recall),
                _fraction(score.f1),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.insert(-1, lines[1])
    lines.append("")
    lines.append(_accuracy_line("role accuracy", report.roles))
    lines.append(_accuracy_line("partial-flag accuracy", report.partial))
    lines.append(f"articles scored: {len(report.articles)}")
    return "\n".join(lines) + "\n"


def _quoted(text: str | None) -> str:
    return f"“{text}”" if text is not None else ""


def _describe(finding: Finding) -> str:
    where = f"¶{finding.paragraph}" if finding.paragraph is not None else "-"
    if finding.problem == "miss":
        detail = _quoted(finding.gold_text)
        if finding.gold_value:
            detail += f" gold {finding.gold_value}"
    elif finding.problem == "false positive":
        detail = _quoted(finding.predicted_text)
        if finding.predicted_value:
            detail += f" predicted {finding.predicted_value}"
    else:
        predicted = _quoted(finding.predicted_text)
        if finding.predicted_text == finding.gold_text:
            predicted = "predicted"
        gold_value = finding.gold_value or ""
        predicted_value = finding.predicted_value if finding.predicted_value else "none"
        detail = f"{_quoted(finding.gold_text)} gold {gold_value}; {predicted} {predicted_value}"
    return f"  {finding.kind:<13} {finding.problem:<18} {where:<5} {detail}"


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (OSError, ValueError):
        return str(path)


def render_details(report: Report) -> str:
    """Each article's findings, one line each, to read beside the export."""
    lines: list[str] = []
    for article in report.articles:
        name = article.annotation.name
        source = f" ({_display_path(article.article)})" if article.article else ""
        micro = Score()
        for score in article.scores.values():
            micro.add(score)
        lines.append(f"{name}{source}: F1 {_fraction(micro.f1)}, {len(article.findings)} findings")
        if article.unannotated:
            lines.append(f"  not annotated, not scored: {', '.join(article.unannotated)}")
        lines += [f"  extractor failed: {problem}" for problem in article.problems]
        lines += [_describe(finding) for finding in article.findings]
        lines.append("")
    return "\n".join(lines) + "\n"
