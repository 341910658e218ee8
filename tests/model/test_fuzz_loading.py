"""Properties the loader, the cleaner, the filter box and the facts' stored form
keep on any input: they never raise, and what they give back is sound.

The loader is held to what it promises its callers (see loading.py and
sanitize.py): every file gives articles or problems and never an exception;
no line of a JSON Lines file is lost without a problem naming it; paragraphs,
titles, credits and captions are single lines of text with no control
characters, no bidirectional overrides and nothing that cannot be encoded;
metadata and warnings are inert; a date that could not be read is a warning;
and no file makes the loader give back far more text than the file held.

Inputs are arbitrary bytes and text, and files assembled from real
fragments: the seeds' words and paragraphs in the seed format, Markdown with
YAML-ish front matter (anchors and aliases, tags, nesting), JSON Lines with
random records and broken lines, then damaged with CR and CRLF line endings,
byte-order marks, NULs, invalid UTF-8 and terminal control sequences.

The extractors' own properties are in tests/facts/test_properties.py; its
strategies are reused here. tests/fuzz/run_fuzz.py runs all of these with
many more examples."""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import gzip
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from dateline.facts.base import ArticleFacts
from dateline.facts.extract import extract_facts
from dateline.facts.serialize import export_facts, facts_from_dict, facts_to_dict
from dateline.model.article import Article
from dateline.model.cleaning import CleanedText, clean_paragraphs
from dateline.model.headline import derive_headline
from dateline.model.loading import (
    JSON_LINES_SUFFIXES,
    MAX_LINE_PROBLEMS,
    SUPPORTED_SUFFIXES,
    FileLoad,
    iter_json_lines,
    parse_file,
    parse_json_lines,
    read_lines,
)
from dateline.model.problems import LoadProblem
from dateline.sources import SOURCE_SUFFIXES
from dateline.store.query import Query, parse_query
from tests.conftest import REPOSITORY
from tests.conftest import SEED_000 as SEED_000_ID
from tests.conftest import SEED_001 as SEED_001_ID
from tests.facts.seed_text import SEED_000, SEED_001, paragraphs_from, seed_phrases
from tests.facts.test_properties import (
    ANY_PARAGRAPHS,
    ANY_TEXT,
    PUBLISHED,
    SEED_FRAGMENTS,
    SEED_PARAGRAPHS,
    SETTINGS,
)
from tests.model.test_loading import DEBRIS, raw_paragraphs

# Every suffix of the loader's text formats, and one it does not know (a file
# named on the command line is read whatever its suffix). Compressed files
# have a property of their own (`test_compressed_json_lines_load_as_the_plain_file`);
# pages and feeds, read by dateline.sources, too
# (tests/sources/test_source_properties.py).
SUFFIXES = (
    *sorted(s for s in SUPPORTED_SUFFIXES - SOURCE_SUFFIXES if not s.endswith(".gz")),
    ".csv",
)
TEXT_SUFFIXES = tuple(s for s in SUFFIXES if s not in JSON_LINES_SUFFIXES)

# Every C0 and C1 control (tab and newline too), DEL, and the bidirectional
# overrides and isolates: none may reach a paragraph, title or warning.
CONTROL_OR_BIDI = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same less tab and newline, which make_inert leaves in free text (metadata).
LIVE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SURROGATE = re.compile(r"[\ud800-\udfff]")

# No file may give back more than this many characters per byte it held, plus
# a fixed allowance per article or problem (warnings, a derived headline).
# Rendering a YAML or JSON value as text can grow it a few times ("{a,b}" is
# "{'a': None, 'b': None}"); only something like an alias bomb grows it more.
MAX_GROWTH = 10
ALLOWANCE = 1000

# Pieces of text a hostile or broken file holds: terminal control sequences
# (CSI, OSC 52 and OSC 8, bell, backspace, 8-bit CSI), bidi overrides,
# zero-width and wide characters, Rich markup look-alikes, line breaks.
HOSTILE = (
    "\x1b[2J",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
    "\x07",
    "\x08",
    "\x9b31m",
    "\x85",
    "\u202e",
    "\u2067",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\t",
    "\r",
    "\r\n",
    "[bold red]",
    "[/]",
    "[link=https://example.com]",
    "😀",
    "字",
)
# Bytes that break UTF-8 or the format: stray continuation and lead bytes, an
# overlong form, an encoded surrogate, a code point past U+10FFFF, a BOM, NUL.
DAMAGE = (
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    codecs.BOM_UTF8,
    b"\x00",
    b"\r",
    b"\r\n",
    b"\n",
    b"\n\n",
    *(piece.encode("utf-8") for piece in HOSTILE),
)


def is_one_line(text: str) -> bool:
    """Single-spaced text: no tab, newline, other whitespace or control, no
    leading or trailing space."""
    return text == " ".join(text.split()) and not CONTROL_OR_BIDI.search(text)


def is_inert(text: str) -> bool:
    return not LIVE_CONTROL.search(text) and not SURROGATE.search(text)


def is_plain(text: str) -> bool:
    """Letters, digits, punctuation, symbols and plain spaces only: text the
    loader has no reason to change, so it must keep it as it is."""
    return all(c == " " or unicodedata.category(c)[0] in "LNPS" for c in text)


def article_size(article: Article) -> int:
    parts = (
        article.title,
        *article.paragraphs,
        *article.credits,
        *article.captions,
        *article.metadata,
        *article.metadata.values(),
        *article.warnings,
    )
    return sum(len(part) for part in parts)


