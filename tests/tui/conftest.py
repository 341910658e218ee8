"""A fixture app on fixed data: the seed corpus, the bundled themes only, a
default config, reading state in a private folder, no animations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from dateline.config import Config
from dateline.model.corpus import Corpus
from dateline.resources import themes_dir
from dateline.store.state import ReadingState
from dateline.tui.app import DatelineApp

AppFactory = Callable[..., DatelineApp]


@pytest.fixture
def make_app(seed_corpus: Corpus, tmp_path: Path) -> AppFactory:
    def factory(
        corpus: Corpus | None = None,
        *,
        theme: str | None = "dateline-dark",
        state_path: Path | None = None,
    ) -> DatelineApp:
        return DatelineApp(
            seed_corpus if corpus is None else corpus,
            theme=theme,
            config=Config(),
            state=ReadingState.open(state_path or tmp_path / "state.sqlite3"),
            theme_folders=[themes_dir()],
        )

    return factory


async def settle(pilot: Pilot) -> None:
    """Wait until the facts worker is done and the screen shows the open
    article's facts, with every refresh that follows done."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    screen = pilot.app.screen
    for _ in range(100):
        await pilot.pause()
        article = getattr(screen, "article", None)
        if article is None or getattr(screen, "facts", None) is not None:
            break
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    await pilot.pause()
