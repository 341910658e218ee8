"""Small file chores shared by the SQLite stores."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


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
