"""`dateline export` of a folder, whole process, beside dateparser's
`search_dates` over the same files in a process of its own.

    python benchmarks/export_speed.py [--count 400] [--runs 5] [--corpus DIR]

Both are timed from spawning the process to its exit, so interpreter start-up,
imports, reading the files, the cache's writes and the output all count:

- baseline: `python -c` reading each file of the corpus and calling
  `dateparser.search.search_dates(text, languages=["en"])` on its text;
- `dateline export CORPUS --format json -o FILE` with an empty cache (files
  read, stored and their facts found, as on a first export), and the same on
  the cache that run filled (nothing to read or find again).

The programs take turns run by run, so machine noise falls on all of them
alike. The corpus is `make_corpus.py`'s (seed 0), made in a temporary folder
unless `--corpus` names one. The ratio is the baseline's median time over the
cold export's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus
from common import machine

BASELINE = """\
import sys
from pathlib import Path
from dateparser.search import search_dates
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    search_dates(path.read_text(encoding="utf-8"), languages=["en"])
"""


def dateline_script() -> str:
    beside = Path(sys.executable).parent / "dateline"
    found = str(beside) if beside.is_file() else shutil.which("dateline")
    if found is None:
        raise SystemExit("no `dateline` script beside the interpreter or on PATH")
    return found


def timed(argv: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from spawning `argv` to its exit; a failure stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def environment(work: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATELINE_CACHE_DIR=str(cache),
        DATELINE_DATA_DIR=str(work / "data"),
        DATELINE_CONFIG_DIR=str(work / "config"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="reuse (or make here) the corpus")
    options = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="dateline-export-"))
    try:
        corpus = options.corpus or work / "corpus"
        if not corpus.exists():
            make_corpus.main([str(corpus), "--count", str(options.count)])
        files = sum(1 for _ in corpus.rglob("*.txt"))
        print(machine())
        print(f"corpus: {files:,} files in {corpus}")
        dateline = dateline_script()
        output = work / "export.json"
        programs: dict[str, list[str]] = {
            "search_dates (baseline)": [sys.executable, "-c", BASELINE, str(corpus)],
            "dateline export, cold": [dateline, "export", str(corpus), "-o", str(output)],
        }
        times: dict[str, list[float]] = {name: [] for name in programs}
        times["dateline export, warm"] = []
        for run in range(options.runs + 1):  # run 0: warm-up, untimed (bytecode caches)
            for name, command in programs.items():
                cache = work / f"cache-{run}-{len(times[name])}"
                env = environment(work, cache)
                elapsed = timed(command, env)
                if name == "dateline export, cold":
                    warm = timed(command, env)
                    if run:
                        times["dateline export, warm"].append(warm)
                if run:
                    times[name].append(elapsed)
                shutil.rmtree(cache, ignore_errors=True)
            print(
                f"  {'warm-up' if run == 0 else f'run {run}/{options.runs}'} done", file=sys.stderr
            )
        print(machine())
        baseline = statistics.median(times["search_dates (baseline)"])
        print(f"\n{'':<36}{'median s':>10}{'min s':>9}{'baseline / this':>17}")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"{name:<36}{median:>10.2f}{min(values):>9.2f}{baseline / median:>16.1f}x")
        print(f"\n{options.runs} runs each, interleaved")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
