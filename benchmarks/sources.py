"""How fast Dateline reads web pages and fetches feeds, each beside a baseline.

    python benchmarks/sources.py [--pages 100] [--feeds 50] [--entries 50]
                                 [--rounds 5] [--seed 0] [--skip-index]

Pages: synthetic articles (benchmarks/make_corpus.py) written into a news
page with the furniture of tests/fixtures/sources/article_page.html (cookie
banner, navigation, share bars, a newsletter box, related and most-read
links, footer, scripts). Timed per page, on the same bytes, in rounds that
take turns going first:
- trafilatura's own call, `trafilatura.extract(html)` (its defaults: text
  out, no metadata) -- the baseline;
- Dateline's `page_article`: trafilatura's `bare_extraction` with metadata
  and favor_precision, then Dateline's cleaning and inert-text rules, to an
  `Article`.
Each also says how many pages kept every sentence of the article and how many
let page furniture through.

Feeds: a local HTTP server (the standard library's, in a thread, on
127.0.0.1) serves --feeds RSS 2.0 feeds of --entries entries with full
content, gzipped, with ETags. `dateline fetch --no-index` runs as its own
process (start-up included) twice on a fresh data folder: the first run
fetches and writes every entry; the second finds every feed unchanged (one
conditional request each, answered 304). Then, unless --skip-index, a third
fresh data folder runs the full `dateline fetch` (reading into the cache and
finding facts). The baseline, in this process: the same feeds fetched one
after another with httpx and parsed with feedparser, nothing written (and, for
the second run, the same conditional requests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import gzip
import html
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import make_corpus
from common import machine, spread

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title} | {source}</title>
<meta property="og:site_name" content="{source}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T09:30:00+00:00">
<script>window.dataLayer=[];document.write("Tracking pixel loaded");</script></head>
<body><div id="cookie-banner"><p>We use cookies to give you the best experience on our website.
By continuing to browse you agree to our use of cookies.</p>
<button>Accept all cookies</button></div>
<header><a href="/">{source}</a><nav><ul><li><a href="/news">News</a></li><li>
<a href="/sport">Sport</a>
</li><li><a href="/whats-on">What's On</a></li><li><a href="/jobs">Jobs</a></li>
<li><a href="/subscribe">Subscribe for £1 a month</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a>
<a href="#">Email this story</a></div><div class="story-body">{body}
<aside class="newsletter"><h3>Get our newsletter</h3><p>Sign up for the latest news delivered
straight to your inbox every morning.</p></aside></div>
<div class="share-bar"><a href="#">Share on Facebook</a>
<a href="#comments">Read 14 comments</a></div>
</article><section class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Bathing water status under review as river tests continue</a></li>
<li><a href="/b">Bypass roadworks to last until the summer holidays</a></li>
<li><a href="/c">Market traders call for free parking at weekends</a></li></ul></section>
<section><h2>Most read</h2><ol><li><a href="/d">House prices hit a record high</a></li></ol>
</section>
</main><footer><a href="/about">About us</a> | <a href="/privacy">Privacy notice</a>
<p>© 2023 {source} Ltd. All rights reserved.</p></footer><script src="/app.js"></script>
</body></html>
"""
FURNITURE = (
    "cookies",
    "Share on",
    "Sign up for",
    "Related stories",
    "Most read",
    "Rights reserved",
)

RSS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
    "<title>{title}</title><link>https://news{number}.example/</link>"
    "<description>Benchmark feed {number}</description>"
)
RSS_ITEM = (
    "<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
    "<pubDate>{date}</pubDate><dc:creator>{author}</dc:creator>"
    "<description>{summary}</description>"
    "<content:encoded><![CDATA[{content}]]></content:encoded></item>"
)


# --- Pages ---------------------------------------------------------------------------------


def make_pages(count: int, seed: int) -> list[tuple[bytes, tuple[str, ...]]]:
    pages = []
    for article in make_corpus.generate(count, seed, duplicates=0):
        body = "".join(f"<p>{html.escape(p)}</p>" for p in article.body)
        page = PAGE.format(
            title=html.escape(article.title),
            source=html.escape(article.source),
            author=html.escape(article.author),
            date=article.date.isoformat(),
            body=body,
        )
        pages.append((page.encode("utf-8"), article.body))
    return pages


