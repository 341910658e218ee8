"""The model, the facts, the store and the export never import Textual
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
    "dateline.export",
    "dateline.cli",
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
