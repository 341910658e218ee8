"""The story report as one self-contained HTML file.

No script, no font, no image, no style sheet from anywhere else: the CSS is
in the file, the timeline is inline SVG (`svg.py`), and a Content Security
Policy in the head tells the browser to load nothing at all, so that even a
mistake here could not fetch or run anything. It prints: a print style sheet
keeps entries whole on a page and writes each source's web address after it.

Every piece of article text goes through `text` (html.escape, quotes too,
with control characters made visible and line breaks made spaces), in
element content and attributes alike. The only links that leave the file
are the articles' own web addresses (http and https only), in the list of
sources; every other link is to an anchor in the file. Each line that quotes
an article has an id of its own, links to its source, and carries its exact
place (`data-article`, `data-paragraph`, `data-start`, `data-end`: 0-based,
as in the export)."""

from __future__ import annotations

from html import escape

from dateline.output.report import (
    Ref,
    Report,
    StoryReport,
    count,
    figure_value,
    plain,
    when,
)
from dateline.output.svg import phase, timeline_svg


def text(value: object) -> str:
    """Untrusted text as HTML that shows exactly these characters."""
    return escape(plain(value), quote=True)


def _attribute_url(address: str) -> str:
    return escape(plain(address).strip(), quote=True)


CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4da; --mark: #fff2a8;
  --before: #6b7c93; --during: #1a73e8; --after: #d93025; --agree: #188038; --differ: #c5221f; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto;
  max-width: 54rem; padding: 1.5rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.4rem; border-top: 2px solid var(--ink); padding-top: .75rem; }
h3 { font-size: 1.15rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.summary, .notes, footer, .none { color: var(--muted); }
ul, ol { padding-left: 1.25rem; }
li { margin: .2rem 0; }
.ref { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; font-weight: bold;
  text-decoration: none; color: var(--muted); white-space: nowrap; }
.ref:hover, li:target { background: var(--mark); }
mark { background: var(--mark); color: inherit; }
q { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .4rem; text-align: left;
  vertical-align: top; }
td.number { text-align: right; white-space: nowrap; }
.verdict { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; font-weight: bold;
  text-transform: uppercase; padding: 0 .3rem; border: 1px solid; border-radius: 3px; }
.agree { color: var(--agree); } .differ { color: var(--differ); }
.role { color: var(--muted); }
.chart { overflow-x: auto; margin: .5rem 0 1rem; }
svg.timeline-chart { max-width: 100%; height: auto; font-family: "Helvetica Neue", Arial,
  sans-serif; font-size: 11px; }
svg .axis { stroke: var(--rule); stroke-width: 2; }
svg .before circle { fill: var(--before); } svg .during circle { fill: var(--during); }
svg .after circle { fill: var(--after); }
svg text { fill: var(--ink); } svg .count { font-weight: bold; }
svg a:hover circle { stroke: var(--ink); stroke-width: 2; }
.phase { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%;
  margin-right: .3rem; }
.phase.before { background: var(--before); } .phase.during { background: var(--during); }
.phase.after { background: var(--after); }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .sources a.web::after { content: " <" attr(href) ">"; font-size: 9pt; word-break: break-all; }
  h2, h3, h4 { break-after: avoid; }
  li, tr, .chart { break-inside: avoid; }
  article.story + article.story { break-before: page; }
  .chart { overflow: visible; }
}
"""

# Nothing may be fetched or run: styles and the SVG are in the file.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def render(report: Report) -> str:
    several = len(report.stories) > 1
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{text(report.generator)}">',
        f"<title>{text(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{text(report.title)}</h1>",
    ]
    parts += [f'<p class="notes">{text(note)}</p>' for note in report.notes]
    if several:
        parts.append("<nav><ol>")
        parts += [
            f'<li><a href="#story-{index}">{text(story.story.title)}</a></li>'
            for index, story in enumerate(report.stories, 1)
        ]
        parts.append("</ol></nav>")
    parts.append("</header>")
    for index, story in enumerate(report.stories, 1):
        titled = several or report.title != story.story.title
        parts += _story(story, f"s{index}", index, with_title=titled)
    parts += [f"<footer><p>Made by {text(report.generator)}.</p></footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _story(story: StoryReport, prefix: str, index: int, *, with_title: bool) -> list[str]:
    parts = [f'<article class="story" id="story-{index}">']
    if with_title:
        parts.append(f"<h2>{text(story.story.title)}</h2>")
    what = "Story" if story.grouped else "Articles reported together (no story)"
    parts.append(
        f'<p class="summary">{what} <code>{text(story.story.id)}</code>:'
        f" {count(len(story.sources), 'article')}, {text(story.span)}.</p>"
    )
    parts += _sources(story, prefix)
    parts += _timeline(story, prefix)
    parts += _who(story, prefix)
    parts += _figures(story, prefix)
    parts += _quotes(story, prefix)
    parts.append("</article>")
    return parts


def _ref(ref: Ref, prefix: str) -> str:
    return (
        f'<a class="ref" href="#{prefix}-{ref.source.anchor}"'
        f' title="{text(ref.place)}">{text(ref.label)}</a>'
    )


def _place(ref: Ref) -> str:
    """The line's exact place in its article, for scripts."""
    return (
        f'data-article="{text(ref.source.article_id)}" data-paragraph="{ref.paragraph}"'
        f' data-start="{ref.start_char}" data-end="{ref.end_char}"'
    )


