"""Ids that do not depend on history (issue 12): an article's id comes from the
corpus named on the command line, never from what the cache has seen before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from dateline.cli import main
from tests.conftest import SEED_000, SEED_001, SEEDS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def export(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, Any]:
    return json.loads(run(capsys, "export", *map(str, paths), "--format", "json"))


def ids(document: dict[str, Any]) -> list[str]:
    return [article["id"] for article in document["articles"]]


def copy_seeds(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for seed in (SEED_000, SEED_001):
        shutil.copy(SEEDS / f"{seed}.txt", folder)
    return folder


def test_copied_seeds_keep_their_ids_whatever_was_opened_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a new user would: the seeds first, then a copy of them elsewhere.
    run(capsys, "index", str(SEEDS), "--no-facts")
    copy = copy_seeds(tmp_path / "copy")
    first = export(capsys, copy)
    assert ids(first) == [SEED_001, SEED_000]
    assert [story["id"] for story in first["stories"]] == [f"s:{SEED_000}"]
    assert all(article["warnings"] == [] for article in first["articles"])
    # A third folder holding them, and an unrelated one holding other
    # articles under the same names, opened in between: the export is the same.
    copy_seeds(tmp_path / "third")
    run(capsys, "index", str(tmp_path / "third"))
    unrelated = tmp_path / "unrelated"
    unrelated.mkdir()
    for seed in (SEED_000, SEED_001):
        (unrelated / f"{seed}.txt").write_text(f" date 2018-05-0{seed[2]} Another story, {seed}.")
    run(capsys, "index", str(unrelated))
    assert export(capsys, copy) == first
    assert export(capsys, copy) == first
    assert ids(export(capsys, unrelated)) == [SEED_001, SEED_000]
    # And the seeds themselves, named with no PATH, are as they always were.
    assert ids(json.loads(run(capsys, "export", "--format", "json"))) == [SEED_001, SEED_000]


def test_ids_are_paths_relative_to_the_path_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_seeds(tmp_path / "news" / "2017")
    copy_seeds(tmp_path / "news" / "copies")  # the same articles twice: listed once
    document = export(capsys, tmp_path / "news")
    assert ids(document) == [f"2017/{SEED_001}", f"2017/{SEED_000}"]
    assert document["stories"][0]["id"] == f"s:2017/{SEED_000}"
    assert ids(export(capsys, tmp_path / "news" / "2017")) == [SEED_001, SEED_000]
    named = export(capsys, tmp_path / "news" / "copies" / f"{SEED_000}.txt")
    assert ids(named) == [SEED_000]
