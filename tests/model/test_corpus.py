"""The corpus shows each article once, under an id of its own."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from dateline.model.article import Article
from dateline.model.corpus import Corpus

DAY = dt.date(2017, 1, 24)


def article(path: str, *, line: int | None = None, **changes: object) -> Article:
    stem = Path(path).stem
    base = Article(
        id=stem if line is None else f"{stem}#{line}",
        path=Path(path),
        date=DAY,
        title="Strike goes ahead",
        paragraphs=("The strike goes ahead on Friday.", "Talks have failed."),
        line=line,
    )
    return replace(base, **changes)


def test_content_hash_is_fixed_for_fixed_content() -> None:
    # The cache keeps this digest: a change to what it covers invalidates it.
    assert article("a.txt").content_hash == "f5a74b477d8c9dd07a9cedf24d7b5679"
    assert len(article("a.txt", date=None).content_hash) == 32


def test_content_hash_covers_date_title_and_text_only() -> None:
    first = article("a.txt")
    same = [
        article("elsewhere/b.md", metadata={"url": "https://example.org/b"}),
        article("feed.jsonl", line=4, warnings=("no publication date",)),
        article("a.txt", credits=("Photo: A Person/Agency",), captions=("A caption",)),
        article("a.txt", title_from_file=True),
    ]
    different = [
        article("a.txt", date=dt.date(2017, 1, 25)),
        article("a.txt", date=None),
        article("a.txt", title="Strike called off"),
        article("a.txt", paragraphs=("The strike goes ahead on Friday.",)),
        # The same words in other paragraphs are another text.
        article("a.txt", paragraphs=("The strike goes ahead on Friday. Talks", "have failed.")),
    ]
    assert {a.content_hash for a in same} == {first.content_hash}
    hashes = {a.content_hash for a in different}
    assert len(hashes) == len(different)
    assert first.content_hash not in hashes


def test_identical_articles_are_shown_once_with_where_the_copies_were() -> None:
    articles = [
        article("feed/part-0001.jsonl", line=2),
        article("other.txt", date=dt.date(2017, 1, 1)),
        article("feed/part-0001.jsonl", line=9),
        article("copy.md", metadata={"source": "Elsewhere"}),
    ]
    corpus = Corpus(articles)
    assert corpus.duplicates == 2
    assert [a.id for a in corpus] == ["part-0001#2", "other"]
    assert corpus.get("part-0001#2").warnings == (
        "also in feed/part-0001.jsonl line 9",
        "also in copy.md",
    )
    assert corpus.get("part-0001#9") is None
    assert corpus.get("other").warnings == ()


def test_one_file_named_twice_is_not_a_copy() -> None:
    corpus = Corpus([article("a.txt"), article("a.txt")])
    assert corpus.duplicates == 0
    assert [(a.id, a.warnings) for a in corpus] == [("a", ())]


def test_articles_that_differ_only_in_the_title_are_both_kept() -> None:
    corpus = Corpus([article("a.txt"), article("b.txt", title="Unison strikes")])
    assert corpus.duplicates == 0
    assert sorted(a.id for a in corpus) == ["a", "b"]


def test_ids_that_clash_are_numbered_newest_first_whatever_the_order() -> None:
    older = article("a/part.jsonl", line=1, date=dt.date(2017, 1, 20))
    newer = article("a/part#1.txt", title="Another story")  # DAY is the 24th
    for articles in ([older, newer], [newer, older]):
        corpus = Corpus(articles)
        assert corpus.duplicates == 0
        assert {str(a.path): (a.id, a.warnings) for a in corpus} == {
            "a/part#1.txt": ("part#1", ()),
            "a/part.jsonl": (
                "part#1~2",
                ("another article in this corpus has the id part#1; this one's id is part#1~2",),
            ),
        }


def test_a_numbered_id_skips_an_id_of_its_own() -> None:
    corpus = Corpus(
        [
            article("x.txt", title="One"),
            article("x.md", title="Two"),
            article("x~2.txt", title="Three"),
        ]
    )
    assert sorted(a.id for a in corpus) == ["x", "x~2", "x~3"]
    assert corpus.get("x~2").path == Path("x~2.txt")


def test_a_corpus_of_a_corpus_is_the_same_corpus() -> None:
    # The cache may keep a corpus's articles and make a corpus of them again:
    # no warning may be added twice.
    first = Corpus(
        [
            article("x/a.txt"),
            article("y/a.txt", title="Other"),
            article("copy.txt"),
        ]
    )
    again = Corpus(list(first.articles))
    assert again.articles == first.articles
    assert (first.duplicates, again.duplicates) == (1, 0)


def test_duplicates_in_files_are_folded_when_loading(tmp_path: Path) -> None:
    record = {"title": "Talks resume", "text": "Talks resumed on Monday.", "date": "2017-01-24"}
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps(r) for r in (record, {**record, "url": "https://example.org/2"}))
    )
    (tmp_path / "talks.md").write_text(
        "---\ntitle: Talks resume\ndate: 2017-01-24\n---\n\nTalks resumed on Monday.\n"
    )
    corpus = Corpus.load([tmp_path])
    assert corpus.duplicates == 2
    assert [(a.id, a.warnings) for a in corpus] == [
        (
            "feed#1",
            (f"also in {tmp_path / 'feed.jsonl'} line 2", f"also in {tmp_path / 'talks.md'}"),
        )
    ]


def test_an_article_with_a_link_keeps_its_reading_key_when_its_text_changes() -> None:
    from pathlib import Path

    from dateline.model.article import Article

    first = Article("a", Path("a.txt"), None, "T", ("One.",), metadata={"url": "https://x.test/a"})
    corrected = Article(
        "a", Path("b.txt"), None, "T", ("One, corrected.",), metadata=first.metadata
    )
    plain = Article("a", Path("a.txt"), None, "T", ("One.",))
    assert first.reading_key == corrected.reading_key
    assert first.reading_key.startswith("url:") and first.reading_key != first.content_hash
    assert plain.reading_key == plain.content_hash
