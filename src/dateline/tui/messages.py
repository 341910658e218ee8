"""What widgets report upward, and what workers send back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from dateline.facts.base import ArticleFacts
from dateline.facts.refs import FactRef
from dateline.model.listing import Listing
from dateline.store.library import IndexProgress, ListingChange

if TYPE_CHECKING:
    from dateline.stories import Story


@dataclass
class ArticleHighlighted(Message, bubble=True):
    """The cursor in the article list rests on an article: preview it."""

    article_id: str


@dataclass
class ArticleOpened(Message):
    """The user opened an article to read it (enter in the list)."""

    article_id: str


@dataclass
class FactSelected(Message):
    """The user picked a fact in the sidebar, or cleared the pick (None)."""

    fact: FactRef | None


@dataclass
class FactsReady(Message):
    """A worker finished extracting one article's facts."""

    article_id: str
    facts: ArticleFacts

    # Facts arrive one article at a time; none may be dropped, so no can_replace.


@dataclass
class ListingChanged(Message):
    """The indexer found new, changed or vanished articles."""

    change: ListingChange
    progress: IndexProgress | None
    listing: Listing | None = None  # a whole new listing, in place of the change


@dataclass
class IndexingDone(Message):
    """Every file under the corpus's paths has been read; these could not be, in full."""

    problems: list[str]


@dataclass
class FactsProgress(Message):
    """The facts worker's progress through the articles that had no facts."""

    done: int
    total: int
    rate: float  # articles per second


@dataclass
class SourceOpened(Message):
    """Open an article at a span of one paragraph, highlighted (from the story screen)."""

    article_id: str
    paragraph: int
    start_char: int
    end_char: int


@dataclass
class StoriesReady(Message):
    """The stories worker grouped the corpus's articles."""

    stories: list[Story]


@dataclass
class LibraryFailed(Message):
    """The library worker could not write the article cache (damaged, full,
    read-only): the app moves to another cache and lists the corpus again."""

    error: Exception


@dataclass
class FeedFetched(Message):
    """The feeds worker finished one feed: a line saying what happened to it."""

    line: str
    failed: bool
    done: int
    total: int


@dataclass
class FeedsFetched(Message):
    """The feeds worker is done with every feed it was asked to fetch."""

    feeds: int  # how many were fetched (0: no subscriptions)
    new: int
    updated: int
    failures: list[str]  # a line for each feed that failed
    problems: list[str]  # with the subscriptions file itself
    scheduled: bool = False  # fetched on the watch's schedule, not asked for with `r`


@dataclass
class ReportRequested(Message):
    """Write this story's report to `path` (asked for in the story screen)."""

    story: Story
    path: Path


@dataclass
class ReportWritten(Message):
    """The report worker is done: the file written, or why it could not be."""

    path: Path
    error: str | None


@dataclass
class FilesChanged(Message):
    """The watch saw files and folders of the corpus change (`--watch`);
    `settling`: files that changed again while they were read."""

    paths: set[Path]
    settling: bool = False


@dataclass
class SavedSearchChosen(Message):
    """The reader chose a saved search: show its articles."""

    name: str
    query: str


@dataclass
class SavedSearchDeleted(Message):
    """The reader asked to delete a saved search."""

    name: str


@dataclass
class SavedSearchCounts(Message, bubble=False):
    """The saved searches' counts of unread articles (None: the query cannot
    be read), from the worker that counts them."""

    unread: dict[str, int | None]
