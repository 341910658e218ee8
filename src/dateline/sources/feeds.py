"""Feeds: RSS 0.9x, 1.0 and 2.0 and Atom through feedparser, JSON Feed through
`jsonfeed`; each entry an article.

feedparser is given the bytes, never a name: handed a string it would take it
for a URL or a file name and fetch or open it. A feed it reads only in part
(malformed XML that its loose parser gets through) gives the entries it
found, with a warning; one it cannot read gives a reason in words.

An entry is the same entry when it has the same guid (Atom's id), or, when it
has none, the same link; with neither, the same title and date. That key
names the article: in a feed file its id is the file name plus `#` and a
short hash of the key, so that it stays the same when the feed gains or
loses entries (a line number would not)."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.model.problems import LoadProblem
from dateline.model.sanitize import inert, strip_invisible
from dateline.sources.article import ArticleParts, build_article, paragraphs_of_text

_KINDS = {
    "rss090": "RSS 0.90",
    "rss091n": "RSS 0.91",
    "rss091u": "RSS 0.91",
    "rss092": "RSS 0.92",
    "rss093": "RSS 0.93",
    "rss094": "RSS 0.94",
    "rss20": "RSS 2.0",
    "rss10": "RSS 1.0",
    "rss": "RSS",
    "atom01": "Atom 0.1",
    "atom02": "Atom 0.2",
    "atom03": "Atom 0.3",
    "atom10": "Atom 1.0",
    "atom": "Atom",
    "cdf": "CDF",
}
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_FEED_LINK = re.compile(
    r"<link\b[^>]*\btype=[\"']application/(?:rss|atom|feed)\+(?:xml|json)[\"'][^>]*>", re.I
)
_HREF = re.compile(r"\bhref=[\"']([^\"']+)[\"']", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class NotAFeed(Exception):
    """The bytes are not a feed that can be read; the message says why, in words."""


@dataclass(slots=True, frozen=True)
class FeedEntry:
    """One entry, as the feed gave it (untrusted text), its HTML made paragraphs."""

    key: str  # what makes it the same entry: the guid, else the link, else title and date
    guid: str
    link: str
    title: str
    raw_date: str
    date: dt.date | None
    author: str
    # The whole article when the feed carries it; () when it has only a summary.
    content: tuple[str, ...]
    summary: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Feed:
    title: str
    link: str  # the site's address
    kind: str  # "RSS 2.0", "Atom 1.0", "JSON Feed 1.1"
    entries: tuple[FeedEntry, ...]
    # Set when the feed was read only in part (malformed XML): why.
    problem: str = ""


def read_feed(data: bytes, *, url: str = "", content_type: str = "") -> Feed:
    """The feed in `data`; raises NotAFeed with the reason when there is none.
    `url` resolves relative links; `content_type` is the server's word for it."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"["):
        from dateline.sources.jsonfeed import read_json_feed

        return read_json_feed(data, url=url)
    if not start:
        raise NotAFeed("empty, not a feed")
    import feedparser

    headers = {"content-location": url} if url else {}
    # The server's type, when it has one, else XML's own: feedparser warns
    # of a missing type and would treat an HTML one as "not XML".
    headers["content-type"] = content_type or "application/xml"
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    version = parsed.get("version", "")
    entries = parsed.get("entries", [])
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    malformed = _malformed(error)
    if not version and not entries:
        raise NotAFeed(_why_not_a_feed(data, content_type, malformed))
    if malformed and not entries:
        raise NotAFeed(f"malformed XML: {malformed}")
    feed = parsed.get("feed", {})
    title = _text(feed.get("title", ""), feed.get("title_detail"))
    return Feed(
        title=title,
        link=feed.get("link", "") or "",
        kind=_KINDS.get(version, "feed"),
        entries=tuple(_entry(entry, title) for entry in entries),
        problem=f"malformed XML ({malformed}); read as far as it goes" if malformed else "",
    )


def _malformed(error: object) -> str:
    """What was wrong with the XML, or "" for feedparser's harmless notes (a
    missing content type, an encoding that had to be guessed)."""
    if error is None:
        return ""
    get_line = getattr(error, "getLineNumber", None)
    get_message = getattr(error, "getMessage", None)
    if get_line is None or get_message is None:
        return ""
    return f"{get_message()} at line {get_line()}"


