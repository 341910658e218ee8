"""`dateline report`: a story's report, in Markdown or one HTML file.

    dateline report [PATH ...] [--feeds] --story ID|--query "..." [--format markdown|html] [-o FILE]

`--story` takes a story's id (`s:` and its earliest article's id, as the
export gives it; stable) or its number (`1`, the newest story; for display).
`--query` reports the stories among the articles the query matches (the
search box's language); when they form none, the matching articles are
reported together as one group, up to `GROUP_LIMIT` of them. The articles
are read through the cache, as `dateline export` reads them. Textual is
never imported."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.cli import (
    EXIT_BAD_INPUT,
    WORKERS_FROM,
    _fail,
    _nothing_readable,
    _write_out,
    add_corpus_arguments,
    corpus_paths,
)

if TYPE_CHECKING:
    from dateline.facts.base import ArticleFacts
    from dateline.model.article import Article
    from dateline.model.listing import Entry, Listing
    from dateline.output.report import Report
    from dateline.store.library import Library

    Items = list[tuple[Article, ArticleFacts]]

# Articles that form no story are reported together up to this many: past it
# a report of everything they say is no longer about one thing.
GROUP_LIMIT = 50


def _parser() -> argparse.ArgumentParser:
    from dateline.output.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="dateline report",
        description="Write a story's report: its timeline with every source's sentence, "
        "who's who, figures side by side and quotes by speaker, each line pointing back "
        "to its article.",
    )
    add_corpus_arguments(parser)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--story",
        metavar="ID",
        help="the story's id (s:... as in the export) or its number (1 is the newest)",
    )
    which.add_argument(
        "--query",
        metavar="QUERY",
        help="the stories among the articles this search matches (the search box's "
        "language: words, who:, person:, said:, money>1m, on:2017-01, date:, source:, ...); "
        "the matching articles as one group when they form none",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from the output file's suffix (.md, .html), else markdown",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    return parser


def report_main(args: list[str]) -> int:
    options = _parser().parse_args(args)
    paths = corpus_paths(options)
    if paths is None:
        return EXIT_BAD_INPUT
    from dateline.output.report import FORMAT_OF_SUFFIX, render

    fmt = options.format
    if fmt is None:
        suffix = options.output.suffix.lower() if options.output else ""
        fmt = FORMAT_OF_SUFFIX.get(suffix, "markdown")
    loaded = _load(paths, options.query)
    if isinstance(loaded, int):
        return loaded
    document = _document(loaded, story=options.story, query=options.query)
    if isinstance(document, int):
        return document
    return _write_out(render(document, fmt), options.output)


def _load(paths: list[Path], query: str | None) -> Items | int:
    """The articles with their facts (all, or those `query` matches), through
    the cache; an exit status when there are none."""
    from dateline.model.listing import Listing, as_listed
    from dateline.output.selection import QueryError
    from dateline.store.library import Library

    library = Library.open()
    try:
        for problem in library.problems:
            _fail(problem)
        progress = library.index(paths, lambda change, progress: None)
        for problem in [*progress.problems, *library.file_problems(paths)]:
            _fail(f"skipped {problem}")
        listing = Listing(library.entries(paths))
        if not listing.entries:
            return _nothing_readable(paths)
        # Facts first, for every article: the query's filters may ask about
        # them (who:), and the stories are grouped by them.
        _find_facts(library, [entry.rowid for entry in listing.entries])
        entries = listing.entries
        if query is not None:
            try:
                entries = _matching(listing, query, library)
            except QueryError as error:
                _fail(f"cannot read the query {query!r}: {error}")
                return EXIT_BAD_INPUT
            if not entries:
                _fail(f"no article matches {query!r}")
                return EXIT_BAD_INPUT
        items = []
        for entry in entries:
            article, facts = library.article(entry.rowid), library.facts(entry.rowid)
            if article is not None and facts is not None:
                items.append((as_listed(article, entry), facts))
        return items
    finally:
        library.close()


def _find_facts(library: Library, rowids: list[int]) -> None:
    """The facts of these articles that the cache does not hold, found as the
    export finds them: in worker processes when there are many."""
    if len(library.without_facts(rowids)) < WORKERS_FROM:
        library.extract_missing(lambda done, total, rate: None, rowids=rowids)
        return
    from dateline.config import load_config
    from dateline.facts.workers import FactFinder

    with FactFinder[int](budget=load_config()[0].facts_time_budget) as finder:
        library.extract_missing(lambda done, total, rate: None, finder=finder, rowids=rowids)


def _matching(listing: Listing, query: str, library: Library) -> list[Entry]:
    """The entries a query matches, with the reading state for is:unread and is:starred."""
    from dateline.output.selection import matching_entries
    from dateline.store.state import ReadingState

    state = ReadingState.open()
    try:
        return matching_entries(
            listing, query, library, read=state.read_keys(), starred=state.starred_keys()
        )
    finally:
        state.close()


def _document(items: Items, *, story: str | None, query: str | None) -> Report | int:
    """The report to write, or an exit status after saying why there is none."""
    from dateline.output.report import count, story_document, story_report
    from dateline.stories import build_story, group_articles

    by_id = {article.id: (article, facts) for article, facts in items}
    articles = {article.id: article for article, _ in items}
    groups = group_articles(items)
    if story is not None:
        wanted = story.strip()
        for number, members in enumerate(groups, start=1):
            if f"s:{members[0]}" == wanted or wanted.lstrip("§") == str(number):
                built = build_story([by_id[article_id] for article_id in members], number)
                return story_document([story_report(built, articles)])
        known = ", ".join(f"s:{members[0]}" for members in groups[:3])
        more = f" ({known}{', ...' if len(groups) > 3 else ''})" if groups else ""
        _fail(
            f"no story {wanted!r} among the {count(len(groups), 'story')} of these"
            f" articles{more};"
            " a story is named by its id (dateline export lists them) or its number"
        )
        return EXIT_BAD_INPUT
    assert query is not None
    notes = [f"Articles matching “{query}”: {len(items)}."]
    if groups:
        in_story = {article_id for members in groups for article_id in members}
        left = len(items) - len(in_story)
        if left:
            notes.append(f"{left} of them are in no story and are not in this report.")
        stories = [
            build_story([by_id[article_id] for article_id in members], number)
            for number, members in enumerate(groups, start=1)
        ]
        reports = [story_report(built, articles) for built in stories]
        return story_document(reports, notes, title=f"Stories in the articles matching “{query}”")
    if len(items) > GROUP_LIMIT:
        _fail(
            f"{len(items)} articles match {query!r} and form no story; a report of articles"
            f" that form none takes up to {GROUP_LIMIT}: narrow the query"
        )
        return EXIT_BAD_INPUT
    notes.append("They form no story: they are reported together, as one group.")
    built = replace(build_story(items, 1), title=f"Articles matching “{query}”")
    return story_document([story_report(built, articles, grouped=False)], notes, title=built.title)
