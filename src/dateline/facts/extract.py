"""Run every extractor over one article and gather the results.

An extractor that fails on odd text must not take the article down with it:
its failure becomes a problem on the facts, shown as a warning."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from dateline.facts.base import ArticleFacts
from dateline.facts.dates import find_dates
from dateline.facts.entities import find_entities
from dateline.facts.quantities import find_quantities
from dateline.facts.quotes import find_quotes
from dateline.model.article import Article

T = TypeVar("T")


def extract_facts(article: Article) -> ArticleFacts:
    paragraphs = article.paragraphs
    problems: list[str] = []

    def guarded(kind: str, run: Callable[[], T], empty: T) -> T:
        try:
            return run()
        except Exception as error:
            problems.append(f"{kind} could not be extracted: {type(error).__name__}: {error}")
            return empty

    dates, durations = guarded("dates", lambda: find_dates(paragraphs, article.date), ([], []))
    quantities = guarded("quantities", lambda: find_quantities(paragraphs), [])
    people, organizations, places = guarded(
        "people, organisations and places", lambda: find_entities(paragraphs), ([], [], [])
    )
    quotes = guarded("quotes", lambda: find_quotes(paragraphs, people, organizations), [])
    return ArticleFacts(
        dates=tuple(dates),
        durations=tuple(durations),
        quantities=tuple(quantities),
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
        quotes=tuple(quotes),
        problems=tuple(problems),
    )
