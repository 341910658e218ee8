"""The Dateline application: wiring between the corpus, the facts, the reading
state and the screens."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import get_current_worker

from dateline.config import Config, load_config, user_themes_dir
from dateline.facts.base import ArticleFacts
from dateline.model.article import Article
from dateline.model.corpus import Corpus
from dateline.resources import themes_dir
from dateline.store.state import ReadingState
from dateline.themes import fact_variable_defaults, load_themes
from dateline.tui.messages import FactsReady
from dateline.tui.screens.help import HelpScreen
from dateline.tui.screens.reader import ReaderScreen

DEFAULT_THEME = "dateline-dark"
THEME_PREFERENCE = "theme"


class DatelineApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "Dateline"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("t", "next_theme", "Theme"),
    ]

    def __init__(
        self,
        corpus: Corpus,
        *,
        theme: str | None = None,
        config: Config | None = None,
        state: ReadingState | None = None,
        theme_folders: Iterable[Path] | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.requested_theme = theme
        self.problems: list[str] = []
        if config is None:
            config, config_problems = load_config()
            self.problems += config_problems
        self.config = config
        self.state = state if state is not None else ReadingState.open()
        self.problems += self.state.problems
        folders = (
            list(theme_folders) if theme_folders is not None else [themes_dir(), user_themes_dir()]
        )
        catalog = load_themes(*folders)
        self.problems += catalog.problems
        self.dateline_themes: dict[str, Theme] = catalog.themes
        self.read_ids: set[str] = self.state.read_ids()
        self._facts: dict[str, ArticleFacts] = {}

    def get_default_screen(self) -> Screen:
        return ReaderScreen()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Textual's own themes carry no fact colours: pick defaults that read
        # on their background.
        return fact_variable_defaults(dark=self.current_theme.dark)

    # Start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        for dateline_theme in self.dateline_themes.values():
            self.register_theme(dateline_theme)
        self.theme = self._initial_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for problem in self.problems:
            self.notify(problem, title="Dateline", severity="warning", timeout=10, markup=False)
        for load_problem in self.corpus.problems:
            self.notify(f"Skipped {load_problem}", severity="warning", timeout=10, markup=False)
        self.extract_all(list(self.corpus))

    def _initial_theme(self) -> str:
        requested = self.requested_theme
        if requested and requested in self.available_themes:
            return requested
        if requested:
            names = ", ".join(sorted(self.dateline_themes)) or "none"
            self.notify(
                f"There is no theme called {requested!r}. Dateline themes: {names}.",
                severity="error",
                timeout=10,
                markup=False,
            )
        for candidate in (self.state.get_preference(THEME_PREFERENCE), self.config.theme):
            if candidate and candidate in self.available_themes:
                return candidate
        if DEFAULT_THEME in self.available_themes:
            return DEFAULT_THEME
        return "textual-dark"

    def _remember_theme(self, theme: Theme) -> None:
        self.state.set_preference(THEME_PREFERENCE, theme.name)

    # Facts ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False)
    def extract_all(self, articles: list[Article]) -> None:
        # Imported here, in the worker thread: compiling the extractors' patterns
        # is work the first paint need not wait for.
        from dateline.facts.extract import extract_facts

        worker = get_current_worker()
        for article in articles:
            if worker.is_cancelled:
                return
            if article.id not in self._facts:
                self.post_message(FactsReady(article.id, extract_facts(article)))

    @on(FactsReady)
    def _store_facts(self, message: FactsReady) -> None:
        self._facts[message.article_id] = message.facts
        # The reader screen stays on the stack under help or the palette.
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.facts_arrived(message.article_id, message.facts)

    def facts_for(self, article: Article) -> ArticleFacts | None:
        """The article's facts if they are ready; otherwise None, and they are on their way."""
        return self._facts.get(article.id)

    # Reading state ---------------------------------------------------------------

    def mark_read(self, article_id: str) -> None:
        if not self.config.mark_read_on_open or article_id in self.read_ids:
            return
        self.read_ids.add(article_id)
        self.state.set_read(article_id)

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

    def on_unmount(self) -> None:
        self.state.close()
