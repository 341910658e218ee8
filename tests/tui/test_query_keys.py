"""The search box's queries on facts, as typed: what a query finds, what one
that cannot be read says, and that the list keeps its last good result."""

from __future__ import annotations

from textual.widgets import Input, Static

from dateline.tui.widgets.article_list import ArticleList
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
