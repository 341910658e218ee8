"""How fast Dateline extracts facts, beside dateparser's search_dates.

    python benchmarks/facts_speed.py [--count 1000] [--baseline-sample 200]
                                     [--seed 0] [--rounds 10]

The articles come from benchmarks/make_corpus.py, made in memory (no duplicates:
a copy would time one article twice). Each is turned into an `Article` by the
loader's own `parse_article`, from the bytes of its seed-format file, so the
text is what a reader would see; that loading is timed too, but apart, and the
extraction figures cover extraction only.

Measured in one run:
- Dateline: `extract_facts` on every article (articles a second, mean and p95
  ms an article, ms per 500 words with each article's time scaled by its own
  word count), the shared text layer (ArticleText) and each extractor on its
  own (find_dates and find_quantities on that layer, as extract_facts hands it,
  find_entities, find_quotes; mean ms an article).
- Baseline: `dateparser.search_dates(text, languages=["en"])` on the articles'
  text. At 40 to 150 ms an article it runs on a sample (--baseline-sample,
  drawn with the seed from the same articles); its rates are per article of
  that sample, and Dateline's figures on the same sample are shown beside them.

The ratio is Dateline's articles a second over search_dates' articles a second.
The targets: a ratio of at least 10, and a mean under 10 ms per 500 words.

Machines are shared and noisy, so the work is cut into --rounds rounds, each
with a slice of the articles for Dateline and a slice of the sample for
search_dates, and the two take turns going first; both are warmed up first
(imports, regular expressions, dateparser's language data). Garbage is
collected before each timed slice, never during one by request.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import make_corpus
from common import Spread, machine, spread
from dateline.facts.dates import find_dates
from dateline.facts.entities import find_entities
from dateline.facts.extract import extract_facts
from dateline.facts.quantities import find_quantities
from dateline.facts.quotes import find_quotes
from dateline.facts.text import ArticleText
from dateline.model.article import Article
from dateline.model.loading import LoadProblem, parse_article

DEFAULT_COUNT = 1000
DEFAULT_SAMPLE = 200
DEFAULT_ROUNDS = 10
WARM_UP_ARTICLES = 5
TARGET_RATIO = 10.0
TARGET_MS_PER_500_WORDS = 10.0


class BenchmarkError(Exception):
    """Articles that would not load, so there is nothing fair to time."""


@dataclass(slots=True)
class Clocks:
    """Seconds per article, by article index: on the wall clock, and in CPU time
    used by this process, which stays steadier when other work shares the machine."""

    wall: dict[int, float] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)

    def add(self, index: int, wall: float, cpu: float) -> None:
        self.wall[index] = wall
        self.cpu[index] = cpu


@dataclass(slots=True)
class Timings:
    dateline: Clocks = field(default_factory=Clocks)
    extractors: dict[str, Clocks] = field(default_factory=dict)
    baseline: Clocks = field(default_factory=Clocks)


# --- Articles -------------------------------------------------------------------------


def load_articles(count: int, seed: int) -> tuple[list[Article], list[float]]:
    """The synthetic articles as the loader makes them, and the seconds each took."""
    articles: list[Article] = []
    seconds: list[float] = []
    for synthetic in make_corpus.generate(count, seed, duplicates=0):
        data = synthetic.seed_text().encode("utf-8")
        path = Path(synthetic.file_name)
        start = time.perf_counter()
        loaded = parse_article(data, path)
        seconds.append(time.perf_counter() - start)
        if isinstance(loaded, LoadProblem):
            raise BenchmarkError(f"synthetic article did not load: {loaded}")
        articles.append(loaded)
    return articles, seconds


# --- What is timed ---------------------------------------------------------------------


def run_extractors_apart(article: Article, index: int, timings: Timings) -> None:
    """Each extractor on its own, as extract_facts calls it: dates and
    quantities on the text layer built once for the article."""
    paragraphs = article.paragraphs
    people = []
    text = ArticleText(paragraphs)

    def layer() -> None:
        nonlocal text
        text = ArticleText(paragraphs)

    def entities() -> None:
        nonlocal people
        people = find_entities(paragraphs)[0]

    steps: tuple[tuple[str, Callable[[], object]], ...] = (
        ("text layer", layer),
        ("find_dates", lambda: find_dates(text, article.date)),
        ("find_quantities", lambda: find_quantities(text)),
        ("find_entities", entities),
        ("find_quotes", lambda: find_quotes(paragraphs, people)),
    )
    for name, step in steps:
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        clocks = timings.extractors.setdefault(name, Clocks())
        clocks.add(index, time.perf_counter() - wall, time.process_time() - cpu)


def search_dates(text: str) -> object:
    from dateparser.search import search_dates as dateparser_search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's deprecation notices are not the subject
        return dateparser_search_dates(text, languages=["en"])


def warm_up(articles: Sequence[Article]) -> None:
    for article in articles[:WARM_UP_ARTICLES]:
        extract_facts(article)
        run_extractors_apart(article, 0, Timings())
        search_dates(article.text)


def time_each(indexes: Sequence[int], work: Callable[[int], object], clocks: Clocks) -> None:
    gc.collect()
    for index in indexes:
        wall, cpu = time.perf_counter(), time.process_time()
        work(index)
        clocks.add(index, time.perf_counter() - wall, time.process_time() - cpu)


def slices(items: Sequence[int], count: int) -> list[Sequence[int]]:
    """`items` cut into `count` runs of nearly equal length, in order."""
    return [items[len(items) * i // count : len(items) * (i + 1) // count] for i in range(count)]


def time_dateline(articles: Sequence[Article], indexes: Sequence[int], timings: Timings) -> None:
    time_each(indexes, lambda i: extract_facts(articles[i]), timings.dateline)
    gc.collect()
    for index in indexes:
        run_extractors_apart(articles[index], index, timings)


def time_baseline(articles: Sequence[Article], indexes: Sequence[int], timings: Timings) -> None:
    time_each(indexes, lambda i: search_dates(articles[i].text), timings.baseline)


def measure(articles: Sequence[Article], sample: Sequence[int], rounds: int) -> Timings:
    timings = Timings()
    everyone = range(len(articles))
    for number, (mine, theirs) in enumerate(
        zip(slices(everyone, rounds), slices(sample, rounds), strict=True)
    ):
        steps = [(time_dateline, mine), (time_baseline, theirs)]
        if number % 2:  # take turns going first, so a slow patch falls on both
            steps.reverse()
        for step, indexes in steps:
            step(articles, indexes, timings)
        print(f"  round {number + 1}/{rounds} done", file=sys.stderr, flush=True)
    return timings


# --- Report ----------------------------------------------------------------------------


def ms_per_500_words(times: dict[int, float], words: Sequence[int]) -> float:
    """Mean over articles of the article's time scaled to 500 words."""
    scaled = [seconds * 1000 * 500 / max(1, words[i]) for i, seconds in times.items()]
    return sum(scaled) / len(scaled)


