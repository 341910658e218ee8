"""A large corpus against the floor: does 100,000 articles feel like two?

    python benchmarks/large_corpus.py [--count 100000] [--runs 5] [--corpus DIR]

In one run, on a synthetic corpus from `make_corpus.py` (seed-format files,
1,000 to a folder):

1. `dateline index CORPUS` into a fresh cache: reading throughput (articles/s)
   and fact-finding throughput, beside `extract_facts` alone on a sample of the
   same articles (the extraction-only baseline).
2. Start to first paint in a 120x40 pty, interleaved run by run with a bare
   Textual app (the floor, as in `startup.py`):
   - cold: an empty cache; the first paint counted is the one that lists the
     first screenful ("N articles so far" in the list's status line);
   - warm: the cache from step 1; same marker.
   One cold run goes on until every article is listed ("N articles · M
   unread"): that time, and the peak memory (max RSS) of the process then.
3. In process, on the filled cache: full-text search through the list's
   filter (parse, FTS5 query, filtered list), p50/p95 over typed queries, beside
   the bare FTS5 query; and key press in the list to reader and sidebar
   repainted (in the pty: a key written, then the new article's byline read
   back), p50/p95 at the full corpus beside the same on the two seed articles.
   Then the filters on facts (issue 14: person:, org:, place:, said:, quote:,
   money/percent/count comparisons, on: a day or a month, and some of them
   with words), each kind's queries drawn from the corpus's own facts: the
   first screenful and every match, p50/p95 per kind.

--warm-cache is copied before it is opened (opening brings an older cache up
to date, which writes to it): the folder given is never changed.
--fact-filters-only times the filters on facts alone, on --warm-cache.

With --json-lines (alone: --json-lines-only), the same articles as one JSON
Lines file (`make_corpus.py --format jsonl`, every article in one file, about
200 MB for 100,000) and that file gzipped:

4. cold start to the first screenful in the pty, run by run interleaved with
   the bare app and the folder corpus (each with an empty cache); then one
   cold run of each file until every article is listed, with its peak RSS.
   --before-src DIR (a `src` folder of older Dateline, e.g. from `git archive`)
   adds one cold run of the plain file on that code, for the before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import random
import re
import resource
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus
import startup
from common import machine as startup_machine

QUERIES = (
    "strike",
    "council",
    "holmes",
    "agency staff",
    "budget",
    "injunction",
    "ofsted",
    "flood barrier",
    "union ballot",
    "social workers",
    "hospital",
    "zebra",
)
KEY_PRESSES = 60
# The floor for a key press: a bare Textual app whose list cursor move
# repaints a text pane, in the same pty.
BARE_KEYS_SOURCE = """\
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, Static


class BareKeys(App[None]):
    CSS = "#items { height: 20; }"

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(f"item {n}" for n in range(1000)), id="items")
        yield Static(id="pane")
        yield Footer()

    def on_mount(self) -> None:
        items = self.query_one(OptionList)
        items.focus()
        items.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#pane", Static).update(f"bare-item-{event.option_index}-shown")


if __name__ == "__main__":
    BareKeys().run()
