"""The story screen: one event across its articles.

Four tabs over the story's merged facts: the timeline in calendar order (one
entry per period, with every article that reports it), who's who, figures
side by side, and quotes by speaker. Every line that stands somewhere in an
article is an option; enter opens that article at that place, highlighted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from dateline.facts.base import DateFact
from dateline.facts.display import number, period
from dateline.stories import Story, StoryEntity
from dateline.tui.messages import ReportRequested, SourceOpened
from dateline.tui.screens.report_path import ReportPathScreen, report_file_name

TABS = ("timeline", "people", "figures", "quotes")
INDENT = "\u00a0\u00a0\u00a0\u00a0"


@dataclass(frozen=True, slots=True)
class Place:
    """Where an option's text stands: an article and a span of one paragraph."""

    article_id: str
    paragraph: int
    start_char: int
    end_char: int

    @property
    def key(self) -> str:
        return f"{self.paragraph}:{self.start_char}:{self.end_char}:{self.article_id}"

    @classmethod
    def from_key(cls, key: str) -> Place:
        paragraph, start, end, article_id = key.split(":", 3)
        return cls(article_id, int(paragraph), int(start), int(end))


class StoryList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class StoryScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Back"),
        Binding("1", "tab('timeline')", "Timeline"),
        Binding("2", "tab('people')", "Who's who"),
        Binding("3", "tab('figures')", "Figures"),
        Binding("4", "tab('quotes')", "Quotes"),
        Binding("right,l", "next_tab(1)", "Next tab", show=False),
        Binding("left,h", "next_tab(-1)", "Previous tab", show=False),
    ]

    def __init__(self, story: Story, titles: dict[str, str]) -> None:
        super().__init__()
        self.story = story
        # Article id -> headline, to name each source.
        self.titles = titles
        self._short = {article_id: f"[{n}]" for n, article_id in enumerate(story.article_ids, 1)}

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(self._heading(), id="story-heading")
        with TabbedContent(initial="timeline", id="story-tabs"):
            with TabPane("Timeline", id="timeline"):
                yield StoryList(*self._timeline(), id="timeline-list", markup=False)
            with TabPane("Who's who", id="people"):
                yield StoryList(*self._people(), id="people-list", markup=False)
            with TabPane("Figures", id="figures"):
                yield StoryList(*self._figures(), id="figures-list", markup=False)
            with TabPane("Quotes", id="quotes"):
                yield StoryList(*self._quotes(), id="quotes-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#timeline-list", StoryList))

    # --- Content -----------------------------------------------------------

    def _heading(self) -> Text:
        story = self.story
        heading = Text(story.title, style="bold")
        heading.append(f"\nA story of {len(story.article_ids)} articles:", style="dim")
        for article_id in story.article_ids:
            heading.append(f"\n {self._short[article_id]} ", style="bold")
            heading.append(self.titles.get(article_id, article_id))
        return heading

    def _source(self, article_id: str) -> str:
        return self._short.get(article_id, article_id)

    def _timeline(self) -> Iterator[Option]:
        if not self.story.timeline:
            yield Option(Text("No dates in these articles.", style="italic"), disabled=True)
        for entry in self.story.timeline:
            when = period(
                DateFact("", 0, 0, 0, entry.granularity, entry.start, entry.end, entry.value)
            )
            both = f"  ({len(entry.sources)} articles)" if len(entry.sources) > 1 else ""
            yield Option(Text(f"{when}{both}", style="bold"), disabled=True)
            for source in entry.sources:
                line = Text(INDENT)
                line.append(f"{self._source(source.article_id)} ", style="bold")
                line.append(f"“{source.text}”: ", style="italic")
                line.append(source.sentence)
                place = Place(
                    source.article_id, source.paragraph, source.start_char, source.end_char
                )
                yield Option(line, id=place.key)

    def _people(self) -> Iterator[Option]:
        for heading, entities in (
            ("People", self.story.people),
            ("Organisations", self.story.organizations),
        ):
            yield Option(Text(f"{heading} ({len(entities)})", style="bold"), disabled=True)
            yield from self._entities(entities)

    def _entities(self, entities: Iterable[StoryEntity]) -> Iterator[Option]:
        for entity in entities:
            sources = " ".join(self._source(a) for a in entity.article_ids)
            line = Text(entity.name, style="bold")
            line.append(f"  {sources}", style="dim")
            for role in entity.roles:
                line.append(f"\n{INDENT}{role.role} ")
                line.append(" ".join(self._source(a) for a in role.article_ids), style="dim")
            yield Option(line, disabled=True)

    def _figures(self) -> Iterator[Option]:
        if not self.story.figures:
            yield Option(
                Text("No figure is given by more than one article.", style="italic"),
                disabled=True,
            )
        for group in self.story.figures:
            verdict = "agree" if group.agree else "differ"
            title = Text(f"{group.unit} ({group.kind})", style="bold")
            title.append(f"  {verdict}", style="green" if group.agree else "red")
            if group.topic:
                title.append(f"  · {' '.join(group.topic)}", style="dim")
            yield Option(title, disabled=True)
            for figure in group.figures:
                line = Text(INDENT)
                line.append(f"{self._source(figure.article_id)} ", style="bold")
                approx = "≈" if figure.approximate else ""
                line.append(f"{approx}{number(figure.value)}  ", style="bold")
                line.append(figure.sentence)
                place = Place(
                    figure.article_id, figure.paragraph, figure.start_char, figure.end_char
                )
                yield Option(line, id=place.key)

    def _quotes(self) -> Iterator[Option]:
        if not self.story.quotes:
            yield Option(Text("No quotes in these articles.", style="italic"), disabled=True)
        for group in self.story.quotes:
            yield Option(Text(group.speaker or "Unknown speaker", style="bold"), disabled=True)
            for quote in group.quotes:
                line = Text(INDENT)
                line.append(f"{self._source(quote.article_id)} ", style="bold")
                if quote.article_date:
                    line.append(f"{quote.article_date.isoformat()} ", style="dim")
                line.append(f"“{quote.text}”", style="italic")
                place = Place(quote.article_id, quote.paragraph, quote.start_char, quote.end_char)
                yield Option(line, id=place.key)

    # --- Keys --------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        # At once: the next key may already be waiting, and it belongs to this tab.
        self.set_focus(self.query_one(f"#{tab}-list", StoryList))

    def action_next_tab(self, step: int) -> None:
        active = self.query_one(TabbedContent).active
        index = TABS.index(active) if active in TABS else 0
        self.action_tab(TABS[(index + step) % len(TABS)])

    def action_report(self) -> None:
        """Ask where to write the story's report (the current folder offered),
        then hand the writing to the app's worker."""

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.post_message(ReportRequested(self.story, path))

        suggested = Path.cwd() / report_file_name(self.story.title)
        self.app.push_screen(ReportPathScreen(suggested), chosen)

    @on(OptionList.OptionSelected)
    def _open_source(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        place = Place.from_key(event.option.id)
        self.dismiss()
        self.app.post_message(
            SourceOpened(place.article_id, place.paragraph, place.start_char, place.end_char)
        )
