"""Cold-start time to first paint of `dateline`, beside a bare Textual app.

    python benchmarks/startup.py [--runs N]

Each run starts a fresh Python process in a pseudo-terminal of 120x40 and reads
its output until a marker string appears: the moment the first full screen with
real content has reached the terminal. The process group is then killed.

- bare:     a tiny Textual app (Header, Static, Footer) written to a temporary
            file; marker "bare-app-ready", the Static's text. This is the floor.
- dateline: the `dateline` console script on its bundled seed corpus (no
            arguments); marker "2 articles", from the list pane's status line
            ("2 articles · 2 unread").
- import:   `python -c "import textual"` run to completion without a pty, as a
            reference for the interpreter plus import cost.

Textual writes escape sequences around styled runs, so the markers were chosen
to be printed as one contiguous run, and the raw output is searched as it is.

The machines this runs on are shared and noisy, so the programs are interleaved
(bare, dateline, import, bare, dateline, import, ...) and one untimed warm-up
round comes first (it also writes any missing bytecode caches, as installing a
package does: PYTHONDONTWRITEBYTECODE is left out of the runs' environment, or
an editable install would compile Dateline's modules on every run while
Textual's come precompiled). Every run gets a fresh, empty folder for
DATELINE_DATA_DIR / _CONFIG_DIR / _CACHE_DIR, so no user state is read and no
state from an earlier run is reused.

`--compare DIR` adds a fourth program, interleaved with the others: the same
`dateline` script with PYTHONPATH=DIR/src, e.g. an earlier commit unpacked
with `git archive COMMIT src seeds themes | tar -x -C DIR`, for a before and
after from one run.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import math
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROWS, COLUMNS = 40, 120
TIMEOUT_S = 20.0
DEFAULT_RUNS = 10
READ_CHUNK = 65536
TAIL_CHARS = 600

BARE_APP_SOURCE = """\
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare-app-ready")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
"""


class BenchmarkError(Exception):
    """A run that timed out or ended before showing its marker."""


@dataclass(frozen=True)
class PtyProgram:
    """A program timed in a pty until `marker` appears in its output."""

    name: str
    argv: tuple[str, ...]
    marker: bytes
    python_path: str | None = None


# --- Environment -------------------------------------------------------------


@contextlib.contextmanager
def fresh_env() -> Iterator[tuple[dict[str, str], Path]]:
    """Yield an environment for one run, with its own empty state folders."""
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        root = Path(tmp)
        env = dict(os.environ)
        env.update(
            TERM="xterm-256color",
            TEXTUAL_ANIMATIONS="none",
            DATELINE_DATA_DIR=str(root / "data"),
            DATELINE_CONFIG_DIR=str(root / "config"),
            DATELINE_CACHE_DIR=str(root / "cache"),
        )
        for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        yield env, root


def find_dateline() -> str:
    """The `dateline` script next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "dateline"
    if beside.is_file():
        return str(beside)
    found = shutil.which("dateline")
    if found is None:
        raise BenchmarkError("no `dateline` script beside the interpreter or on PATH")
    return found


# --- Timing one run ----------------------------------------------------------


