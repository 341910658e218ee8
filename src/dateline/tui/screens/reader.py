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
from textual.widgets import Footer, Header, Input, ProgressBar, Static

from dateline.facts.base import ArticleFacts, Mention
from dateline.facts.refs import FactRef
from dateline.model.article import Article
from dateline.model.listing import Entry, Matches
from dateline.store.query import Query, matching, parse_query
from dateline.tui.messages import (
    ArticleHighlighted,
    ArticleOpened,
    FactSelected,
    SavedSearchChosen,
    SavedSearchDeleted,
)
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.facts_sidebar import FactList, FactsSidebar
from dateline.tui.widgets.reader import NOTHING_TO_READ, ArticleReader
from dateline.tui.widgets.saved_searches import NUMBERED, SavedSearchList

if TYPE_CHECKING:
    from dateline.stories import Story
    from dateline.tui.app import DatelineApp

NARROW = 100  # below this many columns the sidebar waits for `f`
FEED_LINES = 4  # fetch progress: the latest feeds' lines under the list
# Matches listed at once as the search is typed; the rest once they are shown.
FIRST_MATCHES = 200
TINY = 60  # below this the panes take turns
PANES = ("list-pane", "reader", "facts")

EMPTY_CORPUS = (
    "No articles to read. Open a file or folder of articles: dateline PATH "
    "(.txt and .md files, read recursively)."
)


def stories_first(entries: list[Entry], story_of: dict[str, Story]) -> list[Entry]:
    """Articles of one story together (the story with the newest article
    first, each story's articles newest first), then the others in order."""
    rank: dict[str, int] = {}
    for entry in entries:  # already newest first
        story = story_of.get(entry.id)
        if story is not None and story.id not in rank:
            rank[story.id] = len(rank)
    grouped = [e for e in entries if e.id in story_of]
    grouped.sort(key=lambda e: rank[story_of[e.id].id])  # stable: newest first within
    return grouped + [e for e in entries if e.id not in story_of]


