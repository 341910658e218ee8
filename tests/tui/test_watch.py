"""`dateline --watch`: files written while the reader runs appear in it.

The watch is the real one (watchfiles) except where a test needs to say
exactly what it sees. Each test waits for a condition, with a deadline;
none asserts on time."""

from __future__ import annotations

import queue
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from dateline.config import Config
from dateline.resources import themes_dir
from dateline.sources import watch as watch_module
from dateline.store.library import Library
from dateline.store.state import ReadingState
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.article_list import ArticleList
from tests.conftest import SEED_000, SEED_001, SEEDS
from tests.tui.test_keys import SIZE

DEADLINE = 30.0  # seconds: generous for a loaded machine; a pass takes far less


async def wait_for(pilot: Pilot, condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await pilot.pause(0.05)


def watched_app(folder: Path, tmp_path: Path) -> DatelineApp:
    return DatelineApp(
        paths=[folder],
        library=Library.open(tmp_path / "cache" / "library.sqlite3"),
        theme="dateline-dark",
        config=Config(watch=True),
        state=ReadingState.open(tmp_path / "state.sqlite3"),
        theme_folders=[themes_dir()],
    )


def ready(app: DatelineApp) -> bool:
    """The corpus is read, its facts found and its stories grouped."""
    return not app.indexing and app.stories is not None and app.progress is None


def listed(app: DatelineApp) -> dict[str, str]:
    """The list widget's rows: id -> headline."""
    return {entry.id: entry.title for entry in app.query_one(ArticleList).entries}


def article_file(path: Path, title: str, *paragraphs: str) -> None:
    path.write_text(f"{title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(SEEDS / f"{SEED_000}.txt", folder)
    return folder


async def test_a_new_file_appears_in_the_list(corpus: Path, tmp_path: Path) -> None:
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        assert set(listed(app)) == {SEED_000}
        (corpus / "later").mkdir()
        article_file(corpus / "later" / "budget.txt", "Council sets its budget", "Words.")
        await wait_for(pilot, lambda: "later/budget" in listed(app), "the new file")
        assert listed(app)["later/budget"] == "Council sets its budget"
        # Not an article, and tool state: never listed.
        (corpus / "notes.pdf").write_bytes(b"%PDF")
        article_file(corpus / ".draft.txt", "A draft", "Words.")
        article_file(corpus / "second.txt", "Second new article", "Words.")
        await wait_for(pilot, lambda: "second" in listed(app), "the second file")
        assert set(listed(app)) == {SEED_000, "later/budget", "second"}


async def test_a_changed_file_changes_its_headline(corpus: Path, tmp_path: Path) -> None:
    article_file(corpus / "vote.txt", "Vote delayed", "The vote was put off.")
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        assert listed(app)["vote"] == "Vote delayed"
        article_file(corpus / "vote.txt", "Vote held at last", "The vote was held.")
        await wait_for(pilot, lambda: listed(app).get("vote") == "Vote held at last", "the edit")
        assert len(listed(app)) == 2
        (corpus / "vote.txt").unlink()
        await wait_for(pilot, lambda: "vote" not in listed(app), "the removal")


async def test_a_half_written_file_ends_up_read_whole(corpus: Path, tmp_path: Path) -> None:
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        path = corpus / "report.txt"
        with path.open("w", encoding="utf-8") as handle:
            handle.write("Inquiry report published\n\nThe first part of the report.")
            handle.flush()
            await wait_for(pilot, lambda: "report" in listed(app), "the first half")
            handle.write("\n\nThe rest of the report, written later.\n")
        await wait_for(
            pilot,
            lambda: len(getattr(app.article("report"), "paragraphs", ())) == 2,
            "the whole file",
        )
        assert app.article("report").paragraphs[1] == "The rest of the report, written later."


async def test_a_file_written_to_while_it_is_read_is_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watch saw the file once, half-written; the rest came while the
    library read it, and no change was seen after: the settling check reads
    it again."""
    seen: queue.Queue[set[Path]] = queue.Queue()

    def told(roots: list[Path], stop: threading.Event) -> Iterator[set[Path]]:
        while not stop.is_set():
            try:
                yield seen.get(timeout=0.05)
            except queue.Empty:
                continue

    monkeypatch.setattr(watch_module, "batches", told)
    path = corpus / "late.txt"
    index = Library.index

    def index_then_finish(library: Library, *args: object, **kwargs: object) -> object:
        result = index(library, *args, **kwargs)  # type: ignore[arg-type]
        if kwargs.get("files") and not path.read_text(encoding="utf-8").endswith("end.\n"):
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\n\nThe end.\n")
        return result

    monkeypatch.setattr(Library, "index", index_then_finish)
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        article_file(path, "Late news", "The start.")
        seen.put({path})
        await wait_for(
            pilot,
            lambda: getattr(app.article("late"), "paragraphs", ())[-1:] == ("The end.",),
            "the file read again",
        )


async def test_a_story_that_gains_an_article_says_so(corpus: Path, tmp_path: Path) -> None:
    shutil.copy(SEEDS / f"{SEED_001}.txt", corpus)
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus and its story")
        assert [story.article_ids for story in app.stories] == [(SEED_000, SEED_001)]
        # A follow-up: the second seed's report, a day later, in new words at the top.
        text = (SEEDS / f"{SEED_001}.txt").read_text(encoding="utf-8")
        follow_up = text.replace(" date 2017-01-24 ", " date 2017-01-25 ", 1).replace(
            "This week’s", "Tomorrow’s", 1
        )
        (corpus / "follow-up.txt").write_text(follow_up, encoding="utf-8")
        await wait_for(
            pilot,
            lambda: any("gained an article" in n.message for n in app._notifications),
            "the story's notification",
        )
        (story,) = app.stories
        assert "follow-up" in story.article_ids
        (said,) = [n.message for n in app._notifications if "gained" in n.message]
        assert said.startswith("Story §1 gained an article: ")


async def test_quitting_stops_the_watch(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended = threading.Event()
    real = watch_module.batches

    def watched(roots: list[Path], stop: threading.Event) -> Iterator[set[Path]]:
        try:
            yield from real(roots, stop)
        finally:
            ended.set()

    monkeypatch.setattr(watch_module, "batches", watched)
    app = watched_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        assert not ended.is_set()
    assert ended.wait(DEADLINE)


async def test_without_watch_nothing_is_watched(corpus: Path, tmp_path: Path) -> None:
    app = watched_app(corpus, tmp_path)
    app.watching = False
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: ready(app), "the corpus")
        assert not [worker for worker in app.workers if worker.group == "watch"]
