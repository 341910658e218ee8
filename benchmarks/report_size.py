"""Sizes of the story report and the time to make and write it.

    python benchmarks/report_size.py [--runs 20]

Two stories: the seeds' (2 articles) and one of 20 articles from
make_corpus.one_story (JSON Lines, with links). For each, in Markdown and
HTML: the report's size in bytes, the median time to build and render it from
a story already grouped (what "Report this story" does in its worker), and to
write it to a file; then `dateline report` end to end on a warm cache (the
files read and their facts found before), in a fresh process."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import machine
from dateline.facts.extract import extract_facts
from dateline.model.corpus import Corpus
from dateline.output.report import render, story_document, story_report
from dateline.stories import group_stories

REPOSITORY = Path(__file__).resolve().parent.parent
FOLDERS = ("CONFIG", "DATA", "CACHE")


def _make_corpus():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPOSITORY / "benchmarks" / "make_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


def measure(name: str, folder: Path, runs: int, out: Path) -> None:
    articles = Corpus.load([folder]).articles
    items = [(article, extract_facts(article)) for article in articles]
    (story,) = group_stories(items)
    by_id = {article.id: article for article in articles}
    for fmt, suffix in (("markdown", ".md"), ("html", ".html")):
        renders, writes = [], []
        text = ""
        for _ in range(runs):
            started = time.perf_counter()
            text = render(story_document([story_report(story, by_id)]), fmt)
            renders.append(time.perf_counter() - started)
            target = out / f"{name}{suffix}"
            started = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            writes.append(time.perf_counter() - started)
        size = len(text.encode("utf-8"))
        command = [sys.executable, "-m", "dateline.cli", "report", str(folder), "--story", "1"]
        command += ["--format", fmt, "-o", str(out / f"cli-{name}{suffix}")]
        # A cache of its own, warmed first: the files read and their facts found.
        env = {**os.environ, **{f"DATELINE_{kind}_DIR": str(out / kind) for kind in FOLDERS}}
        subprocess.run(command, check=True, env=env)
        started = time.perf_counter()
        subprocess.run(command, check=True, env=env)
        whole = time.perf_counter() - started
        print(
            f"| {name} ({len(story.article_ids)} articles) | {fmt} | {size:,} |"
            f" {statistics.median(renders) * 1000:.1f} ms |"
            f" {statistics.median(writes) * 1000:.2f} ms | {whole:.2f} s |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        long_story = base / "long-story"
        long_story.mkdir()
        lines = "".join(article.json_line() for article in _make_corpus().one_story(20))
        (long_story / "story.jsonl").write_text(lines, encoding="utf-8")
        print(machine())
        print("| story | format | bytes | build and render | write | `dateline report`, warm |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        measure("seeds", REPOSITORY / "seeds", options.runs, base)
        measure("make_corpus story", long_story, options.runs, base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
