"""The facts export (version 1), as specified in shared/spec/export.md.

A public interface: fields may be added, never renamed or removed without a
new `version`. Imports nothing from Textual so that scripts pay only for the
model and the facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from json.encoder import encode_basestring as _encode_string
from pathlib import Path
from typing import Any

from dateline import __version__
from dateline.facts.base import ArticleFacts
from dateline.facts.serialize import export_facts
from dateline.model.article import Article
from dateline.stories import FigureGroup, Source, SpeakerQuotes, Story, StoryEntity, group_stories

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
        # Imported here: `dateline export` finds facts in worker processes, or
        # takes them from the cache, and need not import the extractors.
        from dateline.facts.extract import extract_facts

        facts = [extract_facts(article) for article in articles]
    stories = group_stories(list(zip(articles, facts, strict=True)))
    return {
        "version": EXPORT_VERSION,
        "generator": f"dateline {__version__}",
        "articles": [
            _article(article, article_facts, root)
            for article, article_facts in zip(articles, facts, strict=True)
        ],
        # Articles about one event, with their merged timeline (dateline.stories).
        "stories": [_story(story) for story in stories],
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


def _story(story: Story) -> dict[str, Any]:
    """A story in the export. Each timeline item is one date of the story: the
    spec's fields come from its first source (the oldest article), and
    `sources` lists every article's mention of that date, the first included,
    each with `paragraphs[paragraph][start_char:end_char] == text` in its
    article. Who's who, figures and quotes are fields beyond the spec's."""
    return {
        "id": story.id,
        # The story's place in this export, newest first: for display, not to keep.
        "number": story.number,
        "title": story.title,
        "articles": list(story.article_ids),
        "timeline": [
            {
                "start": entry.start.isoformat(),
                "end": entry.end.isoformat(),
                "granularity": entry.granularity,
                "value": entry.value,
                **_source(entry.sources[0]),
                "sources": [_source(source) for source in entry.sources],
            }
            for entry in story.timeline
        ],
        "people": [_story_entity(person) for person in story.people],
        "organizations": [_story_entity(organization) for organization in story.organizations],
        "figures": [_figure_group(group) for group in story.figures],
        "quotes": [_speaker_quotes(group) for group in story.quotes],
    }


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _source(source: Source) -> dict[str, Any]:
    return {
        "text": source.text,
        "article": source.article_id,
        "paragraph": source.paragraph,
        "start_char": source.start_char,
        "end_char": source.end_char,
        "sentence": source.sentence,
        "article_date": _iso(source.article_date),
    }


def _story_entity(entity: StoryEntity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "roles": [{"role": role.role, "articles": list(role.article_ids)} for role in entity.roles],
        "articles": list(entity.article_ids),
    }


def _figure_group(group: FigureGroup) -> dict[str, Any]:
    return {
        "kind": group.kind,
        "unit": group.unit,
        "topic": list(group.topic),
        "agree": group.agree,
        "figures": [
            {
                "text": figure.text,
                "value": figure.value,
                "approximate": figure.approximate,
                "article": figure.article_id,
                "article_date": _iso(figure.article_date),
                "paragraph": figure.paragraph,
                "start_char": figure.start_char,
                "end_char": figure.end_char,
                "sentence": figure.sentence,
            }
            for figure in group.figures
        ],
    }


def _speaker_quotes(group: SpeakerQuotes) -> dict[str, Any]:
    return {
        "speaker": group.speaker,
        "quotes": [
            {
                "text": quote.text,
                "article": quote.article_id,
                "article_date": _iso(quote.article_date),
                "paragraph": quote.paragraph,
                "start_char": quote.start_char,
                "end_char": quote.end_char,
                "partial": quote.partial,
            }
            for quote in group.quotes
        ],
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
        return json_indented(document) + "\n"
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    if fmt == "markdown":
        return render_markdown(document)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def json_indented(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, the same text, three
    to four times faster.

    With `indent`, the standard library encodes in Python, a generator per
    level: 14 MB of export for 400 articles took 0.6 s, most of an export from
    the cache. Here each value is appended to one list, strings through the
    standard library's own C escaper, numbers as it writes them."""
    parts: list[str] = []
    _json_value(value, parts.append, "\n")
    return "".join(parts)


