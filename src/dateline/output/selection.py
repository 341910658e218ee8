"""Which articles a report's or an export's `--query` covers.

The one place what leaves Dateline reads a query: in the language of the
search box, parsed and answered by `dateline.store.query`."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from dateline.model.listing import Entry, Listing
from dateline.store.query import matching, parse_query

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
    return matching(listing, parsed, library, read=read, starred=starred).all()
