"""The story screen's keys: open it, move between its tabs, and go from a
timeline entry, a person's line or a quote to the article, highlighted."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from dateline.model.corpus import Corpus
from dateline.tui.screens.story import Place, StoryList, StoryScreen
from dateline.tui.widgets.article_list import ArticleList
from tests.conftest import SEED_000, SEED_001, SEEDS
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import SIZE, reader_screen


def option_index(story_list: StoryList, text: str) -> int:
    """The first selectable option whose text holds `text`."""
    for index in range(story_list.option_count):
        option = story_list.get_option_at_index(index)
        if option.id is not None and text in str(option.prompt):
            return index
    raise AssertionError(f"no option with {text!r}")


async def test_s_opens_the_story_and_escape_goes_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story.article_ids == (SEED_000, SEED_001)
        assert app.screen.query_one(TabbedContent).active == "timeline"
        await pilot.press("3")
        assert app.screen.query_one(TabbedContent).active == "figures"
        assert app.focused is app.screen.query_one("#figures-list")
        await pilot.press("right")
        assert app.screen.query_one(TabbedContent).active == "quotes"
        await pilot.press("right")
        assert app.screen.query_one(TabbedContent).active == "timeline"
        await pilot.press("escape")
        assert not isinstance(app.screen, StoryScreen)


async def test_the_same_day_from_two_articles_is_one_entry(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        timeline = app.screen.query_one("#timeline-list", StoryList)
        prompts = [
            str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)
        ]
        heading = prompts.index("Fri 27 Jan 2017  (2 articles)")
        assert "“27 January”" in prompts[heading + 1] and "[1]" in prompts[heading + 1]
        assert "“this Friday”" in prompts[heading + 2] and "[2]" in prompts[heading + 2]


async def test_enter_on_a_timeline_entry_opens_the_article_there(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reader_screen(app).article.id == SEED_001
        await pilot.press("S")
        await pilot.pause()
        timeline = app.screen.query_one("#timeline-list", StoryList)
        timeline.highlighted = option_index(timeline, "“27 January”")
        place = Place.from_key(timeline.get_option_at_index(timeline.highlighted).id)
        await pilot.press("enter")
        await pilot.pause()
        screen = reader_screen(app)
        assert screen.article.id == SEED_000
        assert app.query_one(ArticleList).current_id == SEED_000
        assert screen.marked is not None
        paragraph = screen.article.paragraphs[screen.marked.paragraph]
        assert paragraph[screen.marked.start_char : screen.marked.end_char] == "27 January"
        assert (screen.marked.paragraph, screen.marked.start_char) == (
            place.paragraph,
            place.start_char,
        )
        assert app.focused is app.query_one("#reader")


async def test_enter_on_a_quote_opens_it_and_the_mark_goes_with_the_next_article(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S", "4")
        quotes = app.screen.query_one("#quotes-list", StoryList)
        quotes.highlighted = option_index(quotes, "ratcheted the dispute up")
        await pilot.press("enter")
        await pilot.pause()
        screen = reader_screen(app)
        marked = screen.marked
        text = screen.article.paragraphs[marked.paragraph][marked.start_char : marked.end_char]
        assert text == "I think it’s really ratcheted the dispute up"
        await pilot.press("escape", "k")
        assert screen.article.id == SEED_001
        assert screen.marked is None


async def test_an_article_in_no_story_says_so(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "lone.txt").write_text(" date 2017-01-02 Nothing else reports this event.\n")
    app = make_app(Corpus.load([tmp_path / "lone.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        assert not isinstance(app.screen, StoryScreen)
        messages = [n.message for n in app._notifications]
        assert "No other article reports this event, so it is in no story." in messages


async def test_v_groups_the_list_by_story(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text(
        " date 2017-01-20 A bakery in Leeds won a prize for its bread.\n"
    )
    other = Corpus.load([tmp_path / "other.txt"]).articles
    corpus = Corpus([*Corpus.load([SEEDS]).articles, *other])
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        assert [e.id for e in articles.entries] == [SEED_001, "other", SEED_000]
        await pilot.press("v")
        assert [e.id for e in articles.entries] == [SEED_001, SEED_000, "other"]
        assert "§1" in articles.row_lines(articles.entries[1], 40)[0].plain
        await pilot.press("v")
        assert [e.id for e in articles.entries] == [SEED_001, "other", SEED_000]
