"""The feed reader's commands:

    dateline feeds add URL [--title TITLE] [--no-pages]
    dateline feeds list
    dateline feeds import FILE.opml|urls
    dateline feeds remove URL [--keep-articles]
    dateline feeds pages URL on|off
    dateline fetch [--timeout SECONDS] [--concurrency N] [--no-index]

Subscriptions live in the data folder (`dateline.sources.subscriptions`);
fetched articles in its `feeds/` folder, one file per entry
(`dateline.sources.fetched`), which `dateline` opens with the seeds and
`--feeds` adds to any corpus. Nothing here imports Textual."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.model.sanitize import inert

if TYPE_CHECKING:
    from dateline.sources.subscriptions import Subscription, Subscriptions

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def _say(message: str) -> None:
    print(inert(message))


def _fail(message: str) -> None:
    print(f"dateline: {inert(message)}", file=sys.stderr)


def _feeds_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline feeds",
        description="Follow feeds (RSS, Atom, JSON Feed); 'dateline fetch' fetches them.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="follow a feed")
    add.add_argument("url", metavar="URL")
    add.add_argument("--title", default="", help="call it this rather than the feed's own title")
    add.add_argument(
        "--no-pages",
        action="store_true",
        help="for entries with only a summary, keep the summary; do not fetch the linked page",
    )
    commands.add_parser("list", help="the feeds followed, when each last worked, the last error")
    imported = commands.add_parser("import", help="follow the feeds in an OPML or newsboat file")
    imported.add_argument("file", type=Path, metavar="FILE")
    remove = commands.add_parser("remove", help="stop following a feed")
    remove.add_argument("url", metavar="URL", help="its address, or its number in 'feeds list'")
    remove.add_argument(
        "--keep-articles", action="store_true", help="keep the articles fetched from it"
    )
    pages = commands.add_parser(
        "pages", help="fetch (on) or not (off) the linked page of a summary-only entry"
    )
    pages.add_argument("url", metavar="URL", help="its address, or its number in 'feeds list'")
    pages.add_argument("switch", choices=("on", "off"))
    return parser


def _fetch_parser() -> argparse.ArgumentParser:
    from dateline.sources.fetch import Limits
    from dateline.sources.update import DEFAULT_CONCURRENCY

    default_timeout = Limits().timeout
    parser = argparse.ArgumentParser(
        prog="dateline fetch",
        description="Fetch every feed followed and keep its new and changed articles, "
        "then read them into the cache and find their facts, for reading offline.",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=default_timeout,
        metavar="SECONDS",
        help=f"for each feed or page, start to end (default {default_timeout:g})",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"feeds fetched at once (default {DEFAULT_CONCURRENCY})",
    )
    parser.add_argument(
        "--no-index", action="store_true", help="only fetch; read and find facts later"
    )
    return parser


def feeds_main(args: list[str]) -> int:
    from dateline.sources.subscriptions import Subscriptions

    options = _feeds_parser().parse_args(args)
    subscriptions = Subscriptions.open()
    try:
        for problem in subscriptions.problems:
            _fail(problem)
        command: Callable[[Subscriptions, argparse.Namespace], int] = {
            "add": _add,
            "list": _list,
            "import": _import,
            "remove": _remove,
            "pages": _pages,
        }[options.command]
        return command(subscriptions, options)
    finally:
        subscriptions.close()


def _add(subscriptions: Subscriptions, options: argparse.Namespace) -> int:
    from dateline.sources.fetched import fetched_dir
    from dateline.sources.subscriptions import check_feed_address

    url = options.url.strip()
    if (problem := check_feed_address(url)) is not None:
        _fail(problem)
        return EXIT_BAD_INPUT
    if subscriptions.add(url, title=options.title.strip(), fetch_pages=not options.no_pages):
        fetched_dir().mkdir(parents=True, exist_ok=True)
        _say(f"Following {url}. 'dateline fetch' (or r in the reader) fetches it.")
    else:
        _say(f"Already following {url}.")
    return 0


def _ago(stamp: str | None, now: dt.datetime) -> str:
    if not stamp:
        return "never"
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 90:
        span = f"{seconds} s"
    elif seconds < 90 * 60:
        span = f"{seconds // 60} min"
    elif seconds < 36 * 3600:
        span = f"{seconds // 3600} h"
    else:
        span = f"{seconds // 86400} days"
    return f"{when:%Y-%m-%d %H:%M} UTC, {span} ago"


def _list(subscriptions: Subscriptions, options: argparse.Namespace) -> int:
    del options  # nothing to choose
    feeds = subscriptions.all()
    if not feeds:
        _say("No feeds followed. Add one with: dateline feeds add URL")
        return 0
    now = dt.datetime.now(dt.UTC)
    for number, feed in enumerate(feeds, start=1):
        _say(f"{number}. {feed.name}")
        _say(f"   {feed.url}")
        details = [f"{feed.articles:,} articles"]
        if feed.tags:
            details.append("tags: " + ", ".join(feed.tags))
        if not feed.fetch_pages:
            details.append("linked pages not fetched")
        _say("   " + " · ".join(details))
        _say(f"   last worked: {_ago(feed.last_success, now)}")
        if feed.last_error:
            _say(f"   last error: {feed.last_error} ({_ago(feed.last_attempt, now)})")
        elif feed.last_note:
            _say(f"   note: {feed.last_note}")
    return 0


def _import(subscriptions: Subscriptions, options: argparse.Namespace) -> int:
    from dateline.sources.fetched import fetched_dir
    from dateline.sources.newsboat import read_urls
    from dateline.sources.opml import read_opml

    path: Path = options.file
    try:
        data = path.read_bytes()
    except OSError as error:
        _fail(f"cannot read {path}: {error.strerror or error}")
        return EXIT_BAD_INPUT
    opml = path.suffix.lower() in {".opml", ".xml"} or data.lstrip()[:5].lower() in (
        b"<?xml",
        b"<opml",
    )
    found = read_opml(data) if opml else read_urls(data.decode("utf-8", "replace"))
    added = already = 0
    for feed in found.feeds:
        if subscriptions.add(feed.url, title=feed.title, tags=feed.tags):
            added += 1
        else:
            already += 1
    for reason in found.skipped:
        _fail(f"{path}: skipped {reason}")
    if not found.feeds:
        _fail(f"no feeds in {path}")
        return EXIT_BAD_INPUT
    if added:
        fetched_dir().mkdir(parents=True, exist_ok=True)
    kind = "OPML" if opml else "newsboat urls"
    extra = f" ({already} already followed)" if already else ""
    _say(f"Imported {added} feeds from {path} ({kind}){extra}. 'dateline fetch' fetches them.")
    return 0


def _find(subscriptions: Subscriptions, given: str) -> Subscription | None:
    feeds = subscriptions.all()
    if given.isdigit() and 1 <= int(given) <= len(feeds):
        return feeds[int(given) - 1]
    found = subscriptions.get(given.strip())
    if found is None:
        _fail(f"not following {given} (see dateline feeds list)")
    return found


def _remove(subscriptions: Subscriptions, options: argparse.Namespace) -> int:
    from dateline.sources.fetched import feed_folder_name, fetched_dir

    feed = _find(subscriptions, options.url)
    if feed is None:
        return EXIT_BAD_INPUT
    subscriptions.remove(feed.url)
    folder = fetched_dir() / feed_folder_name(feed.url)
    if options.keep_articles or not folder.exists():
        _say(f"No longer following {feed.name}; its articles stay in {folder}.")
        return 0
    shutil.rmtree(folder, ignore_errors=True)
    _say(f"No longer following {feed.name}; its fetched articles were removed.")
    return 0


def _pages(subscriptions: Subscriptions, options: argparse.Namespace) -> int:
    feed = _find(subscriptions, options.url)
    if feed is None:
        return EXIT_BAD_INPUT
    subscriptions.set_fetch_pages(feed.url, options.switch == "on")
    state = "fetched" if options.switch == "on" else "not fetched; the summary is kept"
    _say(f"{feed.name}: linked pages of summary-only entries are {state}.")
    return 0


def fetch_main(args: list[str], index: Callable[[list[Path]], int]) -> int:
    """Fetch every feed, then `index` the fetched folder (the cache and facts)."""
    from dateline.sources.fetch import Limits
    from dateline.sources.fetched import fetched_dir
    from dateline.sources.subscriptions import Subscriptions
    from dateline.sources.update import FeedUpdate, update_feeds

    options = _fetch_parser().parse_args(args)
    if options.timeout <= 0 or options.concurrency < 1:
        _fail("--timeout and --concurrency must be positive")
        return EXIT_BAD_INPUT
    started = time.perf_counter()
    subscriptions = Subscriptions.open()
    try:
        for problem in subscriptions.problems:
            _fail(problem)
        if not len(subscriptions):
            _say("No feeds followed. Add one with: dateline feeds add URL")
            return 0
        folder = fetched_dir()

        def report(update: FeedUpdate, done: int, total: int) -> None:
            print(inert(f"[{done}/{total}] {update.line}"), flush=True)

        updates = update_feeds(
            subscriptions,
            folder,
            limits=Limits(timeout=options.timeout),
            concurrency=options.concurrency,
            report=report,
        )
    finally:
        subscriptions.close()
    failed = [u for u in updates if u.error is not None]
    new = sum(u.new for u in updates)
    updated = sum(u.updated for u in updates)
    seconds = time.perf_counter() - started
    _say(
        f"{len(updates)} feeds in {seconds:.1f} s: {new} new articles, {updated} updated,"
        f" {len(failed)} failed{' (dateline feeds list shows why)' if failed else ''}."
    )
    status = EXIT_FAILED if failed else 0
    if not options.no_index and folder.exists():
        index_status = index([folder])
        if index_status not in (0, EXIT_BAD_INPUT):  # an empty folder is no failure here
            status = index_status
    return status