def time_pages(pages: list[tuple[bytes, tuple[str, ...]]], rounds: int) -> None:
    import trafilatura

    from dateline.sources.html import page_article

    def ours(data: bytes) -> str:
        article = page_article(data, Path("page.html"))
        return "\n".join(getattr(article, "paragraphs", ()))

    def theirs(data: bytes) -> str:
        return trafilatura.extract(data) or ""

    calls: dict[str, Callable[[bytes], str]] = {
        "trafilatura.extract (baseline)": theirs,
        "Dateline page_article": ours,
    }
    for call in calls.values():  # warm up: imports, compiled patterns, caches
        call(pages[0][0])
    seconds: dict[str, list[float]] = {name: [] for name in calls}
    texts: dict[str, list[str]] = {name: [""] * len(pages) for name in calls}
    names = list(calls)
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            for index in range(round_number, len(pages), rounds):
                start = time.perf_counter()
                texts[name][index] = calls[name](pages[index][0])
                seconds[name].append(time.perf_counter() - start)
    print(f"\nPages: {len(pages)} synthetic news pages with boilerplate, {rounds} rounds")
    print(f"  {'':34} {'mean ms':>8} {'median':>8} {'p95':>8} {'pages/s':>8}  all kept  furniture")
    for name in names:
        timing = spread(seconds[name])
        kept = sum(
            all(" ".join(p.split()) in " ".join(text.split()) for p in body)
            for text, (_, body) in zip(texts[name], pages, strict=True)
        )
        leaked = sum(
            any(f.casefold() in text.casefold() for f in FURNITURE) for text in texts[name]
        )
        print(
            f"  {name:34} {timing.mean_ms:8.2f} {timing.median_ms:8.2f} {timing.p95_ms:8.2f}"
            f" {timing.per_second:8.0f}  {kept:>4}/{len(pages)}  {leaked:>5}"
        )


# --- Feeds ---------------------------------------------------------------------------------


class FeedServer:
    """Feeds served from memory, gzipped when asked, with ETags; counts what it sent."""

    def __init__(self, feeds: dict[str, bytes]) -> None:
        self.feeds = {
            path: (body, gzip.compress(body), f'"{hash(body) & 0xFFFFFFFF:x}"')
            for path, body in feeds.items()
        }
        self.requests = 0
        self.not_modified = 0
        self.bytes_sent = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: with Nagle's algorithm the
            # body waits for the client's delayed ACK, 40 ms a response (measured),
            # which no real server adds.
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                found = server.feeds.get(self.path)
                if found is None:
                    self.send_error(404)
                    return
                body, zipped, etag = found
                with server._lock:
                    server.requests += 1
                if self.headers.get("If-None-Match") == etag:
                    with server._lock:
                        server.not_modified += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = zipped if "gzip" in self.headers.get("Accept-Encoding", "") else body
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                if data is zipped:
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                with server._lock:
                    server.bytes_sent += len(data)

        class Server(ThreadingHTTPServer):
            # The standard library's backlog is 5: eight fetchers connecting at
            # once overflowed it, and a dropped SYN is retried after a second.
            request_queue_size = 128

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def reset_counts(self) -> None:
        self.requests = self.not_modified = self.bytes_sent = 0

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def make_feeds(feeds: int, entries: int, seed: int) -> dict[str, bytes]:
    articles = list(make_corpus.generate(feeds * entries, seed, duplicates=0))
    served: dict[str, bytes] = {}
    for number in range(feeds):
        items = []
        for article in articles[number * entries : (number + 1) * entries]:
            day = article.date
            published = format_datetime(
                dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=dt.UTC)
            )
            items.append(
                RSS_ITEM.format(
                    title=html.escape(article.title),
                    link=html.escape(f"https://news{number}.example/{article.number}"),
                    date=published,
                    author=html.escape(article.author),
                    summary=html.escape(article.body[0]),
                    content="".join(f"<p>{html.escape(p)}</p>" for p in article.body),
                )
            )
        text = RSS_HEAD.format(title=f"Benchmark News {number}", number=number)
        served[f"/feed{number}.xml"] = (text + "".join(items) + "</channel></rss>").encode()
    return served