class ReaderScreen(Screen[None]):
    # The list has the focus from the start. Textual's default ("*") gave it
    # to the search box, the first focusable widget, and `on_mount` took it
    # back: each move restyled the widgets whose :focus it changed.
    AUTO_FOCUS = "#articles"
    BINDINGS = [
        Binding("tab", "next_pane", "Next pane", show=False),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False),
        Binding("f", "toggle_facts", "Facts"),
        Binding("slash", "filter", "Search"),
        Binding("n", "next_unread(1)", "Next unread"),
        Binding("N", "next_unread(-1)", "Previous unread", show=False),
        Binding("s", "star", "Star"),
        Binding("m", "mentions", "Mentions", show=False),
        Binding("S", "story", "Story"),
        Binding("v", "group_stories", "Group by story", show=False),
        Binding("o", "open_link", "Open link", show=False),
        Binding("y", "copy_link", "Copy link", show=False),
        Binding("space,pagedown", "reader_page(1)", "Scroll", show=False),
        Binding("b,pageup", "reader_page(-1)", "Scroll up", show=False),
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "save_search", "Save search", show=False),
        *(
            Binding(str(n), f"saved_search({n})", f"Saved search {n}", show=False)
            for n in range(1, NUMBERED + 1)
        ),
    ]

    # State, not looks: the widgets bound to it repaint what changes. With
    # Textual's default (repaint) each new article repainted the whole screen.
    article: reactive[Article | None] = reactive(None, repaint=False)
    facts: reactive[ArticleFacts | None] = reactive(None, repaint=False)
    selected_fact: reactive[FactRef | None] = reactive(None, repaint=False)
    # The pane shown when the screen is too narrow for more than one.
    pane: reactive[str] = reactive("list-pane", repaint=False)
    show_facts: reactive[bool] = reactive(True, repaint=False)
    # The words searched for, highlighted in the reader.
    search_terms: reactive[tuple[str, ...]] = reactive((), repaint=False)
    # A span opened from the story screen, highlighted in the reader.
    marked: reactive[Mention | None] = reactive(None, repaint=False)

    app: DatelineApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._unread_count: tuple[tuple[int, int, int], int] | None = None
        # A search whose matches past the first are still to be found.
        self._pending_matches: Matches | None = None
        # The last query in the box that could be read, and its text: the list
        # shows its articles while the box holds one that cannot be.
        self._good_query: tuple[str, Query] = ("", Query())

    def compose(self) -> ComposeResult:
        # The layout's classes before any widget is styled: each class the
        # screen gains later restyles every widget on it (three such passes
        # came before the first frame).
        width = self.app.size.width
        self.show_facts = self.app.config.show_sidebar and width >= NARROW
        self.set_class(width < NARROW, "-narrow")
        self.set_class(width < TINY, "-tiny")
        self._apply_pane()
        yield Header(icon="◆")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield SavedSearchList(id="saved-searches")
                yield Input(placeholder="Search… (person:Name money>1m on:2017-01)", id="filter")
                yield Static(id="query-problem")
                yield ArticleList(id="articles")
                yield ProgressBar(id="progress", show_eta=False)
                yield Static(id="list-status")
            reader = ArticleReader(id="reader")
            yield reader.data_bind(
                ReaderScreen.article,
                ReaderScreen.facts,
                ReaderScreen.selected_fact,
                ReaderScreen.search_terms,
                ReaderScreen.marked,
            )
            yield FactsSidebar(id="facts").data_bind(ReaderScreen.article, ReaderScreen.facts)
        yield Footer()

    def on_mount(self) -> None:
        # The search box and the progress bar start hidden (app.tcss).
        self.show_saved_searches()
        self.refresh_list()
        # Focused now, not a message later: a key typed at once goes to the list.
        self.set_focus(self.query_one(ArticleList))

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
        # At once, not after the next refresh (as `Widget.focus` would): the
        # next key may already be waiting, and it belongs to the new pane.
        self.set_focus(self.query_one(target))

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
            self._clear_filter()
            self.set_focus(self.query_one(ArticleList))
            return
        pane = self._pane_of(self.focused)
        if pane == "facts" and self.selected_fact is not None:
            self.selected_fact = None
            self.query_one(FactList).highlighted = None
        elif pane != "list-pane":
            self._focus_pane("list-pane")

    # The article list ----------------------------------------------------

    def _clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.value = ""
        filter_input.display = False
        self._show_problem(None)
        self.refresh_list()

    def _read_box(self) -> tuple[str, Query]:
        """The query in the box, or the last good one (with its text) when
        the box's cannot be read; its problem is shown under the box."""
        text = self.query_one("#filter", Input).value
        query = parse_query(text)
        if query.problems:
            self._show_problem(query.problems[0])
            return self._good_query
        self._show_problem(None)
        self._good_query = (text, query)
        return text, query

    def _show_problem(self, problem: str | None) -> None:
        line = self.query_one("#query-problem", Static)
        line.display = problem is not None
        if problem is not None:
            line.update(Text(problem))

    def refresh_list(self) -> None:
        app = self.app
        text, query = self._read_box()
        grouped = bool(app.group_by_story and app.story_of)
        matches = matching(
            app.listing,
            query,
            app.library,
            read=app.read_keys,
            starred=app.starred_keys,
            # Grouping by story needs every match before the first is placed.
            first=None if grouped else FIRST_MATCHES,
        )
        self._pending_matches = None if matches.complete else matches
        self._show_matches(query, text, matches.first, counting=not matches.complete)
        if not matches.complete:
            self.call_after_refresh(self._complete_matches, query, text, matches)

    def _complete_matches(self, query: Query, text: str, matches: Matches) -> None:
        """The rest of a search's matches, once its first ones are on screen."""
        if self._pending_matches is not matches:
            return  # the search changed since
        self._pending_matches = None
        self._show_matches(query, text, matches.all(), counting=False)

    def _show_matches(
        self, query: Query, text: str, articles: list[Entry], *, counting: bool
    ) -> None:
        app = self.app
        self.search_terms = query.words
        if app.group_by_story and app.story_of:
            articles = stories_first(articles, app.story_of)
        article_list = self.query_one(ArticleList)
        article_list.stories = {a: str(story.number) for a, story in app.story_of.items()}
        article_list.show(articles, app.read_keys, app.starred_keys)
        self._show_status(query, len(articles), text, counting=counting)
        if not articles:
            self.article = None
        self.query_one(ArticleReader).set_empty_message(
            EMPTY_CORPUS if not len(app.listing) and not app.indexing else NOTHING_TO_READ
        )

    def _show_status(
        self, query: Query, shown: int, text: str = "", *, counting: bool = False
    ) -> None:
        app = self.app
        status = self.query_one("#list-status", Static)
        total = len(app.listing)
        bar = self.query_one("#progress", ProgressBar)
        bar.display = app.progress is not None
        lines = []
        if app.progress is not None:
            label, done, whole = app.progress
            bar.update(total=whole, progress=done)
            lines.append(Text(label, style="dim"))
        # A line for each feed fetched so far (`r`), the latest few.
        for line, failed in app.feed_lines[-FEED_LINES:]:
            lines.append(
                Text(f"{'✗' if failed else '✓'} {line}", style="italic" if failed else "dim")
            )
        if not total:
            lines.append(
                Text("Reading articles…" if app.indexing else "No articles loaded.", style="italic")
            )
        elif app.indexing and query.is_empty:
            lines.append(Text(f"{total:,} articles so far", style="dim"))
        elif not shown:
            lines.append(
                Text(f"No article matches “{text}”. Escape clears the search.", style="italic")
            )
        elif counting:
            lines.append(Text(f"{shown:,}+ of {total:,} articles match, counting…", style="dim"))
        elif not query.is_empty:
            lines.append(Text(f"{shown:,} of {total:,} articles match", style="dim"))
        else:
            lines.append(Text(f"{total:,} articles · {self._unread():,} unread", style="dim"))
        if app.listing.duplicates:
            lines.append(Text(f"{app.listing.duplicates:,} duplicates listed once", style="dim"))
        status.update(Text("\n").join(lines))

    def _unread(self) -> int:
        """Unread articles in the listing, counted again only when the listing
        or the read marks changed (a count walks every entry)."""
        app = self.app
        key = (id(app.listing.entries), len(app.listing), len(app.read_keys))
        if self._unread_count is None or self._unread_count[0] != key:
            read = app.read_keys
            count = sum(1 for entry in app.listing.entries if entry.reading_key not in read)
            self._unread_count = (key, count)
        return self._unread_count[1]

    def library_changed(self, *, entries: bool) -> None:
        """The app's listing or its background work moved on."""
        if not self.is_mounted or not self.is_attached:
            return  # news from a worker while the screen is still being set up or torn down
        if entries:
            self.refresh_list()
            if self.article is None and (current := self.query_one(ArticleList).current_id):
                self.open_article(current)
            elif self.article is not None:
                self._reopen_if_changed(self.article)
        else:
            text, query = self._good_query
            self._show_status(query, len(self.query_one(ArticleList).entries), text)
        self.show_saved_searches()

    def show_saved_searches(self) -> None:
        """The saved searches above the list, with their unread counts."""
        self.query_one(SavedSearchList).show(
            self.app.saved_searches, self.app.saved_unread, self._good_query[0].strip() or None
        )

    def _reopen_if_changed(self, shown: Article) -> None:
        """Show the open article again if its file changed under it (a file
        watched, or read again): its text and facts are the new ones."""
        fresh = self.app.article(shown.id)
        if fresh is None or fresh == shown:
            return
        self.selected_fact = None
        self.marked = None
        self.facts = None
        self.article = fresh
        self.facts = self.app.facts_for(fresh)

    def action_next_unread(self, direction: int) -> None:
        article_list = self.query_one(ArticleList)
        if not article_list.next_unread(direction):
            where = "below" if direction > 0 else "above"
            self.notify(f"No unread article {where} this one.", timeout=3, markup=False)

    def action_star(self) -> None:
        article_id = self.article.id if self.article else None
        if article_id is None:
            return
        starred = self.app.toggle_star(article_id)
        self.query_one(ArticleList).refresh_article(article_id)
        self.notify("Starred." if starred else "Star removed.", timeout=2, markup=False)

    def action_mentions(self) -> None:
        """List every article that mentions the person, organisation or place
        picked in the sidebar."""
        fact, facts = self.selected_fact, self.facts
        if fact is None or facts is None or fact.group not in ("people", "organizations", "places"):
            self.notify(
                "Pick a person, organisation or place in the facts sidebar first, then press m.",
                timeout=4,
                markup=False,
            )
            return
        entities = getattr(facts, fact.group)
        if not 0 <= fact.index < len(entities):
            return
        name = entities[fact.index].name.replace('"', "")
        self.filter_by(f'who:"{name}"')

    def action_story(self) -> None:
        """The story the open article belongs to: its timeline, people,
        figures and quotes across its articles."""
        from dateline.tui.screens.story import StoryScreen

        app = self.app
        if self.article is None:
            return
        story = app.story_for(self.article.id)
        if story is None:
            if app.stories is None:
                message = "Stories are still being grouped; try again in a moment."
            elif not app.stories and len(app.listing) > app.STORY_LIMIT:
                message = f"Stories are grouped for corpora of up to {app.STORY_LIMIT:,} articles."
            else:
                message = "No other article reports this event, so it is in no story."
            self.notify(message, timeout=4, markup=False)
            return
        titles = {}
        for article_id in story.article_ids:
            entry = app.entry(article_id)
            titles[article_id] = entry.title if entry else article_id
        app.push_screen(StoryScreen(story, titles))

    def _link(self, *, web: bool) -> str | None:
        """The open article's link, or None after saying why there is none."""
        if self.article is None:
            self.notify("No article is open.", timeout=3, markup=False)
            return None
        url = self.article.metadata.get("url", "")
        if not url:
            self.notify("This article has no link.", timeout=3, markup=False)
            return None
        if web and not url.lower().startswith(("http://", "https://")):
            # A link from a file or a feed is untrusted: only the web is opened.
            self.notify(f"Not a web address, not opened: {url}", timeout=5, markup=False)
            return None
        return url

    def action_open_link(self) -> None:
        """Open the article's link in the web browser."""
        if (url := self._link(web=True)) is not None:
            self.app.open_in_browser(url)
            self.notify(f"Opening {url}", timeout=3, markup=False)

    def action_copy_link(self) -> None:
        """Copy the article's link (to the terminal's clipboard)."""
        if (url := self._link(web=False)) is not None:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {url}", timeout=3, markup=False)

    def action_group_stories(self) -> None:
        app = self.app
        app.group_by_story = not app.group_by_story
        self.refresh_list()
        state = "grouped by story" if app.group_by_story else "newest first"
        self.notify(f"List {state}.", timeout=2, markup=False)

    def show_source(self, article_id: str, paragraph: int, start: int, end: int) -> None:
        """Open an article with one span highlighted and scrolled to."""
        article_list = self.query_one(ArticleList)
        if not article_list.select(article_id):
            # Hidden by the search: show the whole list again.
            self._clear_filter()
            article_list.select(article_id)
        self.open_article(article_id)
        self.marked = Mention(paragraph, start, end)
        self._focus_pane("reader")

    def filter_by(self, text: str) -> None:
        """Show the articles matching `text` in the search box."""
        filter_input = self.query_one("#filter", Input)
        filter_input.display = True
        filter_input.value = text
        self.refresh_list()
        self.show_saved_searches()
        self._focus_pane("list-pane")

    def action_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.display = True
        self.pane = "list-pane"
        self.set_focus(filter_input)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if parse_query(event.value).problems:
            # The list keeps the last good query's articles; only the problem shows.
            self._read_box()
            return
        self.refresh_list()
        self.show_saved_searches()

    # Saved searches --------------------------------------------------------

    def action_save_search(self) -> None:
        """Name the search in the box, and save it (ctrl+s in the box)."""
        from dateline.tui.screens.save_search import SaveSearchScreen

        filter_input = self.query_one("#filter", Input)
        text = filter_input.value.strip()
        if not filter_input.display or not text:
            self.notify("Type a search first (/), then ctrl+s saves it.", timeout=4, markup=False)
            return
        problems = parse_query(text).problems
        if problems:
            self.notify(f"Not saved: {problems[0]}", timeout=5, markup=False)
            return

        def saved(name: str | None) -> None:
            if name:
                self.app.save_search(name, text)
                self.notify(f"Saved the search as “{name}”.", timeout=3, markup=False)
            self.set_focus(filter_input)

        names = [search.name for search in self.app.saved_searches]
        self.app.push_screen(SaveSearchScreen(text, names), saved)

    def action_saved_search(self, number: int) -> None:
        """Show the articles of saved search `number` (its key, 1 to 9)."""
        searches = self.app.saved_searches
        if not 1 <= number <= len(searches):
            self.notify(
                f"No saved search {number}: ctrl+s in the search box saves one.",
                timeout=3,
                markup=False,
            )
            return
        self.filter_by(searches[number - 1].query)

    @on(SavedSearchChosen)
    def _saved_search_chosen(self, event: SavedSearchChosen) -> None:
        self.filter_by(event.query)

    @on(SavedSearchDeleted)
    def _saved_search_deleted(self, event: SavedSearchDeleted) -> None:
        self.delete_saved_search(event.name)

    def delete_saved_search(self, name: str) -> None:
        self.app.delete_search(name)
        self.notify(f"Deleted the saved search “{name}”.", timeout=3, markup=False)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.set_focus(self.query_one(ArticleList))

    @on(ArticleHighlighted)
    def _show_article(self, event: ArticleHighlighted) -> None:
        self.open_article(event.article_id)

    @on(ArticleOpened)
    def _open_article(self, event: ArticleOpened) -> None:
        self.open_article(event.article_id)
        self.app.mark_read(event.article_id)
        self.query_one(ArticleList).refresh_article(event.article_id)
        self._focus_pane("reader")

    def open_article(self, article_id: str) -> None:
        if self.article is not None and self.article.id == article_id:
            return
        article = self.app.article(article_id)
        # Clear the old facts first: the new text must never be styled with
        # another article's offsets, not even for one refresh.
        self.selected_fact = None
        self.marked = None
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
