"""The Dateline application: wiring between the library, the facts, the reading
state and the screens.

The list appears at once: from the cache when the corpus was read before, and
otherwise filled in as a background worker reads the files. The same worker
then extracts the facts of every article that has none yet; the article on
screen gets its facts first, from a worker of its own."""

from __future__ import annotations

import functools
import gc
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState, get_current_worker

from dateline.config import Config, load_config, user_themes_dir
from dateline.facts.base import ArticleFacts
from dateline.model.article import Article
from dateline.model.listing import Entry, Listing, as_listed
from dateline.model.sanitize import inert
from dateline.resources import themes_dir
from dateline.store.library import (
    IndexProgress,
    Library,
    ListingChange,
    is_damage,
)
from dateline.store.state import ReadingState, SavedSearch
from dateline.themes import fact_variable_defaults, load_themes
from dateline.tui.key_order import KeyOrder
from dateline.tui.messages import (
    FactsProgress,
    FactsReady,
    FeedFetched,
    FeedsFetched,
    FilesChanged,
    IndexingDone,
    LibraryFailed,
    ListingChanged,
    ReportRequested,
    ReportWritten,
    SavedSearchCounts,
    SourceOpened,
    StoriesReady,
)
from dateline.tui.screens.help import HelpScreen
from dateline.tui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from dateline.model.corpus import Corpus
    from dateline.store.finding import BackgroundFacts
    from dateline.stories import Story

DEFAULT_THEME = "dateline-dark"
THEME_PREFERENCE = "theme"
# Entries read from the cache before the first paint: a screenful and more.
FIRST_SCREEN = 100
# Articles kept parsed in memory, and facts kept decoded.
ARTICLE_CACHE = 64
# Facts are found once the list is on screen, or after this long at most.
FACTS_AFTER_PAINT_S = 2.0
# Articles whose facts are missing when stories are grouped, found there
# rather than left out (more means the facts worker was stopped: left out).
FACTS_HERE = 16
# A file written to while it was read is read again after this long.
SETTLE_SECONDS = 0.5
# Story notifications after a reading: a few, then a count.
STORY_NEWS_SHOWN = 3
# While watching, the feeds that are due are looked for this long after
# start-up, then this often (each feed is fetched every config.feed_interval).
FEEDS_FIRST_CHECK_S = 2.0
FEEDS_CHECK_S = 60.0
# The garbage collector, off during start-up, is on again after this long at most.
GC_AFTER_START_S = 2.0
# The saved searches' unread counts are counted again at most this often while
# the list or the marks change (each count is a query over the whole corpus),
# and this often while facts are being found.
RECOUNT_S = 0.5
RECOUNT_WHILE_FINDING_S = 5.0


