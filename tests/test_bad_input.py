"""Every kind of bad input the hostile-input issue names, each a case run three
ways: through the loader, through `dateline export` (the cache, the export's
`warnings`, the exit status) and through the reader (what the user sees).

Each case ends one of three ways:
- skipped: no article, and one line naming the file and the reason;
- warned: the article loads, and its warnings say what was wrong or changed;
- clean: the text is valid, only unusual (CRLF, right-to-left, emoji…): it
  loads as written, normalised where the reader would not see a difference,
  with no warning, since there is nothing to warn about.
A good article sits beside each case: it must load whatever its neighbour does.

The very large cases (20 MB, 50,000 paragraphs) are in
tests/tui/test_huge_articles.py, with the reader's handling of them."""

from __future__ import annotations

import errno
import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest

import dateline.model.loading as loading
from dateline.cli import EXIT_BAD_INPUT, SUPPORTED, main
from dateline.model.loading import load_paths
from dateline.tui.screens.reader import ReaderScreen
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.reader import ArticleReader
from tests.tui.test_keys import SIZE
from tests.tui.test_library_keys import folder_app, wait_for_index

GOOD = (
    " date 2017-01-24 Kirklees Council staff will strike on Friday, said Paul Holmes."
    "\n\nIt is the second strike this month.\n"
)
GOOD_PARAGRAPHS = [
    "Kirklees Council staff will strike on Friday, said Paul Holmes.",
    "It is the second strike this month.",
]


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", GOOD)
    return buffer.getvalue()


def symlink_loop(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "inner").mkdir()
    (folder / "inner" / "case.txt").write_text(GOOD.replace("second", "third"))
    os.symlink(folder, folder / "inner" / "back-to-the-top")


def unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No read permission. Root reads any file whatever its mode, so as root
    (the test machines) opening it fails as the kernel would fail it for anyone else."""
    target = folder / "case.txt"
    target.write_text(GOOD)
    target.chmod(0)
    if os.geteuid() != 0:
        return
    real_open = io.open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and Path(file) == target:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", refusing_open)
    monkeypatch.setattr("builtins.open", refusing_open)


def vanishing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is found by the walk and deleted before it is read."""
    target = folder / "case.txt"
    target.write_text(GOOD)
    walk = loading.iter_article_files

    def walk_then_delete(paths: Any) -> Any:
        for item in walk(paths):
            if item == target:
                target.unlink()
            yield item

    monkeypatch.setattr(loading, "iter_article_files", walk_then_delete)


@dataclass(frozen=True)
class Case:
    name: str
    outcome: Literal["skipped", "warned", "clean"]
    # Skipped: the reason; warned: the warning's start; clean: unused.
    message: str
    data: bytes | None = None
    file_name: str = "case.txt"
    setup: Callable[[Path, pytest.MonkeyPatch], None] | None = None
    # Clean and warned cases: the paragraphs as the reader shows them.
    paragraphs: list[str] | None = None
    # Articles the case file gives when not the usual (none if skipped, else one).
    articles: int | None = None

    @property
    def loaded(self) -> int:
        """How many articles the case file gives: its JSON Lines' good lines."""
        if self.articles is not None:
            return self.articles
        return 0 if self.outcome == "skipped" else 1


LONG_WORD = "x" * 10_000
CASES = [
    Case(
        "invalid UTF-8",
        "warned",
        f"invalid UTF-8 at byte {len(GOOD.encode()) + 6}; bad bytes shown as \ufffd",  # "\nThen "
        GOOD.encode() + b"\nThen \xff\xfe came.\n",
        paragraphs=[*GOOD_PARAGRAPHS, "Then \ufffd\ufffd came."],
    ),
    Case("an image", "skipped", "binary file, not text", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    Case("a zip", "skipped", "binary file, not text", zip_bytes()),
    Case("an empty file", "skipped", "empty file", b""),
    Case("only white space", "skipped", "only white space, no text", b" \n\t\r\n  \n"),
    Case(
        "no date header",
        "warned",
        "no publication date in the file",
        b"The strike goes ahead.\n\nIt is the second.\n",
    ),
    Case(
        "an invalid date",
        "warned",
        "publication date '2017-13-45' is not a date",
        GOOD.replace("2017-01-24", "2017-13-45").encode(),
        paragraphs=GOOD_PARAGRAPHS,
    ),
    Case(
        "a date far in the future",
        "warned",
        "publication date 2999-01-24 is in the future",
        GOOD.replace("2017", "2999").encode(),
        paragraphs=GOOD_PARAGRAPHS,
    ),
    Case("CRLF", "clean", "", GOOD.replace("\n", "\r\n").encode(), paragraphs=GOOD_PARAGRAPHS),
    Case("CR", "clean", "", GOOD.replace("\n", "\r").encode(), paragraphs=GOOD_PARAGRAPHS),
    Case(
        "a byte-order mark",
        "clean",
        "",
        b"\xef\xbb\xbf" + GOOD.encode(),
        paragraphs=GOOD_PARAGRAPHS,
    ),
    Case(
        "tabs",
        "clean",
        "",
        GOOD.replace(" staff", "\tstaff").replace("\n\nIt", "\n\t\n\tIt").encode(),
        paragraphs=GOOD_PARAGRAPHS,
    ),
    Case(
        "right-to-left text",
        "clean",
        "",
        " date 2017-01-24 قال المتحدث إن الإضراب سيستمر يوم الجمعة.\n\nשלום עולם.\n".encode(),
        paragraphs=["قال المتحدث إن الإضراب سيستمر يوم الجمعة.", "שלום עולם."],
    ),
    Case(
        "emoji and wide characters",
        "clean",
        "",
        " date 2017-01-24 東京都の職員 🎉🇬🇧 will strike 👩‍👩‍👧 on Friday.\n".encode(),
        paragraphs=["東京都の職員 🎉🇬🇧 will strike 👩‍👩‍👧 on Friday."],
    ),
    Case(
        "zero-width characters",
        "warned",
        "3 invisible characters (zero-width spaces, soft hyphens) taken out",
        GOOD.replace("Kirklees", "Kirk\u200blees")
        .replace("strike", "str\u00adike", 1)
        .replace("second", "sec\u2060ond")
        .encode(),
        paragraphs=GOOD_PARAGRAPHS,
    ),
    Case(
        "a 10,000-character word",
        "clean",
        "",
        f" date 2017-01-24 The word {LONG_WORD} ends here.\n".encode(),
        paragraphs=[f"The word {LONG_WORD} ends here."],
    ),
    Case(
        "a symbolic-link loop",
        "clean",
        "",
        setup=symlink_loop,
        paragraphs=[GOOD_PARAGRAPHS[0], GOOD_PARAGRAPHS[1].replace("second", "third")],
    ),
    Case("no read permission", "skipped", "permission denied", setup=unreadable),
    Case("a path that vanishes", "skipped", "no such file or directory", setup=vanishing),
    Case(
        "a broken JSON Lines line",
        "skipped",
        "line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        (
            json.dumps({"date": "2017-01-24", "text": "The first line's story."})
            + "\n{broken\n"
            + json.dumps({"date": "2017-01-25", "text": "The third line's story."})
            + "\n"
        ).encode(),
        file_name="case.jsonl",
        articles=2,
    ),
    Case(
        "front matter that is not YAML",
        "warned",
        "front matter ignored: line 3, column 5: invalid YAML: did not find expected ',' or ']'",
        b"---\ntitle: [unclosed\ndate: 2017-01-24\n---\n\nThe strike goes ahead.\n",
        file_name="case.md",
    ),
]


