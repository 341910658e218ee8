"""Read articles from files: the seed format, plain text with a title line,
and Markdown or text with YAML front matter.

Loading never raises for bad input. A file that cannot be read at all becomes
a `LoadProblem`; a file that can be read with doubts loads with warnings."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dateline.model.article import Article
from dateline.model.cleaning import clean_paragraphs
from dateline.model.headline import derive_headline
from dateline.model.sanitize import make_inert

SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MAX_TITLE_LINE = 150

_SEED_HEADER = re.compile(r"\A\s*date\s+(?P<date>\S+)[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_METADATA_KEYS = ("source", "url", "author")


@dataclass(slots=True, frozen=True)
class LoadProblem:
    """A file that could not be loaded, and why, in words a reader understands."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(slots=True)
class LoadResult:
    articles: list[Article]
    problems: list[LoadProblem]


def load_paths(paths: Iterable[Path]) -> LoadResult:
    """Every article under `paths` (files, or folders read recursively)."""
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for path in paths:
        if not path.exists():
            problems.append(LoadProblem(path, "no such file or folder"))
            continue
        files = _walk(path, problems) if path.is_dir() else iter([path])
        for file in files:
            loaded = load_file(file)
            if isinstance(loaded, LoadProblem):
                problems.append(loaded)
            else:
                articles.append(loaded)
    return LoadResult(articles, problems)


def _walk(folder: Path, problems: list[LoadProblem]) -> Iterator[Path]:
    # os.walk without following links cannot loop on a symbolic-link cycle.
    def on_error(error: OSError) -> None:
        problems.append(LoadProblem(Path(error.filename or folder), _os_reason(error)))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs.sort()
        for name in sorted(files):
            file = Path(root, name)
            if file.suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith("."):
                yield file


def load_file(path: Path) -> Article | LoadProblem:
    try:
        data = path.read_bytes()
    except OSError as error:
        return LoadProblem(path, _os_reason(error))
    return parse_article(data, path)


def parse_article(data: bytes, path: Path) -> Article | LoadProblem:
    if b"\x00" in data[:8192]:
        return LoadProblem(path, "binary file, not text")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        warnings.append(f"invalid UTF-8 at byte {error.start}; bad bytes shown as \ufffd")
    text, controls = make_inert(text)
    if controls:
        warnings.append(f"{controls} control characters made visible")
    if not text.strip():
        return LoadProblem(path, "empty file")

    markdown = path.suffix.lower() in {".md", ".markdown"}
    metadata: dict[str, str] = {}
    title = ""
    raw_date: str | None = None
    body = text
    if match := _FRONT_MATTER.match(text):
        body = text[match.end() :]
        front, problem = _read_front_matter(match.group("yaml"))
        if problem:
            warnings.append(problem)
        title = _field(front, "title")
        raw_date = _field(front, "date") or None
        metadata = {key: _field(front, key) for key in _METADATA_KEYS if _field(front, key)}
    elif match := _SEED_HEADER.match(text):
        raw_date = match.group("date")
        body = text[match.end() :]
    else:
        first, sep, rest = text.lstrip().partition("\n")
        if sep and rest.lstrip(" \t").startswith("\n") and len(first.strip()) <= MAX_TITLE_LINE:
            title = _paragraph_text(first, markdown)
            body = rest

    date = None
    if raw_date is None:
        warnings.append("no publication date in the file")
    else:
        date = parse_publication_date(raw_date)
        if date is None:
            warnings.append(f"publication date {raw_date!r} is not a date")

    raw_paragraphs = [_paragraph_text(p, markdown) for p in _PARAGRAPH_BREAK.split(body)]
    if markdown and not title and raw_paragraphs and body.lstrip().startswith("#"):
        title = raw_paragraphs.pop(0)
    cleaned = clean_paragraphs([p for p in raw_paragraphs if p])
    if not cleaned.paragraphs:
        warnings.append("no article text after cleaning")

    title_from_file = bool(title)
    if not title:
        title = derive_headline(cleaned.paragraphs[0]) if cleaned.paragraphs else path.stem
    return Article(
        id=path.stem,
        path=path,
        date=date,
        title=title,
        paragraphs=cleaned.paragraphs,
        credits=cleaned.credits,
        captions=cleaned.captions,
        warnings=tuple(warnings),
        title_from_file=title_from_file,
        metadata=metadata,
    )


def _paragraph_text(paragraph: str, markdown: bool) -> str:
    text = " ".join(paragraph.split())
    if markdown:
        text = _MARKDOWN_HEADING.sub("", text)
    return text


def _read_front_matter(source: str) -> tuple[dict[str, object], str | None]:
    try:
        front = yaml.safe_load(source)
    except yaml.YAMLError as error:
        reason = str(error).splitlines()[0]
        return {}, f"front matter is not valid YAML ({reason}); ignored"
    if front is None:
        return {}, None
    if not isinstance(front, dict):
        return {}, "front matter is not a mapping of fields; ignored"
    return {str(k): v for k, v in front.items()}, None


def _field(front: dict[str, object], key: str) -> str:
    value = front.get(key)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(make_inert(str(value))[0].split())


@lru_cache(maxsize=4096)
def parse_publication_date(raw: str) -> dt.date | None:
    """ISO dates directly; anything else through dateparser, English only."""
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(raw.strip()).date()
    except ValueError:
        pass
    if re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", raw):
        return None  # ISO-shaped but impossible ("2017-13-45"): not a date, not a guess
    import dateparser  # slow to import; most corpora never need it

    parsed = dateparser.parse(
        raw, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    )
    return parsed.date() if parsed else None


def _os_reason(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:]