def open_pty() -> tuple[int, int]:
    """A (master, slave) pair sized ROWS x COLUMNS."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    return master, slave


def read_until(master: int, marker: bytes, start: float, name: str) -> float:
    """Read `master` until `marker` shows; return the time since `start`."""
    output = bytearray()
    while True:
        remaining = TIMEOUT_S - (time.perf_counter() - start)
        if remaining <= 0:
            raise BenchmarkError(
                f"{name}: timed out after {TIMEOUT_S:.0f} s waiting for {marker.decode()!r}; "
                f"last output:\n{tail(output)}"
            )
        ready, _, _ = select.select([master], [], [], remaining)
        if not ready:
            continue
        try:
            chunk = os.read(master, READ_CHUNK)
        except OSError:  # EIO: every slave end closed, the program has exited
            chunk = b""
        if not chunk:
            raise BenchmarkError(
                f"{name}: exited before showing {marker.decode()!r}; last output:\n{tail(output)}"
            )
        # Only the last chunk plus enough of the previous output to hold a marker
        # split across two reads needs searching.
        search_from = max(0, len(output) - len(marker))
        output += chunk
        if output.find(marker, search_from) != -1:
            return time.perf_counter() - start


def tail(output: bytes | bytearray) -> str:
    return bytes(output[-TAIL_CHARS:]).decode("utf-8", "replace")


def drain_and_close(master: int) -> None:
    """Read what is left on `master` so the child never blocks, then close it."""
    with contextlib.suppress(OSError):
        while select.select([master], [], [], 0)[0] and os.read(master, READ_CHUNK):
            pass
    os.close(master)


def time_pty_run(program: PtyProgram) -> float:
    """Seconds from spawning `program` in a fresh pty to its marker appearing."""
    with fresh_env() as (env, root):
        if program.python_path:
            env["PYTHONPATH"] = program.python_path
        master, slave = open_pty()
        os.set_blocking(master, False)
        start = time.perf_counter()
        process = subprocess.Popen(
            program.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            env=env,
            cwd=root,
        )
        os.close(slave)
        try:
            return read_until(master, program.marker, start, program.name)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            drain_and_close(master)


def time_import_textual() -> float:
    """Seconds for `python -c "import textual"` to run to completion."""
    with fresh_env() as (env, root):
        start = time.perf_counter()
        try:
            subprocess.run(
                [sys.executable, "-c", "import textual"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
                cwd=root,
                check=True,
                timeout=TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as error:
            raise BenchmarkError(f"import: timed out after {TIMEOUT_S:.0f} s") from error
        except subprocess.CalledProcessError as error:
            raise BenchmarkError(f"import: failed:\n{error.stderr.decode()}") from error
        return time.perf_counter() - start


# --- Statistics and report ---------------------------------------------------


@dataclass(frozen=True)
class Summary:
    median_ms: float
    min_ms: float
    p90_ms: float


def summarize(seconds: Sequence[float]) -> Summary:
    """Median, minimum and nearest-rank 90th percentile, in milliseconds."""
    ordered = sorted(s * 1000 for s in seconds)
    p90 = ordered[math.ceil(0.9 * len(ordered)) - 1]
    return Summary(statistics.median(ordered), ordered[0], p90)


def format_table(results: dict[str, list[float]], runs: int) -> str:
    summaries = {name: summarize(times) for name, times in results.items()}
    lines = [
        f"Cold start to first paint, {runs} runs each, pty {COLUMNS}x{ROWS}",
        "",
        f"{'program':<17} {'median ms':>10} {'min ms':>10} {'p90 ms':>10}",
    ]
    for name, s in summaries.items():
        lines.append(f"{name:<17} {s.median_ms:>10.0f} {s.min_ms:>10.0f} {s.p90_ms:>10.0f}")
    lines.append("")
    for name in summaries:
        if name.startswith("dateline"):
            ratio = summaries[name].median_ms / summaries["bare"].median_ms
            lines.append(f"{name} / bare (medians): {ratio:.2f}x")
    return "\n".join(lines)


# --- Main --------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Cold-start time to first paint of dateline, beside a bare Textual app."
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=DEFAULT_RUNS,
        help=f"timed runs of each program (default: {DEFAULT_RUNS})",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="DIR",
        help="also time `dateline` with PYTHONPATH=DIR/src (an earlier version), interleaved",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def measure(runs: int, bare_script: Path, compare: Path | None = None) -> dict[str, list[float]]:
    """Interleave the programs round by round; round 0 is an untimed warm-up."""
    bare = PtyProgram("bare", (sys.executable, str(bare_script)), b"bare-app-ready")
    dateline = PtyProgram("dateline", (find_dateline(),), b"2 articles")
    timers: dict[str, Callable[[], float]] = {
        "bare": lambda: time_pty_run(bare),
        "dateline": lambda: time_pty_run(dateline),
        "import": time_import_textual,
    }
    if compare is not None:
        earlier = PtyProgram(
            "dateline@compare", dateline.argv, dateline.marker, str(compare.resolve() / "src")
        )
        timers["dateline@compare"] = lambda: time_pty_run(earlier)
    results: dict[str, list[float]] = {name: [] for name in timers}
    for round_number in range(runs + 1):
        for name, timer in timers.items():
            elapsed = timer()
            if round_number:
                results[name].append(elapsed)
        label = "warm-up" if round_number == 0 else f"run {round_number}/{runs}"
        print(f"  {label} done", file=sys.stderr, flush=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-app-") as tmp:
        bare_script = Path(tmp) / "bare_app.py"
        bare_script.write_text(BARE_APP_SOURCE, encoding="utf-8")
        try:
            results = measure(args.runs, bare_script, args.compare)
        except BenchmarkError as error:
            print(f"startup benchmark failed: {error}", file=sys.stderr)
            return 1
    print(format_table(results, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
