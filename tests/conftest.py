"""Shared fixtures: the seed corpus, and an environment with no user config,
no user themes and a private data folder, so no test sees the developer's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model.article import Article
from dateline.model.corpus import Corpus

REPOSITORY = Path(__file__).resolve().parent.parent
SEEDS = REPOSITORY / "seeds"
SEED_000 = "000_2251fc9ddb0dfb63"
SEED_001 = "001_2d0c5c05bb21721c"


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("dateline-home")
    for variable, name in (
        ("DATELINE_CONFIG_DIR", "config"),
        ("DATELINE_DATA_DIR", "data"),
        ("DATELINE_CACHE_DIR", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / name))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return home


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    return Corpus.load([SEEDS])


@pytest.fixture(scope="session")
def seed_000(seed_corpus: Corpus) -> Article:
    article = seed_corpus.get(SEED_000)
    assert article is not None
    return article


@pytest.fixture(scope="session")
def seed_001(seed_corpus: Corpus) -> Article:
    article = seed_corpus.get(SEED_001)
    assert article is not None
    return article
