"""The keys and the background work that come with a large corpus: the list
filling in from files, unread jumps, stars, search filters and mentions."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from dateline.config import Config
from dateline.facts.refs import FactRef
from dateline.model.article import Article
from dateline.model.corpus import Corpus
from dateline.model.loading import load_file
from dateline.resources import themes_dir
from dateline.store.library import Library
from dateline.store.state import ReadingState
from dateline.tui.app import DatelineApp
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.reader import SEARCH_MATCH, ArticleReader
from tests.conftest import SEED_000, SEED_001, SEEDS
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import SIZE, reader_screen


def article(number: int, day: int) -> str:
    return (
        f" date 2017-02-{day:02d} Story {number}: Kirklees Council staff will strike again "
        f"on Friday, said Paul Holmes.\n\nIt is strike number {number}.\n"
    )


def folder_app(folder: Path, tmp_path: Path) -> DatelineApp:
    return DatelineApp(
        paths=[folder],
        library=Library.open(tmp_path / "cache" / "library.sqlite3"),
        theme="dateline-dark",
        config=Config(),
        state=ReadingState.open(tmp_path / "state.sqlite3"),
        theme_folders=[themes_dir()],
    )


async def wait_for_index(pilot) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        if not pilot.app.indexing:
            break
    await settle(pilot)


async def test_a_folder_is_listed_from_its_files_then_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(1, 6):
        (folder / f"story{number}.txt").write_text(article(number, number))
    app = folder_app(folder, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        entries = app.query_one(ArticleList).entries
        assert [e.id for e in entries] == ["story5", "story4", "story3", "story2", "story1"]
        assert reader_screen(app).article.id == "story5"
        assert "5 articles · 5 unread" in str(app.query_one("#list-status").render())
        # Behind the list, every article's facts were found and stored.
        assert app.library.without_facts() == []
        assert len(app.library.mentioning("Paul Holmes")) == 5
        assert not app.query_one("#progress").display

    # The second start lists the cached articles before any file is read.
    (folder / "story6.txt").write_text(article(6, 6))
    again = folder_app(folder, tmp_path)
    assert [e.id for e in again.listing.entries] == [
        "story5",
        "story4",
        "story3",
        "story2",
        "story1",
    ]
    async with again.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        assert again.query_one(ArticleList).entries[0].id == "story6"
        assert len(again.listing) == 6


async def test_identical_files_are_listed_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1, 1))
    (folder / "copy-of-a.txt").write_text(article(1, 1))
    app = folder_app(folder, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        assert [e.id for e in app.query_one(ArticleList).entries] == ["a"]
        assert "1 duplicates listed once" in str(app.query_one("#list-status").render())


async def test_n_and_shift_n_jump_between_unread_articles(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(1, 5):
        (folder / f"story{number}.txt").write_text(article(number, number))
    app = folder_app(folder, tmp_path)
    read = load_file(folder / "story3.txt")
    assert isinstance(read, Article)
    app.state.set_read(read.reading_key)
    app.read_keys.add(read.reading_key)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        screen = reader_screen(app)
        assert screen.article.id == "story4"
        await pilot.press("n")
        assert screen.article.id == "story2"  # story3 is read
        await pilot.press("n")
        assert screen.article.id == "story1"
        await pilot.press("n")
        assert screen.article.id == "story1"
        assert "No unread article below this one." in [n.message for n in app._notifications]
        await pilot.press("N", "N")
        assert screen.article.id == "story4"


async def test_s_stars_and_the_star_is_kept(
    make_app: AppFactory, tmp_path: Path, seed_000: Article, seed_001: Article
) -> None:
    app = make_app(state_path=tmp_path / "state.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert app.starred_keys == {seed_001.reading_key}
        articles = app.query_one(ArticleList)
        assert "★" in articles.row_lines(articles.entries[0], 40)[0].plain
        await pilot.press("slash", *"is:starred")
        assert [e.id for e in articles.entries] == [SEED_001]
        await pilot.press("escape", "s")
        assert app.starred_keys == set()
        await pilot.press("j", "s")
    with ReadingState.open(tmp_path / "state.sqlite3") as state:
        assert state.starred_keys() == {seed_000.reading_key}


async def test_search_words_and_filters_narrow_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        await pilot.press("slash", *"strike date:2017-01-18")
        assert [e.id for e in articles.entries] == [SEED_000]
        assert reader_screen(app).search_terms == ("strike",)
        # The words found are picked out in the reader.
        await pilot.pause()
        paragraph = app.query_one(ArticleReader).shown_blocks()[0]
        found = [
            paragraph.plain[s.start : s.end] for s in paragraph.spans if s.style == SEARCH_MATCH
        ]
        assert found == ["strike"]
        filter_box = app.query_one("#filter", Input)
        filter_box.value = "is:unread after:2017-01-20"
        await pilot.pause()
        assert [e.id for e in articles.entries] == [SEED_001]
        filter_box.value = "date:2017-13"
        await pilot.pause()
        # A query that cannot be read: the list keeps its last good result,
        # and the box says why under it.
        assert [e.id for e in articles.entries] == [SEED_001]
        problem = str(app.query_one("#query-problem").render())
        assert "date:2017-13: a date is YYYY, YYYY-MM or YYYY-MM-DD" in problem


async def test_m_lists_the_articles_that_mention_a_person(make_app: AppFactory) -> None:
    corpus = Corpus.load([SEEDS])
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader_screen(app)
        await pilot.press("m")
        messages = [n.message for n in app._notifications]
        assert any("Pick a person" in message for message in messages)  # nothing picked
        holmes = next(i for i, p in enumerate(screen.facts.people) if p.name == "Paul Holmes")
        screen.selected_fact = FactRef("people", holmes)
        await pilot.press("m")
        await pilot.pause()
        assert app.query_one("#filter", Input).value == 'who:"Paul Holmes"'
        assert {e.id for e in app.query_one(ArticleList).entries} == {SEED_000, SEED_001}


async def test_a_failing_worker_is_reported_and_the_app_keeps_running(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story1.txt").write_text(article(1, 1))
    app = folder_app(folder, tmp_path)

    def broken_index(*args, **kwargs):
        raise OSError("disk on fire")

    app.library.index = broken_index  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Background work (read_library) failed: OSError: disk on fire" in messages
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"


async def _read_and_star(app: DatelineApp, article_id: str) -> None:
    """Open `article_id` in the reader (marking it read) and star it."""
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        screen = reader_screen(app)
        assert app.query_one(ArticleList).select(article_id)
        await pilot.press("enter", "s")
        await pilot.pause()
        assert screen.article.id == article_id


async def _marks(app: DatelineApp) -> dict[str, tuple[bool, bool]]:
    """Each listed article's (read, starred) as the list shows them."""
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        articles = app.query_one(ArticleList)
        marks = {}
        for entry in articles.entries:
            line = articles.row_lines(entry, 60)[0].plain
            marks[entry.id] = ("●" not in line, "★" in line)
        return marks


