"""The story report as GitHub-flavoured Markdown.

Article text (headlines, sentences, names, roles, quotes, sites, ids) goes
through `text`, which makes it inert: every character that Markdown acts on
inline is escaped with a backslash, `http://` and `www.` are broken so GitHub
makes no link of them, an e-mail address gets an invisible word joiner after
its `@` (GitHub links addresses after escapes are read; nothing else stops
it), control characters are shown as their pictures and line breaks become
spaces, so no text ends a table row or list item. Raw HTML never comes from
an article: `<` is escaped like the rest. The only links are those Dateline
makes: an article's own web address (http or https, percent-encoded so it
cannot end the link early) in the list of sources."""

from __future__ import annotations

import re
from urllib.parse import quote

from dateline.output.report import (
    Ref,
    Report,
    StoryReport,
    count,
    figure_value,
    plain,
    when,
)

# Inline markup (emphasis, code, links and images, raw HTML and autolinks,
# entities, strikethrough, table cells) and `#` (headings, issue links).
_MARKUP = re.compile(r"[\\`*_\[\]<>#|~&]")
# GitHub's extended autolinks: a scheme before `//`, and `www.`.
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")
_WWW = re.compile(r"(?i)\b(www)\.")
_EMAIL_AT = re.compile(r"@(?=[\w.+-])")
# A line can start with what follows a list marker: keep it from starting a
# block of its own (a list, a heading underline, a numbered list).
_BLOCK_START = re.compile(r"^([-+=]|\d+[.)])")
WORD_JOINER = "\u2060"


def text(value: object) -> str:
    """Untrusted text as inert Markdown: it renders as exactly these characters."""
    out = _MARKUP.sub(lambda match: "\\" + match.group(0), plain(value).strip())
    out = _SCHEME.sub(r"\1\\:", out)
    out = _WWW.sub(r"\1\\.", out)
    out = _EMAIL_AT.sub("@" + WORD_JOINER, out)
    return _BLOCK_START.sub(lambda match: _escape_block_start(match.group(1)), out)


def _escape_block_start(start: str) -> str:
    return "\\" + start if len(start) == 1 else start[:-1] + "\\" + start[-1]


def url(address: str) -> str:
    """A web address as a link destination: every character that could end it
    (a space, a parenthesis, a bracket, a pipe in a table) percent-encoded."""
    return quote(plain(address).strip(), safe="/:?#&=+;,%@!$~*")


def _ref(ref: Ref) -> str:
    return text(ref.label)


def render(report: Report) -> str:
    lines: list[str] = [f"# {text(report.title)}", ""]
    several = len(report.stories) > 1
    if several or report.notes:
        lines += [text(note) + "  " for note in report.notes]
        if several:
            lines.append(
                "Stories: "
                + "; ".join(
                    f"{index}. {text(story.story.title)}"
                    for index, story in enumerate(report.stories, 1)
                )
            )
        lines.append("")
    for story in report.stories:
        titled = several or report.title != story.story.title
        _story(lines, story, level=3 if titled else 2, with_title=titled)
    lines.append(f"_Made by {text(report.generator)}._")
    return "\n".join(lines).rstrip() + "\n"


def _story(lines: list[str], story: StoryReport, *, level: int, with_title: bool) -> None:
    h2, h3 = "#" * (level - 1), "#" * level
    h4 = "#" * (level + 1)
    if with_title:
        lines += [f"{h2} {text(story.story.title)}", ""]
    what = "Story" if story.grouped else "Articles reported together (no story)"
    lines += [
        f"{what} {text(story.story.id)}: {count(len(story.sources), 'article')},"
        f" {text(story.span)}.",
        "",
    ]
    _sources(lines, story, h3)
    _timeline(lines, story, h3, h4)
    _who(lines, story, h3, h4)
    _figures(lines, story, h3, h4)
    _quotes(lines, story, h3, h4)


def _sources(lines: list[str], story: StoryReport, h3: str) -> None:
    lines += [f"{h3} Sources", ""]
    lines += [
        "| # | date | headline | site | article | link |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for source in story.sources:
        if source.url:
            link = f"[link]({url(source.url)})"
        elif source.link_text:
            link = f"not a web link: {text(source.link_text)}"
        else:
            link = ""
        date = source.date.isoformat() if source.date else "undated"
        lines.append(
            f"| {source.number} | {date} | {text(source.title)} | {text(source.site)}"
            f" | {text(source.article_id)} | {link} |"
        )
    lines.append("")


def _timeline(lines: list[str], story: StoryReport, h3: str, h4: str) -> None:
    lines += [f"{h3} Timeline", ""]
    if not story.story.timeline:
        lines += ["No dates in these articles.", ""]
        return
    for entry in story.story.timeline:
        articles = len(entry.article_ids)
        also = f" · {count(articles, 'article')}" if articles > 1 else ""
        lines += [f"{h4} {text(when(entry))} ({entry.granularity.replace('_', ' ')}){also}", ""]
        for source in entry.sources:
            ref = story.ref(source.article_id, source.paragraph, source.start_char, source.end_char)
            lines.append(f"- {_ref(ref)} “{text(source.text)}”: {text(source.sentence)}")
        lines.append("")


def _who(lines: list[str], story: StoryReport, h3: str, h4: str) -> None:
    lines += [f"{h3} Who's who", ""]
    for heading, entities in (
        ("People", story.story.people),
        ("Organisations", story.story.organizations),
    ):
        lines += [f"{h4} {heading}", ""]
        if not entities:
            lines += [f"No {heading.casefold()} named.", ""]
            continue
        for entity in entities:
            named = ", ".join(f"\\[{story.source(a).number}\\]" for a in entity.article_ids)
            lines.append(f"- **{text(entity.name)}**, named in {named}")
            for role in entity.roles:
                stated = ", ".join(f"\\[{story.source(a).number}\\]" for a in role.article_ids)
                lines.append(f"  - {text(role.role)} ({stated})")
        lines.append("")


def _figures(lines: list[str], story: StoryReport, h3: str, h4: str) -> None:
    lines += [f"{h3} Figures side by side", ""]
    if not story.story.figures:
        lines += ["No figure is given by more than one article.", ""]
        return
    for group in story.story.figures:
        verdict = "agree" if group.agree else "differ"
        about = f": {text(' '.join(group.topic))}" if group.topic else ""
        lines += [f"{h4} {text(group.unit)} ({group.kind}), they {verdict}{about}", ""]
        lines += ["| source | as written | value | sentence |", "| --- | --- | ---: | --- |"]
        for figure in group.figures:
            ref = story.ref(figure.article_id, figure.paragraph, figure.start_char, figure.end_char)
            value = figure_value(group, figure.value, figure.approximate)
            lines.append(
                f"| {_ref(ref)} | {text(figure.text)} | {text(value)} | {text(figure.sentence)} |"
            )
        lines.append("")


def _quotes(lines: list[str], story: StoryReport, h3: str, h4: str) -> None:
    lines += [f"{h3} Quotes by speaker", ""]
    if not story.story.quotes:
        lines += ["No quotes in these articles.", ""]
        return
    for group in story.story.quotes:
        lines += [f"{h4} {text(group.speaker or 'Unknown speaker')}", ""]
        for quote_ in group.quotes:
            ref = story.ref(quote_.article_id, quote_.paragraph, quote_.start_char, quote_.end_char)
            date = f", {quote_.article_date.isoformat()}" if quote_.article_date else ""
            partial = " (a fragment)" if quote_.partial else ""
            lines.append(f"- {_ref(ref)}{date}: “{text(quote_.text)}”{partial}")
        lines.append("")
