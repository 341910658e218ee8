"""Huge articles beside a normal one: loading, facts, and opening one in the reader.

    python benchmarks/huge_article.py [--cases normal,paragraphs,big,one,word]
                                      [--timeout 120] [--limit 900] [--json FILE]

Cases, written as seed-format files to a temporary folder (dated 2017-01-10,
before the seeds, so a seed article is open when the app starts):

- normal:     seed 001's text under another name and date: the baseline;
- paragraphs: 50,000 short paragraphs, one seed sentence each (5.7 MB);
- big:        20 MB in about 40,000 paragraphs of about 500 characters;
- one:        20 MB in one paragraph;
- word:       seed 001 with a 10,000-character word opening its lead, so the
              headline derived from the lead meets it too.

Each case runs in a child process of its own, so that its memory figures are
its own, and in this order:

1. `load_articles` on the file (wall time);
2. `extract_facts` on the article (wall time);
3. the app under Pilot at 120x40, on the seeds plus the case's article
   ("store" is building the app, which stores the articles in a temporary
   library). Once the seed article is on screen, the case's article is
   selected in the list (as a key press in the list would) and the reader
   focused; then, each timed from that moment or from the key event to the
   first frame that shows the change (the app's `_display` is wrapped to see
   frames):
   - open:  the first frame whose reader shows the start of the first paragraph;
   - keys:  j, j, k, space, space, b, G (the frame showing the end of the last
            paragraph), g, pressed while the facts are still being found, then
            again once every background worker is done;
   - facts: from the selection until the screen holds the article's facts;
   - far:   `show_source` on the last 40 characters of the last paragraph (in
            paragraph 50,000, or at character 19,600,000 of one), until the
            frame that shows them;
   - ] part: where the reader shows the article in parts, the key `]` from the
            first part, until the frame that shows part 2.
   Memory: the process's resident set before the selection and after the far
   fact, and its peak (max RSS) over the whole child, loading included.

The machine is shared and noisy: figures are single runs, and the ratios
against `normal`, measured in the same run, say more than the milliseconds.
A step that takes longer than --timeout seconds is reported as a timeout (a
step blocked on the UI thread is only seen to time out once it ends); a case
that takes longer than --limit seconds in all is stopped, and reports the
steps it finished. To measure older code, put its `src` first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine

CASES = ("normal", "paragraphs", "big", "one", "word")
CASE_DATE = "2017-01-10"
HUGE_BYTES = 20_000_000
PARAGRAPHS = 50_000
BIG_PARAGRAPH = 420  # sentences are added until this: about 500 bytes a paragraph
LONG_WORD = 10_000
SIZE = (120, 40)
KEYS = ("j", "j", "k", "space", "space", "b", "G", "g")
NEEDLE = 40  # characters looked for on screen


# --- The case files --------------------------------------------------------------


def seed_sentences() -> tuple[list[str], list[str]]:
    """Seed 001's paragraphs after cleaning, and its sentences."""
    from dateline.model.loading import load_articles
    from dateline.resources import seeds_dir

    path = next(seeds_dir().glob("001_*.txt"))
    article = load_articles(path).articles[0]
    sentences = [
        s
        for paragraph in article.paragraphs
        for s in re.split(r"(?<=[.!?”])\s+(?=[“A-Z])", paragraph)
        if len(s) > 20
    ]
    return list(article.paragraphs), sentences


