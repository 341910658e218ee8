"""OPML subscription lists (the export of most feed readers), read with
listparser. listparser is given the bytes: handed a string that starts with
http it would fetch it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class ListedFeed:
    """A feed named in a subscription list."""

    url: str
    title: str = ""
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class SubscriptionList:
    feeds: list[ListedFeed] = field(default_factory=list)
    # Lines or outlines that were left out, and why, in words.
    skipped: list[str] = field(default_factory=list)


def read_opml(data: bytes) -> SubscriptionList:
    import listparser

    parsed = listparser.parse(data)
    found = SubscriptionList()
    if parsed.get("bozo") and not parsed.get("feeds"):
        error = parsed.get("bozo_exception")
        found.skipped.append(f"not an OPML subscription list ({error or 'nothing found'})")
        return found
    for feed in parsed.get("feeds", []):
        url = (feed.get("url") or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            found.skipped.append(f"{url or '(no address)'}: not a web address")
            continue
        # listparser merges a feed listed twice; its folders become tags.
        tags = tuple(dict.fromkeys(tag for path in feed.get("categories", []) for tag in path))
        found.feeds.append(ListedFeed(url, (feed.get("title") or "").strip(), tags))
    return found
