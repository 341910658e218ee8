"""The kinds of fact, each anchored to its place in the article's paragraphs.

Every fact with `text` obeys `paragraphs[paragraph][start_char:end_char] == text`
(see the export format, shared/spec/export.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Granularity = Literal[
    "time", "day", "week", "month", "quarter", "year", "fiscal_year", "decade", "century"
]
QuantityKind = Literal["money", "percent", "count"]
EntityKind = Literal["person", "organization", "place"]


@dataclass(slots=True, frozen=True, order=True)
class Mention:
    paragraph: int
    start_char: int
    end_char: int


@dataclass(slots=True, frozen=True)
class DateFact:
    """An expression naming a point or period of calendar time, resolved
    against the article's publication date."""

    text: str
    paragraph: int
    start_char: int
    end_char: int
    granularity: Granularity
    start: dt.date
    end: dt.date
    value: str | None  # ISO-8601 form of the period, e.g. "2017-01-27", "2017-W04"

    @property
    def mention(self) -> Mention:
        return Mention(self.paragraph, self.start_char, self.end_char)


@dataclass(slots=True, frozen=True)
class Duration:
    """A length of time ("nine months"), which is not a date."""

    text: str
    paragraph: int
    start_char: int
    end_char: int

    @property
    def mention(self) -> Mention:
        return Mention(self.paragraph, self.start_char, self.end_char)


@dataclass(slots=True, frozen=True)
class Quantity:
    text: str
    paragraph: int
    start_char: int
    end_char: int
    kind: QuantityKind
    value: float | int
    unit: str  # ISO-4217 code for money, "%" for percent, the counted noun for a count
    approximate: bool = False

    @property
    def mention(self) -> Mention:
        return Mention(self.paragraph, self.start_char, self.end_char)


@dataclass(slots=True, frozen=True)
class Entity:
    """One real-world person, organisation or place, with every mention merged
    under its canonical (longest full) name."""

    name: str
    kind: EntityKind
    mentions: tuple[Mention, ...]
    role: str | None = None  # people only: the job or title as the article states it


@dataclass(slots=True, frozen=True)
class Quote:
    """Direct speech. `text` is the speech without its quotation marks."""

    text: str
    paragraph: int
    start_char: int
    end_char: int
    speaker: str | None
    partial: bool = False

    @property
    def mention(self) -> Mention:
        return Mention(self.paragraph, self.start_char, self.end_char)


@dataclass(slots=True, frozen=True)
class ArticleFacts:
    dates: tuple[DateFact, ...] = ()
    durations: tuple[Duration, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    people: tuple[Entity, ...] = ()
    organizations: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # Anything an extractor had to give up on, for the article's warnings.
    problems: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not (
            self.dates
            or self.durations
            or self.quantities
            or self.people
            or self.organizations
            or self.places
            or self.quotes
        )
