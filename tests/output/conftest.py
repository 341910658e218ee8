"""The seeds' story, built once, and what a report needs of it."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from dateline.facts.base import ArticleFacts
from dateline.facts.extract import extract_facts
from dateline.model.article import Article
from dateline.model.corpus import Corpus
from dateline.output.export import export_document
from dateline.output.report import Report, StoryReport, story_document, story_report
from dateline.stories import group_stories
from tests.conftest import REPOSITORY

Items = list[tuple[Article, ArticleFacts]]


@pytest.fixture(scope="session")
def seed_items(seed_corpus: Corpus) -> Items:
    return [(article, extract_facts(article)) for article in seed_corpus.articles]


@pytest.fixture(scope="session")
def seed_story(seed_items: Items) -> StoryReport:
    (story,) = group_stories(seed_items)
    return story_report(story, {article.id: article for article, _ in seed_items})


@pytest.fixture(scope="session")
def seed_report(seed_story: StoryReport) -> Report:
    # A fixed generator line: the golden file must not change with the version.
    document = story_document([seed_story])
    return Report(document.title, document.stories, document.notes, generator="dateline")


@pytest.fixture(scope="session")
def seed_export(seed_items: Items) -> dict:
    articles = [article for article, _ in seed_items]
    return export_document(articles, [facts for _, facts in seed_items])


def _make_corpus() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package.
    name = "make_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, REPOSITORY / "benchmarks" / "make_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def long_story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict]:
    """One story of 20 articles from benchmarks/make_corpus.py (JSON Lines, with
    links), its report and what the export says of it."""
    folder = tmp_path_factory.mktemp("long-story")
    lines = "".join(article.json_line() for article in _make_corpus().one_story(20))
    (folder / "story.jsonl").write_text(lines, encoding="utf-8")
    articles = Corpus.load([folder]).articles
    facts = [extract_facts(article) for article in articles]
    (exported,) = export_document(articles, facts)["stories"]
    assert len(exported["articles"]) == 20
    items = list(zip(articles, facts, strict=True))
    (story,) = group_stories(items)
    report = story_document([story_report(story, {article.id: article for article in articles})])
    return report, exported