def assert_sound_article(article: Article, path: Path) -> None:
    assert isinstance(article, Article)
    assert article.path == path
    assert article.id == (path.stem if article.line is None else f"{path.stem}#{article.line}")
    assert article.date is None or isinstance(article.date, dt.date)
    assert isinstance(article.paragraphs, tuple)
    for paragraph in article.paragraphs:
        assert paragraph and is_one_line(paragraph), paragraph
    # That the headline is never empty is a property of its own, below.
    assert article.title == "" or is_one_line(article.title), article.title
    for piece in (*article.credits, *article.captions):
        assert piece and is_one_line(piece), piece
    for key, value in article.metadata.items():
        assert isinstance(key, str) and isinstance(value, str)
        assert is_inert(key) and is_inert(value), (key, value)
        if key in ("source", "url", "author"):  # shown on one line under the headline
            assert is_one_line(value), (key, value)
    for warning in article.warnings:
        assert warning and not CONTROL_OR_BIDI.search(warning), warning
        assert not SURROGATE.search(warning), warning
    # Nothing is lost silently: a missing or unreadable date, an empty text, say so.
    if article.date is None:
        assert any("date" in warning for warning in article.warnings), article.warnings
    if not article.paragraphs:
        assert "no article text after cleaning" in article.warnings
    for text in (article.title, *article.paragraphs, *article.warnings):
        text.encode("utf-8")  # raises on a lone surrogate


def assert_sound_problem(problem: LoadProblem, path: Path) -> None:
    assert isinstance(problem, LoadProblem)
    assert problem.path == path
    assert str(problem).startswith(str(path))
    assert problem.message and not CONTROL_OR_BIDI.search(problem.message), problem
    assert not SURROGATE.search(problem.message), problem


def assert_sound_load(data: bytes, path: Path, load: FileLoad) -> None:
    """Everything the loader promises for any file, whatever is in it."""
    assert isinstance(load, FileLoad)
    for article in load.articles:
        assert_sound_article(article, path)
    for problem in load.problems:
        assert_sound_problem(problem, path)
    items = len(load.articles) + len(load.problems)
    size = sum(article_size(article) for article in load.articles)
    assert size <= MAX_GROWTH * len(data) + ALLOWANCE * items, (size, len(data))
    if path.suffix not in JSON_LINES_SUFFIXES:
        assert items == 1, load
        assert all(article.line is None for article in load.articles)
        return
    assert_every_line_accounted_for(data, load)


def assert_every_line_accounted_for(data: bytes, load: FileLoad) -> None:
    """Each line of a JSON Lines file that is not blank is an article or a
    problem naming that line, in order; past MAX_LINE_PROBLEMS bad lines the
    rest are one summary problem."""
    if b"\x00" in data[:8192]:
        assert load.articles == [] and len(load.problems) == 1, load
        assert load.problems[0].line is None
        return
    lines = data.removeprefix(codecs.BOM_UTF8).split(b"\n")
    filled = [number for number, raw in enumerate(lines, start=1) if raw.strip()]
    article_lines = [article.line for article in load.articles]
    problem_lines = [problem.line for problem in load.problems if problem.line is not None]
    assert article_lines == sorted(article_lines) and problem_lines == sorted(problem_lines)
    bad = len(filled) - len(article_lines)
    if bad <= MAX_LINE_PROBLEMS + 1:
        assert len(problem_lines) == len(load.problems), load.problems
        assert sorted(article_lines + problem_lines) == filled
    else:
        assert len(problem_lines) == MAX_LINE_PROBLEMS
        assert len(load.problems) == MAX_LINE_PROBLEMS + 1
        assert set(article_lines + problem_lines) <= set(filled)
        assert len(set(article_lines + problem_lines)) == len(article_lines + problem_lines)


def check_every_suffix(data: bytes) -> dict[str, FileLoad]:
    loads = {}
    for suffix in SUFFIXES:
        path = Path("x" + suffix)
        loads[suffix] = load = parse_file(data, path)
        assert_sound_load(data, path, load)
    return loads


# --- strategies: files built from fragments -------------------------------------------------

SEED_WORDS = sorted({word for p in SEED_000 + SEED_001 for word in p.split()})
# Whole seed phrases short enough for a title line, that the loader will not
# take for a seed header or front matter.
TITLES = sorted(
    phrase
    for phrase in seed_phrases()
    if len(phrase) <= 150 and not re.match(r"date\s|---", phrase)
)

# Dates as files write them: ISO, impossible ISO, other forms, and junk.
RAW_DATES = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.sampled_from(
        [
            "2017-13-45",
            "2017-02-30",
            "0000-00-00",
            "24/01/2017",
            "January_24,_2017",
            "yesterday",
            "9999999999999",
            "-1",
            "1e400",
            "2017-01-24T10:00:00+01:00",
            "2017-W04",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), max_size=20),
)


