from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from dateline.store.state import SCHEMA_VERSION, ReadingState, SavedSearch


def test_read_marks_persist_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as state:
        state.set_read("ap-2017-01-24-001")
        state.set_read("ap-2017-01-24-002")
        state.set_read("ap-2017-01-24-002", False)
        assert state.problems == []
    with ReadingState.open(path) as state:
        assert state.is_read("ap-2017-01-24-001")
        assert not state.is_read("ap-2017-01-24-002")
        assert not state.is_read("never-seen")
        assert state.read_keys() == {"ap-2017-01-24-001"}
        assert state.problems == []


def test_marking_read_twice_keeps_one_mark(tmp_path: Path) -> None:
    with ReadingState.open(tmp_path / "state.sqlite3") as state:
        state.set_read("a")
        state.set_read("a")
        assert state.read_keys() == {"a"}
        state.set_read("a", False)
        assert state.read_keys() == set()


def test_preferences_persist_and_can_be_replaced(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as state:
        assert state.get_preference("sort") is None
        state.set_preference("sort", "newest")
        state.set_preference("sort", "oldest")
        state.set_preference("filter", "unread")
    with ReadingState.open(path) as state:
        assert state.get_preference("sort") == "oldest"
        assert state.get_preference("filter") == "unread"


def test_file_uses_wal_and_records_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    ReadingState.open(path).close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    finally:
        connection.close()


def test_each_write_is_committed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    state = ReadingState.open(path)
    state.set_read("a")
    # A second connection sees the mark while the first is still open.
    other = sqlite3.connect(path)
    try:
        assert other.execute("SELECT reading_key FROM read_mark").fetchall() == [("a",)]
    finally:
        other.close()
        state.close()


def test_default_path_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_DATA_DIR", str(tmp_path / "nested" / "data"))
    with ReadingState.open() as state:
        state.set_read("a")
        assert state.path == tmp_path / "nested" / "data" / "state.sqlite3"
    assert (tmp_path / "nested" / "data" / "state.sqlite3").is_file()


def test_corrupt_file_is_set_aside_and_state_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    garbage = random.Random(20170124).randbytes(8192)
    path.write_bytes(garbage)
    with ReadingState.open(path) as state:
        assert len(state.problems) == 1
        assert "damaged" in state.problems[0]
        assert state.path == path
        assert state.read_keys() == set()
        state.set_read("a")
    asides = list(tmp_path.glob("state.sqlite3.corrupt-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == garbage
    assert asides[0].name in state.problems[0]
    with ReadingState.open(path) as state:
        assert state.read_keys() == {"a"}
        assert state.problems == []


def test_newer_schema_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with ReadingState.open(path) as state:
        assert state.path is None
        assert "newer Dateline" in state.problems[0]
        state.set_read("a")
        assert state.is_read("a")
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION + 1,)
    connection.close()


@pytest.fixture
def unwritable_state_path(tmp_path: Path) -> Path:
    """A state path whose folder cannot be written.

    As root chmod does not stop writes, so there the folder is a regular file.
    """
    if os.geteuid() == 0:
        blocker = tmp_path / "afile"
        blocker.write_text("not a folder", encoding="utf-8")
        return blocker / "state.sqlite3"
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "deeper" / "state.sqlite3"


def test_unwritable_folder_falls_back_to_memory(unwritable_state_path: Path) -> None:
    state = ReadingState.open(unwritable_state_path)
    try:
        assert state.path is None
        assert len(state.problems) == 1
        assert "will not be kept" in state.problems[0]
        state.set_read("a")
        state.set_preference("sort", "newest")
        assert state.read_keys() == {"a"}
        assert state.get_preference("sort") == "newest"
        assert len(state.problems) == 1
    finally:
        state.close()
        unwritable_state_path.parent.parent.chmod(0o700)


def test_failed_write_does_not_raise_and_keeps_the_session_going(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    state = ReadingState.open(path)
    state.set_read("before")
    # Make the file refuse writes, as a full disk or a lost mount would.
    state._connection.execute("PRAGMA query_only = ON")
    state.set_read("after")
    state.set_read("again")
    assert state.read_keys() == {"before", "after", "again"}
    assert len(state.problems) == 1
    assert state.problems[0].startswith(f"{path}: could not save")
    state.close()
    with ReadingState.open(path) as reopened:
        assert reopened.read_keys() == {"before"}


def test_use_after_close_does_not_raise(tmp_path: Path) -> None:
    state = ReadingState.open(tmp_path / "state.sqlite3")
    state.close()
    state.close()
    assert state.is_read("a") is False
    assert state.get_preference("sort") is None
    assert state.problems


def _schema_2_state(path: Path, read: list[str], starred: list[str]) -> None:
    """A state file as Dateline wrote it before marks followed reading keys."""
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE read_article (
            article_id TEXT PRIMARY KEY,
            read_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) WITHOUT ROWID;
        CREATE TABLE preference (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE starred_article (
            article_id TEXT PRIMARY KEY,
            starred_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) WITHOUT ROWID;
        PRAGMA user_version = 2;
        """
    )
    connection.executemany(
        "INSERT INTO read_article VALUES (?, '2017-01-24T10:00:00Z')", [(i,) for i in read]
    )
    connection.executemany(
        "INSERT INTO starred_article VALUES (?, '2017-01-25T10:00:00Z')", [(i,) for i in starred]
    )
    connection.commit()
    connection.close()


def test_marks_kept_under_ids_move_to_reading_keys_the_cache_knows(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    _schema_2_state(path, read=["story", "story~2", "gone"], starred=["story~2"])
    keys = {"story": "k-story", "story~2": "k-other-story"}
    asked: list[list[str]] = []

    def lookup(old_ids):
        asked.append(list(old_ids))
        return {old_id: keys[old_id] for old_id in old_ids if old_id in keys}

    with ReadingState.open(path) as state:
        assert state.read_keys() == set()
        assert state.adopt_legacy_marks(lookup) == 2
        assert state.read_keys() == {"k-story", "k-other-story"}
        assert state.starred_keys() == {"k-other-story"}
        assert state.problems == []
    assert asked == [["gone", "story", "story~2"]]
    with sqlite3.connect(path) as connection:
        # The times are kept; the id the cache no longer knows waits aside.
        assert connection.execute(
            "SELECT read_at FROM read_mark WHERE reading_key = 'k-story'"
        ).fetchone() == ("2017-01-24T10:00:00Z",)
        assert connection.execute("SELECT article_id FROM read_article").fetchall() == [("gone",)]
        assert connection.execute("SELECT count(*) FROM starred_article").fetchone() == (0,)
    with ReadingState.open(path) as state:
        assert state.adopt_legacy_marks(lookup) == 0
    assert asked[-1] == ["gone"]


def test_with_no_old_marks_the_cache_is_not_asked(tmp_path: Path) -> None:
    with ReadingState.open(tmp_path / "state.sqlite3") as state:
        state.set_read("k")
        assert state.adopt_legacy_marks(lambda ids: pytest.fail("asked")) == 0
        assert state.read_keys() == {"k"}


def test_saved_searches_are_kept_in_order_and_replaced_by_name(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as state:
        assert state.saved_searches() == []
        state.save_search("Holmes", 'person:"Paul Holmes"')
        state.save_search("Big sums", "money>1m")
        state.save_search("Holmes", "said:Holmes")  # replaced, in its place
    with ReadingState.open(path) as state:
        assert state.saved_searches() == [
            SavedSearch("Holmes", "said:Holmes"),
            SavedSearch("Big sums", "money>1m"),
        ]
        state.delete_search("Holmes")
        state.delete_search("nothing of that name")
        assert state.saved_searches() == [SavedSearch("Big sums", "money>1m")]


def test_a_version_3_state_gains_saved_searches_and_keeps_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as state:
        state.set_read("k1")
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE saved_search")
        connection.execute("PRAGMA user_version = 3")
    with ReadingState.open(path) as state:
        assert state.problems == []
        assert state.read_keys() == {"k1"}
        state.save_search("Unread", "is:unread")
        assert state.saved_searches() == [SavedSearch("Unread", "is:unread")]
