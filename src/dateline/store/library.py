"""The library: every article Dateline has read, with its facts and a full-text
index, cached in SQLite so a second start reads the cache instead of the files.

One file, `cache_dir()/library.sqlite3`, in WAL mode. Each file's articles are
kept with the file's size, modification time and content hash: a file whose
size and time are unchanged is not read again; one whose bytes are unchanged is
not parsed again. Facts are stored with a fingerprint of the extractors' code,
so changing an extractor re-extracts instead of showing stale facts.

Each thread gets its own connection (the indexer and facts workers write, the
UI thread reads); WAL lets the reads go on while a worker writes.

The cache is a convenience: when its folder cannot be written, or its file is
damaged, the library says so in `problems` and works from a temporary file for
the session (or from memory, when even that cannot be written). A damaged file
found while reading is marked, and set aside at the next open. Reading state is
not here but in the data folder (`state.py`), so a rebuilt cache loses nothing
of the reader's own.

Two Dateline processes may share the cache: SQLite serialises their writes, and
a file that the other process has just read is taken from the cache, not read
and replaced, so neither's list is left pointing at rows that are gone."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gzip
import hashlib
import itertools
import json
import os
import sqlite3
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, NamedTuple, ParamSpec, TypeVar

from dateline.config import cache_dir
from dateline.facts.base import ArticleFacts
from dateline.facts.serialize import facts_from_dict, facts_to_dict
from dateline.model.article import Article, article_from_dict, article_to_dict
from dateline.model.ids import CorpusIds, is_compressed, name_from_old_id
from dateline.model.listing import Entry, sort_key
from dateline.model.problems import LoadProblem
from dateline.store import facts_index
from dateline.store.files import busy_retry, os_reason, set_aside

if TYPE_CHECKING:
    # Only handed in: the reader starts its workers (and imports
    # multiprocessing) once the list is on screen.
    from dateline.facts.workers import FactFinder

SCHEMA_VERSION = 6
# The full-text index of titles and texts. A word typed into the search box
# is matched as a prefix; `prefix` keeps the articles of every two- and
# three-letter prefix in the index itself, so that a short prefix that most of
# a corpus matches ("cou": 85,000 of 100,000) is one list read, not the merge
# of every word it begins (council, country, court, could, …): 50 ms to 13 ms
# for "cou" at 100,000 articles, for an index 2.4 times the size.
_FULL_TEXT = """
    CREATE VIRTUAL TABLE article_text USING fts5 (
        title, body, content = 'article', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )
    """
_SCHEMA = (
    """
    CREATE TABLE file (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        digest TEXT NOT NULL,
        problems TEXT NOT NULL
    ) WITHOUT ROWID
    """,
    # `place`: where the article is, its file and place in it; unique, never
    # shown (the ids a listing shows depend on the PATH it was asked for).
    # `name`: its id under the PATH of its own folder (`article_name`); NULL in
    # rows a schema-2 cache wrote, whose `place` is the id they had then.
    # `reading_key`: `Article.reading_key`; NULL when it is the content hash.
    """
    CREATE TABLE article (
        rowid INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        position INTEGER NOT NULL,
        place TEXT NOT NULL UNIQUE,
        digest TEXT NOT NULL,
        date TEXT,
        title TEXT NOT NULL,
        warned INTEGER NOT NULL,
        body TEXT NOT NULL,
        meta TEXT NOT NULL,
        facts TEXT,
        facts_version TEXT,
        name TEXT,
        reading_key TEXT,
        source TEXT NOT NULL DEFAULT '',
        feed TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX article_by_file ON article (file, position)",
    # The first screenful, newest first, without sorting the whole corpus.
    "CREATE INDEX article_by_date ON article (date DESC, place)",
    _FULL_TEXT,
    """
    CREATE TABLE mention (
        article INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE
    )
    """,
    "CREATE INDEX mention_by_name ON mention (name)",
    "CREATE INDEX mention_by_article ON mention (article)",
    # Each article's facts in tables of their own, for queries on facts.
    *facts_index.SCHEMA,
)
# Steps that bring an older cache up to date: _MIGRATIONS[n] takes version n to n + 1.
# A step is SQL, or a function given the connection.
_MIGRATIONS: dict[int, tuple[str | Callable[[sqlite3.Connection], None], ...]] = {
    1: ("CREATE INDEX article_by_date ON article (date DESC, id)",),
    # Ids were unique in the cache, so an article was renamed for a file of
    # its name seen anywhere before. Metadata changes only, however large the
    # cache: old rows keep their old id as `place` (reading state's old marks
    # are looked up by it), and their name is worked out when listed.
    2: (
        "ALTER TABLE article RENAME COLUMN id TO place",
        "ALTER TABLE article ADD COLUMN name TEXT",
        "ALTER TABLE article ADD COLUMN reading_key TEXT",
    ),
    # The site or feed each article came from, for its row and `source:` and
    # `feed:`, filled from each row's metadata.
    3: (
        "ALTER TABLE article ADD COLUMN source TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE article ADD COLUMN feed TEXT NOT NULL DEFAULT ''",
        "UPDATE article SET"
        " source = coalesce(json_extract(meta, '$.metadata.source'),"
        " json_extract(meta, '$.metadata.feed'), ''),"
        " feed = trim(coalesce(json_extract(meta, '$.metadata.feed'), '') || ' ' ||"
        " coalesce(json_extract(meta, '$.metadata.feed_url'), ''))",
    ),
    # The full-text index with prefixes (see `_FULL_TEXT`): made again from the
    # articles, once (about 30 s for 100,000 articles, before the first start).
    4: (
        "DROP TABLE article_text",
        _FULL_TEXT,
        "INSERT INTO article_text (article_text) VALUES ('rebuild')",
    ),
    # The facts index (`facts_index`), filled from the facts already stored.
    5: facts_index.MIGRATION,
}
_ENTRY_COLUMNS = "rowid, file, place, name, date, title, warned, digest, reading_key, source, feed"
# Rows written per transaction by the indexer: large enough to amortise the
# commit, small enough that the list fills in steadily.
BATCH_ARTICLES = 400
FIRST_BATCH = 40  # the first report comes as soon as a screenful is in
BATCH_SECONDS = 0.25
FACTS_BATCH = 64
# Up to this many articles, `without_facts` looks each up rather than walking the cache.
_LOOKED_UP = 5000
# How long closing waits for a write in progress on another thread.
CLOSE_WAIT_SECONDS = 5.0
# A JSON Lines file larger than this (or compressed) is written to the cache in
# batches, each its own transaction, so its first screenful is listed (and
# readable) long before its last line is read; a smaller file is one
# transaction, as a file of one article is. (197 MB of 100,000 articles took
# 40 s to list whole.)
STREAM_BYTES = 4 << 20
_generations = itertools.count(1)

