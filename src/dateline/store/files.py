"""Small file chores shared by the SQLite stores."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

_Result = TypeVar("_Result")
# Opening waits this long in all for another process that holds the file.
BUSY_WAIT_SECONDS = 10.0


def set_aside(path: Path, problems: list[str]) -> Path | None:
    """Rename a damaged database (and its WAL files) out of the way; the new
    name, or None (with a message in `problems`) if it could not be moved."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    try:
        path.rename(aside)
    except OSError as error:
        problems.append(
            f"{path}: the file is damaged and could not be moved aside ({os_reason(error)})"
        )
        return None
    # A stale WAL from the damaged file would be replayed into the fresh one.
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        try:
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
        except OSError as error:
            problems.append(f"{companion}: could not be moved aside ({os_reason(error)})")
            return None
    return aside


def os_reason(error: OSError) -> str:
    """The reason in words, lower case first, as in the rest of a message."""
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:]


def busy_retry(attempt: Callable[[], _Result]) -> _Result:
    """`attempt()`, tried again while SQLite says the database is locked.

    SQLite's busy timeout covers most waits, but not all: switching a fresh
    file to WAL, or a recovery running in another process, fails at once with
    "database is locked" when two Dateline processes open one file together."""
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    delay = 0.01
    while True:
        try:
            return attempt()
        except sqlite3.OperationalError as error:
            code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code
            busy = code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)
