"""A failure while finding or storing one article's facts stays with that
article (issue 16): a warning on it, its other facts kept where they can be,
and nothing of it reaches another article, another command or the next start."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dateline.cli import main
from dateline.config import Config
from dateline.facts import extract
from dateline.facts.base import ArticleFacts, Quantity
from dateline.model.article import Article
from dateline.resources import themes_dir
from dateline.store.library import Library
from dateline.store.state import ReadingState
from dateline.tui.app import DatelineApp
from tests.conftest import SEED_000, SEED_001, SEEDS
from tests.tui.test_keys import SIZE
from tests.tui.test_library_keys import wait_for_index

PLANTED = "The new depot cost a sum nobody could write down, the council said on Monday."
# Python will not turn an integer of more than 4,300 digits into text: this is
# what a run of 4,400 digits in an amount became, and json.dumps raised.
TOO_LONG = 10**4400
LEFT_OUT = (
    "1 facts could not be stored and are left out:"
    " ValueError: Exceeds the limit (4300 digits) for integer string conversion"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in (SEED_000, SEED_001):
        shutil.copy(SEEDS / f"{seed}.txt", folder)
    (folder / "depot.txt").write_text(f" date 2017-01-20 {PLANTED}\n")
    return folder


def plant(monkeypatch: pytest.MonkeyPatch, failure: str) -> Callable[[], None]:
    """Make fact finding fail for the planted article only, as `failure` says;
    return what puts the real extractor back. (Not `monkeypatch.undo`: that
    would also undo the private folders every test runs in.)"""
    real = extract.extract_facts

    def extract_facts(article: Article, *args: Any, **kwargs: Any) -> ArticleFacts:
        facts = real(article, *args, **kwargs)
        if PLANTED not in article.text:
            return facts
        if failure == "raise":
            raise RecursionError("maximum recursion depth exceeded")
        amount = Quantity("a sum", 0, 19, 24, "money", TOO_LONG, "GBP")
        return replace(facts, quantities=(*facts.quantities, amount))

    monkeypatch.setattr(extract, "extract_facts", extract_facts)
    return lambda: monkeypatch.setattr(extract, "extract_facts", real)


def export(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, Any]:
    assert main(["export", *map(str, paths), "--format", "json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("failure", "warning"),
    [
        ("too-long", LEFT_OUT),
        ("raise", "facts could not be found: RecursionError: maximum recursion depth exceeded"),
    ],
)
async def test_a_failure_with_one_articles_facts_stays_with_it(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
    warning: str,
) -> None:
    mend = plant(monkeypatch, failure)
    document = export(capsys, corpus)
    by_id = {article["id"]: article for article in document["articles"]}
    assert sorted(by_id) == [SEED_000, SEED_001, "depot"]
    # The seeds' facts are whole; the planted article says what went wrong.
    assert [p["name"] for p in by_id[SEED_000]["facts"]["people"]][:1] == ["Paul Holmes"]
    assert by_id[SEED_000]["warnings"] == [] and by_id[SEED_001]["warnings"] == []
    assert by_id["depot"]["warnings"] == [warning]
    if failure == "too-long":  # the other facts of the article are kept
        assert [d["text"] for d in by_id["depot"]["facts"]["dates"]] == ["Monday"]
        assert by_id["depot"]["facts"]["quantities"] == []
    assert [story["id"] for story in document["stories"]] == [f"s:{SEED_000}"]

    # The next command, and the next start, meet nothing of it: the stored
    # facts are read, not found again, and the seeds export as ever.
    mend()
    assert export(capsys, corpus) == document
    seeds = export(capsys)
    assert [article["id"] for article in seeds["articles"]] == [SEED_001, SEED_000]
    assert markdown_exports(capsys, corpus)

    app = DatelineApp(
        paths=[corpus],
        library=Library.open(),
        theme="dateline-dark",
        config=Config(),
        state=ReadingState.open(tmp_path / "state.sqlite3"),
        theme_folders=[themes_dir()],
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        await pilot.pause(0.2)
        messages = [notification.message for notification in app._notifications]
        assert not [m for m in messages if "failed" in m], messages
        assert [entry.id for entry in app.listing.entries] == [SEED_001, "depot", SEED_000]
        depot = app.article("depot")
        assert depot is not None and app.facts_for(depot).problems == (warning,)
        assert [s.id for s in app.stories or []] == [f"s:{SEED_000}"]


def markdown_exports(capsys: pytest.CaptureFixture[str], corpus: Path) -> bool:
    assert main(["export", str(corpus), "--format", "markdown"]) == 0
    return "## Story" in capsys.readouterr().out


def test_a_figure_too_large_for_a_float_is_written_in_the_report(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 400 digits can be stored, but not turned into a float for "%g".
    real = extract.extract_facts

    def extract_facts(article: Article, *args: Any, **kwargs: Any) -> ArticleFacts:
        facts = real(article, *args, **kwargs)
        if PLANTED not in article.text:
            return facts
        return replace(facts, quantities=(Quantity("a sum", 0, 19, 24, "money", 10**400, "GBP"),))

    monkeypatch.setattr(extract, "extract_facts", extract_facts)
    assert main(["export", str(corpus), "--format", "markdown"]) == 0
    assert "- a sum: money 1e+400 GBP" in capsys.readouterr().out