_DAMAGED = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})
# Written beside a cache found damaged while in use: the next open sets it aside.
DAMAGED_SUFFIX = ".damaged"
_memory_names = itertools.count(1)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def is_damage(error: BaseException) -> bool:
    """Whether SQLite says the file itself is broken (not busy, full or read-only)."""
    return getattr(error, "sqlite_errorcode", None) in _DAMAGED


def _reading(
    fallback: Callable[[], _R],
) -> Callable[[Callable[Concatenate[Library, _P], _R]], Callable[Concatenate[Library, _P], _R]]:
    """A read that fails (a damaged file, a closed library) gives `fallback()`
    and a problem, never an exception: the UI thread calls these."""

    def decorate(
        method: Callable[Concatenate[Library, _P], _R],
    ) -> Callable[Concatenate[Library, _P], _R]:
        @functools.wraps(method)
        def guarded(self: Library, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as error:
                self.failed(error)
                return fallback()

        return guarded

    return decorate


@dataclass(slots=True)
class IndexProgress:
    """Where the indexer is: files done of files found, articles listed."""

    files_done: int = 0
    files_total: int = 0  # grows while `walking`
    articles: int = 0
    parsed: int = 0  # articles read from their files rather than the cache
    started: float = field(default_factory=time.perf_counter)
    walking: bool = True
    # Files that could not be read at all (those read with problems keep them
    # in the cache: see `Library.file_problems`).
    problems: list[LoadProblem] = field(default_factory=list)
    # A large JSON Lines file being read: its path, and bytes read of its size.
    streaming: str | None = None
    stream_done: int = 0
    stream_size: int = 0

    @property
    def rate(self) -> float:
        """Files per second so far."""
        elapsed = time.perf_counter() - self.started
        return self.files_done / elapsed if elapsed > 0 else 0.0

    @property
    def article_rate(self) -> float:
        """Articles listed per second so far."""
        elapsed = time.perf_counter() - self.started
        return self.articles / elapsed if elapsed > 0 else 0.0


class FileRecord(NamedTuple):
    """What the cache knew of one file when a listing was taken from it."""

    size: int
    mtime_ns: int
    digest: str
    rowids: str  # its articles' rowids, comma-separated; parsed only if needed

    def listed(self) -> set[int]:
        return {int(rowid) for rowid in self.rowids.split(",")} if self.rowids else set()


@dataclass(slots=True)
class Snapshot:
    """The cache's articles under some folders, and the files they came from."""

    entries: list[Entry]
    files: dict[str, FileRecord]


@dataclass(slots=True)
class ListingChange:
    """Entries to add to the list and rowids to take out of it."""

    added: list[Entry] = field(default_factory=list)
    removed: set[int] = field(default_factory=set)


class _Ids:
    """The ids of the articles a listing holds: relative to the PATH each was
    found under (`CorpusIds`), or as stored when the listing has no PATHs."""

    __slots__ = ("_corpus",)

    def __init__(self, root: str | None = None) -> None:
        self._corpus = None if root is None else CorpusIds(root)

    def of(self, file: str, place: str, name: str | None) -> str:
        if name is None:  # written by a schema-2 cache
            name = name_from_old_id(os.path.basename(file), place)
        return name if self._corpus is None else self._corpus.id(file, name)

    def entry(self, row: Sequence[object]) -> Entry:
        rowid, file, place, name, date, title, warned, digest, reading_key, source, feed = row
        article_id = self.of(file, place, name)  # type: ignore[arg-type]
        return Entry(
            key=sort_key(date, article_id),  # type: ignore[arg-type]
            digest=digest,  # type: ignore[arg-type]
            rowid=rowid,  # type: ignore[arg-type]
            id=article_id,
            date=date or "",  # type: ignore[arg-type]
            title=title,  # type: ignore[arg-type]
            warned=bool(warned),
            reading_key=reading_key or digest,  # type: ignore[arg-type]
            # Interned: a corpus holds many articles of few sources.
            source=sys.intern(source) if source else "",  # type: ignore[arg-type]
            feed=sys.intern(feed) if feed else "",  # type: ignore[arg-type]
        )


def _origin(article: Article) -> tuple[str, str]:
    """The source shown on the article's row, and its feed for `feed:`."""
    metadata = article.metadata
    source = metadata.get("source") or metadata.get("feed") or ""
    feed = " ".join(part for part in (metadata.get("feed"), metadata.get("feed_url")) if part)
    return source, feed


def _under(root: str, column: str = "file") -> tuple[str, tuple[str, str, str]]:
    """SQL selecting the files at or under `root`, by a range on the path in `column`."""
    folder = root.rstrip(os.sep) + os.sep
    # Every path under the folder sorts between "folder/" and "folder0"
    # ("0" follows "/" in code point order), so the index answers it.
    upper = folder[:-1] + chr(ord(os.sep) + 1)
    clause = f"({column} = ? OR ({column} >= ? AND {column} < ?))"
    return clause, (root, folder, upper)


def facts_fingerprint() -> str:
    """A hash of the extractors' source: cached facts from other code are stale."""
    import dateline.facts as package

    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(Path(package.__file__).parent.glob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()


class Library:
    """The article cache. Use `Library.open()`; call `close()` when done."""

    def __init__(
        self,
        path: Path | None,
        problems: list[str],
        *,
        temporary: bool = False,
        memory: sqlite3.Connection | None = None,
    ) -> None:
        # None for a library held in memory (`memory_library`).
        self.path = path
        self.problems = problems
        self.temporary = temporary
        # Told of each problem found after opening (the app shows it).
        self.on_problem: Callable[[str], None] | None = None
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._memory = memory
        self._lock = threading.Lock()
        # One writer at a time within this process: the indexer and a facts
        # worker may both write, and an in-memory library has one connection.
        self._write_lock = threading.RLock()
        self._fingerprint: str | None = None
        self._closed = False

    # --- Opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """The cache in `path` (default `cache_dir()/library.sqlite3`), or a
        temporary one, with a message, when that cannot be used."""
        path = cache_dir() / "library.sqlite3" if path is None else path
        problems: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            busy_retry(lambda: _prepare(path, problems))
        except OSError as error:
            problems.append(
                f"{path.parent}: cannot keep the article cache there ({os_reason(error)});"
                " this session uses a temporary one"
            )
            return cls.temporary_library(problems)
        except sqlite3.Error as error:
            problems.append(
                f"{path}: cannot use the article cache ({error}); this session uses a temporary one"
            )
            return cls.temporary_library(problems)
        return cls(path, problems)

    @classmethod
    def temporary_library(cls, problems: list[str] | None = None) -> Library:
        """A library in a temporary file, removed by `close()`; in memory when
        no temporary file can be made (a full disk)."""
        problems = problems if problems is not None else []
        try:
            handle, name = tempfile.mkstemp(prefix="dateline-", suffix=".sqlite3")
            os.close(handle)
            path = Path(name)
            path.unlink()
            _prepare(path, [])
        except (OSError, sqlite3.Error) as error:
            problems.append(
                f"no temporary article cache either ({error}); this session keeps it in memory"
            )
            return cls.memory_library(problems)
        return cls(path, problems, temporary=True)

    @classmethod
    def memory_library(cls, problems: list[str] | None = None) -> Library:
        """A library in memory: the last resort, when no file can be written."""
        name = f"file:dateline-{os.getpid()}-{next(_memory_names)}?mode=memory&cache=shared"
        connection = sqlite3.connect(name, uri=True, isolation_level=None, check_same_thread=False)
        for statement in _SCHEMA:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        problems = problems if problems is not None else []
        return cls(None, problems, temporary=True, memory=connection)

    @property
    def location(self) -> str:
        """Where the cache is, in words."""
        return "memory" if self.path is None else str(self.path)

    def _db(self) -> sqlite3.Connection:
        if self._memory is not None:
            # One connection, shared: SQLite serialises its use across threads.
            return self._memory
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            if self._closed:
                raise sqlite3.ProgrammingError("the library is closed")
            assert self.path is not None
            connection = _connect(self.path)
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed at the end or rolled back on error."""
        with self._write_lock, _transaction(self._db()) as db:
            yield db

    def failed(self, error: sqlite3.Error) -> None:
        """Note a failure found while the library was in use. A damaged file is
        marked, so the next open sets it aside and rebuilds it."""
        if self._closed:
            return  # a worker finishing after the app let go of the library
        if is_damage(error) and self.path is not None and not self.temporary:
            with contextlib.suppress(OSError):
                self.path.with_name(self.path.name + DAMAGED_SUFFIX).touch()
            message = (
                f"{self.path}: the article cache is damaged ({error});"
                " it will be set aside and rebuilt"
            )
        else:
            message = f"{self.location}: the article cache could not be used ({error})"
        if message in self.problems:
            return
        self.problems.append(message)
        if self.on_problem is not None:
            self.on_problem(message)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            connections, self._connections = self._connections, []
        if self._memory is not None:
            connections.append(self._memory)
        # A worker may be writing on its connection (the app moves to another
        # cache while a facts worker stores facts): closing it under the
        # statement crashed the process (a segfault in the sqlite3 module, seen
        # once in the full suite). Wait for the write to end, a while at most.
        locked = self._write_lock.acquire(timeout=CLOSE_WAIT_SECONDS)
        try:
            for connection in connections:
                with contextlib.suppress(sqlite3.Error):
                    connection.close()
        finally:
            if locked:
                self._write_lock.release()
        if self.temporary and self.path is not None:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(f"{self.path}{suffix}").unlink()

    # --- Listing -------------------------------------------------------------

    @_reading(list)
    def entries(self, roots: Iterable[Path] | None = None, limit: int | None = None) -> list[Entry]:
        """The cached articles under `roots` (all when None), newest first, each
        under its id relative to the first root it is under (stored ids when
        `roots` is None)."""
        if roots is None:
            return self._entries(None, _Ids(), limit, set())
        entries: list[Entry] = []
        seen: set[int] = set()
        for root in roots:
            absolute = _absolute(root)
            entries += self._entries(absolute, _Ids(absolute), limit, seen)
        entries.sort()
        return entries if limit is None else entries[:limit]

    def _entries(
        self, root: str | None, ids: _Ids, limit: int | None, seen: set[int]
    ) -> list[Entry]:
        sql = f"SELECT {_ENTRY_COLUMNS} FROM article"
        parameters: list[object] = []
        if root is not None:
            # For the first screenful, walk the date index and test each row's
            # file: "+file" keeps the planner off the file index, which would
            # sort the whole corpus first.
            clause, values = _under(root, "file" if limit is None else "+file")
            sql += f" WHERE {clause}"
            parameters.extend(values)
        if limit is not None:
            # Undated articles sort last: SQLite puts NULL last in DESC order.
            sql += " ORDER BY date DESC, place LIMIT ?"
            parameters.append(limit)
        entries = []
        for row in self._db().execute(sql, parameters):
            if row[0] not in seen:  # under an earlier root already
                seen.add(row[0])
                entries.append(ids.entry(row))
        entries.sort()
        return entries

    @_reading(list)
    def file_problems(self, roots: Iterable[Path]) -> list[LoadProblem]:
        """Problems recorded when the files under `roots` were last read."""
        problems = []
        for root in roots:
            where, values = _under(_absolute(root), "path")
            sql = f"SELECT problems FROM file WHERE problems != '[]' AND {where}"
            for (stored,) in self._db().execute(sql, values):
                problems += [LoadProblem(Path(p), m, line) for p, m, line in json.loads(stored)]
        return problems

    # --- Indexing ------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> list[Entry]:
        """Store articles loaded elsewhere (a `Corpus`), replacing any from the
        same files, and return their entries, under the ids the articles have."""
        by_file: dict[str, list[Article]] = {}
        for article in articles:
            by_file.setdefault(_absolute(article.path), []).append(article)
        added: list[Entry] = []
        ids = _Ids()
        with self._writing() as db:
            for file, file_articles in by_file.items():
                self._forget_file(db, file)
                db.execute(
                    "INSERT INTO file VALUES (?, -1, -1, '', '[]')"
                    " ON CONFLICT (path) DO UPDATE SET size = -1",
                    (file,),
                )
                added += self._insert_articles(db, file, file_articles, ids)
        added.sort()
        return added

    def snapshot(self, roots: Sequence[Path]) -> Snapshot:
        """The cached articles under `roots` and the file records they came
        from, read in one transaction: give both to the list and to `index`,
        and nothing another process writes in between is missed."""
        with self._write_lock:
            db = self._db()
            db.execute("BEGIN")
            try:
                return Snapshot(self.entries(roots), self._known(db, roots))
            finally:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("COMMIT")

    @staticmethod
    def _known(db: sqlite3.Connection, roots: Sequence[Path]) -> dict[str, FileRecord]:
        known: dict[str, FileRecord] = {}
        for root in roots:
            where, values = _under(_absolute(root), "path")
            sql = (
                "SELECT path, size, mtime_ns, digest,"
                " (SELECT group_concat(rowid) FROM article WHERE article.file = path)"
                f" FROM file WHERE {where}"
            )
            for path, size, mtime_ns, digest, rowids in db.execute(sql, values):
                known[path] = FileRecord(size, mtime_ns, digest, rowids or "")
        return known

    def index(
        self,
        roots: Sequence[Path],
        report: Callable[[ListingChange, IndexProgress], None],
        cancelled: Callable[[], bool] = lambda: False,
        known: dict[str, FileRecord] | None = None,
        files: Iterable[Path] | None = None,
    ) -> IndexProgress:
        """Bring the cache up to date with the files under `roots`.

        `report` receives what changed in the listing since the cache's own
        entries (see `entries`), or since `known` (a `snapshot`'s files), and
        the progress, about every `BATCH_SECONDS`. Entries are under their ids
        relative to the root they were found under, as `entries` gives them.
        Files that are gone are dropped from the cache.

        With `files` (files and folders seen to change: `dateline --watch`),
        only those are looked at, under the root each is in, and their ids are
        as a whole walk would give them."""
        # Imported here: the reader's first paint needs the cache, not the parsers.
        from dateline.model.loading import changed_article_files, iter_article_files

        progress = IndexProgress()
        changed = None if files is None else [Path(_absolute(path)) for path in files]
        if known is None:
            known = self._known(self._db(), roots if changed is None else changed)

        change = ListingChange()
        seen: set[str] = set()

        def found() -> Iterator[tuple[str | LoadProblem, _Ids]]:
            for root in roots:
                absolute = _absolute(root)
                ids = _Ids(absolute)
                walk = (
                    iter_article_files([Path(absolute)])
                    if changed is None
                    else changed_article_files(Path(absolute), changed)
                )
                for item in walk:
                    yield (item if isinstance(item, LoadProblem) else str(item)), ids

        def steps() -> Iterator[int]:
            """The work, in steps: each yields the articles it parsed, and
            runs inside the write transaction that the loop below holds."""
            for item, ids in found():
                if isinstance(item, LoadProblem):
                    progress.problems.append(item)
                    continue
                if item in seen:
                    continue  # under an earlier root too: listed from there
                progress.files_total += 1
                seen.add(item)
                yield from self._index_file(item, known.get(item), change, progress, ids)
                progress.files_done += 1
                yield 0
            db = self._db()
            if changed is not None:
                # Only what was seen to change, and only under the roots.
                inside = [_absolute(root) for root in roots]
                known_now = {
                    path: record
                    for path, record in known.items()
                    if any(path == root or path.startswith(root.rstrip(os.sep) + os.sep)
                           for root in inside)
                }  # fmt: skip
            else:
                known_now = known
            for gone in known_now.keys() - seen:
                # Another process may have dropped its rows already.
                change.removed |= known[gone].listed() | self._forget_file(db, gone)
                db.execute("DELETE FROM file WHERE path = ?", (gone,))

        # Files are read as the walk finds them, so the first screenful is
        # listed before a large folder has been walked to the end, and a large
        # file's first lines before its last. Each batch is one transaction;
        # the report goes out between them.
        work = steps()
        last_report = time.perf_counter()
        pending = 0
        first_report = True
        finished = False
        try:
            while not finished:
                with self._writing():
                    for parsed in work:
                        pending += parsed
                        if cancelled():
                            finished = True
                            break
                        now = time.perf_counter()
                        batch = FIRST_BATCH if first_report else BATCH_ARTICLES
                        if pending >= batch or now - last_report >= BATCH_SECONDS:
                            break
                    else:
                        finished = True
                if not finished:
                    # The report takes what changed so far; the work goes on
                    # filling the same `change` (a file may be half read).
                    report(ListingChange(change.added, change.removed), progress)
                    change.added, change.removed = [], set()
                    pending, first_report = 0, False
                    last_report = time.perf_counter()
        finally:
            # Cancelled halfway through a large file: its rows so far stay, and
            # its record is the old one, so the next index reads it again.
            work.close()
        progress.walking = False
        progress.streaming = None
        report(change, progress)
        return progress

    @_reading(set)
    def changed_since_read(self, files: Iterable[Path]) -> set[str]:
        """Of these files, those whose size or time is no longer what the cache
        read: written to while they were read, or since. Files never read
        (gone, or not articles) are not among them. For watching: a file seen
        half-written is read again once it settles."""
        db = self._db()
        changed: set[str] = set()
        for file in files:
            path = _absolute(file)
            row = db.execute("SELECT size, mtime_ns FROM file WHERE path = ?", (path,)).fetchone()
            if row is None:
                continue
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if (row[0], row[1]) != (stat.st_size, stat.st_mtime_ns):
                changed.add(path)
        return changed

    def _index_file(
        self,
        path: str,
        known: FileRecord | None,
        change: ListingChange,
        progress: IndexProgress,
        ids: _Ids,
    ) -> Iterator[int]:
        """Bring one file up to date, yielding the articles parsed (see `steps`)."""
        db = self._db()
        try:
            stat = os.stat(path)
        except OSError as error:
            progress.problems.append(LoadProblem(Path(path), os_reason(error)))
            return
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return
        # Another Dateline may have read this file since the walk began: then
        # the cache already holds it, and reading it again would replace rows
        # that the other process lists.
        current = db.execute(
            "SELECT size, mtime_ns, digest FROM file WHERE path = ?", (path,)
        ).fetchone()
        written_elsewhere = current is not None and (known is None or tuple(current) != known[:3])
        if written_elsewhere:
            # What this listing holds of the file may be gone: take it out,
            # and put in what the cache holds now.
            if known is not None:
                change.removed |= known.listed()
            if current[0] == stat.st_size and current[1] == stat.st_mtime_ns:
                change.added += self._file_entries(db, path, ids)
                return
            known = FileRecord(*current, rowids="")
        from dateline.model.loading import is_json_lines

        if is_json_lines(path):
            yield from self._stream_file(
                path, stat, known, written_elsewhere, change, progress, ids
            )
            return
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            progress.problems.append(LoadProblem(Path(path), os_reason(error)))
            return
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        if self._unchanged(db, path, stat, known, digest, written_elsewhere, change, ids):
            return
        from dateline.model.loading import parse_file

        loaded = parse_file(data, Path(path))
        change.removed |= self._forget_file(db, path)
        self._record_file(db, path, stat, digest, loaded.problems)
        change.added += self._insert_articles(db, path, loaded.articles, ids)
        progress.parsed += len(loaded.articles)
        progress.articles += len(loaded.articles)
        yield len(loaded.articles)

    def _unchanged(
        self,
        db: sqlite3.Connection,
        path: str,
        stat: os.stat_result,
        known: FileRecord | None,
        digest: str,
        written_elsewhere: bool,
        change: ListingChange,
        ids: _Ids,
    ) -> bool:
        """Whether the file's bytes are the ones cached (only its time moved):
        then its record takes the new time, and nothing is read again."""
        if not known or known[2] != digest:
            return False
        db.execute(
            "UPDATE file SET size = ?, mtime_ns = ? WHERE path = ?",
            (stat.st_size, stat.st_mtime_ns, path),
        )
        if written_elsewhere:  # listed by the other process, maybe not by us
            change.added += self._file_entries(db, path, ids)
        return True

    @staticmethod
    def _record_file(
        db: sqlite3.Connection,
        path: str,
        stat: os.stat_result | None,
        digest: str,
        problems: Iterable[LoadProblem],
    ) -> None:
        """The file's record: what it was when read (None: read it again next
        time), and the problems found in it."""
        size, mtime = (stat.st_size, stat.st_mtime_ns) if stat is not None else (-1, -1)
        stored = json.dumps([[str(p.path), p.message, p.line] for p in problems])
        db.execute(
            "INSERT INTO file VALUES (?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET"
            " size = excluded.size, mtime_ns = excluded.mtime_ns, digest = excluded.digest,"
            " problems = excluded.problems",
            (path, size, mtime, digest, stored),
        )

    def _stream_file(
        self,
        path: str,
        stat: os.stat_result,
        known: FileRecord | None,
        written_elsewhere: bool,
        change: ListingChange,
        progress: IndexProgress,
        ids: _Ids,
    ) -> Iterator[int]:
        """Read a JSON Lines file (compressed or not) line by line, never whole:
        each article goes into the cache as it is read, and its content hash is
        taken from the same bytes on the way. Only a file whose size is the
        cached one is hashed first (its time alone may have moved), which reads
        it twice when it has in fact changed."""
        from dateline.model.loading import (
            READ_ERRORS,
            iter_json_lines,
            open_stream,
            read_error,
            read_lines,
        )

        db = self._db()
        if known and known[0] == stat.st_size:
            try:
                digest = _file_digest(path)
            except OSError as error:
                progress.problems.append(LoadProblem(Path(path), os_reason(error)))
                return
            if self._unchanged(db, path, stat, known, digest, written_elsewhere, change, ids):
                return
        # A compressed file may hold ten times its size: it is always batched.
        large = stat.st_size > STREAM_BYTES or is_compressed(os.path.basename(path))
        try:
            reading = _Reading(path, progress if large else None)
        except OSError as error:
            progress.problems.append(LoadProblem(Path(path), os_reason(error)))
            return
        if large:
            progress.streaming, progress.stream_size = path, stat.st_size
        # Rows of this reading have places of their own, so that another
        # process reading the same file at the same time never clashes with
        # them; whichever finishes last keeps its rows (see the end).
        generation = f"{os.getpid()}.{next(_generations)}"
        mine: set[int] = set()
        problems: list[LoadProblem] = []
        record: os.stat_result | None = stat
        position = parsed = 0
        change.removed |= self._forget_file(db, path)
        try:
            with reading, open_stream(path, reading) as stream:
                for item in iter_json_lines(read_lines(stream), Path(path)):
                    if isinstance(item, LoadProblem):
                        problems.append(item)
                        continue
                    entries = self._insert_articles(db, path, [item], ids, position, generation)
                    mine.update(entry.rowid for entry in entries)
                    change.added += entries
                    position += 1
                    parsed += 1
                    progress.parsed += 1
                    progress.articles += 1
                    if large:  # a batch may end after any article
                        yield 1
                        parsed = 0
                reading.finish()  # to the end, for the content hash
        except READ_ERRORS as error:
            problems.append(LoadProblem(Path(path), read_error(error)))
            if not reading.failed_in_content(error):
                record = None  # the disk failed, not the file: read it again next time
        db = self._db()
        # Another process may have read the file at the same time: its rows go,
        # and this reading's stand for the file.
        strays = [
            rowid
            for (rowid,) in db.execute("SELECT rowid FROM article WHERE file = ?", (path,))
            if rowid not in mine
        ]
        if strays:
            change.removed |= self._forget_rows(db, strays)
        self._record_file(db, path, record, reading.digest(), problems)
        if large:
            progress.streaming = None
        yield parsed

    @staticmethod
    def _file_entries(db: sqlite3.Connection, path: str, ids: _Ids) -> list[Entry]:
        sql = f"SELECT {_ENTRY_COLUMNS} FROM article WHERE file = ? ORDER BY position"
        return [ids.entry(row) for row in db.execute(sql, (path,))]

    def _forget_file(self, db: sqlite3.Connection, path: str) -> set[int]:
        rows = db.execute(
            "SELECT rowid, title, body FROM article WHERE file = ?", (path,)
        ).fetchall()
        self._forget(db, rows)
        db.execute("DELETE FROM article WHERE file = ?", (path,))
        return {rowid for rowid, _, _ in rows}

    def _forget_rows(self, db: sqlite3.Connection, rowids: Sequence[int]) -> set[int]:
        rows = [
            db.execute(
                "SELECT rowid, title, body FROM article WHERE rowid = ?", (rowid,)
            ).fetchone()
            for rowid in rowids
        ]
        self._forget(db, [row for row in rows if row is not None])
        db.executemany("DELETE FROM article WHERE rowid = ?", [(rowid,) for rowid in rowids])
        return set(rowids)

    @staticmethod
    def _forget(db: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
        """Take rows out of the full-text index, the mentions and the facts
        index; the caller deletes the rows themselves."""
        for rowid, title, body in rows:
            db.execute(
                "INSERT INTO article_text (article_text, rowid, title, body)"
                " VALUES ('delete', ?, ?, ?)",
                (rowid, title, body),
            )
            db.execute("DELETE FROM mention WHERE article = ?", (rowid,))
            facts_index.forget(db, rowid)

    def _insert_articles(
        self,
        db: sqlite3.Connection,
        path: str,
        articles: Sequence[Article],
        ids: _Ids,
        first: int = 0,
        generation: str = "",
    ) -> list[Entry]:
        """Store articles of `path` from position `first` on; a file read in
        several transactions gives its `generation` (see `_stream_file`)."""
        entries = []
        for position, article in enumerate(articles, start=first):
            date = article.date.isoformat() if article.date else None
            meta = article_to_dict(article)
            paragraphs = meta.pop("paragraphs")
            body = "\n\n".join(paragraphs)
            if any("\n\n" in paragraph for paragraph in paragraphs):
                meta["paragraphs"] = paragraphs  # cannot be split back apart
            digest = article.content_hash
            source, feed = _origin(article)
            reading_key = article.reading_key_from(digest)
            # One row a place in the file: the file's rows are gone before its
            # articles are put back, so no two rows ever share a place.
            place = f"{path}:{position}" + (f"@{generation}" if generation else "")
            cursor = db.execute(
                "INSERT INTO article (file, position, place, name, digest, reading_key, date,"
                " title, warned, body, meta, source, feed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    path,
                    position,
                    place,
                    article.id,
                    digest,
                    None if reading_key == digest else reading_key,
                    date,
                    article.title,
                    bool(article.warnings),
                    body,
                    json.dumps(meta, ensure_ascii=False),
                    source,
                    feed,
                ),
            )
            rowid = cursor.lastrowid
            assert rowid is not None
            db.execute(
                "INSERT INTO article_text (rowid, title, body) VALUES (?, ?, ?)",
                (rowid, article.title, body),
            )
            article_id = ids.of(path, place, article.id)
            entries.append(
                Entry(
                    key=sort_key(date, article_id),
                    digest=digest,
                    rowid=rowid,
                    id=article_id,
                    date=date or "",
                    title=article.title,
                    warned=bool(article.warnings),
                    reading_key=reading_key,
                    source=source,
                    feed=feed,
                )
            )
        return entries

    @_reading(dict)
    def legacy_reading_keys(self, old_ids: Iterable[str]) -> dict[str, str]:
        """The reading keys of articles a schema-2 cache stored under `old_ids`
        (reading state kept its marks under those ids), for those it still has."""
        keys: dict[str, str] = {}
        wanted = list(old_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db().execute(
                "SELECT place, coalesce(reading_key, digest) FROM article"
                f" WHERE name IS NULL AND place IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            keys.update(rows)
        return keys

    # --- Reading -------------------------------------------------------------

    @_reading(lambda: None)
    def article(self, rowid: int) -> Article | None:
        row = (
            self._db()
            .execute("SELECT body, meta FROM article WHERE rowid = ?", (rowid,))
            .fetchone()
        )
        if row is None:
            return None
        body, meta = row
        try:
            data = json.loads(meta)
            if "paragraphs" not in data:
                data["paragraphs"] = body.split("\n\n") if body else []
            return article_from_dict(data)
        except (KeyError, TypeError, ValueError):
            return None  # written by other code: read the file again next time

    @_reading(lambda: None)
    def facts(self, rowid: int) -> ArticleFacts | None:
        """The article's stored facts, unless they came from other extractor code."""
        row = (
            self._db()
            .execute("SELECT facts, facts_version FROM article WHERE rowid = ?", (rowid,))
            .fetchone()
        )
        if row is None or row[0] is None or row[1] != self.fingerprint:
            return None
        try:
            return facts_from_dict(json.loads(row[0]))
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = facts_fingerprint()
        return self._fingerprint

    def without_facts(self, rowids: Iterable[int] | None = None) -> list[int]:
        """Rowids whose facts are missing or stale, in rowid order."""
        if rowids is not None:
            wanted = sorted(set(rowids))
            if len(wanted) <= _LOOKED_UP:
                # A few articles (a batch just read): looked up by rowid, not
                # by a walk of the whole cache.
                return self._without_facts_among(wanted)
        rows = self._db().execute(
            "SELECT rowid FROM article WHERE facts_version IS NOT ? ORDER BY rowid",
            (self.fingerprint,),
        )
        missing = [rowid for (rowid,) in rows]
        if rowids is not None:
            chosen = set(wanted)
            missing = [rowid for rowid in missing if rowid in chosen]
        return missing

    def _without_facts_among(self, rowids: Sequence[int]) -> list[int]:
        missing: list[int] = []
        db = self._db()
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            rows = db.execute(
                "SELECT rowid FROM article WHERE facts_version IS NOT ?"
                f" AND rowid IN ({','.join('?' * len(chunk))}) ORDER BY rowid",
                (self.fingerprint, *chunk),
            )
            missing += [rowid for (rowid,) in rows]
        return missing

    def store_facts(
        self, items: Iterable[tuple[int, str, ArticleFacts]]
    ) -> list[ArticleFacts | None]:
        """Store each article's facts, given as (rowid, the content hash of
        the article they were found in, facts), and return them as stored:
        facts that cannot be stored (a number of more digits than Python will
        write) are left out, with a problem on the article that says so. A
        failure with one article's facts stays with that article.

        Facts are stored only on a row that still holds the article they were
        found in: None in place of those whose row went, or now holds another
        article (a file changed meanwhile, and SQLite gave the new row the
        rowid of the one it replaced)."""
        prepared = [(rowid, digest, *stored_form(facts)) for rowid, digest, facts in items]
        written = self._store_facts(prepared)
        return [facts if rowid in written else None for rowid, _, facts, _ in prepared]

    def _store_facts(self, items: Sequence[tuple[int, str, ArticleFacts, str]]) -> set[int]:
        """Store the facts; the rowids of the articles whose facts were written."""
        written: set[int] = set()
        with self._writing() as db:
            for rowid, digest, facts, text in items:
                try:
                    stored = self._store_one(db, rowid, digest, facts, text)
                except sqlite3.Error:
                    raise  # the cache's own trouble: the caller moves to another
                except Exception as error:
                    # Something in this article's facts the cache will not take:
                    # store that they could not be, so no later start tries again.
                    problem = f"facts could not be stored: {_error_text(error)}"
                    failed = ArticleFacts(problems=(*facts.problems, problem))
                    stored = self._store_one(db, rowid, digest, failed, stored_form(failed)[1])
                if stored:
                    written.add(rowid)
        return written

    def _store_one(
        self, db: sqlite3.Connection, rowid: int, digest: str, facts: ArticleFacts, text: str
    ) -> bool:
        """Store one article's facts and index them; False when the row no
        longer holds the article of content hash `digest`."""
        cursor = db.execute(
            "UPDATE article SET facts = ?, facts_version = ? WHERE rowid = ? AND digest = ?",
            (text, self.fingerprint, rowid, digest),
        )
        if cursor.rowcount == 0:
            # The article went (its file changed) while its facts were found,
            # and its rowid may be another article's now: its mentions and
            # facts index rows are that article's, left as they are.
            return False
        db.execute("DELETE FROM mention WHERE article = ?", (rowid,))
        names = {e.name for e in (*facts.people, *facts.organizations, *facts.places)}
        db.executemany(
            "INSERT INTO mention (article, name) VALUES (?, ?)",
            [(rowid, name) for name in names],
        )
        facts_index.store(db, rowid, facts)
        return True

    def extract_missing(
        self,
        report: Callable[[int, int, float], None],
        cancelled: Callable[[], bool] = lambda: False,
        extracted: Callable[[int, str, ArticleFacts], None] | None = None,
        finder: FactFinder[int] | None = None,
        rowids: Iterable[int] | None = None,
    ) -> int:
        """Extract and store the facts of every article that has none (or stale
        ones). `report(done, total, articles_per_second)` is called about every
        `BATCH_SECONDS` and at the end; `extracted(rowid, content_hash, facts)`
        after each article, with its facts as they are stored (on its row if
        the row still holds that article; see `store_facts`). An article whose facts
        cannot be found or stored gets a problem saying so; the others go on.
        With a `finder`, the facts are found in its worker processes, each
        article within its time budget, in the order they finish; without,
        here, one after another. With `rowids`, only those articles."""
        missing = self.without_facts(rowids)
        total = len(missing)
        started = last_report = time.perf_counter()
        batch: list[tuple[int, str, ArticleFacts, str]] = []
        done = 0

        handled: set[int] = set()  # an urgent article may be done before its turn

        def articles() -> Iterator[tuple[int, Article]]:
            nonlocal done
            for rowid in missing:
                if cancelled():
                    return
                if rowid in handled:
                    continue
                article = self.article(rowid)
                if article is None:
                    done += 1  # gone since the list was taken
                    continue
                yield rowid, article

        found: Iterable[tuple[int, Article, ArticleFacts]] = (
            ((rowid, article, find_facts(article)) for rowid, article in articles())
            if finder is None
            else finder.find(articles())
        )
        for rowid, article, article_facts in found:
            done += 1
            handled.add(rowid)
            facts, text = stored_form(article_facts)
            # The hash of the text the facts were found in: they are stored
            # only on a row that still holds it.
            digest = article.content_hash
            batch.append((rowid, digest, facts, text))
            if extracted is not None:
                extracted(rowid, digest, facts)
            if len(batch) >= FACTS_BATCH:
                self._store_facts(batch)
                batch = []
            now = time.perf_counter()
            if now - last_report >= BATCH_SECONDS:
                last_report = now
                report(done, total, done / max(now - started, 1e-9))
        if batch:
            self._store_facts(batch)
        report(done, total, done / max(time.perf_counter() - started, 1e-9))
        return done

    @_reading(lambda: 0)
    def count(self) -> int:
        (count,) = self._db().execute("SELECT count(*) FROM article").fetchone()
        return count

    # --- Searching -----------------------------------------------------------

    def search(self, words: Sequence[str]) -> set[int]:
        """Rowids of articles whose title or text has every word (as a prefix)."""
        terms = []
        for word in words:
            cleaned = word.replace('"', " ").strip()
            if cleaned:
                terms.append(f'"{cleaned}"*')
        if not terms:
            return set()
        try:
            # One string of rowids: for a broad prefix ("cou" matches most of
            # a council corpus) a row per match costs more than the search.
            (found,) = (
                self._db()
                .execute(
                    "SELECT group_concat(rowid) FROM article_text WHERE article_text MATCH ?",
                    (" ".join(terms),),
                )
                .fetchone()
            )
        except sqlite3.OperationalError as error:
            if "fts5" not in str(error):  # a query FTS5 cannot parse finds nothing
                self.failed(error)
            return set()
        except sqlite3.Error as error:
            self.failed(error)
            return set()
        return set(map(int, found.split(","))) if found else set()

    @_reading(set)
    def mentioning(self, name: str) -> set[int]:
        """Rowids of articles whose facts name this person, organisation or place."""
        db = self._db()
        rows = db.execute("SELECT article FROM mention WHERE name = ?", (name,)).fetchall()
        if not rows:
            pattern = "%" + name.replace("%", "").replace("_", "") + "%"
            rows = db.execute(
                "SELECT article FROM mention WHERE name LIKE ?", (pattern,)
            ).fetchall()
        return {rowid for (rowid,) in rows}

    @_reading(set)
    def with_facts(self, selects: Sequence[facts_index.Select]) -> set[int]:
        """Rowids of the articles that every one of `selects` (queries on the
        facts index, see `dateline.store.query`) finds."""
        return facts_index.articles(self._db(), selects)


def find_facts(article: Article) -> ArticleFacts:
    """The article's facts. `extract_facts` already keeps a failing extractor
    to itself; anything else that fails on this article becomes a problem on
    its facts, never an exception that would stop the other articles."""
    # Imported here: compiling the extractors' patterns is work that opening
    # the library need not wait for.
    from dateline.facts.extract import extract_facts

    try:
        return extract_facts(article)
    except Exception as error:
        return ArticleFacts(problems=(f"facts could not be found: {_error_text(error)}",))


def stored_form(facts: ArticleFacts) -> tuple[ArticleFacts, str]:
    """The facts as the cache will hold them, and their JSON text. Facts that
    cannot be written (Python will not turn an integer of more than 4,300
    digits into text) are left out one by one, and a problem says how many."""
    try:
        return facts, _facts_json(facts)
    except Exception as error:
        reason = _error_text(error)
    groups: dict[str, tuple[object, ...]] = {}
    dropped = 0
    for group in _FACT_GROUPS:
        kept = []
        for item in getattr(facts, group):
            try:
                _facts_json(ArticleFacts(**{group: (item,)}))
            except Exception:
                dropped += 1
                continue
            kept.append(item)
        groups[group] = tuple(kept)
    problem = f"{dropped} facts could not be stored and are left out: {reason}"
    kept_facts = dataclasses.replace(facts, **groups, problems=(*facts.problems, problem))  # type: ignore[arg-type]
    try:
        return kept_facts, _facts_json(kept_facts)
    except Exception as error:  # the problems themselves: keep only what is sure
        empty = ArticleFacts(problems=(f"facts could not be stored: {_error_text(error)}",))
        return empty, _facts_json(empty)


_FACT_GROUPS = tuple(
    field.name for field in dataclasses.fields(ArticleFacts) if field.name != "problems"
)


def _facts_json(facts: ArticleFacts) -> str:
    text = json.dumps(facts_to_dict(facts), ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: SQLite takes it escaped
        text = json.dumps(facts_to_dict(facts))
    return text


def _error_text(error: BaseException) -> str:
    """An exception in a line: its type and the first sentence of its message."""
    message = str(error).split("; ")[0].strip()
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class _Reading:
    """A file read once, front to back: its bytes are hashed (for the cache's
    change check) and counted (for the progress bar) as they go by."""

    def __init__(self, path: str, progress: IndexProgress | None) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by `__exit__`
        self._hash = hashlib.blake2b(digest_size=16)
        self._progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self._hash.update(data)
        if self._progress is not None:
            self._progress.stream_done += len(data)
        return data

    def finish(self) -> None:
        """Read what the parser left (a binary file, a gzip trailer)."""
        while self.read(1 << 20):
            pass

    def digest(self) -> str:
        return self._hash.hexdigest()

    def failed_in_content(self, error: BaseException) -> bool:
        """Whether `error` says something of the file's bytes (a damaged gzip
        stream), rather than of the disk under them."""
        return not isinstance(error, OSError) or isinstance(error, gzip.BadGzipFile)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> _Reading:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _file_digest(path: str) -> str:
    """The content hash of a file, read a megabyte at a time."""
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# --- Connections -------------------------------------------------------------


def _absolute(path: Path | str) -> str:
    return os.path.abspath(path)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


def _prepare(path: Path, problems: list[str]) -> None:
    """Create or check the schema; a damaged file is set aside and replaced."""
    marker = path.with_name(path.name + DAMAGED_SUFFIX)
    damage: Exception | str | None = _damage_seen(path, marker)
    if damage is None:
        try:
            _create_schema(path)
            return
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            damage = error
    aside = set_aside(path, problems)
    if aside is None:
        raise sqlite3.DatabaseError(f"the article cache is damaged ({damage})")
    with contextlib.suppress(OSError):
        marker.unlink()
    problems.append(
        f"{path}: the article cache was damaged ({damage}); it was moved to"
        f" {aside.name} and is being rebuilt"
    )
    _create_schema(path)


_HEADER = struct.Struct(">16sH6xLL60xL")  # magic, page size, counter, pages, …, valid-for


def _damage_seen(path: Path, marker: Path) -> str | None:
    """Damage known before SQLite reads a page: a mark left when damage was
    found in use, or a file cut short (a truncated copy, a full disk). A cut
    file opens, and fails only when a query reaches a missing page."""
    if marker.exists():
        return "found damaged while in use"
    try:
        with open(path, "rb") as handle:
            header = handle.read(_HEADER.size)
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None  # the log finishes the file's pages: SQLite checks that
        # Measured after the header: another process creating the file at
        # this moment only ever makes it longer.
        size = path.stat().st_size
    except OSError:
        return None
    if len(header) < _HEADER.size:
        return None  # empty (a new database) or being written: SQLite judges it
    magic, page_size, counter, pages, valid_for = _HEADER.unpack(header)
    if magic != b"SQLite format 3\x00" or counter != valid_for or pages == 0:
        return None  # not a database at all, or an old header: SQLite says so
    expected = (65536 if page_size == 1 else page_size) * pages
    if size < expected:
        return f"the file is cut short: {size:,} of {expected:,} bytes"
    return None


def _create_schema(path: Path) -> None:
    connection = _connect(path)
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == SCHEMA_VERSION:
            connection.execute("SELECT count(*) FROM file").fetchone()
            return
        with _transaction(connection):
            # Read again under the write lock: a second Dateline starting at
            # the same moment may have created the schema since.
            (version,) = connection.execute("PRAGMA user_version").fetchone()
            if version == SCHEMA_VERSION:
                return
            if version in _MIGRATIONS:
                for step in range(version, SCHEMA_VERSION):
                    for statement in _MIGRATIONS[step]:
                        if callable(statement):  # work SQL alone cannot do well
                            statement(connection)
                        else:
                            connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                return
            if version != 0:
                # Another version's cache: nothing in it is worth migrating.
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_text_%'"
                ).fetchall():
                    connection.execute(f'DROP TABLE IF EXISTS "{name}"')
            for statement in _SCHEMA:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        connection.close()


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, committed at the end or rolled back on error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        # The error that got us here is the one to report, not a failed rollback.
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
