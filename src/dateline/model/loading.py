"""Read articles from files: the seed format, plain text with a title line,
Markdown or text with YAML front matter, and JSON Lines (one article a line).
Saved web pages and feed files are read by `dateline.sources`, by suffix.

Loading never raises for bad input. A file, or a line of a JSON Lines file,
that cannot be read at all becomes a `LoadProblem`; one that can be read with
doubts loads with warnings."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import itertools
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from dateline.model import safe_yaml
from dateline.model.article import Article, assemble_article
from dateline.model.cleaning import clean_paragraphs
from dateline.model.ids import (
    JSON_LINES_SUFFIXES,
    CorpusIds,
    article_name,
    file_suffix,
    is_compressed,
)
from dateline.model.problems import LoadProblem
from dateline.model.sanitize import inert, make_inert, strip_invisible
from dateline.sources import PARSED_SUFFIXES, SOURCE_SUFFIXES, parse_source

SUPPORTED_SUFFIXES = frozenset(
    {
        ".txt",
        ".text",
        ".md",
        ".markdown",
        *JSON_LINES_SUFFIXES,
        # A large JSON Lines dump is often kept compressed; it is read as a stream.
        *(suffix + ".gz" for suffix in JSON_LINES_SUFFIXES),
        # Saved web pages and feed files (dateline.sources).
        *SOURCE_SUFFIXES,
    }
)
# Bytes read at a time from a JSON Lines file: large enough that reading costs
# little, small enough that memory stays flat however large the file.
READ_CHUNK = 1 << 20
# A file with a NUL byte this near its start is binary, not text.
BINARY_SNIFF = 8192
MAX_TITLE_LINE = 150
# A file that is not JSON Lines at all (a CSV, a pretty-printed JSON array)
# would fail on every line; past this many, its bad lines are counted, not listed.
MAX_LINE_PROBLEMS = 20
# The longest date text worth parsing: "Tuesday 24 January 2017 14:05:00 GMT"
# is 36 characters. Longer text is not a date, and dateparser's time grows with it.
MAX_DATE_CHARS = 80
# How much of a date that is not one a warning shows.
SHOWN_DATE_CHARS = 60

_SEED_HEADER = re.compile(r"\A\s*date\s+(?P<date>\S+)[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# `feed` and `feed_url`: where a fetched article came from (dateline.sources).
_METADATA_KEYS = ("source", "url", "author", "feed", "feed_url")


@dataclass(slots=True)
class FileLoad:
    """What one file (or many: `load_paths`) gave: the articles, and what could not be read."""

    articles: list[Article]
    problems: list[LoadProblem]


# The same shape for many paths as for one file; the older name stays for callers.
LoadResult = FileLoad


def load_paths(paths: Iterable[Path]) -> FileLoad:
    """Every article under `paths` (files, or folders read recursively), each
    with its id in the corpus: its path relative to the PATH it was found
    under (see `dateline.model.ids`)."""
    result = FileLoad([], [])
    for root in paths:
        ids = CorpusIds(os.path.abspath(root))
        for item in iter_article_files([root]):
            if isinstance(item, LoadProblem):
                result.problems.append(item)
                continue
            loaded = load_articles(item)
            file = os.path.abspath(item)
            result.articles += [replace(a, id=ids.id(file, a.id)) for a in loaded.articles]
            result.problems += loaded.problems
    return result


def iter_article_files(paths: Iterable[Path]) -> Iterator[Path | LoadProblem]:
    """The files to read under `paths`, in a stable order, and a problem for each
    path or folder that cannot be read. A file named directly is read whatever
    its suffix (the person asked for it); in folders, only supported suffixes."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield LoadProblem(path, "no such file or folder")


