"""Hostile pages and feeds: script tags, terminal control sequences and Rich or
Textual markup in titles, names and text are inert, as in every other format
(tests/test_hostile_text.py): markup shown as written, controls as their
pictures, scripts dropped, and nothing of theirs sent to the terminal. A
fetched entry's file keeps them inert too, whatever its title tries to do to
the front matter."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.model.loading import load_articles, load_paths
from dateline.sources.article import ArticleParts
from dateline.sources.fetched import render_entry, write_entry
from dateline.tui.widgets.article_list import ArticleList
from tests.hostile import (
    AUTHOR,
    CLEAR,
    CLIPBOARD,
    HEADLINE,
    PARAGRAPHS,
    RICH_LINK,
    RICH_TITLE,
    SHOWN,
    SHOWN_HEADLINE,
    TEXTUAL_ACTION,
    TITLE,
)
from tests.test_hostile_text import CONTROL, frame
from tests.tui.test_library_keys import folder_app, wait_for_index

SCRIPT = "<script>alert('pwned')</script>"


def write_hostile_sources(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": TEXTUAL_ACTION,
        "items": [
            {
                "id": "hostile-1",
                "url": "https://a.example/hostile",
                "title": HEADLINE,
                "content_html": "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + SCRIPT,
                "date_published": "2017-01-24T10:00:00Z",
                "authors": [{"name": AUTHOR}],
            }
        ],
    }
    (folder / "hostile.json").write_text(json.dumps(document), encoding="utf-8")
    # In XML the script is text: a title that shows it, as written.
    (folder / "hostile.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel>"
        f"<title>{RICH_LINK} feed</title><item><guid>h2</guid>"
        f"<title>&lt;script&gt;alert(1)&lt;/script&gt; {RICH_TITLE}</title>"
        "<pubDate>Wed, 25 Jan 2017 09:00:00 +0000</pubDate>"
        f"<description><![CDATA[<p>Councillors met {TEXTUAL_ACTION} on Monday.</p>{SCRIPT}]]>"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    body = "".join(f"<p>{p} The council met again.</p>" for p in PARAGRAPHS)
    (folder / "hostile.html").write_text(
        f"<html><head><title>{RICH_TITLE} page</title>{SCRIPT}"
        "<meta property='article:published_time' content='2017-01-26'></head><body>"
        f"<article><h1>{RICH_TITLE} page</h1>{body}{SCRIPT}</article></body></html>",
        encoding="utf-8",
    )
    return folder


def test_pages_and_feeds_load_inert(tmp_path: Path) -> None:
    folder = write_hostile_sources(tmp_path / "corpus")
    loaded = load_paths([folder])
    assert loaded.problems == []
    assert sorted(article.path.name for article in loaded.articles) == [
        "hostile.html",
        "hostile.json",
        "hostile.rss",
    ]
    for article in loaded.articles:
        strings = [
            article.id,
            article.title,
            *article.paragraphs,
            *article.warnings,
            *article.metadata,
            *article.metadata.values(),
        ]
        assert [s for s in strings if CONTROL.search(s)] == []
        assert not any("alert(" in p for p in article.paragraphs)  # scripts dropped

    (feed_article,) = load_articles(folder / "hostile.json").articles
    assert feed_article.title == SHOWN_HEADLINE
    assert list(feed_article.paragraphs) == SHOWN
    assert feed_article.metadata["author"] == AUTHOR
    assert feed_article.metadata["source"] == TEXTUAL_ACTION
    # The title's two (ESC, BEL) and the paragraphs' thirteen, as for the other formats.
    assert feed_article.warnings == ("15 control characters made visible",)

    (rss_article,) = load_articles(folder / "hostile.rss").articles
    assert rss_article.title == f"<script>alert(1)</script> {RICH_TITLE}"
    assert list(rss_article.paragraphs) == [f"Councillors met {TEXTUAL_ACTION} on Monday."]
    assert rss_article.metadata["feed"] == f"{RICH_LINK} feed"

    (page_article,) = load_articles(folder / "hostile.html").articles
    assert page_article.title == f"{RICH_TITLE} page"
    # HTML forbids control characters: libxml2 drops them while parsing, so
    # what is left of each sequence is plain text.
    assert page_article.paragraphs[0] == (
        "Kirklees Council said the strike [2Jwill go ahead on Friday, ]52;c;ZXZpbA==said Paul"
        " Holmes. The council met again."
    )


def test_a_fetched_entry_file_keeps_hostile_text_inert_and_its_front_matter_whole(
    tmp_path: Path,
) -> None:
    # A title that tries to end the front matter and smuggle in a Python tag.
    escape_attempt = 'x"\n---\nsource: !!python/object/apply:os.system ["true"]\n'
    parts = ArticleParts(
        title=f"{HEADLINE} {escape_attempt}\x7f\x85\ufffe\ud800",
        raw_date="",
        paragraphs=[*PARAGRAPHS, "NUL\x00here"],
        metadata={"source": TEXTUAL_ACTION, "url": f"https://a.example/{CLEAR}", "author": AUTHOR},
        warnings=[f"only the feed's summary: {CLIPBOARD}"],
    )
    path = tmp_path / "feeds" / "a.example-00000000" / "0123456789abcdef.txt"
    write_entry(path, render_entry(parts, {"feed_url": "https://a.example/feed", "guid": TITLE}))
    (article,) = load_articles(path).articles
    assert article.title.startswith(f'{SHOWN_HEADLINE} x" --- source: !!python/object/apply')
    assert article.metadata["source"] == TEXTUAL_ACTION
    assert article.metadata["url"] == "https://a.example/␛[2J"
    assert article.metadata["feed_url"] == "https://a.example/feed"
    assert list(article.paragraphs) == [*SHOWN, "NUL␀here"]
    assert "only the feed's summary: ␛]52;c;ZXZpbA==␇" in article.warnings
    for text in (article.title, *article.paragraphs, *article.warnings, *article.metadata.values()):
        assert not CONTROL.search(text)


async def test_the_reader_shows_them_as_written_and_sends_none_of_them(tmp_path: Path) -> None:
    folder = write_hostile_sources(tmp_path / "corpus")
    app = folder_app(folder, tmp_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for_index(pilot)
        entries = app.query_one(ArticleList).entries
        # Newest first: the page (no site named), the RSS entry, the JSON Feed entry.
        assert [entry.source for entry in entries] == ["", f"{RICH_LINK} feed", TEXTUAL_ACTION]
        screen = app.screen
        screen.open_article(entries[1].id)  # the RSS entry with a script in its title
        await wait_for_index(pilot)
        text, sent = frame(app)
        assert "<script>alert(1)</script> [bold red]Pwned[/]" in text
        assert f"{RICH_LINK} feed" in text
        screen.open_article(entries[2].id)
        await wait_for_index(pilot)
        text, sent_too = frame(app)
        assert SHOWN_HEADLINE in text
        assert "␛[2Jwill go ahead on Friday" in text
        for output in (sent, sent_too):
            for sequence in ("\x1b]52", "\x1b]2;", "\x1b]8;;https://evil", "\x07", "\x9b"):
                assert sequence not in output
            assert "\x1b[2J" not in output
