"""The synthetic corpus generator (benchmarks/make_corpus.py): the same bytes for
the same seed, the shape the brief asks for, and files the loader reads and
cleans exactly as it reads the seeds."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from random import Random
from types import ModuleType

import pytest

from dateline.model.loading import LoadProblem, load_file
from tests.conftest import REPOSITORY


def _import_script() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package.
    path = REPOSITORY / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: dataclasses and pickle look the module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make_corpus = _import_script()

FIELDS = {"title", "text", "date", "source", "url", "author", "section"}
DEBRIS_PHRASES = (
    "Sign up",
    "Subscribe",
    "Invalid Email",
    "Video Loading",
    "Watch Next",
    "Photo:",
    "Picture:",
)


def folder_bytes(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def write(out: Path, *args: str) -> None:
    assert make_corpus.main([str(out), *args]) == 0


# --- Determinism -----------------------------------------------------------------------


def test_same_seed_same_bytes_and_another_seed_other_bytes(tmp_path: Path) -> None:
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        write(tmp_path / name, "--count", "40", "--seed", seed, "--per-folder", "15")
    first, again, other = (folder_bytes(tmp_path / name) for name in "abc")
    assert first == again
    assert first.keys() == other.keys()
    assert all(first[name] != other[name] for name in first)


def test_jsonl_same_seed_same_bytes(tmp_path: Path) -> None:
    for name in "ab":
        write(tmp_path / name, "--count", "30", "--format", "jsonl", "--seed", "3")
    assert folder_bytes(tmp_path / "a") == folder_bytes(tmp_path / "b")


def test_worker_processes_do_not_change_the_articles() -> None:
    alone = list(make_corpus.generate(450, 5))
    assert list(make_corpus.generate(450, 5, workers=2)) == alone


def test_a_shorter_corpus_is_a_prefix_of_a_longer_one() -> None:
    assert list(make_corpus.generate(60, 9)) == list(make_corpus.generate(150, 9))[:60]


# --- Layout and counts -----------------------------------------------------------------


def test_txt_files_in_numbered_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "out", "--count", "25", "--per-folder", "10", "--duplicates", "0")
    files = sorted(folder_bytes(tmp_path / "out"))
    assert len(files) == 25
    assert files[0] == "0000/a00000000.txt"
    assert files[-1] == "0002/a00000024.txt"
    assert Counter(f.split("/")[0] for f in files) == {"0000": 10, "0001": 10, "0002": 5}
    assert capsys.readouterr().out.startswith("wrote 25 articles (0 exact duplicates) as 25 files")


def test_seed_format_first_line(tmp_path: Path) -> None:
    write(tmp_path / "out", "--count", "5")
    article = next(iter(make_corpus.generate(1, 0)))
    text = (tmp_path / "out" / "0000" / "a00000000.txt").read_text(encoding="utf-8")
    assert text == f" date {article.date.isoformat()} " + "\n\n".join(article.paragraphs)
    assert not text.endswith("\n")  # as the seeds


def test_jsonl_parts_and_fields(tmp_path: Path) -> None:
    write(tmp_path / "out", "--count", "25", "--per-folder", "10", "--format", "jsonl")
    parts = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in parts] == ["part-0000.jsonl", "part-0001.jsonl", "part-0002.jsonl"]
    records = [json.loads(line) for part in parts for line in part.read_text("utf-8").splitlines()]
    assert [len(p.read_text("utf-8").splitlines()) for p in parts] == [10, 10, 5]
    for record, article in zip(records, make_corpus.generate(25, 0), strict=True):
        assert set(record) == FIELDS
        assert record["text"] == "\n\n".join(article.paragraphs)
        assert record["date"] == article.date.isoformat()
        assert record["title"] == article.title
        assert record["url"].startswith("https://www.")
        assert record["section"] in {
            "news",
            "politics",
            "education",
            "business",
            "transport",
            "environment",
            "sport",
        }


def test_refuses_a_folder_with_files_in_it(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        make_corpus.main([str(tmp_path), "--count", "3"])
    assert exit_.value.code == 2
    assert (tmp_path / "old.txt").read_text(encoding="utf-8") == "keep me"


# --- What the loader makes of it -------------------------------------------------------


def test_txt_files_load_with_their_date_and_the_debris_cleaned(tmp_path: Path) -> None:
    write(tmp_path / "out", "--count", "300", "--seed", "11", "--duplicates", "0")
    debris = Counter()
    for article in make_corpus.generate(300, 11, duplicates=0):
        loaded = load_file(tmp_path / "out" / f"{article.number // 1000:04d}" / article.file_name)
        assert not isinstance(loaded, LoadProblem), loaded
        assert loaded.date == article.date
        assert loaded.warnings == ()
        assert loaded.paragraphs == article.body  # every sentence kept, nothing else
        assert 8 <= len(loaded.paragraphs) <= 14
        assert 300 <= loaded.word_count <= 600
        assert loaded.credits == ((article.credit,) if article.credit else ())
        assert loaded.captions == ((article.caption,) if article.caption else ())
        for phrase in DEBRIS_PHRASES:
            assert phrase not in loaded.text
        raw = "\n".join(article.paragraphs)
        debris.update(kind for kind in ("Subscribe", "Sign up", "Video Loading") if kind in raw)
        debris["credit"] += article.credit is not None
    # The files did carry each kind of debris for the cleaner to remove.
    assert min(debris[kind] for kind in ("Subscribe", "Sign up", "Video Loading", "credit")) >= 10


# --- Duplicates and stories ------------------------------------------------------------


def test_duplicates_are_exact_copies_in_the_share_asked_for() -> None:
    articles = list(make_corpus.generate(1000, 2))
    copies = [a for a in articles if a.duplicate_of is not None]
    assert len(copies) == 10  # --duplicates 0.01 by default
    for copy in copies:
        original = articles[copy.duplicate_of]
        assert original.duplicate_of is None and original.number < copy.number
        assert copy.seed_text() == original.seed_text()
        assert copy.json_line() == original.json_line()
    originals = [a.seed_text() for a in articles if a.duplicate_of is None]
    assert len(set(originals)) == len(originals) == 990
    assert sum(a.duplicate_of is not None for a in make_corpus.generate(200, 2, 0.05)) == 10
    assert all(a.duplicate_of is None for a in make_corpus.generate(300, 2, duplicates=0))


def test_stories_of_five_to_ten_articles_share_a_cast() -> None:
    articles = list(make_corpus.generate(2000, 4, duplicates=0))
    by_story: dict[int, list] = {}
    for article in articles:
        by_story.setdefault(article.story, []).append(article)
    sizes = sorted(len(story) for story in by_story.values())
    assert sizes[-1] <= 10
    # Only the stories still running when the corpus stops may be short.
    assert sum(size < 5 for size in sizes) <= make_corpus.ACTIVE_STORIES
    named = 0
    for story in by_story.values():
        assert len({a.people for a in story}) == 1
        assert len({a.organisations for a in story}) == 1
        dates = sorted(a.date for a in story)
        assert (dates[-1] - dates[0]).days <= 28
        named += sum(any(name in a.seed_text() for name in a.people) for a in story)
    assert named >= 0.9 * len(articles)


def test_text_has_every_kind_of_fact() -> None:
    text = "\n\n".join("\n\n".join(a.body) for a in make_corpus.generate(2000, 1))
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    forms = {
        "pounds in millions": r"£\d+(?:\.\d)?m\b",
        "dollars in billions": r"\$\d\.\d\dbn\b",
        "euros written M": r"€\d+M\b",
        "pounds in full": r"£\d{1,3},\d{3}\b",
        "percent sign": r"\b\d+%",
        "per cent": r"\b\d+ per cent\b",
        "count with noun": r"\b\d+ (?:staff|jobs|homes|officers|routes|pupils)\b",
        "fiscal year": r"\b20\d\d/\d\d\b",
        "this weekday": r"\bthis (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        "next week": r"\bnext week\b",
        "last year": r"\blast year\b",
        "day and month": rf"\b\d{{1,2}} (?:{months})\b",
        "time of day": r"\b\d{1,2}(?:\.30)?[ap]m\b",
        "duration": r"\bfewer than (?:two|three|four|five|six|seven|eight|nine|ten|\d+) \w+s\b",
        "quote then speaker": r"” said [A-Z]",
        "speaker then quote": r"said: “",
        "pronoun after quote": r",” (?:he|she) said\.",
        "quote left open": r"“[^”\n]*\n\n“",
        "councillor": r"\bCllr [A-Z]",
        "member of parliament": r"\bMP for [A-Z]",
    }
    missing = [name for name, pattern in forms.items() if not re.search(pattern, text)]
    assert missing == []


def test_relative_days_read_from_the_publication_date() -> None:
    published = dt.date(2017, 1, 24)  # a Tuesday, as seeds/001
    rng = Random(0)
    assert make_corpus.describe_day(dt.date(2017, 1, 27), published, rng) == "this Friday"
    assert make_corpus.describe_day(dt.date(2017, 1, 25), published, rng) == "tomorrow"
    assert make_corpus.describe_day(dt.date(2017, 1, 23), published, rng) == "yesterday"
    assert make_corpus.describe_day(dt.date(2017, 1, 22), published, rng) in {
        "last week",
        "last Sunday",
    }
    assert make_corpus.describe_day(dt.date(2017, 1, 31), published, rng) in {
        "next week",
        "next Tuesday",
        "on Tuesday next week",
    }
    assert make_corpus.describe_day(dt.date(2017, 2, 10), published, rng) in {
        "on 10 February",
        "on Friday 10 February",
    }
    assert make_corpus.describe_day(dt.date(2016, 11, 3), published, rng) in {
        "on 3 November 2016",
        "on Thursday 3 November 2016",
    }