def changed_article_files(root: Path, changed: Iterable[Path]) -> Iterator[Path | LoadProblem]:
    """Of the files and folders in `changed`, what a walk of `root` would read,
    in the same order: a file at or under `root` that the walk would take (a
    supported suffix, no dot-file or dot-folder on the way), and every file
    in a folder that came. Paths gone, or outside `root`, give nothing: the
    caller tells the gone ones from its own records. For watching a corpus."""
    for path in sorted(set(changed)):
        if path == root:
            if path.is_file():
                yield path  # a file named directly is read whatever its suffix
            continue
        try:
            relative = path.relative_to(root)
        except ValueError:
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_dir() and not path.is_symlink():
            yield from _walk(path)
        elif path.is_file() and _suffix(path.name) in SUPPORTED_SUFFIXES:
            yield path


def _walk(folder: Path) -> Iterator[Path | LoadProblem]:
    """Depth first, each folder's files (sorted by name) before its subfolders.
    Links to folders are not followed, so a link cycle cannot loop; links to
    files are. Dot-files and dot-folders (.git, .venv, editor backups) are tool
    state, not articles. Only regular files: reading a FIFO would block."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            yield LoadProblem(current, _os_reason(error))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(Path(entry.path))
                elif entry.is_file() and _suffix(entry.name) in SUPPORTED_SUFFIXES:
                    yield Path(entry.path)
            except OSError as error:
                yield LoadProblem(Path(entry.path), _os_reason(error))
        pending.extend(reversed(subfolders))


def _suffix(name: str) -> str:
    """The suffix that says how to read the file: `.jsonl.gz` for a compressed one."""
    return file_suffix(name) + (".gz" if is_compressed(name) else "")


def is_json_lines(path: Path | str) -> bool:
    return file_suffix(os.path.basename(path)) in JSON_LINES_SUFFIXES


def load_articles(path: Path) -> FileLoad:
    """Every article in one file: one for most formats, one a line for JSON
    Lines (read line by line, compressed or not: never whole in memory)."""
    if is_json_lines(path):
        return _read_json_lines(lambda: open_stream(path), path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileLoad([], [LoadProblem(path, _os_reason(error))])
    return parse_file(data, path)


def parse_file(data: bytes, path: Path) -> FileLoad:
    """The articles in `data`, the bytes of the file at `path` (compressed when
    its name says so)."""
    if is_compressed(path.name):
        if is_json_lines(path):  # what comes before damage is kept
            return _read_json_lines(lambda: gzip.GzipFile(fileobj=io.BytesIO(data)), path)
        try:
            data = gzip.decompress(data)
        except READ_ERRORS as error:
            return FileLoad([], [LoadProblem(path, read_error(error))])
    if is_json_lines(path):
        return parse_json_lines(data, path)
    if file_suffix(path.name) in PARSED_SUFFIXES:
        return parse_source(data, path)
    loaded = parse_article(data, path)
    if isinstance(loaded, LoadProblem):
        return FileLoad([], [loaded])
    return FileLoad([loaded], [])


# What reading a file, or a compressed one, can raise besides a bad line.
READ_ERRORS = (OSError, EOFError, zlib.error)


def read_error(error: BaseException) -> str:
    """Why a file could not be read (to its end), in words."""
    if isinstance(error, gzip.BadGzipFile):
        return "not a gzip file, though its name ends in .gz"
    if isinstance(error, EOFError):
        return "the compressed file is cut short; what came before the cut is read"
    if isinstance(error, zlib.error):
        return "the compressed data is damaged; what came before the damage is read"
    return _os_reason(error)  # type: ignore[arg-type]


def open_stream(path: Path | str, raw: BinaryIO | None = None) -> BinaryIO:
    """The file's bytes as a stream, decompressed when its name ends in `.gz`.
    `raw`, when given, is the file already open (the caller closes it)."""
    if raw is None:
        raw = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    elif not is_compressed(os.path.basename(path)):
        return _Unclosed(raw)  # type: ignore[return-value]
    if is_compressed(os.path.basename(path)):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


class _Unclosed:
    """`raw` in a `with` that leaves it open for its owner."""

    def __init__(self, raw: BinaryIO) -> None:
        self.read = raw.read

    def __enter__(self) -> _Unclosed:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass


def read_lines(stream: BinaryIO) -> Iterator[bytes]:
    """The stream's lines, split on "\n" alone, read `READ_CHUNK` bytes at a
    time. A line longer than a chunk is put together once, not copied again
    for every chunk it spans."""
    # read1 where there is one: a gzip stream then gives what it has
    # decompressed so far, so the lines before damage are not lost with it.
    read = getattr(stream, "read1", stream.read)
    pending: list[bytes] = []
    while chunk := read(READ_CHUNK):
        if b"\n" not in chunk:
            pending.append(chunk)
            continue
        first, *middle, last = chunk.split(b"\n")
        pending.append(first)
        yield b"".join(pending)
        yield from middle
        pending = [last]
    yield b"".join(pending)


def _read_json_lines(stream: Callable[[], BinaryIO], path: Path) -> FileLoad:
    """Every article of a JSON Lines stream, and a problem if it breaks off."""
    result = FileLoad([], [])
    try:
        with stream() as lines:
            for item in iter_json_lines(read_lines(lines), path):
                _add(result, item)
    except READ_ERRORS as error:
        result.problems.append(LoadProblem(path, read_error(error)))
    return result


def _add(result: FileLoad, item: Article | LoadProblem) -> None:
    if isinstance(item, Article):
        result.articles.append(item)
    else:
        result.problems.append(item)


def load_file(path: Path) -> Article | LoadProblem:
    """One file read as one article. A JSON Lines file or a feed holds many:
    read it with `load_articles`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return LoadProblem(path, _os_reason(error))
    if path.suffix.lower() in PARSED_SUFFIXES:
        loaded = parse_source(data, path)
        return loaded.articles[0] if loaded.articles else loaded.problems[0]
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
    text, invisible = strip_invisible(text)
    if invisible:
        warnings.append(_invisible_warning(invisible))
    if not text.strip():
        return LoadProblem(path, "empty file" if not data else "only white space, no text")

    markdown = file_suffix(path.name) in {".md", ".markdown"}
    metadata: dict[str, str] = {}
    title = ""
    raw_date: str | None = None
    body = text
    if match := _FRONT_MATTER.match(text):
        body = text[match.end() :]
        front, problem = _read_front_matter(match.group("yaml"))
        if problem:
            warnings.append(problem)
        for key in ("title", "date", *_METADATA_KEYS):
            if isinstance(front.get(key), list | dict):
                warnings.append(f"front matter field {key!r} is not text; ignored")
        title = _field(front, "title")
        raw_date = _field(front, "date") or None
        metadata = {key: _field(front, key) for key in _METADATA_KEYS if _field(front, key)}
        warnings += _front_matter_warnings(front)
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
            warnings.append(f"publication date {_shown_date(raw_date)!r} is not a date")

    raw_paragraphs = [_paragraph_text(p, markdown) for p in _PARAGRAPH_BREAK.split(body)]
    if markdown and not title and raw_paragraphs and body.lstrip().startswith("#"):
        title = raw_paragraphs.pop(0)
    cleaned = clean_paragraphs([p for p in raw_paragraphs if p])
    if not cleaned.paragraphs:
        warnings.append("no article text after cleaning")

    return assemble_article(article_name(path.name), path, date, title, cleaned, warnings, metadata)