class DatelineApp(App[int]):
    CSS_PATH = "app.tcss"
    # Stories are grouped in memory over every article's text and facts; above
    # this many articles that costs more memory than a reader should pay.
    STORY_LIMIT = 20_000
    TITLE = "Dateline"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("t", "next_theme", "Theme"),
        Binding("r", "fetch_feeds", "Fetch feeds", show=False),
    ]

    def __init__(
        self,
        corpus: Corpus | None = None,
        *,
        paths: Sequence[Path] = (),
        library: Library | None = None,
        theme: str | None = None,
        config: Config | None = None,
        state: ReadingState | None = None,
        theme_folders: Iterable[Path] | None = None,
        watch: bool | None = None,
    ) -> None:
        """Read `corpus` (articles already loaded), or the files under `paths`
        through the library's cache; with `watch` (default: the config's),
        read their new and changed files as they come."""
        super().__init__()
        # Keys one at a time, so that one that moves the focus (`/`) has
        # moved it before the next is read.
        self._key_order = KeyOrder(self, super().on_event)
        self.requested_theme = theme
        self.problems: list[str] = []
        self.load_problems: list[str] = []
        # The files of a corpus given whole, so that fetching feeds (`r`) can
        # list them beside the fetched articles.
        self._corpus_files: list[Path] = []
        if corpus is not None:
            self.library = library or Library.temporary_library()
            self.roots: list[Path] | None = None
            self._corpus_files = sorted({article.path for article in corpus.articles})
            self.listing = Listing(self.library.add(corpus.articles))
            self.load_problems += [f"Skipped {problem}" for problem in corpus.problems]
        else:
            self.library = library or Library.open()
            self.roots = list(paths)
            self.listing = Listing(self.library.entries(self.roots, limit=FIRST_SCREEN))
        self.problems += self.library.problems
        self.library.on_problem = self._library_problem
        # What the list pane reports of the background work: a label, the
        # work done and the whole; None when idle.
        self.progress: tuple[str, float, float] | None = None
        self.indexing = self.roots is not None
        if self.indexing:
            self.progress = ("Looking for new and changed files…", 0, 1)
        if config is None:
            config, config_problems = load_config()
            self.problems += config_problems
        self.config = config
        # Watching the corpus's folders (`--watch`): changed paths not read yet,
        # and the event that ends the watch.
        self.watching = bool(config.watch if watch is None else watch) and self.roots is not None
        self._changed_files: set[Path] = set()
        self._stop_watching = threading.Event()
        self.state = state if state is not None else ReadingState.open()
        # Marks kept under article ids by an older Dateline follow their
        # articles from here on (a look at two small tables when none are left).
        self.state.adopt_legacy_marks(self.library.legacy_reading_keys)
        self.problems += self.state.problems
        folders = (
            list(theme_folders) if theme_folders is not None else [themes_dir(), user_themes_dir()]
        )
        catalog = load_themes(*folders)
        self.problems += catalog.problems
        self.dateline_themes: dict[str, Theme] = catalog.themes
        for dateline_theme in self.dateline_themes.values():
            self.register_theme(dateline_theme)
        self.theme_errors: list[str] = []
        self._start_with_theme(self._initial_theme())
        # Reading keys (`Entry.reading_key`) of the articles read and starred.
        self.read_keys: set[str] = self.state.read_keys()
        self.starred_keys: set[str] = self.state.starred_keys()
        # Searches saved under a name, and each one's count of unread articles
        # (absent until counted; None when its query cannot be read).
        self.saved_searches: list[SavedSearch] = self.state.saved_searches()
        self.saved_unread: dict[str, int | None] = {}
        self._recount_pending = False
        # By rowid: an id can pass to another article when ids clash.
        self._facts: OrderedDict[int, ArticleFacts] = OrderedDict()
        self._articles: OrderedDict[int, Article] = OrderedDict()
        # The article on screen (its id and row): the facts worker sends its facts at once.
        self._wanted: tuple[str, int, str] | None = None  # id, rowid, content hash
        self._background_facts: BackgroundFacts | None = None
        # None until the stories worker is done.
        self.stories: list[Story] | None = None
        self.story_of: dict[str, Story] = {}
        self.group_by_story = False
        # Times the library worker met a cache it could not write (see `_library_failed`).
        self._library_failures = 0
        # Fetching feeds (`r`): a line per feed done, and whether a fetch is on.
        self.feed_lines: list[tuple[str, bool]] = []
        self.fetching = False
        self.fetching_on_schedule = False  # the fetch on is the watch's, done quietly
        self._feed_problems_said: set[str] = set()  # by the schedule's fetches
        # Set once a frame with the list in it is on the terminal. Finding facts
        # waits for it: the extractors' import and first articles hold the
        # interpreter for tens of milliseconds, which the first frame waited on.
        self._list_painted = threading.Event()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self._key_order.key(event)
        else:
            await super().on_event(event)

    def get_default_screen(self) -> Screen:
        return ReaderScreen()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Textual's own themes carry no fact colours: pick defaults that read
        # on their background.
        return fact_variable_defaults(dark=self.current_theme.dark)

    # Start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for error in self.theme_errors:
            self.notify(error, severity="error", timeout=10, markup=False)
        for problem in self.problems:
            self.notify(problem, title="Dateline", severity="warning", timeout=10, markup=False)
        self._notify_load_problems(self.load_problems)
        self._when_list_painted()
        self.recount_saved_searches(0)
        if self.watching:
            self.watch_folders()
            self.set_timer(FEEDS_FIRST_CHECK_S, self.fetch_due_feeds)
            self.set_interval(FEEDS_CHECK_S, self.fetch_due_feeds)
        self.set_timer(GC_AFTER_START_S, self._collect_garbage_again)
        if len(self.listing):
            # The first screenful came from the cache: paint it, then look over
            # the corpus. Listing 100,000 cached articles in the worker held the
            # interpreter while the first frame was being built.
            self.call_after_refresh(self.read_library)
        else:
            self.read_library()

    def _when_list_painted(self) -> None:
        """Note the next frame, if the list is in it (or nothing is left to list)."""
        if not self._list_painted.is_set() and (len(self.listing) or not self.indexing):
            self.call_after_refresh(self._first_paint_done)

    def _first_paint_done(self) -> None:
        self._list_painted.set()
        self._collect_garbage_again()

    def _collect_garbage_again(self) -> None:
        """Turn the garbage collector back on, if start-up turned it off
        (`dateline.cli.reader_main`), once the list is on screen or after
        `GC_AFTER_START_S` at most. What start-up made lives as long as the
        app: it is moved out of the collector's sight, so that no full pass
        walks it again."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def _wait_for_list_painted(self) -> None:
        """In a worker: wait until the list is on screen, before finding facts."""
        self._list_painted.wait(FACTS_AFTER_PAINT_S)

    def _notify_load_problems(self, problems: Sequence[str]) -> None:
        shown = problems[:5]
        for problem in shown:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if len(problems) > len(shown):
            self.notify(
                f"…and {len(problems) - len(shown)} more files could not be read in full"
                " (dateline index PATH lists them all).",
                severity="warning",
                timeout=10,
                markup=False,
            )

    def _initial_theme(self) -> str:
        requested = self.requested_theme
        if requested and requested in self.available_themes:
            return requested
        if requested:
            names = ", ".join(sorted(self.dateline_themes)) or "none"
            self.theme_errors.append(
                f"There is no theme called {requested!r}. Dateline themes: {names}."
            )
        for candidate in (self.state.get_preference(THEME_PREFERENCE), self.config.theme):
            if candidate and candidate in self.available_themes:
                return candidate
        if DEFAULT_THEME in self.available_themes:
            return DEFAULT_THEME
        return "textual-dark"

    def _start_with_theme(self, name: str) -> None:
        """Make `name` the theme before anything is styled.

        Setting `App.theme` runs its watcher, which queues a `refresh_css`:
        every stylesheet parsed again and applied to every widget, in the
        first frame's time (about 7 ms of the seeds' first paint), though
        nothing has been styled yet. So the reactive is set without its
        watcher, and what the watcher would change is set here: the
        stylesheet's variables (parsed later, once, with the right values),
        the theme's classes on the App, and the ANSI colour mapping."""
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        self.stylesheet.set_variables(self.get_css_variables())
        self.add_class(f"-theme-{theme.name}", update=False)
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def _remember_theme(self, theme: Theme) -> None:
        self.state.set_preference(THEME_PREFERENCE, theme.name)

    # The library ---------------------------------------------------------------

    def _library_problem(self, message: str) -> None:
        # Called from whichever thread met the problem; notify is thread-safe.
        self.notify(message, title="Dateline", severity="warning", timeout=10, markup=False)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def read_library(self, files: set[Path] | None = None) -> None:
        """List the corpus (cache first, then any file that changed), then
        extract the facts of every article that has none. With `files`
        (seen to change while watching), only those are read."""
        try:
            self._read_library(files)
        except sqlite3.Error as error:
            self.post_message(LibraryFailed(error))

    @on(LibraryFailed)
    def _library_failed(self, message: LibraryFailed) -> None:
        """Move to a cache that works, and list the corpus again from it. Done
        here, on the UI thread, so that no lookup meets the old library's rowids
        in the new one."""
        error, old = message.error, self.library
        self._library_failures += 1
        if self.roots is None or old.path is None or self._library_failures > 3:
            self.notify(
                f"The article list cannot be kept ({error}); what is listed stays.",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        if self._background_facts is not None:
            self._background_facts.close()  # it stores into the old library
            self._background_facts = None
        old.close()
        reason = f"{old.location}: the article cache cannot be written ({error})"
        if is_damage(error) and not old.temporary:
            # Opening again sets the damaged file aside and starts it afresh.
            self.library = Library.open(old.path)
        elif not old.temporary:
            self.library = Library.temporary_library([reason])
        else:
            self.library = Library.memory_library([f"{reason}; it is kept in memory instead"])
        self.library.on_problem = self._library_problem
        for problem in self.library.problems:
            self.notify(problem, title="Dateline", severity="warning", timeout=15, markup=False)
        self._articles.clear()
        self._facts.clear()
        self.listing = Listing()
        self.indexing = True
        self.progress = ("Reading the files again…", 0, 1)
        self._refresh_lists()
        self.read_library()

    def _read_library(self, files: set[Path] | None = None) -> None:
        worker = get_current_worker()
        if self.roots is not None and files is not None:
            self._read_changed(files, lambda: worker.is_cancelled)
        elif self.roots is not None:
            # Sorted and de-duplicated here, off the UI thread.
            snapshot = self.library.snapshot(self.roots)
            listing = Listing(snapshot.entries)
            self.post_message(ListingChanged(ListingChange(), None, listing=listing))

            def report(change: ListingChange, progress: IndexProgress) -> None:
                self.post_message(ListingChanged(change, progress))

            result = self.library.index(
                self.roots, report, lambda: worker.is_cancelled, known=snapshot.files
            )
            found = [*result.problems, *self.library.file_problems(self.roots)]
            problems = [f"Skipped {problem}" for problem in found]
            self.post_message(IndexingDone(problems))
        self._extract_missing(lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self._group_stories()

    def _read_changed(self, files: set[Path], cancelled: Callable[[], bool]) -> None:
        """Read the files the watch saw change: the same path as a whole
        reading, over those files alone. One written to again while it was
        read (half-written when seen) goes back to the watch's queue."""
        assert self.roots is not None

        def report(change: ListingChange, progress: IndexProgress) -> None:
            self.post_message(ListingChanged(change, progress))

        result = self.library.index(self.roots, report, cancelled, files=files)
        found = [*result.problems, *self.library.file_problems(files)]
        self.post_message(IndexingDone([f"Skipped {problem}" for problem in found]))
        unsettled = self.library.changed_since_read(files)
        if unsettled and not cancelled():
            self.post_message(FilesChanged({Path(path) for path in unsettled}, settling=True))

    def _group_stories(self) -> None:
        from dateline.stories import group_stories

        # From the cache, not the app's listing: the changes this worker just
        # read may not have reached the listing yet (it is the UI thread's).
        if self.roots is not None:
            entries = Listing(self.library.entries(self.roots)).entries
        else:
            entries = list(self.listing.entries)
        if len(entries) > self.STORY_LIMIT:
            self.post_message(StoriesReady([]))
            return
        items = []
        waiting = []
        for entry in entries:
            article, facts = self.library.article(entry.rowid), self.library.facts(entry.rowid)
            if article is not None and facts is not None:
                items.append((as_listed(article, entry), facts))
            elif article is not None:
                waiting.append((article, entry))
        if 0 < len(waiting) <= FACTS_HERE:
            # Facts still on their way (the open article's, found apart): a
            # new article must not miss its story for that, so find them here.
            self.library.extract_missing(
                lambda done, total, rate: None, rowids=[entry.rowid for _, entry in waiting]
            )
            for article, entry in waiting:
                if (facts := self.library.facts(entry.rowid)) is not None:
                    items.append((as_listed(article, entry), facts))
        self.post_message(StoriesReady(group_stories(items)))

    def _extract_missing(self, cancelled: Callable[[], bool]) -> None:
        self._wait_for_list_painted()

        def report(done: int, total: int, rate: float) -> None:
            self.post_message(FactsProgress(done, total, rate))

        self.background_facts.missing(report, cancelled)

    @property
    def background_facts(self) -> BackgroundFacts:
        """Facts found in worker processes, so that no article holds the
        interface's interpreter; made when first needed."""
        if self._background_facts is None:
            from dateline.store.finding import BackgroundFacts

            self._background_facts = BackgroundFacts(
                self.library, self._facts_found, budget=self.config.facts_time_budget
            )
        return self._background_facts

    def _facts_found(self, rowid: int, digest: str, facts: ArticleFacts) -> None:
        """From a worker thread: an article's facts are stored. They are the
        open article's if found in its text: a rowid alone may have passed to
        another article since."""
        wanted = self._wanted
        if wanted is not None and wanted[1:] == (rowid, digest):
            self.post_message(FactsReady(wanted[0], facts))

    @work(thread=True, exclusive=False, group="facts-now", exit_on_error=False)
    def extract_now(self, article: Article, rowid: int) -> None:
        """The open article's facts, before any other's."""
        self._wait_for_list_painted()
        try:
            self.background_facts.urgent(rowid, article)
        except sqlite3.Error as error:
            self.library.failed(error)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        # Workers never take the app down; a failure is said, not swallowed.
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(
                f"Background work ({event.worker.name}) failed: {type(error).__name__}: {error}",
                severity="error",
                timeout=15,
                markup=False,
            )

    @on(ListingChanged)
    def _listing_changed(self, message: ListingChanged) -> None:
        change = message.change
        # Re-reading an unchanged corpus reports progress every quarter of a
        # second with nothing added or removed: the list stays as it is, and
        # only the status line moves (rebuilding the list for 100,000 entries
        # cost the UI tens of milliseconds each time, in among key presses).
        entries_changed = message.listing is not None or bool(change.added or change.removed)
        if message.listing is not None:
            self.listing = message.listing
        elif entries_changed:
            self.listing.apply(change.added, change.removed)
        # SQLite gives a removed row's number to the next row (a file read
        # again): what was kept in memory under it is another article's.
        for rowid in change.removed:
            self._articles.pop(rowid, None)
            self._facts.pop(rowid, None)
        if message.progress is not None:
            progress = message.progress
            if progress.streaming is not None:  # one large file: how far into it
                name = inert(Path(progress.streaming).name)
                label = (
                    f"{name} · {progress.stream_done / 1e6:,.0f} of"
                    f" {progress.stream_size / 1e6:,.0f} MB · {progress.article_rate:,.0f}/s"
                )
                self.progress = (label, progress.stream_done, max(progress.stream_size, 1))
            else:
                more = "+" if progress.walking else ""
                label = (
                    f"Files {progress.files_done:,}/{progress.files_total:,}{more}"
                    f" · {progress.rate:,.0f}/s"
                )
                self.progress = (label, progress.files_done, max(progress.files_total, 1))
        self._refresh_lists(entries=entries_changed)

    @on(StoriesReady)
    def _stories_ready(self, message: StoriesReady) -> None:
        if self.stories is not None:
            self._announce_story_news(self.story_of, message.stories)
        self.stories = message.stories
        self.story_of = {
            article_id: story for story in message.stories for article_id in story.article_ids
        }
        self._refresh_lists()

    # Saved searches --------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        """Save `query` under `name` (in place of one of that name)."""
        self.state.save_search(name, query)
        self.saved_searches = self.state.saved_searches()
        self.saved_unread.pop(name, None)
        self._refresh_lists(entries=False)
        self.recount_saved_searches(0)

    def delete_search(self, name: str) -> None:
        self.state.delete_search(name)
        self.saved_searches = self.state.saved_searches()
        self.saved_unread.pop(name, None)
        self._refresh_lists(entries=False)

    def recount_saved_searches(self, after: float = RECOUNT_S) -> None:
        """Count the saved searches' unread articles again, in a worker, within
        `after` seconds: changes that come together are counted once."""
        if not self.saved_searches or self._recount_pending:
            return
        self._recount_pending = True
        if after > 0:
            self.set_timer(after, self._start_recount, name="recount saved searches")
        else:  # Textual's timers take no delay of 0
            self.call_later(self._start_recount)

    def _start_recount(self) -> None:
        self._recount_pending = False
        # Taken here, on the UI thread: the worker counts what is listed now.
        self._count_saved_searches(
            list(self.saved_searches), self.listing, frozenset(self.read_keys)
        )

    @work(thread=True, exclusive=True, group="saved-searches", exit_on_error=False)
    def _count_saved_searches(
        self, searches: list[SavedSearch], listing: Listing, read: frozenset[str]
    ) -> None:
        from dateline.store.query import unread_count

        worker = get_current_worker()
        counts: dict[str, int | None] = {}
        for search in searches:
            if worker.is_cancelled:
                return
            counts[search.name] = unread_count(listing, search.query, self.library, read)
        self.post_message(SavedSearchCounts(counts))

    @on(SavedSearchCounts)
    def _saved_search_counts(self, message: SavedSearchCounts) -> None:
        self.saved_unread = message.unread
        self._refresh_lists(entries=False)

    @on(SourceOpened)
    def _open_source(self, message: SourceOpened) -> None:
        if isinstance(self.screen, ReaderScreen):
            self.screen.show_source(
                message.article_id, message.paragraph, message.start_char, message.end_char
            )

    def story_for(self, article_id: str) -> Story | None:
        return self.story_of.get(article_id)

    @on(IndexingDone)
    def _indexing_done(self, message: IndexingDone) -> None:
        self.progress = None
        self.indexing = False
        # The listing's objects live as long as the app: move them out of the
        # garbage collector's sight, or every full collection walks 100,000
        # entries (a pause of a couple of hundred milliseconds, measured).
        gc.freeze()
        self._notify_load_problems(message.problems)
        self._refresh_lists()
        self.recount_saved_searches()
        self._read_changed_files()

    # Watching ------------------------------------------------------------------

    @work(thread=True, group="watch", exit_on_error=False)
    def watch_folders(self) -> None:
        """Tell the app of each burst of changes in the corpus's folders,
        until it quits (watchfiles waits in its own code, off the UI thread)."""
        from dateline.sources.watch import batches

        assert self.roots is not None
        for paths in batches(self.roots, self._stop_watching):
            self.post_message(FilesChanged(paths))

    @on(FilesChanged)
    def _files_changed(self, message: FilesChanged) -> None:
        if message.settling:
            # Written to while it was read: read again once it has had a moment.
            self.set_timer(SETTLE_SECONDS, lambda: self._queue_changed(message.paths))
        else:
            self._queue_changed(message.paths)

    def _queue_changed(self, paths: set[Path]) -> None:
        self._changed_files |= paths
        self._read_changed_files()

    def _read_changed_files(self) -> None:
        """Read the files changed so far, unless a reading is under way (the
        whole corpus at start, or the changes before): then when it is done.
        The facts and stories that follow a reading are left to the next one."""
        if self.indexing or not self._changed_files or self.roots is None:
            return
        files, self._changed_files = self._changed_files, set()
        self.indexing = True
        self.progress = ("Reading changed files…", 0, 1)
        self._refresh_lists(entries=False)
        self.read_library(files)

    def _announce_story_news(self, before: dict[str, Story], stories: list[Story]) -> None:
        """A notification for each story that gained articles since the last
        grouping (or formed), a few at most."""
        from dateline.stories import story_news

        news = story_news(before, stories)
        for story, added, new in news[:STORY_NEWS_SHOWN]:
            if new:
                message = f"New story §{story.number}: {story.title} ({len(added)} articles)"
            else:
                titles = [self._title(article_id) for article_id in added]
                articles = "an article" if len(added) == 1 else f"{len(added)} articles"
                message = f"Story §{story.number} gained {articles}: {'; '.join(titles)}"
            self.notify(message, title="Stories", timeout=8, markup=False)
        if len(news) > STORY_NEWS_SHOWN:
            self.notify(
                f"…and {len(news) - STORY_NEWS_SHOWN} more stories changed (v groups the list).",
                title="Stories",
                timeout=8,
                markup=False,
            )

    def _title(self, article_id: str) -> str:
        entry = self.listing.get(article_id)
        return entry.title if entry is not None else article_id

    @on(FactsProgress)
    def _facts_progress(self, message: FactsProgress) -> None:
        if message.done >= message.total:
            self.progress = None
            self.recount_saved_searches()
        else:
            self.recount_saved_searches(RECOUNT_WHILE_FINDING_S)
            label = f"Facts {message.done:,}/{message.total:,} · {message.rate:,.0f}/s"
            self.progress = (label, message.done, message.total)
        self._refresh_lists(entries=False)

    def _refresh_lists(self, *, entries: bool = True) -> None:
        self._when_list_painted()
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.library_changed(entries=entries)

    def article(self, article_id: str) -> Article | None:
        """The article, from memory or the cache."""
        entry = self.listing.get(article_id)
        if entry is None:
            return None
        if (article := self._articles.get(entry.rowid)) is not None:
            self._articles.move_to_end(entry.rowid)
            return as_listed(article, entry)
        article = self.library.article(entry.rowid)
        if article is not None:
            # The cache keeps one article for every corpus holding its file:
            # it is shown under the id this listing gives it.
            article = as_listed(article, entry)
            self._articles[entry.rowid] = article
            if len(self._articles) > ARTICLE_CACHE:
                self._articles.popitem(last=False)
        return article

    def entry(self, article_id: str) -> Entry | None:
        return self.listing.get(article_id)

    # Facts ---------------------------------------------------------------------

    @on(FactsReady)
    def _store_facts(self, message: FactsReady) -> None:
        self._remember_facts(message.article_id, message.facts)
        # The reader screen stays on the stack under help or the palette.
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.facts_arrived(message.article_id, message.facts)

    def _remember_facts(self, article_id: str, facts: ArticleFacts) -> None:
        entry = self.listing.get(article_id)
        if entry is None:
            return
        self._facts[entry.rowid] = facts
        if len(self._facts) > ARTICLE_CACHE:
            self._facts.popitem(last=False)

    def facts_for(self, article: Article) -> ArticleFacts | None:
        """The article's facts if they are ready; otherwise None, and they are on their way."""
        entry = self.listing.get(article.id)
        self._wanted = None if entry is None else (article.id, entry.rowid, entry.digest)
        if entry is None:
            return None
        if (facts := self._facts.get(entry.rowid)) is not None:
            return facts
        facts = self.library.facts(entry.rowid)
        if facts is not None:
            self._remember_facts(article.id, facts)
            return facts
        self.extract_now(article, entry.rowid)
        return None

    # Feeds -------------------------------------------------------------------------

    def action_fetch_feeds(self) -> None:
        if self.fetching:
            self.notify("Already fetching your feeds.", timeout=3, markup=False)
            return
        self.fetching = True
        self.fetching_on_schedule = False
        self.feed_lines = []
        self.progress = ("Fetching feeds…", 0, 1)
        self._refresh_lists(entries=False)
        self.fetch_feeds()

    def fetch_due_feeds(self) -> None:
        """While watching: fetch, quietly, the feeds whose time has come (each
        every `config.feed_interval` minutes). Nothing shows unless articles
        come or a feed fails; a fetch already on (`r`) is left alone."""
        if self.fetching:
            return
        self.fetching = True
        self.fetching_on_schedule = True
        self.fetch_feeds(scheduled=True)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def fetch_feeds(self, scheduled: bool = False) -> None:
        """Fetch every feed followed (`scheduled`: those due), a line per feed
        as each is done; the network is only ever waited on here, never on
        the UI thread."""
        from dateline.sources import fetched_dir
        from dateline.sources.subscriptions import Subscriptions
        from dateline.sources.update import FeedUpdate, update_feeds

        worker = get_current_worker()
        updates: list[FeedUpdate] = []
        problems: list[str] = []
        try:
            subscriptions = Subscriptions.open()
            problems = list(subscriptions.problems)
            try:
                urls = None
                if scheduled:
                    urls = subscriptions.due(self.config.feed_interval * 60)
                    if not urls:
                        return

                def report(update: FeedUpdate, done: int, total: int) -> None:
                    self.post_message(
                        FeedFetched(update.line, update.error is not None, done, total)
                    )

                updates = update_feeds(
                    subscriptions,
                    fetched_dir(),
                    urls=urls,
                    report=report,
                    cancelled=lambda: worker.is_cancelled,
                )
            finally:
                subscriptions.close()
        finally:
            self.post_message(
                FeedsFetched(
                    len(updates),
                    sum(u.new for u in updates),
                    sum(u.updated for u in updates),
                    [u.line for u in updates if u.error is not None],
                    problems,
                    scheduled,
                )
            )

    @on(FeedFetched)
    def _feed_fetched(self, message: FeedFetched) -> None:
        if self.fetching_on_schedule:
            return  # quiet: said at the end, if anything came
        self.feed_lines.append((message.line, message.failed))
        self.progress = (f"Feeds {message.done:,}/{message.total:,}", message.done, message.total)
        self._refresh_lists(entries=False)

    @on(FeedsFetched)
    def _feeds_fetched(self, message: FeedsFetched) -> None:
        from dateline.sources import fetched_dir

        self.fetching = False
        problems = message.problems
        if message.scheduled:
            # The schedule looks every minute: a problem with the
            # subscriptions file is said once, and the progress bar, which
            # the schedule never set, may be another task's.
            problems = [p for p in problems if p not in self._feed_problems_said]
            self._feed_problems_said.update(problems)
        else:
            self.feed_lines = []
            self.progress = None
        for problem in problems:
            self.notify(problem, title="Dateline", severity="warning", timeout=10, markup=False)
        if message.scheduled and not (message.new or message.updated or message.failures):
            return  # nothing came on the schedule: nothing to say
        if not message.feeds:
            self.notify(
                "You follow no feeds yet: dateline feeds add URL, or dateline feeds import"
                " FILE.opml, then r.",
                timeout=8,
                markup=False,
            )
            self._refresh_lists(entries=False)
            return
        failed = len(message.failures)
        summary = (
            f"Feeds: {message.new} new articles, {message.updated} updated from"
            f" {message.feeds} feeds" + (f"; {failed} failed" if failed else ".")
        )
        self.notify(summary, timeout=6, markup=False)
        for line in message.failures[:3]:
            self.notify(line, severity="warning", timeout=10, markup=False)
        if failed > 3:
            self.notify(
                f"…and {failed - 3} more feeds failed (dateline feeds list says why).",
                severity="warning",
                timeout=10,
                markup=False,
            )
        # List the fetched folder with the rest: the library worker reads what
        # changed in it (and only that), then finds the new articles' facts.
        folder = fetched_dir()
        roots = self.roots if self.roots is not None else list(self._corpus_files)
        if folder not in roots:
            roots.append(folder)
        self.roots = roots
        self.indexing = True
        self.progress = ("Reading fetched articles…", 0, 1)
        self._refresh_lists(entries=False)
        self.read_library()

    # The story report ------------------------------------------------------------

    @on(ReportRequested)
    def _report_requested(self, message: ReportRequested) -> None:
        self.notify(f"Writing the report to {message.path}…", timeout=3, markup=False)
        self.write_report(message.story, message.path)

    @work(thread=True, group="report", exit_on_error=False)
    def write_report(self, story: Story, path: Path) -> None:
        """Write the story's report, off the UI thread: its articles come from
        the cache. HTML unless the file's name ends in .md."""
        from dateline.output.report import (
            FORMAT_OF_SUFFIX,
            render,
            story_document,
            story_report,
        )

        articles = {}
        for article_id in story.article_ids:
            entry = self.listing.get(article_id)
            article = None if entry is None else self.library.article(entry.rowid)
            if entry is not None and article is not None:
                articles[article_id] = as_listed(article, entry)
        fmt = FORMAT_OF_SUFFIX.get(path.suffix.lower(), "html")
        text = render(story_document([story_report(story, articles)]), fmt)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.post_message(ReportWritten(path, error.strerror or str(error)))
            return
        self.post_message(ReportWritten(path, None))

    @on(ReportWritten)
    def _report_written(self, message: ReportWritten) -> None:
        if message.error is None:
            self.notify(f"Report written to {message.path}", timeout=8, markup=False)
        else:
            self.notify(
                f"The report could not be written to {message.path}: {message.error}",
                severity="error",
                timeout=10,
                markup=False,
            )

    def open_in_browser(self, url: str) -> None:
        """Open `url` in the web browser, off the UI thread: a text browser
        would hold the thread until it quits."""
        self._open_in_browser(url)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        import webbrowser

        if not webbrowser.open(url):
            self.notify(
                f"No web browser could be started for {url}; y copies the link.",
                severity="warning",
                timeout=8,
                markup=False,
            )

    # Reading state ---------------------------------------------------------------

    def mark_read(self, article_id: str) -> None:
        entry = self.listing.get(article_id)
        if not self.config.mark_read_on_open or entry is None:
            return
        if entry.reading_key in self.read_keys:
            return
        self.read_keys.add(entry.reading_key)
        self.state.set_read(entry.reading_key)
        self.recount_saved_searches()

    def toggle_star(self, article_id: str) -> bool:
        """Star or unstar an article; True when it is now starred."""
        entry = self.listing.get(article_id)
        if entry is None:
            return False
        starred = entry.reading_key not in self.starred_keys
        if starred:
            self.starred_keys.add(entry.reading_key)
        else:
            self.starred_keys.discard(entry.reading_key)
        self.state.set_starred(entry.reading_key, starred)
        self.recount_saved_searches()
        return starred

    # Actions ---------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_next_theme(self) -> None:
        names = sorted(self.dateline_themes) or sorted(self.available_themes)
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.theme = names[index % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Show every key Dateline knows", self.action_help)
        yield SystemCommand("Next theme", "Cycle through Dateline's themes", self.action_next_theme)
        if isinstance(screen, ReaderScreen):
            yield SystemCommand(
                "Toggle facts sidebar", "Show or hide the facts", screen.action_toggle_facts
            )
            yield SystemCommand("Filter articles", "Filter the list by text", screen.action_filter)
            yield SystemCommand(
                "Open story", "The open article's story: one timeline", screen.action_story
            )
            yield SystemCommand(
                "Group by story", "Show the list's stories together", screen.action_group_stories
            )
            yield SystemCommand(
                "Open link",
                "Open the article's link in the web browser (o)",
                screen.action_open_link,
            )
            yield SystemCommand("Copy link", "Copy the article's link (y)", screen.action_copy_link)
            yield SystemCommand(
                "Save this search",
                "Save the search in the box under a name (ctrl+s in the box)",
                screen.action_save_search,
            )
            for number, search in enumerate(self.saved_searches, start=1):
                unread = self.saved_unread.get(search.name)
                counted = "" if unread is None else f" · {unread:,} unread"
                yield SystemCommand(
                    f"Saved search: {search.name}",
                    f"{search.query}{counted}" + (f" ({number})" if number <= 9 else ""),
                    functools.partial(screen.filter_by, search.query),
                )
            for search in self.saved_searches:
                yield SystemCommand(
                    f"Delete saved search: {search.name}",
                    search.query,
                    functools.partial(screen.delete_saved_search, search.name),
                )
        # Imported here: the story screen is not needed for the first paint.
        from dateline.tui.screens.story import StoryScreen

        if isinstance(screen, StoryScreen):
            yield SystemCommand(
                "Report this story",
                "Write the story's report: one HTML page, or Markdown (.md)",
                screen.action_report,
            )
        yield SystemCommand(
            "Fetch feeds",
            "Fetch the feeds you follow, in the background (r)",
            self.action_fetch_feeds,
        )

    def on_unmount(self) -> None:
        self._stop_watching.set()  # the watch ends at its next step
        self.workers.cancel_all()
        if self._background_facts is not None:
            self._background_facts.close()
        self.state.close()
        self.library.close()
