"""Helpers shared by the benchmark scripts: summaries of timings, and a line
about the machine, since a figure means little without the load it ran under."""

from __future__ import annotations

import math
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Spread:
    """Timings in milliseconds."""

    count: int
    total_ms: float
    mean_ms: float
    median_ms: float
    p95_ms: float

    @property
    def per_second(self) -> float:
        return self.count / (self.total_ms / 1000) if self.total_ms else math.inf


def nearest_rank(ordered: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of values sorted in ascending order."""
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def spread(seconds: Sequence[float]) -> Spread:
    ordered = sorted(s * 1000 for s in seconds)
    return Spread(
        count=len(ordered),
        total_ms=sum(ordered),
        mean_ms=statistics.fmean(ordered),
        median_ms=statistics.median(ordered),
        p95_ms=nearest_rank(ordered, 0.95),
    )


def machine() -> str:
    """Python, processor count and load: enough to tell a quiet run from a busy one."""
    text = (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )
    if hasattr(os, "getloadavg"):  # not on Windows
        text += ", load average " + ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return text