@dataclass(slots=True, frozen=True)
class Row:
    name: str
    figures: Spread
    per_500_words: float

    def line(self) -> str:
        return (
            f"{self.name:<40} {self.figures.per_second:>10.1f} {self.figures.mean_ms:>8.2f} "
            f"{self.figures.p95_ms:>8.2f} {self.per_500_words:>13.2f}"
        )


def rows(timings: Timings, words: Sequence[int], clock: str) -> list[Row]:
    """Dateline on all articles and on the sample, and search_dates on the sample."""
    dateline: dict[int, float] = getattr(timings.dateline, clock)
    baseline: dict[int, float] = getattr(timings.baseline, clock)
    on_sample = {i: dateline[i] for i in baseline}
    return [
        Row(
            f"dateline extract_facts, all {len(dateline)}",
            spread(list(dateline.values())),
            ms_per_500_words(dateline, words),
        ),
        Row(
            f"dateline extract_facts, sample {len(on_sample)}",
            spread(list(on_sample.values())),
            ms_per_500_words(on_sample, words),
        ),
        Row(
            f"dateparser search_dates, sample {len(baseline)}",
            spread(list(baseline.values())),
            ms_per_500_words(baseline, words),
        ),
    ]


def verdicts(table: list[Row]) -> tuple[float, float, list[str]]:
    """The ratio, Dateline's ms per 500 words, and the lines that judge them."""
    dateline_all, dateline_sample, baseline = table
    ratio = dateline_all.figures.per_second / baseline.figures.per_second
    same_sample = dateline_sample.figures.per_second / baseline.figures.per_second
    per_500 = dateline_all.per_500_words
    return (
        ratio,
        per_500,
        [
            f"ratio, Dateline articles/s (all) / search_dates articles/s (sample): {ratio:.1f}x "
            f"(on the sample alone: {same_sample:.1f}x)",
            f"target ratio >= {TARGET_RATIO:.0f}: {'met' if ratio >= TARGET_RATIO else 'NOT met'}",
            f"target mean < {TARGET_MS_PER_500_WORDS:.0f} ms per 500 words ({per_500:.2f} ms): "
            f"{'met' if per_500 < TARGET_MS_PER_500_WORDS else 'NOT met'}",
        ],
    )


