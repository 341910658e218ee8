"""What an article is called: its id, which depends only on the corpus named.

An article's id is its file's path relative to the PATH it was found under (a
folder named on the command line, or the file itself), without the extension,
with `/` between folders: `000_2251fc9ddb0dfb63` for a seed opened as
`seeds/`, `2017/01/council-strike` for `news/2017/01/council-strike.txt`
opened as `news/`. Line N of a JSON Lines file adds `#N`
(`part-0000#17`). Nothing else goes into it: not the cache, not what was
opened before, not the other files.

Two articles of one corpus can still come to one id: `x.txt` beside `x.md`,
`part#1.txt` beside line 1 of `part.jsonl`, or one relative path under two
PATHs. Then the first in reading order (newest first; on one day, by content
hash) keeps it, and the others are numbered `x~2`, `x~3`, ... (skipping any
id another article has as its own), each with a warning that says so. The
order depends on the articles alone, so the same files give the same ids
every time.

What the reading state follows is not the id but `Article.reading_key`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

from dateline.model.sanitize import inert

# Files that hold one article a line; the id of each adds its line number.
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# A compressed file keeps the suffix of what it holds: part.jsonl.gz is JSON Lines.
COMPRESSED_SUFFIXES = (".gz",)


def file_stem(name: str) -> str:
    """The file name without its extension (and without `.gz` before that)."""
    return _split(name)[0]


def file_suffix(name: str) -> str:
    """The extension that says what the file holds, lower case: `.jsonl` for
    `part.JSONL.gz` (`is_compressed` says whether it is compressed)."""
    return _split(name)[1]


def is_compressed(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in COMPRESSED_SUFFIXES


def _split(name: str) -> tuple[str, str]:
    root, suffix = os.path.splitext(name)
    if suffix.lower() in COMPRESSED_SUFFIXES:
        root, suffix = os.path.splitext(root)
    return root or name, suffix.lower()


def article_name(file_name: str, line: int | None = None) -> str:
    """The id of an article directly under its PATH: the file's stem, plus
    `#N` for line N of a JSON Lines file. File names are untrusted: made inert."""
    stem = inert(file_stem(file_name))
    return stem if line is None else f"{stem}#{line}"


class CorpusIds:
    """The ids of articles found under one PATH (an absolute path: a folder,
    or a file named directly, which is its own PATH and whose id is its name).
    Each folder's prefix is worked out once, so a listing of 100,000 articles
    pays a dictionary look-up each."""

    __slots__ = ("_prefixes", "_root")

    def __init__(self, root: str) -> None:
        self._root = root.rstrip(os.sep)
        self._prefixes: dict[str, str] = {}

    def id(self, file: str, name: str) -> str:
        """The id of the article `name` (see `article_name`) of `file`, an
        absolute path at or under the PATH."""
        folder = file[: file.rfind(os.sep)]  # os.path.dirname, at a tenth of the cost
        prefix = self._prefixes.get(folder)
        if prefix is None:
            prefix = self._prefix(folder)
            self._prefixes[folder] = prefix
        return prefix + name

    def _prefix(self, folder: str) -> str:
        if not folder.startswith(self._root + os.sep):
            return ""  # the PATH itself, or a file directly in it
        relative = folder[len(self._root) + 1 :]
        return inert(relative.replace(os.sep, "/")) + "/"


def numbered_ids(base: str, count: int, taken: Callable[[str], bool]) -> list[str]:
    """The ids of `count` articles that share `base`, in their order: the first
    keeps it, the others are `base~2`, `base~3`, ..., skipping ids `taken` by
    other articles as their own."""
    ids = [base][:count]
    number = 2
    while len(ids) < count:
        candidate = f"{base}~{number}"
        number += 1
        if not taken(candidate):
            ids.append(candidate)
    return ids


def numbered_warning(base: str, article_id: str) -> str:
    return f"another article in this corpus has the id {base}; this one's id is {article_id}"


_OLD_LINE = re.compile(r"#(\d+)(?:~\d+)?\Z")


def name_from_old_id(file_name: str, old_id: str) -> str:
    """`article_name` for an article a cache of schema 2 or older stored under
    the id it had then (`story`, `story~2`, `part#3`, `part#3~2`)."""
    if file_suffix(file_name) not in JSON_LINES_SUFFIXES:
        return article_name(file_name)
    match = _OLD_LINE.search(old_id)
    return article_name(file_name, int(match[1])) if match else old_id


def clash_groups(bases: Sequence[str]) -> dict[str, list[int]]:
    """Positions of the bases that more than one article shares."""
    positions: dict[str, list[int]] = {}
    for position, base in enumerate(bases):
        positions.setdefault(base, []).append(position)
    return {base: found for base, found in positions.items() if len(found) > 1}
