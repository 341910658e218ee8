"""The folder of fetched articles: one text file per feed entry, with YAML front
matter, that the loader reads like any other (`data_dir()/feeds/`).

    feeds/
      www.wharfedalegazette.example-1c9e04d2/   one folder per feed, named
        5f0e2b8c41d7a903.txt                    from its address; one file per
                                                entry, named from its guid or link

So a fetched article is an ordinary file: the library caches it, finds its
facts and lists it like the rest, it stays readable offline, and its id (the
file's name, from the entry's key) and its reading state stay the same each
time the entry is fetched again, changed or not. An entry seen again is the
same file written over; the file is only written when the entry changed, so
the library reads it again only then.

The front matter carries title, date, source, url, author, feed, feed_url and
guid, and `warnings` when the text is only the feed's summary because the
linked page could not be read. Values are written as YAML double-quoted
strings with every character YAML does not take as it is escaped, so no
title can break the front matter."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from dateline.sources import fetched_dir
from dateline.sources.article import ArticleParts
from dateline.sources.feeds import short_hash

__all__ = ["entry_file_name", "feed_folder_name", "fetched_dir", "render_entry", "write_entry"]
ENTRY_SUFFIX = ".txt"
_UNSAFE = re.compile(r"[^a-z0-9.-]+")


def feed_folder_name(url: str) -> str:
    """A feed's folder: its host, for a person looking, and a hash of its
    whole address, so two feeds of one site never share a folder."""
    try:
        host = urlsplit(url).hostname or "feed"
    except ValueError:
        host = "feed"
    host = _UNSAFE.sub("-", host.lower()).strip(".-")[:60] or "feed"
    return f"{host}-{short_hash(url)}"


def entry_file_name(key: str) -> str:
    return f"{short_hash(key, 8)}{ENTRY_SUFFIX}"


def _yaml_printable(code: int) -> bool:
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or code >= 0x10000
    )


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar that reads back as the same text
    (lone surrogates, which no file can hold, become U+FFFD)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif _yaml_printable(code):
            out.append(char)
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}")
    out.append('"')
    return "".join(out)


def render_entry(parts: ArticleParts, extra: dict[str, str]) -> str:
    """The file for one entry: front matter, then the paragraphs."""
    lines = ["---"]
    if parts.title:
        lines.append(f"title: {yaml_string(parts.title)}")
    if parts.date is not None:
        lines.append(f"date: {parts.date.isoformat()}")
    elif parts.raw_date:
        lines.append(f"date: {yaml_string(parts.raw_date)}")
    for key, value in {**parts.metadata, **extra}.items():
        if value:
            lines.append(f"{key}: {yaml_string(value)}")
    if parts.warnings:
        lines.append("warnings:")
        lines += [f"  - {yaml_string(warning)}" for warning in parts.warnings]
    lines.append("---")
    # One paragraph to a line, blank lines between. NUL would make the loader
    # take the file for binary: it is shown as its picture, as the loader would.
    body = "\n\n".join(" ".join(p.split()) for p in parts.paragraphs)
    body = body.replace("\x00", "\u2400")
    body = re.sub(r"[\ud800-\udfff]", "\ufffd", body)
    return "\n".join(lines) + "\n\n" + body + "\n"


def write_entry(path: Path, text: str) -> None:
    """Write the file whole or not at all: a reader (or a second Dateline)
    never sees half of one. The temporary file is a dot-file, which the
    loader never reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
