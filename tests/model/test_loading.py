from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import loading
from dateline.model.article import Article
from dateline.model.cleaning import MAX_CAPTION_CHARS, clean_paragraphs
from dateline.model.corpus import Corpus
from dateline.model.loading import (
    LoadProblem,
    iter_article_files,
    load_file,
    load_paths,
    parse_article,
)
from tests.conftest import SEED_000, SEED_001, SEEDS

# Raw paragraphs of each seed (split on blank lines) that are web debris, by hand.
DEBRIS = {
    SEED_000: {0},  # "Photo: Jeffery Titcomb/REX/Shutterstock"
    SEED_001: {0, 5, 16},  # newsletter sign-up, two video players
}


def raw_paragraphs(article_id: str) -> list[str]:
    text = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
    text = re.sub(r"\A\s*date\s+\S+\s*", "", text)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+", paragraph) if s]


def test_seed_dates(seed_000: Article, seed_001: Article) -> None:
    assert seed_000.date == dt.date(2017, 1, 18)
    assert seed_001.date == dt.date(2017, 1, 24)


def test_corpus_is_newest_first(seed_corpus: Corpus) -> None:
    assert [a.id for a in seed_corpus] == [SEED_001, SEED_000]
    assert seed_corpus.problems == []


def test_every_real_sentence_is_kept_and_debris_removed(seed_corpus: Corpus) -> None:
    for article in seed_corpus:
        kept = [p for i, p in enumerate(raw_paragraphs(article.id)) if i not in DEBRIS[article.id]]
        assert list(article.paragraphs) == kept
        body = article.text
        for paragraph in kept:
            for sentence in sentences(paragraph):
                assert sentence in body
        for phrase in ("Subscribe", "Video Loading", "Watch Next", "Invalid Email", "Photo:"):
            assert phrase not in body


def test_photo_credit_is_metadata(seed_000: Article) -> None:
    assert seed_000.credits == ("Photo: Jeffery Titcomb/REX/Shutterstock",)
    assert seed_000.paragraphs[0].startswith("A council has threatened")


def test_video_caption_is_kept_as_caption(seed_001: Article) -> None:
    assert seed_001.captions == (
        "Clr Erin Hill responds to Ofsted's report into children's services",
    )
    assert "Erin Hill" not in seed_001.text


def test_video_titles_and_play_labels_are_taken_out(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        " date 2019-03-14 Bins will not be emptied this week.\n\n"
        "Video: What the strike means for your collections\n\nPlay Video\n\n"
        "Video: the union says pay is the issue. It wants a rise.\n"
    )
    article = load_file(tmp_path / "story.txt")
    assert isinstance(article, Article)
    assert article.paragraphs == (
        "Bins will not be emptied this week.",
        # A sentence of the article that happens to start so is kept.
        "Video: the union says pay is the issue. It wants a rise.",
    )
    assert article.captions == ("What the strike means for your collections",)


def test_video_openers_without_a_close_are_text_and_a_close_ends_the_nearest() -> None:
    # Hostile input (issue 16): every opener looked for its close to the end of
    # the paragraph. A caption is bounded, so an opener far from any close is
    # left as text.
    openers = "Video will play in " * 20_000
    assert clean_paragraphs([openers]).paragraphs == (openers.strip(),)
    cleaned = clean_paragraphs([openers + "Flood defences Share this video Watch Next The end."])
    (kept,) = cleaned.paragraphs
    (caption,) = cleaned.captions
    # The close ends the nearest opener within reach of a caption: what is
    # between them is the caption, the openers before it stay text.
    assert caption.endswith("Video will play in Flood defences")
    assert len(caption) <= MAX_CAPTION_CHARS
    assert kept.startswith("Video will play in") and kept.endswith("Video will play in The end.")
    # One opener went with the match; every other one is in the text or the caption.
    assert kept.count("Video will play in") + caption.count("Video will play in") == 20_000 - 1


def test_debris_inside_the_first_line_is_removed(seed_001: Article) -> None:
    assert seed_001.paragraphs[0].startswith("This week’s children’s services strike in Kirklees")


