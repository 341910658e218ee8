"""JSON Lines input: one article a line, every bad line reported on its own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from dateline.model.article import Article
from dateline.model.corpus import Corpus
from dateline.model.loading import (
    MAX_LINE_PROBLEMS,
    FileLoad,
    LoadProblem,
    load_articles,
    load_paths,
    parse_file,
)

STRIKE = "The strike goes ahead on Friday.\n\nUnison says talks have failed."


def line(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def parse(path: Path, *lines: str) -> FileLoad:
    return parse_file("\n".join(lines).encode("utf-8"), path)


def only_article(path: Path, record: str) -> Article:
    loaded = parse(path, record)
    assert loaded.problems == []
    assert len(loaded.articles) == 1
    return loaded.articles[0]


def test_one_article_a_line_with_its_fields(tmp_path: Path) -> None:
    path = tmp_path / "part-0001.jsonl"
    record = line(
        title="Strike  goes\nahead",
        text=STRIKE,
        date="2017-01-24",
        source="Examiner",
        url="https://example.org/a",
        author="A.  Reporter",
    )
    article = only_article(path, record)
    assert article.id == "part-0001#1"
    assert article.path == path
    assert article.line == 1
    assert article.title == "Strike goes ahead"
    assert article.title_from_file
    assert article.date == dt.date(2017, 1, 24)
    assert article.paragraphs == (
        "The strike goes ahead on Friday.",
        "Unison says talks have failed.",
    )
    assert article.metadata == {
        "source": "Examiner",
        "url": "https://example.org/a",
        "author": "A. Reporter",
    }
    assert article.warnings == ()


def test_a_broken_line_is_reported_and_the_others_load(tmp_path: Path) -> None:
    path = tmp_path / "part-0001.jsonl"
    loaded = parse(
        path,
        line(text="First story.", date="2017-01-01"),
        "",
        '{"text": "Second story." "date": "2017-01-02"}',
        "   ",
        '["a list"]',
        line(title="No text here", date="2017-01-03"),
        line(text="Last story.", date="2017-01-04"),
    )
    assert [a.id for a in loaded.articles] == ["part-0001#1", "part-0001#7"]
    assert [a.paragraphs for a in loaded.articles] == [("First story.",), ("Last story.",)]
    assert [str(p) for p in loaded.problems] == [
        f"{path} line 3: not valid JSON (Expecting ',' delimiter)",
        f"{path} line 5: not a JSON object but a list",
        f'{path} line 6: no article text (a "text" or "body" field with words in it)',
    ]
    assert [(p.path, p.line) for p in loaded.problems] == [(path, 3), (path, 5), (path, 6)]


def test_body_and_published_stand_in_for_text_and_date(tmp_path: Path) -> None:
    article = only_article(
        tmp_path / "feed.ndjson",
        line(body="Council meets.", published="2017-01-24T23:30:00-05:00", text="  "),
    )
    assert article.paragraphs == ("Council meets.",)
    # The date as printed where it was published, not moved to another zone.
    assert article.date == dt.date(2017, 1, 24)
    assert article.metadata == {"text": "  "}


def test_the_unused_alternative_is_kept_not_lost(tmp_path: Path) -> None:
    article = only_article(
        tmp_path / "feed.jsonl",
        line(text="Main text.", body="Other text.", date="2017-01-24", published="24 Jan 2017"),
    )
    assert article.paragraphs == ("Main text.",)
    assert article.metadata == {"body": "Other text.", "published": "24 Jan 2017"}


def test_dates_in_other_forms(tmp_path: Path) -> None:
    def date_of(value: object) -> tuple[dt.date | None, tuple[str, ...]]:
        article = only_article(tmp_path / "d.jsonl", line(text="Text.", date=value))
        return article.date, article.warnings

    assert date_of("2017-01-24T10:00:00Z") == (dt.date(2017, 1, 24), ())
    assert date_of("24 January 2017") == (dt.date(2017, 1, 24), ())
    assert date_of("2017-13-45") == (None, ("publication date '2017-13-45' is not a date",))
    assert date_of(["2017"]) == (None, ("publication date '[\"2017\"]' is not a date",))
    assert date_of(None) == (None, ('no publication date (a "date" or "published" field)',))


def test_unknown_fields_are_kept_as_text(tmp_path: Path) -> None:
    article = only_article(
        tmp_path / "feed.jsonl",
        line(
            text="Text.",
            date="2017-01-24",
            tags=["council", "strike"],
            extra={"a": 1, "b": [True, None]},
            words=412,
            score=0.5,
            paywall=False,
            section="UK  news\n",
            missing=None,
            title=7,
        ),
    )
    assert article.metadata == {
        "tags": '["council","strike"]',
        "extra": '{"a":1,"b":[true,null]}',
        "words": "412",
        "score": "0.5",
        "paywall": "false",
        "section": "UK  news\n",
        "title": "7",
    }
    # A title that is not text is kept, and the headline comes from the lead.
    assert article.title == "Text"
    assert not article.title_from_file


def test_thousands_of_names_that_read_alike_are_numbered_in_one_pass(tmp_path: Path) -> None:
    # Hostile input (issue 16): names that differ only in hidden characters all
    # read "tag"; each was renamed by adding "~" until free, one try at a time.
    hidden = "\u200b\u2060\u00ad"

    def spelling(number: int) -> str:  # a distinct run of hidden characters
        digits = ""
        while number:
            number, digit = divmod(number, 3)
            digits += hidden[digit]
        return digits

    fields = {f"tag{spelling(n)}": str(n) for n in range(1, 3001)}
    record = {"text": "Text.", "date": "2017-01-24", "tag": "0", "tag~3": "plain", **fields}
    article = only_article(tmp_path / "a.jsonl", json.dumps(record))
    assert len(article.metadata) == 3002
    assert article.metadata["tag"] == "0"
    assert article.metadata["tag~3"] == "plain"  # a name as written keeps its field
    assert article.metadata["tag~2"] == "1"
    assert article.metadata["tag~4"] == "2"  # ~3 is taken: the next number
    assert article.metadata["tag~3002"] == "3000"
    assert article.warnings == (
        "20728 invisible characters (zero-width spaces, soft hyphens) taken out",
    )


def test_paragraphs_split_on_blank_lines_else_on_lines(tmp_path: Path) -> None:
    with_blank = only_article(
        tmp_path / "a.jsonl", line(text="One line\nwraps here.\n \nSecond  paragraph.")
    )
    assert with_blank.paragraphs == ("One line wraps here.", "Second paragraph.")
    lines_only = only_article(tmp_path / "b.jsonl", line(text="First.\r\nSecond.\n\tThird."))
    assert lines_only.paragraphs == ("First.", "Second.", "Third.")


def test_text_is_cleaned_like_other_formats(tmp_path: Path) -> None:
    article = only_article(
        tmp_path / "a.jsonl",
        line(
            text="Photo: Jeffery Titcomb/REX/Shutterstock\n\nA council has threatened action."
            "\n\nAdvertisement",
            date="2017-01-18",
        ),
    )
    assert article.paragraphs == ("A council has threatened action.",)
    assert article.credits == ("Photo: Jeffery Titcomb/REX/Shutterstock",)
    assert article.title == "Council has threatened action"


def test_text_of_debris_only_loads_with_a_warning(tmp_path: Path) -> None:
    article = only_article(tmp_path / "a.jsonl", line(text="Advertisement", date="2017-01-18"))
    assert article.paragraphs == ()
    assert article.title == "a"
    assert article.warnings == ("no article text after cleaning",)


def test_untrusted_text_is_made_inert(tmp_path: Path) -> None:
    record = (
        '{"title": "Clear\\u001b[2J", "text": "Bell\\u0007 and a lone \\ud800 half.",'
        ' "note\\u001b": "x\\u009b", "author": "Eve\\u202e"}'
    )
    article = only_article(tmp_path / "a.jsonl", record)
    assert article.title == "Clear\u241b[2J"
    assert article.paragraphs == ("Bell\u2407 and a lone \ufffd half.",)
    assert article.metadata == {"note\u241b": "x\ufffd", "author": "Eve"}
    assert article.warnings == (
        'no publication date (a "date" or "published" field)',
        "6 control characters made visible",
    )


def test_line_separators_inside_strings_do_not_split_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    data = ("\ufeff" + line(text="One\u2028two.") + "\r\n" + line(text="Three.") + "\n").encode()
    loaded = parse_file(data, path)
    assert loaded.problems == []
    assert [a.id for a in loaded.articles] == ["a#1", "a#2"]
    # Within the text a line separator is whitespace like any other.
    assert loaded.articles[0].paragraphs == ("One two.",)


def test_bad_utf8_spoils_only_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    data = b'{"text": "Caf\xe9 opens."}\n{"text": "Fine."}\n'
    loaded = parse_file(data, path)
    assert loaded.problems == []
    first, second = loaded.articles
    assert first.paragraphs == ("Caf\ufffd opens.",)
    assert first.warnings[0] == "invalid UTF-8 at byte 13 of the line; bad bytes shown as \ufffd"
    assert second.warnings == ('no publication date (a "date" or "published" field)',)


def test_json_that_python_cannot_read_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    loaded = parse(path, "[" * 100_000, '{"n": ' + "9" * 5000 + "}", "plain words", "42")
    assert loaded.articles == []
    assert [p.message for p in loaded.problems] == [
        "not valid JSON (nested too deeply)",
        "not valid JSON (a number with too many digits)",
        "not valid JSON (Expecting value)",
        "not a JSON object but a number",
    ]


def test_a_file_that_is_not_json_lines_lists_only_the_first_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    count = MAX_LINE_PROBLEMS + 5
    loaded = parse(path, *(f"row {n},a,b" for n in range(count)), line(text="Real."))
    assert [a.id for a in loaded.articles] == [f"export#{count + 1}"]
    assert len(loaded.problems) == MAX_LINE_PROBLEMS + 1
    assert [p.line for p in loaded.problems[:MAX_LINE_PROBLEMS]] == list(
        range(1, MAX_LINE_PROBLEMS + 1)
    )
    assert loaded.problems[-1] == LoadProblem(
        path, f"5 more bad lines, from line {MAX_LINE_PROBLEMS + 1} to line {count}"
    )


def test_one_bad_line_past_the_limit_is_listed_not_summarised(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    loaded = parse(path, *(["{"] * (MAX_LINE_PROBLEMS + 1)))
    assert [p.line for p in loaded.problems] == list(range(1, MAX_LINE_PROBLEMS + 2))


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "a.jsonl"
    assert parse_file(b"\x00\x01{}", binary) == FileLoad(
        [], [LoadProblem(binary, "binary file, not text")]
    )
    missing = tmp_path / "gone.jsonl"
    assert load_articles(missing) == FileLoad(
        [], [LoadProblem(missing, "no such file or directory")]
    )


def test_other_suffixes_hold_one_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(" date 2017-01-02 Text.")
    loaded = load_articles(path)
    assert loaded.problems == []
    assert [(a.id, a.line, a.paragraphs) for a in loaded.articles] == [("story", None, ("Text.",))]


def test_folders_load_json_lines_beside_other_files(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "part-0001.jsonl").write_text(
        "\n".join(
            [
                line(text="Older.", date="2017-01-01"),
                "{broken",
                line(text="Newer.", date="2017-01-03"),
            ]
        )
    )
    (tmp_path / "feeds" / "part-0002.NDJSON").write_text(line(text="Newest.", date="2017-01-04"))
    (tmp_path / "story.txt").write_text(" date 2017-01-02 Middle.")
    result = load_paths([tmp_path])
    # Ids are paths relative to the folder named, folders parted by "/".
    assert [a.id for a in result.articles] == [
        "story",
        "feeds/part-0001#1",
        "feeds/part-0001#3",
        "feeds/part-0002#1",
    ]
    corpus = Corpus(result.articles, result.problems)
    assert [a.id for a in corpus] == [
        "feeds/part-0002#1",
        "feeds/part-0001#3",
        "story",
        "feeds/part-0001#1",
    ]
    # The same file named directly is its own PATH: its name alone.
    direct = load_paths([tmp_path / "feeds" / "part-0001.jsonl"])
    assert [a.id for a in direct.articles] == ["part-0001#1", "part-0001#3"]
    assert [str(p) for p in corpus.problems] == [
        f"{tmp_path / 'feeds' / 'part-0001.jsonl'} line 2: not valid JSON "
        "(Expecting property name enclosed in double quotes)"
    ]


def test_compressed_json_lines_are_read_as_a_stream(tmp_path: Path) -> None:
    import gzip

    lines = [line(text=f"Story {n}.", date="2017-01-0" + str(n)) for n in (1, 2, 3)]
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"not read: only JSON Lines"))
    result = load_paths([tmp_path])
    assert [(a.id, a.paragraphs) for a in result.articles] == [
        ("feed#1", ("Story 1.",)),
        ("feed#2", ("Story 2.",)),
        ("feed#3", ("Story 3.",)),
    ]
    assert result.problems == []
    # Cut short: the lines before the cut load, and the cut is named.
    whole = gzip.compress("\n".join(lines * 200).encode())
    (tmp_path / "feed.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])
    cut = load_articles(tmp_path / "feed.jsonl.gz")
    assert 0 < len(cut.articles) < 600
    assert [str(p) for p in cut.problems] == [
        f"{tmp_path / 'feed.jsonl.gz'}: the compressed file is cut short;"
        " what came before the cut is read"
    ]
    (tmp_path / "plain.jsonl.gz").write_text("\n".join(lines))
    assert [str(p) for p in load_articles(tmp_path / "plain.jsonl.gz").problems] == [
        f"{tmp_path / 'plain.jsonl.gz'}: not a gzip file, though its name ends in .gz"
    ]
