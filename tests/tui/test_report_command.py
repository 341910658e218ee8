"""'Report this story' in the story screen's palette: it offers a file in the
current folder, enter writes it (from a worker) and a notification says where."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandList
from textual.widgets import Input

from dateline.tui.screens.report_path import ReportPathScreen, report_file_name
from dateline.tui.screens.story import StoryScreen
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import SIZE

TITLE = "Council has threatened to take legal action against a union"


async def _wait_for(pilot, condition, what: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _first_command(app: App) -> str | None:
    found = app.screen.query(CommandList)
    if not found or not found.first().option_count:
        return None
    return str(found.first().get_option_at_index(0).prompt).split("\n")[0]


def _asking(app: App) -> bool:
    """The path screen is up, its field composed."""
    return isinstance(app.screen, ReportPathScreen) and bool(app.screen.query("#report-path"))


def test_the_file_offered_is_named_from_the_headline() -> None:
    name = "story-council-has-threatened-to-take-legal-action-against-a-union.html"
    assert report_file_name(TITLE) == name
    hostile = "[@click=app.quit] ../../etc/passwd\x1b"
    assert report_file_name(hostile) == "story-click-app-quit-etc-passwd.html"
    assert report_file_name("“”") == "story-report.html"
    assert len(report_file_name("word " * 40)) <= len("story-.html") + 60


async def test_report_this_story_from_the_palette(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Report this story")
        await _wait_for(pilot, lambda: _first_command(app) == "Report this story", "the command")
        await pilot.press("enter")
        await _wait_for(pilot, lambda: _asking(app), "the path screen")
        offered = app.screen.query_one("#report-path", Input).value
        assert offered == str(tmp_path / report_file_name(TITLE))
        await pilot.press("enter")
        target = tmp_path / report_file_name(TITLE)
        await _wait_for(pilot, target.exists, "the report")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        said = [n.message for n in app._notifications]
        assert f"Report written to {target}" in said


async def test_a_markdown_report_and_a_folder_that_is_not_there(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        screen.action_report()
        await _wait_for(pilot, lambda: _asking(app), "the path screen")
        field = app.screen.query_one("#report-path", Input)
        field.value = str(tmp_path / "story.md")
        await pilot.press("enter")
        await _wait_for(pilot, (tmp_path / "story.md").exists, "the Markdown report")
        assert (tmp_path / "story.md").read_text(encoding="utf-8").startswith(f"# {TITLE}\n")
        # Escape writes nothing.
        screen.action_report()
        await _wait_for(pilot, lambda: _asking(app), "the path screen")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # A folder that is not there: said, nothing raised.
        screen.action_report()
        await _wait_for(pilot, lambda: _asking(app), "the path screen")
        app.screen.query_one("#report-path", Input).value = str(tmp_path / "no" / "r.html")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await _wait_for(
            pilot,
            lambda: any("could not be written" in n.message for n in app._notifications),
            "the failure notice",
        )
        assert not (tmp_path / "no").exists()
        assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("state.")] == [
            "story.md"
        ]
