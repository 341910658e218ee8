"""Hostile text against the loader, the cleaner and story grouping: does the time
grow with the text, or with its square?

    python benchmarks/adversarial_loader.py [--kinds a,b] [--largest 400]
                                            [--step-limit 5] [--min-time 0.3]

Each kind of hostile input (issue 16, and more of our own) is made at 6 KB and
doubled up to --largest KB (6, 12, 25, 50, 100, 200, 400). For each size the
work is timed alone, the input built beforehand: repeated until --min-time
seconds have passed (at most 20 times) and the best run kept, so that the
small sizes are not lost in timer noise. Printed per kind and size: the time,
the seconds per 100 KB, and the growth over the size before (x2.0 is linear,
x4.0 quadratic). A kind stops doubling once one size takes longer than
--step-limit seconds (older code can take minutes).

Targets: at most 0.5 s per 100 KB at every size, and growth about x2.

Kinds:
- json-names: one JSON Lines record of thousands of field names that read
  alike (each "tag" plus a distinct run of zero-width characters);
- date-header: a seed file whose date header never ends (" date 1/1/1/…");
- json-escapes: one JSON Lines record whose text is escaped control
  characters and lone surrogates (every one made visible, counted);
- video-openers: a paragraph of "Video will play in" with no "Share this video";
- video-labels: a paragraph of video-player labels ("Cancel Play now …");
- newsletter: a sign-up box opener followed by "We have more newsletters"
  over and over, with no full stop;
- photo-credits: "Photo: A/B" credits back to back;
- figures-repeated: two articles of one day, each repeating "John Smith said
  450 staff were cut." (story figures side by side);
- figures-varied: the same, each sentence naming another town, so that no
  two contexts are the same;
- figures-endless: two articles, each one sentence that never ends, with a
  figure every few words.

Stories' kinds time `side_by_side` alone, on facts made here (a count at every
"450 staff"): the extractors are not under test.

To measure older code, put its `src` first on PYTHONPATH (`git archive REV src
| tar -x -C /tmp/old` and PYTHONPATH=/tmp/old/src); the header says which
Dateline was imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dateline
from common import machine
from dateline.facts.base import ArticleFacts, Quantity
from dateline.model.article import Article
from dateline.model.cleaning import clean_paragraphs
from dateline.model.loading import parse_article, parse_json_lines, parse_publication_date
from dateline.stories import side_by_side

KB = 1024
SIZES_KB = (6, 12, 25, 50, 100, 200, 400)
TARGET_SECONDS_PER_100KB = 0.5
MAX_REPEATS = 20


def repeat_to(size: int, piece: str) -> str:
    return piece * max(1, size // len(piece.encode()))


def json_names(size: int) -> Callable[[], object]:
    hidden = "\u200b\u2060\u00ad\ufeff"
    fields: dict[str, str] = {"text": "Text.", "date": "2017-01-24"}
    number = 1
    while len(json.dumps(fields).encode()) < size:
        for _ in range(200):
            spelling, left = "", number
            while left:
                left, digit = divmod(left, len(hidden))
                spelling += hidden[digit]
            fields["tag" + spelling] = "x"
            number += 1
    data = json.dumps(fields).encode()
    path = Path("names.jsonl")
    return lambda: parse_json_lines(data, path)


def date_header(size: int) -> Callable[[], object]:
    data = (" date " + repeat_to(size, "1/") + " The text.").encode()
    path = Path("header.txt")

    def run() -> object:
        parse_publication_date.cache_clear()  # each repeat parses afresh
        return parse_article(data, path)

    return run


def json_escapes(size: int) -> Callable[[], object]:
    text = repeat_to(size, "\\u001b[2J\\ud800 ")
    data = ('{"date": "2017-01-24", "text": "' + text + '"}').encode()
    path = Path("escapes.jsonl")
    return lambda: parse_json_lines(data, path)


def cleaner(piece: str) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        paragraph = repeat_to(size, piece)
        return lambda: clean_paragraphs([paragraph])

    return make


SYLLABLES = ("ba", "ken", "dor", "mil", "ra", "ton", "wes", "ly", "cas", "ter", "ford", "ham")
# Made-up town names, all different: 12 ** 4 of them.
TOWNS = [
    (a + b + c + d).capitalize()
    for a in SYLLABLES
    for b in SYLLABLES
    for c in SYLLABLES
    for d in SYLLABLES
]


def figures(text_of: Callable[[int, int], str]) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        items = []
        for number in range(2):
            text = text_of(size // 2, number)
            quantities = tuple(
                Quantity(match.group(0), 0, match.start(), match.end(), "count", 450, "staff")
                for match in re.finditer("450 staff", text)
            )
            article = Article(
                id=f"a{number}",
                path=Path(f"a{number}.txt"),
                date=dt.date(2017, 1, 24),
                title="Cuts",
                paragraphs=(text,),
            )
            items.append((article, ArticleFacts(quantities=quantities)))
        return lambda: side_by_side(items)

    return make


def varied(size: int, number: int) -> str:
    """Sentences that differ only in the town: each figure's context is its own."""
    sentences = []
    total = 0
    for town in TOWNS[number::2]:
        if total >= size:
            break
        sentence = f"John Smith said 450 staff were cut in {town} council. "
        sentences.append(sentence)
        total += len(sentence)
    return "".join(sentences)