"""


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


@contextlib.contextmanager
def environment(cache: Path) -> Iterator[dict[str, str]]:
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        env = dict(os.environ)
        env.update(
            TERM="xterm-256color",
            TEXTUAL_ANIMATIONS="none",
            DATELINE_DATA_DIR=str(Path(tmp) / "data"),
            DATELINE_CONFIG_DIR=str(Path(tmp) / "config"),
            DATELINE_CACHE_DIR=str(cache),
        )
        for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        yield env


def read_until(master: int, marker: re.Pattern[bytes], start: float, timeout: float) -> float:
    """Read `master` until `marker` matches; return the time since `start`."""
    output = bytearray()
    while True:
        remaining = timeout - (time.perf_counter() - start)
        if remaining <= 0:
            raise startup.BenchmarkError(f"timed out waiting for {marker.pattern!r}")
        ready, _, _ = select.select([master], [], [], remaining)
        if not ready:
            continue
        try:
            chunk = os.read(master, startup.READ_CHUNK)
        except OSError:
            chunk = b""
        if not chunk:
            last = startup.tail(output)
            raise startup.BenchmarkError(f"exited before {marker.pattern!r}: {last}")
        search_from = max(0, len(output) - 200)
        output += chunk
        if marker.search(output, search_from):
            return time.perf_counter() - start


@dataclass
class PtyProcess:
    master: int
    started: float
    rss_kib: int = 0


@contextlib.contextmanager
def in_pty(argv: Sequence[str], env: dict[str, str]) -> Iterator[PtyProcess]:
    """`argv` running in a fresh 120x40 pty; killed (and its max RSS taken) on exit."""
    master, slave = startup.open_pty()
    os.set_blocking(master, False)
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True, env=env
    )
    os.close(slave)
    running = PtyProcess(master, started)
    try:
        yield running
    finally:
        # The process's own high-water mark, read before it is killed: on
        # Linux wait4's ru_maxrss also counts the memory of this (large)
        # process, which the child had as a copy between fork and exec.
        hwm_kib = _high_water_kib(process.pid)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        _, _, usage = os.wait4(process.pid, 0)
        running.rss_kib = hwm_kib if hwm_kib is not None else usage.ru_maxrss
        startup.drain_and_close(master)


def _high_water_kib(pid: int) -> int | None:
    """VmHWM of a running process (Linux), or None where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else None


def pty_run(
    argv: Sequence[str], env: dict[str, str], markers: Sequence[bytes], timeout: float
) -> tuple[list[float], int]:
    """Seconds until each marker (a regular expression) shows, in order, and
    the max RSS (KiB)."""
    with in_pty(argv, env) as running:
        times = [
            read_until(running.master, re.compile(marker), running.started, timeout)
            for marker in markers
        ]
    return times, running.rss_kib


def bare_run() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare_app.py"
        script.write_text(startup.BARE_APP_SOURCE)
        with environment(Path(tmp) / "cache") as env:
            times, _ = pty_run([sys.executable, str(script)], env, [rb"bare-app-ready"], 30)
    return times[0]


