"""Run every property test of the loader, the cleaner, the filter box, the
facts' stored form and the extractors with far more examples than CI does,
and report what was tried and what failed.

    python tests/fuzz/run_fuzz.py [--examples 100000] [--seed 0] [--only TEXT]

The properties are the hypothesis tests of tests/facts/test_properties.py and
tests/model/test_fuzz_loading.py, run as they are written, with only their
settings changed: the examples are spread evenly over them (hypothesis stops
a property at its first failure; what it leaves unused goes to the ones
after), no example database (a run is reproduced by its seed), no deadline.
A failing property is shrunk to its minimal example, reported, and the run
goes on to the next. The exit status is 1 when any property failed.

This file is a script, not a test module: pytest collects only test_*.py."""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Verbosity, given, seed, settings

REPOSITORY = Path(__file__).resolve().parents[2]
MODULES = ("tests.facts.test_properties", "tests.model.test_fuzz_loading")
DEFAULT_EXAMPLES = 100_000


@dataclass(slots=True)
class Failure:
    summary: str  # the exception, one line
    where: str  # the innermost frame in Dateline's code, else the innermost frame
    example: str  # hypothesis's minimal failing example


@dataclass(slots=True)
class Outcome:
    name: str
    budget: int
    calls: int = 0
    # The call that first failed: the calls after it were hypothesis shrinking.
    first_failure: int | None = None
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)


def find_properties() -> list[tuple[str, Callable[..., Any]]]:
    """Every hypothesis test of MODULES, in the order they are written."""
    found = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        short = module_name.rsplit(".", 1)[-1]
        for name, value in vars(module).items():
            if name.startswith("test_") and hasattr(value, "hypothesis"):
                found.append((f"{short}::{name}", value))
    return found


def run_property(name: str, test: Callable[..., Any], budget: int, run_seed: int) -> Outcome:
    """The property with `budget` examples; its failures caught, not raised.

    The test is rebuilt from its own parts (the undecorated function and the
    strategies @given was called with), because hypothesis refuses to apply
    settings twice and the CI settings are already on it."""
    outcome = Outcome(name, budget)
    inner = test.hypothesis.inner_test

    @functools.wraps(inner)  # hypothesis names the example after this function
    def counted(*args: Any, **kwargs: Any) -> None:
        outcome.calls += 1
        try:
            inner(*args, **kwargs)
        except BaseException:
            if outcome.first_failure is None:
                outcome.first_failure = outcome.calls
            raise

    rebuilt = given(**test.hypothesis._given_kwargs)(inner)
    rebuilt.hypothesis.inner_test = counted  # the documented hook for wrapping each call
    rebuilt = settings(
        max_examples=budget,
        deadline=None,
        database=None,
        verbosity=Verbosity.normal,  # normal puts the minimal example in the error's notes
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=False,
    )(rebuilt)
    rebuilt = seed(f"{run_seed}:{name}")(rebuilt)

    started = time.perf_counter()
    try:
        rebuilt()
    except BaseException as error:  # a property's failure is what the report is for
        if isinstance(error, KeyboardInterrupt):
            raise
        outcome.failures = [describe(e) for e in leaves(error)]
    outcome.seconds = time.perf_counter() - started
    return outcome


def leaves(error: BaseException) -> Iterator[BaseException]:
    """The distinct failures hypothesis found (it groups several in one)."""
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from leaves(inner)
    else:
        yield error


def describe(error: BaseException) -> Failure:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/dateline/" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    where = f"{_short(frame.filename)}:{frame.lineno} in {frame.name}" if frame else "?"
    message = str(error).splitlines()[0] if str(error).strip() else ""
    summary = f"{type(error).__name__}: {message}" if message else type(error).__name__
    notes = getattr(error, "__notes__", ())
    examples = [n for n in notes if n.startswith(("Failing test case", "Falsifying example"))]
    example = "\n".join(examples) or "(no example recorded)"
    return Failure(summary[:500], where, example)


def _short(filename: str) -> str:
    """A path from the repository, or from site-packages for a library."""
    path = Path(filename)
    if path.is_relative_to(REPOSITORY):
        return str(path.relative_to(REPOSITORY))
    if "site-packages" in path.parts:
        return str(Path(*path.parts[path.parts.index("site-packages") + 1 :]))
    return filename


def report(outcomes: list[Outcome], total: int, seconds: float) -> str:
    width = max(len(o.name) for o in outcomes)
    rule = "-" * (width + 44)
    lines = [
        f"{'property':<{width}}  {'budget':>8}  {'examples':>9}  {'failures':>8}  {'time':>9}",
        rule,
    ]
    for o in outcomes:
        lines.append(
            f"{o.name:<{width}}  {o.budget:>8,}  {o.calls:>9,}  {len(o.failures):>8}"
            f"  {o.seconds:>8.1f}s"
        )
    calls = sum(o.calls for o in outcomes)
    failures = sum(len(o.failures) for o in outcomes)
    lines += [
        rule,
        f"{'total':<{width}}  {total:>8,}  {calls:>9,}  {failures:>8}  {seconds:>8.1f}s",
    ]
    failed = [o for o in outcomes if o.failures]
    if failed:
        lines += ["", "Failures (each shrunk to its minimal example)", ""]
    for o in failed:
        before = (o.first_failure or 1) - 1
        lines.append(
            f"{o.name}: failed after {before:,} passing examples; "
            f"{o.calls - before:,} more calls while shrinking"
        )
        for failure in o.failures:
            lines.append(f"  {failure.summary}")
            lines.append(f"  at {failure.where}")
            lines += [f"  {line}" for line in failure.example.splitlines()]
        lines.append("")
    lines.append(
        "budget: the examples a property was given (what an earlier one left unused is shared"
        " out); examples: calls of the property, including shrinking calls after a failure;"
        " examples hypothesis rejected before calling it are not counted."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--examples",
        type=int,
        default=DEFAULT_EXAMPLES,
        help=f"examples in all, spread evenly over the properties (default {DEFAULT_EXAMPLES:,})",
    )
    parser.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    parser.add_argument("--only", default="", help="only the properties whose name has this")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPOSITORY))  # so that the tests package imports from a plain run
    properties = [(n, t) for n, t in find_properties() if args.only in n]
    if not properties:
        parser.error(f"no property has {args.only!r} in its name")
    total = max(args.examples, len(properties))
    print(
        f"Fuzzing {len(properties)} properties with {total:,} examples "
        f"(about {total // len(properties):,} each), seed {args.seed}",
        flush=True,
    )
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    for index, (name, test) in enumerate(properties):
        # What a property that failed early did not use goes to the ones after it.
        left = total - sum(o.calls for o in outcomes)
        budget = max(1, left // (len(properties) - index))
        outcome = run_property(name, test, budget, args.seed)
        state = f"{len(outcome.failures)} FAILED" if outcome.failures else "ok"
        print(f"  {name}: {outcome.calls:,} examples, {outcome.seconds:.1f}s, {state}", flush=True)
        outcomes.append(outcome)
    print()
    print(report(outcomes, total, time.perf_counter() - started))
    return 1 if any(o.failures for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