def long_word() -> str:
    """Something like a pasted token or an encoded image: letters and digits, no break."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(alphabet[(i * 7 + i // 62) % 62] for i in range(LONG_WORD))


def case_paragraphs(case: str) -> list[str]:
    paragraphs, sentences = seed_sentences()
    if case == "normal":
        return paragraphs
    if case == "word":
        return [f"{long_word()} {paragraphs[0]}", *paragraphs[1:]]
    if case == "paragraphs":
        return [sentences[i % len(sentences)] for i in range(PARAGRAPHS)]
    out: list[str] = []
    size = 0
    i = 0
    if case == "big":
        while size < HUGE_BYTES:
            parts: list[str] = []
            while sum(len(p) + 1 for p in parts) < BIG_PARAGRAPH:
                parts.append(sentences[i % len(sentences)])
                i += 1
            paragraph = " ".join(parts)
            out.append(paragraph)
            size += len(paragraph.encode()) + 2
        return out
    if case == "one":
        while size < HUGE_BYTES:
            sentence = sentences[i % len(sentences)]
            out.append(sentence)
            size += len(sentence.encode()) + 1
            i += 1
        return [" ".join(out)]
    raise ValueError(case)


def write_case(case: str, folder: Path) -> Path:
    path = folder / f"huge_{case}.txt"
    paragraphs = case_paragraphs(case)
    # The seed format: the date header, then the first paragraph on the same line.
    path.write_text(f" date {CASE_DATE} " + "\n\n".join(paragraphs), encoding="utf-8")
    return path


# --- One case, in a child process ------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


class Frames:
    """Every frame the app puts out, and the first one that passes a check."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.count = 0
        self.check: Callable[[], bool] | None = None
        self.passed_at: float | None = None
        display = app._display

        def wrapped(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            self.count += 1
            if self.check is not None and self.passed_at is None and self.check():
                self.passed_at = time.perf_counter()

        app._display = wrapped

    async def until(self, check: Callable[[], bool], start: float, timeout: float) -> float | None:
        """Seconds from `start` to the first frame after now for which `check`
        holds; None on a timeout."""
        self.passed_at = None
        self.check = check
        deadline = time.perf_counter() + timeout
        try:
            while self.passed_at is None:
                if time.perf_counter() > deadline:
                    return None
                await asyncio.sleep(0.002)
            return self.passed_at - start
        finally:
            self.check = None

    async def next_frame(self, start: float, timeout: float) -> float | None:
        seen = self.count
        return await self.until(lambda: self.count > seen, start, timeout)


def visible_text(app: Any) -> str:
    """The text of the reader's paragraph widgets that are on screen now."""
    from dateline.tui.widgets.reader import ArticleReader

    reader = app.query_one(ArticleReader)
    visible = app.screen._compositor.visible_widgets
    window = reader.region
    parts = []
    for widget in visible:
        shown = widget.parent is reader and widget.has_class("paragraph") and widget.display
        if shown and widget.region.overlaps(window):
            parts.append(str(widget.render()))
    return "\n".join(parts)


def send_key(app: Any, key: str) -> None:
    """A key press as the terminal driver would post it."""
    from textual import events

    named = {"space": " ", "right_square_bracket": "]", "left_square_bracket": "["}
    character = named.get(key, key if len(key) == 1 else None)
    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)


async def press_keys(
    app: Any, frames: Frames, paragraphs: Sequence[str], timeout: float
) -> list[dict[str, Any]]:
    end = " ".join(paragraphs[-1][-NEEDLE:].split())
    results = []
    for key in KEYS:
        start = time.perf_counter()
        send_key(app, key)
        if key == "G":
            seconds = await frames.until(
                lambda: end in " ".join(visible_text(app).split()), start, timeout
            )
        else:
            seconds = await frames.next_frame(start, timeout)
        results.append({"key": key, "seconds": seconds})
        await asyncio.sleep(0.05)
    return results


async def wait_for_facts(screen: Any, start: float, timeout: float) -> float | None:
    """Seconds from `start` until the screen holds the open article's facts."""
    while screen.facts is None:
        if time.perf_counter() - start > timeout:
            return None
        await asyncio.sleep(0.005)
    return time.perf_counter() - start


