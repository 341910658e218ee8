"""JSON Feed (versions 1 and 1.1, jsonfeed.org), read with the standard
library: feedparser 6, the current release, reads only XML feeds, and the
format is small and fully specified."""

from __future__ import annotations

import json
from typing import Any

from dateline.sources.article import paragraphs_of_text
from dateline.sources.feeds import Feed, FeedEntry, NotAFeed, entry_date, entry_key

_VERSION_PREFIX = "https://jsonfeed.org/version/"


def read_json_feed(data: bytes, *, url: str = "") -> Feed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotAFeed("JSON, but not UTF-8 text") from None
    except RecursionError:
        raise NotAFeed("not valid JSON (nested too deeply)") from None
    except ValueError as error:
        message = getattr(error, "msg", "a number with too many digits")
        raise NotAFeed(f"not valid JSON ({message})") from None
    if not isinstance(document, dict):
        raise NotAFeed("JSON, but not a JSON Feed (not an object)")
    version = document.get("version")
    if not isinstance(version, str) or not version.startswith(_VERSION_PREFIX):
        raise NotAFeed(f'JSON, but not a JSON Feed (no "version": "{_VERSION_PREFIX}1.1")')
    items = document.get("items")
    if not isinstance(items, list):
        raise NotAFeed('a JSON Feed with no "items" list')
    title = _string(document.get("title"))
    return Feed(
        title=title,
        link=_string(document.get("home_page_url")),
        kind=f"JSON Feed {version.removeprefix(_VERSION_PREFIX)}",
        entries=tuple(_entry(item) for item in items if isinstance(item, dict)),
    )


def _string(value: Any) -> str:
    # A number where a string belongs (an id of 42) is kept as its text.
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _author(item: dict[str, Any]) -> str:
    authors = item.get("authors")
    if not isinstance(authors, list):
        authors = [item.get("author")]  # version 1's single author
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(name for name in names if name)


def _entry(item: dict[str, Any]) -> FeedEntry:
    from dateline.sources.html import fragment_paragraphs

    guid = _string(item.get("id")).strip()
    link = (_string(item.get("url")) or _string(item.get("external_url"))).strip()
    title = _string(item.get("title"))
    raw_date = _string(item.get("date_published")) or _string(item.get("date_modified"))
    content: tuple[str, ...] = ()
    if html := _string(item.get("content_html")):
        content = tuple(fragment_paragraphs(html))
    if not content and (text := _string(item.get("content_text"))):
        content = tuple(paragraphs_of_text(text))
    summary = tuple(paragraphs_of_text(_string(item.get("summary"))))
    return FeedEntry(
        key=entry_key(guid, link, title, raw_date),
        guid=guid,
        link=link,
        title=title,  # plain text, by the specification: markup in it is shown as written
        raw_date=raw_date,
        date=entry_date(raw_date),
        author=_author(item),
        content=content,
        summary=summary,
    )
