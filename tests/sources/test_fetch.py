"""Fetching feeds from a local HTTP server (pytest-httpserver, on 127.0.0.1):
what is written, what a second fetch costs, an entry seen again, and every
way a feed can fail, each named for its feed while the others are fetched."""

from __future__ import annotations

import datetime as dt
import gzip
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from dateline.model.loading import load_paths
from dateline.sources.fetch import Fetcher, FetchError, Limits
from dateline.sources.fetched import entry_file_name, feed_folder_name
from dateline.sources.subscriptions import Subscriptions
from dateline.sources.update import update_feeds
from tests.sources.conftest import fixture_bytes
from tests.sources.test_formats import PAGE_PARAGRAPHS

SITE = "https://www.wharfedalegazette.example"
LOGIN_PAGE = (
    "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
    "<form><input name='user'><button>Sign in</button></form></body></html>"
)


@pytest.fixture
def subscriptions(tmp_path: Path) -> Iterator[Subscriptions]:
    subscriptions = Subscriptions.open(tmp_path / "subscriptions.sqlite3")
    yield subscriptions
    subscriptions.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "feeds"


def serve_gazette(httpserver: HTTPServer, *, etag: str = '"v1"') -> str:
    """The summaries-only RSS feed, its links pointing at this server: the
    first page readable, the second gone (404), the third a sign-in page."""
    base = httpserver.url_for("").rstrip("/")
    feed = fixture_bytes("summaries.rss").replace(SITE.encode(), base.encode())

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(feed, content_type="application/rss+xml", headers={"ETag": etag})

    httpserver.expect_request("/news/rss").respond_with_handler(answer)
    httpserver.expect_request("/news/otley-flood-defence-plan-approved").respond_with_data(
        fixture_bytes("article_page.html"), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/news/ilkley-lido-opens-early").respond_with_data(
        "Not here", status=404
    )
    httpserver.expect_request("/news/burley-bypass-roadworks").respond_with_data(
        LOGIN_PAGE, content_type="text/html"
    )
    return httpserver.url_for("/news/rss")