def parse_json_lines(data: bytes, path: Path) -> FileLoad:
    """One article a line: `iter_json_lines` over bytes already read."""
    result = FileLoad([], [])
    for item in iter_json_lines(data.split(b"\n"), path):
        _add(result, item)
    return result


def iter_json_lines(lines: Iterable[bytes], path: Path) -> Iterator[Article | LoadProblem]:
    """The article on each line, in order, as the lines come (`read_lines`
    reads them from a file a chunk at a time). A bad line is a problem naming
    its line number while the other lines still load; blank lines are nothing;
    past `MAX_LINE_PROBLEMS` bad lines the rest are counted in one problem at
    the end. The id is the file name plus `#N`, N the 1-based line number, so
    an id stays the same when another line breaks or is mended."""
    lines = iter(lines)
    # The first lines are held until BINARY_SNIFF bytes are in: a NUL byte
    # among them makes the file binary, and none of it is read.
    head: list[bytes] = []
    size = 0
    for raw in lines:
        head.append(raw)
        size += len(raw) + 1
        if size >= BINARY_SNIFF:
            break
    if b"\x00" in b"\n".join(head)[:BINARY_SNIFF]:
        yield LoadProblem(path, "binary file, not text")
        return
    if head:
        head[0] = head[0].removeprefix(codecs.BOM_UTF8)
    listed = 0
    held: LoadProblem | None = None  # the bad line after the listed ones
    more = 0
    last_bad = 0
    # JSON strings may hold U+2028 and other line separators unescaped: lines
    # are split on "\n" alone, as bytes, so one line's bad UTF-8 stays its own.
    for number, raw in enumerate(itertools.chain(head, lines), start=1):
        if not raw.strip():
            continue
        loaded = _json_line_article(raw, path, number)
        if isinstance(loaded, Article):
            yield loaded
            continue
        if listed < MAX_LINE_PROBLEMS:
            listed += 1
            yield LoadProblem(path, loaded, line=number)
        elif held is None:
            held = LoadProblem(path, loaded, line=number)
        else:
            more += 1
            last_bad = number
    if held is not None and not more:
        yield held
    elif held is not None:
        summary = f"{more + 1:,} more bad lines, from line {held.line} to line {last_bad}"
        yield LoadProblem(path, summary)


