"""The reader's keys for articles from the web: `r` fetches the feeds in the
background and lists what came, `o` opens the article's link in the browser,
`y` copies it; the list shows each article's source and the search box
filters on it. The feeds come from a local server on 127.0.0.1."""

from __future__ import annotations

import shutil
import webbrowser
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import Static

from dateline.model.corpus import Corpus
from dateline.sources import fetched_dir
from dateline.sources.subscriptions import Subscriptions
from dateline.tui.widgets.article_list import ArticleList
from tests.conftest import SEED_000, SEED_001, SEEDS
from tests.sources.conftest import (  # the local server, and no other address reached
    FIXTURES,
    fixture_bytes,
    httpserver_listen_address,
    only_loopback,
)
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import SIZE, reader_screen
from tests.tui.test_library_keys import folder_app, wait_for_index

__all__ = ["httpserver_listen_address", "only_loopback"]  # fixtures, used by name

OTLEY = "https://www.wharfedalegazette.example/news/otley-flood-defence-plan-approved"


@pytest.fixture
def web_corpus(tmp_path: Path) -> Corpus:
    """A saved page, an RSS feed of summaries, an Atom feed and a JSON Feed."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("article_page.html", "summaries.rss", "full.atom", "feed.json"):
        shutil.copy(FIXTURES / name, folder / name)
    return Corpus.load([folder])


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def wait_for_fetch(pilot) -> None:
    for _ in range(500):
        await pilot.pause(0.02)
        if not pilot.app.fetching and not pilot.app.indexing:
            break
    await wait_for_index(pilot)


async def test_r_fetches_the_feeds_in_the_background_and_lists_them(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/feed.atom").respond_with_data(fixture_bytes("full.atom"))
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    with Subscriptions.open() as subscriptions:
        subscriptions.add(httpserver.url_for("/feed.atom"))
        subscriptions.add(httpserver.url_for("/gone"), title="Gone Gazette")
    app = folder_app(SEEDS, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        assert [e.id for e in app.query_one(ArticleList).entries] == [SEED_001, SEED_000]
        await pilot.press("r")  # returns at once: a worker fetches
        await wait_for_fetch(pilot)

        entries = app.query_one(ArticleList).entries
        assert [(e.title, e.source) for e in entries[:2]] == [
            (
                "Hebden Bridge library to reopen next Monday after £1.2m refit",
                "Calder Valley Chronicle",
            ),
            ("Todmorden market hall stallholders face 15% rent rise", "Calder Valley Chronicle"),
        ]
        assert [(e.id, e.source) for e in entries[2:]] == [(SEED_001, ""), (SEED_000, "")]
        assert app.roots == [SEEDS, fetched_dir()]
        messages = notifications(app)
        assert "Feeds: 2 new articles, 0 updated from 2 feeds; 1 failed" in messages
        assert "Gone Gazette: failed: HTTP 404 NOT FOUND" in messages
        # The fetched article's facts are found like any other's.
        await pilot.press("k", "k", "k", "k")
        await settle(pilot)
        screen = reader_screen(app)
        assert screen.article.title.startswith("Hebden Bridge library")
        assert [p.name for p in screen.facts.people] == ["Tom Briggs"]


async def test_each_feed_shows_a_line_under_the_list_while_fetching(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.progress = ("Feeds 2/3", 2, 3)
        app.feed_lines = [
            ("Calder Valley Chronicle: 2 new, 2 in the feed", False),
            ("Gone Gazette: failed: HTTP 404 NOT FOUND", True),
        ]
        reader_screen(app).library_changed(entries=False)
        await pilot.pause()
        status = str(app.query_one("#list-status", Static).render())
        assert status.splitlines()[:3] == [
            "Feeds 2/3",
            "✓ Calder Valley Chronicle: 2 new, 2 in the feed",
            "✗ Gone Gazette: failed: HTTP 404 NOT FOUND",
        ]


async def test_r_with_no_feeds_says_how_to_follow_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await wait_for_fetch(pilot)
        assert notifications(app)[-1] == (
            "You follow no feeds yet: dateline feeds add URL, or dateline feeds import"
            " FILE.opml, then r."
        )


async def test_o_opens_the_link_in_the_browser_and_y_copies_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url) or True)
    app = make_app(Corpus.load([FIXTURES / "article_page.html"]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reader_screen(app).article.metadata["url"] == OTLEY
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == [OTLEY]
        await pilot.press("y")
        assert app.clipboard == OTLEY
        assert notifications(app)[-2:] == [f"Opening {OTLEY}", f"Copied {OTLEY}"]


async def test_an_article_without_a_link_says_so(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url) or True)
    app = make_app()  # the seeds have no link
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o", "y")
        await app.workers.wait_for_complete()
        assert opened == [] and app.clipboard == ""
        assert notifications(app)[-2:] == ["This article has no link."] * 2


async def test_source_and_feed_filters(make_app: AppFactory, web_corpus: Corpus) -> None:
    app = make_app(web_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader_screen(app)
        article_list = app.query_one(ArticleList)

        def shown() -> list[str]:
            return [entry.title for entry in article_list.entries]

        screen.filter_by("source:gazette")  # the page's site and the RSS feed's title
        assert len(shown()) == 4
        screen.filter_by('source:"ryedale reporter" gala')
        assert shown() == ["Steam gala returns to Pickering"]
        # feed: only what came from a feed (the saved page has no feed).
        screen.filter_by("feed:gazette")
        assert len(shown()) == 3
        assert "Flood defence plan for Otley approved after two-year wait" in shown()
        screen.filter_by("feed:calder date:2023-05")
        assert shown() == ["Hebden Bridge library to reopen next Monday after £1.2m refit"]


async def test_open_copy_and_fetch_are_in_the_palette_and_the_help(make_app: AppFactory) -> None:
    from dateline.tui.screens.help import KEYS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Open link", "Copy link", "Fetch feeds"} <= set(titles)
    keys = {key for _, rows in KEYS for key, _ in rows}
    assert {"o", "y", "r", "source:Gazette", 'feed:"Calder Valley"'} <= keys
