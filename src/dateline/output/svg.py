"""A story's timeline drawn as inline SVG, for the HTML report.

The dates of a story run from "1974" to "this Friday": on a calendar scale
the week the story happens in would be a dot. So the dates stand in calendar
order at even steps, each a circle that grows with the number of articles
giving it, coloured by where it falls against the reporting (before the
first article, while the articles came out, after the last), with its date
written under it. Each circle links to its entry in the report's timeline
and carries the date as a tooltip. Text in it is escaped like the rest of
the HTML; it draws nothing from outside the file."""

from __future__ import annotations

from html import escape

from dateline.output.report import StoryReport, when
from dateline.stories import TimelineEntry

STEP = 30  # pixels between two dates
LEFT, RIGHT, TOP = 24, 150, 34  # room for the first circle, the last label, counts
AXIS = TOP + 16
LABEL_ROOM = 150  # under the axis, for labels written at a slant
MIN_WIDTH = 360
RADIUS, RADIUS_STEP, MAX_EXTRA = 4, 2, 4


def phase(entry: TimelineEntry, story: StoryReport) -> str:
    """ "before", "during" or "after" the articles came out."""
    dates = [source.date for source in story.sources if source.date is not None]
    if not dates:
        return "during"
    if entry.end < min(dates):
        return "before"
    if entry.start > max(dates):
        return "after"
    return "during"


def timeline_svg(story: StoryReport, prefix: str) -> str:
    """The SVG element; `prefix` makes its links point at this story's entries."""
    entries = story.story.timeline
    count = len(entries)
    width = max(MIN_WIDTH, LEFT + RIGHT + max(count - 1, 0) * STEP)
    height = AXIS + LABEL_ROOM
    title = f"Timeline of {count} dates, in calendar order"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' aria-labelledby="{prefix}-chart-title">',
        f'<title id="{prefix}-chart-title">{escape(title)}</title>',
        f'<line class="axis" x1="{LEFT - 12}" y1="{AXIS}" x2="{width - RIGHT + 12}" y2="{AXIS}"/>',
    ]
    for index, entry in enumerate(entries):
        x = LEFT + index * STEP
        articles = len(entry.article_ids)
        radius = RADIUS + RADIUS_STEP * min(articles - 1, MAX_EXTRA)
        label = when(entry)
        tip = f"{label}: {articles} article{'s' if articles != 1 else ''}"
        parts.append(f'<a href="#{prefix}-t{index + 1}" class="{phase(entry, story)}">')
        parts.append(f"<title>{escape(tip)}</title>")
        parts.append(f'<circle cx="{x}" cy="{AXIS}" r="{radius}"/>')
        if articles > 1:
            parts.append(
                f'<text class="count" x="{x}" y="{AXIS - radius - 4}"'
                f' text-anchor="middle">{articles}</text>'
            )
        parts.append(
            f'<text class="label" x="{x}" y="{AXIS + 14}"'
            f' transform="rotate(40 {x} {AXIS + 14})">{escape(label)}</text>'
        )
        parts.append("</a>")
    legend_y = 14
    for offset, (name, words) in enumerate(
        (("before", "before the reporting"), ("during", "while reported"), ("after", "after"))
    ):
        x = LEFT - 12 + offset * 150
        parts.append(f'<g class="{name}">')
        parts.append(f'<circle cx="{x + 5}" cy="{legend_y - 4}" r="5"/>')
        parts.append(f'<text class="legend" x="{x + 14}" y="{legend_y}">{escape(words)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
