"""The model, the facts, the store and what leaves Dateline never import Textual
(STYLE.md): scripts and the export command must not pay for the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

CORE_MODULES = [
    "dateline.model.corpus",
    "dateline.facts.extract",
    "dateline.store.state",
    "dateline.store.library",
    "dateline.stories",
    "dateline.evaluate",
    "dateline.output.export",
    "dateline.output.report",
    "dateline.output.markdown",
    "dateline.output.html",
    "dateline.output.selection",
    "dateline.cli_report",
    "dateline.cli",
    "dateline.cli_feeds",
    "dateline.sources.html",
    "dateline.sources.feeds",
    "dateline.sources.jsonfeed",
    "dateline.sources.update",
    "dateline.sources.watch",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')\n"
        "                or m.startswith('dateline.tui'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_contracts_hold() -> None:
    """The import-linter contracts in pyproject.toml (layers and forbidden imports)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=REPOSITORY
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


# Start-up matters: opening the seeds, and everything the reader imports to
# open them, must not pay for the page, feed and HTTP libraries.
SOURCE_LIBRARIES = ("trafilatura", "feedparser", "httpx", "httpcore", "listparser", "lxml")


def test_the_reader_on_the_seeds_imports_no_page_feed_or_http_library() -> None:
    code = (
        "import sys\n"
        "from dateline.model.loading import load_paths\n"
        "from dateline.resources import seeds_dir\n"
        "import dateline.cli, dateline.tui.app\n"
        "assert load_paths([seeds_dir()]).articles\n"
        f"found = [m for m in sys.modules if m.split('.')[0] in {SOURCE_LIBRARIES}]\n"
        "print(','.join(sorted(found)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
