"""The article: one cleaned news text with its metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.model.cleaning import CleanedText
from dateline.model.headline import derive_headline
from dateline.model.sanitize import inert

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Whole minutes to read `words` at an unhurried pace, never less than one.
    Counting words is linear in the text: count once and pass the count."""
    return max(1, round(words / WORDS_PER_MINUTE))


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
    # The 1-based line of a JSON Lines file the article came from; None for a
    # file that holds one article.
    line: int | None = None

    @property
    def word_count(self) -> int:
        return sum(count_words(p) for p in self.paragraphs)

    @property
    def reading_minutes(self) -> int:
        """Whole minutes to read at an unhurried pace, never less than one."""
        return reading_minutes(self.word_count)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def location(self) -> str:
        """Where the article came from, as a reader would look for it."""
        where = str(self.path) if self.line is None else f"{self.path} line {self.line}"
        return inert(where)

    @property
    def reading_key(self) -> str:
        """The key reading state (read, starred) is kept under: the one place
        that says what a mark follows.

        For an article with a link (`url`: a fetched feed entry, a saved web
        page, a JSON Lines record that gives one) it is the link: a feed that
        corrects an entry's text keeps its marks. For any other it is the
        content hash: moving, copying or renaming the file keeps its marks,
        and two different articles of one name never share them; editing the
        article's date, headline or text makes it another article, unread.
        The cache stores this key with each article, so the list and the
        reading state never compute it again."""
        return self.reading_key_from(self.content_hash)

    def reading_key_from(self, content_hash: str) -> str:
        """`reading_key`, for a caller that has the content hash already."""
        url = self.metadata.get("url", "").strip()
        if url:
            digest = hashlib.blake2b(url.encode("utf-8", "surrogatepass"), digest_size=16)
            return "url:" + digest.hexdigest()
        return content_hash

    @property
    def content_hash(self) -> str:
        """What makes two articles the same to a reader: the date, the headline
        and the body text, as a 16-byte BLAKE2b hex digest.

        The headline counts because it is what the reader sees first: one wire
        story under two outlets' headlines is two articles, and folding them
        would hide a headline. (A headline derived from the lead adds nothing
        beyond the paragraphs, so copies without a headline still match.) Where
        the text came from (path, URL, source) does not count: one story saved
        twice is the usual duplicate. Credits and captions are page furniture,
        and the warnings describe a file, not the article."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (self.date.isoformat() if self.date else "", self.title, *self.paragraphs):
            # Length-prefixed, so no choice of text can make two lists collide;
            # surrogatepass, so text from outside (a cache, a test) never raises.
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(len(encoded).to_bytes(8, "little"))
            digest.update(encoded)
        return digest.hexdigest()


def article_to_dict(article: Article) -> dict[str, Any]:
    """The article as JSON-safe data (for the cache); `article_from_dict` undoes it."""
    return {
        "id": article.id,
        "path": str(article.path),
        "line": article.line,
        "date": article.date.isoformat() if article.date else None,
        "title": article.title,
        "paragraphs": list(article.paragraphs),
        "credits": list(article.credits),
        "captions": list(article.captions),
        "warnings": list(article.warnings),
        "title_from_file": article.title_from_file,
        "metadata": dict(article.metadata),
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    """The article `article_to_dict` wrote. Fields with a default may be missing,
    so data written before a field existed still reads. Malformed data raises
    KeyError, TypeError or ValueError; a cache treats that as a miss."""
    date = data["date"]
    return Article(
        id=data["id"],
        path=Path(data["path"]),
        date=dt.date.fromisoformat(date) if date is not None else None,
        title=data["title"],
        paragraphs=tuple(data["paragraphs"]),
        credits=tuple(data.get("credits", ())),
        captions=tuple(data.get("captions", ())),
        warnings=tuple(data.get("warnings", ())),
        title_from_file=bool(data.get("title_from_file", False)),
        metadata=dict(data.get("metadata", {})),
        line=data.get("line"),
    )


def assemble_article(
    article_id: str,
    path: Path,
    date: dt.date | None,
    title: str,
    cleaned: CleanedText,
    warnings: list[str],
    metadata: dict[str, str],
    line: int | None = None,
) -> Article:
    """The article as every format gives it: its headline derived from the
    lead when the file gave none (else its file's name), and a warning when
    its date is in the future. The text is inert and cleaned already."""
    title_from_file = bool(title)
    if not title and cleaned.paragraphs:
        title = derive_headline(cleaned.paragraphs[0])
    if not title:  # nothing in the lead to make one of ("...")
        title = inert(path.stem)
    if date is not None and date > dt.date.today() + dt.timedelta(days=1):
        warnings.append(f"publication date {date.isoformat()} is in the future")
    return Article(
        id=inert(article_id),
        path=path,
        date=date,
        title=title,
        paragraphs=cleaned.paragraphs,
        credits=cleaned.credits,
        captions=cleaned.captions,
        warnings=tuple(warnings),
        title_from_file=title_from_file,
        metadata=metadata,
        line=line,
    )
