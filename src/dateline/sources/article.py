"""An article from what a page or a feed entry gave: the same rules as the
loader's own formats, so a fetched or saved article is as inert, as clean and
as well warned about as a text file.

Every string from outside is untrusted: control characters are made visible
(ESC as ␛), lone surrogates (JSON can escape them) become U+FFFD, invisible
characters that split words are taken out, and each is counted in a warning."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model.article import Article, assemble_article
from dateline.model.cleaning import clean_paragraphs
from dateline.model.sanitize import make_inert, strip_invisible

_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(slots=True)
class UntrustedText:
    """Makes text inert, counting what it changed across every call."""

    controls: int = 0
    invisible: int = 0

    def text(self, raw: str) -> str:
        text, controls = make_inert(raw)
        text, surrogates = _SURROGATE.subn("\ufffd", text)
        text, invisible = strip_invisible(text)
        self.controls += controls + surrogates
        self.invisible += invisible
        return text

    def line(self, raw: str) -> str:
        """Text shown on one line: a title, an author, a site's name."""
        return " ".join(self.text(raw).split())

    def warnings(self) -> list[str]:
        warnings = []
        if self.controls:
            warnings.append(f"{self.controls} control characters made visible")
        if self.invisible:
            warnings.append(
                f"{self.invisible} invisible characters (zero-width spaces, soft hyphens) taken out"
            )
        return warnings


@dataclass(slots=True)
class ArticleParts:
    """What a page or an entry says, as found: nothing here is trusted yet."""

    title: str = ""
    date: dt.date | None = None
    raw_date: str = ""  # as the source wrote it, for a warning when it is not a date
    paragraphs: list[str] = field(default_factory=list)
    # source, url, author, feed, feed_url: shown and searched, one line each.
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def build_article(article_id: str, path: Path, parts: ArticleParts, *, what: str) -> Article:
    """The article, inert and cleaned; `what` names the thing read ("page",
    "feed entry") in its warnings."""
    untrusted = UntrustedText()
    title = untrusted.line(parts.title)
    metadata = {
        key: shown for key, value in parts.metadata.items() if (shown := untrusted.line(value))
    }
    raw = [" ".join(untrusted.text(p).split()) for p in parts.paragraphs]
    cleaned = clean_paragraphs([p for p in raw if p])
    warnings = list(parts.warnings)
    if parts.date is None:
        if parts.raw_date.strip():
            warnings.append(f"publication date {untrusted.line(parts.raw_date)!r} is not a date")
        else:
            warnings.append(f"no publication date in the {what}")
    if not cleaned.paragraphs:
        warnings.append("no article text after cleaning")
    warnings += untrusted.warnings()
    return assemble_article(article_id, path, parts.date, title, cleaned, warnings, metadata)


def paragraphs_of_text(text: str) -> list[str]:
    """Plain text as paragraphs: blank lines part them where there are any,
    else each line is one (as for JSON Lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = re.split(r"\n[ \t]*\n+", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def drop_repeated_title(title: str, paragraphs: Iterable[str]) -> list[str]:
    """The paragraphs without a first one that only repeats the headline (a
    page's <h1> is part of its article)."""
    paragraphs = list(paragraphs)
    if paragraphs and title and _same_words(paragraphs[0], title):
        return paragraphs[1:]
    return paragraphs


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