_TEXT_KEYS = ("text", "body")
_DATE_KEYS = ("date", "published")


def _json_line_article(raw: bytes, path: Path, number: int) -> Article | str:
    """The article on one line, or why there is none."""
    warnings: list[str] = []
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.decode("utf-8", errors="replace")
        warnings.append(
            f"invalid UTF-8 at byte {error.start} of the line; bad bytes shown as \ufffd"
        )
    try:
        record = json.loads(line)
    except RecursionError:
        return "not valid JSON (nested too deeply)"
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg})"
    except ValueError:  # Python's guard against integers of thousands of digits
        return "not valid JSON (a number with too many digits)"
    if not isinstance(record, dict):
        return f"not a JSON object but {_json_kind(record)}"

    controls = invisible = 0

    def inert(text: str) -> str:
        nonlocal controls, invisible
        text, count = _inert(text)
        controls += count
        text, count = strip_invisible(text)
        invisible += count
        return text

    used: set[str] = set()
    text_key = next((k for k in _TEXT_KEYS if _is_text(record.get(k))), None)
    if text_key is None:
        return 'no article text (a "text" or "body" field with words in it)'
    used.add(text_key)
    title = ""
    if isinstance(record.get("title"), str):
        used.add("title")
        title = " ".join(inert(record["title"]).split())

    date = None
    date_key = next((k for k in _DATE_KEYS if record.get(k) not in (None, "")), None)
    if date_key is None:
        warnings.append('no publication date (a "date" or "published" field)')
    else:
        used.add(date_key)
        raw_date = record[date_key]
        if isinstance(raw_date, str | int | float) and not isinstance(raw_date, bool):
            date = parse_publication_date(str(raw_date))
        if date is None:
            shown = inert(raw_date if isinstance(raw_date, str) else _compact_json(raw_date))
            warnings.append(f"publication date {_shown_date(shown)!r} is not a date")

    metadata: dict[str, str] = {}
    # The next number to try for each name that is taken: a record of thousands
    # of names that read alike (they differ only in hidden characters) is
    # renamed in one pass, not by trying every number from 2 for each.
    next_number: dict[str, int] = {}

    def free_name(name: str) -> str:
        """`name~2`, `name~3`, ...: the first that no field has or will have."""
        number = next_number.get(name, 2)
        while (
            (numbered := f"{name}~{number}") in metadata or numbered in used or numbered in record
        ):
            number += 1
        next_number[name] = number + 1
        return numbered

    # Names as written first: a name that only looks like one of them once its
    # hidden characters are out ("bo\u200bdy") must not take its place.
    named = sorted(record.items(), key=lambda item: _shown_name(item[0]) != item[0])
    for key, value in named:
        if key in used or value is None:
            continue
        name = inert(key)
        if name in metadata or name in used or (name != key and name in record):
            name = free_name(name)
        text = inert(value if isinstance(value, str) else _compact_json(value))
        if name in _METADATA_KEYS:
            text = " ".join(text.split())  # shown on one line under the headline
        metadata[name] = text

    body = inert(record[text_key])
    # Blank lines part paragraphs where there are any; else each line is one.
    pieces = _PARAGRAPH_BREAK.split(body) if _PARAGRAPH_BREAK.search(body) else body.split("\n")
    raw_paragraphs = [" ".join(p.split()) for p in pieces]
    cleaned = clean_paragraphs([p for p in raw_paragraphs if p])
    if not cleaned.paragraphs:
        warnings.append("no article text after cleaning")
    if controls:
        warnings.append(f"{controls} control characters made visible")
    if invisible:
        warnings.append(_invisible_warning(invisible))

    return assemble_article(
        article_name(path.name, number), path, date, title, cleaned, warnings, metadata, number
    )


