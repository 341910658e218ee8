"""A headline for an article that has none: the lead, cut where a headline would end."""

from __future__ import annotations

import re

MAX_HEADLINE = 80
# How much of the lead is read for a headline: its first sentence, if it ends
# in this many characters; else the headline is cut well inside them anyway.
# A 20 MB lead then costs no more than a short one.
LEAD_READ = 2_000

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'A-Z0-9])")
# Places where a lead sentence can be cut and still read as a headline.
_CLAUSE_BREAK = re.compile(
    r",\s|\s[–—-]\s|\s(?:over|after|because|as|which|who|while|when|amid|despite|even though"
    r"|but|and|with|following|unless|since)\s"
)
_LEADING_ARTICLE = re.compile(r"^(?:A|An|The)\s+(?=\w)")
_WORD = re.compile(r"\S+")


def derive_headline(lead: str, limit: int = MAX_HEADLINE) -> str:
    """The first sentence of `lead`, cut at a clause boundary or, failing that,
    a word boundary, so that it fits in `limit` characters."""
    text = _start_of(lead, max(LEAD_READ, 4 * limit))
    if not text:
        return ""
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    first = _strip_tail(first)
    if len(first) > limit:
        first = _cut(first, limit)
    else:
        # A long, loose lead still reads better up to its first clause break.
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(first) if m.start() >= 25]
        if breaks and len(first) > 60:
            first = first[: breaks[0]]
    headline = first if first.endswith("…") else _strip_tail(first)
    if _LEADING_ARTICLE.match(headline) and len(headline.split()) > 3:
        headline = _LEADING_ARTICLE.sub("", headline)
        headline = headline[:1].upper() + headline[1:]
    return headline


def _start_of(lead: str, size: int) -> str:
    """The first `size` characters of `" ".join(lead.split())`, without
    splitting the rest of a long lead."""
    words: list[str] = []
    length = 0
    for word in _WORD.finditer(lead):
        words.append(word.group())
        length += len(words[-1]) + 1
        if length > size:
            break
    return " ".join(words)[:size]


def _cut(text: str, limit: int) -> str:
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text) if 25 <= m.start() <= limit]
    if breaks:
        return text[: breaks[-1]]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return _strip_tail(cut) + "…"


def _strip_tail(text: str) -> str:
    return text.rstrip(" .,;:…-–—")
