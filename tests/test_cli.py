from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import on

from dateline.cli import EXIT_BAD_INPUT, SUPPORTED, main
from dateline.tui import app as app_module
from dateline.tui.app import DatelineApp
from dateline.tui.messages import IndexingDone


def test_missing_path_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/no/such/folder"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err == "dateline: no such file or folder: /no/such/folder\n"


def test_export_of_a_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "/no/such/file.txt"]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == "dateline: no such file or folder: /no/such/file.txt\n"


def test_folder_with_nothing_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    assert main([str(tmp_path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    # The progress bars come first on standard error, then the message.
    assert err.splitlines()[-1] == (f"dateline: nothing readable in {tmp_path} ({SUPPORTED})")


def test_broken_files_are_named_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(" date 2017-01-24 The strike goes ahead.")
    assert main(["export", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"dateline: skipped {tmp_path / 'empty.txt'}: empty file\n"
    assert '"id": "good"' in captured.out


def test_unknown_export_format_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_index_fills_the_cache_and_reports_both_phases(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import SEEDS

    assert main(["index", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles from 2 files in ")
    assert "read anew: 2 articles in " in out
    assert "facts found: 2 articles in " in out
    # A second run reads nothing again and finds no facts again.
    assert main(["index", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "read anew: 0 articles in " in out and "facts found: 0 articles in " in out


def test_index_finds_facts_in_as_many_worker_processes_as_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from dateline.store.library import Library
    from tests.conftest import SEEDS

    assert main(["index", str(SEEDS), "--jobs", "1"]) == 0
    assert ", 1 worker process)" in capsys.readouterr().out
    library = Library.open()
    try:
        facts = [library.facts(entry.rowid) for entry in library.entries([SEEDS])]
    finally:
        library.close()
    # Found in a worker, stored like any: Paul Holmes of the first seed among them.
    assert any(person.name == "Paul Holmes" for f in facts if f for person in f.people)
    with pytest.raises(SystemExit):
        main(["index", str(SEEDS), "--jobs", "0"])
    assert "'0' is not a whole number of 1 or more" in capsys.readouterr().err


def test_index_of_a_folder_with_nothing_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    assert main(["index", str(tmp_path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    # The progress bars come first on standard error, then the message.
    assert err.splitlines()[-1] == (f"dateline: nothing readable in {tmp_path} ({SUPPORTED})")


class QuitWhenRead(DatelineApp):
    """The reader as the command starts it, headless, quitting once every file is tried."""

    CSS_PATH = Path(app_module.__file__).with_name("app.tcss")

    def run(self, **options: Any) -> Any:  # type: ignore[override]
        return super().run(headless=True, size=(80, 24))

    @on(IndexingDone)
    def _quit(self) -> None:
        # After the screen has settled: quitting mid-mount is another test.
        self.set_timer(0.2, self.exit)


@pytest.mark.parametrize("readable", [False, True])
def test_the_reader_fails_only_when_nothing_at_all_was_read(
    readable: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "empty.txt").write_text("")
    if readable:
        (tmp_path / "good.txt").write_text(" date 2017-01-24 The strike goes ahead.")
    monkeypatch.setattr("dateline.tui.app.DatelineApp", QuitWhenRead)
    status = main([str(tmp_path)])
    err = capsys.readouterr().err
    if readable:
        assert (status, err) == (0, "")
    else:
        assert status == EXIT_BAD_INPUT
        assert err == (f"dateline: nothing readable in {tmp_path} ({SUPPORTED})\n")
