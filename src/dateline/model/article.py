"""The article: one cleaned news text with its metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(slots=True, frozen=True)
class Article:
    """A cleaned article. `paragraphs` hold body text only; debris, credits and
    captions have been taken out by the cleaner and kept apart."""

    id: str
    path: Path
    date: dt.date | None
    title: str
    paragraphs: tuple[str, ...]
    credits: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # The title came from the file (front matter, title line) rather than the lead.
    title_from_file: bool = False
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return sum(count_words(p) for p in self.paragraphs)

    @property
    def reading_minutes(self) -> int:
        """Whole minutes to read at an unhurried pace, never less than one."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE))

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