def test_headlines_are_derived_from_the_lead(seed_000: Article, seed_001: Article) -> None:
    assert seed_000.title == "Council has threatened to take legal action against a union"
    assert seed_001.title == "This week’s children’s services strike in Kirklees is on"
    assert not seed_000.title_from_file


def test_word_count_and_reading_time(seed_000: Article) -> None:
    assert seed_000.word_count == 344
    assert seed_000.reading_minutes == 1


def test_plain_text_with_a_title_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Strike called off\n\nThe union has called off the strike.\n\nMore later.\n")
    article = load_file(path)
    assert isinstance(article, Article)
    assert article.title == "Strike called off"
    assert article.title_from_file
    assert article.paragraphs == ("The union has called off the strike.", "More later.")
    assert article.date is None
    assert article.warnings == ("no publication date in the file",)


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Talks resume\ndate: 24 January 2017\nsource: Examiner\n"
        "url: https://example.org/a\nauthor: A. Reporter\n---\n\n# Talks resume\n\n"
        "Talks between the council and the union resumed on Monday.\n"
    )
    article = load_file(path)
    assert isinstance(article, Article)
    assert article.title == "Talks resume"
    assert article.date == dt.date(2017, 1, 24)
    assert article.metadata == {
        "source": "Examiner",
        "url": "https://example.org/a",
        "author": "A. Reporter",
    }
    assert article.paragraphs[-1] == "Talks between the council and the union resumed on Monday."


def test_invalid_front_matter_loads_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nBody text here.\n")
    article = load_file(path)
    assert isinstance(article, Article)
    assert article.paragraphs == ("Body text here.",)
    assert article.warnings[0] == (
        "front matter ignored: line 3, column 1: invalid YAML: did not find expected ',' or ']'"
    )


def test_a_python_tag_in_front_matter_is_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "tagged.md"
    path.write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n\nBody text.\n'
    )
    article = load_file(path)
    assert isinstance(article, Article)
    assert not marker.exists()
    assert article.warnings[0] == (
        "front matter ignored: line 2, column 8: refused the YAML tag"
        " '!!python/object/apply:os.system': only plain YAML is read, and tags that would"
        " build Python objects are never run"
    )


def test_invalid_date_is_a_warning_not_a_guess(tmp_path: Path) -> None:
    article = parse_article(b" date 2017-13-45 Some text.", tmp_path / "x.txt")
    assert isinstance(article, Article)
    assert article.date is None
    assert article.warnings == ("publication date '2017-13-45' is not a date",)


def test_a_date_header_that_never_ends_is_not_handed_to_dateparser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hostile input (issue 16): dateparser's time grows with the text it is given.
    import dateparser

    asked: list[str] = []
    monkeypatch.setattr(dateparser, "parse", lambda text, **_: asked.append(text))
    loading.parse_publication_date.cache_clear()
    article = parse_article(b" date " + b"1/" * 50_000 + b" Some text.", tmp_path / "x.txt")
    assert isinstance(article, Article)
    assert asked == []
    assert article.date is None
    assert article.paragraphs == ("Some text.",)
    assert article.warnings == (f"publication date '{'1/' * 30}…' is not a date",)
    # A date of ordinary length still goes to dateparser.
    assert parse_article(b" date 24/01/2017/ Text.", tmp_path / "y.txt") is not None
    assert asked == ["24/01/2017/"]


def test_non_iso_date_is_parsed(tmp_path: Path) -> None:
    article = parse_article(b"date 24/01/2017 Some text.", tmp_path / "x.txt")
    assert isinstance(article, Article)
    assert article.date == dt.date(2017, 1, 24)


def test_bad_files_become_problems(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "good.txt").write_text(" date 2017-01-01 Fine text.")
    result = load_paths([tmp_path, tmp_path / "missing"])
    assert [a.id for a in result.articles] == ["good"]
    assert sorted(str(p) for p in result.problems) == sorted(
        [
            f"{tmp_path / 'empty.txt'}: empty file",
            f"{tmp_path / 'image.txt'}: binary file, not text",
            f"{tmp_path / 'missing'}: no such file or folder",
        ]
    )
    assert all(isinstance(p, LoadProblem) for p in result.problems)