KINDS: dict[str, Callable[[int], Callable[[], object]]] = {
    "json-names": json_names,
    "date-header": date_header,
    "json-escapes": json_escapes,
    "video-openers": cleaner("Video will play in "),
    "video-labels": cleaner("Cancel Play now Tap to play "),
    "newsletter": cleaner("Get daily updates + Subscribe We have more newsletters "),
    "photo-credits": cleaner("Photo: Jeffery Titcomb/REX "),
    "figures-repeated": figures(
        lambda size, _: repeat_to(size, "John Smith said 450 staff were cut. ")
    ),
    "figures-varied": figures(varied),
    "figures-endless": figures(lambda size, _: repeat_to(size, "and then 450 staff were cut and ")),
}


def best_time(run: Callable[[], object], min_time: float) -> float:
    best = float("inf")
    spent = 0.0
    for _ in range(MAX_REPEATS):
        gc.collect()
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        spent += elapsed
        if spent >= min_time:
            break
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated")
    parser.add_argument("--largest", type=int, default=400, help="KB")
    parser.add_argument("--step-limit", type=float, default=5.0, help="seconds")
    parser.add_argument("--min-time", type=float, default=0.3, help="seconds per size")
    options = parser.parse_args(argv)
    kinds = [kind for kind in options.kinds.split(",") if kind]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)}; known: {', '.join(KINDS)}")
    sizes = [size for size in SIZES_KB if size <= options.largest]
    print(f"dateline from {Path(dateline.__file__).parent}")
    print(machine())
    header = f"{'kind':<18}" + "".join(f"{f'{size} KB':>16}" for size in sizes)
    print(header)
    print(" " * 18 + f"{'(ms, x growth)':>16}" * len(sizes))
    worst: list[tuple[float, str]] = []
    for kind in kinds:
        cells = []
        previous = None
        for size in sizes:
            run = KINDS[kind](size * KB)
            seconds = best_time(run, options.min_time)
            growth = f"x{seconds / previous:.1f}" if previous else ""
            cells.append(f"{seconds * 1000:>9,.1f} {growth:>5}")
            per_100kb = seconds * 100 / size
            worst.append((per_100kb, f"{kind} at {size} KB"))
            previous = seconds
            if seconds > options.step_limit:
                cells.append("  (stopped)")
                break
            print(f"  {kind} {size} KB: {seconds:.3f} s", file=sys.stderr, flush=True)
        print(f"{kind:<18}" + "".join(f"{cell:>16}" for cell in cells))
    slowest, where = max(worst)
    met = "met" if slowest <= TARGET_SECONDS_PER_100KB else "NOT met"
    print(
        f"\nslowest: {slowest:.3f} s per 100 KB ({where});"
        f" target {TARGET_SECONDS_PER_100KB} s per 100 KB: {met}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
