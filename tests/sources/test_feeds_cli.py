"""`dateline feeds …` and `dateline fetch`, as a person types them, against a
local server; the data folder is the test's own (tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from dateline.cli import _with_fetched, main
from dateline.resources import seeds_dir
from dateline.sources import fetched_dir
from dateline.sources.fetched import feed_folder_name
from dateline.sources.subscriptions import Subscriptions
from tests.sources.conftest import FIXTURES, fixture_bytes


def subscribed() -> list[tuple[str, str, tuple[str, ...], bool]]:
    with Subscriptions.open() as subscriptions:
        return [(s.url, s.title, s.tags, s.fetch_pages) for s in subscriptions.all()]


def test_add_list_pages_and_remove(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feeds", "add", "ftp://a.example/feed"]) == 2
    assert capsys.readouterr().err == (
        "dateline: 'ftp://a.example/feed' is not a web address (http:// or https://)\n"
    )
    url = "https://calderchronicle.example/feed.atom"
    assert main(["feeds", "add", url, "--title", "Chronicle"]) == 0
    assert main(["feeds", "add", url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"Following {url}. 'dateline fetch' (or r in the reader) fetches it.",
        f"Already following {url}.",
    ]
    assert fetched_dir().is_dir()  # so that `dateline` opens it from now on

    assert main(["feeds", "pages", "1", "off"]) == 0
    assert subscribed() == [(url, "Chronicle", (), False)]
    assert main(["feeds", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Chronicle: linked pages of summary-only entries are not fetched; the summary is kept.",
        "1. Chronicle",
        f"   {url}",
        "   0 articles · linked pages not fetched",
        "   last worked: never",
    ]
    assert main(["feeds", "remove", url]) == 0
    assert main(["feeds", "remove", url]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("No longer following Chronicle")
    assert captured.err == f"dateline: not following {url} (see dateline feeds list)\n"
    assert subscribed() == []


def test_import_opml_and_newsboat_urls(capsys: pytest.CaptureFixture[str]) -> None:
    opml = FIXTURES / "subscriptions.opml"
    assert main(["feeds", "import", str(opml)]) == 0
    assert capsys.readouterr().out == (
        f"Imported 4 feeds from {opml} (OPML). 'dateline fetch' fetches them.\n"
    )
    urls = FIXTURES / "urls"
    assert main(["feeds", "import", str(urls)]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"Imported 0 feeds from {urls} (newsboat urls) (4 already followed)."
        " 'dateline fetch' fetches them.\n"
    )
    assert captured.err.splitlines() == [
        f"dateline: {urls}: skipped line 7: a newsboat query feed, not a feed to fetch",
        f"dateline: {urls}: skipped line 8: exec: runs a program; Dateline runs no program"
        " named in a file",
        f"dateline: {urls}: skipped line 9: filter: runs a program; Dateline runs no program"
        " named in a file",
        f"dateline: {urls}: skipped line 11: 'not' is not a web address",
    ]
    assert [(url, title) for url, title, _, _ in subscribed()] == [
        ("https://www.wharfedalegazette.example/news/rss", "Wharfedale Gazette - Local news"),
        ("https://calderchronicle.example/feed.atom", "Calder Valley Chronicle"),
        ("https://ryedalereporter.example/feed.json", "The Ryedale Reporter"),
        ("https://ldrs.example/rss.xml", "Local Democracy Reporting"),
    ]


def test_fetch_reports_each_feed_and_the_list_shows_what_failed(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    good = httpserver.url_for("/feed.atom")
    bad = httpserver.url_for("/gone")
    httpserver.expect_request("/feed.atom").respond_with_data(fixture_bytes("full.atom"))
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    main(["feeds", "add", good])
    main(["feeds", "add", bad])
    capsys.readouterr()

    assert main(["fetch"]) == 1  # a feed failed
    lines = capsys.readouterr().out.splitlines()
    # A line per feed as each finishes, in whichever order they do.
    assert [line[:6] for line in lines[:2]] == ["[1/2] ", "[2/2] "]
    assert sorted(line[6:] for line in lines[:2]) == [
        "127.0.0.1: failed: HTTP 404 NOT FOUND",
        "Calder Valley Chronicle: 2 new, 2 in the feed",
    ]
    assert lines[2].startswith("2 feeds in ") and lines[2].endswith(
        ": 2 new articles, 0 updated, 1 failed (dateline feeds list shows why)."
    )
    # Then read into the cache with their facts, for reading offline.
    assert lines[3].startswith("2 articles from 2 files in ")
    assert lines[5] == "  facts found: 2 articles in " + lines[5].split(" in ", 1)[1]

    assert main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0] == "1. Calder Valley Chronicle"
    assert listing[2] == "   2 articles"
    assert listing[3].startswith("   last worked: 20") and listing[3].endswith(" s ago")
    assert listing[4:7] == ["2. 127.0.0.1", f"   {bad}", "   0 articles"]
    assert listing[7] == "   last worked: never"
    assert listing[8].startswith("   last error: HTTP 404 NOT FOUND (20")
    assert listing[8].endswith(" s ago)")

    # The fetched articles export with everything else, facts and all.
    assert main(["export", "--feeds", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    fetched = [a for a in document["articles"] if a["metadata"].get("feed_url") == good]
    assert sorted(a["title"] for a in fetched) == [
        "Hebden Bridge library to reopen next Monday after £1.2m refit",
        "Todmorden market hall stallholders face 15% rent rise",
    ]
    library = next(a for a in fetched if a["title"].startswith("Hebden"))
    assert library["facts"]["people"][0]["name"] == "Tom Briggs"
    assert {a["id"] for a in document["articles"]} >= {
        "000_2251fc9ddb0dfb63",
        "001_2d0c5c05bb21721c",
    }

    # Removing the feed removes what was fetched from it.
    folder = fetched_dir() / feed_folder_name(good)
    assert len(list(folder.glob("*.txt"))) == 2
    assert main(["feeds", "remove", "1"]) == 0
    assert not folder.exists()


def test_fetch_with_no_feeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch"]) == 0
    assert capsys.readouterr().out == "No feeds followed. Add one with: dateline feeds add URL\n"


def test_the_reader_opens_fetched_articles_beside_the_seeds_by_default(tmp_path: Path) -> None:
    assert _with_fetched([seeds_dir()], asked=False, default=True) == [seeds_dir()]
    fetched_dir().mkdir(parents=True)
    assert _with_fetched([seeds_dir()], asked=False, default=True) == [seeds_dir(), fetched_dir()]
    # A corpus named on the command line is opened alone, unless --feeds.
    assert _with_fetched([tmp_path], asked=False, default=False) == [tmp_path]
    assert _with_fetched([tmp_path], asked=True, default=False) == [tmp_path, fetched_dir()]


def test_a_feed_is_due_when_never_tried_or_tried_an_interval_ago() -> None:
    import datetime as dt

    from dateline.sources.subscriptions import FeedRecord

    with Subscriptions.open() as subscriptions:
        subscriptions.add("http://127.0.0.1:1/tried.xml")
        subscriptions.add("http://127.0.0.1:1/never.xml")
        tried = dt.datetime(2026, 12, 6, 9, 0, tzinfo=dt.UTC)
        subscriptions.record(
            FeedRecord(
                "http://127.0.0.1:1/tried.xml",
                tried.isoformat(timespec="seconds"),
                "connection refused",
                None,
                None,
                None,
                None,
                None,
                (),
            )
        )
        half_hour = 30 * 60
        ten_past = tried + dt.timedelta(minutes=10)
        assert subscriptions.due(half_hour, ten_past) == ["http://127.0.0.1:1/never.xml"]
        half_past = tried + dt.timedelta(minutes=30)
        assert subscriptions.due(half_hour, half_past) == [
            "http://127.0.0.1:1/tried.xml",
            "http://127.0.0.1:1/never.xml",
        ]