def serve_chronicle(httpserver: HTTPServer) -> str:
    """The full-content Atom feed, gzipped, with Last-Modified."""
    stamp = "Tue, 02 May 2023 15:45:00 GMT"

    def answer(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        body = gzip.compress(fixture_bytes("full.atom"))
        headers = {"Content-Encoding": "gzip", "Last-Modified": stamp}
        return Response(body, content_type="application/atom+xml", headers=headers)

    httpserver.expect_request("/feed.atom").respond_with_handler(answer)
    return httpserver.url_for("/feed.atom")


def test_fetching_writes_each_entry_as_an_article_that_loads(
    httpserver: HTTPServer, subscriptions: Subscriptions, folder: Path
) -> None:
    gazette = serve_gazette(httpserver)
    chronicle = serve_chronicle(httpserver)
    subscriptions.add(gazette)
    subscriptions.add(chronicle, title="The Chronicle")
    updates = {u.url: u for u in update_feeds(subscriptions, folder)}

    assert updates[gazette].line == (
        "Wharfedale Gazette - Local news: 3 new, 3 in the feed, 1 pages read,"
        " 2 pages unreadable: summary kept"
    )
    assert updates[chronicle].line == "The Chronicle: 2 new, 2 in the feed"
    loaded = load_paths([folder])
    assert loaded.problems == []
    by_title = {article.title: article for article in loaded.articles}
    assert len(by_title) == 5

    # A summary-only entry: the linked page's text, the feed's title and date.
    otley = by_title["Flood defence plan for Otley approved after two-year wait"]
    assert list(otley.paragraphs) == PAGE_PARAGRAPHS
    assert otley.date == dt.date(2023, 3, 14)
    assert otley.warnings == ()
    assert otley.metadata == {
        "source": "Wharfedale Gazette - Local news",
        "url": httpserver.url_for("/news/otley-flood-defence-plan-approved"),
        "author": "Megan Ashworth",
        "feed": "Wharfedale Gazette - Local news",
        "feed_url": gazette,
    }
    gazette_folder = folder / feed_folder_name(gazette)
    assert otley.path == gazette_folder / entry_file_name("guid:wharfedale-gazette-48213")
    # Its id is its path under the fetched articles' folder: the feed, then the entry.
    assert otley.id == f"{gazette_folder.name}/{otley.path.stem}"

    # A page that could not be read: the summary, and why.
    lido = by_title["Ilkley Lido to open early as spring heatwave forecast"]
    assert list(lido.paragraphs) == [
        "The open-air pool will welcome swimmers from next Saturday, a month earlier than usual."
    ]
    assert lido.warnings == (
        # pytest-httpserver's server (werkzeug) words its statuses in capitals.
        "only the feed's summary: the linked page could not be read (HTTP 404 NOT FOUND)",
    )
    burley = by_title["Burley bypass roadworks to last until the summer holidays"]
    assert burley.warnings == (
        "only the feed's summary: the linked page could not be read (it has no article text)",
    )

    # Full content: no page fetched; the name given by hand is the source.
    library = by_title["Hebden Bridge library to reopen next Monday after £1.2m refit"]
    assert library.metadata["source"] == "The Chronicle"
    assert library.paragraphs[0].startswith("Hebden Bridge library will reopen next Monday")
    assert not any(
        entry.path.endswith("hebden-bridge-library-reopens") for entry, _ in httpserver.log
    )

    # Politely asked for: Dateline's User-Agent, and only encodings it can bound.
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("Dateline/")
    assert request.headers["Accept-Encoding"] == "gzip, deflate"

    status = {s.url: s for s in subscriptions.all()}
    assert status[gazette].articles == 3 and status[gazette].last_error is None
    assert status[gazette].last_success is not None
    assert status[gazette].feed_title == "Wharfedale Gazette - Local news"


def test_an_unchanged_feed_costs_one_small_request(
    httpserver: HTTPServer, subscriptions: Subscriptions, folder: Path
) -> None:
    gazette = serve_gazette(httpserver)
    chronicle = serve_chronicle(httpserver)
    subscriptions.add(gazette)
    subscriptions.add(chronicle)
    update_feeds(subscriptions, folder)
    written = {path: path.stat().st_mtime_ns for path in folder.rglob("*.txt")}
    httpserver.clear_log()

    updates = update_feeds(subscriptions, folder)

    assert sorted(u.line for u in updates) == [
        "Calder Valley Chronicle: unchanged",
        "Wharfedale Gazette - Local news: unchanged",
    ]
    # One request a feed, each conditional, each answered 304 with no body;
    # no page fetched again, no file written again.
    assert sorted(request.path for request, _ in httpserver.log) == ["/feed.atom", "/news/rss"]
    assert [(r.status_code, r.get_data()) for _, r in httpserver.log] == [(304, b"")] * 2
    headers = {request.path: request.headers for request, _ in httpserver.log}
    assert headers["/news/rss"]["If-None-Match"] == '"v1"'
    assert headers["/feed.atom"]["If-Modified-Since"] == "Tue, 02 May 2023 15:45:00 GMT"
    assert {path: path.stat().st_mtime_ns for path in folder.rglob("*.txt")} == written


def test_an_entry_seen_again_is_updated_not_duplicated(
    httpserver: HTTPServer, subscriptions: Subscriptions, folder: Path
) -> None:
    url = httpserver.url_for("/feed.json")
    document = fixture_bytes("feed.json").decode()
    httpserver.expect_ordered_request("/feed.json").respond_with_data(document)
    # The next version: the festival story corrected (same id), the gala story
    # with a new id but the same link, the garden story gone.
    corrected = document.replace("record crowd of 40,000", "record crowd of 45,000").replace(
        '"id": "ryedale-2023-0603-pickering"', '"id": "ryedale-2023-0603-pickering-v2"'
    )
    httpserver.expect_ordered_request("/feed.json").respond_with_data(corrected)
    subscriptions.add(url, fetch_pages=False)

    first = update_feeds(subscriptions, folder)[0]
    before = {a.id: a for a in load_paths([folder]).articles}
    second = update_feeds(subscriptions, folder)[0]
    after = {a.id: a for a in load_paths([folder]).articles}

    assert (first.new, first.updated) == (3, 0)
    assert (second.new, second.updated) == (0, 1)
    # The same files, so the same ids, and reading state stays with them.
    assert after.keys() == before.keys()
    titles = sorted(a.title for a in after.values())
    assert titles == [
        "Helmsley Walled Garden wins national award",  # kept: fetched articles stay
        "Malton food festival draws record crowd of 45,000",
        "Steam gala returns to Pickering",
    ]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that takes the connection and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed"


def test_every_failure_is_named_for_its_feed_and_the_rest_are_fetched(
    httpserver: HTTPServer, subscriptions: Subscriptions, folder: Path, silent_server: str
) -> None:
    good = serve_chronicle(httpserver)
    url = httpserver.url_for
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    httpserver.expect_request("/page").respond_with_data(
        "<!DOCTYPE html><html><head><link rel='alternate' type='application/rss+xml'"
        " href='/feed.atom'></head><body><p>Welcome</p></body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/malformed").respond_with_data(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Cut off",
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/loop-a").respond_with_data(
        "", status=302, headers={"Location": "/loop-b"}
    )
    httpserver.expect_request("/loop-b").respond_with_data(
        "", status=301, headers={"Location": "/loop-a"}
    )
    for hop in range(8):
        httpserver.expect_request(f"/hop-{hop}").respond_with_data(
            "", status=307, headers={"Location": f"/hop-{hop + 1}"}
        )
    httpserver.expect_request("/large").respond_with_data(b"<rss>" + b" " * 300_000)

    def streamed(request: Request) -> Response:  # no Content-Length: counted as it comes
        return Response((b" " * 65_536 for _ in range(8)), content_type="application/rss+xml")

    httpserver.expect_request("/large-streamed").respond_with_handler(streamed)
    bomb = gzip.compress(b"<rss>" + b"\0" * 20_000_000)
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="application/rss+xml"
    )
    failing = {
        "http://news.invalid/feed": "cannot find the host news.invalid (DNS: Name or service not"
        " known)",
        f"http://127.0.0.1:{closed_port()}/feed": "connection refused by 127.0.0.1:{port}",
        silent_server: "timed out after 1 s (waiting for the answer)",
        url("/missing"): "HTTP 404 NOT FOUND",
        url("/broken"): "HTTP 500 INTERNAL SERVER ERROR",
        url("/page"): f"not a feed but a web page; it names a feed: {url('/feed.atom')}",
        url("/malformed"): "malformed XML: no element found at line 1",
        url("/loop-a"): f"redirect loop: {url('/loop-a')} → {url('/loop-b')} → {url('/loop-a')}",
        url("/hop-0"): f"more than 5 redirects (from {url('/hop-0')}, on to {url('/hop-6')})",
        url("/large"): "body too large: 293.0 KB (the limit is 256.0 KB)",
        url("/large-streamed"): "body too large: over 256.0 KB",
        url("/bomb"): "body too large once decompressed: over 256.0 KB from",
    }
    for feed in failing:
        subscriptions.add(feed)
    subscriptions.add(good)

    limits = Limits(timeout=1.0, max_bytes=256 * 1024)
    updates = {u.url: u for u in update_feeds(subscriptions, folder, limits=limits)}

    assert updates[good].error is None and updates[good].new == 2
    for feed, expected in failing.items():
        error = updates[feed].error or ""
        port = feed.split(":")[2].split("/")[0] if feed.startswith("http://127.0.0.1") else ""
        assert error.startswith(expected.replace("{port}", port)), (feed, error)
    assert updates[url("/bomb")].error.endswith("sent (a compression bomb?)")
    status = {s.url: s for s in subscriptions.all()}
    assert status[url("/missing")].last_error == "HTTP 404 NOT FOUND"
    assert status[url("/missing")].last_success is None
    assert status[good].last_error is None
    assert [a.metadata["feed_url"] for a in load_paths([folder]).articles] == [good, good]