@st.composite
def soft_wrapped(draw: st.DrawFn, paragraph: str) -> str:
    """A paragraph with some of its spaces turned into single line breaks, as
    a text editor wraps lines; the loader joins them again."""
    words = paragraph.split(" ")
    breaks = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    return "".join(w + ("\n" if b else " ") for w, b in zip(words, breaks, strict=True)).strip()


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with hostile or broken bytes put in at arbitrary places."""
    inserts = draw(
        st.lists(st.tuples(st.integers(0, 1 << 16), st.sampled_from(DAMAGE)), max_size=6)
    )
    for position, piece in sorted(inserts, reverse=True):
        cut = position % (len(data) + 1)
        data = data[:cut] + piece + data[cut:]
    return data


@st.composite
def seed_format_files(draw: st.DrawFn) -> bytes:
    """The seeds' own format: " date 2017-01-24 " then the first paragraph on
    the same line, then paragraphs parted by blank lines."""
    lead = draw(st.sampled_from(["", " ", "\n", "\t "]))
    raw_date = draw(RAW_DATES)
    paragraphs = draw(st.one_of(SEED_PARAGRAPHS, ANY_PARAGRAPHS))
    body = "\n\n".join([draw(soft_wrapped(p)) for p in paragraphs])
    return f"{lead}date {raw_date} {body}\n".encode("utf-8", "surrogatepass")


YAML_KEYS = st.sampled_from(["title", "date", "source", "url", "author", "tags", "x"])
# YAML values that parse: words, dates, and what YAML makes of special forms
# (timestamps, tags, numbers in other bases, sets); and anything at all.
TIDY_YAML_SCALARS = st.one_of(
    st.sampled_from(SEED_WORDS),
    st.dates().map(dt.date.isoformat),
    st.sampled_from(
        [
            "~",
            "null",
            "yes",
            "off",
            ".inf",
            "-.nan",
            "0x1F",
            "0o17",
            "1_000",
            "190:20:30",
            "1.e15",
            "2017-13-45",
            "2001-12-14t21:59:43.10-05:00",
            "!!binary aGVsbG8=",
            "!!float 1e400",
            "!!set {a, b}",
            "{a, b, c}",
            "[a, [b, {c: d}]]",
        ]
    ),
)
YAML_SCALARS = st.one_of(
    TIDY_YAML_SCALARS,
    # Tags a safe loader refuses, and characters that cannot start a plain value.
    st.sampled_from(
        [
            "!!python/object:os.system",
            "!!python/object/apply:os.system ['true']",
            "|",
            ">-",
            "&",
            "*",
            "%",
            "@",
            "`",
            "? a",
        ]
    ),
    # JSON strings are YAML double-quoted scalars, escapes and all.
    st.text(max_size=30).map(lambda text: json.dumps(text, ensure_ascii=False)),
    st.text(max_size=30).map(lambda text: json.dumps(text)),  # \uXXXX escapes
    st.text(max_size=30),
)


def yaml_flow(scalars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
            st.lists(st.tuples(st.sampled_from(SEED_WORDS), inner), max_size=4).map(
                lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
            ),
        ),
        max_leaves=8,
    )


def yaml_nested(scalars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Nesting shallow, or as deep as a hostile file likes: around the depth
    where Python's recursion gives out (1,000 levels; about 2,000 while
    hypothesis runs a test, as it raises the limit), short of where libyaml's
    C stack does (tens of thousands)."""
    depth = st.one_of(st.integers(0, 5), st.integers(900, 3000))
    return st.tuples(depth, scalars).map(lambda pair: "[" * pair[0] + pair[1] + "]" * pair[0])


@st.composite
def yaml_alias_chain(draw: st.DrawFn, name: str) -> list[str]:
    """Anchors, each a list naming the one before it several times: a few
    lines of YAML that stand for width ** depth values. Kept small enough
    (at most 6 ** 6) that a test of it stays quick."""
    depth, width = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    leaf = draw(st.sampled_from(SEED_WORDS))
    lines = [f"{name}0: &{name}0 [{', '.join([leaf] * width)}]"]
    for level in range(1, depth):
        refs = ", ".join([f"*{name}{level - 1}"] * width)
        lines.append(f"{name}{level}: &{name}{level} [{refs}]")
    return [*lines, f"{draw(YAML_KEYS)}: *{name}{depth - 1}"]


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """YAML-ish front matter: fields with scalars, flow collections, deep
    nesting, block scalars, anchors and aliases. Half of them are made only
    of pieces that parse, since one bad line makes the whole front matter a
    warning and the loader never sees its values."""
    tidy = draw(st.booleans())
    scalars = TIDY_YAML_SCALARS if tidy else YAML_SCALARS
    keys = st.one_of(YAML_KEYS, st.sampled_from(SEED_WORDS), *([] if tidy else [st.text()]))
    kinds = ["flow", "nested", "aliases", "block", *([] if tidy else ["junk"])]
    lines: list[str] = []
    for entry in range(draw(st.integers(0, 8))):
        key = draw(keys)
        kind = draw(st.sampled_from(kinds))
        if kind == "flow":
            lines.append(f"{key}: {draw(yaml_flow(scalars))}")
        elif kind == "nested":
            lines.append(f"{key}: {draw(yaml_nested(scalars))}")
        elif kind == "aliases":
            lines += draw(yaml_alias_chain(f"e{entry}a"))  # anchor names are unique
        elif kind == "block":
            body = draw(st.lists(st.sampled_from(SEED_WORDS), max_size=6))
            lines.append(f"{key}: |\n" + "".join(f"  {word}\n" for word in body))
        else:
            lines.append(f"{key}: {draw(st.text(max_size=40))}")
    return "\n".join(lines)


@st.composite
def front_matter_files(draw: st.DrawFn) -> bytes:
    front = draw(yaml_documents())
    end = draw(st.sampled_from(["---", "...", "--- ", ""]))
    heading = draw(st.sampled_from(["", "# ", "## Heading\n\n", "#\n\n"]))
    paragraphs = draw(st.one_of(SEED_PARAGRAPHS, ANY_PARAGRAPHS))
    body = heading + "\n\n".join(paragraphs)
    return f"---\n{front}\n{end}\n{body}\n".encode("utf-8", "surrogatepass")


