"""The house style asks for ruff-clean code."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPOSITORY


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
    )
    assert result.returncode == 0, result.stdout + result.stderr