def test_invalid_utf8_loads_with_a_warning(tmp_path: Path) -> None:
    article = parse_article(b"date 2017-01-01 Caf\xe9 opens.", tmp_path / "x.txt")
    assert isinstance(article, Article)
    assert article.paragraphs == ("Caf\ufffd opens.",)
    assert article.warnings == ("invalid UTF-8 at byte 19; bad bytes shown as \ufffd",)


def test_control_sequences_are_made_inert(tmp_path: Path) -> None:
    article = parse_article(b"date 2017-01-01 Clear\x1b[2J the \x07screen.", tmp_path / "x.txt")
    assert isinstance(article, Article)
    assert article.paragraphs == ("Clear\u241b[2J the \u2407screen.",)
    assert "\x1b" not in article.text
    assert article.warnings == ("2 control characters made visible",)


def test_folders_are_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.md").write_text("# Deep\n\nText.")
    (tmp_path / "top.txt").write_text(" date 2017-01-02 Top text.")
    (tmp_path / "notes.csv").write_text("a,b")
    corpus = Corpus.load([tmp_path])
    assert [a.id for a in corpus] == ["top", "a/b/deep"]
    assert corpus.get("a/b/deep") is not None and corpus.get("a/b/deep").title == "Deep"
    # Named from a folder further down, the same file's id is shorter.
    assert [a.id for a in Corpus.load([tmp_path / "a"])] == ["b/deep"]


def test_files_of_one_name_in_two_folders_get_distinct_ids(tmp_path: Path) -> None:
    for folder, day in (("a", "01"), ("b", "02")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f" date 2017-01-{day} Text {folder}.")
    corpus = Corpus.load([tmp_path])
    assert [(a.id, a.warnings) for a in corpus] == [("b/story", ()), ("a/story", ())]


def test_one_name_under_two_paths_is_numbered_newest_first(tmp_path: Path) -> None:
    for folder, day in (("a", "01"), ("b", "02")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f" date 2017-01-{day} Text {folder}.")
    for paths in ([tmp_path / "a", tmp_path / "b"], [tmp_path / "b", tmp_path / "a"]):
        corpus = Corpus.load(paths)
        assert [(a.id, a.paragraphs) for a in corpus] == [
            ("story", ("Text b.",)),
            ("story~2", ("Text a.",)),
        ]
        assert corpus.get("story~2").warnings == (
            "another article in this corpus has the id story; this one's id is story~2",
        )


def test_files_are_found_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("z.jsonl", "top.txt", "notes.csv", ".draft.txt", "a/x.NDJSON", "a/b/deep.md"):
        (tmp_path / name).write_text("text")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "README.md").write_text("not an article")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "a" / "x.NDJSON")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block
    found = list(iter_article_files([tmp_path, tmp_path / "notes.csv", tmp_path / "gone"]))
    assert found == [
        tmp_path / "link.txt",
        tmp_path / "top.txt",
        tmp_path / "z.jsonl",
        tmp_path / "a" / "x.NDJSON",
        tmp_path / "a" / "b" / "deep.md",
        tmp_path / "notes.csv",  # named directly: read whatever its suffix
        LoadProblem(tmp_path / "gone", "no such file or folder"),
    ]


def test_an_unreadable_folder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, whom permissions do not stop: refuse by hand.
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "story.txt").write_text("text")
    real_scandir = os.scandir

    def scandir(path: Path) -> Iterator[os.DirEntry[str]]:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(loading.os, "scandir", scandir)
    assert list(iter_article_files([tmp_path])) == [
        LoadProblem(tmp_path / "locked", "permission denied"),
        tmp_path / "open" / "story.txt",
    ]


def test_load_problem_names_the_line_when_there_is_one(tmp_path: Path) -> None:
    assert str(LoadProblem(tmp_path / "a.jsonl", "not valid JSON", line=7)) == (
        f"{tmp_path / 'a.jsonl'} line 7: not valid JSON"
    )
    assert str(LoadProblem(tmp_path / "a.txt", "empty file")) == f"{tmp_path / 'a.txt'}: empty file"
