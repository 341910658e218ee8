"""Facts found in worker processes: the same facts as in process, an article
over its time budget stopped with what was found and a warning, a dead
worker costing only its own article, and the article wanted now first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from pathlib import Path

from dateline.facts.extract import extract_facts
from dateline.facts.workers import INCOMPLETE, FactFinder
from dateline.model.article import Article
from dateline.model.corpus import Corpus

TEST_STAGES = "tests.facts.stages_for_tests:stages"


def article(title: str, text: str = "The strike will start on 3 March 2017.") -> Article:
    return Article(title, Path(f"{title}.txt"), dt.date(2017, 1, 24), title, (text,))


def test_workers_find_the_facts_found_in_process(seed_corpus: Corpus) -> None:
    articles = list(seed_corpus)
    with FactFinder[str](processes=2) as finder:
        found = {key: facts for key, _, facts in finder.find((a.id, a) for a in articles)}
    assert sorted(found) == sorted(a.id for a in articles)
    for item in articles:
        assert found[item.id] == extract_facts(item)
        assert found[item.id].dates  # the seeds have dates: not an empty answer


def test_an_article_over_its_budget_keeps_what_was_found_and_the_rest_go_on() -> None:
    slow, after = article("slow"), article("after")
    started = time.monotonic()
    with FactFinder[str](processes=1, budget=1.0, stages=TEST_STAGES) as finder:
        found = {key: facts for key, _, facts in finder.find([("slow", slow), ("after", after)])}
    assert time.monotonic() - started < 30  # not the 60 s the slow article wanted
    # The dates stage was done before the worker stalled: its facts are kept.
    assert [d.text for d in found["slow"].dates] == ["3 March 2017"]
    assert found["slow"].problems == (INCOMPLETE.format("1"),)
    # The next article, on a new worker, is whole.
    assert found["after"] == extract_facts(after)


def test_a_worker_that_dies_or_fails_costs_only_its_own_article() -> None:
    items = [("crash", article("crash")), ("fail", article("fail")), ("fine", article("fine"))]
    with FactFinder[str](processes=1, stages=TEST_STAGES) as finder:
        found = {key: facts for key, _, facts in finder.find(items)}
    assert found["crash"].problems == ("facts incomplete: the worker finding them stopped",)
    assert [d.text for d in found["crash"].dates] == ["3 March 2017"]
    assert found["fail"].problems == ("facts failed: RuntimeError: an extractor broke",)
    assert found["fine"] == extract_facts(article("fine"))


def test_the_article_wanted_now_goes_first() -> None:
    with FactFinder[str](processes=1) as finder:
        for title in ("first", "second", "third"):
            finder.submit(title, article(title))
        finder.submit("open", article("open"), urgent=True)
        order = []
        while finder.pending:
            order += [key for key, _, _ in finder.results()]
    assert order == ["open", "first", "second", "third"]


def test_results_with_a_timeout_return_when_nothing_is_done() -> None:
    with FactFinder[str](processes=1, budget=2.0, stages=TEST_STAGES) as finder:
        finder.submit("slow", article("slow"))
        started = time.monotonic()
        assert finder.results(timeout=0.1) == []
        assert time.monotonic() - started < 2.0
        [(key, _, facts)] = finder.results()
    assert key == "slow" and facts.problems == (INCOMPLETE.format("2"),)
    assert dataclasses.replace(facts, problems=()).dates


def test_the_library_stores_an_article_stopped_for_time_with_its_warning(tmp_path: Path) -> None:
    from dateline.store.library import Library
    from tests.store.test_library import index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for title in ("slow", "next"):
        (corpus / f"{title}.md").write_text(
            f"---\ntitle: {title}\ndate: 2017-01-24\n---\n\nThe strike starts on 3 March 2017.\n"
        )
    library = Library.open(tmp_path / "library.sqlite3")
    try:
        index(library, corpus)
        seen: list[int] = []
        with FactFinder[int](processes=1, budget=1.0, stages=TEST_STAGES) as finder:
            done = library.extract_missing(
                lambda done, total, rate: None,
                extracted=lambda rowid, digest, f: seen.append(rowid),
                finder=finder,
            )
        assert done == 2 and len(seen) == 2
        stored = {e.id: library.facts(e.rowid) for e in library.entries([corpus])}
    finally:
        library.close()
    assert stored["slow"].problems == (INCOMPLETE.format("1"),)
    assert [d.text for d in stored["slow"].dates] == ["3 March 2017"]
    assert stored["next"].problems == () and [d.text for d in stored["next"].dates] == [
        "3 March 2017"
    ]


def test_workers_can_run_at_a_lower_priority() -> None:
    own = os.getpriority(os.PRIO_PROCESS, 0)
    with FactFinder[int](processes=1, nice=5) as finder:
        found = list(finder.find([(1, article("x", "Paul Holmes said on Friday it cost £5m."))]))
        (worker,) = finder._workers
        assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) == min(own + 5, 19)
    assert found[0][2].people[0].name == "Paul Holmes"
