"""A corpus: the articles a reader has opened, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model.article import Article
from dateline.model.loading import LoadProblem, load_paths


def newest_first(article: Article) -> tuple[int, dt.date, str]:
    # Undated articles go last; ties read in file-name order.
    if article.date is None:
        return (1, dt.date.min, article.id)
    return (0, dt.date.max - (article.date - dt.date.min), article.id)


@dataclass(slots=True)
class Corpus:
    articles: list[Article]
    problems: list[LoadProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.articles = sorted(self.articles, key=newest_first)

    @classmethod
    def load(cls, paths: Iterable[Path]) -> Corpus:
        result = load_paths(paths)
        return cls(result.articles, result.problems)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def get(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def matching(self, query: str) -> Sequence[Article]:
        """Articles whose headline or text contains every word of `query`, in order."""
        words = query.casefold().split()
        if not words:
            return self.articles
        return [
            article
            for article in self.articles
            if all(w in (article.title + "\n" + article.text).casefold() for w in words)
        ]
