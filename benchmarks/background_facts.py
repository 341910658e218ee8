"""Facts in worker processes (issue 16): `dateline index` throughput with one
worker and with one a core, and key presses at 100,000 articles while the
facts of the whole corpus are being found in the background.

    python benchmarks/background_facts.py [--count 3000] [--runs 3] [--corpus DIR]
        [--large-corpus DIR --warm-cache DIR] [--skip-index]

1. `dateline index CORPUS --jobs N` into a fresh cache, for N = 1 and N = the
   cores, run by run in turn, on a synthetic corpus from `make_corpus.py`
   (seed 0, --count articles): the whole process timed, and the facts rate it
   reports. Throughput is articles over the whole process's time.
2. With --large-corpus and --warm-cache (a cache `dateline index` filled for
   that corpus, as for `large_corpus.py`): key press to reader and sidebar
   repainted in the pty (`large_corpus.key_times`: `j` written, the new
   article's byline read back), three ways in one run, in turn: a bare
   Textual app; Dateline on the cache as it is (every article's facts
   stored); and Dateline on a copy of the cache whose facts are all stale,
   so that from its start it finds the facts of the whole corpus in worker
   processes, the open article's first, while the keys are pressed. The
   copy's facts stored by the end say how far the background work got.

Worker processes are started here (through `dateline`), so the entry point is
guarded: the fork server imports the main module of every process it starts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import large_corpus
import make_corpus
import startup
from common import machine

_FACTS_LINE = re.compile(r"facts found: ([\d,]+) articles in ([\d.]+) s \(([\d,]+)/s")


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def index_once(dateline: str, corpus: Path, cache: Path, jobs: int) -> tuple[float, int, str]:
    """Seconds for `dateline index CORPUS --jobs N` (whole process), the
    articles it found facts for, and its own report of the facts."""
    with large_corpus.environment(cache) as env:
        start = time.perf_counter()
        done = subprocess.run(
            [dateline, "index", str(corpus), "--jobs", str(jobs)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - start
    found = _FACTS_LINE.search(done.stdout)
    if found is None:
        raise SystemExit(f"no facts line in dateline index's report:\n{done.stdout}")
    return elapsed, int(found.group(1).replace(",", "")), found.group(0)


def index_throughput(dateline: str, corpus: Path, work: Path, runs: int) -> None:
    every = cores()
    counts = sorted({1, every})
    print(f"\n== dateline index, --jobs {' and --jobs '.join(map(str, counts))} ==")
    times: dict[int, list[float]] = {n: [] for n in counts}
    found: dict[int, int] = {}
    for run in range(runs):
        for jobs in counts:
            cache = work / f"index-{run}-{jobs}"
            elapsed, articles, line = index_once(dateline, corpus, cache, jobs)
            shutil.rmtree(cache, ignore_errors=True)
            times[jobs].append(elapsed)
            found[jobs] = articles
            print(f"  run {run + 1}, --jobs {jobs}: {elapsed:.1f} s; {line})", file=sys.stderr)
    print(machine())
    for jobs in counts:
        median = statistics.median(times[jobs])
        rate = found[jobs] / median
        print(
            f"--jobs {jobs}: median {median:.1f} s (min {min(times[jobs]):.1f}) for"
            f" {found[jobs]:,} articles: {rate:,.0f} articles/s, whole process"
        )
    if len(counts) > 1:
        ratio = statistics.median(times[1]) / statistics.median(times[every])
        print(f"all {every} cores / one: {ratio:.2f}x the throughput")


def stale_copy(warm_cache: Path, work: Path) -> Path:
    """A copy of the cache whose stored facts are all stale."""
    copy = work / "stale-cache"
    copy.mkdir()
    for name in ("library.sqlite3", "library.sqlite3-wal"):
        if (warm_cache / name).exists():
            shutil.copy2(warm_cache / name, copy / name)
    with sqlite3.connect(copy / "library.sqlite3") as db:
        db.execute("UPDATE article SET facts_version = 'stale'")
    return copy


def stored_facts(cache: Path) -> int:
    with sqlite3.connect(cache / "library.sqlite3") as db:
        (count,) = db.execute(
            "SELECT count(*) FROM article WHERE facts_version IS NOT 'stale'"
            " AND facts_version IS NOT NULL"
        ).fetchone()
    return count


def keys_during_extraction(large: Path, warm_cache: Path, work: Path, runs: int) -> None:
    print("\n== key press to reader and sidebar repainted, facts found in the background ==")
    results: dict[str, list[float]] = {
        "bare Textual app": [],
        "facts stored": [],
        "facts being found": [],
    }
    found: list[int] = []
    for run in range(runs):
        results["bare Textual app"] += large_corpus.bare_key_times()
        results["facts stored"] += large_corpus.key_times([large], warm_cache, "j")
        stale = stale_copy(warm_cache, work)
        try:
            results["facts being found"] += large_corpus.key_times([large], stale, "j")
            found.append(stored_facts(stale))
        finally:
            shutil.rmtree(stale, ignore_errors=True)
        print(f"  run {run + 1}/{runs} done", file=sys.stderr)
    print(machine())
    for name, values in results.items():
        print(
            f"{name:<20} p50 {large_corpus.ms(large_corpus.percentile(values, 0.5)):>7} ms"
            f"  p95 {large_corpus.ms(large_corpus.percentile(values, 0.95)):>7} ms"
            f"  ({len(values)} presses)"
        )
    print(
        f"facts found in the background by the end of each run: {', '.join(map(str, found))}"
        " articles (the open article's first)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="reuse (or make here) step 1's corpus")
    parser.add_argument("--skip-index", action="store_true", help="only step 2")
    parser.add_argument("--large-corpus", type=Path, help="step 2's corpus (100,000 articles)")
    parser.add_argument("--warm-cache", type=Path, help="a cache filled for --large-corpus")
    options = parser.parse_args(argv)
    if (options.large_corpus is None) != (options.warm_cache is None):
        parser.error("--large-corpus and --warm-cache go together")
    dateline = startup.find_dateline()
    work = Path(tempfile.mkdtemp(prefix="dateline-background-"))
    try:
        print(machine())
        if not options.skip_index:
            corpus = options.corpus or work / "corpus"
            if not corpus.exists():
                make_corpus.main([str(corpus), "--count", str(options.count)])
            index_throughput(dateline, corpus, work, options.runs)
        if options.large_corpus is not None:
            keys_during_extraction(options.large_corpus, options.warm_cache, work, options.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
