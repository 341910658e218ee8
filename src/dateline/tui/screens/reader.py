"""The main screen: article list, reader and facts sidebar.

The screen owns the shared state (the open article, its facts, the selected
fact) and binds it down into the reader and the sidebar; the widgets report
what the user did through messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static

from dateline.facts.base import ArticleFacts
from dateline.facts.refs import FactRef
from dateline.model.article import Article
from dateline.tui.messages import ArticleHighlighted, ArticleOpened, FactSelected
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.facts_sidebar import FactList, FactsSidebar
from dateline.tui.widgets.reader import ArticleReader

if TYPE_CHECKING:
    from dateline.tui.app import DatelineApp

NARROW = 100  # below this many columns the sidebar waits for `f`
TINY = 60  # below this the panes take turns
PANES = ("list-pane", "reader", "facts")

EMPTY_CORPUS = (
    "No articles to read. Open a file or folder of articles: dateline PATH "
    "(.txt and .md files, read recursively)."
)


class ReaderScreen(Screen[None]):
    BINDINGS = [
        Binding("tab", "next_pane", "Next pane", show=False),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False),
        Binding("f", "toggle_facts", "Facts"),
        Binding("slash", "filter", "Filter"),
        Binding("space,pagedown", "reader_page(1)", "Scroll", show=False),
        Binding("b,pageup", "reader_page(-1)", "Scroll up", show=False),
        Binding("escape", "back", "Back"),
    ]

    article: reactive[Article | None] = reactive(None)
    facts: reactive[ArticleFacts | None] = reactive(None)
    selected_fact: reactive[FactRef | None] = reactive(None)
    # The pane shown when the screen is too narrow for more than one.
    pane: reactive[str] = reactive("list-pane")
    show_facts: reactive[bool] = reactive(True)

    app: DatelineApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="Filter articles…", id="filter")
                yield ArticleList(id="articles")
                yield Static(id="list-status")
            reader = ArticleReader(id="reader")
            if not self.app.corpus.articles:
                reader.empty_message = EMPTY_CORPUS
            yield reader.data_bind(
                ReaderScreen.article, ReaderScreen.facts, ReaderScreen.selected_fact
            )
            yield FactsSidebar(id="facts").data_bind(ReaderScreen.article, ReaderScreen.facts)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self.show_facts = self.app.config.show_sidebar
        self.refresh_list()
        self.query_one(ArticleList).focus()

    # Layout --------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.has_class("-narrow"):
            # Crossing the line resets the sidebar: hidden until `f` when narrow.
            self.show_facts = self.app.config.show_sidebar and not narrow
        self.set_class(narrow, "-narrow")
        self.set_class(event.size.width < TINY, "-tiny")
        self._apply_pane()

    def watch_show_facts(self, show: bool) -> None:
        self.set_class(show, "-show-facts")

    def watch_pane(self) -> None:
        self._apply_pane()

    def _apply_pane(self) -> None:
        for pane in PANES:
            self.set_class(self.pane == pane, f"-pane-{pane}")

    @property
    def _tiny(self) -> bool:
        return self.has_class("-tiny")

    def _visible_panes(self) -> list[str]:
        if self._tiny:
            return list(PANES)
        return [p for p in PANES if p != "facts" or self.show_facts]

    def _pane_of(self, widget: Widget | None) -> str:
        while widget is not None:
            if widget.id in PANES:
                return widget.id
            widget = widget.parent  # type: ignore[assignment]
        return self.pane

    def _focus_pane(self, pane: str) -> None:
        self.pane = pane
        target = {
            "list-pane": "#articles",
            "reader": "#reader",
            "facts": "#fact-list",
        }[pane]
        # Focus after the layout has shown the pane: hidden widgets refuse focus.
        self.call_after_refresh(self.query_one(target).focus)

    def action_next_pane(self, step: int = 1) -> None:
        panes = self._visible_panes()
        current = self._pane_of(self.focused)
        index = panes.index(current) if current in panes else 0
        self._focus_pane(panes[(index + step) % len(panes)])

    def action_previous_pane(self) -> None:
        self.action_next_pane(-1)

    def action_toggle_facts(self) -> None:
        if self._tiny:
            self._focus_pane("reader" if self.pane == "facts" else "facts")
            return
        self.show_facts = not self.show_facts
        if self.show_facts:
            self._focus_pane("facts")
        elif self._pane_of(self.focused) == "facts":
            self._focus_pane("reader")

    def action_reader_page(self, direction: int) -> None:
        reader = self.query_one(ArticleReader)
        if direction > 0:
            reader.scroll_page_down(animate=False)
        else:
            reader.scroll_page_up(animate=False)

    def action_back(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.has_focus:
            filter_input.value = ""
            filter_input.display = False
            self.refresh_list()
            self.query_one(ArticleList).focus()
            return
        pane = self._pane_of(self.focused)
        if pane == "facts" and self.selected_fact is not None:
            self.selected_fact = None
            self.query_one(FactList).highlighted = None
        elif pane != "list-pane":
            self._focus_pane("list-pane")

    # The article list ----------------------------------------------------

    def refresh_list(self) -> None:
        query = self.query_one("#filter", Input).value
        articles = self.app.corpus.matching(query)
        article_list = self.query_one(ArticleList)
        article_list.show(articles, self.app.read_ids)
        status = self.query_one("#list-status", Static)
        total = len(self.app.corpus)
        unread = sum(1 for a in self.app.corpus if a.id not in self.app.read_ids)
        if not total:
            status.update(Text("No articles loaded.", style="italic"))
        elif not articles:
            status.update(
                Text(f"No article matches “{query}”. Escape clears the filter.", style="italic")
            )
        elif query:
            status.update(Text(f"{len(articles)} of {total} articles match", style="dim"))
        else:
            status.update(Text(f"{total} articles · {unread} unread", style="dim"))
        if not articles:
            self.article = None

    def action_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.display = True
        self._focus_pane("list-pane")
        self.call_after_refresh(filter_input.focus)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refresh_list()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(ArticleList).focus()

    @on(ArticleHighlighted)
    def _show_article(self, event: ArticleHighlighted) -> None:
        self.open_article(event.article_id)

    @on(ArticleOpened)
    def _open_article(self, event: ArticleOpened) -> None:
        self.open_article(event.article_id)
        self.app.mark_read(event.article_id)
        self.query_one(ArticleList).mark_read(event.article_id)
        self._focus_pane("reader")

    def open_article(self, article_id: str) -> None:
        if self.article is not None and self.article.id == article_id:
            return
        article = self.app.corpus.get(article_id)
        # Clear the old facts first: the new text must never be styled with
        # another article's offsets, not even for one refresh.
        self.selected_fact = None
        self.facts = None
        self.article = article
        self.facts = self.app.facts_for(article) if article else None

    def facts_arrived(self, article_id: str, facts: ArticleFacts) -> None:
        if self.article is not None and self.article.id == article_id:
            self.facts = facts

    # Facts -----------------------------------------------------------------

    @on(FactSelected)
    def _select_fact(self, event: FactSelected) -> None:
        self.selected_fact = event.fact

    @on(FactList.OptionSelected, "#fact-list")
    def _go_to_fact(self) -> None:
        self._focus_pane("reader")
