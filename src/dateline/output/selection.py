"""Which articles a report's `--query` covers.

The one place the report reads a query. Until the query language moves to
`dateline.store.query` (and gains person:, org:, money>1m, on:...), it is the
search box's own (`dateline.model.listing`); switching is a change to
`matching_entries` alone."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from dateline.model.listing import Entry, Listing, parse_query

if TYPE_CHECKING:
    from dateline.store.library import Library


class QueryError(ValueError):
    """A query that cannot be read, in words for the person who typed it."""


def matching_entries(
    listing: Listing,
    query: str,
    library: Library,
    *,
    read: Collection[str] = (),
    starred: Collection[str] = (),
) -> list[Entry]:
    """The listed entries `query` matches, newest first; QueryError for a query
    with a filter that cannot be read (rather than a report of the wrong articles)."""
    parsed = parse_query(query)
    if parsed.problems:
        raise QueryError("; ".join(parsed.problems))
    if parsed.is_empty:
        raise QueryError("the query is empty: give words or filters, such as who:Holmes")
    return listing.view(
        parsed, read=read, starred=starred, search=library.search, mentioning=library.mentioning
    )