@pytest.fixture(params=CASES, ids=[case.name for case in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param


def make_folder(case: Case, root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD.replace("Friday", "Monday"))
    if case.data is not None:
        (folder / case.file_name).write_bytes(case.data)
    if case.setup is not None:
        case.setup(folder, monkeypatch)
    return folder


def where(case: Case, folder: Path) -> str:
    """How a skipped case's problem names its file."""
    if case.message.startswith("line "):
        return f"{folder / case.file_name} {case.message}"
    return f"{folder / case.file_name}: {case.message}"


def test_the_loader(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(case, tmp_path, monkeypatch)
    loaded = load_paths([folder])
    others = [a for a in loaded.articles if a.id != "good"]
    assert [a.id for a in loaded.articles].count("good") == 1
    if case.outcome == "skipped":
        assert [str(p) for p in loaded.problems] == [where(case, folder)]
        assert len(others) == case.loaded
        return
    assert loaded.problems == []
    (article,) = others
    if case.outcome == "warned":
        assert article.warnings[0] == case.message
    else:
        assert article.warnings == ()
    if case.paragraphs is not None:
        assert list(article.paragraphs) == case.paragraphs


def test_the_export(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = make_folder(case, tmp_path, monkeypatch)
    assert main(["export", str(folder), "--format", "json"]) == 0
    captured = capsys.readouterr()
    articles = {a["id"]: a for a in json.loads(captured.out)["articles"]}
    assert articles["good"]["warnings"] == []
    others = [a for article_id, a in articles.items() if article_id != "good"]
    if case.outcome == "skipped":
        assert captured.err == f"dateline: skipped {where(case, folder)}\n"
        assert len(others) == case.loaded
        return
    assert captured.err == ""
    (article,) = others
    expected = [case.message] if case.outcome == "warned" else []
    assert article["warnings"][: len(expected)] == expected
    if case.paragraphs is not None:
        assert article["paragraphs"] == case.paragraphs


def test_the_command_line_fails_only_when_nothing_at_all_is_read(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = make_folder(case, tmp_path, monkeypatch)
    (folder / "good.txt").unlink()
    status = main(["export", str(folder)])
    if case.loaded == 0:
        assert status == EXIT_BAD_INPUT
        assert capsys.readouterr().err.splitlines() == [
            f"dateline: skipped {where(case, folder)}",
            f"dateline: nothing readable in {folder} ({SUPPORTED})",
        ]
    else:
        assert status == 0


async def test_the_reader(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(case, tmp_path, monkeypatch)
    app = folder_app(folder, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(pilot)
        listed = [e.id for e in app.query_one(ArticleList).entries]
        messages = [n.message for n in app._notifications]
        assert "good" in listed and len(listed) == 1 + case.loaded
        if case.outcome == "skipped":
            assert f"Skipped {where(case, folder)}" in messages
            return
        (other,) = [article_id for article_id in listed if article_id != "good"]
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen.open_article(other)
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        shown = str(reader.query_one(".warnings").render())
        if case.outcome == "warned":
            assert shown.splitlines()[0] == f"⚠ {case.message}"
        else:
            assert shown == ""
        if case.paragraphs is not None:
            paragraphs = [str(block) for block in reader.shown_blocks()]
            assert paragraphs == case.paragraphs