JSON_NAMES = ["text", "body", "title", "date", "published", "source", "url", "author", "tags"]
# Names with something hidden in them: they are not the field they look like.
HIDDEN_NAMES = st.tuples(
    st.sampled_from(JSON_NAMES), st.sampled_from(["\u202e", "\x1b", "\u200b", "\t", "\n"])
).map(lambda pair: pair[0][:2] + pair[1] + pair[0][2:])
JSON_KEYS = st.one_of(
    st.sampled_from(JSON_NAMES), st.sampled_from(JSON_NAMES), st.text(max_size=10)
)
JSON_TEXT = st.one_of(
    paragraphs_from(SEED_FRAGMENTS, words=12, paragraphs=3).map("\n\n".join),
    ANY_TEXT,
    st.text(st.characters(blacklist_categories=()), max_size=40),  # lone surrogates
    st.sampled_from(HOSTILE),
)
JSON_VALUES = st.recursive(
    st.one_of(
        JSON_TEXT,
        JSON_TEXT,
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.dates().map(dt.date.isoformat),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JSON_KEYS, inner, max_size=3),
    max_leaves=4,
)
# Records with any fields, most of them with a text (else each is a problem).
JSON_RECORDS = st.tuples(
    st.dictionaries(JSON_KEYS, JSON_VALUES, max_size=5),
    st.sampled_from(["text", "body", None]),
    JSON_TEXT,
).map(lambda parts: parts[0] if parts[1] is None else {parts[1]: parts[2], **parts[0]})


def encode_json(record: object, ascii_only: bool) -> bytes:
    text = json.dumps(record, ensure_ascii=ascii_only)
    return text.encode("utf-8", "surrogatepass")  # unescaped surrogates: invalid UTF-8


BROKEN_LINES = st.one_of(
    st.binary(max_size=40),
    st.text(max_size=40).map(lambda text: text.encode("utf-8")),
    st.sampled_from(
        [b"[1, 2]", b"null", b"{}", b'"text"', b"1" * 5000, b"[" * 3000, b'{"text": "a"'],
    ),
    st.tuples(JSON_RECORDS, st.integers(1, 50)).map(
        lambda pair: encode_json(pair[0], True)[: pair[1]]  # cut short
    ),
)


@st.composite
def json_lines_files(draw: st.DrawFn) -> bytes:
    lines: list[bytes] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["record", "record", "broken", "burst", "blank"]))
        if kind == "record":
            lines.append(encode_json(draw(JSON_RECORDS), draw(st.booleans())))
        elif kind == "broken":
            lines.append(draw(BROKEN_LINES))
        elif kind == "burst":  # enough bad lines, at times, for the summary problem
            lines += [b"not json"] * draw(st.integers(0, 30))
        else:
            lines.append(draw(st.sampled_from([b"", b" ", b"\t", b"\r"])))
    return b"\n".join(lines)


ANY_FILE = st.one_of(
    seed_format_files(),
    front_matter_files(),
    json_lines_files(),
    # ANY_TEXT may hold lone surrogates: encoded as they are, they are invalid UTF-8.
    ANY_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")),
)


# --- the loader on anything -------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=600))
def test_loader_on_any_bytes(data: bytes) -> None:
    check_every_suffix(data)


