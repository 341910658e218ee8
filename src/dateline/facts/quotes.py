"""Direct speech and who said it.

Quotation marks are read in one pass per paragraph. Curly marks say which way
they face, except that ’ is also the apostrophe: it closes a quote only when it
is not between letters (it’s, children’s) and only inside a ‘single’ quote; a
plural possessive (the workers’ rights) does not close it either when the quote
closes later in the paragraph. Straight marks face the way their neighbours
suggest (a space before an opening mark, a letter before a closing one).

A quote left open at the end of a paragraph continues when the next paragraph
opens with the same kind of mark (the newspaper convention for a long quote);
the paragraphs are attributed as one.

The speaker is looked for, in order: before the quote in its sentence ("Paul
Holmes said:", "Holmes said any suggestion ... was a “red herring”", "the
council claimed ... “unlawful”"), after it (", he said", ", said Holmes",
", said Labour MP Jess Phillips", ", Smith's lawyer said"), then the previous
quote or the person named as a subject earlier in the paragraph. A pronoun is
a person named before it, in its paragraph or the one before (then further
back): a subject before an object ("Judge Bamber ... told Marsh ... he said"
is the judge), the nearest first, skipping names inside quotes and people "he"
or "she" cannot be (by honorific or given name). Organisations speak when they
are the subject ("the council claimed"). Without a name, a description the
article gives ("A Kirklees Council spokesman", "A spokesman for Mr
Shawcross") is the speaker.

Titles of works and nicknames in quotation marks ("the ‘Northern
Powerhouse’", Tom “the Tank” Jones) are not speech and are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.facts.base import Entity, Quote
from dateline.facts.entities import (
    FEMALE_NAMES,
    MALE_NAMES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    find_entities,
)
from dateline.facts.text import ABBREVIATIONS, SENTENCE_END, word_set

_MARK = re.compile(r"[\"“”‘’']")
_DOUBLE, _SINGLE = "double", "single"

# Verbs that introduce direct speech ("said:", ", he said").
_SPEECH_VERBS = (
    r"said|says|say|added|adds|adding|told|tells|explained|explains|continued|warned|warns"
    r"|insisted|insists|stated|states|replied|replies|responded|asked|asks|wrote|writes"
    r"|declared|commented|remarked|admitted|admits|argued|argues|claimed|claims|confirmed"
    r"|stressed|concluded|recalled|joked|saying|telling|explaining|warning|insisting"
    r"|noted|notes|announced|acknowledged|conceded|predicted|cautioned|tweeted|posted"
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
    rf"(he|she)[ \u00a0]+(?:\w+[ \u00a0]+)?(?:{_SPEECH_VERBS})\b", re.IGNORECASE
)
_VERB_FIRST = re.compile(rf"(?:{_SPEECH_VERBS})[ \u00a0]+", re.IGNORECASE)
_PRONOUN_AT = re.compile(r"(he|she)\b", re.IGNORECASE)
# "Smith's lawyer said" after a quote: the description, possessive and all.
_POSSESSIVE_THEN_VERB = re.compile(
    rf"[’']s[ \u00a0]+(?:\w+[ \u00a0]+){{0,3}}?(?={_SPEECH_VERBS}\b)", re.IGNORECASE
)
# Lowercase words a title may hold between "said" and a name ("said general
# manager Renee Whitfield", "said Labour MP for Leeds East Richard Burgon").
_TITLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS | word_set("of for and the")
_MAX_TITLE_GAP_WORDS = 7
# Before a name, what puts it in a subject's place: the start of a sentence or
# clause, or "said" ("said Holmes"); after it, a verb of speech.
_SUBJECT_OPENERS = frozenset('.!?:;,“"‘(—–')
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|adds|explained|continued)[ \u00a0]+$")
_THE_BEFORE = re.compile(r"(?:^|[ \u00a0])[Tt]he[ \u00a0]+$")
_DESCRIPTION_THEN_VERB = re.compile(
    rf"((?:a|an|the|one)[ \u00a0]+[^.,;:!?“”\"\n]{{1,80}}?)[ \u00a0]+(?:{_SPEECH_VERBS})\b",
    re.IGNORECASE,
)
_DESCRIPTION_ALONE = re.compile(
    r"((?:a|an|the|one)[ \u00a0]+[^.,;:!?“”\"\n]{1,80}?)(?=[ \u00a0]*(?:[.,;:!?]|$))",
    re.IGNORECASE,
)
_THEN_NAME = re.compile(r",[ \u00a0]+")
_DESCRIPTION_SUBJECT = re.compile(r"^(?:a|an|the|one)\s", re.IGNORECASE)
_MAX_DESCRIPTION_WORDS = 8
# What may follow the speaker's noun in a description ("a spokesman for the department").
_DESCRIPTION_LINKS = word_set("for of at from with in close")

# Heads of a description that can stand for a speaker, beyond job titles.
_DESCRIPTORS = ROLE_HEADS | word_set(
    """
    source sources insider witness neighbour neighbor resident friend relative relatives
    parent mother father spokesman spokeswoman spokesperson shopkeeper trader customer
    passenger driver commuter fan supporter student pupil voter employee bystander survivor
    victim patient protester demonstrator onlooker local villager farmer diner shopper
    """
)
# Small words a title of a work or a slogan may keep in lowercase.
_TITLE_SMALL_WORDS = word_set("a an the of and or in on at to for from with by")
_MAX_TITLE_WORDS = 8

_FEMININE = re.compile(r"^(?:Mrs|Ms|Miss|Dame|Lady|Baroness)\b")
_MASCULINE = re.compile(r"^(?:Mr|Sir|Lord|Baron)\b")
_ABBREVIATION_BEFORE = re.compile(r"(?<!\w)(\w{1,5})$")

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
class _Named:
    """One mention of a person or an organisation that may speak."""

    start: int
    end: int
    name: str
    person: bool
    gender: str | None  # "f", "m" or None when the article does not say


@dataclass(slots=True)
class _SpeakerIndex:
    """Where each person and organisation is named, for speakers and pronouns."""

    by_paragraph: dict[int, list[_Named]]
    starts: dict[int, list[int]]  # per paragraph, the sorted starts of by_paragraph
    quoted: dict[int, list[tuple[int, int]]]  # spans of quotes found so far, per paragraph
    people_at: list[tuple[int, int]]  # (paragraph, start) of every person mention, sorted
    people_names: list[str]  # the name at each of people_at
    paragraphs: Sequence[str]

    @classmethod
    def build(
        cls,
        paragraphs: Sequence[str],
        people: Sequence[Entity],
        organizations: Sequence[Entity],
    ) -> _SpeakerIndex:
        by_paragraph: dict[int, list[_Named]] = {}
        for entities, person in ((people, True), (organizations, False)):
            for entity in entities:
                gender = _gender(entity, paragraphs) if person else None
                for mention in entity.mentions:
                    if 0 <= mention.paragraph < len(paragraphs):
                        by_paragraph.setdefault(mention.paragraph, []).append(
                            _Named(
                                mention.start_char, mention.end_char, entity.name, person, gender
                            )
                        )
        starts = {}
        for index, named in by_paragraph.items():
            named.sort(key=lambda n: (n.start, not n.person))
            starts[index] = [n.start for n in named]
        people_at = sorted(
            ((index, n.start), n.name)
            for index, named in by_paragraph.items()
            for n in named
            if n.person
        )
        return cls(
            by_paragraph,
            starts,
            {},
            [at for at, _ in people_at],
            [name for _, name in people_at],
            paragraphs,
        )

    def starting_at(self, paragraph: int, at: int) -> _Named | None:
        starts = self.starts.get(paragraph, [])
        i = bisect_left(starts, at)
        if i < len(starts) and starts[i] == at:
            return self.by_paragraph[paragraph][i]
        return None

    def first_between(self, paragraph: int, start: int, end: int) -> _Named | None:
        """The first person named starting in [start, end)."""
        starts = self.starts.get(paragraph, [])
        named = self.by_paragraph.get(paragraph, [])
        for i in range(bisect_left(starts, start), len(starts)):
            if starts[i] >= end:
                break
            if named[i].person:
                return named[i]
        return None

    def last_between(
        self, paragraph: int, start: int, end: int, *, person: bool = True
    ) -> _Named | None:
        """The last person (or organisation) named wholly before `end` and
        ending after `start`."""
        starts = self.starts.get(paragraph, [])
        named = self.by_paragraph.get(paragraph, [])
        i = bisect_left(starts, end)
        while i > 0:
            i -= 1
            candidate = named[i]
            if candidate.person != person or candidate.end > end:
                continue
            return candidate if candidate.end > start else None
        return None

    def pronoun_before(self, paragraph: int, at: int, pronoun: str | None) -> str | None:
        """The person a "he" or "she" at this point stands for: the nearest
        named before it outside quotes, in this paragraph or the one before,
        then further back; one the pronoun cannot be is passed over (unless
        nobody else is near)."""
        gender = {"she": "f", "he": "m"}.get((pronoun or "").casefold())
        nearby = self.people_before(paragraph, at, paragraphs_back=1)
        fitting = [(i, c) for i, c in nearby if gender is None or c.gender in (None, gender)]
        chosen = self.first_subject(fitting) or next((c for _, c in fitting), None)
        if chosen is None and nearby:
            chosen = nearby[0][1]  # only people of the other sex nearby: better one than none
        if chosen is not None:
            return chosen.name
        # Further back: the nearest person named at all (bounded, so that a
        # long article of pronouns stays linear).
        i = bisect_left(self.people_at, (paragraph - 1, 0))
        return self.people_names[i - 1] if i > 0 else None

    def people_before(
        self, paragraph: int, at: int, *, paragraphs_back: int
    ) -> list[tuple[int, _Named]]:
        """People named before `at` (nearest first) outside quotes, in this
        paragraph and up to `paragraphs_back` before it, with their paragraph."""
        found = []
        for index in range(paragraph, max(-1, paragraph - paragraphs_back - 1), -1):
            for candidate in reversed(self.by_paragraph.get(index, [])):
                if (
                    candidate.person
                    and not (index == paragraph and candidate.end > at)
                    and not self._inside_quote(index, candidate.start)
                ):
                    found.append((index, candidate))
        return found

    def first_subject(self, named: list[tuple[int, _Named]]) -> _Named | None:
        for index, candidate in named:
            if _in_subject_place(self.paragraphs[index], candidate.start, candidate.end):
                return candidate
        return None

    def remember_quote(self, quote: Quote) -> None:
        self.quoted.setdefault(quote.paragraph, []).append((quote.start_char, quote.end_char))

    def _inside_quote(self, paragraph: int, at: int) -> bool:
        return any(start <= at < end for start, end in self.quoted.get(paragraph, ()))


def _in_subject_place(paragraph: str, start: int, end: int) -> bool:
    """Whether a name stands where the subject of a sentence stands: first in
    a sentence or clause ("Judge Richard Bamber adjourned ... and told Marsh"),
    after "said" ("said Holmes"), or before a verb of speech ("Holmes said")."""
    before = paragraph[max(0, start - 12) : start]
    the = _THE_BEFORE.search(before)
    if the:
        before = before[: the.start()]
    stripped = before.rstrip()
    return (
        (not stripped and (the is not None or start < 12))
        or (bool(stripped) and stripped[-1] in _SUBJECT_OPENERS)
        or bool(_SAID_BEFORE.search(before))
        or bool(_VERB_NEXT.match(paragraph, end, end + 40))
    )


def _gender(person: Entity, paragraphs: Sequence[str]) -> str | None:
    """What the article says about a person's sex: an honorific ("Mrs Hill")
    or a given name that is one or the other."""
    for mention in person.mentions:
        if 0 <= mention.paragraph < len(paragraphs):
            written = paragraphs[mention.paragraph][mention.start_char : mention.end_char]
            if _FEMININE.match(written):
                return "f"
            if _MASCULINE.match(written):
                return "m"
    first = person.name.split(" ", 1)[0].casefold()
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


def find_quotes(
    paragraphs: Sequence[str],
    people: Sequence[Entity],
    organizations: Sequence[Entity] | None = None,
) -> list[Quote]:
    """Quotes in reading order. `organizations` speak too ("the council
    claimed"); when not given they are found here, at the cost of a second
    pass of the entity finder (`extract_facts` passes them)."""
    if organizations is None:
        organizations = find_entities(paragraphs)[1]
    speakers = _SpeakerIndex.build(paragraphs, people, organizations)
    quotes: list[Quote] = []
    for group in _quote_groups(paragraphs):
        for quote in _attributed(group, paragraphs, speakers, quotes):
            quotes.append(quote)
            speakers.remember_quote(quote)
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
        elif (
            open_span is not None
            and mark in "’'"
            and _closes_single(before, after)
            and not _plural_possessive(paragraph, at)
        ):
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


def _plural_possessive(paragraph: str, at: int) -> bool:
    """ "‘The workers’ rights matter,’ he said": an s, the mark, a space and a
    lowercase word, and a mark further on that can close the quote."""
    if not (
        at > 0
        and paragraph[at - 1] in "sS"
        and paragraph.startswith(" ", at + 1)
        and paragraph[at + 2 : at + 3].islower()
    ):
        return False
    position = at + 1
    while True:
        found = min(
            (i for i in (paragraph.find("’", position), paragraph.find("'", position)) if i >= 0),
            default=-1,
        )
        if found < 0:
            return False
        after = paragraph[found + 1] if found + 1 < len(paragraph) else ""
        if _closes_single(paragraph[found - 1], after):
            return True
        position = found + 1


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
    speakers: _SpeakerIndex,
    earlier: list[Quote],
) -> list[Quote]:
    first, last = group[0], group[-1]
    speaker, partial = _speaker_of(first, paragraphs, speakers, earlier)
    if speaker is None and len(group) > 1:
        speaker = _speaker_after(last, paragraphs[last.paragraph], speakers, first)
    if len(group) > 1:
        partial = False  # a quote running over paragraphs is never a fragment
    elif speaker is None and partial and _names_a_work(first, paragraphs[first.paragraph]):
        return []
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


def _names_a_work(span: _Marked, paragraph: str) -> bool:
    """A title, a slogan or a nickname rather than speech: every word
    capitalised ("the ‘Northern Powerhouse’"), or a quote set inside a name
    (Tom “the Tank” Jones)."""
    text = paragraph[span.text_start : span.text_end]
    words = text.split()
    if 1 < len(words) <= _MAX_TITLE_WORDS and all(
        word[:1].isupper() or word.casefold() in _TITLE_SMALL_WORDS
        for word in words
        if word[:1].isalpha()
    ):
        return any(word[:1].isupper() for word in words)
    if span.close_at is None:
        return False
    before = paragraph[max(0, span.open_at - 2) : span.open_at]
    after = paragraph[span.close_at + 1 : span.close_at + 3]
    return (
        len(before) == 2
        and before[0].isalpha()
        and before[1] == " "
        and paragraph[: span.open_at].rstrip().rsplit(" ", 1)[-1][:1].isupper()
        and len(after) == 2
        and after[0] == " "
        and after[1].isupper()
    )


def _speaker_of(
    span: _Marked, paragraphs: Sequence[str], speakers: _SpeakerIndex, earlier: list[Quote]
) -> tuple[str | None, bool]:
    paragraph = paragraphs[span.paragraph]
    sentence_start = _sentence_start(paragraph, span.open_at)
    lead = paragraph[sentence_start : span.open_at].rstrip()
    starts_sentence = not lead
    introduced = lead.endswith(":") or bool(
        _ENDS_WITH_SPEECH_VERB.search(lead, max(0, len(lead) - 16))
    )
    partial = not (starts_sentence or introduced)

    speaker = None
    if not starts_sentence:
        speaker = _speaker_before(paragraph, span.paragraph, sentence_start, span.open_at, speakers)
    elif span.paragraph > 0 and not paragraph[: span.open_at].strip():
        # "Holmes said:" ending the paragraph before
        previous = paragraphs[span.paragraph - 1].rstrip()
        if previous.endswith(":"):
            start = _sentence_start(previous, len(previous))
            speaker = _speaker_before(previous, span.paragraph - 1, start, len(previous), speakers)
    if speaker is None:
        speaker = _speaker_after(span, paragraph, speakers, span)
    if speaker is None and not partial:
        speaker = _earlier_in_paragraph(span, speakers, earlier)
    return speaker, partial


def _sentence_start(paragraph: str, at: int) -> int:
    """Where the sentence holding `at` starts; the full stop of "Mr.", "Sen."
    or an initial ("J.B. Pritzker") does not end a sentence."""
    low = max(0, at - _SENTENCE_LOOKBACK)
    start = low
    for match in SENTENCE_END.finditer(paragraph, low, at):
        if paragraph[match.start()] == ".":
            word = _ABBREVIATION_BEFORE.search(paragraph, max(0, match.start() - 6), match.start())
            if word and (
                word.group(1).casefold() in ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isupper())
            ):
                continue
        start = match.end()
    return start


def _speaker_before(
    paragraph: str, index: int, sentence_start: int, at: int, speakers: _SpeakerIndex
) -> str | None:
    """The subject of the reporting verb nearest before the quote in its
    sentence: the person or pronoun closest before that verb, an organisation
    that is the clause's subject ("the council claimed"), or else a
    description ("A Kirklees Council spokesman said:")."""
    verb = _last_match(_REPORTING_VERB, paragraph, sentence_start, at)
    if verb is None:
        if paragraph[sentence_start:at].rstrip().endswith(":"):
            named = speakers.last_between(index, sentence_start, at)
            return named.name if named else None
        return None
    named = speakers.last_between(index, sentence_start, verb.start())
    clause = paragraph[sentence_start : verb.start()]
    cut = max(clause.rfind(mark) for mark in ",–—") + 1
    subject = clause[cut:].strip()
    subject_at = sentence_start + cut + (len(clause) - cut - len(clause[cut:].lstrip()))
    if named and _POSSESSIVE.match(paragraph, named.end):
        # "John Smith's lawyer said": the lawyer speaks, and has no name here.
        return subject if len(subject.split()) <= _MAX_DESCRIPTION_WORDS else None
    pronoun = _last_match(_PRONOUN, paragraph, sentence_start, verb.start())
    if pronoun and (named is None or pronoun.start() > named.start):
        return speakers.pronoun_before(index, pronoun.start(), pronoun.group())
    if named and named.start > subject_at and _is_description(subject):
        return subject  # "A spokesman for Mr Shawcross said"
    if named:
        return named.name
    # "the council claimed", "The Warrington Athletic Supporters’ Trust, which
    # has 2,400 members, said": an organisation as the subject.
    for position in (subject_at, sentence_start):
        body = _body_at(paragraph, index, position, speakers)
        if body is not None:
            return body
    return subject if _is_description(subject) else None


def _body_at(paragraph: str, index: int, at: int, speakers: _SpeakerIndex) -> str | None:
    """The organisation named at `at`, after any "The"."""
    for start in (at, at + 4 if paragraph.startswith(("The ", "the "), at) else -1):
        named = speakers.starting_at(index, start) if start >= 0 else None
        if named is not None and not named.person:
            return named.name
    return None


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match in text[start:end], looked for in widening windows from
    the end: the verb of a quote is usually near it, and the sentence long."""
    window = 80
    while True:
        low = max(start, end - window)
        last = None
        for match in pattern.finditer(text, low, end):
            last = match
        if last is not None or low == start:
            return last
        window *= 4


def _speaker_after(
    span: _Marked, paragraph: str, speakers: _SpeakerIndex, opened: _Marked
) -> str | None:
    """ "..., he said", "..., said Holmes", "..., said Labour MP Jess
    Phillips", "..., Smith's lawyer said", "..., a council spokesman said"."""
    if span.close_at is None:
        return None
    end = min(len(paragraph), span.close_at + 1 + _AFTER_LOOKAHEAD)
    lead_in = _LEAD_IN.match(paragraph, span.close_at + 1, end)
    at = lead_in.end() if lead_in else span.close_at + 1
    named = speakers.starting_at(span.paragraph, at)
    if named is None or not named.person:
        # "“...,” CEO Marisa Okafor told analysts", "Arlo chief executive Sunita Menon said"
        person = speakers.first_between(span.paragraph, at, end)
        if person is not None and _is_title_gap(paragraph[at : person.start]):
            named = person
    if named:
        possessive = _POSSESSIVE_THEN_VERB.match(paragraph, named.end, end)
        if possessive:
            return paragraph[at : possessive.end()].strip()
        if _VERB_NEXT.match(paragraph, named.end, end):
            return named.name
    pronoun = _PRONOUN_VERB.match(paragraph, at, end)
    if pronoun:
        return speakers.pronoun_before(opened.paragraph, opened.open_at, pronoun.group(1))
    verb = _VERB_FIRST.match(paragraph, at, end)
    if verb:
        return _speaker_after_verb(span.paragraph, paragraph, verb.end(), end, speakers, opened)
    described = _DESCRIPTION_THEN_VERB.match(paragraph, at, end)
    if described and _is_description(described.group(1)):
        return described.group(1)
    return None


def _speaker_after_verb(
    index: int, paragraph: str, at: int, end: int, speakers: _SpeakerIndex, opened: _Marked
) -> str | None:
    """The speaker after "said": a name, perhaps behind its title ("said
    Labour MP Jess Phillips"), a pronoun, or a description, perhaps followed
    by the name ("said the council's head of legal services, John Chapman")."""
    named = speakers.starting_at(index, at)
    if named and named.person:
        return named.name
    pronoun = _PRONOUN_AT.match(paragraph, at, end)
    if pronoun:
        return speakers.pronoun_before(opened.paragraph, opened.open_at, pronoun.group(1))
    person = speakers.first_between(index, at, end)
    if person and _is_title_gap(paragraph[at : person.start]):
        return person.name  # not "Labour" of "said Labour MP Jess Phillips"
    if named:
        return named.name  # "said the council"
    described = _DESCRIPTION_ALONE.match(paragraph, at, end)
    if described:
        then = _THEN_NAME.match(paragraph, described.end(), end)
        named = speakers.starting_at(index, then.end()) if then else None
        if named and named.person:
            return named.name
        if _is_description(described.group(1)):
            return described.group(1)
    return None


_POSSESSIVE = re.compile(r"[’']s\b")


def _is_title_gap(text: str) -> bool:
    """Whether the words between "said" and a name are the name's title:
    capitalised words ("Labour MP") or a job ("general manager")."""
    words = text.split()
    return len(words) <= _MAX_TITLE_GAP_WORDS and all(
        word[:1].isupper() or word.casefold() in _TITLE_WORDS for word in words
    )


def _is_description(subject: str) -> bool:
    """ "A Kirklees Council spokesman", "A spokesman for the department": a
    determiner, a few words, a speaker's noun (perhaps followed by "for ...")."""
    words = subject.split()
    if not (_DESCRIPTION_SUBJECT.match(subject) and 2 <= len(words) <= _MAX_DESCRIPTION_WORDS):
        return False
    keys = [word.casefold().strip("’'") for word in words]
    if keys[-1] in _DESCRIPTORS:
        return True
    return any(
        key in _DESCRIPTORS and keys[i + 1] in _DESCRIPTION_LINKS
        for i, key in enumerate(keys[1:-1], start=1)
    )


def _earlier_in_paragraph(
    span: _Marked, speakers: _SpeakerIndex, earlier: list[Quote]
) -> str | None:
    """The speaker of the quote before in the paragraph, or the last person named there."""
    previous = earlier[-1] if earlier else None
    if previous and previous.paragraph == span.paragraph and previous.speaker:
        return previous.speaker
    named = speakers.people_before(span.paragraph, span.open_at, paragraphs_back=0)
    chosen = speakers.first_subject(named) or next((n for _, n in named), None)
    return chosen.name if chosen else None
