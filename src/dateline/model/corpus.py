"""A corpus: the articles a reader has opened, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.model.article import Article
from dateline.model.loading import LoadProblem, load_paths


def newest_first(article: Article) -> tuple[int, dt.date, str]:
    # Undated articles go last; ties read in file-name order.
    if article.date is None:
        return (1, dt.date.min, article.id)
    return (0, dt.date.max - (article.date - dt.date.min), article.id)


def _unique_ids(articles: Iterable[Article]) -> list[Article]:
    """Two files of one name in different folders would share an id; the
    later one gets a numbered id, and a warning says so."""
    seen: set[str] = set()
    unique: list[Article] = []
    for article in articles:
        if article.id in seen:
            number = 2
            while f"{article.id}~{number}" in seen:
                number += 1
            new_id = f"{article.id}~{number}"
            warning = f"another file is also called {article.path.name}; this one's id is {new_id}"
            article = replace(article, id=new_id, warnings=(*article.warnings, warning))
        seen.add(article.id)
        unique.append(article)
    return unique


@dataclass(slots=True)
class Corpus:
    articles: list[Article]
    problems: list[LoadProblem] = field(default_factory=list)

    _by_id: dict[str, Article] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.articles = sorted(_unique_ids(self.articles), key=newest_first)
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

    def matching(self, query: str) -> Sequence[Article]:
        """Articles whose headline or text contains every word of `query`, in order."""
        words = query.casefold().split()
        if not words:
            return self.articles
        matches = []
        for article in self.articles:
            haystack = f"{article.title}\n{article.text}".casefold()
            if all(word in haystack for word in words):
                matches.append(article)
        return matches
