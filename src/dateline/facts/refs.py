"""Pointing at one fact of an article, and finding where it stands in the text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dateline.facts.base import ArticleFacts, Mention


@dataclass(slots=True, frozen=True)
class FactRef:
    """One fact of an article: its group and its index within that group of
    `ArticleFacts` (`quantities` for money, percent and count)."""

    group: str  # "people", "organizations", "places", "dates", "durations", "quantities", "quotes"
    index: int

    @property
    def key(self) -> str:
        return f"{self.group}:{self.index}"

    @classmethod
    def from_key(cls, key: str) -> FactRef:
        group, _, index = key.partition(":")
        return cls(group, int(index))


def mentions_of(facts: ArticleFacts, ref: FactRef) -> tuple[Mention, ...]:
    """Every place in the text where the fact stands, in reading order."""
    items = getattr(facts, ref.group, ())
    if not 0 <= ref.index < len(items):
        return ()
    item = items[ref.index]
    if hasattr(item, "mentions"):
        return tuple(sorted(item.mentions))
    return (item.mention,)


def highlights(facts: ArticleFacts) -> Iterator[tuple[str, FactRef, Mention]]:
    """(kind, fact, mention) for every highlighted span. Quotes come first so
    that names and figures inside a quote are drawn over it."""
    for index, quote in enumerate(facts.quotes):
        yield "quote", FactRef("quotes", index), quote.mention
    for group, kind in (
        ("people", "person"),
        ("organizations", "organization"),
        ("places", "place"),
    ):
        for index, entity in enumerate(getattr(facts, group)):
            for mention in entity.mentions:
                yield kind, FactRef(group, index), mention
    for index, date in enumerate(facts.dates):
        yield "date", FactRef("dates", index), date.mention
    for index, duration in enumerate(facts.durations):
        yield "date", FactRef("durations", index), duration.mention
    for index, quantity in enumerate(facts.quantities):
        yield quantity.kind, FactRef("quantities", index), quantity.mention
