"""The feeds a reader follows, and what became of each the last time it was
fetched: one SQLite file beside the reading state
(`data_dir()/subscriptions.sqlite3`, WAL, every change its own transaction).

For each feed: its address, a title (given by hand or taken from the feed),
tags, whether linked pages are fetched for entries that carry only a summary,
the validators for conditional requests, and when it was last tried, when it
last worked and the last error. For each entry fetched: which file holds it,
found by its key (guid, else link) or its link, so an entry seen again is
written over, never written twice.

Like the reading state, this never stops the reader: a damaged file is set
aside (`subscriptions.sqlite3.corrupt-…`) and started afresh, with a message.
It imports nothing from the store: the sources sit beside the model."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dateline.config import data_dir

SCHEMA_VERSION = 1
_SCHEMA = (
    """
    CREATE TABLE feed (
        position INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        feed_title TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        fetch_pages INTEGER NOT NULL DEFAULT 1,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        body_digest TEXT,
        last_attempt TEXT,
        last_success TEXT,
        last_error TEXT,
        last_note TEXT,
        articles INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE entry (
        feed TEXT NOT NULL,
        key TEXT NOT NULL,
        link TEXT NOT NULL,
        file TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed, key)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entry_by_link ON entry (feed, link)",
)
_DAMAGED = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})
_FEED_COLUMNS = (
    "url, title, feed_title, tags, fetch_pages, added_at, etag, last_modified, body_digest,"
    " last_attempt, last_success, last_error, last_note, articles"
)


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _stamp_time(stamp: str | None) -> dt.datetime | None:
    """A stamp written by now_stamp() as a time; None when there is none or
    it cannot be read (a feed whose last try is unknown is due)."""
    if not stamp:
        return None
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def check_feed_address(url: str) -> str | None:
    """Why `url` cannot be a feed's address, or None when it can."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"{url!r} is not a web address"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not a web address (http:// or https://)"
    return None


@dataclass(slots=True, frozen=True)
class Subscription:
    url: str
    title: str = ""  # given by hand (feeds add --title, OPML, newsboat's ~title)
    feed_title: str = ""  # the feed's own, from the last fetch
    tags: tuple[str, ...] = ()
    fetch_pages: bool = True
    added_at: str = ""
    etag: str | None = None
    last_modified: str | None = None
    body_digest: str | None = None
    last_attempt: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    last_note: str | None = None
    articles: int = 0

    @property
    def name(self) -> str:
        """What the reader calls the feed: its title, else its host."""
        return self.title or self.feed_title or (urlsplit(self.url).hostname or self.url)


@dataclass(slots=True, frozen=True)
class KnownEntry:
    key: str
    link: str
    file: str  # the file's name in the feed's folder
    fingerprint: str


@dataclass(slots=True, frozen=True)
class FeedRecord:
    """What one fetch of a feed found, to be recorded."""

    url: str
    attempted_at: str
    error: str | None
    note: str | None
    feed_title: str | None  # None: unchanged
    etag: str | None
    last_modified: str | None
    body_digest: str | None
    entries: tuple[KnownEntry, ...]  # new or changed entries


class Subscriptions:
    """Use `Subscriptions.open()`; `close()` when done. Safe across threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, problems: list[str]):
        self._db = connection
        self._lock = threading.Lock()
        self.path = path
        self.problems = problems

    @classmethod
    def open(cls, path: Path | None = None) -> Subscriptions:
        path = data_dir() / "subscriptions.sqlite3" if path is None else path
        problems: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(_connect(path), path, problems)
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) not in _DAMAGED:
                problems.append(f"{path}: cannot open ({error}); subscriptions kept in memory")
                return cls(_connect(None), None, problems)
            damage = error
        except OSError as error:
            problems.append(f"{path}: cannot open ({error}); subscriptions kept in memory")
            return cls(_connect(None), None, problems)
        aside = path.with_name(f"{path.name}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}")
        try:
            path.rename(aside)
            for suffix in ("-wal", "-shm"):
                companion = path.with_name(path.name + suffix)
                if companion.exists():
                    companion.rename(aside.with_name(aside.name + suffix))
            problems.append(
                f"{path}: the file was damaged ({damage}); it was moved to {aside.name}"
                " and the subscriptions start afresh"
            )
            return cls(_connect(path), path, problems)
        except (OSError, sqlite3.Error) as error:
            problems.append(f"{path}: damaged and cannot be replaced ({error}); kept in memory")
            return cls(_connect(None), None, problems)

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> Subscriptions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- The list ------------------------------------------------------------

    def all(self) -> list[Subscription]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_FEED_COLUMNS} FROM feed ORDER BY position"
            ).fetchall()
        return [_subscription(row) for row in rows]

    def get(self, url: str) -> Subscription | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_FEED_COLUMNS} FROM feed WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else _subscription(row)

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT count(*) FROM feed").fetchone()
        return count

    def add(
        self,
        url: str,
        *,
        title: str = "",
        tags: Iterable[str] = (),
        fetch_pages: bool = True,
    ) -> bool:
        """Follow a feed; False when it was followed already (left as it was)."""
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO feed (url, title, tags, fetch_pages, added_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO NOTHING",
                (url, title, json.dumps(list(tags)), int(fetch_pages), now_stamp()),
            )
            return cursor.rowcount > 0

    def remove(self, url: str) -> Subscription | None:
        subscription = self.get(url)
        if subscription is None:
            return None
        with self._writing() as db:
            db.execute("DELETE FROM feed WHERE url = ?", (url,))
            db.execute("DELETE FROM entry WHERE feed = ?", (url,))
        return subscription

    def set_fetch_pages(self, url: str, fetch_pages: bool) -> bool:
        with self._writing() as db:
            cursor = db.execute(
                "UPDATE feed SET fetch_pages = ? WHERE url = ?", (int(fetch_pages), url)
            )
            return cursor.rowcount > 0

    def due(self, interval_s: float, now: dt.datetime | None = None) -> list[str]:
        """The feeds to fetch on a schedule (`dateline --watch`): never tried,
        or last tried `interval_s` seconds ago or more, in the list's order."""
        now = now or dt.datetime.now(dt.UTC)
        due: list[str] = []
        for feed in self.all():
            last = _stamp_time(feed.last_attempt)
            if last is None or (now - last).total_seconds() >= interval_s:
                due.append(feed.url)
        return due

    # --- What fetching found -------------------------------------------------

    def known_entries(self, url: str) -> list[KnownEntry]:
        with self._lock:
            rows = self._db.execute(
                "SELECT key, link, file, fingerprint FROM entry WHERE feed = ?", (url,)
            ).fetchall()
        return [KnownEntry(*row) for row in rows]

    def record(self, record: FeedRecord) -> None:
        """One fetch's outcome: the feed's status, and its new or changed entries."""
        with self._writing() as db:
            if record.error is not None:
                db.execute(
                    "UPDATE feed SET last_attempt = ?, last_error = ? WHERE url = ?",
                    (record.attempted_at, record.error, record.url),
                )
                return
            db.execute(
                "UPDATE feed SET last_attempt = ?, last_success = ?, last_error = NULL,"
                " last_note = ?, etag = ?, last_modified = ?,"
                " body_digest = coalesce(?, body_digest),"
                " feed_title = coalesce(?, feed_title) WHERE url = ?",
                (
                    record.attempted_at,
                    record.attempted_at,
                    record.note,
                    record.etag,
                    record.last_modified,
                    record.body_digest,
                    record.feed_title,
                    record.url,
                ),
            )
            db.executemany(
                "INSERT INTO entry (feed, key, link, file, fingerprint, seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed, key) DO UPDATE SET"
                " link = excluded.link, file = excluded.file,"
                " fingerprint = excluded.fingerprint, seen_at = excluded.seen_at",
                [
                    (record.url, e.key, e.link, e.file, e.fingerprint, record.attempted_at)
                    for e in record.entries
                ],
            )
            db.execute(
                "UPDATE feed SET articles ="
                " (SELECT count(DISTINCT file) FROM entry WHERE entry.feed = feed.url)"
                " WHERE url = ?",
                (record.url,),
            )


