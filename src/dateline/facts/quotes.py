"""Direct speech and who said it.

Quotation marks are read in one pass per paragraph. Curly marks say which way
they face, except that ’ is also the apostrophe: it closes a quote only when it
is not between letters (it’s, children’s) and only inside a ‘single’ quote.
Straight marks face the way their neighbours suggest (a space before an
opening mark, a letter before a closing one).

A quote left open at the end of a paragraph continues when the next paragraph
opens with the same kind of mark (the newspaper convention for a long quote);
the paragraphs are attributed as one.

The speaker is looked for, in order: before the quote in its sentence ("Paul
Holmes said:", "Holmes said any suggestion ... was a “red herring”"), after
it (", he said", ", said Holmes"), then the previous quote or the last person
named in the paragraph. A pronoun is the nearest person named before it,
looking back through earlier paragraphs. Without a name, a description the
article gives ("A Kirklees Council spokesman") is the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.facts.base import Entity, Quote
from dateline.facts.entities import ROLE_HEADS


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MARK = re.compile(r"[\"“”‘’']")
_DOUBLE, _SINGLE = "double", "single"

# Verbs that introduce direct speech ("said:", ", he said").
_SPEECH_VERBS = (
    r"said|says|say|added|adds|adding|told|tells|explained|explains|continued|warned|warns"
    r"|insisted|insists|stated|states|replied|replies|responded|asked|asks|wrote|writes"
    r"|declared|commented|remarked|admitted|admits|argued|argues|claimed|claims|confirmed"
    r"|stressed|concluded|recalled|joked|saying|telling|explaining|warning|insisting"
)
# Verbs that report speech a fragment is taken from ("branded it a “red herring”").
_REPORTING_VERBS = (
    _SPEECH_VERBS + r"|claiming|described|describing|called|calling|branded|labelled|labeled"
    r"|dubbed|accused|accusing|promised|vowed|pledged|threatened|written|writing|suggested"
    r"|suggesting|urged|urging|believes|believed"
)
_REPORTING_VERB = re.compile(rf"\b(?:{_REPORTING_VERBS})\b", re.IGNORECASE)
_ENDS_WITH_SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH_VERBS})[,:]?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)

_LEAD_IN = re.compile(r"[\s,.]*(?:[—–-][ \u00a0]*)?")
_VERB_NEXT = re.compile(rf"[ \u00a0]+(?:\w+[ \u00a0]+)?(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_PRONOUN_VERB = re.compile(
    rf"(?:he|she)[ \u00a0]+(?:\w+[ \u00a0]+)?(?:{_SPEECH_VERBS})\b", re.IGNORECASE
)
_VERB_FIRST = re.compile(rf"(?:{_SPEECH_VERBS})[ \u00a0]+", re.IGNORECASE)
_PRONOUN_AT = re.compile(r"(?:he|she)\b", re.IGNORECASE)
_DESCRIPTION_THEN_VERB = re.compile(
    rf"((?:a|an|the|one)[ \u00a0]+[^.,;:!?“”\"\n]{{1,80}}?)[ \u00a0]+(?:{_SPEECH_VERBS})\b",
    re.IGNORECASE,
)
_DESCRIPTION_ALONE = re.compile(
    r"((?:a|an|the|one)[ \u00a0]+[^.,;:!?“”\"\n]{1,80}?)(?=[ \u00a0]*(?:[.,;:!?]|$))",
    re.IGNORECASE,
)
_DESCRIPTION_SUBJECT = re.compile(r"^(?:a|an|the|one)\s", re.IGNORECASE)
_MAX_DESCRIPTION_WORDS = 8

# Heads of a description that can stand for a speaker, beyond job titles.
_DESCRIPTORS = ROLE_HEADS | _word_set(
    """
    source sources insider witness neighbour neighbor resident friend relative relatives
    parent mother father spokesman spokeswoman spokesperson
    """
)

_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*\s+")
_SENTENCE_LOOKBACK = 600
_AFTER_LOOKAHEAD = 160


@dataclass(slots=True)
class _Marked:
    """A stretch of text between an opening mark and its close (or the end
    of the paragraph)."""

    paragraph: int
    open_at: int  # the opening mark
    close_at: int | None  # the closing mark; None when the paragraph ended first
    family: str
    text_start: int = 0
    text_end: int = 0
    runs_to_end: bool = False  # unclosed when the paragraph ends: may continue in the next


@dataclass(slots=True, frozen=True)
class _PersonIndex:
    """Where each person is named, for speakers and pronouns."""

    # Per paragraph, sorted: (start, end, canonical name)
    by_paragraph: dict[int, list[tuple[int, int, str]]]
    # Article-wide, sorted: (paragraph, start) and the name at each
    positions: list[tuple[int, int]]
    names: list[str]

    @classmethod
    def build(cls, people: Sequence[Entity], paragraph_count: int) -> _PersonIndex:
        found: list[tuple[int, int, int, str]] = []
        for person in people:
            for mention in person.mentions:
                if 0 <= mention.paragraph < paragraph_count:
                    found.append(
                        (mention.paragraph, mention.start_char, mention.end_char, person.name)
                    )
        found.sort()
        by_paragraph: dict[int, list[tuple[int, int, str]]] = {}
        for paragraph, start, end, name in found:
            by_paragraph.setdefault(paragraph, []).append((start, end, name))
        return cls(by_paragraph, [(p, s) for p, s, _, _ in found], [n for *_, n in found])

    def starting_at(self, paragraph: int, at: int) -> tuple[int, int, str] | None:
        mentions = self.by_paragraph.get(paragraph, [])
        i = bisect_left(mentions, (at, -1, ""))
        if i < len(mentions) and mentions[i][0] == at:
            return mentions[i]
        return None

    def last_between(self, paragraph: int, start: int, end: int) -> tuple[int, str] | None:
        """The last person named wholly before `end` and ending after `start`,
        with where the mention starts."""
        mentions = self.by_paragraph.get(paragraph, [])
        i = bisect_left(mentions, (end, -1, ""))
        while i > 0:
            i -= 1
            mention_start, mention_end, name = mentions[i]
            if mention_end <= end:
                return (mention_start, name) if mention_end > start else None
        return None

    def before(self, paragraph: int, at: int) -> str | None:
        """The nearest person named before this point, in any earlier paragraph."""
        i = bisect_left(self.positions, (paragraph, at))
        return self.names[i - 1] if i > 0 else None


def find_quotes(paragraphs: Sequence[str], people: Sequence[Entity]) -> list[Quote]:
    persons = _PersonIndex.build(people, len(paragraphs))
    quotes: list[Quote] = []
    for group in _quote_groups(paragraphs):
        quotes.extend(_attributed(group, paragraphs, persons, quotes))
    return quotes


# --- finding the marks ---------------------------------------------------------


def _scan(index: int, paragraph: str) -> list[_Marked]:
    spans: list[_Marked] = []
    open_span: _Marked | None = None
    for match in _MARK.finditer(paragraph):
        at = match.start()
        mark = match.group()
        before = paragraph[at - 1] if at else ""
        after = paragraph[at + 1] if at + 1 < len(paragraph) else ""
        family = open_span.family if open_span else None
        if family is None:
            opened = _opening_family(mark, before, after)
            if opened:
                open_span = _Marked(index, at, None, opened)
        elif family == _DOUBLE and open_span is not None:
            if mark in '”"':
                open_span.close_at = at
                spans.append(open_span)
                open_span = None
            elif mark == "“":  # the previous quote was never closed
                spans.append(open_span)
                open_span = _Marked(index, at, None, _DOUBLE)
        elif open_span is not None and mark in "’'" and _closes_single(before, after):
            open_span.close_at = at
            spans.append(open_span)
            open_span = None
    if open_span is not None:
        spans.append(open_span)
    for i, span in enumerate(spans):
        limit = spans[i + 1].open_at if span.close_at is None and i + 1 < len(spans) else None
        _set_text(span, paragraph, limit)
    return [span for span in spans if _worth_keeping(span, paragraph)]


def _opening_family(mark: str, before: str, after: str) -> str | None:
    """Which kind of quote this mark opens, if any. A straight mark after a
    letter or digit closes or is an apostrophe (it's, 6"), so never opens."""
    if not after or after.isspace():
        return None
    if mark == "“":
        return _DOUBLE
    if mark == '"':
        return None if before.isalnum() else _DOUBLE
    if mark == "‘":
        return None if after.isdigit() else _SINGLE  # ‘90s is an apostrophe misprinted
    if mark == "'":
        return _SINGLE if after.isalpha() and not before.isalnum() else None
    return None  # ’ and ” never open


def _closes_single(before: str, after: str) -> bool:
    """A ’ between letters is an apostrophe (it’s), not the end of a quote."""
    return bool(before) and not before.isspace() and not after.isalnum()


def _set_text(span: _Marked, paragraph: str, limit: int | None) -> None:
    """The speech without its marks, and without trailing , ; : (kept out of
    the text so it reads as the speech; the offsets still match)."""
    start = span.open_at + 1
    if span.close_at is not None:
        end = span.close_at
    elif limit is not None:
        end = limit
    else:
        end = len(paragraph)
    span.runs_to_end = span.close_at is None and end == len(paragraph)
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and (paragraph[end - 1].isspace() or paragraph[end - 1] in ",;:"):
        end -= 1
    span.text_start, span.text_end = start, end


def _worth_keeping(span: _Marked, paragraph: str) -> bool:
    text = paragraph[span.text_start : span.text_end]
    return len(text) >= 2 and any(ch.isalnum() for ch in text)


def _quote_groups(paragraphs: Sequence[str]) -> list[list[_Marked]]:
    """Quotes, with a quote running over several paragraphs kept as one group."""
    groups: list[list[_Marked]] = []
    open_group: list[_Marked] | None = None
    for index, paragraph in enumerate(paragraphs):
        spans = _scan(index, paragraph)
        for position, span in enumerate(spans):
            if (
                position == 0
                and open_group is not None
                and span.family == open_group[-1].family
                and not paragraph[: span.open_at].strip()
            ):
                open_group.append(span)
            else:
                groups.append([span])
                open_group = groups[-1]
        if not (spans and spans[-1].runs_to_end):
            open_group = None
    # An unclosed single mark on its own is more likely a stray apostrophe.
    return [
        group
        for group in groups
        if not (len(group) == 1 and group[0].family == _SINGLE and group[0].close_at is None)
    ]


# --- attributing ---------------------------------------------------------------


def _attributed(
    group: list[_Marked],
    paragraphs: Sequence[str],
    persons: _PersonIndex,
    earlier: list[Quote],
) -> list[Quote]:
    first, last = group[0], group[-1]
    speaker, partial = _speaker_of(first, paragraphs, persons, earlier)
    if speaker is None and len(group) > 1:
        speaker = _speaker_after(last, paragraphs[last.paragraph], persons, first)
    if len(group) > 1:
        partial = False  # a quote running over paragraphs is never a fragment
    return [
        Quote(
            text=paragraphs[span.paragraph][span.text_start : span.text_end],
            paragraph=span.paragraph,
            start_char=span.text_start,
            end_char=span.text_end,
            speaker=speaker,
            partial=partial and span is first,
        )
        for span in group
    ]


def _speaker_of(
    span: _Marked, paragraphs: Sequence[str], persons: _PersonIndex, earlier: list[Quote]
) -> tuple[str | None, bool]:
    paragraph = paragraphs[span.paragraph]
    sentence_start = _sentence_start(paragraph, span.open_at)
    lead = paragraph[sentence_start : span.open_at].rstrip()
    starts_sentence = not lead
    introduced = lead.endswith(":") or bool(_ENDS_WITH_SPEECH_VERB.search(lead))
    partial = not (starts_sentence or introduced)

    speaker = None
    if not starts_sentence:
        speaker = _speaker_before(paragraph, span.paragraph, sentence_start, span.open_at, persons)
    elif span.paragraph > 0 and not paragraph[: span.open_at].strip():
        # "Holmes said:" ending the paragraph before
        previous = paragraphs[span.paragraph - 1].rstrip()
        if previous.endswith(":"):
            start = _sentence_start(previous, len(previous))
            speaker = _speaker_before(previous, span.paragraph - 1, start, len(previous), persons)
    if speaker is None:
        speaker = _speaker_after(span, paragraph, persons, span)
    if speaker is None and not partial:
        speaker = _earlier_in_paragraph(span, persons, earlier)
    return speaker, partial


def _sentence_start(paragraph: str, at: int) -> int:
    low = max(0, at - _SENTENCE_LOOKBACK)
    start = low
    for match in _SENTENCE_END.finditer(paragraph, low, at):
        start = match.end()
    return start


def _speaker_before(
    paragraph: str, index: int, sentence_start: int, at: int, persons: _PersonIndex
) -> str | None:
    """The subject of the reporting verb nearest before the quote in its
    sentence: the person or pronoun closest before that verb, or else a
    description ("A Kirklees Council spokesman said:")."""
    verb = _last_match(_REPORTING_VERB, paragraph, sentence_start, at)
    if verb is None:
        if paragraph[sentence_start:at].rstrip().endswith(":"):
            named = persons.last_between(index, sentence_start, at)
            return named[1] if named else None
        return None
    named = persons.last_between(index, sentence_start, verb.start())
    clause = paragraph[sentence_start : verb.start()]
    subject = clause[max(clause.rfind(mark) for mark in ",–—") + 1 :].strip()
    if named and _POSSESSIVE.match(paragraph, named[0] + len(_mention_text(paragraph, named))):
        # "John Smith's lawyer said": the lawyer speaks, and has no name here.
        return subject if len(subject.split()) <= _MAX_DESCRIPTION_WORDS else None
    pronoun = _last_match(_PRONOUN, paragraph, sentence_start, verb.start())
    if pronoun and (named is None or pronoun.start() > named[0]):
        return persons.before(index, pronoun.start())
    if named:
        return named[1]
    return subject if _is_description(subject) else None


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    last = None
    for match in pattern.finditer(text, start, end):
        last = match
    return last


def _speaker_after(
    span: _Marked, paragraph: str, persons: _PersonIndex, opened: _Marked
) -> str | None:
    """ "..., he said", "..., said Holmes", "..., a council spokesman said"."""
    if span.close_at is None:
        return None
    end = min(len(paragraph), span.close_at + 1 + _AFTER_LOOKAHEAD)
    lead_in = _LEAD_IN.match(paragraph, span.close_at + 1, end)
    at = lead_in.end() if lead_in else span.close_at + 1
    named = persons.starting_at(span.paragraph, at)
    if named and _VERB_NEXT.match(paragraph, named[1], end):
        return named[2]
    if _PRONOUN_VERB.match(paragraph, at, end):
        return persons.before(opened.paragraph, opened.open_at)
    verb = _VERB_FIRST.match(paragraph, at, end)
    if verb:
        named = persons.starting_at(span.paragraph, verb.end())
        if named:
            return named[2]
        if _PRONOUN_AT.match(paragraph, verb.end(), end):
            return persons.before(opened.paragraph, opened.open_at)
        described = _DESCRIPTION_ALONE.match(paragraph, verb.end(), end)
        if described and _is_description(described.group(1)):
            return described.group(1)
        return None
    described = _DESCRIPTION_THEN_VERB.match(paragraph, at, end)
    if described and _is_description(described.group(1)):
        return described.group(1)
    return None


_POSSESSIVE = re.compile(r"[’']s\b")


def _mention_text(paragraph: str, named: tuple[int, str]) -> str:
    """The words of a person mention as written, from its start: the full
    name or the surname alone ("Holmes" for Paul Holmes)."""
    start, name = named
    for form in (name, name.split()[-1]):
        if paragraph.startswith(form, start):
            return form
    return ""


def _is_description(subject: str) -> bool:
    """ "A Kirklees Council spokesman": a determiner, a few words, a speaker's noun."""
    words = subject.split()
    return (
        bool(_DESCRIPTION_SUBJECT.match(subject))
        and 2 <= len(words) <= _MAX_DESCRIPTION_WORDS
        and words[-1].casefold().strip("’'") in _DESCRIPTORS
    )


def _earlier_in_paragraph(span: _Marked, persons: _PersonIndex, earlier: list[Quote]) -> str | None:
    """The speaker of the quote before in the paragraph, or the last person named there."""
    previous = earlier[-1] if earlier else None
    if previous and previous.paragraph == span.paragraph and previous.speaker:
        return previous.speaker
    named = persons.last_between(span.paragraph, 0, span.open_at)
    return named[1] if named else None