def test_a_feed_that_fails_after_working_keeps_its_articles_and_says_when_it_worked(
    httpserver: HTTPServer, subscriptions: Subscriptions, folder: Path
) -> None:
    url = httpserver.url_for("/feed.atom")
    httpserver.expect_ordered_request("/feed.atom").respond_with_data(fixture_bytes("full.atom"))
    httpserver.expect_ordered_request("/feed.atom").respond_with_data("down", status=503)
    subscriptions.add(url)
    update_feeds(subscriptions, folder)
    worked = subscriptions.get(url)
    update_feeds(subscriptions, folder)
    failed = subscriptions.get(url)
    assert worked is not None and failed is not None
    assert failed.last_error == "HTTP 503 SERVICE UNAVAILABLE"
    assert failed.last_success == worked.last_success is not None
    assert len(load_paths([folder]).articles) == 2


def test_addresses_that_are_not_the_web_are_refused_before_any_request() -> None:
    with Fetcher() as fetcher:
        for address in ("file:///etc/passwd", "ftp://a.example/feed", "javascript:alert(1)"):
            with pytest.raises(FetchError, match="not a web address"):
                fetcher.get(address)


def test_a_redirect_to_another_scheme_is_not_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    with Fetcher() as fetcher, pytest.raises(FetchError) as raised:
        fetcher.get(httpserver.url_for("/feed"))
    assert str(raised.value) == "not a web address (http or https): file:///etc/passwd"