async def in_app(article: Any, timeout: float, result: dict[str, Any]) -> None:
    """The app's steps (see the module's docstring), into `result` as they end."""
    from dateline.config import Config
    from dateline.model.corpus import Corpus
    from dateline.resources import seeds_dir, themes_dir
    from dateline.store.state import ReadingState
    from dateline.tui.app import DatelineApp
    from dateline.tui.widgets.article_list import ArticleList
    from dateline.tui.widgets.reader import ArticleReader

    seeds = Corpus.load([seeds_dir()]).articles
    with tempfile.TemporaryDirectory() as tmp:
        result["store_s"], app = timed(
            lambda: DatelineApp(
                Corpus([*seeds, article]),
                theme="dateline-dark",
                config=Config(),
                state=ReadingState.open(Path(tmp) / "state.sqlite3"),
                theme_folders=[themes_dir()],
            )
        )
        async with app.run_test(size=SIZE) as pilot:
            frames = Frames(app)
            for _ in range(3):
                await pilot.pause()
            screen = app.screen
            reader = app.query_one(ArticleReader)
            first = " ".join(article.paragraphs[0][:NEEDLE].split())
            result["rss_before_mb"] = rss_mb()
            emit(result)

            start = time.perf_counter()
            app.query_one(ArticleList).select(article.id)
            reader.focus()
            result["open_s"] = await frames.until(
                lambda: (
                    screen.article is not None
                    and screen.article.id == article.id
                    and first in " ".join(visible_text(app).split())
                ),
                start,
                timeout,
            )
            emit(result)
            if result["open_s"] is None:
                return
            facts_arrived = asyncio.create_task(wait_for_facts(screen, start, timeout))
            result["keys_during"] = await press_keys(app, frames, article.paragraphs, timeout)
            result["facts_s"] = await facts_arrived
            emit(result)
            deadline = start + timeout
            while any(w.is_running for w in app.workers) and time.perf_counter() < deadline:
                await asyncio.sleep(0.01)
            if not any(w.is_running for w in app.workers):
                result["workers_s"] = time.perf_counter() - start
            await asyncio.sleep(0.1)
            result["keys_after"] = await press_keys(app, frames, article.paragraphs, timeout)
            emit(result)

            last = len(article.paragraphs) - 1
            end = len(article.paragraphs[last])
            needle = " ".join(article.paragraphs[last][end - NEEDLE :].split())
            # From the top (already there, after the keys, unless g did nothing).
            send_key(app, "g")
            await asyncio.sleep(0.3)
            start = time.perf_counter()
            screen.show_source(article.id, last, end - NEEDLE, end)
            result["far_s"] = await frames.until(
                lambda: needle in " ".join(visible_text(app).split()), start, timeout
            )
            emit(result)
            notes = reader.query(".part-top")
            if notes and notes.first().display:
                # The article is shown in parts: from the start, turn to the second.
                reader.focus()
                send_key(app, "g")
                await asyncio.sleep(0.3)
                top = notes.first()
                start = time.perf_counter()
                send_key(app, "right_square_bracket")
                result["paging_s"] = await frames.until(
                    lambda: str(top.render()).startswith("Part 2 of"), start, timeout
                )
            result["rss_after_mb"] = rss_mb()
            result["frames"] = frames.count
            emit(result)


def emit(result: dict[str, Any]) -> None:
    """The results so far, as one line for the parent: a case stopped at its
    time limit still reports the steps it finished."""
    print(json.dumps(result), flush=True)


def run_case(case: str, path: Path, timeout: float) -> None:
    from dateline.facts.extract import extract_facts
    from dateline.model.loading import load_articles

    result: dict[str, Any] = {"case": case, "bytes": path.stat().st_size}
    result["load_s"], loaded = timed(lambda: load_articles(path))
    article = loaded.articles[0]
    result["paragraphs"] = len(article.paragraphs)
    result["longest"] = max(len(p) for p in article.paragraphs)
    result["title"] = article.title
    result["warnings"] = list(article.warnings)
    emit(result)
    result["extract_s"], facts = timed(lambda: extract_facts(article))
    result["facts"] = sum(
        len(getattr(facts, group))
        for group in ("dates", "durations", "quantities", "people", "organizations", "places")
    ) + len(facts.quotes)
    result["problems"] = list(facts.problems)
    emit(result)
    asyncio.run(in_app(article, timeout, result))
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    emit(result)


# --- The report ---------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    return "timeout" if seconds is None else f"{seconds * 1000:,.0f}"


def cell(result: dict[str, Any], key: str) -> str:
    if key not in result:
        return "-" if result.get("stopped") is None else "not reached"
    return ms(result[key])


def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return ""
    return f" {value / base:,.1f}x"


