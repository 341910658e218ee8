"""Saved pages and feed files, read by the loader like any other file: the
article's text kept sentence for sentence, the page furniture dropped,
titles, dates, authors and sources as the page or feed gives them, and the
facts found in the text."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dateline.facts.extract import extract_facts
from dateline.model.loading import load_articles, load_file, load_paths
from dateline.sources.feeds import NotAFeed, read_feed
from dateline.sources.html import NO_ARTICLE, fragment_paragraphs
from dateline.sources.newsboat import read_urls
from dateline.sources.opml import ListedFeed, read_opml
from tests.sources.conftest import FIXTURES, fixture_bytes

PAGE_PARAGRAPHS = [
    "Councillors have approved a £12m flood defence scheme for Otley town centre, more than two"
    " years after the River Wharfe flooded dozens of homes and businesses.",
    "Leeds City Council's plans panel voted unanimously on Monday to back the scheme, which will"
    " see new walls and embankments built along a mile of the riverbank between Wharfemeadows"
    " Park and the Otley Bridge.",
    "The Environment Agency will pay £9.5m of the cost, with the remaining £2.5m coming from the"
    " council and local businesses.",
    "Councillor Sarah Whitfield, chair of the plans panel, said the decision was long overdue."
    ' "Families in Otley have waited far too long for this protection, and I am pleased we can'
    ' finally give them some peace of mind," she said.',
    "Work is due to start in September and is expected to take eighteen months.",
    "James Pickering, who runs a bakery on Bridge Street, said his shop had been closed for six"
    ' weeks after the 2020 flood. "We lost everything on the ground floor. Knowing the defences'
    ' are coming means we can plan for the future," he said.',
    "The Environment Agency said about 300 properties would be better protected once the scheme"
    " was finished.",
]
# Page furniture around the article: none of it may reach the text.
BOILERPLATE = [
    "cookie",
    "Accept all",
    "Subscribe for £1",
    "Search the Gazette",
    "Share on",
    "Email this story",
    "WhatsApp",
    "Get the Gazette newsletter",
    "Sign me up",
    "Advertisement",
    "Read 14 comments",
    "Topics:",
    "Related stories",
    "Ilkley bathing water",
    "Most read",
    "House prices",
    "About us",
    "All rights reserved",
    "Editors' Code",
    "Tracking pixel",
    "dataLayer",
    "Picture: Gazette archive",
    "Local Democracy Reporter",
]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "otley-flood-defences.html"
    shutil.copy(FIXTURES / "article_page.html", path)
    return path


def test_a_saved_page_is_its_article_and_nothing_else(page: Path) -> None:
    article = load_file(page)
    assert not isinstance(article, Exception) and hasattr(article, "paragraphs")
    assert list(article.paragraphs) == PAGE_PARAGRAPHS
    text = article.text
    assert [phrase for phrase in BOILERPLATE if phrase.casefold() in text.casefold()] == []
    assert article.id == "otley-flood-defences"
    assert article.title == "Flood defence plan for Otley approved after two-year wait"
    assert article.date == dt.date(2023, 3, 14)
    assert article.metadata == {
        "source": "Wharfedale Gazette",
        "url": "https://www.wharfedalegazette.example/news/otley-flood-defence-plan-approved",
        "author": "Megan Ashworth",
    }
    assert article.warnings == ()


def test_facts_are_found_in_the_page_text(page: Path) -> None:
    article = load_file(page)
    facts = extract_facts(article)  # type: ignore[arg-type]
    people = {person.name: person.role for person in facts.people}
    assert people["Sarah Whitfield"] == "chair of the plans panel"
    assert "James Pickering" in people
    monday = next(d for d in facts.dates if d.text == "Monday")
    assert monday.start == dt.date(2023, 3, 13)  # the Monday before Tuesday 14 March
    money = {q.text: q.value for q in facts.quantities if q.kind == "money"}
    assert money == {"£12m": 12_000_000, "£9.5m": 9_500_000, "£2.5m": 2_500_000}
    quote = next(q for q in facts.quotes if q.speaker == "Sarah Whitfield")
    assert quote.text.startswith("Families in Otley have waited far too long")


def test_a_page_with_no_article_is_skipped_with_a_message_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "login.html"
    path.write_text(
        "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav><form><input name='user'><button>Sign in</button>"
        "</form><footer>© 2023 Wharfedale Gazette</footer></body></html>",
        encoding="utf-8",
    )
    loaded = load_paths([tmp_path])
    assert loaded.articles == []
    assert [str(problem) for problem in loaded.problems] == [f"{path}: {NO_ARTICLE}"]


def test_an_rss_feed_of_summaries_is_one_article_per_entry(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "summaries.rss", tmp_path / "gazette.rss")
    loaded = load_articles(tmp_path / "gazette.rss")
    assert loaded.problems == []
    rows = [
        (a.title, a.date, list(a.paragraphs), a.metadata.get("author")) for a in loaded.articles
    ]
    assert rows == [
        (
            "Flood defence plan for Otley approved after two-year wait",
            dt.date(2023, 3, 14),
            ["Councillors have approved a £12m flood defence scheme for Otley town centre."],
            "Megan Ashworth",
        ),
        (
            "Ilkley Lido to open early as spring heatwave forecast",
            dt.date(2023, 3, 13),
            # HTML in the description, as text: the <b> gone, its words kept.
            [
                "The open-air pool will welcome swimmers from next Saturday, a month earlier than"
                " usual."
            ],
            "Daniel Oakes",
        ),
        (
            "Burley bypass roadworks to last until the summer holidays",
            dt.date(2023, 3, 12),
            ["Drivers face delays on the A65 while the resurfacing work goes on."],
            None,
        ),
    ]
    first = loaded.articles[0]
    assert first.metadata["source"] == first.metadata["feed"] == "Wharfedale Gazette - Local news"
    assert first.metadata["url"].endswith("/news/otley-flood-defence-plan-approved")
    # The summary's "next Saturday" is resolved against the entry's date.
    facts = extract_facts(loaded.articles[1])
    assert [(d.text, d.start) for d in facts.dates] == [("next Saturday", dt.date(2023, 3, 25))]


def test_feed_entry_ids_do_not_move_when_the_feed_gains_an_entry(tmp_path: Path) -> None:
    feed = fixture_bytes("summaries.rss").decode()
    (tmp_path / "gazette.rss").write_text(feed, encoding="utf-8")
    before = [a.id for a in load_articles(tmp_path / "gazette.rss").articles]
    newer = (
        "<item><title>Otley Show dates announced</title>"
        "<link>https://www.wharfedalegazette.example/news/otley-show</link>"
        "<pubDate>Wed, 15 Mar 2023 08:00:00 +0000</pubDate>"
        "<description>The show returns in May.</description></item>"
    )
    (tmp_path / "gazette.rss").write_text(feed.replace("<item>", newer + "<item>", 1), "utf-8")
    after = [a.id for a in load_articles(tmp_path / "gazette.rss").articles]
    assert after[1:] == before
    assert len(set(after)) == 4 and all(i.startswith("gazette#") for i in after)


def test_an_atom_feed_with_full_content(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "full.atom", tmp_path / "chronicle.atom")
    library, market = load_articles(tmp_path / "chronicle.atom").articles
    # An HTML title is text: the <em> gone, its words kept.
    assert library.title == "Hebden Bridge library to reopen next Monday after £1.2m refit"
    assert library.date == dt.date(2023, 5, 2)
    assert list(library.paragraphs) == [
        "Hebden Bridge library will reopen next Monday after a £1.2m refit that has kept its"
        " doors shut since October.",
        "Calderdale Council said the work had replaced the leaking roof, added a lift and"
        " created a new space for children's reading groups.",
        "Longer opening hours",
        'Councillor Tom Briggs, cabinet member for libraries, said: "This building has been at'
        ' the heart of the town for a hundred years and it is ready for the next hundred."',
        "The library will open until 7pm on Thursdays, two hours later than before.",
    ]
    assert "trackRead" not in library.text  # the entry's script is dropped
    assert library.metadata["author"] == "Priya Lindqvist"
    assert market.paragraphs[0].startswith("Stallholders at Todmorden market hall will pay 15%")
    assert len(market.paragraphs) == 3  # xhtml content
    facts = extract_facts(library)
    assert next(d for d in facts.dates if d.text == "next Monday").start == dt.date(2023, 5, 8)
    briggs = next(p for p in facts.people if p.name == "Tom Briggs")
    assert briggs.role == "cabinet member for libraries"


def test_a_json_feed(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "feed.json", tmp_path / "reporter.json")
    festival, gala, garden = load_articles(tmp_path / "reporter.json").articles
    assert festival.title == "Malton food festival draws record crowd of 40,000"
    assert festival.date == dt.date(2023, 6, 5)
    assert festival.metadata["author"] == "Joe Whitaker"
    assert festival.paragraphs[1] == (
        'Festival director Helen Marwood said the town had "never looked busier" and thanked the'
        " 200 volunteers who ran the event."
    )
    assert list(gala.paragraphs) == [  # content_text, parted by its blank line
        "The North Yorkshire Moors Railway's spring steam gala returned to Pickering on Saturday.",
        "About 6,000 visitors rode behind visiting locomotives, the railway said.",
    ]
    assert list(garden.paragraphs) == [
        "The garden has been named the best small visitor attraction in England."
    ]
    assert garden.date == dt.date(2023, 6, 1)
    facts = extract_facts(festival)
    assert [(p.name, p.role) for p in facts.people] == [("Helen Marwood", "Festival director")]
    assert ("26 May 2024", dt.date(2024, 5, 26)) in [(d.text, d.start) for d in facts.dates]


def test_an_entry_is_dated_as_its_publisher_counts_days() -> None:
    # 23:30 in New York is the next day in UTC; the story is of the 13th.
    feed = read_feed(
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        b"<item><title>Late</title><guid>1</guid>"
        b"<pubDate>Mon, 13 Mar 2023 23:30:00 -0500</pubDate></item>"
        b"<item><title>Atom style</title><guid>2</guid>"
        b"<pubDate>2023-03-13T23:30:00-05:00</pubDate></item>"
        b"</channel></rss>"
    )
    assert [entry.date for entry in feed.entries] == [dt.date(2023, 3, 13)] * 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "sitemap.xml",
            b"<?xml version='1.0'?><urlset><url><loc>https://a.example/</loc></url></urlset>",
            "XML, but neither RSS nor Atom",
        ),
        (
            "package.json",
            b'{"name": "left-pad", "version": "1.3.0"}',
            'JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")',
        ),
        (
            "cut.rss",
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>Cut off",
            "malformed XML: no element found at line 1",
        ),
        (
            "page.xml",
            b"<!DOCTYPE html><html><body><p>Hello</p></body></html>",
            "not a feed but a web page",
        ),
        ("empty.rss", b"", "empty, not a feed"),
        (
            "quiet.rss",
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title>"
            b"</channel></rss>",
            "RSS 2.0 feed with no entries (Quiet)",
        ),
        (
            "subscriptions.opml",
            fixture_bytes("subscriptions.opml"),
            "a list of subscriptions, not articles: import it with dateline feeds import",
        ),
    ],
)
def test_a_file_that_is_not_a_readable_feed_is_named_with_the_reason(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    loaded = load_articles(tmp_path / name)
    assert loaded.articles == []
    assert [str(problem) for problem in loaded.problems] == [f"{tmp_path / name}: {message}"]


def test_malformed_xml_read_in_part_says_so_on_each_article(tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_bytes(
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title>"
        b"<item><title>Council tax & rents rise</title><guid>a</guid>"
        b"<pubDate>Mon, 13 Mar 2023 09:00:00 +0000</pubDate>"
        b"<description>Bills rise by 5% in April.</description></item></channel></rss>"
    )
    (article,) = load_articles(tmp_path / "broken.rss").articles
    assert article.title == "Council tax & rents rise"
    assert article.warnings == (
        "the feed is malformed XML (not well-formed (invalid token) at line 1); read as far as"
        " it goes",
    )


def test_a_page_that_names_its_feed_says_where() -> None:
    page = (
        b"<!DOCTYPE html><html><head><link rel='alternate' type='application/rss+xml'"
        b" href='/news/rss'></head><body></body></html>"
    )
    with pytest.raises(NotAFeed) as raised:
        read_feed(page, content_type="text/html; charset=utf-8")
    assert str(raised.value) == "not a feed but a web page; it names a feed: /news/rss"


def test_entry_html_becomes_paragraphs() -> None:
    html = (
        "Lead text with no element<br><br>after a break <b>bold</b> &amp; more"
        "<h2>Subhead</h2><ul><li>First</li><li>Second</li></ul>"
        "<script>alert('x')</script><style>p{}</style><!-- a comment -->"
        "<form><input value='field'><button>Go</button></form><p>Last.</p>"
    )
    assert fragment_paragraphs(html) == [
        "Lead text with no element",
        "after a break bold & more",
        "Subhead",
        "First",
        "Second",
        "Last.",
    ]


def test_deeply_nested_entry_html_neither_recurses_nor_hangs() -> None:
    assert fragment_paragraphs("<div>" * 200 + "deep" + "</div>" * 200) == ["deep"]
    # libxml2 stops at 255 levels (its guard against exactly this): the text
    # past it is lost, and nothing fails.
    assert fragment_paragraphs("<div>" * 50_000 + "deep" + "</div>" * 50_000) == []


def test_an_opml_file_lists_its_feeds_with_folders_as_tags() -> None:
    found = read_opml(fixture_bytes("subscriptions.opml"))
    assert found.feeds == [
        ListedFeed(
            "https://www.wharfedalegazette.example/news/rss",
            "Wharfedale Gazette - Local news",
            ("Yorkshire", "National"),
        ),
        ListedFeed(
            "https://calderchronicle.example/feed.atom", "Calder Valley Chronicle", ("Yorkshire",)
        ),
        ListedFeed(
            "https://ryedalereporter.example/feed.json",
            "The Ryedale Reporter",
            ("Yorkshire", "Ryedale"),
        ),
        ListedFeed("https://ldrs.example/rss.xml", "Local Democracy Reporting", ("National",)),
    ]
    assert found.skipped == []


def test_a_newsboat_urls_file() -> None:
    found = read_urls(fixture_bytes("urls").decode())
    assert found.feeds == [
        ListedFeed("https://www.wharfedalegazette.example/news/rss", "", ("Yorkshire", "local")),
        ListedFeed(
            "https://calderchronicle.example/feed.atom", "Calder Chronicle", ("Calder valley",)
        ),
        ListedFeed("https://ryedalereporter.example/feed.json", "", ("Yorkshire",)),
        ListedFeed("https://ldrs.example/rss.xml", "", ("National",)),
    ]
    assert found.skipped == [
        "line 7: a newsboat query feed, not a feed to fetch",
        "line 8: exec: runs a program; Dateline runs no program named in a file",
        "line 9: filter: runs a program; Dateline runs no program named in a file",
        "line 11: 'not' is not a web address",
    ]


def test_a_folder_of_pages_and_feeds_loads_together(tmp_path: Path) -> None:
    for name in ("article_page.html", "summaries.rss", "full.atom", "feed.json", "urls"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    loaded = load_paths([tmp_path])
    # The urls file has no suffix the loader reads: it is left alone in a folder.
    assert loaded.problems == []
    assert len(loaded.articles) == 1 + 3 + 2 + 3
    sources = sorted({a.metadata["source"] for a in loaded.articles})
    assert sources == [
        "Calder Valley Chronicle",
        "The Ryedale Reporter",
        "Wharfedale Gazette",
        "Wharfedale Gazette - Local news",
    ]