def _invisible_warning(count: int) -> str:
    return f"{count} invisible characters (zero-width spaces, soft hyphens) taken out"


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _inert(text: str) -> tuple[str, int]:
    """`make_inert`, and JSON's escaped lone surrogates ("\\ud800") made U+FFFD:
    left in, they would make the text fail to encode on screen or in the cache."""
    text, controls = make_inert(text)
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    return text, controls + surrogates


def _shown_name(key: str) -> str:
    """A field name as it is shown, for comparing; `inert` in the loader counts too."""
    return strip_invisible(_inert(key)[0])[0]


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return "a number"


def _paragraph_text(paragraph: str, markdown: bool) -> str:
    text = " ".join(paragraph.split())
    if markdown:
        text = _MARKDOWN_HEADING.sub("", text)
    return text


def _read_front_matter(source: str) -> tuple[dict[str, object], str | None]:
    try:
        front = safe_yaml.load(source)
    except safe_yaml.YamlError as error:
        # The front matter starts on the file's second line, after "---".
        return {}, f"front matter ignored: {safe_yaml.describe_error(error, first_line=2)}"
    if front is None:
        return {}, None
    if not isinstance(front, dict):
        return {}, "front matter is not a mapping of fields; ignored"
    return {str(k): v for k, v in front.items()}, None


def _front_matter_warnings(front: dict[str, object]) -> list[str]:
    """A file's own notes on its text (`warnings:`, one or a list): a fetched
    article says so when its page could not be read and it holds the summary."""
    notes = front.get("warnings")
    if not isinstance(notes, list):
        notes = [notes]
    shown = (_field({"note": note}, "note") for note in notes[:20])
    return [note for note in shown if note]


def _field(front: dict[str, object], key: str) -> str:
    value = front.get(key)
    if value is None or isinstance(value, list | dict):
        return ""  # a field a reader sees is text: a list or mapping is not one
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        text = str(value)
    except ValueError:  # an integer of more digits than Python will print
        return ""
    return " ".join(strip_invisible(inert(text))[0].split())


def _shown_date(raw: str) -> str:
    return raw if len(raw) <= SHOWN_DATE_CHARS else raw[:SHOWN_DATE_CHARS] + "…"


@lru_cache(maxsize=4096)
def parse_publication_date(raw: str) -> dt.date | None:
    """ISO dates directly; anything else through dateparser, English only.
    Text longer than `MAX_DATE_CHARS` is no date (a seed header that never
    ends, ` date 1/1/1/…`, would otherwise go whole to dateparser)."""
    if len(raw) > MAX_DATE_CHARS:
        return None
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
