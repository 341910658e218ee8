"""The search box's queries on facts, as typed: what a query finds, what one
that cannot be read says, and that the list keeps its last good result."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from dateline.store.state import ReadingState, SavedSearch
from dateline.tui.screens.save_search import SaveSearchScreen
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.saved_searches import SavedSearchList
from tests.conftest import SEED_000, SEED_001
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import SIZE


def problem_line(app) -> str | None:
    """The message under the search box, or None when it is hidden."""
    line = app.query_one("#query-problem", Static)
    return str(line.render()) if line.display else None


async def test_a_query_on_facts_narrows_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        await pilot.press("slash", *"money>1m")
        await pilot.pause()
        assert [e.id for e in articles.entries] == [SEED_001]  # £5m
        assert problem_line(app) is None
        box = app.query_one("#filter", Input)
        box.value = "said:Holmes percent>50"
        await pilot.pause()
        assert [e.id for e in articles.entries] == [SEED_000]  # 79%
        status = str(app.query_one("#list-status").render())
        assert "1 of 2 articles match" in status


async def test_a_bad_query_says_why_and_the_list_keeps_its_last_result(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        await pilot.press("slash", *"percent>50")
        await pilot.pause()
        assert [e.id for e in articles.entries] == [SEED_000]
        # Typing on: "percent>50 money>l" cannot be read. No exception, the
        # list stays, and a line under the box says why.
        await pilot.press(*" money>lots")
        await pilot.pause()
        assert [e.id for e in articles.entries] == [SEED_000]
        assert problem_line(app) == ("money>lots: an amount is a number such as 500k, £5m or 2.5bn")
        # Mended, the query runs again and the line goes.
        box = app.query_one("#filter", Input)
        box.value = "percent>50 money<1m"
        await pilot.pause()
        assert [e.id for e in articles.entries] == []
        assert problem_line(app) is None
        # An unclosed quotation mark: the same.
        box.value = 'person:"Paul'
        await pilot.pause()
        assert [e.id for e in articles.entries] == []
        assert problem_line(app) == 'A quotation mark is left open: close it with "'
        await pilot.press('"')
        await pilot.pause()
        assert [e.id for e in articles.entries] == [SEED_001, SEED_000]
        assert problem_line(app) is None
        # Escape clears the box, and the message with it.
        box.value = "on:2017-13"
        await pilot.pause()
        assert problem_line(app) is not None
        await pilot.press("escape")
        await pilot.pause()
        assert problem_line(app) is None
        assert len(articles.entries) == 2


# --- Saved searches ------------------------------------------------------------------


async def counted(pilot, name: str, unread: int | None) -> None:
    """Wait until the saved search `name` shows `unread` unread articles."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if app.saved_unread.get(name, -1) == unread:
            await pilot.pause()
            return
    raise AssertionError(f"{name}: {app.saved_unread.get(name)} unread, not {unread}")


def saved_lines(app) -> list[str]:
    saved = app.query_one(SavedSearchList)
    if not saved.display:
        return []
    return [str(saved.get_option_at_index(i).prompt) for i in range(saved.option_count)]


async def test_ctrl_s_saves_the_search_and_it_is_listed_with_its_unread_count(
    make_app: AppFactory, tmp_path: Path
) -> None:
    state_path = tmp_path / "state.sqlite3"
    app = make_app(state_path=state_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert saved_lines(app) == []  # no section until a search is saved
        await pilot.press("slash", *"person:Holmes", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveSearchScreen)
        await pilot.press("enter")  # no name yet: it asks for one
        assert isinstance(app.screen, SaveSearchScreen)
        await pilot.press(*"Holmes", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SaveSearchScreen)
        assert app.focused is app.query_one("#filter", Input)  # back to the box
        await counted(pilot, "Holmes", 2)
        assert saved_lines(app) == ["1 Holmes · 2 unread"]
        # A second one; escape in the dialog saves nothing.
        box = app.query_one("#filter", Input)
        box.value = "money>1m"
        await pilot.press("ctrl+s", *"x", "escape")
        await pilot.press("ctrl+s", *"Big sums", "enter")
        await counted(pilot, "Big sums", 1)
        assert saved_lines(app) == ["1 Holmes · 2 unread", "2 Big sums · 1 unread"]
        assert ReadingState.open(tmp_path / "check.sqlite3").saved_searches() == []
        assert app.state.saved_searches() == [
            SavedSearch("Holmes", "person:Holmes"),
            SavedSearch("Big sums", "money>1m"),
        ]
        # Reading one of its articles counts it read.
        await pilot.press("escape")  # the box cleared, the list focused
        articles = app.query_one(ArticleList)
        assert articles.current_id == SEED_001
        await pilot.press("enter")
        await counted(pilot, "Big sums", 0)
        await counted(pilot, "Holmes", 1)
        assert saved_lines(app) == ["1 Holmes · 1 unread", "2 Big sums · 0 unread"]


async def test_saved_searches_are_kept_and_run_by_number_palette_or_enter(
    make_app: AppFactory, tmp_path: Path
) -> None:
    state_path = tmp_path / "state.sqlite3"
    with ReadingState.open(state_path) as state:
        state.save_search("Quotes of Chapman", "said:Chapman")
        state.save_search("Big sums", "money>1m")
    app = make_app(state_path=state_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await counted(pilot, "Big sums", 1)
        articles = app.query_one(ArticleList)
        box = app.query_one("#filter", Input)
        await pilot.press("2")
        await pilot.pause()
        assert (box.display, box.value) == (True, "money>1m")
        assert [e.id for e in articles.entries] == [SEED_001]
        await pilot.press("3")  # none: a notice, nothing else
        assert box.value == "money>1m"
        # Enter in the section runs one; delete removes it.
        saved = app.query_one(SavedSearchList)
        saved.focus()
        saved.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "said:Chapman"
        saved.focus()
        saved.highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        assert [s.name for s in app.state.saved_searches()] == ["Big sums"]
        assert saved_lines(app) == ["1 Big sums · 1 unread"]
        # The palette lists them with their counts.
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Saved search: Big sums" in titles
        assert "Delete saved search: Big sums" in titles


async def test_a_search_that_cannot_be_read_is_not_saved(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"money>lots", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SaveSearchScreen)
        assert app.saved_searches == []
