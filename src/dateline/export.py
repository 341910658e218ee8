"""The facts export (version 1), as specified in shared/spec/export.md.

A public interface: fields may be added, never renamed or removed without a
new `version`. Imports nothing from Textual so that scripts pay only for the
model and the facts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline import __version__
from dateline.facts.base import ArticleFacts
from dateline.facts.extract import extract_facts
from dateline.facts.serialize import export_facts
from dateline.model.article import Article

EXPORT_VERSION = 1
FORMATS = ("json", "yaml", "markdown")


def export_document(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts] | None = None,
    *,
    root: Path | None = None,
) -> dict[str, Any]:
    """The export as plain data. `facts` defaults to extracting them now."""
    if facts is None:
        facts = [extract_facts(article) for article in articles]
    return {
        "version": EXPORT_VERSION,
        "generator": f"dateline {__version__}",
        "articles": [
            _article(article, article_facts, root)
            for article, article_facts in zip(articles, facts, strict=True)
        ],
        # Stories (articles about one event) are not grouped yet: an empty list
        # keeps the field's type stable for readers of the format.
        "stories": [],
    }


def _article(article: Article, facts: ArticleFacts, root: Path | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": _display_path(article.path, root),
        "date": article.date.isoformat() if article.date else None,
        "title": article.title,
        "credits": list(article.credits),
        "captions": list(article.captions),
        "word_count": article.word_count,
        "reading_minutes": article.reading_minutes,
        "paragraphs": list(article.paragraphs),
        "warnings": [*article.warnings, *facts.problems],
        "metadata": dict(article.metadata),
        "facts": export_facts(facts),
    }


def _display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def render(document: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    if fmt == "markdown":
        return render_markdown(document)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _md(text: object) -> str:
    """Article text in Markdown is data: escape what Markdown would act on."""
    out = str(text)
    for char in "\\`*_[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def render_markdown(document: dict[str, Any]) -> str:
    lines: list[str] = [f"# Dateline facts export (version {document['version']})", ""]
    for article in document["articles"]:
        lines += [f"## {_md(article['title'])}", ""]
        lines.append(f"- id: `{article['id']}`; date: {article['date'] or 'unknown'}")
        lines.append(f"- {article['word_count']} words, from {_md(article['path'])}")
        lines += [f"- credit: {_md(c)}" for c in article["credits"]]
        lines += [f"- warning: {_md(w)}" for w in article["warnings"]]
        lines.append("")
        facts = article["facts"]
        _md_section(
            lines,
            "People",
            (
                f"{_md(p['name'])}" + (f", {_md(p['role'])}" if p["role"] else "")
                for p in facts["people"]
            ),
        )
        _md_section(lines, "Organisations", (_md(o["name"]) for o in facts["organizations"]))
        _md_section(lines, "Places", (_md(p["name"]) for p in facts["places"]))
        _md_section(
            lines,
            "Dates",
            (f"{_md(d['text'])} → {_md_period(d)} ({d['granularity']})" for d in facts["dates"]),
        )
        _md_section(lines, "Durations", (_md(d["text"]) for d in facts["durations"]))
        _md_section(
            lines,
            "Quantities",
            (
                f"{_md(q['text'])}: {q['kind']} {q['value']:g} {_md(q['unit'])}"
                + (" (approximate)" if q["approximate"] else "")
                for q in facts["quantities"]
            ),
        )
        _md_section(
            lines,
            "Quotes",
            (
                f"“{_md(q['text'])}” — {_md(q['speaker'] or 'unknown speaker')}"
                + (" (partial)" if q["partial"] else "")
                for q in facts["quotes"]
            ),
        )
    return "\n".join(lines).rstrip() + "\n"


def _md_period(date: dict[str, Any]) -> str:
    if date["value"]:
        return str(date["value"])
    if date["start"] == date["end"]:
        return str(date["start"])
    return f"{date['start']} to {date['end']}"


def _md_section(lines: list[str], heading: str, items: Iterable[str]) -> None:
    entries = list(items)
    if not entries:
        return
    lines += [f"### {heading}", ""]
    lines += [f"- {entry}" for entry in entries]
    lines.append("")