async def test_marks_follow_a_file_that_is_moved_or_copied(tmp_path: Path) -> None:
    first = tmp_path / "inbox"
    first.mkdir()
    for number in (1, 2):
        (first / f"story{number}.txt").write_text(article(number, number))
    await _read_and_star(folder_app(first, tmp_path), "story1")
    assert await _marks(folder_app(first, tmp_path)) == {
        "story2": (False, False),
        "story1": (True, True),
    }
    # Moved into a folder of its own under another name, and copied elsewhere.
    archive = tmp_path / "archive" / "2017"
    archive.mkdir(parents=True)
    (first / "story1.txt").rename(archive / "strike-called.txt")
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "kept.txt").write_text(article(1, 1))
    assert await _marks(folder_app(tmp_path / "archive", tmp_path)) == {
        "2017/strike-called": (True, True)
    }
    assert await _marks(folder_app(copies, tmp_path)) == {"kept": (True, True)}
    assert await _marks(folder_app(first, tmp_path)) == {"story2": (False, False)}


async def test_two_articles_of_one_name_never_share_marks(tmp_path: Path) -> None:
    for folder, number in (("monday", 1), ("tuesday", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(article(number, number))
    await _read_and_star(folder_app(tmp_path / "monday", tmp_path), "story")
    assert await _marks(folder_app(tmp_path / "tuesday", tmp_path)) == {"story": (False, False)}
    assert await _marks(folder_app(tmp_path / "monday", tmp_path)) == {"story": (True, True)}
    # Both opened at once: each keeps its own marks, under the ids this corpus gives.
    assert await _marks(folder_app(tmp_path, tmp_path)) == {
        "tuesday/story": (False, False),
        "monday/story": (True, True),
    }


async def test_marks_an_older_dateline_kept_under_ids_still_show(tmp_path: Path) -> None:
    from tests.store.test_library import _as_schema_2
    from tests.test_state import _schema_2_state

    for folder, number in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(article(number, number))
    await _marks(folder_app(tmp_path, tmp_path))  # fills the cache
    # As schema 2 left them: the second "story" was "story~2", and it was read.
    _as_schema_2(
        tmp_path / "cache" / "library.sqlite3",
        {
            (str(tmp_path / "a" / "story.txt"), 0): "story",
            (str(tmp_path / "b" / "story.txt"), 0): "story~2",
        },
    )
    (tmp_path / "state.sqlite3").unlink()
    _schema_2_state(tmp_path / "state.sqlite3", read=["story~2"], starred=["story~2", "story"])
    assert await _marks(folder_app(tmp_path, tmp_path)) == {
        "b/story": (True, True),
        "a/story": (False, True),
    }


async def test_a_broad_search_lists_its_first_matches_then_all(
    make_app: AppFactory, monkeypatch
) -> None:
    # One match at once (as 200 are in a large corpus), the rest after that frame.
    monkeypatch.setattr("dateline.tui.screens.reader.FIRST_MATCHES", 1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader_screen(app)
        screen.filter_by("Holmes")
        articles = app.query_one(ArticleList)
        assert [e.id for e in articles.entries] == [SEED_001]
        assert "1+ of 2 articles match, counting…" in str(app.query_one("#list-status").render())
        await settle(pilot)
        assert [e.id for e in articles.entries] == [SEED_001, SEED_000]
        assert "2 of 2 articles match" in str(app.query_one("#list-status").render())