def key_summary(presses: list[dict[str, Any]] | None) -> str:
    if presses is None:
        return "not reached"
    times = [p["seconds"] for p in presses]
    if any(t is None for t in times):
        return "timeout on " + ",".join(p["key"] for p in presses if p["seconds"] is None)
    g = ms(presses[KEYS.index("G")]["seconds"])
    return f"p50 {ms(statistics.median(times))}, max {ms(max(times))} (G {g})"


def report(results: list[dict[str, Any]]) -> None:
    base = next((r for r in results if r["case"] == "normal"), None)
    print(f"\n{machine()}")
    print("\n== the articles ==")
    for r in results:
        print(
            f"{r['case']:<11} {r['bytes'] / 1e6:>6.2f} MB, {r['paragraphs']:>6,} paragraphs,"
            f" longest {r['longest']:>10,} characters; title {r['title'][:40]!r}"
        )
        for warning in [*r["warnings"], *r.get("problems", ())]:
            print(f"{'':<12}warning: {warning}")
        if r.get("stopped"):
            print(f"{'':<12}stopped after {r['stopped']:,.0f} s, the case's time limit")
    columns = (
        ("load", "load_s"),
        ("extract", "extract_s"),
        ("store", "store_s"),
        ("open", "open_s"),
        ("facts", "facts_s"),
        ("far fact", "far_s"),
        ("] part", "paging_s"),
    )
    print("\n== milliseconds (and the ratio against normal) ==")
    print(f"{'':<11}" + "".join(f"{title:>17}" for title, _ in columns))
    for r in results:
        cells = []
        for _, key in columns:
            text = cell(r, key)
            if base is not None and r is not base:
                text += ratio(r.get(key), base.get(key))
            cells.append(f"{text:>17}")
        print(f"{r['case']:<11}" + "".join(cells))
    print(f"\n== key press to frame, ms ({' '.join(KEYS)}) ==")
    for r in results:
        print(f"{r['case']:<11} while the facts are found: {key_summary(r.get('keys_during'))}")
        print(f"{'':<11} once every worker is done: {key_summary(r.get('keys_after'))}")
    print("\n== memory, MB ==")
    for r in results:
        if "rss_after_mb" not in r:
            print(f"{r['case']:<11} not reached")
            continue
        grown = r["rss_after_mb"] - r["rss_before_mb"]
        peak = f"{r['peak_mb']:,.0f}" if "peak_mb" in r else "not taken (stopped)"
        print(
            f"{r['case']:<11} resident before opening {r['rss_before_mb']:,.0f},"
            f" after {r['rss_after_mb']:,.0f} (+{grown:,.0f});"
            f" peak of the process {peak}; facts found {r['facts']:,}"
        )


def run_child(case: str, path: Path, timeout: float, limit: float) -> dict[str, Any] | None:
    """One case in a child process; what it reported, even if stopped at `limit` seconds."""
    argv = [
        sys.executable, __file__, "--child", case, "--path", str(path), "--timeout", str(timeout)
    ]  # fmt: skip
    started = time.perf_counter()
    stopped = None
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, text=True, timeout=limit, check=False)
        output = done.stdout
        if done.returncode != 0:
            print(f"{case}: the child failed (exit {done.returncode})", file=sys.stderr)
    except subprocess.TimeoutExpired as expired:
        stopped = time.perf_counter() - started
        raw = expired.stdout or ""
        output = raw.decode() if isinstance(raw, bytes) else raw
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if not lines:
        return None
    result = json.loads(lines[-1])
    if stopped is not None:
        result["stopped"] = stopped
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a step may take")
    parser.add_argument("--limit", type=float, default=900.0, help="seconds a case may take")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args(argv)
    if options.child:
        # As in the tests: no animation, so a scroll is done in one frame.
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        run_case(options.child, options.path, options.timeout)
        return 0
    cases = [c for c in options.cases.split(",") if c]
    unknown = set(cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    results = []
    with tempfile.TemporaryDirectory(prefix="dateline-huge-") as tmp:
        for case in cases:
            print(f"{case}: running…", file=sys.stderr)
            path = write_case(case, Path(tmp))
            result = run_child(case, path, options.timeout, options.limit)
            if result is not None:
                results.append(result)
    if options.json:
        options.json.write_text(json.dumps(results, indent=1))
    report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
