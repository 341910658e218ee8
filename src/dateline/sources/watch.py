"""Watching a corpus's folders for new, changed and removed article files
(`dateline --watch`, or `watch: true` in config.yaml).

`watchfiles` (Rust's notify: inotify, FSEvents, ReadDirectoryChangesW) tells
of changes; this module turns them into batches of paths for the library to
read (`Library.index(files=...)`). watchfiles gathers the changes of a burst
until `STEP_MS` pass without one (at most `DEBOUNCE_MS`), so a file written
in pieces is usually seen once; one seen half-written is read again when its
size or time moves again (`Library.changed_since_read`). A file named on the
command line is watched through its folder: editors save by writing a new
file over the old, which a watch on the file itself would lose.

Nothing here imports Textual; the reader runs `batches` in a worker thread
and stops it with the event it passes."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

# watchfiles' defaults, kept: a burst ends after 50 ms of quiet, and a
# steady stream of changes is still reported every 1.6 s.
DEBOUNCE_MS = 1600
STEP_MS = 50


def watched_folders(roots: Sequence[Path]) -> list[Path]:
    """The folders to watch for `roots`: a folder itself, a file's folder;
    none inside another (watches are recursive)."""
    folders: list[Path] = []
    for root in roots:
        folder = root if root.is_dir() else root.parent
        folder = folder.resolve()
        if folder.is_dir() and folder not in folders:
            folders.append(folder)
    folders.sort(key=lambda folder: len(folder.parts))
    kept: list[Path] = []
    for folder in folders:
        if not any(folder.is_relative_to(outer) for outer in kept):
            kept.append(folder)
    return kept


# Files being written by a tool, never articles: editor swap and backup
# files, downloads in progress.
TOOL_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".part", ".crdownload")


def _matters(path: Path, roots: Sequence[Path]) -> bool:
    """Whether a change at `path` can matter to the corpus: the path is a
    root (a file named directly), under a root folder and not in a dot-folder
    of it (.git) nor a tool's file, or a folder holding a root."""
    if path.name.endswith(TOOL_SUFFIXES):
        return False
    for root in roots:
        if path == root or root.is_relative_to(path):
            return True
        if path.is_relative_to(root):
            parts = path.relative_to(root).parts
            return not any(part.startswith(".") for part in parts)
    return False


def batches(roots: Sequence[Path], stop: threading.Event) -> Iterator[set[Path]]:
    """Sets of changed paths under `roots`, one a burst of changes, until
    `stop` is set. The library decides what each path means (new, changed,
    gone, not an article)."""
    from watchfiles import watch

    resolved = [root.resolve() for root in roots]
    folders = watched_folders(resolved)
    if not folders:
        return
    for changes in watch(
        *folders,
        watch_filter=lambda change, path: _matters(Path(path), resolved),
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        stop_event=stop,  # looked at by watchfiles between its steps
        raise_interrupt=False,
    ):
        if stop.is_set():
            return
        if changes:
            yield {Path(path) for _, path in changes}