def _subscription(row: tuple[object, ...]) -> Subscription:
    (
        url,
        title,
        feed_title,
        tags,
        fetch_pages,
        added_at,
        etag,
        last_modified,
        body_digest,
        last_attempt,
        last_success,
        last_error,
        last_note,
        articles,
    ) = row
    try:
        tag_list = tuple(str(tag) for tag in json.loads(str(tags)))
    except (ValueError, TypeError):
        tag_list = ()
    return Subscription(
        url=str(url),
        title=str(title),
        feed_title=str(feed_title),
        tags=tag_list,
        fetch_pages=bool(fetch_pages),
        added_at=str(added_at),
        etag=etag,  # type: ignore[arg-type]
        last_modified=last_modified,  # type: ignore[arg-type]
        body_digest=body_digest,  # type: ignore[arg-type]
        last_attempt=last_attempt,  # type: ignore[arg-type]
        last_success=last_success,  # type: ignore[arg-type]
        last_error=last_error,  # type: ignore[arg-type]
        last_note=last_note,  # type: ignore[arg-type]
        articles=int(articles),  # type: ignore[call-overload]
    )


def _connect(path: Path | None) -> sqlite3.Connection:
    connection = sqlite3.connect(
        ":memory:" if path is None else path,
        isolation_level=None,
        timeout=10.0,
        check_same_thread=False,
    )
    try:
        if path is not None:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == 0:
            connection.execute("BEGIN IMMEDIATE")
            (version,) = connection.execute("PRAGMA user_version").fetchone()
            if version == 0:
                for statement in _SCHEMA:
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        elif version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"written by a newer Dateline (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        connection.execute("SELECT count(*) FROM feed").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection
