"""Where the bundled seed corpus and themes are, installed or not.

A wheel carries them inside the package (`_bundled/`, see pyproject.toml); an
editable install or a source checkout reads the repository's own folders."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPOSITORY = _PACKAGE.parent.parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / "_bundled" / name
    if inside.is_dir():
        return inside
    return _REPOSITORY / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def themes_dir() -> Path:
    return _bundled("themes")
