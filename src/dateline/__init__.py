"""Dateline: a terminal news reader that shows who, what, when, how much and who said what."""

from __future__ import annotations

__version__ = "0.1.0"
