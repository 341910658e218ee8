"""The facts sidebar: the article's date and length, then its facts by kind.

Each fact is an option; moving onto one reports it, and the reader highlights
its mentions. Section headings are disabled options, so the cursor skips them."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dateline.facts.base import ArticleFacts
from dateline.facts.display import day, period, quantity
from dateline.facts.refs import FactRef
from dateline.model.article import Article, reading_minutes
from dateline.themes import fact_style
from dateline.tui.messages import FactSelected
from dateline.tui.widgets.coalesce import Coalesced

QUOTE_PREVIEW = 110
INDENT = "\u00a0\u00a0"


class FactList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class FactsSidebar(Vertical):
    # The summary and the list repaint what changes, not the whole sidebar.
    article: reactive[Article | None] = reactive(None, repaint=False)
    facts: reactive[ArticleFacts | None] = reactive(None, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._request_rebuild = Coalesced(self, self._rebuild)

    def compose(self) -> ComposeResult:
        yield Static(id="facts-summary")
        yield FactList(id="fact-list", markup=False)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._request_rebuild())
        self._request_rebuild()

    def watch_article(self) -> None:
        self._request_rebuild()

    def watch_facts(self) -> None:
        self._request_rebuild()

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        summary = self.query_one("#facts-summary", Static)
        fact_list = self.query_one(FactList)
        article, facts = self.article, self.facts
        if article is None:
            summary.update(Text("No article open.", style="dim"))
            fact_list.set_options([])
            return
        summary.update(self._summary(article))
        if facts is None:
            fact_list.set_options([Option(Text("Finding facts…", style="italic"), disabled=True)])
        elif facts.is_empty:
            fact_list.set_options(
                [Option(Text("No facts found in this article.", style="italic"), disabled=True)]
            )
        else:
            fact_list.set_options(list(self._options(facts)))
            fact_list.highlighted = None

    @staticmethod
    def _summary(article: Article) -> Text:
        date = day(article.date) if article.date else "date unknown"
        words = article.word_count
        return Text.assemble(
            (date, "bold"),
            "\n",
            (f"{words:,} words · {reading_minutes(words)} min read", "dim"),
        )

    def _options(self, facts: ArticleFacts) -> Iterator[Option]:
        variables = self.app.theme_variables

        def heading(title: str, kind: str, count: int) -> Option:
            label = Text(f"{title} ({count})", style=fact_style(variables, kind))
            label.stylize("bold")
            return Option(label, disabled=True)

        def item(ref: FactRef, *parts: tuple[str, str] | str) -> Option:
            # A no-break indent: plain leading spaces are dropped when the line wraps.
            return Option(Text.assemble(INDENT, *parts), id=ref.key)

        if facts.people:
            yield heading("People", "person", len(facts.people))
            for i, person in enumerate(facts.people):
                role = ((f" — {person.role}", "dim"),) if person.role else ()
                yield item(FactRef("people", i), person.name, *role)
        if facts.organizations:
            yield heading("Organisations", "organization", len(facts.organizations))
            for i, org in enumerate(facts.organizations):
                yield item(FactRef("organizations", i), org.name)
        if facts.places:
            yield heading("Places", "place", len(facts.places))
            for i, place in enumerate(facts.places):
                yield item(FactRef("places", i), place.name)
        if facts.dates:
            yield heading("Dates", "date", len(facts.dates))
            for i, date in enumerate(facts.dates):
                resolved = period(date)
                shown = ((" → ", ""), (resolved, "bold")) if resolved != date.text else ()
                yield item(FactRef("dates", i), date.text, *shown)
        if facts.durations:
            yield heading("Durations", "date", len(facts.durations))
            for i, duration in enumerate(facts.durations):
                yield item(FactRef("durations", i), duration.text)
        for kind, title in (("money", "Money"), ("percent", "Percentages"), ("count", "Counts")):
            found = [(i, q) for i, q in enumerate(facts.quantities) if q.kind == kind]
            if not found:
                continue
            yield heading(title, kind, len(found))
            for i, fact in found:
                value = quantity(fact)
                # A count's value is plain in its text ("450 staff"), unless approximate.
                plain = kind == "count" and not fact.approximate
                shown = ((" → ", ""), (value, "bold")) if value != fact.text and not plain else ()
                yield item(FactRef("quantities", i), fact.text, *shown)
        if facts.quotes:
            yield heading("Quotes", "quote", len(facts.quotes))
            for i, quote in enumerate(facts.quotes):
                text = quote.text
                if len(text) > QUOTE_PREVIEW:
                    text = text[: QUOTE_PREVIEW - 1].rstrip() + "…"
                speaker = quote.speaker or "unknown speaker"
                yield item(FactRef("quotes", i), f"“{text}”", (f" — {speaker}", "italic"))

    @on(OptionList.OptionHighlighted, "#fact-list")
    def _report_fact(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(FactSelected(FactRef.from_key(event.option.id)))
