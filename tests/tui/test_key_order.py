"""Keys typed in a burst (before the App has read the first of them) are
handled in order, each after the one before it, as if typed slowly.

A real terminal sends a burst whenever the App was busy (the half-second
after the first frame) or keys arrive at once (a paste, tmux send-keys).
Pilot's `press` waits for the App to go idle after each key, so these tests
hand the keys to the driver all in one tick instead."""

from __future__ import annotations

from textual.app import App
from textual.events import Key
from textual.widgets import Input

from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.reader import ArticleReader
from tests.conftest import SEED_001
from tests.tui.conftest import AppFactory, settle

SIZE = (120, 40)
NAMED = {"/": "slash", "\t": "tab", "\r": "enter"}


def type_at_once(app: App, text: str) -> None:
    """Send every key of `text` to the app in one go, as a terminal does
    when the keys arrive together."""
    assert app._driver is not None
    for char in text:
        key = Key(NAMED.get(char, char), char)
        key.set_sender(app)
        app._driver.send_message(key)


async def test_slash_and_a_word_typed_at_once_after_mount_fill_the_search_box(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        type_at_once(app, "/Holmes")
        await settle(pilot)
        search = app.query_one("#filter", Input)
        assert search.value == "Holmes"
        assert app.focused is search
        # The `s` of Holmes went into the box: nothing was starred.
        assert app.starred_keys == set()
        # Both seeds name Paul Holmes; the list is filtered, not moved by `H`, `o`…
        assert len(app.query_one(ArticleList).entries) == 2
        assert app.query_one(ArticleList).current_id == SEED_001


async def test_keys_after_a_pane_move_go_to_the_new_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        # tab moves to the reader; the j after it scrolls the reader and
        # does not move the list to the next article.
        type_at_once(app, "\tjjj")
        await settle(pilot)
        assert app.focused is reader
        assert reader.scroll_y == 3
        assert app.query_one(ArticleList).current_id == SEED_001


async def test_keys_after_enter_go_to_the_reader_it_opened(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # enter opens the article through a message to the screen, which
        # then moves the focus: the j keys wait for it, and scroll the reader.
        type_at_once(app, "\rjj")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert app.focused is reader
        assert reader.scroll_y == 2
        assert app.query_one(ArticleList).current_id == SEED_001
        assert app.listing.get(SEED_001).reading_key in app.read_keys


async def test_a_search_typed_and_left_at_once_returns_to_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Search, keep the search with enter, go to the last match and star it.
        type_at_once(app, "/Chapman\rGs")
        await settle(pilot)
        assert app.query_one("#filter", Input).value == "Chapman"
        articles = app.query_one(ArticleList)
        assert app.focused is articles
        assert [entry.id for entry in articles.entries] == [SEED_001]
        assert app.starred_keys == {app.listing.get(SEED_001).reading_key}
