"""Keyboard behaviour, driven with Pilot. State is set up directly; only the
keys under test are pressed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from dateline.facts.refs import FactRef
from dateline.model.corpus import Corpus
from dateline.store.state import ReadingState
from dateline.tui.screens.help import HelpScreen
from dateline.tui.screens.reader import ReaderScreen
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.facts_sidebar import FactList
from dateline.tui.widgets.reader import ArticleReader
from tests.conftest import SEED_000, SEED_001
from tests.tui.conftest import AppFactory, settle

SIZE = (120, 40)


def reader_screen(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_the_newest_article_opens_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader_screen(app)
        assert screen.article is not None and screen.article.id == SEED_001
        assert screen.facts is not None and screen.facts.people
        assert app.focused is app.query_one(ArticleList)


async def test_j_k_and_arrows_move_in_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader_screen(app)
        await pilot.press("j")
        assert screen.article.id == SEED_000
        await pilot.press("k")
        assert screen.article.id == SEED_001
        await pilot.press("down")
        assert screen.article.id == SEED_000
        await pilot.press("up")
        assert screen.article.id == SEED_001


async def test_enter_opens_marks_read_and_moves_to_the_reader(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(state_path=tmp_path / "state.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.query_one(ArticleReader)
        read_key = app.listing.get(SEED_001).reading_key
        assert app.read_keys == {read_key}
        articles = app.query_one(ArticleList)
        entry = articles.entries[0]
        assert entry.id == SEED_001
        marks, *headline = articles.row_lines(entry, 40)
        # The unread marker is gone and the headline is no longer bold.
        # The marker is gone; the two seeds form story 1.
        assert marks.plain == "   2017-01-24 §1"
        assert [line.plain for line in headline] == [
            "  This week’s children’s services",
            "  strike in Kirklees is on",
        ]
        assert not any(line.get_style_at_offset(app.console, 3).bold for line in headline)
    reopened = ReadingState.open(tmp_path / "state.sqlite3")
    assert reopened.read_keys() == {read_key}


async def test_tab_and_shift_tab_move_between_panes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert app.focused is app.query_one(ArticleReader)
        await pilot.press("tab")
        assert app.focused is app.query_one(FactList)
        await pilot.press("tab")
        assert app.focused is app.query_one(ArticleList)
        await pilot.press("shift+tab")
        assert app.focused is app.query_one(FactList)


async def test_space_and_pagedown_scroll_the_reader_from_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert reader.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        first_page = reader.scroll_y
        assert first_page > 10
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y == min(2 * first_page, reader.max_scroll_y) > first_page
        assert reader_screen(app).article.id == SEED_001  # the list did not move
        await pilot.press("pageup")
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y - first_page


async def test_f_hides_and_shows_the_sidebar(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#facts")
        assert sidebar.display
        await pilot.press("f")
        await pilot.pause()
        assert not sidebar.display
        await pilot.press("f")
        await pilot.pause()
        assert sidebar.display
        assert app.focused is app.query_one(FactList)


async def test_slash_filters_the_list_and_escape_clears(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        await pilot.press("slash")
        await pilot.pause()
        assert app.focused is app.query_one("#filter", Input)
        await pilot.press(*"injunction")
        await pilot.pause()
        assert len(articles.entries) == 2  # both articles mention an injunction
        await pilot.press(*" ratcheted")
        await pilot.pause()
        assert [articles.entries[0].id] == [SEED_000]
        assert len(articles.entries) == 1
        assert reader_screen(app).article.id == SEED_000
        await pilot.press("escape")
        await pilot.pause()
        assert len(articles.entries) == 2
        assert not app.query_one("#filter").display
        assert app.focused is articles


async def test_a_filter_that_matches_nothing_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert not app.query_one(ArticleList).entries
        status = str(app.query_one("#list-status").render())
        assert "No article matches “zebra”" in status


async def test_t_cycles_themes_and_the_choice_is_remembered(
    make_app: AppFactory, tmp_path: Path
) -> None:
    state_path = tmp_path / "state.sqlite3"
    app = make_app(state_path=state_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "dateline-dark"
        await pilot.press("t")
        assert app.theme == "dateline-high-contrast"
        await pilot.press("t")
        assert app.theme == "dateline-light"
        await pilot.press("t")
        assert app.theme == "dateline-dark"
        await pilot.press("t")
    again = make_app(theme=None, state_path=state_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "dateline-high-contrast"


async def test_an_unknown_theme_falls_back_with_a_message(make_app: AppFactory) -> None:
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "dateline-dark"
        messages = [n.message for n in app._notifications]
        assert any("There is no theme called 'no-such-theme'" in m for m in messages)


async def test_question_mark_opens_help_and_escape_closes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_q_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_picking_a_fact_highlights_and_scrolls_to_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader_screen(app)
        facts = screen.facts
        # The last quote stands far down the article, out of view at first.
        last = len(facts.quotes) - 1
        paragraph = facts.quotes[last].paragraph
        fact_list = app.query_one(FactList)
        fact_list.focus()
        index = next(
            i
            for i in range(fact_list.option_count)
            if fact_list.get_option_at_index(i).id == FactRef("quotes", last).key
        )
        fact_list.highlighted = index - 1
        await pilot.press("down")
        await pilot.pause()
        assert screen.selected_fact == FactRef("quotes", last)
        reader = app.query_one(ArticleReader)
        target = reader.block_region(paragraph)  # an ordinary article: a block a paragraph
        assert reader.scroll_y > 0
        assert reader.scrollable_content_region.contains_region(target) or (
            target.y < reader.region.bottom
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is reader
        await pilot.press("tab", "escape")
        await pilot.pause()
        assert screen.selected_fact is None


async def test_narrow_terminal_hides_the_sidebar_until_f(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#facts")
        assert not sidebar.display
        await pilot.press("f")
        await pilot.pause()
        assert sidebar.display


async def test_tiny_terminal_panes_take_turns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(50, 24)) as pilot:
        await settle(pilot)
        list_pane, reader, sidebar = (
            app.query_one(f"#{i}") for i in ("list-pane", "reader", "facts")
        )
        assert (list_pane.display, reader.display, sidebar.display) == (True, False, False)
        await pilot.press("enter")
        await pilot.pause()
        assert (list_pane.display, reader.display, sidebar.display) == (False, True, False)
        assert app.focused is reader
        await pilot.press("f")
        await pilot.pause()
        assert (list_pane.display, reader.display, sidebar.display) == (False, False, True)
        await pilot.press("escape")
        await pilot.pause()
        assert (list_pane.display, reader.display, sidebar.display) == (True, False, False)


async def test_empty_corpus_shows_a_message(make_app: AppFactory) -> None:
    app = make_app(Corpus([]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No articles to read" in str(app.query_one(".reader-message").render())
        assert "No articles loaded" in str(app.query_one("#list-status").render())


async def test_command_palette_offers_the_apps_commands(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Help: keys", "Next theme", "Toggle facts sidebar", "Filter articles"} <= titles
        assert "Theme" in titles  # Textual's theme picker
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_an_article_without_facts_says_so(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "quiet.txt").write_text(" date 2017-02-01 nothing much happened here at all.")
    app = make_app(Corpus.load([tmp_path / "quiet.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fact_list = app.query_one(FactList)
        assert fact_list.option_count == 1
        assert str(fact_list.get_option_at_index(0).prompt) == "No facts found in this article."


async def test_a_broken_user_theme_is_reported_and_left_out(
    seed_corpus: Corpus, tmp_path: Path
) -> None:
    from dateline.config import Config
    from dateline.resources import themes_dir
    from dateline.tui.app import DatelineApp

    user_themes = tmp_path / "themes"
    user_themes.mkdir()
    (user_themes / "broken.yaml").write_text("name: broken\nprimary: '#123456'\nprimry: red\n")
    app = DatelineApp(
        seed_corpus,
        theme="broken",
        config=Config(),
        state=ReadingState.open(tmp_path / "state.sqlite3"),
        theme_folders=[themes_dir(), user_themes],
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "dateline-dark"
        messages = " ".join(n.message for n in app._notifications)
        assert "broken.yaml" in messages and "primry" in messages
        assert "There is no theme called 'broken'" in messages


async def test_hostile_text_is_shown_inert(make_app: AppFactory, tmp_path: Path) -> None:
    hostile = (
        '---\ntitle: "[bold red]Pwned[/] \\e]52;c;ZXZpbA==\\a"\ndate: 2017-01-02\n---\n\n'
        "Mr [link=https://evil.example]Evil[/link] said: “[blink]clear\x1b[2J now[/]” "
        "on Friday.\n"
    )
    (tmp_path / "hostile.md").write_text(hostile)
    app = make_app(Corpus.load([tmp_path / "hostile.md"]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        title = app.query_one(ArticleList).entries[0].title
        assert "[bold red]Pwned[/] \u241b]52;c;ZXZpbA==\u2407" in title
        paragraph = app.query_one(ArticleReader).shown_blocks()[0]
        assert "[link=https://evil.example]Evil[/link]" in str(paragraph)
        assert "[blink]clear\u241b[2J now[/]" in str(paragraph)
        assert "\x1b" not in str(paragraph)
        fact_list = app.query_one(FactList)
        options = [fact_list.get_option_at_index(i) for i in range(fact_list.option_count)]
        quotes = [str(o.prompt) for o in options if o.id and o.id.startswith("quotes")]
        assert quotes == ["\u00a0\u00a0“[blink]clear\u241b[2J now[/]” — unknown speaker"]