def run_fetch(data_dir: Path, arguments: Sequence[str]) -> tuple[float, str]:
    environment = {
        **os.environ,
        "DATELINE_DATA_DIR": str(data_dir / "data"),
        "DATELINE_CACHE_DIR": str(data_dir / "cache"),
        "DATELINE_CONFIG_DIR": str(data_dir / "config"),
    }
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        environment.pop(variable, None)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "fetch", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode not in (0,):
        raise SystemExit(f"dateline fetch failed ({result.returncode}):\n{result.stderr}")
    return seconds, result.stdout.strip().splitlines()[-1]


def subscribe(data_dir: Path, urls: list[str]) -> None:
    from dateline.sources.subscriptions import Subscriptions

    with Subscriptions.open(data_dir / "data" / "subscriptions.sqlite3") as subscriptions:
        for url in urls:
            subscriptions.add(url)


def baseline(urls: list[str], etags: dict[str, str] | None = None) -> tuple[float, dict[str, str]]:
    """httpx then feedparser, one feed after another, nothing written."""
    import io

    import feedparser
    import httpx

    found: dict[str, str] = {}
    start = time.perf_counter()
    with httpx.Client(trust_env=False) as client:
        for url in urls:
            headers = {"If-None-Match": etags[url]} if etags else {}
            response = client.get(url, headers=headers)
            if response.status_code == 304:
                continue
            feedparser.parse(io.BytesIO(response.content))
            found[url] = response.headers.get("etag", "")
    return time.perf_counter() - start, found


def time_fetch(feeds: int, entries: int, seed: int, index: bool) -> None:
    served = make_feeds(feeds, entries, seed)
    server = FeedServer(served)
    urls = [server.url(path) for path in served]
    size = sum(len(body) for body in served.values())
    print(
        f"\nFeeds: {feeds} RSS 2.0 feeds of {entries} entries with full content"
        f" ({size / 1e6:.1f} MB, gzipped on the wire), local server"
    )
    try:
        baseline(urls[:2])  # warm up: imports
        first_base, etags = baseline(urls)
        second_base, _ = baseline(urls, etags)
        with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
            data_dir = Path(folder)
            subscribe(data_dir, urls)
            server.reset_counts()
            first, first_line = run_fetch(data_dir, ["--no-index"])
            first_requests, first_bytes = server.requests, server.bytes_sent
            server.reset_counts()
            second, second_line = run_fetch(data_dir, ["--no-index"])
            second_requests, second_304 = server.requests, server.not_modified
            files = sum(1 for _ in (data_dir / "data" / "feeds").rglob("*.txt"))
        print(
            "  baseline (httpx + feedparser, one by one, nothing written):"
            f" first {first_base:.2f} s, unchanged {second_base:.2f} s"
        )
        print(
            f"  dateline fetch --no-index, first run:  {first:6.2f} s"
            f"  ({first_requests} requests, {first_bytes / 1e6:.2f} MB sent;"
            f" {files} files written)  [{first_line}]"
        )
        print(
            f"  dateline fetch --no-index, second run: {second:6.2f} s"
            f"  ({second_requests} requests, {second_304} answered 304)  [{second_line}]"
        )
        if index:
            with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
                data_dir = Path(folder)
                subscribe(data_dir, urls)
                whole, whole_line = run_fetch(data_dir, [])
            print(
                f"  dateline fetch (with cache and facts), first run: {whole:6.2f} s"
                f"  [{whole_line}]"
            )
    finally:
        server.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-index", action="store_true", help="skip the full fetch run")
    options = parser.parse_args(argv)
    print(machine())
    time_pages(make_pages(options.pages, options.seed), options.rounds)
    time_fetch(options.feeds, options.entries, options.seed, not options.skip_index)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