def _marked(sentence: str, fact: str) -> str:
    """The sentence with the fact picked out, every part escaped."""
    sentence, fact = plain(sentence), plain(fact)
    at = sentence.find(fact) if fact else -1
    if at < 0:
        return text(sentence)
    end = at + len(fact)
    return f"{text(sentence[:at])}<mark>{text(fact)}</mark>{text(sentence[end:])}"


def _sources(story: StoryReport, prefix: str) -> list[str]:
    parts = [f'<section class="sources" id="{prefix}-sources">', "<h3>Sources</h3>", "<ol>"]
    for source in story.sources:
        date = source.date.isoformat() if source.date else "undated"
        line = f'<li id="{prefix}-{source.anchor}" value="{source.number}">'
        line += f"<strong>{text(source.title)}</strong> · {date}"
        if source.site:
            line += f" · {text(source.site)}"
        line += f" · <code>{text(source.article_id)}</code>"
        if source.url:
            line += (
                f' · <a class="web" href="{_attribute_url(source.url)}"'
                ' rel="noreferrer noopener">link</a>'
            )
        elif source.link_text:
            line += f" · not a web link: {text(source.link_text)}"
        parts.append(line + "</li>")
    parts += ["</ol>", "</section>"]
    return parts


def _timeline(story: StoryReport, prefix: str) -> list[str]:
    parts = [f'<section class="timeline" id="{prefix}-timeline">', "<h3>Timeline</h3>"]
    entries = story.story.timeline
    if not entries:
        return [*parts, '<p class="none">No dates in these articles.</p>', "</section>"]
    parts += ['<div class="chart">', timeline_svg(story, prefix), "</div>", "<ol>"]
    for number, entry in enumerate(entries, 1):
        articles = len(entry.article_ids)
        also = f" · {count(articles, 'article')}" if articles > 1 else ""
        parts.append(f'<li id="{prefix}-t{number}">')
        parts.append(
            f'<h4><span class="phase {phase(entry, story)}"></span>{text(when(entry))}'
            f' <span class="role">({text(entry.granularity.replace("_", " "))}){also}</span></h4>'
        )
        parts.append("<ul>")
        for source_number, source in enumerate(entry.sources, 1):
            ref = story.ref(source.article_id, source.paragraph, source.start_char, source.end_char)
            parts.append(
                f'<li id="{prefix}-t{number}-{source_number}" {_place(ref)}>{_ref(ref, prefix)}'
                f" <q>{text(source.text)}</q>: {_marked(source.sentence, source.text)}</li>"
            )
        parts += ["</ul>", "</li>"]
    parts += ["</ol>", "</section>"]
    return parts


