"""Facts found while a corpus is read (`dateline index`, `dateline export`):
each batch the indexer stores goes to the workers at once, a corpus of few
new articles has its facts found in process, and every article ends with the
facts it would have had found one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.facts.extract import extract_facts
from dateline.facts.workers import FactFinder
from dateline.store import finding
from dateline.store.finding import FactsAsRead
from dateline.store.library import Library
from tests.store.test_library import write


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        write(folder, f"story{n:03d}.txt", n + 1)
    return folder


def index_with_facts(library: Library, folder: Path, along: FactsAsRead) -> tuple[list[int], int]:
    """Index `folder` with `along` taking each batch; the rowids listed at each
    report, and the articles whose facts were found."""
    reported: list[int] = []

    def files_read(change, progress) -> None:  # type: ignore[no-untyped-def]
        reported.append(len(change.added))
        along.read(entry.rowid for entry in change.added)

    library.index([folder], files_read)
    return reported, along.rest([entry.rowid for entry in library.entries([folder])])


def test_facts_are_found_by_the_workers_from_the_first_batch(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 90)
    library = Library.open(tmp_path / "library.sqlite3")
    finders: list[FactFinder[int]] = []
    sent_before_the_end: list[int] = []

    def workers() -> FactFinder[int]:
        finders.append(FactFinder[int](processes=2))
        return finders[0]

    along = FactsAsRead(library, workers, lambda done, total, rate: None, start_from=40)
    try:
        reported: list[int] = []

        def files_read(change, progress) -> None:  # type: ignore[no-untyped-def]
            reported.append(len(change.added))
            along.read(entry.rowid for entry in change.added)
            if progress.walking:
                sent_before_the_end.append(len(along._sent) + len(along._done))

        library.index([folder], files_read)
        found = along.rest([entry.rowid for entry in library.entries([folder])])
    finally:
        for finder in finders:
            finder.close()
    assert reported[0] == 40  # the indexer's first report: a screenful
    assert len(finders) == 1  # started at the first report, once
    assert sent_before_the_end and sent_before_the_end[0] == 40
    assert found == 90
    assert library.without_facts() == []
    for entry in library.entries([folder])[:5]:
        assert library.facts(entry.rowid) == extract_facts(library.article(entry.rowid))
    library.close()


def test_a_few_new_articles_have_their_facts_found_in_process(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 5)
    library = Library.open(tmp_path / "library.sqlite3")

    def no_workers() -> FactFinder[int]:
        raise AssertionError("workers started for five articles")

    along = FactsAsRead(library, no_workers, lambda done, total, rate: None, start_from=40)
    _, found = index_with_facts(library, folder, along)
    assert found == 5
    assert library.without_facts() == []
    library.close()


def test_the_workers_are_never_far_ahead_of_the_facts_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finding, "AHEAD", 10)
    folder = corpus(tmp_path / "corpus", 60)
    library = Library.open(tmp_path / "library.sqlite3")
    with FactFinder[int](processes=1) as finder:
        ahead: list[int] = []
        submit = finder.submit

        def counted_submit(key: int, article, *, urgent: bool = False) -> None:  # type: ignore[no-untyped-def]
            submit(key, article, urgent=urgent)
            ahead.append(finder.pending)

        monkeypatch.setattr(finder, "submit", counted_submit)
        along = FactsAsRead(library, lambda: finder, lambda done, total, rate: None)
        _, found = index_with_facts(library, folder, along)
    assert found == 60
    assert max(ahead) <= 11
    assert library.without_facts() == []
    library.close()


def test_a_second_reading_finds_no_facts_again(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 3)
    library = Library.open(tmp_path / "library.sqlite3")
    along = FactsAsRead(library, lambda: FactFinder[int](processes=1), lambda *_: None)
    _, found = index_with_facts(library, folder, along)
    assert along.finder is not None
    along.finder.close()
    assert found == 3

    def no_workers() -> FactFinder[int]:
        raise AssertionError("workers started with every article's facts cached")

    _, again = index_with_facts(library, folder, FactsAsRead(library, no_workers, lambda *_: None))
    assert again == 0
    library.close()
