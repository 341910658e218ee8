"""A corpus: the articles a reader has opened, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.model.article import Article
from dateline.model.ids import clash_groups, numbered_ids, numbered_warning
from dateline.model.loading import LoadProblem, load_paths


def newest_first(article: Article) -> tuple[int, dt.date, str]:
    # Undated articles go last; ties read in file-name order.
    if article.date is None:
        return (1, dt.date.min, article.id)
    return (0, dt.date.max - (article.date - dt.date.min), article.id)


def _without_duplicates(articles: Iterable[Article]) -> tuple[list[Article], int]:
    """The first of each set of identical articles (same `content_hash`), with a
    warning naming where every other copy was, so nothing goes silently; and how
    many copies were left out. One file named twice (a folder and a file in it)
    is the same article, not a copy: it is left out without a word."""
    first: dict[str, int] = {}
    kept: list[Article] = []
    copies: dict[int, list[str]] = {}
    duplicates = 0
    for article in articles:
        key = article.content_hash
        index = first.get(key)
        if index is None:
            first[key] = len(kept)
            kept.append(article)
            continue
        original = kept[index]
        if (article.path, article.line) == (original.path, original.line):
            continue
        duplicates += 1
        copies.setdefault(index, []).append(f"also in {article.location}")
    for index, warnings in copies.items():
        article = kept[index]
        kept[index] = replace(article, warnings=(*article.warnings, *warnings))
    return kept, duplicates


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Articles that share an id (`x.txt` beside `x.md`, one relative path under
    two PATHs) keep it in reading order, newest first, ties by content: the
    first keeps it, the others are numbered, each with a warning. The order
    depends on the articles alone, never on the order they were read in."""
    clashes = clash_groups([article.id for article in articles])
    if not clashes:
        return articles
    plain = {article.id for article in articles}
    unique = list(articles)
    for base, positions in clashes.items():
        positions.sort(key=lambda p: (newest_first(articles[p]), articles[p].content_hash))
        for position, new_id in zip(
            positions, numbered_ids(base, len(positions), plain.__contains__), strict=True
        ):
            if new_id != base:
                article = articles[position]
                warning = numbered_warning(base, new_id)
                unique[position] = replace(
                    article, id=new_id, warnings=(*article.warnings, warning)
                )
    return unique


@dataclass(slots=True)
class Corpus:
    """The articles to read, each shown once under an id of its own. `duplicates`
    counts the identical copies that were folded into the first one found."""

    articles: list[Article]
    problems: list[LoadProblem] = field(default_factory=list)
    duplicates: int = field(init=False, default=0)

    _by_id: dict[str, Article] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        articles, self.duplicates = _without_duplicates(self.articles)
        self.articles = sorted(_unique_ids(articles), key=newest_first)
        self._by_id = {article.id: article for article in self.articles}

    @classmethod
    def load(cls, paths: Iterable[Path]) -> Corpus:
        result = load_paths(paths)
        return cls(result.articles, result.problems)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def get(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)
