"""Which articles have been read or starred, saved searches and small
preferences, kept across runs.

Marks are kept under each article's reading key (`Article.reading_key`: its
content hash for an article read from a file), not under its id or a cache
row: moving or copying a file keeps its marks, and two different articles of
one name never share them. Marks kept by schema 2 and older were under the
article's id of the time; `adopt_legacy_marks` moves those the cache can still
map to their article, and keeps the others aside, never shown, never lost.

One SQLite file (`data_dir()/state.sqlite3`) in WAL mode, with the schema
version in `PRAGMA user_version`. Every write is its own transaction and is
committed at once, so quitting (or crashing) never loses a mark.

Nothing here raises. Reading state is a convenience: a read-only folder, a
corrupt file or a full disk must not stop anyone reading the news, so each
failure becomes a message in `problems` and the session carries on with an
in-memory database.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, TypeVar

from dateline.config import data_dir
from dateline.store.files import busy_retry, os_reason, set_aside

# _MIGRATIONS[n] takes a database from version n to version n + 1.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE read_article (
            article_id TEXT PRIMARY KEY,
            read_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE preference (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    ),
    (
        """
        CREATE TABLE starred_article (
            article_id TEXT PRIMARY KEY,
            starred_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) WITHOUT ROWID
        """,
    ),
    (
        # Marks by reading key; the id-keyed tables stay, as the old marks
        # that are still to be mapped (see `adopt_legacy_marks`).
        """
        CREATE TABLE read_mark (
            reading_key TEXT PRIMARY KEY,
            read_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE star_mark (
            reading_key TEXT PRIMARY KEY,
            starred_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) WITHOUT ROWID
        """,
    ),
    (
        # Searches the reader saved under a name (ctrl+s in the search box),
        # listed in the order they were first saved.
        """
        CREATE TABLE saved_search (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL,
            saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """,
    ),
)
# The marks each kind of mark's legacy table holds: (new table, time column, old table).
_LEGACY = (
    ("read_mark", "read_at", "read_article"),
    ("star_mark", "starred_at", "starred_article"),
)
SCHEMA_VERSION = len(_MIGRATIONS)

_CORRUPTION_CODES = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})
_NOT_KEPT = "reading state will not be kept after this session"

_Result = TypeVar("_Result")


class SavedSearch(NamedTuple):
    """A query (`dateline.store.query`) the reader saved under a name."""

    name: str
    query: str


class _NewerSchemaError(Exception):
    """The file was written by a newer Dateline; it is left untouched."""


class _DamagedError(Exception):
    """The file is not a database, or SQLite found it damaged."""


class ReadingState:
    """Read marks and preferences. Use `ReadingState.open()`."""

    __slots__ = ("_connection", "_lock", "path", "problems")

    def __init__(self, connection: sqlite3.Connection, path: Path | None, problems: list[str]):
        self._connection = connection
        # Workers may mark articles read from their own threads.
        self._lock = threading.Lock()
        # None once the state lives in memory only.
        self.path = path
        self.problems = problems

    # --- Opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None) -> ReadingState:
        """The reading state in `path` (default `data_dir()/state.sqlite3`)."""
        path = data_dir() / "state.sqlite3" if path is None else path
        problems: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = os_reason(error)
            problems.append(f"{path.parent}: cannot create the folder ({reason}); {_NOT_KEPT}")
            return cls._in_memory(problems)
        connection = _open_file(path, problems)
        if connection is None:
            return cls._in_memory(problems)
        return cls(connection, path, problems)

    @classmethod
    def _in_memory(cls, problems: list[str]) -> ReadingState:
        return cls(_in_memory_connection(), None, problems)

    # --- Reading and writing -------------------------------------------------

    def is_read(self, reading_key: str) -> bool:
        row = self._run(
            lambda db: db.execute(
                "SELECT 1 FROM read_mark WHERE reading_key = ?", (reading_key,)
            ).fetchone(),
            None,
        )
        return row is not None

    def read_keys(self) -> set[str]:
        """The reading keys of every article marked read."""
        rows = self._run(lambda db: db.execute("SELECT reading_key FROM read_mark").fetchall(), [])
        return {key for (key,) in rows}

    def set_read(self, reading_key: str, read: bool = True) -> None:
        if read:
            sql = "INSERT INTO read_mark (reading_key) VALUES (?) ON CONFLICT DO NOTHING"
        else:
            sql = "DELETE FROM read_mark WHERE reading_key = ?"
        self._write(lambda db: db.execute(sql, (reading_key,)))

    def starred_keys(self) -> set[str]:
        """The reading keys of every starred article."""
        rows = self._run(lambda db: db.execute("SELECT reading_key FROM star_mark").fetchall(), [])
        return {key for (key,) in rows}

    def set_starred(self, reading_key: str, starred: bool = True) -> None:
        if starred:
            sql = "INSERT INTO star_mark (reading_key) VALUES (?) ON CONFLICT DO NOTHING"
        else:
            sql = "DELETE FROM star_mark WHERE reading_key = ?"
        self._write(lambda db: db.execute(sql, (reading_key,)))

    def adopt_legacy_marks(self, lookup: Callable[[Iterable[str]], dict[str, str]]) -> int:
        """Move marks kept under article ids (schema 2 and older) to the
        reading keys `lookup` maps those ids to (the cache's
        `legacy_reading_keys`), keeping their times; return how many moved.
        Ids it cannot map stay aside for a later try. Cheap when there are
        none: one look at two small tables."""

        def legacy(db: sqlite3.Connection) -> set[str]:
            return {
                old_id
                for _, _, old_table in _LEGACY
                for (old_id,) in db.execute(f"SELECT article_id FROM {old_table}")
            }

        old_ids = self._run(legacy, set())
        if not old_ids:
            return 0
        keys = lookup(sorted(old_ids))
        if not keys:
            return 0

        def move(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            try:
                for table, time_column, old_table in _LEGACY:
                    for old_id, key in keys.items():
                        db.execute(
                            f"INSERT INTO {table} (reading_key, {time_column})"
                            f" SELECT ?, {time_column} FROM {old_table} WHERE article_id = ?"
                            " ON CONFLICT DO NOTHING",
                            (key, old_id),
                        )
                        db.execute(f"DELETE FROM {old_table} WHERE article_id = ?", (old_id,))
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise

        self._write(move)
        return len(keys)

    def saved_searches(self) -> list[SavedSearch]:
        """The saved searches, in the order they were first saved."""
        rows = self._run(
            lambda db: db.execute("SELECT name, query FROM saved_search ORDER BY id").fetchall(),
            [],
        )
        return [SavedSearch(name, query) for name, query in rows]

    def save_search(self, name: str, query: str) -> None:
        """Save `query` under `name`, in place of any query of that name (which
        keeps its place in the list)."""
        self._write(
            lambda db: db.execute(
                "INSERT INTO saved_search (name, query) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET query = excluded.query,"
                " saved_at = excluded.saved_at",
                (name, query),
            )
        )

    def delete_search(self, name: str) -> None:
        self._write(lambda db: db.execute("DELETE FROM saved_search WHERE name = ?", (name,)))

    def get_preference(self, key: str) -> str | None:
        row = self._run(
            lambda db: db.execute("SELECT value FROM preference WHERE key = ?", (key,)).fetchone(),
            None,
        )
        return None if row is None else row[0]

    def set_preference(self, key: str, value: str) -> None:
        self._write(
            lambda db: db.execute(
                "INSERT INTO preference (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        )

    def close(self) -> None:
        with self._lock:
            try:
                self._connection.close()
            except sqlite3.Error as error:
                self._report(f"{self.path}: could not close the database ({error})")

    def __enter__(self) -> ReadingState:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- Failure handling ----------------------------------------------------

    def _run(self, query: Callable[[sqlite3.Connection], _Result], fallback: _Result) -> _Result:
        with self._lock:
            try:
                return query(self._connection)
            except sqlite3.Error as error:
                self._report(f"{self.path or 'reading state'}: could not read ({error})")
                return fallback

    def _write(self, statement: Callable[[sqlite3.Connection], object]) -> None:
        with self._lock:
            try:
                statement(self._connection)
                return
            except sqlite3.Error as error:
                if self.path is None:
                    self._report(f"reading state: could not save ({error})")
                    return
                self._report(f"{self.path}: could not save ({error}); {_NOT_KEPT}")
            # Carry on in memory with what was already saved, so the marks made
            # from here on still show for the rest of the session.
            self._move_to_memory()
            try:
                statement(self._connection)
            except sqlite3.Error as error:
                self._report(f"reading state: could not save ({error})")

    def _move_to_memory(self) -> None:
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            self._connection.backup(memory)
        except sqlite3.Error:
            memory.close()
            memory = _in_memory_connection()
        # The file connection already failed; the memory copy is what matters now.
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()
        self._connection = memory
        self.path = None

    def _report(self, message: str) -> None:
        # A failing disk fails on every write; one message is enough.
        if message not in self.problems:
            self.problems.append(message)


# --- Opening the file --------------------------------------------------------


def _open_file(path: Path, problems: list[str]) -> sqlite3.Connection | None:
    """A ready connection to `path`, or None (with a message) if it cannot be used."""
    try:
        return busy_retry(lambda: _connect(path))
    except _DamagedError as error:
        damage = error
    except (sqlite3.Error, _NewerSchemaError) as error:
        problems.append(f"{path}: cannot open ({error}); {_NOT_KEPT}")
        return None
    aside = set_aside(path, problems)
    if aside is None:
        problems.append(f"{path}: {_NOT_KEPT}")
        return None
    problems.append(
        f"{path}: the file was damaged ({damage}); it was moved to {aside.name}"
        " and reading state starts afresh"
    )
    try:
        return _connect(path)
    except (sqlite3.Error, _NewerSchemaError, _DamagedError) as error:
        problems.append(f"{path}: cannot open ({error}); {_NOT_KEPT}")
        return None


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: every statement commits at once, as the module promises.
    connection = sqlite3.connect(path, isolation_level=None, timeout=2.0, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL survives any crash of Dateline itself and skips an
        # fsync per mark, which the UI thread would otherwise wait on.
        connection.execute("PRAGMA synchronous = NORMAL")
        _check_integrity(connection)
        _migrate(connection)
    except sqlite3.Error as error:
        connection.close()
        if error.sqlite_errorcode in _CORRUPTION_CODES:
            raise _DamagedError(str(error)) from error
        raise
    except BaseException:
        connection.close()
        raise
    return connection


def _check_integrity(connection: sqlite3.Connection) -> None:
    # The state file is small, so a full check at start-up is cheap and
    # catches damage that the header check alone would miss.
    (result,) = connection.execute("PRAGMA quick_check").fetchone()
    if result != "ok":
        raise _DamagedError(f"integrity check failed: {result}")


def _migrate(connection: sqlite3.Connection) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise _NewerSchemaError(
            f"written by a newer Dateline (schema {version}, this one knows {SCHEMA_VERSION})"
        )
    for step in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have taken this step since the version was
            # read: the write lock now held makes the check final.
            (current,) = connection.execute("PRAGMA user_version").fetchone()
            if current > step:
                connection.execute("COMMIT")
                continue
            for statement in _MIGRATIONS[step]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _in_memory_connection() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _migrate(connection)
    return connection
