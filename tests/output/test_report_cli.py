"""`dateline report`: the story asked for, in the format asked for, and a
clear message with status 2 when there is no such story or query."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.cli import main
from tests.conftest import SEED_000, SEEDS

TITLE = "# Council has threatened to take legal action against a union"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["report", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_story_by_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--story", f"s:{SEED_000}")
    assert (status, err) == (0, "")
    assert out.startswith(TITLE + "\n")
    assert "## Timeline" in out and "## Quotes by speaker" in out


def test_a_story_by_its_number_is_the_same_report(capsys: pytest.CaptureFixture[str]) -> None:
    by_id = run(capsys, str(SEEDS), "--story", f"s:{SEED_000}")
    by_number = run(capsys, str(SEEDS), "--story", "1")
    assert by_id == by_number


def test_an_unknown_story_is_named_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--story", "s:nothing")
    assert status == 2 and out == ""
    assert "no story 's:nothing' among the 1 story of these articles" in err
    assert f"s:{SEED_000}" in err  # the stories there are
    assert run(capsys, "--story", "2")[0] == 2


def test_story_or_query_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report"])
    assert stopped.value.code == 2
    with pytest.raises(SystemExit):
        main(["report", "--story", "1", "--query", "strike"])
    assert "one of the arguments --story --query is required" in capsys.readouterr().err


def test_html_from_the_output_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "story.html"
    assert run(capsys, "--story", "1", "-o", str(target)) == (0, "", "")
    written = target.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "<svg" in written
    markdown = tmp_path / "story.txt"
    assert run(capsys, "--story", "1", "--format", "markdown", "-o", str(markdown))[0] == 0
    assert markdown.read_text(encoding="utf-8").startswith(TITLE)


def test_a_file_that_cannot_be_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "--story", "1", "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert status == 1 and "cannot write" in err


def test_a_query_reports_the_stories_among_its_matches(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--query", "who:Holmes strike")
    assert status == 0
    assert out.startswith("# Stories in the articles matching “who:Holmes strike”")
    assert "Articles matching “who:Holmes strike”: 2." in out
    assert "## Council has threatened to take legal action against a union" in out


def test_a_query_whose_matches_form_no_story_reports_them_together(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--query", "date:2017-01-18")
    assert status == 0
    assert out.startswith("# Articles matching “date:2017-01-18”")
    assert "They form no story: they are reported together, as one group." in out
    assert f"Articles reported together (no story) s:{SEED_000.replace('_', chr(92) + '_')}" in out


def test_a_bad_or_empty_query_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--query", "is:sideways")
    assert (status, out) == (2, "")
    assert "cannot read the query 'is:sideways': is:sideways: try is:unread or is:starred" in err
    status, _, err = run(capsys, "--query", "zebra")
    assert status == 2 and "no article matches 'zebra'" in err
    status, _, err = run(capsys, "--query", "  ")
    assert status == 2 and "the query is empty" in err


def test_a_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, str(tmp_path / "gone"), "--story", "1")
    assert status == 2 and "no such file or folder" in err


def test_a_query_on_facts_reports_only_its_articles(capsys: pytest.CaptureFixture[str]) -> None:
    # The search box's language: of the two seeds, only SEED_001 names a sum
    # over a million (£5m) and a date in 1974.
    status, out, err = run(capsys, "--query", "money>1m on:1974")
    assert (status, err) == (0, "")
    # Markdown: ">" escaped.
    assert out.startswith("# Articles matching “money\\>1m on:1974”")
    assert "Articles matching “money\\>1m on:1974”: 1." in out
    assert "strike in Kirklees is on" in out
    assert "Council has threatened to take legal action" not in out


def test_a_query_on_facts_that_cannot_be_read_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--query", "money>lots")
    assert (status, out) == (2, "")
    assert "cannot read the query 'money>lots': money>lots: an amount is a number" in err
