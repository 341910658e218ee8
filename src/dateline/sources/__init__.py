"""Where articles come from beyond Dateline's own text formats: saved web pages,
feed files, subscription lists, and feeds fetched over HTTP.

One module per format or protocol:

- `html`: an article page (trafilatura), and the HTML inside a feed entry;
- `feeds`: RSS 0.9x/1.0/2.0 and Atom (feedparser), `jsonfeed`: JSON Feed;
- `opml` and `newsboat`: subscription lists to import;
- `fetch`: HTTP with limits (httpx); `subscriptions`: the feeds a reader
  follows, in SQLite; `fetched`: the folder of fetched entries, one file each;
  `update`: `dateline fetch`, all of them together.

The loader (`dateline.model.loading`) hands the files it finds with these
suffixes to `parse_source`. This module stays light: trafilatura, feedparser
and httpx are imported only when a page, a feed or a fetch needs them, so
opening the seeds pays for none of them. Nothing here imports Textual."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dateline.config import data_dir

if TYPE_CHECKING:
    from dateline.model.loading import FileLoad

HTML_SUFFIXES = frozenset({".html", ".htm"})
# `.xml` and `.json` hold other things too: such a file that is not a feed is
# skipped with a message naming it, like any file that cannot be read.
FEED_SUFFIXES = frozenset({".rss", ".rdf", ".atom", ".xml", ".json"})
SOURCE_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES
# Lists of subscriptions, not articles: `dateline feeds import` reads them.
SUBSCRIPTION_LIST_SUFFIXES = frozenset({".opml"})
# What `parse_source` answers for: a subscription list named on the command
# line gets a message saying what to do with it.
PARSED_SUFFIXES = SOURCE_SUFFIXES | SUBSCRIPTION_LIST_SUFFIXES
# The folder of fetched articles, in the data folder (see `fetched`).
FETCHED_FOLDER = "feeds"


def fetched_dir() -> Path:
    """Where fetched articles are kept: one file per entry (see `fetched`)."""
    return data_dir() / FETCHED_FOLDER


def parse_source(data: bytes, path: Path) -> FileLoad:
    """The articles in a saved page or a feed file, or why there are none."""
    from dateline.model.loading import FileLoad
    from dateline.model.problems import LoadProblem

    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from dateline.sources.html import page_article

        loaded = page_article(data, path)
        if isinstance(loaded, LoadProblem):
            return FileLoad([], [loaded])
        return FileLoad([loaded], [])
    if suffix in SUBSCRIPTION_LIST_SUFFIXES:
        message = "a list of subscriptions, not articles: import it with dateline feeds import"
        return FileLoad([], [LoadProblem(path, message)])
    from dateline.sources.feeds import feed_file_articles

    return feed_file_articles(data, path)
