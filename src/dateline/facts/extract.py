"""Run every extractor over one article and gather the results.

An extractor that fails on odd text must not take the article down with it:
its failure becomes a problem on the facts, shown as a warning.

Facts are found in the first `MAX_FACT_CHARS` characters of the text only,
and a problem on the facts says so when an article is longer. Extraction
takes about 1.5 s a million characters (measured: benchmarks/huge_article.py),
so a 20 MB article would keep its facts away for half a minute and hold a
core meanwhile; the longest real news articles run to about 200,000
characters, well inside the bound."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from dateline.facts.base import ArticleFacts
from dateline.facts.dates import find_dates
from dateline.facts.entities import find_entities
from dateline.facts.quantities import find_quantities
from dateline.facts.quotes import find_quotes
from dateline.facts.text import ArticleText
from dateline.model.article import Article

T = TypeVar("T")

MAX_FACT_CHARS = 500_000
# Where a paragraph cut at the bound ends: after a sentence, else after a space.
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s+")


def within_bound(paragraphs: Sequence[str], limit: int) -> tuple[str, ...]:
    """The paragraphs up to `limit` characters in all. The paragraph that
    crosses the limit is cut after its last sentence before it (else after its
    last space), so no fact is found in half a word; every offset into what is
    kept is an offset into the whole paragraph too."""
    kept: list[str] = []
    room = limit
    for paragraph in paragraphs:
        if len(paragraph) <= room:
            kept.append(paragraph)
            room -= len(paragraph)
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(paragraph, 0, room)]
        cut = ends[-1] if ends else paragraph.rfind(" ", 0, room) + 1 or room
        if cut:
            kept.append(paragraph[:cut])
        break
    return tuple(kept)


def extract_facts(article: Article, limit: int = MAX_FACT_CHARS) -> ArticleFacts:
    """The article's facts, from its first `limit` characters."""
    facts = ArticleFacts()
    for facts in extract_in_stages(article, limit):  # noqa: B007 - the last is all of them
        pass
    return facts


def extract_in_stages(article: Article, limit: int = MAX_FACT_CHARS) -> Iterator[ArticleFacts]:
    """The article's facts as they are found: after each extractor, all found
    so far. A worker process reports each stage, so that an article stopped
    for taking too long keeps what was found before (facts/workers.py)."""
    paragraphs = article.paragraphs
    problems: list[str] = []
    size = sum(len(paragraph) for paragraph in paragraphs)
    if size > limit:
        paragraphs = within_bound(paragraphs, limit)
        problems.append(
            f"facts were found in the first {limit:,} characters only (the article has {size:,})"
        )

    def guarded(kind: str, run: Callable[[], T], empty: T) -> T:
        try:
            return run()
        except Exception as error:
            problems.append(f"{kind} could not be extracted: {type(error).__name__}: {error}")
            return empty

    # One text layer (sentences, words, casing) for every extractor.
    text = ArticleText(paragraphs)
    dates, durations = guarded("dates", lambda: find_dates(text, article.date), ([], []))
    facts = ArticleFacts(dates=tuple(dates), durations=tuple(durations), problems=tuple(problems))
    yield facts
    quantities = guarded("quantities", lambda: find_quantities(text), [])
    facts = replace(facts, quantities=tuple(quantities), problems=tuple(problems))
    yield facts
    people, organizations, places = guarded(
        "people, organisations and places", lambda: find_entities(text), ([], [], [])
    )
    facts = replace(
        facts,
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
        problems=tuple(problems),
    )
    yield facts
    quotes = guarded("quotes", lambda: find_quotes(text, people, organizations), [])
    yield replace(facts, quotes=tuple(quotes), problems=tuple(problems))
