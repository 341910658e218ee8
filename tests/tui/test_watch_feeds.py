"""`dateline --watch` fetches the feeds followed on their schedule: those due
are fetched quietly in the background and their articles join the list, with
no `r`. The feeds come from a local server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from dateline.sources.subscriptions import Subscriptions
from dateline.tui import app as app_module
from tests.sources.conftest import (  # the local server, and no other address reached
    fixture_bytes,
    httpserver_listen_address,
    only_loopback,
)
from tests.tui.test_keys import SIZE
from tests.tui.test_source_keys import notifications
from tests.tui.test_watch import corpus, listed, ready, wait_for, watched_app

__all__ = ["corpus", "httpserver_listen_address", "only_loopback"]  # fixtures, used by name


@pytest.fixture(autouse=True)
def soon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "FEEDS_FIRST_CHECK_S", 0.1)


async def test_a_due_feed_is_fetched_and_listed_without_asking(
    httpserver: HTTPServer, corpus: Path, tmp_path: Path
) -> None:
    httpserver.expect_request("/feed.atom").respond_with_data(fixture_bytes("full.atom"))
    with Subscriptions.open() as subscriptions:
        subscriptions.add(httpserver.url_for("/feed.atom"))
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        headline = "Hebden Bridge library to reopen next Monday after £1.2m refit"
        await wait_for(pilot, lambda: headline in listed(app).values(), "the feed's articles")
        await wait_for(pilot, lambda: ready(app) and not app.fetching, "the fetch to end")
        assert any(line.startswith("Feeds: 2 new articles") for line in notifications(app))
        assert len(httpserver.log) == 1
        # Fetched a moment ago: not due again for config.feed_interval minutes.
        app.fetch_due_feeds()
        await wait_for(pilot, lambda: not app.fetching, "the second look")
        assert len(httpserver.log) == 1


async def test_with_no_feeds_the_schedule_says_nothing(corpus: Path, tmp_path: Path) -> None:
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        app.fetch_due_feeds()
        await wait_for(pilot, lambda: not app.fetching, "the look at the feeds")
        assert not any("feeds" in line.lower() for line in notifications(app))


async def test_the_schedule_leaves_another_tasks_progress_alone(
    corpus: Path, tmp_path: Path
) -> None:
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        app.progress = ("Writing the report…", 1, 2)
        app.fetch_due_feeds()
        await wait_for(pilot, lambda: not app.fetching, "the look at the feeds")
        assert app.progress == ("Writing the report…", 1, 2)