@SETTINGS
@given(st.text(max_size=600), st.booleans())
def test_loader_on_any_text(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    check_every_suffix(data)


@SETTINGS
@given(ANY_FILE.flatmap(damaged))
def test_loader_on_damaged_files(data: bytes) -> None:
    loads = check_every_suffix(data)
    # A file that loads at all says what was wrong with it.
    text = data.decode("utf-8-sig", "replace")
    for suffix in TEXT_SUFFIXES:
        for article in loads[suffix].articles:
            try:
                data.decode("utf-8-sig")
            except UnicodeDecodeError:
                assert any("invalid UTF-8" in w for w in article.warnings), article.warnings
            if LIVE_CONTROL.search(text.replace("\r", "")):
                assert any("control characters" in w for w in article.warnings), article.warnings


# Inputs the fuzzing found, kept so that CI tries them every time.
FOUND_IN_FRONT_MATTER = (
    b"---\ntitle: 2017-13-45\n---\n\n",  # libyaml's timestamp raises ValueError
    b"---\ntitle: " + b"[" * 3000 + b"]" * 3000 + b"\n---\n\n",  # RecursionError in str()
    b"---\n"  # an alias bomb: 194 bytes that make a 3,496-character title
    b"e0a0: &e0a0 [., ., ., ., .]\n"
    b"e0a1: &e0a1 [*e0a0, *e0a0, *e0a0, *e0a0, *e0a0]\n"
    b"e0a2: &e0a2 [*e0a1, *e0a1, *e0a1, *e0a1, *e0a1]\n"
    b"e0a3: &e0a3 [*e0a2, *e0a2, *e0a2, *e0a2, *e0a2]\n"
    b"title: *e0a3\n---\n\n",
)


@SETTINGS
@given(front_matter_files())
@example(FOUND_IN_FRONT_MATTER[0])
@example(FOUND_IN_FRONT_MATTER[1])
@example(FOUND_IN_FRONT_MATTER[2])
def test_loader_on_front_matter(data: bytes) -> None:
    check_every_suffix(data)


@SETTINGS
@given(st.one_of(json_lines_files(), st.binary(max_size=300)), st.integers(1, 64))
def test_compressed_json_lines_load_as_the_plain_file(data: bytes, chunk: int) -> None:
    """A .jsonl.gz file gives what the .jsonl file gives, whole in memory or
    read as a stream in chunks of any size; cut short, it gives a prefix of it
    and says so."""
    path = Path("x.jsonl.gz")
    plain = parse_json_lines(data, path)  # the bytes as they are, under the .gz name
    packed = gzip.compress(data)
    assert parse_file(packed, path) == plain
    streamed = FileLoad([], [])
    for item in iter_json_lines(read_lines(_Chunks(data, chunk)), path):
        (streamed.articles if isinstance(item, Article) else streamed.problems).append(item)
    assert streamed == plain
    cut = parse_file(packed[: len(packed) // 2], path)
    assert cut.problems[-1].message in (
        "the compressed file is cut short; what came before the cut is read",
        "the compressed data is damaged; what came before the damage is read",
        "not a gzip file, though its name ends in .gz",
    )
    assert cut.articles == plain.articles[: len(cut.articles)]


class _Chunks(io.BytesIO):
    """A stream that gives at most `size` bytes a read, as a pipe or a
    decompressor may."""

    def __init__(self, data: bytes, size: int) -> None:
        super().__init__(data)
        self.size = size

    def read(self, size: int | None = -1) -> bytes:
        return super().read(self.size)

    def read1(self, size: int | None = -1) -> bytes:
        return super().read1(self.size)


@SETTINGS
@given(json_lines_files())
def test_loader_on_json_lines(data: bytes) -> None:
    loads = check_every_suffix(data)
    if b"\x00" in data[:8192]:
        return
    lines = data.removeprefix(codecs.BOM_UTF8).split(b"\n")
    for suffix in JSON_LINES_SUFFIXES:
        for article in loads[suffix].articles:
            assert article.line is not None
            assert_record_kept(article, lines[article.line - 1])


def assert_record_kept(article: Article, raw: bytes) -> None:
    """What a JSON Lines record says that is plain text is in the article as
    it was: its title, its ISO date, and every field not used for the
    article's text, title or date as metadata."""
    try:
        record: dict[str, Any] = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        assert any("invalid UTF-8" in w for w in article.warnings), article.warnings
        return
    text_key = next(
        k for k in ("text", "body") if isinstance(record.get(k), str) and record[k].strip()
    )
    used = {text_key}
    title = record.get("title")
    if isinstance(title, str):
        used.add("title")
        if is_plain(title) and title.strip():
            assert article.title == " ".join(title.split()) and article.title_from_file
    date_key = next((k for k in ("date", "published") if record.get(k) not in (None, "")), None)
    if date_key is not None:
        used.add(date_key)
        value = record[date_key]
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                expected = dt.date.fromisoformat(value)
            except ValueError:
                expected = None
            assert article.date == expected
    for key, value in record.items():
        if key in used or value is None or not is_plain(key):
            continue
        if isinstance(value, str):
            shown = value
        else:
            shown = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if not is_plain(shown):
            continue
        if key in ("source", "url", "author"):
            shown = " ".join(shown.split())
        assert article.metadata.get(key) == shown, (key, article.metadata)


@SETTINGS
@given(
    st.dictionaries(st.one_of(st.sampled_from(JSON_NAMES), HIDDEN_NAMES), JSON_TEXT, max_size=6),
    JSON_TEXT.filter(str.strip),
)
@example({"so\u202eurce": "\n\n"}, "0")
@example({"body": "kept", "bo\u200bdy": "lost"}, "0")
def test_json_names_with_hidden_characters_are_not_other_fields(
    record: dict[str, str], text: str
) -> None:
    """A field name with a control or invisible character in it ("source" with
    a right-to-left override after "so") is not the field it looks like once
    that character is taken out: it must not overwrite a real field's value,
    nor pass for source, url or author without being made one line as they are."""
    data = encode_json({"text": text, **record}, ascii_only=True)
    path = Path("x.jsonl")
    load = parse_file(data, path)
    assert_sound_load(data, path, load)
    for article in load.articles:
        assert_record_kept(article, data)


# Leads with nothing a headline could be cut from.
BARE_LEADS = st.sampled_from([".", "...", ",", ":", "- - -", "—", "…", "“”", "!?"])


@SETTINGS
@given(st.one_of(ANY_TEXT, BARE_LEADS), st.sampled_from(SUFFIXES))
@example(".", ".txt")
@example(".", ".jsonl")
def test_every_article_has_a_headline(text: str, suffix: str) -> None:
    """The article list shows each article by its headline: the file's, one
    derived from the lead, or the file's name; never an empty row."""
    path = Path("x" + suffix)
    if suffix in JSON_LINES_SUFFIXES:
        data = encode_json({"text": text}, ascii_only=False)
    else:
        data = text.encode("utf-8", "surrogatepass")
    for article in parse_file(data, path).articles:
        assert article.title, article


# --- the loader on well-formed files: exact results --------------------------------------------


# Dates a well-formed file gives: in the past, so no warning is due.
PAST_DATES = st.dates(dt.date(1, 1, 1), dt.date(2020, 12, 31))


@st.composite
def well_formed_files(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    """A well-formed file of one of the four formats, its suffix, and what it
    says: date, title, metadata, raw paragraphs."""
    paragraphs = [p for p in draw(SEED_PARAGRAPHS) if p]
    date = draw(st.one_of(st.none(), PAST_DATES))
    title = draw(st.one_of(st.none(), st.sampled_from(TITLES)))
    metadata = draw(
        st.dictionaries(st.sampled_from(["source", "url", "author"]), st.sampled_from(TITLES))
    )
    fmt = draw(st.sampled_from(["seed", "title line", "front matter", "json lines"]))
    wrapped = [draw(soft_wrapped(p)) for p in paragraphs]
    if fmt == "seed":
        date = date or draw(PAST_DATES)
        title, metadata = None, {}
        text = f" date {date.isoformat()} " + "\n\n".join(wrapped) + "\n"
    elif fmt == "title line":
        title = title or draw(st.sampled_from(TITLES))
        date, metadata = None, {}
        text = title + "\n\n" + "\n\n".join(wrapped) + "\n"
    elif fmt == "front matter":
        fields = {"title": title, **metadata}
        # One field that is none of the article's, so that the front matter is never empty.
        lines = ["layout: post"]
        lines += [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if v]
        if date:
            lines.append(f"date: {date.isoformat()}")
        text = "---\n" + "".join(line + "\n" for line in lines) + "---\n\n"
        text += "\n\n".join(wrapped) + "\n"
    else:
        record: dict[str, Any] = {"text": "\n\n".join(paragraphs), **metadata}
        if title:
            record["title"] = title
        if date:
            record["date"] = date.isoformat()
        text = "\n" * draw(st.integers(0, 2)) + json.dumps(record, ensure_ascii=False) + "\n"
    suffixes = sorted(JSON_LINES_SUFFIXES) if fmt == "json lines" else TEXT_SUFFIXES
    expected = {"date": date, "title": title, "metadata": metadata, "paragraphs": paragraphs}
    return text, draw(st.sampled_from(suffixes)), expected


@SETTINGS
@given(well_formed_files(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_well_formed_files_load_exactly(
    file: tuple[str, str, dict[str, Any]], newline: str, bom: bool
) -> None:
    """A well-formed file loads to exactly what it says, whatever its line
    endings and whether or not it starts with a byte-order mark."""
    text, suffix, expected = file
    path = Path("x" + suffix)
    if suffix in JSON_LINES_SUFFIXES and newline == "\r":
        newline = "\r\n"  # a JSON Lines file is split on "\n": CR alone is one long line
    plain = parse_file(text.encode("utf-8"), path)
    data = (codecs.BOM_UTF8 if bom else b"") + text.replace("\n", newline).encode("utf-8")
    assert parse_file(data, path) == plain
    assert_sound_load(data, path, plain)

    cleaned = clean_paragraphs(expected["paragraphs"])
    if suffix in JSON_LINES_SUFFIXES and not cleaned.paragraphs and not expected["paragraphs"]:
        assert plain.articles == [] and len(plain.problems) == 1
        return
    assert plain.problems == []
    [article] = plain.articles
    assert article.paragraphs == cleaned.paragraphs
    assert article.date == expected["date"]
    assert article.metadata == expected["metadata"]
    if expected["title"]:
        assert (article.title, article.title_from_file) == (expected["title"], True)
    else:
        derived = derive_headline(cleaned.paragraphs[0]) if cleaned.paragraphs else path.stem
        if derived:  # an empty one is test_every_article_has_a_headline's business
            assert article.title == derived
        assert not article.title_from_file
    warnings = []
    if expected["date"] is None:
        warnings.append(
            'no publication date (a "date" or "published" field)'
            if suffix in JSON_LINES_SUFFIXES
            else "no publication date in the file"
        )
    if not cleaned.paragraphs:
        warnings.append("no article text after cleaning")
    assert list(article.warnings) == warnings


def test_deeply_nested_front_matter_does_not_crash_the_process() -> None:
    """Front matter nested deeper than the C stack allows must be a warning,
    not a crash of the whole program (libyaml's composer recurses in C)."""
    depth = 100_000
    code = (
        "from pathlib import Path\n"
        "from dateline.model.loading import parse_file\n"
        f"data = b'---\\nx: ' + b'[' * {depth} + b']' * {depth} + b'\\n---\\nThe text.\\n'\n"
        "load = parse_file(data, Path('deep.md'))\n"
        "print(load.articles[0].paragraphs)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPOSITORY
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "('The text.',)\n"


# --- the cleaner ---------------------------------------------------------------------------

# What scraped pages leave in article text, in pieces, so they meet each other
# and the seeds' words in every order.
DEBRIS_PIECES = (
    "Photo:",
    "Photograph credit:",
    "Picture:",
    "Image:",
    "Jeffery Titcomb/REX/Shutterstock",
    "/",
    "Getty Images",
    "AFP",
    "Video Loading",
    "Video Unavailable",
    "Click to play",
    "Tap to play",
    "The video will start in 8",
    "Cancel",
    "Play now",
    "Watch this video again",
    "Video will play in",
    "Share this video",
    "Watch Next",
    "Video:",
    "Watch:",
    "Get daily updates directly to your inbox",
    "+",
    "Subscribe",
    "Thank you for subscribing!",
    "We have more newsletters",
    "See our privacy notice",
    "Could not subscribe, try again later",
    "Invalid Email",
    "Sign up to our daily newsletter",
    "Advertisement",
    "Read more",
    "Related",
    "Share this article",
    "Follow us on Twitter",
    "Comments",
    "Most read",
    "Play video",
    "Watch video",
)
# Marks of every debris pattern in cleaning.py: text in which none of them is
# found, in any case, holds no debris.
DEBRIS_MARKS = (
    "photo",
    "picture",
    "image",
    "video",
    "watch",
    "to play",
    "cancel",
    "play now",
    "get ",
    "subscrib",
    "sign up",
    "thank you",
    "advertisement",
    "read more",
    "most read",
    "related",
    "share this",
    "follow us",
    "comment",
)
SEPARATORS = st.sampled_from([" ", " ", "  ", "\t", "\u00a0", "", "\n", ": ", ". "])
CLEANER_PARAGRAPH = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(DEBRIS_PIECES),
            st.sampled_from(SEED_WORDS),
            st.text(max_size=12),
        ),
        SEPARATORS,
    ),
    max_size=12,
).map(lambda pieces: "".join(piece + sep for piece, sep in pieces))
CLEANER_INPUT = st.lists(st.one_of(CLEANER_PARAGRAPH, ANY_TEXT), max_size=6)


def assert_pieces_in_order(derived: str, source: str) -> None:
    """Every run of non-space characters of `derived` stands in `source`, in
    the same order: the cleaner only takes text out and closes the gaps."""
    position = 0
    for piece in derived.split():
        found = source.find(piece, position)
        assert found >= 0, (piece, derived, source)
        position = found + len(piece)


def tidy(text: str) -> str:
    return re.sub(r"[ \t\u00a0]{2,}", " ", text).strip()


def merge(results: Sequence[CleanedText]) -> CleanedText:
    return CleanedText(
        tuple(p for r in results for p in r.paragraphs),
        tuple(c for r in results for c in r.credits),
        tuple(c for r in results for c in r.captions),
        sum(r.removed for r in results),
    )


@SETTINGS
@given(CLEANER_INPUT)
def test_cleaner_on_any_paragraphs(raw: list[str]) -> None:
    """The cleaner works paragraph by paragraph; from each it keeps at most
    one paragraph, made only of its text; credits and captions come from it
    too; and a paragraph with no debris in it is kept as it is, tidied."""
    cleaned = clean_paragraphs(raw)
    singles = [clean_paragraphs([text]) for text in raw]
    assert cleaned == merge(singles)
    for text, single in zip(raw, singles, strict=True):
        assert len(single.paragraphs) <= 1
        for paragraph in single.paragraphs:
            assert paragraph and paragraph == paragraph.strip()
            assert not re.search(r"[ \t\u00a0]{2}", paragraph), paragraph
            assert_pieces_in_order(paragraph, text)
        for credit in single.credits:
            assert credit and credit in text
        for caption in single.captions:
            assert caption
            assert_pieces_in_order(caption, text)
        if not any(re.search(re.escape(m), text, re.IGNORECASE) for m in DEBRIS_MARKS):
            expected = (tidy(text),) if tidy(text) else ()
            assert single == CleanedText(expected, (), (), 0)


# The seeds' raw paragraphs (split from the files as the loader does), with
# the debris among them marked.
SEED_RAW = [
    (paragraph, index in DEBRIS[article_id])
    for article_id in (SEED_000_ID, SEED_001_ID)
    for index, paragraph in enumerate(raw_paragraphs(article_id))
]
SEED_DEBRIS = [paragraph for paragraph, debris in SEED_RAW if debris]
# What the cleaner keeps of each piece of debris: (credits, captions).
KEPT_OF_DEBRIS = {
    "Photo: Jeffery Titcomb/REX/Shutterstock": (
        ("Photo: Jeffery Titcomb/REX/Shutterstock",),
        (),
    ),
    "Video Loading Video Unavailable Click to play Tap to play The video will start in 8 Cancel"
    " Play now Watch this video again Video will play in Clr Erin Hill responds to Ofsted's"
    " report into children's services Share this video Watch Next": (
        (),
        ("Clr Erin Hill responds to Ofsted's report into children's services",),
    ),
}


@SETTINGS
@given(st.lists(st.sampled_from(SEED_RAW), max_size=12))
def test_cleaner_keeps_seed_paragraphs_and_drops_their_debris(
    raw: list[tuple[str, bool]],
) -> None:
    cleaned = clean_paragraphs([paragraph for paragraph, _ in raw])
    assert cleaned.paragraphs == tuple(paragraph for paragraph, debris in raw if not debris)
    kept = [KEPT_OF_DEBRIS.get(paragraph, ((), ())) for paragraph, debris in raw if debris]
    assert cleaned.credits == tuple(credit for credits, _ in kept for credit in credits)
    assert cleaned.captions == tuple(caption for _, captions in kept for caption in captions)


@SETTINGS
@given(
    st.sampled_from(SEED_000 + SEED_001),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from(SEED_DEBRIS)), max_size=3),
)
def test_debris_inside_a_seed_paragraph_is_taken_out(
    paragraph: str, inserts: list[tuple[int, str]]
) -> None:
    """Debris from the seeds put between any two words of a real paragraph is
    taken out, and the paragraph is left exactly as it was; its credits and
    captions are kept, in order."""
    words = paragraph.split(" ")
    placed = sorted((position % (len(words) + 1), debris) for position, debris in inserts)
    for position, debris in reversed(placed):
        words.insert(position, debris)
    cleaned = clean_paragraphs([" ".join(words)])
    kept = [KEPT_OF_DEBRIS.get(debris, ((), ())) for _, debris in placed]
    assert cleaned.paragraphs == (paragraph,)
    assert cleaned.credits == tuple(credit for credits, _ in kept for credit in credits)
    assert cleaned.captions == tuple(caption for _, captions in kept for caption in captions)


# --- the filter box --------------------------------------------------------------------------

QUERY_PIECES = st.one_of(
    st.text(max_size=8),
    st.sampled_from(['"', "'", "\\", ":", "..", "-", " ", "is:", "date:", "after:", "before:"]),
    st.sampled_from(["who:", "IS:", "unread", "starred", "Paul Holmes", "2017", "-01", "-24"]),
    st.integers(0, 9999).map("{:04d}".format),
    st.integers(0, 99).map("-{:02d}".format),
    st.sampled_from(["person:", "org:", "place:", "said:", "quote:", "on:", "O'Neill", "…"]),
    st.sampled_from(["money", "percent", "count", ">", ">=", "<", "=", ":>", "£", "$", "€"]),
    st.sampled_from(["US$", "GBP", "k", "m", "mn", "bn", "b", "tn", "%", ".", ",", "1,500"]),
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@SETTINGS
@given(st.lists(QUERY_PIECES, max_size=12).map("".join))
@example('""')
@example("date:9999-12")
@example("before:0000-01")
@example("money:>£1,500.5k percent<=12% on:..2017 person:\"O'Neill")
def test_parse_query_on_any_text(text: str) -> None:
    """Whatever is typed in the filter box gives a query, never an error, and
    no blank search word (which would match no article at all)."""
    query = parse_query(text)
    assert isinstance(query, Query)
    for day in (query.after, query.before):
        assert day is None or ISO_DAY.fullmatch(day), day
    assert query.who is None or query.who
    assert all(isinstance(word, str) and word.strip() for word in query.words), query.words
    assert all(isinstance(problem, str) and problem for problem in query.problems)
    query.accepts_date("2017-01-24")
    query.accepts_date("")
    for amount in query.amounts:
        assert amount.kind in ("money", "percent", "count") and amount.value >= 0
        assert amount.unit is None or (amount.kind == "money" and len(amount.unit) == 3)
    for first, last in query.on:
        assert ISO_DAY.fullmatch(first) and ISO_DAY.fullmatch(last) and first <= last
    for name in (*query.people, *query.organizations, *query.places, *query.said, *query.quoted):
        assert any(character.isalnum() for character in name), name
    query.fact_selects()  # each filter becomes SQL, whatever was typed


@st.composite
def date_filters(draw: st.DrawFn) -> tuple[str, tuple[str, str] | None]:
    """A date as the filter box takes it (YYYY, YYYY-MM or YYYY-MM-DD, with
    any year, month and day), and its first and last day, or None when there
    is no such date."""
    year = draw(st.integers(0, 9999))
    form = draw(st.sampled_from(["year", "month", "day"]))
    if form == "year":
        span = (f"{year:04d}-01-01", f"{year:04d}-12-31") if year else None
        return f"{year:04d}", span
    month = draw(st.integers(0, 13))
    if form == "month":
        if not (year and 1 <= month <= 12):
            return f"{year:04d}-{month:02d}", None
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}", (
            f"{year:04d}-{month:02d}-01",
            f"{year:04d}-{month:02d}-{last:02d}",
        )
    day = draw(st.integers(0, 32))
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        return text, (dt.date(year, month, day).isoformat(),) * 2
    except ValueError:
        return text, None


@SETTINGS
@given(
    st.lists(st.sampled_from(["strike", "Kirklees", "union"]), max_size=3),
    st.sampled_from(["date", "after", "before"]),
    date_filters(),
    st.booleans(),
    st.booleans(),
)
def test_parse_query_reads_date_filters(
    words: list[str],
    name: str,
    date: tuple[str, tuple[str, str] | None],
    unread: bool,
    starred: bool,
) -> None:
    """A date filter gives its first and last day, or a problem when there is
    no such date (year 0, month 13, 30 February); never an error."""
    text, span = date
    flags = ["is:unread"] * unread + ["is:starred"] * starred
    query = parse_query(" ".join([*words, f"{name}:{text}", *flags]))
    assert (query.words, query.unread, query.starred) == (tuple(words), unread, starred)
    if span is None:
        if text.startswith("0000") and len(text) == 4:
            return  # year 0 on its own is still taken as written
        assert len(query.problems) == 1 and (query.after, query.before) == (None, None)
        return
    assert query.problems == ()
    first, last = span
    expected = {"date": (first, last), "after": (first, None), "before": (None, last)}[name]
    assert (query.after, query.before) == expected


# --- the facts' stored form ----------------------------------------------------------------


def assert_round_trip(paragraphs: list[str], published: dt.date | None) -> None:
    article = Article(
        id="generated",
        path=Path("generated.txt"),
        date=published,
        title="Generated",
        paragraphs=tuple(paragraphs),
    )
    facts = extract_facts(article)
    data = facts_to_dict(facts)
    assert facts_from_dict(data) == facts
    # As the cache stores it: JSON text.
    stored = json.loads(json.dumps(data, ensure_ascii=False))
    back = facts_from_dict(stored)
    assert back == facts
    assert [type(q.value) for q in back.quantities] == [type(q.value) for q in facts.quantities]
    # The export's `facts` object: the same facts, without problems.
    assert facts_from_dict(export_facts(facts)) == replace(facts, problems=())
    assert isinstance(back, ArticleFacts)


@SETTINGS
@given(ANY_PARAGRAPHS, PUBLISHED)
def test_facts_round_trip_on_any_text(paragraphs: list[str], published: dt.date | None) -> None:
    assert_round_trip(paragraphs, published)


@SETTINGS
@given(SEED_PARAGRAPHS, PUBLISHED)
def test_facts_round_trip_on_seed_fragments(
    paragraphs: list[str], published: dt.date | None
) -> None:
    assert_round_trip(paragraphs, published)
