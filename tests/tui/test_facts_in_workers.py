"""The reader finds facts in worker processes: not one article's facts is
found on the interface's interpreter, and the open article's come first."""

from __future__ import annotations

import pytest

from dateline.facts import extract
from dateline.model.corpus import Corpus
from dateline.tui.widgets.article_list import ArticleList
from tests.conftest import SEED_000, SEEDS
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import reader_screen

SIZE = (120, 40)


async def test_the_reader_finds_facts_in_worker_processes(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_here(*args: object, **kwargs: object) -> object:
        raise AssertionError("facts were found in the reader's own process")

    # Only this process's extractors are replaced: the workers' are their own.
    monkeypatch.setattr(extract, "extract_facts", not_here)
    monkeypatch.setattr(extract, "extract_in_stages", not_here)
    app = make_app(Corpus.load([SEEDS]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.query_one(ArticleList).select(SEED_000)
        await settle(pilot)
        screen = reader_screen(app)
        assert screen.article is not None and screen.article.id == SEED_000
        assert screen.facts is not None
        assert [person.name for person in screen.facts.people] == ["Paul Holmes"]
        assert app.background_facts is not None
        assert app.library.without_facts() == []
