"""HTML: a saved or fetched article page, and the HTML inside a feed entry.

A page goes through trafilatura, which finds the article among the page's
navigation, cookie banners, share bars, related links and footers, and its
title, date (through htmldate), author and site. A feed entry's HTML is the
article already, cut out by its publisher: trafilatura, made to look for an
article in it, drops what it takes for boilerplate (a one-paragraph summary
comes back as nothing at all, subheads vanish), so an entry's HTML is turned
into paragraphs directly: every block element a paragraph, scripts, styles
and forms dropped, entities decoded. Both then go through the same cleaning
and the same inert-text rules (`dateline.sources.article`).

trafilatura and lxml are imported on first use: opening text files never
pays for them."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.model.article import Article
from dateline.model.problems import LoadProblem
from dateline.sources.article import ArticleParts, build_article, drop_repeated_title

NO_ARTICLE = "no article text found in the page (trafilatura found only page furniture)"


@dataclass(slots=True, frozen=True)
class PageText:
    """What trafilatura found in a page, as found (untrusted)."""

    title: str
    date: str  # ISO day, or "" when the page gives none
    author: str
    site: str
    url: str
    paragraphs: tuple[str, ...]


def extract_page(html: bytes | str, url: str | None = None) -> PageText | None:
    """The article in a page, or None when the page holds none."""
    import trafilatura

    _quiet_loggers()
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        # Precision over recall: a reader sees every stray menu line, and a page
        # of menus alone must come back as no article (measured: without it a
        # sign-in page gives "Home News Sign in" as its text).
        favor_precision=True,
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,  # the publication date, not the last edit
            "max_date": (dt.date.today() + dt.timedelta(days=1)).isoformat(),
        },
    )
    if document is None:
        return None
    found: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else document
    text = found.get("text") or ""
    title = found.get("title") or ""
    # trafilatura's text output puts each paragraph, heading and list item on
    # a line of its own.
    lines = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = drop_repeated_title(title, [line for line in lines if line])
    if not _reads_like_an_article(paragraphs):
        return None
    return PageText(
        title=title,
        date=found.get("date") or "",
        author=found.get("author") or "",
        site=found.get("sitename") or found.get("hostname") or "",
        url=found.get("url") or "",
        paragraphs=tuple(paragraphs),
    )


# trafilatura's fallbacks return what text a page has, even from a page with
# none of an article's ("Home" from a sign-in page, measured): an article has
# a sentence of some length, or enough words.
_SENTENCE_WORDS = 8
_ARTICLE_WORDS = 40
_SENTENCE_END = (".", "!", "?")


def _reads_like_an_article(paragraphs: list[str]) -> bool:
    words = 0
    for paragraph in paragraphs:
        count = len(paragraph.split())
        words += count
        ending = paragraph.rstrip("\"'”’) ")
        if count >= _SENTENCE_WORDS and ending.endswith(_SENTENCE_END):
            return True
    return words >= _ARTICLE_WORDS


@functools.cache
def _quiet_loggers() -> None:
    # trafilatura and htmldate log what they could not read ("empty HTML
    # tree") at ERROR: Dateline says it itself, once, naming the file; left
    # on, Python's last-resort handler would write over the reader's screen.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def page_article(data: bytes, path: Path) -> Article | LoadProblem:
    """A saved page as an article (its id is the file name, as for a text file)."""
    if not data.strip():
        return LoadProblem(path, "empty file" if not data else "only white space, no text")
    try:
        page = extract_page(data)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        return LoadProblem(path, f"the page could not be read ({type(error).__name__}: {error})")
    if page is None:
        return LoadProblem(path, NO_ARTICLE)
    return build_article(path.stem, path, page_parts(page), what="page")


def page_parts(page: PageText, *, warnings: list[str] | None = None) -> ArticleParts:
    from dateline.model.loading import parse_publication_date

    metadata = {"source": page.site, "url": page.url, "author": page.author}
    return ArticleParts(
        title=page.title,
        date=parse_publication_date(page.date) if page.date else None,
        raw_date=page.date,
        paragraphs=list(page.paragraphs),
        metadata={key: value for key, value in metadata.items() if value},
        warnings=list(warnings or ()),
    )


# --- HTML inside a feed entry ---------------------------------------------------

# Elements whose text is never article text.
_DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "form",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "audio",
        "video",
        "source",
        "track",
    }
)
# Elements that start and end a paragraph.
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "address",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "figure",
        "figcaption",
        "details",
        "summary",
        "hr",
        "br",
        "html",
        "body",
    }
)


def fragment_paragraphs(html: str) -> list[str]:
    """The paragraphs of a piece of HTML (a feed entry's content or summary)."""
    if not html.strip():
        return []
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True
    )
    try:
        # Wrapped, so that text with no element around it is kept, and a
        # whole document's <html> and <body> are only blocks among others.
        root = lxml.html.fromstring(f"<div>{html}</div>", parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return []
    pieces: list[list[str]] = [[]]
    _walk(root, pieces)
    paragraphs = [" ".join("".join(piece).split()) for piece in pieces]
    return [paragraph for paragraph in paragraphs if paragraph]


def _walk(element: Any, pieces: list[list[str]]) -> None:
    # Iterative: a hostile entry can nest elements thousands deep.
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if closing:
            if tag in _BLOCKS:
                pieces.append([])
            if node.tail:
                pieces[-1].append(node.tail)
            continue
        if tag in _DROPPED:
            if node.tail:
                pieces[-1].append(node.tail)
            continue
        if tag in _BLOCKS:
            pieces.append([])
        if tag is not None and node.text:
            pieces[-1].append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def fragment_text(html: str) -> str:
    """A piece of HTML as one line of text (a title marked up as HTML)."""
    return " ".join(fragment_paragraphs(html))
