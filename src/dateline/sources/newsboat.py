"""newsboat's `urls` file: one feed a line, the address first, then tags.

    https://example.org/feed.xml news "tag with spaces" ~"Title by hand" !hidden
    # a comment
    "query:Unread:unread = \"yes\""

A tag that starts with `~` is the feed's title; `!` hides it in newsboat (it
is imported all the same). Query feeds are newsboat's own searches, and
`exec:` and `filter:` addresses run a program: Dateline runs no program
named in a file, so those lines are skipped, each with the reason."""

from __future__ import annotations

import shlex

from dateline.sources.opml import ListedFeed, SubscriptionList


def read_urls(text: str) -> SubscriptionList:
    found = SubscriptionList()
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=False, posix=True)
        except ValueError:  # an unclosed quotation mark
            words = line.replace('"', " ").split()
        if not words:
            continue
        url, tags = words[0], words[1:]
        lowered = url.lower()
        if lowered.startswith("query:"):
            found.skipped.append(f"line {number}: a newsboat query feed, not a feed to fetch")
            continue
        if lowered.startswith(("exec:", "filter:")):
            found.skipped.append(
                f"line {number}: {lowered.split(':')[0]}: runs a program; Dateline runs no"
                " program named in a file"
            )
            continue
        if not lowered.startswith(("http://", "https://")):
            found.skipped.append(f"line {number}: {url[:80]!r} is not a web address")
            continue
        if url in seen:
            continue
        seen.add(url)
        title = next((tag[1:] for tag in tags if tag.startswith("~")), "")
        kept = tuple(tag for tag in tags if not tag.startswith(("~", "!")))
        found.feeds.append(ListedFeed(url, title, kept))
    return found