def _json_value(value: object, add: Callable[[str], None], newline: str) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            add("{}")
            return
        inner = newline + "  "
        before = "{" + inner
        between = "," + inner
        for key, item in value.items():  # type: ignore[attr-defined]
            add(before)
            before = between
            add(_encode_string(key if type(key) is str else _json_key(key)))
            # The common leaves here, not a call each: most of an export is
            # mentions of three numbers.
            item_kind = type(item)
            if item_kind is int:
                add(": " + int.__repr__(item))
            elif item_kind is str:
                add(": " + _encode_string(item))
            else:
                add(": ")
                _json_value(item, add, inner)
        add(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            add("[]")
            return
        inner = newline + "  "
        before = "[" + inner
        between = "," + inner
        for item in value:  # type: ignore[attr-defined]
            add(before)
            before = between
            if type(item) is str:
                add(_encode_string(item))
            else:
                _json_value(item, add, inner)
        add(newline + "]")
    elif kind is str:
        add(_encode_string(value))  # type: ignore[arg-type]
    elif value is None:
        add("null")
    elif value is True:
        add("true")
    elif value is False:
        add("false")
    elif isinstance(value, int):
        add(int.__repr__(value))
    elif isinstance(value, float):
        add(_json_float(value))
    elif isinstance(value, str):
        add(_encode_string(value))
    elif isinstance(value, dict | list | tuple):  # a subclass: as its base
        _json_value(dict(value) if isinstance(value, dict) else list(value), add, newline)
    else:
        raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


def _json_key(key: object) -> str:
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _json_float(key)
    if isinstance(key, str):
        return str(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _json_float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


_INFINITY = float("inf")


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
                f"{_md(q['text'])}: {q['kind']} {_md_number(q['value'])} {_md(q['unit'])}"
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
    for story in document.get("stories", []):
        _md_story(lines, story)
    return "\n".join(lines).rstrip() + "\n"


def _md_story(lines: list[str], story: dict[str, Any]) -> None:
    lines += [f"## Story {story['id']}: {_md(story['title'])}", ""]
    lines.append("- articles: " + ", ".join(f"`{article}`" for article in story["articles"]))
    lines.append("")
    _md_section(
        lines,
        "Timeline",
        (
            f"{_md_period(entry)} ({entry['granularity']}): "
            + "; ".join(
                f"{_md(source['text'])} in `{source['article']}`" for source in entry["sources"]
            )
            for entry in story["timeline"]
        ),
    )
    _md_section(
        lines,
        "Who's who",
        (
            _md(entity["name"])
            + "".join(f", {_md(role['role'])}" for role in entity["roles"])
            + f" (in {_md_count(len(entity['articles']), 'article')})"
            for entity in [*story["people"], *story["organizations"]]
        ),
    )
    _md_section(
        lines,
        "Figures",
        (
            f"{group['kind']} {_md(group['unit'])} ({'agree' if group['agree'] else 'differ'}): "
            + "; ".join(
                f"{_md(figure['text'])} in `{figure['article']}`" for figure in group["figures"]
            )
            for group in story["figures"]
        ),
    )
    _md_section(
        lines,
        "Quotes",
        (
            f"{_md(group['speaker'] or 'unknown speaker')}: "
            + "; ".join(
                f"“{_md(quote['text'])}” (`{quote['article']}`)" for quote in group["quotes"]
            )
            for group in story["quotes"]
        ),
    )


def _md_number(value: float | int) -> str:
    """A value as `g` writes it; an integer too large for a float is written
    through Decimal, which takes any size."""
    try:
        return f"{value:g}"
    except OverflowError:
        return f"{Decimal(value).normalize():.6g}"


def _md_count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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