def index_corpus(dateline: str, corpus: Path, cache: Path) -> float:
    with environment(cache) as env:
        start = time.perf_counter()
        done = subprocess.run(
            [dateline, "index", str(corpus)],
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        print(done.stdout.strip())
        return time.perf_counter() - start


def extraction_only(corpus: Path, sample: int) -> float:
    """Articles per second of extract_facts alone on loaded articles."""
    from dateline.facts.extract import extract_facts
    from dateline.model.loading import iter_article_files, load_articles

    files = [f for f in iter_article_files([corpus]) if isinstance(f, Path)]
    chosen = random.Random(7).sample(files, min(sample, len(files)))
    articles = [article for file in chosen for article in load_articles(file).articles]
    extract_facts(articles[0])
    start = time.perf_counter()
    for article in articles:
        extract_facts(article)
    return len(articles) / (time.perf_counter() - start)


# What the search box lists at once; the rest of the matches follow after
# that frame (the screen's FIRST_MATCHES).
FIRST_MATCHES = 200


def search_times(cache: Path, corpus: Path) -> tuple[list[float], list[float], list[float], int]:
    """Per typed query: the first screenful of matches (what a key press in
    the search box shows), every match (the count), and the bare FTS5 query."""
    from dateline.model.listing import Listing
    from dateline.store.library import Library
    from dateline.store.query import matching, parse_query

    library = Library.open(cache / "library.sqlite3")
    listing = Listing(library.entries([corpus]))
    first, full, raw = [], [], []
    for _ in range(5):
        for query in QUERIES:
            # Typed a letter at a time, as the list filters while typing.
            for end in range(3, len(query) + 1):
                text = query[:end]
                start = time.perf_counter()
                matches = matching(listing, parse_query(text), library, first=FIRST_MATCHES)
                first.append(time.perf_counter() - start)
                matches.all()
                full.append(time.perf_counter() - start)
                start = time.perf_counter()
                library.search(text.split())
                raw.append(time.perf_counter() - start)
    size = len(listing)
    library.close()
    return first, full, raw, size


# Fact filters typed into the box, by kind: each value drawn from the corpus's
# own facts (a fixed seed), so that every query finds something, beside a few
# that find little or nothing.
FACT_QUERIES_PER_KIND = 8
AMOUNT_QUERIES = {
    "money": ("money>1m", "money>500k", "money:>£500k", "money<1k", "money>1bn", "money:>$10m"),
    "percent": ("percent>20", "percent>50", "percent<5", "percent=25", "percent>=99"),
    "count": ("count>100", "count>1000", "count<10", "count>=50", "count>1m"),
}


def fact_queries(cache: Path) -> dict[str, list[str]]:
    """Queries of each kind of fact filter, drawn from the facts index."""
    import sqlite3

    rng = random.Random(14)
    with contextlib.closing(sqlite3.connect(cache / "library.sqlite3")) as db:

        def names(kind: str) -> list[str]:
            rows = [n for (n,) in db.execute("SELECT name FROM fact_name WHERE kind = ?", (kind,))]
            return rng.sample(rows, min(FACT_QUERIES_PER_KIND, len(rows)))

        def quoted(name: str) -> str:
            return f'"{name}"' if " " in name else name

        queries: dict[str, list[str]] = {
            "person:": [f"person:{quoted(n)}" for n in names("person")],
            "org:": [f"org:{quoted(n)}" for n in names("organization")],
            "place:": [f"place:{quoted(n)}" for n in names("place")],
        }
        speakers = [
            s for (s,) in db.execute("SELECT DISTINCT speaker FROM fact_quote WHERE speaker != ''")
        ]
        picked = rng.sample(speakers, min(FACT_QUERIES_PER_KIND, len(speakers)))
        queries["said:"] = [f"said:{s.split()[-1]}" for s in picked if s.split()]
        texts = [t for (t,) in db.execute("SELECT text FROM fact_quote LIMIT 20000")]
        words = sorted({w.strip(".,;:!?'\"“”‘’").lower() for t in texts for w in t.split()})
        words = [w for w in words if len(w) >= 6 and w.isalpha()]
        queries["quote:"] = [f"quote:{w}" for w in rng.sample(words, FACT_QUERIES_PER_KIND)]
        queries.update({f"{kind} comparisons": list(q) for kind, q in AMOUNT_QUERIES.items()})
        days = [d for (d,) in db.execute("SELECT start FROM fact_date WHERE reach = 0 LIMIT 50000")]
        picked = rng.sample(days, min(FACT_QUERIES_PER_KIND, len(days)))
        queries["on:day"] = [f"on:{d}" for d in picked]
        queries["on:month"] = [f"on:{d[:7]}" for d in picked]
        queries["combined"] = [
            f"council {queries['person:'][0]} money>1m",
            f"{queries['said:'][0]} {queries['quote:'][0]}",
            f"{queries['org:'][0]} {queries['on:month'][0]}",
            f"{queries['place:'][0]} percent>20 count>100",
        ]
    return queries


def fact_filter_times(
    cache: Path, corpus: Path, runs: int = 5
) -> dict[str, tuple[list[float], list[float], list[int]]]:
    """For each kind of fact filter: the first screenful of matches, every
    match, and the number of matches, for each query, `runs` times over."""
    from dateline.model.listing import Listing
    from dateline.store.library import Library
    from dateline.store.query import matching, parse_query

    queries = fact_queries(cache)
    library = Library.open(cache / "library.sqlite3")
    listing = Listing(library.entries([corpus]))
    times: dict[str, tuple[list[float], list[float], list[int]]] = {}
    for _ in range(runs):
        for kind, texts in queries.items():
            first, full, counts = times.setdefault(kind, ([], [], []))
            for text in texts:
                start = time.perf_counter()
                query = parse_query(text)
                assert not query.problems, (text, query.problems)
                matches = matching(listing, query, library, first=FIRST_MATCHES)
                first.append(time.perf_counter() - start)
                found = matches.all()
                full.append(time.perf_counter() - start)
                counts.append(len(found))
    library.close()
    return times


def print_fact_filter_times(cache: Path, corpus: Path) -> None:
    print("\n== fact filters through the filter box (issue 14) ==")
    times = fact_filter_times(cache, corpus)
    print(
        f"{'filter':<20}{'queries':>8}{'matches (median)':>18}  first {FIRST_MATCHES} p50/p95 ms"
        "   all p50/p95 ms"
    )
    for kind, (first, full, counts) in times.items():
        print(
            f"{kind:<20}{len(first):>8}{statistics.median(counts):>18,.0f}"
            f"  {ms(percentile(first, 0.5)):>7} / {ms(percentile(first, 0.95)):>7}"
            f"   {ms(percentile(full, 0.5)):>7} / {ms(percentile(full, 0.95)):>7}"
        )


def bylines(cache: Path, paths: list[Path], count: int) -> list[bytes]:
    """The reader's byline ("Sat 1 Feb 2014 · 509 words") of the first `count`
    articles of the list, in list order: what the reader paints for each."""
    from dateline.facts.display import day
    from dateline.model.listing import Listing
    from dateline.store.library import Library

    library = Library.open(cache / "library.sqlite3")
    lines = []
    for entry in Listing(library.entries(paths)).entries[:count]:
        article = library.article(entry.rowid)
        assert article is not None and article.date is not None
        lines.append(f"{day(article.date)} · {article.word_count:,} words".encode())
    library.close()
    return lines


def bare_key_times() -> list[float]:
    """The floor: key to repaint in a bare Textual app, in the same pty."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare_keys.py"
        script.write_text(BARE_KEYS_SOURCE)
        with environment(Path(tmp) / "cache") as env:
            argv = [sys.executable, str(script)]
            marks = [f"bare-item-{n}-shown".encode() for n in range(KEY_PRESSES + 2)]
            # OptionList moves on the arrow key; "\x1b[B" is what a terminal sends.
            return _press_keys(argv, env, rb"bare-item-0-shown", marks, [b"\x1b[B"])


def key_times(paths: list[Path], cache: Path, keys: str) -> list[float]:
    """Seconds from writing a key to the pty until the reader has painted the
    article it moves to (its byline is in the output). The facts come from the
    cache in the same handler, so the sidebar is painted in the same frame."""
    dateline = startup.find_dateline()
    # Down the list with "j", or "jk" to go down and up (two articles).
    order = [0]
    for press in range(KEY_PRESSES):
        order.append(order[-1] + (1 if keys[press % len(keys)] == "j" else -1))
    marks = bylines(cache, paths, max(order) + 1)
    with environment(cache) as env:
        argv = [dateline, *map(str, paths)]
        presses = [key.encode() for key in keys]
        return _press_keys(argv, env, rb"\d articles \xc2\xb7", [marks[i] for i in order], presses)


def _press_keys(
    argv: list[str], env: dict[str, str], ready: bytes, marks: list[bytes], keys: list[bytes]
) -> list[float]:
    """Start `argv` in a pty, wait for `ready`, then press `keys` in turn and
    time each press until `marks[press + 1]` is painted."""
    times = []
    with in_pty(argv, env) as running:
        read_until(running.master, re.compile(ready), running.started, 120)
        time.sleep(1.0)  # let background work and the first paints settle
        for press in range(KEY_PRESSES):
            target = re.compile(re.escape(marks[press + 1]))
            sent = time.perf_counter()
            os.write(running.master, keys[press % len(keys)])
            times.append(read_until(running.master, target, sent, 10))
            time.sleep(0.05)
    return times


def make_json_lines(folder: Path, count: int) -> tuple[Path, Path]:
    """The corpus as one JSON Lines file, and the same gzipped (made in
    `folder` unless it holds them already)."""
    made, packed_made = sorted(folder.glob("*.jsonl")), sorted(folder.glob("*.jsonl.gz"))
    if made and packed_made:
        return made[0], packed_made[0]
    start = time.perf_counter()
    make_corpus.main(
        [str(folder), "--count", str(count), "--format", "jsonl", "--per-folder", str(count)]
    )
    (dump,) = folder.glob("*.jsonl")
    packed = dump.with_name(dump.name + ".gz")
    with dump.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
        shutil.copyfileobj(source, target, 1 << 20)
    print(
        f"one JSON Lines file: {dump.stat().st_size / 1e6:,.0f} MB"
        f" ({packed.stat().st_size / 1e6:,.0f} MB gzipped), made in"
        f" {time.perf_counter() - start:.0f} s"
    )
    return dump, packed


def cold_run(
    argv: list[str], work: Path, name: str, markers: Sequence[bytes], extra: dict[str, str]
) -> tuple[list[float], int]:
    cache = work / f"cold-{name}"
    with environment(cache) as env:
        env.update(extra)
        try:
            return pty_run(argv, env, markers, 3600)
        finally:
            shutil.rmtree(cache, ignore_errors=True)


def json_lines_case(dateline: str, work: Path, folder: Path, options: argparse.Namespace) -> None:
    print("\n== one large JSON Lines file: cold start to the first screenful ==")
    dump, packed = make_json_lines(options.json_lines_dir or work / "jsonl", options.count)
    first_screen = rb"\d articles (so far|\xc2\xb7)"
    all_listed = rb"\d articles \xc2\xb7"
    cases = {
        "folder of files": [dateline, str(folder)],
        "one .jsonl file": [dateline, str(dump)],
        "one .jsonl.gz file": [dateline, str(packed)],
    }
    bare: list[float] = []
    cold: dict[str, list[float]] = {name: [] for name in cases}
    for run in range(options.runs):
        bare.append(bare_run())
        for name, argv in cases.items():
            cold[name].append(cold_run(argv, work, f"{run}", [first_screen], {})[0][0])
    floor = statistics.median(bare)
    print(f"{'':<22}{'median ms':>10}{'min ms':>10}{'ratio':>8}")
    for name, values in (("bare Textual app", bare), *cold.items()):
        med = statistics.median(values)
        print(f"{name:<22}{ms(med):>10}{ms(min(values)):>10}{med / floor:>7.2f}x")
    if options.first_screen_only:
        return

    print("\n== the same, cold, until every article is listed ==")
    runs_to_end = [(name, cases[name], {}) for name in ("one .jsonl file", "one .jsonl.gz file")]
    if options.before_src is not None:
        before = {"PYTHONPATH": str(options.before_src)}
        runs_to_end.append(("before, one .jsonl", [dateline, str(dump)], before))
    for name, argv, extra in runs_to_end:
        (first, last), peak = cold_run(argv, work, "whole", [first_screen, all_listed], extra)
        print(
            f"{name:<22} first screenful {ms(first):>9} ms, all listed {last:6.1f} s,"
            f" peak RSS {peak / 1024:,.0f} MB"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="reuse (or make here) the corpus")
    parser.add_argument("--sample", type=int, default=2000, help="extraction-only sample")
    parser.add_argument(
        "--warm-cache",
        type=Path,
        help="a cache folder already filled by `dateline index` for this corpus: skip step 1",
    )
    parser.add_argument(
        "--json-lines", action="store_true", help="add step 4: one large JSON Lines file"
    )
    parser.add_argument("--json-lines-only", action="store_true", help="only step 4")
    parser.add_argument(
        "--fact-filters-only",
        action="store_true",
        help="only the filters on facts, on a copy of --warm-cache (with --corpus)",
    )
    parser.add_argument(
        "--before-src", type=Path, help="older Dateline's src folder, for step 4's before"
    )
    parser.add_argument("--json-lines-dir", type=Path, help="reuse (or make here) step 4's files")
    parser.add_argument(
        "--first-screen-only", action="store_true", help="step 4 without the runs to the end"
    )
    options = parser.parse_args(argv)
    dateline = startup.find_dateline()
    work = Path(tempfile.mkdtemp(prefix="dateline-large-"))
    try:
        corpus = options.corpus or work / "corpus"
        if not corpus.exists():
            start = time.perf_counter()
            make_corpus.main([str(corpus), "--count", str(options.count)])
            print(f"corpus: {options.count:,} articles made in {time.perf_counter() - start:.0f} s")
        if options.json_lines_only:
            print(startup_machine())
            json_lines_case(dateline, work, corpus, options)
            return 0
        warm_cache = work / "warm-cache"
        if options.warm_cache is not None:
            # A copy: opening it may migrate it, and the steps below write to it.
            start = time.perf_counter()
            warm_cache.mkdir()
            shutil.copy2(options.warm_cache / "library.sqlite3", warm_cache / "library.sqlite3")
            print(f"cache copied in {time.perf_counter() - start:.0f} s")
            start = time.perf_counter()
            from dateline.store.library import Library

            Library.open(warm_cache / "library.sqlite3").close()
            print(f"cache opened (brought up to date) in {time.perf_counter() - start:.0f} s")
            if options.fact_filters_only:
                print(startup_machine())
                print_fact_filter_times(warm_cache, corpus)
                return 0
        else:
            print("\n== dateline index (reading, then facts) ==")
            seconds = index_corpus(dateline, corpus, warm_cache)
            rate = options.count / seconds
            print(f"dateline index: {seconds:.1f} s, {rate:,.0f} articles/s overall")
        from dateline.store.library import Library

        library = Library.open(warm_cache / "library.sqlite3")
        listed = len(library.entries([corpus]))
        library.close()
        baseline = extraction_only(corpus, options.sample)
        print(f"extract_facts alone: {baseline:,.0f} articles/s (sample of {options.sample:,})")

        print(f"\n== start to first paint, pty {startup.COLUMNS}x{startup.ROWS} ==")
        # The list's status line: "N articles so far" while files are read,
        # "N articles · M unread" once all are listed.
        first_screen = rb"\d articles (so far|\xc2\xb7)"
        all_listed = rb"\d articles \xc2\xb7"
        bare, cold, warm = [], [], []
        cold_all = rss = 0.0
        for run in range(options.runs):
            bare.append(bare_run())
            cold_cache = work / f"cold-cache-{run}"
            with environment(cold_cache) as env:
                markers = [first_screen, all_listed] if run == 0 else [first_screen]
                times, peak = pty_run([dateline, str(corpus)], env, markers, 1800)
            shutil.rmtree(cold_cache, ignore_errors=True)
            cold.append(times[0])
            if run == 0:
                cold_all, rss = times[1], peak
            with environment(warm_cache) as env:
                warm.append(pty_run([dateline, str(corpus)], env, [first_screen], 60)[0][0])
        floor = statistics.median(bare)
        print(f"{'':<22}{'median ms':>10}{'min ms':>10}{'ratio':>8}")
        for name, values in (("bare Textual app", bare), ("cold (empty cache)", cold)):
            med = statistics.median(values)
            print(f"{name:<22}{ms(med):>10}{ms(min(values)):>10}{med / floor:>7.2f}x")
        med = statistics.median(warm)
        print(f"{'warm (cache filled)':<22}{ms(med):>10}{ms(min(warm)):>10}{med / floor:>7.2f}x")
        print(f"cold start until all {listed:,} articles are listed: {cold_all:.1f} s")
        print(f"peak memory (max RSS) of that run: {rss / 1024:,.0f} MB")

        print("\n== search through the filter box (typed queries) ==")
        first, full, raw, size = search_times(warm_cache, corpus)
        print(f"{len(full)} queries over {size:,} articles, p50 / p95:")
        for name, values in (
            (f"first {FIRST_MATCHES} matches listed", first),
            ("every match (the count)", full),
            ("bare FTS5 query alone", raw),
        ):
            print(
                f"  {name:<28} {ms(percentile(values, 0.5)):>7} / "
                f"{ms(percentile(values, 0.95)):>7} ms"
            )

        print_fact_filter_times(warm_cache, corpus)

        print("\n== key press in the list to reader and sidebar repainted (pty) ==")
        # Down the large list, a new article each time; up and down the two seeds.
        large = key_times([corpus], warm_cache, "j")
        from dateline.resources import seeds_dir

        seed_cache = work / "seed-cache"
        index_corpus(dateline, seeds_dir(), seed_cache)
        small = key_times([seeds_dir()], seed_cache, "jk")
        bare_keys = bare_key_times()
        for name, values in (
            ("bare Textual app", bare_keys),
            (f"{size:,} articles", large),
            ("2 seed articles", small),
        ):
            print(
                f"{name:<18} p50 {ms(percentile(values, 0.5)):>7} ms"
                f"  p95 {ms(percentile(values, 0.95)):>7} ms  ({len(values)} presses)"
            )
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nthis process's own peak RSS (in-process steps): {own:,.0f} MB")
        if options.json_lines:
            json_lines_case(dateline, work, corpus, options)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
