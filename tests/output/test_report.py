"""The story report: what the export says of a story is all in it, the
Markdown is as committed, and the HTML is one self-contained file."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm

from dateline.output.report import Report, StoryReport, render

EXPECTED = Path(__file__).parent / "expected"
# Set to rewrite the golden files after checking the difference by eye.
UPDATE = os.environ.get("DATELINE_UPDATE_GOLDEN") == "1"


class Page(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def places(self) -> set[tuple[str | None, ...]]:
        """(article, paragraph, start, end) of every line that quotes an article."""
        return {
            (attrs["data-article"], attrs["data-paragraph"], attrs["data-start"], attrs["data-end"])
            for _, attrs in self.tags
            if "data-article" in attrs
        }

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}  # type: ignore[misc]


def github(document: str) -> str:
    """The Markdown as GitHub renders it (its own cmark fork), raw HTML let
    through, so that any that came from an article would show."""
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(document, options=Options.CMARK_OPT_UNSAFE)


def _place(article: str, paragraph: int, start: int, end: int) -> tuple[str, ...]:
    return (article, str(paragraph), str(start), str(end))


# --- The seeds' story against the export ---------------------------------------------


def test_the_seeds_story_has_everything_the_export_says_of_it(
    seed_report: Report, seed_export: dict
) -> None:
    (story,) = seed_export["stories"]
    page = Page(render(seed_report, "html"))
    shown = github(render(seed_report, "markdown"))
    rendered = Page(shown).text
    places = page.places()
    # Every timeline entry, every source of it, with its sentence.
    assert story["timeline"]
    for entry in story["timeline"]:
        for source in entry["sources"]:
            place = _place(
                source["article"], source["paragraph"], source["start_char"], source["end_char"]
            )
            assert place in places
            assert source["sentence"] in page.text
            assert source["sentence"] in rendered
    # Who's who, with every role.
    for entity in [*story["people"], *story["organizations"]]:
        assert entity["name"] in page.text and entity["name"] in rendered
        for role in entity["roles"]:
            assert role["role"] in page.text and role["role"] in rendered
    for group in story["quotes"]:
        for quote in group["quotes"]:
            place = _place(
                quote["article"], quote["paragraph"], quote["start_char"], quote["end_char"]
            )
            assert place in places
            assert quote["text"] in rendered
    # The seeds give no figure twice; the long story below does.
    assert story["figures"] == []
    assert "No figure is given by more than one article." in rendered


def test_a_long_story_has_every_figure_side_by_side(long_story: tuple[Report, dict]) -> None:
    report, exported = long_story
    page = Page(render(report, "html"))
    rendered = Page(github(render(report, "markdown"))).text
    assert exported["figures"], "the synthetic story gives figures in several articles"
    for group in exported["figures"]:
        verdict = "they agree" if group["agree"] else "they differ"
        assert verdict in page.text and verdict in rendered
        for figure in group["figures"]:
            place = _place(
                figure["article"], figure["paragraph"], figure["start_char"], figure["end_char"]
            )
            assert place in page.places()
            assert figure["sentence"] in rendered
    entries = sum(len(entry["sources"]) for entry in exported["timeline"])
    assert sum(1 for place in page.places()) >= len(
        {
            _place(s["article"], s["paragraph"], s["start_char"], s["end_char"])
            for entry in exported["timeline"]
            for s in entry["sources"]
        }
    )
    assert entries > 20


def test_every_line_points_to_a_source_in_the_file(seed_report: Report) -> None:
    page = Page(render(seed_report, "html"))
    ids = page.ids()
    refs = [attrs for attrs in page.named("a") if "ref" in (attrs.get("class") or "")]
    assert len(refs) > 20
    for attrs in refs:
        href = attrs["href"] or ""
        assert href.startswith("#") and href[1:] in ids
    # Each source is listed once, by number, under an anchor of its own.
    assert {"s1-source-1", "s1-source-2"} <= ids


# --- The Markdown, exactly ---------------------------------------------------------


def test_the_seeds_markdown_is_as_committed(seed_report: Report) -> None:
    golden = EXPECTED / "seeds_story.md"
    written = render(seed_report, "markdown")
    if UPDATE:
        golden.write_text(written, encoding="utf-8")
    assert written == golden.read_text(encoding="utf-8")


def test_the_markdown_renders_as_a_document_on_github(seed_report: Report) -> None:
    shown = Page(github(render(seed_report, "markdown")))
    headings = [tag for tag, _ in shown.tags if tag in ("h1", "h2", "h3")]
    assert headings[:2] == ["h1", "h2"]
    assert len(shown.named("table")) == 1  # the sources
    assert len(shown.named("li")) > 20
    # No escape shows as a backslash; the ids read as written.
    assert "\\" not in shown.text
    assert "000_2251fc9ddb0dfb63" in shown.text


# --- The HTML: one self-contained file --------------------------------------------


def _external(page: Page) -> list[str]:
    """Every address in the page that leads out of it."""
    found = []
    for tag, attrs in page.tags:
        for name in ("src", "href", "xlink:href", "action", "data", "poster", "srcset"):
            value = attrs.get(name)
            if value is not None and not value.startswith("#"):
                found.append(f"{tag} {name}={value}")
    return found


def test_the_html_is_self_contained(seed_report: Report) -> None:
    page = Page(render(seed_report, "html"))
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert _external(page) == []  # the seeds have no links
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    (policy,) = [a for a in page.named("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in (policy["content"] or "")
    assert len(page.named("style")) == 1
    assert "@media print" in render(seed_report, "html")


def test_the_html_draws_the_timeline_in_svg(seed_report: Report, seed_story: StoryReport) -> None:
    page = Page(render(seed_report, "html"))
    (svg,) = page.named("svg")
    assert svg["viewbox"]
    circles = [attrs for attrs in page.named("circle")]
    entries = len(seed_story.story.timeline)
    assert len(circles) == entries + 3  # one a date, three in the legend
    # Each date links to its entry in the timeline below.
    targets = {
        attrs["href"] for attrs in page.named("a") if (attrs["href"] or "").startswith("#s1-t")
    }
    assert targets == {f"#s1-t{n}" for n in range(1, entries + 1)}
    assert targets <= {f"#{anchor}" for anchor in page.ids()}


def test_only_web_links_of_articles_leave_the_file(long_story: tuple[Report, dict]) -> None:
    report, _ = long_story
    page = Page(render(report, "html"))
    external = _external(page)
    assert len(external) == 20
    assert all(line.startswith("a href=https://") for line in external)
