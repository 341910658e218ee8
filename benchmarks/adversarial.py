"""How the whole facts pass grows on hostile text: one paragraph, dense with
one kind of fact, doubled from 6 KB to 384 KB.

    python benchmarks/adversarial.py [--kinds quotes,dates] [--max-kb 384]
                                     [--timeout 60] [--repeat 1]
                                     [--only dates,quantities] [--clock cpu]

Each kind is a short unit of text repeated, with no paragraph break, to the
size asked for; `extract_facts` runs on it as on an article of that one
paragraph. Every measurement runs in a fresh process, so that a kind that
grows with the square of the length can be stopped (`--timeout`) without
stopping the run, and no cache carries over from a smaller size.

With --clock cpu the figures are the child's CPU time rather than the wall
clock: on a machine other work shares, the wall clock of one run can be
several times its CPU time, and varies from run to run.

With --only, the child times those extractors alone (dates, quantities,
entities, quotes) on the shared text layer, so each can be measured apart
from the others; the layer itself is built before the clock starts.

Printed per kind: the seconds at each size, the growth from one size to the
next (2.0 is linear, 4.0 quadratic) and the seconds per 100 KB at the largest
size measured. The baseline is ordinary news: the seed articles' paragraphs,
repeated the same way. The target (issue 16): every kind at most 0.5 s per
100 KB, growing about 2x a doubling.
"""

from __future__ import annotations

import argparse
import calendar
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from common import machine

ROOT = Path(__file__).resolve().parent.parent
SIZES_KB = (6, 12, 24, 48, 96, 192, 384)
TARGET_SECONDS_PER_100KB = 0.5


def _seed_text() -> str:
    from dateline.model.loading import load_paths

    articles = load_paths([ROOT / "seeds"]).articles
    return " ".join(paragraph for article in articles for paragraph in article.paragraphs) + " "


# The unit of each hostile kind. The first eight are those issue 16 measured;
# the rest were written to find the next worst.
KINDS: dict[str, str] = {
    "news (baseline)": "",  # the seeds' text, filled in at run time
    "quotes, pronoun speakers": "“Yes,” he said. John Smith came. ",
    "number words, money and percent": "two million pounds and ten per cent, ",
    "dates, every form": (
        "On 3 March 2017 and on Monday, today, last week, in 2019, on 2017-03-04, "
        "at Christmas, at 4pm yesterday, the following year, "
    ),
    "surname, then unproven names": "then Blarg said it, then Zork Blarg came. ",
    "organisation, colon, quote": 'BBC: "ab". ',
    "thousands separators": "1,000,",
    "quotation marks, every kind": "\"a 'b' “c ‘d’ e” f\" ‘g “h” i’ '",
    # Own kinds.
    "all capitals": "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT. ",
    "title case run": "Kirklees Council Unison Branch Secretary Paul Holmes Leeds United ",
    "table lines": "Arminia Bielefeld 16 4 4 8 18 28 16 ",
    "given names and commas": "Paul, John, Mary, Sarah, James, Emma, ",
    "appositives": "Paul Holmes, branch secretary for Unison, said, ",
    "speech verbs, no quotes": "he said she said they said it said ",
    "numbers and units": "450 staff, £5m, 79%, 12 per cent, $3.5 billion, ",
    "unclosed quotes": "“He said ‘we will ",
    "abbreviations": "Mr. Dr. St. Jan. Sen. Gov. J. B. ",
    "parentheses": "(Reuters) (AP) (pictured) (",
    "hyphens and dashes": "well-known - long-term – short-term — ",
    "quarters and year-ago": (
        "third-quarter net income rose from a year earlier, in the quarter, "
        "the year-earlier period, a year ago, fiscal 1997, "
    ),
    # Each of the speaker search's paths, run without end.
    "quotes, appositive speakers, interrupted": (
        '"Yes," Paul Holmes, the branch secretary, said, "and no," '
    ),
    "quotes, speaker in the next sentence": "“Yes.” The line came from Smith’s aide, Paul Holmes. ",
    "quotes, she among men": "John Smith came. “No,” she said. ",
    "quotes, according to and colons": "According to Paul Holmes, it was “a disaster”; BBC: “ab”. ",
    "quotes, it and the statement said": '"Ab," the statement said. "Cd," it said. It said so. ',
    "quotation marks, nested and misprinted": (
        '“a "b" c ”Yes,“ Holmes Inc. “No.” ‘the workers’ rights '
    ),
    # Dates and quantities: the kinds that were worst for their extractors.
    "number words, one long run": "one hundred and ",
    "dates, all different": ", ".join(
        f"{day} {month} {year}"
        for year in range(1901, 2100)
        for month in calendar.month_name[1:]
        for day in range(1, 29, 3)
    )
    + ", ",
    "dates, one sentence of weekdays and cues": (
        "and on Monday, said Smith, it will close on Friday "
    ),
    "fiscal calendars stated": (
        "the fourth quarter, which ended Jan. 31, and fiscal 1997, which ends Jan. 30, 1999, "
        "the current year, the previous quarter, the same quarter a year earlier, "
    ),
}

