"""`dateline fetch` and the reader's `r`: fetch every subscribed feed, several
at once, and write each new or changed entry as a file in the fetched folder.

Each feed is fetched in a thread of its own (at most `concurrency` at once);
its linked pages, for entries that carry only a summary, one after another in
the same thread. Everything a feed can do wrong ends as that feed's error, in
its `FeedUpdate` and in the subscriptions: one bad feed never stops the rest.
The threads touch no database; the caller's thread records each outcome as it
comes in, and hears of it through `report`."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from dateline.sources.article import ArticleParts
from dateline.sources.feeds import Feed, FeedEntry, NotAFeed, entry_parts, read_feed
from dateline.sources.fetch import PAGE_ACCEPT, Fetcher, FetchError, Limits
from dateline.sources.fetched import entry_file_name, feed_folder_name, render_entry, write_entry
from dateline.sources.subscriptions import (
    FeedRecord,
    KnownEntry,
    Subscription,
    Subscriptions,
    now_stamp,
)

DEFAULT_CONCURRENCY = 8
# Marks a stored fingerprint whose page could not be read: the next fetch
# tries the page again even if the entry has not changed.
_SUMMARY_ONLY = "+summary"


@dataclass(slots=True)
class FeedUpdate:
    """What fetching one feed did."""

    url: str
    name: str
    error: str | None = None
    note: str | None = None  # worked, with a doubt (malformed XML read in part)
    not_modified: bool = False  # 304, or the same bytes as last time
    new: int = 0
    updated: int = 0
    entries: int = 0  # in the feed this time
    pages: int = 0  # linked pages read for summary-only entries
    page_failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    record: FeedRecord | None = None

    @property
    def line(self) -> str:
        """One line for a person: the feed's name and what happened."""
        if self.error is not None:
            return f"{self.name}: failed: {self.error}"
        if self.not_modified:
            return f"{self.name}: unchanged"
        parts = [f"{self.new} new"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        parts.append(f"{self.entries} in the feed")
        if self.pages:
            parts.append(f"{self.pages} pages read")
        if self.page_failures:
            parts.append(f"{len(self.page_failures)} pages unreadable: summary kept")
        line = f"{self.name}: {', '.join(parts)}"
        if self.note:
            line += f" ({self.note})"
        return line


def update_feeds(
    subscriptions: Subscriptions,
    folder: Path,
    *,
    urls: Sequence[str] | None = None,
    limits: Limits | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    report: Callable[[FeedUpdate, int, int], None] = lambda update, done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    fetcher: Fetcher | None = None,
) -> list[FeedUpdate]:
    """Fetch the subscribed feeds (or those in `urls`), write what is new or
    changed under `folder`, record each outcome; `report(update, done, total)`
    after each feed, in the order they finish."""
    feeds = subscriptions.all()
    if urls is not None:
        wanted = set(urls)
        feeds = [feed for feed in feeds if feed.url in wanted]
    known = {feed.url: subscriptions.known_entries(feed.url) for feed in feeds}
    results: list[FeedUpdate] = []
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(limits)
    try:
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            futures = [
                pool.submit(update_feed, fetcher, feed, known[feed.url], folder, cancelled)
                for feed in feeds
            ]
            for future in as_completed(futures):
                update = future.result()  # update_feed never raises
                if update.record is not None:
                    subscriptions.record(update.record)
                results.append(update)
                report(update, len(results), len(feeds))
    finally:
        if own_fetcher:
            fetcher.close()
    return results


def update_feed(
    fetcher: Fetcher,
    feed: Subscription,
    known: list[KnownEntry],
    folder: Path,
    cancelled: Callable[[], bool] = lambda: False,
) -> FeedUpdate:
    """Fetch one feed and write its new and changed entries. Never raises."""
    started = time.perf_counter()
    update = FeedUpdate(feed.url, feed.name)
    attempted = now_stamp()
    try:
        if cancelled():
            update.error = "cancelled before it was fetched"
            return update
        _update(fetcher, feed, known, folder, cancelled, update, attempted)
    except (FetchError, NotAFeed) as error:
        update.error = str(error)
    except Exception as error:  # anything else one feed does must not stop the rest
        update.error = f"{type(error).__name__}: {error}"
    finally:
        update.seconds = time.perf_counter() - started
    if update.error is not None:
        update.record = FeedRecord(
            feed.url, attempted, update.error, None, None, None, None, None, ()
        )
    return update


def _update(
    fetcher: Fetcher,
    feed: Subscription,
    known: list[KnownEntry],
    folder: Path,
    cancelled: Callable[[], bool],
    update: FeedUpdate,
    attempted: str,
) -> None:
    response = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    feed_folder = folder / feed_folder_name(feed.url)
    digest = None if response.not_modified else _digest(response.body)
    unchanged = response.not_modified or (
        digest == feed.body_digest and all((feed_folder / e.file).exists() for e in known)
    )
    if unchanged:
        update.not_modified = True
        update.record = FeedRecord(
            feed.url,
            attempted,
            None,
            feed.last_note,
            None,
            response.etag,
            response.last_modified,
            digest,
            (),
        )
        return
    try:
        parsed = read_feed(response.body, url=response.url, content_type=response.content_type)
    except NotAFeed as error:
        message = str(error)
        # A page that names its feed: say where, as an address a person can add.
        if "it names a feed: " in message:
            head, _, href = message.partition("it names a feed: ")
            message = f"{head}it names a feed: {urljoin(response.url, href)}"
        raise NotAFeed(message) from None
    update.name = feed.title or parsed.title or feed.name
    update.entries = len(parsed.entries)
    by_key = {entry.key: entry for entry in known}
    by_link = {entry.link: entry for entry in known if entry.link}
    written: list[KnownEntry] = []
    for entry in parsed.entries:
        if cancelled():
            update.note = "cancelled part way"
            break
        fingerprint = _fingerprint(entry)
        previous = by_key.get(entry.key) or (by_link.get(entry.link) if entry.link else None)
        name = previous.file if previous is not None else entry_file_name(entry.key)
        path = feed_folder / name
        if previous is not None and previous.fingerprint == fingerprint and path.exists():
            if previous.key != entry.key:  # known by its link until now: remember its key too
                written.append(KnownEntry(entry.key, entry.link, name, fingerprint))
            continue
        parts = _entry_article(fetcher, feed, parsed, entry, update)
        stored = fingerprint + (_SUMMARY_ONLY if _summary_only(parts) else "")
        extra = {"feed_url": feed.url, "guid": entry.guid}
        write_entry(path, render_entry(parts, extra))
        written.append(KnownEntry(entry.key, entry.link, name, stored))
        if previous is None:
            update.new += 1
        else:
            update.updated += 1
    if parsed.problem:
        update.note = parsed.problem
    update.record = FeedRecord(
        feed.url,
        attempted,
        None,
        update.note,
        parsed.title,
        response.etag,
        response.last_modified,
        digest,
        tuple(written),
    )


def _entry_article(
    fetcher: Fetcher, feed: Subscription, parsed: Feed, entry: FeedEntry, update: FeedUpdate
) -> ArticleParts:
    """The entry's article: its full content, else the linked page's text,
    else (pages off, or the page unreadable, with a warning) its summary."""
    parts = entry_parts(parsed, entry, name=feed.title or parsed.title or feed.name)
    if entry.content or not feed.fetch_pages or not entry.link:
        return parts
    from dateline.sources.html import extract_page

    try:
        page = fetcher.get(entry.link, accept=PAGE_ACCEPT)
        text = extract_page(page.body, url=page.url)
    except FetchError as error:
        reason = str(error)
    except Exception as error:  # a page trafilatura cannot read at all
        reason = f"{type(error).__name__}: {error}"
    else:
        if text is not None:
            update.pages += 1
            parts.paragraphs = list(text.paragraphs)
            if parts.date is None and text.date:
                from dateline.model.loading import parse_publication_date

                parts.date = parse_publication_date(text.date)
            if "author" not in parts.metadata and text.author:
                parts.metadata["author"] = text.author
            return parts
        reason = "it has no article text"
    update.page_failures.append(f"{entry.link}: {reason}")
    parts.warnings.append(f"only the feed's summary: the linked page could not be read ({reason})")
    return parts


def _summary_only(parts: ArticleParts) -> bool:
    return any(warning.startswith("only the feed's summary") for warning in parts.warnings)


def _fingerprint(entry: FeedEntry) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in (
        entry.title,
        entry.link,
        entry.raw_date,
        entry.author,
        *entry.content,
        "\x00",
        *entry.summary,
    ):
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.hexdigest()


def _digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()
