"""The story report: one event as its articles tell it, for a person to read.

`dateline report` and the story screen's "Report this story" build a `Report`
here and render it with `markdown.render` (for GitHub, or any Markdown
viewer) or `html.render` (one self-contained file, for a browser or paper).
Both show, for each story: the sources (each article, numbered, with its
date, site and link), the timeline (each date with every article that gives
it, and the sentence it stands in), who's who with roles, figures side by
side (agree or differ) and quotes by speaker. Every line names its place in
its article (`Ref`): the source number, and the paragraph and characters of
the article's text that it quotes (0-based, as in the export), so a reader
can check it and a script can find it.

Article text is data here: the renderers escape every piece of it (see
`markdown.text`, `html.text`). Nothing here imports Textual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline import __version__
from dateline.facts.base import DateFact
from dateline.facts.display import day, number, period
from dateline.model.article import Article
from dateline.model.sanitize import inert
from dateline.stories import FigureGroup, Story, TimelineEntry

FORMATS = ("markdown", "html")
# What a report file is called by its format, and the format by a file's suffix.
SUFFIXES = {"markdown": ".md", "html": ".html"}
FORMAT_OF_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
# Only these links from an article's metadata become links in a report: a
# `javascript:` or `file:` link from an untrusted file is shown, never followed.
WEB_SCHEMES = ("http://", "https://")


def plain(text: object) -> str:
    """Untrusted text on one line: control characters made visible (as the
    reader shows them) and line breaks made spaces, so that no text can end a
    Markdown table row or list item, or start a line of its own."""
    flat = inert(str(text))
    for separator in ("\n", "\t", "\u2028", "\u2029"):
        flat = flat.replace(separator, " ")
    return flat


@dataclass(slots=True, frozen=True)
class ReportSource:
    """One article of a story, as the report lists it: `number` is what every
    line of the report names it by ([1], [2], ... oldest first)."""

    number: int
    article_id: str
    date: dt.date | None
    title: str
    site: str  # the site or feed it came from, "" when unknown
    url: str | None  # a web link (http or https only), else None
    link_text: str | None  # the article's link as given, when it is not a web link
    path: str

    @property
    def anchor(self) -> str:
        return f"source-{self.number}"


@dataclass(slots=True, frozen=True)
class Ref:
    """Where a line of the report stands: an article and a span of one of its
    paragraphs (0-based paragraph and characters, as in the export)."""

    source: ReportSource
    paragraph: int
    start_char: int
    end_char: int

    @property
    def label(self) -> str:
        """For a person: the source and the paragraph counted from 1."""
        return f"[{self.source.number}] ¶{self.paragraph + 1}"

    @property
    def place(self) -> str:
        """For a script: article id, paragraph and characters."""
        return f"{self.source.article_id} {self.paragraph}:{self.start_char}-{self.end_char}"


@dataclass(slots=True, frozen=True)
class StoryReport:
    """A story with its articles numbered. `grouped` is False for articles
    reported together without forming a story (a query's matches)."""

    story: Story
    sources: tuple[ReportSource, ...]
    grouped: bool = True

    def source(self, article_id: str) -> ReportSource:
        for source in self.sources:
            if source.article_id == article_id:
                return source
        # A story's lines all come from its articles; a stray id still gets a line.
        return ReportSource(0, article_id, None, article_id, "", None, None, "")

    def ref(self, article_id: str, paragraph: int, start: int, end: int) -> Ref:
        return Ref(self.source(article_id), paragraph, start, end)

    @property
    def span(self) -> str:
        """The dates of its first and last article."""
        dates = [source.date for source in self.sources if source.date is not None]
        if not dates:
            return "dates unknown"
        first, last = min(dates), max(dates)
        return day(first) if first == last else f"{day(first)} to {day(last)}"


@dataclass(slots=True, frozen=True)
class Report:
    """A report document: a title, what it covers, and its stories."""

    title: str
    stories: tuple[StoryReport, ...]
    notes: tuple[str, ...] = ()  # what was asked and what was left out, in words
    generator: str = f"dateline {__version__}"


def story_report(
    story: Story, articles: Mapping[str, Article], *, grouped: bool = True
) -> StoryReport:
    """The story with each of its articles (`articles` by id) numbered, oldest first."""
    sources = []
    for number_, article_id in enumerate(story.article_ids, start=1):
        article = articles.get(article_id)
        if article is None:
            sources.append(ReportSource(number_, article_id, None, article_id, "", None, None, ""))
            continue
        metadata = article.metadata
        link = (metadata.get("url") or "").strip()
        web = link if link.lower().startswith(WEB_SCHEMES) else None
        sources.append(
            ReportSource(
                number=number_,
                article_id=article_id,
                date=article.date,
                title=article.title,
                site=metadata.get("source") or metadata.get("feed") or "",
                url=web,
                link_text=link if link and web is None else None,
                path=article.path.as_posix(),
            )
        )
    return StoryReport(story, tuple(sources), grouped)


def story_document(
    reports: Sequence[StoryReport], notes: Sequence[str] = (), *, title: str | None = None
) -> Report:
    """One story's report (under its title), or several under one title."""
    if title is None:
        title = reports[0].story.title if len(reports) == 1 else f"{len(reports)} stories"
    return Report(title=title, stories=tuple(reports), notes=tuple(notes))


# --- Words shared by both renderers -------------------------------------------------


def when(entry: TimelineEntry) -> str:
    """A timeline entry's period as a person reads it ("Fri 27 Jan 2017")."""
    return period(DateFact("", 0, 0, 0, entry.granularity, entry.start, entry.end, entry.value))


def figure_value(group: FigureGroup, value: float | int, approximate: bool) -> str:
    """A figure's value with its unit: "£5,000,000 GBP" reads as "5,000,000 GBP"."""
    approx = "≈" if approximate else ""
    if group.kind == "percent":
        return f"{approx}{number(value)}%"
    return f"{approx}{number(value)} {group.unit}".rstrip()


def count(amount: int, noun: str) -> str:
    if amount == 1:
        return f"{amount} {noun}"
    return f"{amount} {noun[:-1]}ies" if noun.endswith("y") else f"{amount} {noun}s"


def render(report: Report, fmt: str) -> str:
    """The report as Markdown or HTML."""
    if fmt == "markdown":
        from dateline.output import markdown

        return markdown.render(report)
    if fmt == "html":
        from dateline.output import html

        return html.render(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
