"""Whatever bytes a saved page or a feed file holds, the loader gives sound
articles or problems that name the file: every string inert, titles and
metadata on one line, ids the file name or the file name and `#` and an
entry's hash, nothing raised. The same properties as the text formats'
(tests/model/test_fuzz_loading.py), with pages and feeds built to attack."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model.article import Article
from dateline.model.loading import FileLoad, parse_file
from dateline.sources import SOURCE_SUFFIXES
from tests.model.test_fuzz_loading import (
    ANY_TEXT,
    HOSTILE,
    assert_sound_problem,
    damaged,
    is_inert,
    is_one_line,
)

SUFFIXES = sorted(SOURCE_SUFFIXES)
# Fewer examples than the text formats': each goes through trafilatura or
# feedparser under every suffix.
SETTINGS = settings(max_examples=60, deadline=None)
_ENTRY_ID = re.compile(r"x#[0-9a-f]{8}(?:~\d+)?")


def assert_sound_article(article: Article, path: Path) -> None:
    assert article.path == path
    assert article.id == "x" or _ENTRY_ID.fullmatch(article.id), article.id
    assert article.title and is_one_line(article.title), article.title
    for paragraph in article.paragraphs:
        assert paragraph and is_one_line(paragraph), paragraph
    for key, value in article.metadata.items():
        assert is_one_line(key) and is_one_line(value), (key, value)
    for warning in article.warnings:
        assert warning and is_inert(warning), warning
    if article.date is None:
        assert any("date" in warning for warning in article.warnings), article.warnings
    for text in (article.title, *article.paragraphs, *article.warnings):
        text.encode("utf-8")


def check(data: bytes) -> None:
    for suffix in SUFFIXES:
        path = Path("x" + suffix)
        load = parse_file(data, path)
        assert isinstance(load, FileLoad)
        assert load.articles or load.problems
        for article in load.articles:
            assert_sound_article(article, path)
        for problem in load.problems:
            assert_sound_problem(problem, path)


PIECE = st.one_of(st.sampled_from(HOSTILE), ANY_TEXT, st.sampled_from(["<", "&", "]]>", "&#27;"]))


@st.composite
def hostile_rss(draw: st.DrawFn) -> bytes:
    items = "".join(
        f"<item><title><![CDATA[{draw(PIECE)}]]></title><guid>{index}</guid>"
        f"<link>https://a.example/{index}</link><pubDate>{draw(PIECE)}</pubDate>"
        f"<description><![CDATA[<p>{draw(PIECE)}</p><script>{draw(PIECE)}</script>]]>"
        "</description></item>"
        for index in range(draw(st.integers(0, 3)))
    )
    text = f"<?xml version='1.0'?><rss version='2.0'><channel><title>{draw(PIECE)}</title>{items}"
    return (text + draw(st.sampled_from(["</channel></rss>", ""]))).encode("utf-8", "replace")


@st.composite
def hostile_json_feed(draw: st.DrawFn) -> bytes:
    items = [
        {
            "id": draw(st.one_of(PIECE, st.integers())),
            "title": draw(PIECE),
            "content_html": draw(PIECE),
            "content_text": draw(PIECE),
            "date_published": draw(PIECE),
            "authors": [{"name": draw(PIECE)}],
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    document = {"version": "https://jsonfeed.org/version/1.1", "title": draw(PIECE), "items": items}
    return json.dumps(document).encode()


@st.composite
def hostile_page(draw: st.DrawFn) -> bytes:
    body = "".join(f"<p>{draw(PIECE)} {draw(PIECE)}</p>" for _ in range(draw(st.integers(0, 6))))
    return (
        f"<html><head><title>{draw(PIECE)}</title><meta name='author' content='{draw(PIECE)}'>"
        f"</head><body><article><h1>{draw(PIECE)}</h1>{body}</article></body></html>"
    ).encode("utf-8", "replace")


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    check(data)


@SETTINGS
@given(st.one_of(hostile_rss(), hostile_json_feed(), hostile_page()).flatmap(damaged))
def test_hostile_feeds_and_pages(data: bytes) -> None:
    check(data)