def _who(story: StoryReport, prefix: str) -> list[str]:
    parts = [f'<section class="who" id="{prefix}-who">', "<h3>Who's who</h3>"]
    for heading, entities, kind in (
        ("People", story.story.people, "p"),
        ("Organisations", story.story.organizations, "o"),
    ):
        parts.append(f"<h4>{heading}</h4>")
        if not entities:
            parts.append(f'<p class="none">No {heading.casefold()} named.</p>')
            continue
        parts.append("<ul>")
        for number, entity in enumerate(entities, 1):
            named = " ".join(_source_link(story, a, prefix) for a in entity.article_ids)
            roles = "".join(
                f'<li class="role">{text(role.role)} '
                + " ".join(_source_link(story, a, prefix) for a in role.article_ids)
                + "</li>"
                for role in entity.roles
            )
            parts.append(
                f'<li id="{prefix}-{kind}{number}"><strong>{text(entity.name)}</strong>'
                f" named in {named}" + (f"<ul>{roles}</ul>" if roles else "") + "</li>"
            )
        parts.append("</ul>")
    parts.append("</section>")
    return parts


def _source_link(story: StoryReport, article_id: str, prefix: str) -> str:
    source = story.source(article_id)
    return (
        f'<a class="ref" href="#{prefix}-{source.anchor}"'
        f' title="{text(source.article_id)}">[{source.number}]</a>'
    )


def _figures(story: StoryReport, prefix: str) -> list[str]:
    parts = [f'<section class="figures" id="{prefix}-figures">', "<h3>Figures side by side</h3>"]
    if not story.story.figures:
        parts += ['<p class="none">No figure is given by more than one article.</p>', "</section>"]
        return parts
    for number, group in enumerate(story.story.figures, 1):
        verdict = "agree" if group.agree else "differ"
        about = f": {text(' '.join(group.topic))}" if group.topic else ""
        parts.append(
            f'<h4 id="{prefix}-f{number}">{text(group.unit)} ({text(group.kind)})'
            f' <span class="verdict {verdict}">they {verdict}</span>{about}</h4>'
        )
        parts.append(
            "<table><thead><tr><th>source</th><th>as written</th><th>value</th>"
            "<th>sentence</th></tr></thead><tbody>"
        )
        for row, figure in enumerate(group.figures, 1):
            ref = story.ref(figure.article_id, figure.paragraph, figure.start_char, figure.end_char)
            value = figure_value(group, figure.value, figure.approximate)
            parts.append(
                f'<tr id="{prefix}-f{number}-{row}" {_place(ref)}><td>{_ref(ref, prefix)}</td>'
                f"<td>{text(figure.text)}</td>"
                f'<td class="number">{text(value)}</td>'
                f"<td>{_marked(figure.sentence, figure.text)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return parts


def _quotes(story: StoryReport, prefix: str) -> list[str]:
    parts = [f'<section class="quotes" id="{prefix}-quotes">', "<h3>Quotes by speaker</h3>"]
    if not story.story.quotes:
        parts += ['<p class="none">No quotes in these articles.</p>', "</section>"]
        return parts
    for number, group in enumerate(story.story.quotes, 1):
        parts.append(f'<h4 id="{prefix}-q{number}">{text(group.speaker or "Unknown speaker")}</h4>')
        parts.append("<ul>")
        for row, quote in enumerate(group.quotes, 1):
            ref = story.ref(quote.article_id, quote.paragraph, quote.start_char, quote.end_char)
            date = f" {quote.article_date.isoformat()}" if quote.article_date else ""
            partial = " (a fragment)" if quote.partial else ""
            parts.append(
                f'<li id="{prefix}-q{number}-{row}" {_place(ref)}>{_ref(ref, prefix)}{date}:'
                f" <q>{text(quote.text)}</q>{partial}</li>"
            )
        parts.append("</ul>")
    parts.append("</section>")
    return parts
