"""Indexing only the files seen to change (`dateline --watch`): new, changed
and gone files under a root, with the ids a whole walk gives, nothing else."""

from __future__ import annotations

import os
from pathlib import Path

from dateline.store.library import IndexProgress, Library, ListingChange


def article(path: Path, title: str, day: int = 18) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\nDated 2017-01-{day} with enough words to be an article.\n")
    os.utime(path, (1_484_700_000 + day, 1_484_700_000 + day))
    return path


def index(library: Library, root: Path, files: list[Path] | None = None) -> ListingChange:
    total = ListingChange()

    def report(change: ListingChange, progress: IndexProgress) -> None:
        total.added.extend(change.added)
        total.removed |= change.removed

    library.index([root], report, files=files)
    return total


def test_only_the_changed_files_are_read_under_their_root(tmp_path: Path) -> None:
    root = tmp_path / "news"
    kept = article(root / "kept.txt", "Kept")
    changed = article(root / "changed.txt", "Before")
    gone = article(root / "sub" / "gone.txt", "Gone")
    library = Library.open(tmp_path / "library.sqlite3")
    first = index(library, root)
    rowids = {entry.id: entry.rowid for entry in first.added}
    assert set(rowids) == {"kept", "changed", "sub/gone"}

    article(changed, "After", day=19)
    gone.unlink()
    new = article(root / "new.txt", "New")
    folder = article(root / "more" / "deep" / "x.txt", "In a new folder").parent.parent
    hidden = article(root / ".draft.txt", "Hidden")
    other = article(root / "notes.pdf", "Not an article")
    outside = article(tmp_path / "elsewhere.txt", "Outside")
    os.utime(kept, None)  # touched, not listed as changed: left alone

    change = index(library, root, [changed, gone, new, folder, hidden, other, outside])
    assert sorted(entry.id for entry in change.added) == ["changed", "more/deep/x", "new"]
    assert {entry.title for entry in change.added} == {"After", "New", "In a new folder"}
    assert change.removed == {rowids["changed"], rowids["sub/gone"]}
    listed = {entry.id: entry.title for entry in library.entries([root])}
    assert listed == {
        "kept": "Kept",
        "changed": "After",
        "new": "New",
        "more/deep/x": "In a new folder",
    }
    library.close()


def test_a_file_written_to_after_it_was_read_is_found(tmp_path: Path) -> None:
    root = tmp_path / "news"
    half = article(root / "half.txt", "Half")
    library = Library.open(tmp_path / "library.sqlite3")
    index(library, root)
    assert library.changed_since_read([half]) == set()
    with half.open("a") as handle:
        handle.write("\nThe rest of the article.\n")
    assert library.changed_since_read([half, root / "never-read.txt"]) == {str(half)}
    index(library, root, [half])
    assert library.changed_since_read([half]) == set()
    library.close()