def _why_not_a_feed(data: bytes, content_type: str, malformed: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if kind in _HTML_TYPES or _HTML_START.match(data[:4096]):
        found = discovered_feeds(data)
        hint = f"; it names a feed: {found[0]}" if found else ""
        return f"not a feed but a web page{hint}"
    if malformed:
        return f"malformed XML: {malformed}"
    if data.lstrip()[:1] == b"<":
        return "XML, but neither RSS nor Atom"
    return "not a feed (neither XML nor JSON)"


def discovered_feeds(page: bytes) -> list[str]:
    """The feeds a web page names in its <link rel="alternate"> elements."""
    head = page[:200_000].decode("utf-8", "replace")
    found = []
    for link in _FEED_LINK.findall(head):
        if (href := _HREF.search(link)) is not None:
            found.append(href.group(1))
    return found


def _text(value: str, detail: Any) -> str:
    """A title or name as text: feedparser keeps HTML titles as HTML."""
    value = value or ""
    if detail is not None and detail.get("type") in _HTML_TYPES:
        from dateline.sources.html import fragment_text

        return fragment_text(value)
    return value


def _paragraphs(value: str, kind: str) -> tuple[str, ...]:
    if not value.strip():
        return ()
    if kind in ("text/plain", "text"):
        return tuple(paragraphs_of_text(value))
    from dateline.sources.html import fragment_paragraphs

    return tuple(fragment_paragraphs(value))


def _entry(entry: Any, feed_title: str) -> FeedEntry:
    guid = (entry.get("id") or "").strip()
    link = (entry.get("link") or "").strip()
    title = _text(entry.get("title", ""), entry.get("title_detail"))
    raw_date = ""
    parsed_date = None
    for name in ("published", "updated", "created"):
        # dict.get: feedparser's own get maps a missing `updated` to
        # `published`, with a deprecation warning.
        if dict.get(entry, name):
            raw_date = dict.get(entry, name)
            parsed_date = dict.get(entry, f"{name}_parsed")
            break
    content: tuple[str, ...] = ()
    for item in entry.get("content") or ():
        content = _paragraphs(item.get("value", ""), item.get("type", "text/html"))
        if content:
            break
    summary_detail = entry.get("summary_detail") or {}
    summary = _paragraphs(entry.get("summary", ""), summary_detail.get("type", "text/html"))
    author = entry.get("author") or ""
    if not author and entry.get("authors"):
        author = ", ".join(a.get("name", "") for a in entry["authors"] if a.get("name"))
    return FeedEntry(
        key=entry_key(guid, link, title, raw_date),
        guid=guid,
        link=link,
        title=title,
        raw_date=raw_date,
        date=entry_date(raw_date, parsed_date),
        author=author,
        content=content,
        summary=summary,
    )


def entry_key(guid: str, link: str, title: str, raw_date: str) -> str:
    if guid:
        return f"guid:{guid}"
    if link:
        return f"link:{link}"
    return f"title:{title}\n{raw_date}"


def short_hash(text: str, size: int = 4) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).hexdigest()


def entry_date(raw: str, parsed: Any = None) -> dt.date | None:
    """The day the entry was published, as its publisher counts days: the date
    in its own time zone, not UTC (feedparser's parsed dates are UTC, which
    moves an evening story in New York to the next day)."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    if parsed:
        try:
            return dt.date(parsed[0], parsed[1], parsed[2])
        except (TypeError, ValueError, IndexError):
            pass
    from dateline.model.loading import parse_publication_date

    return parse_publication_date(raw)


def entry_parts(feed: Feed, entry: FeedEntry, *, name: str = "") -> ArticleParts:
    """What an entry says, for an article: its full content, else its summary.
    `name` is what the reader calls the feed, when not its own title."""
    metadata = {
        "source": name or feed.title,
        "url": entry.link,
        "author": entry.author,
        "feed": name or feed.title,
    }
    warnings = [f"the feed is {feed.problem}"] if feed.problem else []
    return ArticleParts(
        title=entry.title,
        date=entry.date,
        raw_date=entry.raw_date,
        paragraphs=list(entry.content or entry.summary),
        metadata={key: value for key, value in metadata.items() if value},
        warnings=warnings,
    )


def feed_file_articles(data: bytes, path: Path) -> Any:
    """A saved feed file's entries as articles (the loader's `FileLoad`). The
    file is read as it is: a summary stays a summary, nothing is fetched."""
    from dateline.model.loading import FileLoad

    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileLoad([], [LoadProblem(path, "binary file, not text")])
    try:
        feed = read_feed(data)
    except NotAFeed as error:
        return FileLoad([], [LoadProblem(path, _one_line(str(error)))])
    except (RecursionError, MemoryError):
        return FileLoad([], [LoadProblem(path, "not a feed (nested too deeply)")])
    articles = [
        build_article(
            f"{path.stem}#{short_hash(entry.key)}",
            path,
            entry_parts(feed, entry),
            what="feed entry",
        )
        for entry in feed.entries
    ]
    if not articles:
        message = f"{feed.kind} feed with no entries ({feed.title or 'untitled'})"
        return FileLoad([], [LoadProblem(path, _one_line(message))])
    return FileLoad(articles, [])


def _one_line(message: str) -> str:
    """A message that may quote the file (a title, an address), shown inert."""
    return " ".join(strip_invisible(inert(message))[0].split())
