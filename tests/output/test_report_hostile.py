"""Article text in a report is data: nothing from an article becomes markup,
a link or a script, in the Markdown (as GitHub renders it) or the HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.facts.base import ArticleFacts, DateFact, Entity, Mention, Quantity, Quote
from dateline.model.article import Article
from dateline.output.markdown import WORD_JOINER
from dateline.output.report import Report, plain, render, story_document, story_report
from dateline.stories import build_story
from tests.output.test_report import Page, github

SCRIPT = "<script>alert('pwned')</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[click](javascript:alert(1))"
BROKEN_OUT = "](javascript:alert(1))"
LINK = "[link](http://evil.example/x)"
IMAGE = "![pic](http://evil.example/p.png)"
AUTOLINKS = "see http://evil.example, www.evil.example and mallory@evil.example"
ANGLE_LINK = "<https://evil.example>"
TICKS = "`code` and ``` fence"
PIPES = "a | b || c"
EMPHASIS = "**bold** _em_ ~~gone~~ ~gone~"
ENTITY = "&lt;b&gt; &amp; &#60;i&#62;"
CONTROLS = "bell\x07 escape\x1b[2J nul\x00 c1\x9b end"
BLOCKS = "# heading\n- item\n+ plus\n2) second\n> quote\n    code"
NUMBERED = "1. first\n=====\n---"
ATTRIBUTE = '" onmouseover="alert(1)" x="'
HOSTILE = [SCRIPT, IMG, JS_LINK, BROKEN_OUT, LINK, IMAGE, AUTOLINKS, ANGLE_LINK, TICKS, PIPES,
           EMPHASIS, ENTITY, CONTROLS, BLOCKS, ATTRIBUTE, NUMBERED]  # fmt: skip
SAFE_URL = "https://news.example/strike?id=1&x=(2)"


def _article(number: int, paragraphs: list[str], url: str, site: str) -> Article:
    return Article(
        id=f"hostile{number} {ATTRIBUTE}`|",
        path=Path(f"hostile{number}.md"),
        date=dt.date(2017, 1, 17 + number),
        title=f"Headline {number}: {SCRIPT} {JS_LINK} {PIPES}",
        paragraphs=tuple(paragraphs),
        metadata={"url": url, "source": f"{site} {IMG}"},
    )


def _facts(paragraphs: list[str]) -> ArticleFacts:
    """A date, a figure, a quote, a person and an organisation for every
    hostile piece, each where the text has it."""
    dates, figures, quotes = [], [], []
    for index, paragraph in enumerate(paragraphs):
        at = paragraph.index("27 January")
        dates.append(
            DateFact(
                "27 January", index, at, at + 10, "day",
                dt.date(2017, 1, 27), dt.date(2017, 1, 27), "2017-01-27",
            )
        )  # fmt: skip
        at = paragraph.index("£5m")
        figures.append(Quantity("£5m", index, at, at + 3, "money", 5_000_000 + index, "GBP"))
        quotes.append(Quote(paragraph[:20], index, 0, 20, speaker=f"{SCRIPT} {LINK}"))
    person = Entity(
        f"Paul {JS_LINK} Holmes", "person", (Mention(0, 0, 4),), role=f"{TICKS} {EMPHASIS}"
    )
    organisation = Entity(f"Unison {IMAGE}", "organization", (Mention(0, 0, 4),))
    # A sentence ends after "1.": a name does not.
    numbered = Entity(NUMBERED, "person", (Mention(0, 0, 4),))
    return ArticleFacts(
        dates=tuple(dates),
        quantities=tuple(figures),
        quotes=tuple(quotes),
        people=(person, numbered),
        organizations=(organisation,),
    )


@pytest.fixture(scope="module")
def hostile_report() -> Report:
    items = []
    for number, (url, site) in enumerate(
        ((SAFE_URL, "Gazette"), ("javascript:alert(document.cookie)", "Echo")), start=1
    ):
        paragraphs = [
            f"{piece} The strike on 27 January costs £5m on agency staff for the council, "
            f"said {piece}"
            for piece in HOSTILE
        ]
        article = _article(number, paragraphs, url, site)
        items.append((article, _facts(paragraphs)))
    story = build_story(items)
    assert story.figures and story.timeline and story.quotes
    articles = {article.id: article for article, _ in items}
    return story_document([story_report(story, articles)], notes=[f"Query: {SCRIPT} {LINK}"])


# Tags that Dateline itself writes, in each format.
MARKDOWN_TAGS = {"h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td",
                 "ul", "li", "strong", "em", "a", "br"}  # fmt: skip
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "footer", "article",
             "section", "h1", "h2", "h3", "h4", "p", "ol", "ul", "li", "strong", "code", "a",
             "q", "mark", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "svg",
             "line", "circle", "text", "g", "nav"}  # fmt: skip


def _shown(piece: str) -> list[str]:
    """How a piece reads once made inert: control characters as pictures,
    line breaks as spaces; line by line (a line may end a sentence)."""
    return [plain(line).strip() for line in piece.splitlines()]


def test_markdown_on_github_shows_hostile_text_as_text(hostile_report: Report) -> None:
    page = Page(github(render(hostile_report, "markdown")))
    assert {tag for tag, _ in page.tags} <= MARKDOWN_TAGS
    links = [attrs["href"] for attrs in page.named("a")]
    # The one link is the first article's own web address; the javascript:
    # one is shown as text, never linked.
    assert links == ["https://news.example/strike?id=1&x=%282%29"]
    # An address keeps an invisible word joiner after its `@`: GitHub would link it.
    assert "mallory@\u2060evil.example" in page.text
    text = page.text.replace(WORD_JOINER, "")
    for piece in HOSTILE:
        for line in _shown(piece):
            assert line in text, piece
    assert len(page.named("h1")) == 1
    assert "javascript:alert(document.cookie)" in text
    assert "\x1b" not in text and "\x07" not in text and "␛[2J" in text


def test_html_shows_hostile_text_as_text(hostile_report: Report) -> None:
    document = render(hostile_report, "html")
    page = Page(document)
    assert {tag for tag, _ in page.tags} <= HTML_TAGS
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    external = [
        attrs["href"] for attrs in page.named("a") if not (attrs["href"] or "").startswith("#")
    ]
    assert external == [SAFE_URL]
    for piece in HOSTILE:
        for line in _shown(piece):
            assert line in page.text, piece
    assert len(page.named("h1")) == 1
    assert "<script" not in document.casefold()
    assert "\x1b" not in document and "\x00" not in document


def test_an_id_cannot_leave_its_attribute(hostile_report: Report) -> None:
    page = Page(render(hostile_report, "html"))
    articles = {attrs["data-article"] for _, attrs in page.tags if "data-article" in attrs}
    assert articles == {f"hostile{n} {ATTRIBUTE}`|" for n in (1, 2)}