def format_report(
    articles: Sequence[Article], load_seconds: Sequence[float], timings: Timings, rounds: int
) -> str:
    words = [article.word_count for article in articles]
    loading = spread(load_seconds)
    header = f"{'':<40} {'articles/s':>10} {'mean ms':>8} {'p95 ms':>8} {'ms/500 words':>13}"
    lines = [
        f"Fact extraction on {len(articles)} synthetic articles "
        f"({sum(words) / len(words):.0f} words on average, {min(words)}-{max(words)}), "
        f"{rounds} alternating rounds",
        machine(),
        "",
        f"loading (parse_article, not in the figures below): {loading.mean_ms:.2f} ms an "
        f"article, {loading.mean_ms * 1000:.0f} ms per 1,000 articles",
    ]
    for clock, title in (("wall", "wall clock"), ("cpu", "CPU time of this process")):
        table = rows(timings, words, clock)
        lines += ["", f"{title}:", header, *(row.line() for row in table)]
        lines += ["", *verdicts(table)[2]]
    lines += [
        "",
        "each extractor alone, all articles:",
        f"{'':<20} {'mean ms':>8} {'p95 ms':>8} {'mean CPU ms':>12}",
    ]
    for name, clocks in timings.extractors.items():
        wall, cpu = spread(list(clocks.wall.values())), spread(list(clocks.cpu.values()))
        lines.append(f"  {name:<18} {wall.mean_ms:>8.2f} {wall.p95_ms:>8.2f} {cpu.mean_ms:>12.2f}")
    return "\n".join(lines)


# --- Main ------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Fact extraction speed of dateline, beside dateparser.search_dates."
    )
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help=f"articles (default {DEFAULT_COUNT})"
    )
    parser.add_argument(
        "--baseline-sample",
        type=int,
        default=DEFAULT_SAMPLE,
        help=f"articles given to search_dates (default {DEFAULT_SAMPLE})",
    )
    parser.add_argument("--seed", type=int, default=0, help="make_corpus seed (default 0)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=DEFAULT_ROUNDS,
        help=f"alternating measurement rounds (default {DEFAULT_ROUNDS})",
    )
    args = parser.parse_args(argv)
    if args.count < WARM_UP_ARTICLES:
        parser.error(f"--count must be at least {WARM_UP_ARTICLES}")
    if not 1 <= args.baseline_sample <= args.count:
        parser.error("--baseline-sample must be between 1 and --count")
    if not 1 <= args.rounds <= args.baseline_sample:
        parser.error("--rounds must be between 1 and --baseline-sample")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        articles, load_seconds = load_articles(args.count, args.seed)
    except BenchmarkError as error:
        print(f"facts speed benchmark failed: {error}", file=sys.stderr)
        return 1
    sample = sorted(Random(args.seed).sample(range(len(articles)), args.baseline_sample))
    warm_up(articles)
    timings = measure(articles, sample, args.rounds)
    print(format_report(articles, load_seconds, timings, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
