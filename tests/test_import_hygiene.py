"""The model, the facts, the store and what leaves Dateline never import Textual
(STYLE.md): scripts and the export command must not pay for the UI."""

from __future__ import annotations

import os
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


# What the reader's first frame does not need: PyYAML (about 11 ms to import;
# the bundled themes are simple enough to read without it, see
# `dateline.model.safe_yaml`) and multiprocessing (the facts workers start
# once the list is on screen).
NOT_BEFORE_THE_FIRST_FRAME = ("yaml", "multiprocessing")


def test_opening_the_seeds_imports_neither_pyyaml_nor_multiprocessing(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import dateline.cli, dateline.tui.app\n"
        "from dateline.config import load_config\n"
        "from dateline.resources import seeds_dir, themes_dir\n"
        "from dateline.store.library import Library\n"
        "from dateline.themes import load_themes\n"
        "assert load_themes(themes_dir()).themes\n"
        "load_config()\n"
        "library = Library.open()\n"
        "library.index([seeds_dir()], lambda change, progress: None)\n"
        "assert library.entries([seeds_dir()])\n"
        f"found = [m for m in sys.modules if m.split('.')[0] in {NOT_BEFORE_THE_FIRST_FRAME}]\n"
        "print(','.join(sorted(found)))\n"
    )
    env = {
        **os.environ,
        "DATELINE_CACHE_DIR": str(tmp_path / "cache"),
        "DATELINE_CONFIG_DIR": str(tmp_path / "config"),
        "DATELINE_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == ""