_CHILD = """
import json, sys, time
from dateline.facts.extract import extract_facts
from dateline.model.article import Article
from pathlib import Path
import datetime as dt
text = sys.stdin.read()
only = sys.argv[1:]
article = Article("hostile", Path("hostile.txt"), dt.date(2017, 1, 24), "t", (text,))
extract_facts(Article("warm", Path("w.txt"), dt.date(2017, 1, 24), "t", ("Warm up on 3 March.",)))
if only:
    from dateline.facts.dates import find_dates
    from dateline.facts.entities import find_entities
    from dateline.facts.quantities import find_quantities
    from dateline.facts.quotes import find_quotes
    from dateline.facts.text import ArticleText
    layer = ArticleText(article.paragraphs)
    runs = {
        "dates": lambda: find_dates(layer, article.date)[0],
        "quantities": lambda: find_quantities(layer),
        "entities": lambda: find_entities(layer)[0],
        "quotes": lambda: find_quotes(article.paragraphs, [], []),
    }
    started, cpu = time.perf_counter(), time.process_time()
    count = sum(len(runs[name]()) for name in only)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "facts": count, "problems": []}))
    raise SystemExit
started, cpu = time.perf_counter(), time.process_time()
facts = extract_facts(article)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
count = sum(len(getattr(facts, kind)) for kind in
            ("dates", "durations", "quantities", "people", "organizations", "places", "quotes"))
print(json.dumps({"seconds": elapsed, "cpu": cpu, "facts": count,
                  "problems": list(facts.problems)}))
"""


def measure(text: str, timeout: float, only: Sequence[str] = ()) -> dict[str, object] | None:
    """One whole facts pass over `text` (or the extractors in `only`) in a
    fresh process; None if it ran out of time."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *only],
            input=text,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def build(unit: str, kilobytes: int) -> str:
    size = kilobytes * 1024
    return (unit * (size // len(unit) + 1))[:size].strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", help="comma-separated parts of kind names to run")
    parser.add_argument("--max-kb", type=int, default=SIZES_KB[-1])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per measurement")
    parser.add_argument("--repeat", type=int, default=1, help="best of N at each size")
    parser.add_argument(
        "--only", help="comma-separated extractors to time alone: dates, quantities, ..."
    )
    parser.add_argument(
        "--clock", choices=("wall", "cpu"), default="wall", help="which time to report"
    )
    options = parser.parse_args()

    kinds = dict(KINDS)
    kinds["news (baseline)"] = _seed_text()
    if options.kinds:
        wanted = [part.strip() for part in options.kinds.split(",")]
        kinds = {name: unit for name, unit in kinds.items() if any(w in name for w in wanted)}
    sizes = [size for size in SIZES_KB if size <= options.max_kb]
    clock = "CPU time" if options.clock == "cpu" else "wall clock"
    print(f"# {machine()}; {time.strftime('%Y-%m-%d %H:%M')}; {clock}", flush=True)
    header = " | ".join(f"{size} KB" for size in sizes)
    print(f"| kind | {header} | growth a doubling | s per 100 KB | met? |")
    print("| --- |" + " ---: |" * (len(sizes) + 3))
    worst: tuple[float, str] = (0.0, "")
    for name, unit in kinds.items():
        times: list[float | None] = []
        for size in sizes:
            if times and times[-1] is None:
                times.append(None)  # stopped at a smaller size: no point going on
                continue
            only = options.only.split(",") if options.only else ()
            runs = [
                measure(build(unit, size), options.timeout, only) for _ in range(options.repeat)
            ]
            key = "cpu" if options.clock == "cpu" else "seconds"
            seconds = [float(run[key]) for run in runs if run is not None]  # type: ignore[arg-type]
            times.append(min(seconds) if len(seconds) == len(runs) else None)
            print(f"  {name} {size} KB: {times[-1]}", file=sys.stderr, flush=True)
        measured = [(size, t) for size, t in zip(sizes, times, strict=True) if t is not None]
        growth = [
            later / earlier
            for (_, earlier), (_, later) in pairwise(measured)
            if earlier > 0.005  # below 5 ms, timer noise is most of it
        ]
        last_size, last_time = measured[-1] if measured else (0, 0.0)
        per_100 = last_time / last_size * 100 if last_size else float("inf")
        stopped = any(t is None for t in times)
        met = not stopped and per_100 <= TARGET_SECONDS_PER_100KB
        if stopped:
            per_100 = float("inf")
        worst = max(worst, (per_100, name))
        cells = " | ".join("stopped" if t is None else f"{t:.3f}" for t in times)
        growth_text = " ".join(f"{g:.1f}" for g in growth) or "–"
        per_text = "–" if stopped else f"{per_100:.3f}"
        print(
            f"| {name} | {cells} | {growth_text} | {per_text} | {'yes' if met else 'no'} |",
            flush=True,
        )
    print(f"\nworst: {worst[1]} ({worst[0]:.3f} s per 100 KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
