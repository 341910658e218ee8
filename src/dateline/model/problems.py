"""What could not be loaded, apart from the loaders, so that the cache can
name problems without importing the parsers before the first paint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dateline.model.sanitize import inert


@dataclass(slots=True, frozen=True)
class LoadProblem:
    """A file, or one line of a JSON Lines file, that could not be loaded, and
    why, in words a reader understands."""

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        """One line; a file name's control characters are shown, not sent."""
        where = str(self.path) if self.line is None else f"{self.path} line {self.line}"
        return inert(f"{where}: {self.message}").replace("\n", "␤")
