"""Direct speech and who said it.

Quotation marks are read in one pass per paragraph. Curly marks say which way
they face, except that ’ is also the apostrophe: it closes a quote only when it
is not between letters (it’s, children’s) and only inside a ‘single’ quote; a
plural possessive (the workers’ rights) does not close it either when the quote
closes later in the paragraph. Straight marks face the way their neighbours
suggest (a space before an opening mark, a letter before a closing one); one
between spaces (tokenised text: 'said , " We won . "') opens when a later one
can close it. A straight mark inside a curly quote that closes later is a
quote within the quote; a curly mark facing the wrong way (”Yes,“) is read as
the misprint it is.

A quote left open at the end of a paragraph continues when the next paragraph
opens with the same kind of mark (the newspaper convention for a long quote);
the paragraphs are attributed as one.

The speaker is looked for, in order:
- the second half of a quote interrupted by its attribution ("“We will
  fight,” she said, “and win.”") has the first half's speaker;
- before the quote in its sentence: the subject of the reporting verb nearest
  the quote ("Paul Holmes said:", "Holmes said any suggestion ... was a “red
  herring”", "the council claimed ... “unlawful”", "Caitlin Moyer, a
  spokeswoman for the party, said", "He described ... and warned that ...",
  "X, the role, said ..., adding:"), "according to X", or a name before a
  colon ("BBC: “...”");
- after it: ", he said", ", said Holmes", ", said Labour MP Jess Phillips",
  ", said the council's head of legal services, John Chapman", ", Sadie
  Weiner, the DSCC spokeswoman, said", ", Smith's lawyer said", ", a council
  spokesman said", ", according to X";
- for a quote that is a sentence of its own: the previous quote of the
  paragraph, then the person the next sentence names ("“...” The boast came
  from Jake Ostrowski", "That was Whitcomb's verdict"), then, for a paragraph
  of nothing but quotes, the last speaker of the paragraph before, then the
  subject of the paragraph.
A pronoun is the subject of a sentence before it (nearest first, over a few
sentences: "Judge Bamber told Marsh ... “...,” he said" is the judge), else
the nearest person named before it; a person "he" or "she" cannot be (by
honorific, given name, role such as "spokeswoman", or "X said she") is passed
over unless nobody else is near. Organisations speak when they are the
subject ("the council claimed"). Without a name, a description the article
gives ("A Kirklees Council spokesman", "the Harnett campaign") is the
speaker; "the statement said" is whoever the paragraph says made it, and "it
said" the organisation a sentence before made its subject. A name
the entity finder missed is read from the capitalised words in the speaker's
place ("said Kenneth A. Lindahl").

Titles of works and nicknames in quotation marks ("the ‘Northern
Powerhouse’", Tom “the Tank” Jones) are not speech and are left out.

Everything is linear in the text: sentences and words come from the shared
text layer (`ArticleText`), mentions are kept in sorted lists searched with
bisect, and every look around a quote is bounded in words or characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dateline.facts.base import Entity, Quote
from dateline.facts.entities import (
    FEMALE_NAMES,
    GIVEN_NAMES,
    MALE_NAMES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    find_entities,
)
from dateline.facts.text import (
    HONORIFICS,
    ArticleText,
    ParagraphText,
    is_abbreviation,
    word_set,
)

_MARK = re.compile(r"[\"“”‘’']")
_DOUBLE, _SINGLE = "double", "single"

# Verbs that introduce direct speech ("said:", ", he said"). Only lower-case
# words count: "States" and "Say" are names.
_SPEECH_VERBS = word_set(
    """
    said says say added adds adding told tells explained explains continued continues warned
    warns insisted insists stated states replied replies responded responds asked asks wrote
    writes declared declares commented comments remarked admitted admits argued argues claimed
    claims confirmed confirms stressed stresses concluded recalled recalls joked jokes saying
    telling explaining warning insisting noted notes announced announces acknowledged
    acknowledges conceded concedes predicted cautioned tweeted tweets posted shouted yelled
    boasted quipped countered retorted testified emphasised emphasized observed pleaded
    """
)
# Verbs that report speech a fragment is taken from ("branded it a “red herring”").
_REPORTING_VERBS = _SPEECH_VERBS | word_set(
    """
    claiming described describes describing called calls calling branded labelled labeled
    dubbed accused accuses accusing promised promises vowed vows pledged pledges threatened
    written writing suggested suggests suggesting urged urges urging believes believed
    """
)
# Words that may stand between a subject and its verb ("Kessler also said",
# "he has described"), besides adverbs in -ly.
_BEFORE_VERB = word_set(
    """
    also only later then previously again repeatedly once recently has have had was is were
    are would will did does do not never first earlier simply just still even already often
    """
)
_CONJUNCTIONS = word_set("and but or")
_RELATIVES = word_set("who whom whose which that")
_PRONOUN_FORMS = word_set("he He HE she She SHE")
_CUE_WORDS = _REPORTING_VERBS | _PRONOUN_FORMS | {"to"}
_PRONOUNS = {"he": "m", "she": "f"}
_FEMALE_ROLES = word_set(
    "mother grandmother wife daughter sister queen princess actress widow aunt niece dame"
)
_MALE_ROLES = word_set("father grandfather husband son brother king prince actor widower uncle")

# Lowercase words a title may hold before a name ("said general manager
# Renee Whitfield", "said Labour MP for Leeds East Richard Burgon").
_TITLE_WORDS = (
    ROLE_HEADS
    | ROLE_MODIFIERS
    | word_set(
        """
    of for and the campaign party state national county city district federal press former
    top longtime veteran
    """
    )
)
_MAX_TITLE_GAP_WORDS = 7

# Heads of a description that can stand for a speaker, beyond job titles.
_DESCRIPTORS = ROLE_HEADS | word_set(
    """
    source sources insider witness neighbour neighbor resident friend relative relatives
    parent mother father spokesman spokeswoman spokesperson shopkeeper trader customer
    passenger driver commuter fan supporter student pupil voter employee bystander survivor
    victim patient protester demonstrator onlooker local villager farmer diner shopper
    narrator announcer host moderator anchor aide aides adviser advisers official officials
    campaign pollster organiser
    """
)
# What speaks for whoever made it ("the statement said").
_DOCUMENTS = word_set(
    "statement release letter ad advert advertisement email e-mail memo post tweet filing note"
)
_DESCRIPTION_DETERMINERS = word_set("a an the one")
_MAX_DESCRIPTION_WORDS = 8
# What may follow the speaker's noun in a description ("a spokesman for the department").
_DESCRIPTION_LINKS = word_set("for of at from with in close")
# Small words a title of a work or a slogan may keep in lowercase.
_TITLE_SMALL_WORDS = word_set("a an the of and or in on at to for from with by")
_MAX_TITLE_WORDS = 8

# Capitalised words that are never a name read from the text.
_NOT_NAMES = word_set(
    """
    the a an he she it they we i you this that these those there here his her their its our
    my your in on at after before when while as if but and or so yet for with from by to of
    mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """
)
# Words before a name read from the text that are not part of it ("said
# Labour MP Jess Phillips", "Republican Carl Henning").
_NAME_PREFIXES = (_DESCRIPTORS | ROLE_MODIFIERS | HONORIFICS) - word_set(
    "the of for and"
) | word_set("republican democrat democratic labour conservative tory liberal independent gop")
_NAME_LINKS = word_set("of at from with in")  # "Lim Choon Seng of Straits Capital said"
_PARTICLES = word_set("de van von der den da di du la le al bin ibn del dos")
_MAX_READ_NAME_WORDS = 4

_FEMININE = re.compile(r"^(?:Mrs|Ms|Miss|Dame|Lady|Baroness)\b")
_MASCULINE = re.compile(r"^(?:Mr|Sir|Lord|Baron)\b")
_POSSESSIVE = ("’s", "'s")
_SPACES = " \t\u00a0"
_LEAD_IN = " \t\u00a0([—–-"

# Bounds on every look around a quote, so that the work per quote is fixed.
_CLAUSE_CHARS = 300  # back from a verb to its subject
_VERB_CHARS = 600  # back from a quote to its reporting verb
_AFTER_CHARS = 200  # forward from a quote to its attribution
_AFTER_WORDS = 14
_PHRASE_WORDS = 12  # a speaker's phrase ("Kenya captain Kennedy Odhiambo")
_APPOSITIVES = 4  # comma-separated stretches passed over back to a subject
_SUBJECT_SENTENCES = 4  # sentences searched back for a pronoun's person
_NEAREST_PEOPLE = 8  # people nearest a pronoun weighed by sex
_NEXT_SENTENCE_WORDS = 25
_SUBJECT_CHARS = 250  # from a sentence's start to its subject


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


@dataclass(slots=True, frozen=True)
class _Found:
    """A speaker as found: the name or description, and whether it is a person
    (whose sex then helps a later pronoun)."""

    name: str
    person: bool = False


def find_quotes(
    paragraphs: Sequence[str] | ArticleText,
    people: Sequence[Entity],
    organizations: Sequence[Entity] | None = None,
) -> list[Quote]:
    """Quotes in reading order. `organizations` speak too ("the council
    claimed"); when not given they are found here, at the cost of a second
    pass of the entity finder (`extract_facts` passes them)."""
    text = ArticleText.of(paragraphs)
    if organizations is None:
        organizations = find_entities(text)[1]
    groups = _quote_groups(text)
    spans: dict[int, list[_Marked]] = {}
    for group in groups:
        for span in group:
            spans.setdefault(span.paragraph, []).append(span)
    article = _Article(text, people, organizations, spans)
    quotes: list[Quote] = []
    for group in groups:
        quotes.extend(article.attribute(group))
    return quotes


# --- finding the marks ---------------------------------------------------------


class _Scanner:
    """The quotes of one paragraph, read mark by mark."""

    __slots__ = ("_closers", "_curly_closes", "_curly_opens", "index", "text")

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        self.text = text
        self._closers: list[int] | None = None
        self._curly_opens: list[int] | None = None
        self._curly_closes: list[int] | None = None

    def spans(self) -> list[_Marked]:
        text = self.text
        spans: list[_Marked] = []
        open_span: _Marked | None = None
        opened_by = ""
        for match in _MARK.finditer(text):
            at = match.start()
            mark = match.group()
            before = text[at - 1] if at else ""
            after = text[at + 1] if at + 1 < len(text) else ""
            if open_span is None:
                family = _opening_family(mark, before, after)
                if family is None and mark == '"' and self._spaced_pair(at, before, after):
                    family = _DOUBLE
                if family:
                    open_span = _Marked(self.index, at, None, family)
                    opened_by = mark
            elif open_span.family == _DOUBLE:
                if mark == "”" or (mark == '"' and not self._nested(opened_by, at)):
                    open_span.close_at = at
                    spans.append(open_span)
                    open_span = None
                elif mark == "“":
                    if _faces_back(before, after):  # “We won,“ he said: a misprinted close
                        open_span.close_at = at
                        spans.append(open_span)
                        open_span = None
                    else:  # the previous quote was never closed
                        spans.append(open_span)
                        open_span = _Marked(self.index, at, None, _DOUBLE)
                        opened_by = mark
            elif mark in "’'" and _closes_single(before, after) and not self._plural_possessive(at):
                open_span.close_at = at
                spans.append(open_span)
                open_span = None
        if open_span is not None:
            spans.append(open_span)
        for i, span in enumerate(spans):
            limit = spans[i + 1].open_at if span.close_at is None and i + 1 < len(spans) else None
            _set_text(span, text, limit)
        return [span for span in spans if _worth_keeping(span, text)]

    def _spaced_pair(self, at: int, before: str, after: str) -> bool:
        """ "said , " We will win . "": a straight mark with spaces on both
        sides opens a quote when a word follows and a straight mark later in
        the paragraph can close it."""
        if not (after.isspace() and (not before or before.isspace())):
            return False
        following = self.text[at + 2 : at + 3]
        return following.isalnum() and self.text.find('"', at + 2) > 0

    def _nested(self, opened_by: str, at: int) -> bool:
        """A straight mark inside a curly quote that a ” closes later (before
        any new “) is a quote within the quote: “He said "no" today”."""
        if opened_by != "“":
            return False
        if self._curly_closes is None:
            self._curly_opens, self._curly_closes = [], []
            for i, ch in enumerate(self.text):
                if ch == "“":
                    self._curly_opens.append(i)
                elif ch == "”":
                    self._curly_closes.append(i)
        closes, opens = self._curly_closes, self._curly_opens or []
        i = bisect_right(closes, at)
        if i == len(closes):
            return False
        j = bisect_right(opens, at)
        return j == len(opens) or opens[j] > closes[i]

    def _plural_possessive(self, at: int) -> bool:
        """ "‘The workers’ rights matter,’ he said": an s, the mark, a space and a
        lowercase word, and a mark further on that can close the quote."""
        text = self.text
        if not (
            at > 0
            and text[at - 1] in "sS"
            and text.startswith(" ", at + 1)
            and text[at + 2 : at + 3].islower()
        ):
            return False
        if self._closers is None:
            self._closers = [
                i
                for i, ch in enumerate(text)
                if ch in "’'" and _closes_single(text[i - 1] if i else "", text[i + 1 : i + 2])
            ]
        return bisect_right(self._closers, at) < len(self._closers)


def _has_marks(text: str) -> bool:
    return '"' in text or "“" in text or "”" in text or "‘" in text or "'" in text or "’" in text


def _opening_family(mark: str, before: str, after: str) -> str | None:
    """Which kind of quote this mark opens, if any. A straight mark after a
    letter or digit closes or is an apostrophe (it's, 6"), so never opens; a
    ” after a space and before a letter is a misprinted “."""
    if not after:
        return None
    if mark == "“":
        return _DOUBLE
    if after.isspace():
        return None
    if mark == '"':
        return None if before.isalnum() else _DOUBLE
    if mark == "”":
        return (
            _DOUBLE
            if (not before or before.isspace() or before == "(") and after.isalnum()
            else None
        )
    if mark == "‘":
        return None if after.isdigit() else _SINGLE  # ‘90s is an apostrophe misprinted
    if mark == "'":
        return _SINGLE if after.isalpha() and not before.isalnum() else None
    return None  # ’ never opens


def _faces_back(before: str, after: str) -> bool:
    """A “ that ends a word and is followed by a space or punctuation closes."""
    return (
        bool(before)
        and not before.isspace()
        and (not after or after.isspace() or after in ",.;:!?)")
    )


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
    return span.text_end - span.text_start >= 2 and any(
        ch.isalnum() for ch in paragraph[span.text_start : span.text_end]
    )


def _quote_groups(text: ArticleText) -> list[list[_Marked]]:
    """Quotes, with a quote running over several paragraphs kept as one group."""
    groups: list[list[_Marked]] = []
    open_group: list[_Marked] | None = None
    for paragraph in text.paragraphs:
        spans = (
            _Scanner(paragraph.index, paragraph.text).spans() if _has_marks(paragraph.text) else []
        )
        for position, span in enumerate(spans):
            if (
                position == 0
                and open_group is not None
                and span.family == open_group[-1].family
                and not paragraph.text[: span.open_at].strip()
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


# --- what each paragraph holds -------------------------------------------------------


@dataclass(slots=True)
class _Cues:
    """Where a paragraph's words that point to a speaker stand, outside its
    quotes, in order: reporting verbs, the end of "according to", and "he"
    and "she"."""

    verbs: list[int]
    according: list[int]
    pronouns: list[int]


class _Paragraph:
    """One paragraph as the speaker search reads it: its text layer, the
    people and organisations named outside its quotes, and its quotes."""

    __slots__ = (
        "_cues",
        "_only_quotes",
        "bodies",
        "body_starts",
        "ends",
        "index",
        "layer",
        "people",
        "people_starts",
        "quote_ends",
        "quote_starts",
        "starts",
        "text",
    )

    def __init__(self, layer: ParagraphText, named: list[_Named], spans: list[_Marked]) -> None:
        self.index = layer.index
        self.layer = layer
        self.text = layer.text
        # Where each word starts and ends (the text layer's index, read once).
        self.starts = layer.word_starts
        self.ends = layer.word_ends
        self.quote_starts = [span.open_at for span in spans]
        self.quote_ends = [
            span.close_at + 1 if span.close_at is not None else span.text_end for span in spans
        ]
        outside = [n for n in named if not self.inside_quote(n.start)]
        outside.sort(key=lambda n: (n.start, -n.end))
        self.people = [n for n in outside if n.person]
        self.people_starts = [n.start for n in self.people]
        self.bodies = [n for n in outside if not n.person]
        self.body_starts = [n.start for n in self.bodies]
        self._only_quotes: bool | None = None
        self._cues: _Cues | None = None

    @property
    def only_quotes(self) -> bool:
        """Whether the paragraph holds nothing but its quotes."""
        if self._only_quotes is None:
            self._only_quotes = _only_quotes(self.text, self.quote_starts, self.quote_ends)
        return self._only_quotes

    @property
    def cues(self) -> _Cues:
        """The paragraph's cues, read once in one pass over its words."""
        if self._cues is None:
            cues = _Cues([], [], [])
            text = self.text
            starts, ends = self.starts, self.ends
            quotes = iter(zip(self.quote_starts, self.quote_ends, strict=True))
            quote = next(quotes, None)
            for k, start in enumerate(starts):
                while quote is not None and quote[1] <= start:
                    quote = next(quotes, None)
                if quote is not None and quote[0] <= start:
                    continue
                word = text[start : ends[k]]
                if word not in _CUE_WORDS:
                    continue
                if word in _REPORTING_VERBS:
                    cues.verbs.append(start)
                elif word == "to":
                    if k and text[starts[k - 1] : ends[k - 1]] in ("according", "According"):
                        cues.according.append(ends[k])
                else:
                    cues.pronouns.append(start)
            self._cues = cues
        return self._cues

    def inside_quote(self, at: int) -> bool:
        i = bisect_right(self.quote_starts, at) - 1
        return i >= 0 and at < self.quote_ends[i]

    def next_quote_open(self, at: int) -> int:
        i = bisect_left(self.quote_starts, at)
        return self.quote_starts[i] if i < len(self.quote_starts) else len(self.text)

    # --- mentions --------------------------------------------------------------------

    @staticmethod
    def _ending(named: list[_Named], starts: list[int], end: int) -> _Named | None:
        """The mention ending exactly at `end` (the longest, if two do)."""
        i = bisect_left(starts, end)
        for k in range(i - 1, max(-1, i - 4), -1):
            if named[k].end == end:
                return named[k]
        return None

    @staticmethod
    def _starting(named: list[_Named], starts: list[int], at: int) -> _Named | None:
        i = bisect_left(starts, at)
        return named[i] if i < len(starts) and starts[i] == at else None

    def person_ending(self, end: int) -> _Named | None:
        return self._ending(self.people, self.people_starts, end)

    def body_ending(self, end: int) -> _Named | None:
        return self._ending(self.bodies, self.body_starts, end)

    def body_starting(self, at: int) -> _Named | None:
        return self._starting(self.bodies, self.body_starts, at)

    def first_person(self, start: int, end: int) -> _Named | None:
        """The first person named wholly inside [start, end)."""
        i = bisect_left(self.people_starts, start)
        if i < len(self.people) and self.people[i].end <= end:
            return self.people[i]
        return None

    def last_person(self, start: int, end: int) -> _Named | None:
        """The last person named wholly inside [start, end)."""
        i = bisect_left(self.people_starts, end)
        for k in range(i - 1, max(-1, i - 4), -1):
            candidate = self.people[k]
            if candidate.start < start:
                return None
            if candidate.end <= end:
                return candidate
        return None

    def people_before(self, at: int, count: int) -> list[_Named]:
        """Up to `count` people named before `at`, nearest first."""
        i = bisect_left(self.people_starts, at)
        found = []
        for k in range(i - 1, max(-1, i - count - 1), -1):
            if self.people[k].end <= at:
                found.append(self.people[k])
        return found

    # --- words -----------------------------------------------------------------------

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """The indexes [i, j) of the words wholly inside [start, end)."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)

    def word(self, k: int) -> str:
        return self.text[self.starts[k] : self.ends[k]]

    def sentence(self, si: int) -> tuple[int, int]:
        ends = self.layer.ends
        return (ends[si - 1] if si else 0), (ends[si] if si < len(ends) else len(self.text))


# --- attributing ---------------------------------------------------------------


class _Views:
    """Each paragraph's `_Paragraph`, made when first asked for: most
    paragraphs of an article are never looked at."""

    __slots__ = ("_made", "_named", "_spans", "_text")

    def __init__(
        self, text: ArticleText, named: dict[int, list[_Named]], spans: dict[int, list[_Marked]]
    ) -> None:
        self._text = text
        self._named = named
        self._spans = spans
        self._made: dict[int, _Paragraph] = {}

    def __getitem__(self, index: int) -> _Paragraph:
        view = self._made.get(index)
        if view is None:
            view = _Paragraph(
                self._text[index], self._named.get(index, []), self._spans.get(index, [])
            )
            self._made[index] = view
        return view


class _Article:
    """The speaker search over one article."""

    def __init__(
        self,
        text: ArticleText,
        people: Sequence[Entity],
        organizations: Sequence[Entity],
        spans: dict[int, list[_Marked]],
    ) -> None:
        self.text = text
        named: dict[int, list[_Named]] = {}
        count = len(text)
        for entities, person in ((people, True), (organizations, False)):
            for entity in entities:
                for mention in entity.mentions:
                    if 0 <= mention.paragraph < count:
                        named.setdefault(mention.paragraph, []).append(
                            _Named(mention.start_char, mention.end_char, entity.name, person)
                        )
        self.paragraphs = _Views(text, named, spans)
        self.people = people
        self.person_names = {person.name for person in people}
        self._people_at: tuple[list[tuple[int, int]], list[str]] | None = None
        self._by_surname: dict[str, set[str]] | None = None
        self._genders: dict[str, str] | None = None
        # The speaker of the quotes in each sentence, as they are found: a
        # sentence's subject for a later pronoun.
        self.said_in: dict[tuple[int, int], _Found] = {}
        self._subjects: dict[tuple[int, int], _Found | None] = {}
        self._reporting: dict[tuple[int, int], _Found | None] = {}
        self.previous: tuple[_Marked, Quote] | None = None
        # Whether an "it" or a "the statement" is being resolved: the sentences
        # searched then are not searched again for one of their own, so the
        # search stays a few sentences deep.
        self._resolving = False
        self.last_in_paragraph: dict[int, Quote] = {}

    @property
    def people_at(self) -> tuple[list[tuple[int, int]], list[str]]:
        """(paragraph, start) of every person named, in order, and their
        names: for a pronoun far from any name."""
        if self._people_at is None:
            named = sorted(
                ((mention.paragraph, mention.start_char), person.name)
                for person in self.people
                for mention in person.mentions
            )
            self._people_at = [at for at, _ in named], [name for _, name in named]
        return self._people_at

    @property
    def by_surname(self) -> dict[str, set[str]]:
        """The people of the article by the last word of their names."""
        if self._by_surname is None:
            self._by_surname = {}
            for person in self.people:
                surname = person.name.split()[-1].casefold()
                self._by_surname.setdefault(surname, set()).add(person.name)
        return self._by_surname

    @property
    def genders(self) -> dict[str, str]:
        """Each person's sex where the article says it: by honorific, role or
        given name, or by "Villalobos said she would ..." (the pronoun right
        after the person's verb of speech). Read when a pronoun first needs it."""
        if self._genders is None:
            genders: dict[str, str] = {}
            for person in self.people:
                sex = _gender(person, self.text)
                if sex:
                    genders[person.name] = sex
                    continue
                for mention in person.mentions:
                    if not 0 <= mention.paragraph < len(self.text):
                        continue
                    layer = self.text[mention.paragraph]
                    end = mention.end_char
                    words = [layer.text[a:b] for a, b in layer.words_after(end, 4, end + 40)]
                    if len(words) >= 2 and words[0] in _REPORTING_VERBS:
                        following = words[2] if words[1] == "that" and len(words) > 2 else words[1]
                        if following in _PRONOUNS:
                            genders[person.name] = _PRONOUNS[following]
                            break
            self._genders = genders
        return self._genders

    # --- a group of marks to quotes ----------------------------------------------------

    def attribute(self, group: list[_Marked]) -> list[Quote]:
        first, last = group[0], group[-1]
        view = self.paragraphs[first.paragraph]
        found, partial = self._speaker_of(first, view)
        if found is None and len(group) > 1:
            found = self._after(last, self.paragraphs[last.paragraph], first)
        if len(group) > 1:
            partial = False  # a quote running over paragraphs is never a fragment
        elif found is None and partial and _names_a_work(first, view):
            return []
        speaker = found.name if found else None
        quotes = []
        for span in group:
            paragraph = self.paragraphs[span.paragraph]
            quote = Quote(
                text=paragraph.text[span.text_start : span.text_end],
                paragraph=span.paragraph,
                start_char=span.text_start,
                end_char=span.text_end,
                speaker=speaker,
                partial=partial and span is first,
            )
            quotes.append(quote)
            self.last_in_paragraph[span.paragraph] = quote
            if found is not None and found.person:
                at = span.close_at if span.close_at is not None else span.open_at
                self.said_in[(span.paragraph, paragraph.layer.sentence_index(at))] = found
        self.previous = (last, quotes[-1])
        return quotes

    def _speaker_of(self, span: _Marked, view: _Paragraph) -> tuple[_Found | None, bool]:
        text = view.text
        sentence_start = _quote_sentence_start(view, span.open_at)
        lead_end = _skip_back(text, sentence_start, span.open_at, _LEAD_IN)
        starts_sentence = lead_end == sentence_start

        previous = self._continued(span, view)
        if previous is not None:
            quote, found = previous
            if found is not None:
                return found, quote.partial
        introduced = text[lead_end - 1 : lead_end] == ":" or self._ends_with_speech_verb(
            view, sentence_start, span.open_at
        )
        partial = not (starts_sentence or introduced)

        found = None
        if not starts_sentence:
            found = self._before(view, sentence_start, span.open_at)
        elif view.index > 0 and _skip_back(text, 0, span.open_at, _LEAD_IN) == 0:
            # "Holmes said:" ending the paragraph before
            before_text = self.text[view.index - 1].text
            end = _skip_back(before_text, 0, len(before_text), _SPACES)
            if before_text[end - 1 : end] == ":":
                before = self.paragraphs[view.index - 1]
                found = self._before(before, before.layer.sentence_start(end - 1), end)
        if found is None:
            found = self._after(span, view, span)
        if found is None and not partial:
            found = self._unattributed(span, view)
        return found, partial

    def _continued(self, span: _Marked, view: _Paragraph) -> tuple[Quote, _Found | None] | None:
        """ "“We will fight,” she said, “and win.”": the quote before in the
        paragraph, when this one continues it after its attribution."""
        if self.previous is None:
            return None
        marked, quote = self.previous
        if marked.paragraph != span.paragraph or marked.close_at is None:
            return None
        text = view.text
        if span.open_at - marked.close_at > _AFTER_CHARS:
            return None
        gap_at = marked.close_at + 1
        gap = text[gap_at : span.open_at]
        stripped = gap.strip()
        first_ended_on_comma = text[marked.close_at - 1] == "," or stripped.startswith(",")
        if not (first_ended_on_comma and stripped.endswith(",")):
            return None
        for i, ch in enumerate(gap):
            if ch in '!?;:"“”‘’' or (
                ch == "." and gap[i + 1 : i + 2].isspace() and not is_abbreviation(text, gap_at + i)
            ):
                return None
        speaker = quote.speaker
        if speaker is None:
            return quote, None
        return quote, _Found(speaker, speaker in self.person_names or self._is_person(speaker))

    def _is_person(self, name: str) -> bool:
        return name.split()[-1].casefold() in self.by_surname

    def _ends_with_speech_verb(self, view: _Paragraph, start: int, at: int) -> bool:
        """ "he said, “...”": the lead of a quote ends with a verb of speech."""
        i, j = view.word_range(max(start, at - 40), at)
        if j <= i:
            return False
        word = view.word(j - 1)
        tail = view.text[view.ends[j - 1] : at]
        return word in _SPEECH_VERBS and not tail.strip(" \t\u00a0,:")

    # --- before the quote ------------------------------------------------------------

    def _before(self, view: _Paragraph, sentence_start: int, at: int) -> _Found | None:
        """The subject of the reporting verb nearest before the quote in its
        sentence, "according to X", or the name before a colon."""
        text = view.text
        low = max(sentence_start, at - _VERB_CHARS)
        cues = view.cues
        according = _last_at_or_after(cues.according, low, at)
        verb = _last_at_or_after(cues.verbs, low, at)
        if according is not None and (verb is None or according > verb):
            found = self._phrase_after(view, according, at)
            if found is not None:
                return found
        if verb is not None:
            return self._subject(view, sentence_start, verb, strict=False)
        colon = _skip_back(text, sentence_start, at, _SPACES) - 1
        if colon >= sentence_start and text[colon] == ":":
            named = view.last_person(max(sentence_start, colon - _CLAUSE_CHARS), colon)
            if named is not None:
                return _Found(named.name, True)
            body = view.body_ending(_skip_back(text, sentence_start, colon, _SPACES))
            if body is not None:
                return _Found(body.name)
            return self._phrase(view, max(sentence_start, colon - 60), colon, read=True)
        return None

    def _subject(
        self, view: _Paragraph, start: int, verb_at: int, *, strict: bool, depth: int = 0
    ) -> _Found | None:
        """Who does the reporting verb at `verb_at`, looking back no further
        than `start`: the phrase before it, over adverbs ("Kessler also
        said"), an appositive or a relative clause ("Sadie Weiner, the DSCC
        spokeswoman, said"), or back to the clause's subject when the verb is
        the second of two ("He described ... and warned"). `strict` takes only
        a phrase that is wholly a speaker (after a quote); otherwise the
        nearest person or pronoun before the verb will do."""
        text = view.text
        low = max(start, verb_at - _CLAUSE_CHARS)
        end = verb_at
        i, j = view.word_range(low, verb_at)
        starts = view.starts
        for k in range(j - 1, max(i - 1, j - 4), -1):
            word = view.word(k)
            if word in _BEFORE_VERB or (word.endswith("ly") and word.islower()):
                end = starts[k]
                continue
            if word in _CONJUNCTIONS and depth == 0 and not strict:
                return self._clause_subject(view, low, starts[k])
            break
        head = text[low:end].rstrip()
        if head.endswith(","):
            comma = low + len(head) - 1
            clause = self._clause_verb(view, low, comma)
            if clause is not None and depth == 0:
                # "Sharon Berry, the cabinet member, said the inspection would
                # go ahead, adding: ...": the stretch before the comma is a
                # clause, and "adding" shares its subject.
                return self._subject(view, start, clause, strict=strict, depth=1)
            found = self._before_appositive(view, low, comma)
            if found is not None or strict:
                return found
        cut = _clause_break(text, low, end)
        found = self._phrase(view, cut, end, read=True)
        if found is not None or strict:
            return found
        return self._nearest_subject(view, low, end)

    def _clause_verb(self, view: _Paragraph, low: int, comma: int) -> int | None:
        """The reporting verb of the stretch before `comma`, when that stretch
        is a clause of the sentence rather than a relative clause ("who
        said ...") or an appositive."""
        text = view.text
        previous = _previous_comma(text, low, comma)
        stretch = previous + 1 if previous >= 0 else _clause_break(text, low, comma)
        verbs = view.cues.verbs
        k = bisect_left(verbs, stretch)
        if k == len(verbs) or verbs[k] >= comma:
            return None
        i, j = view.word_range(stretch, comma)
        if j > i and view.word(i).casefold() in _RELATIVES:
            return None
        return verbs[k]

    def _before_appositive(self, view: _Paragraph, low: int, comma: int) -> _Found | None:
        """The subject before a stretch set off by commas: "Caitlin Moyer, a
        spokeswoman for the party," and "The campaign, which has seven
        offices," give Moyer and the campaign; "Kessler's campaign manager,
        Tom Becker," gives Becker."""
        text = view.text
        bounds = [comma]
        for _ in range(_APPOSITIVES):
            previous = _previous_comma(text, low, bounds[-1])
            if previous < 0:
                bounds.append(_clause_break(text, low, bounds[-1]) - 1)
                break
            bounds.append(previous)
        # The stretch before the verb is a name: "..., Tom Becker, said".
        named = self._exact_person(view, bounds[1] + 1, bounds[0])
        if named is not None:
            return _Found(named.name, True)
        for k in range(1, len(bounds) - 1):
            found = self._phrase(view, bounds[k + 1] + 1, bounds[k], read=True)
            if found is not None:
                return found
        return None

    def _clause_subject(self, view: _Paragraph, low: int, conjunction: int) -> _Found | None:
        """The subject of the first verb of "He described Tate as ... and
        warned that ...": the reporting verb before the conjunction, else the
        person or pronoun the clause starts with."""
        i, j = view.word_range(low, conjunction)
        starts = view.starts
        for k in range(i, j):
            if view.word(k) in _REPORTING_VERBS and not view.inside_quote(starts[k]):
                return self._subject(view, low, starts[k], strict=False, depth=1)
        return self._nearest_subject(view, low, conjunction)

    def _nearest_subject(self, view: _Paragraph, low: int, end: int) -> _Found | None:
        """The person or pronoun nearest before the verb, or an organisation
        or description at the start of its clause."""
        text = view.text
        named = view.last_person(low, end)
        pronoun_at = _last_at_or_after(view.cues.pronouns, low, end)
        if pronoun_at is not None and (named is None or pronoun_at > named.start):
            pronoun = text[pronoun_at : pronoun_at + 3].casefold().rstrip()
            return self._pronoun(view, pronoun_at, "she" if pronoun == "she" else "he")
        cut = _clause_break(text, low, end)
        if named is not None:
            # "A spokesman for Mr Shawcross said": the description, with the name inside it.
            found = self._phrase(view, cut, end, read=False)
            if found is not None and not found.person and named.start > cut:
                return found
            return _Found(named.name, True)
        for position in (cut, low):
            body = _organisation_at(view, position)
            if body is not None:
                return _Found(body.name)
        return self._phrase(view, cut, end, read=False)

    # --- a phrase that names a speaker ------------------------------------------------

    def _phrase(self, view: _Paragraph, start: int, end: int, *, read: bool) -> _Found | None:
        """The speaker a phrase names when it is nothing but a name (after its
        title: "Kenya captain Kennedy Odhiambo"), a pronoun, an organisation
        ("the council"), a possessive description ("Smith's lawyer") or a
        description ("A Kirklees Council spokesman"); with `read`, a name the
        entity finder missed ("Kenneth A. Lindahl")."""
        text = view.text
        while start < end and text[start] in " \t\u00a0—–-(":
            start += 1
        while end > start and text[end - 1] in " \t\u00a0":
            end -= 1
        i, j = view.word_range(start, end)
        if j <= i or j - i > _PHRASE_WORDS:
            return None
        phrase = text[start:end]
        if _is_description(phrase) and view.word(i).casefold() in _DESCRIPTION_DETERMINERS:
            # "A spokesman for Mr Shawcross": the spokesman speaks, not Mr Shawcross.
            return _Found(phrase)
        named = self._exact_person(view, start, end)
        if named is not None:
            return _Found(named.name, True)
        if j - i == 1 and view.word(i).casefold() in _PRONOUNS:
            return self._pronoun(view, start, view.word(i).casefold())
        if j - i == 1 and view.word(i).casefold() == "it":
            if self._resolving:
                return None
            self._resolving = True
            try:
                return self._it(view, start)
            finally:
                self._resolving = False
        body = view.body_ending(end)
        if body is not None and text[start : body.start].strip().casefold() in ("", "the"):
            return _Found(body.name)
        words = phrase.split()
        keys = [word.casefold().strip("’'") for word in words]
        if keys[-1] in _DOCUMENTS and keys[0] in _DESCRIPTION_DETERMINERS:
            if self._resolving:
                return None
            self._resolving = True
            try:
                return self._document_speaker(view, start)
            finally:
                self._resolving = False
        # "John Smith's lawyer", "Carver's chief executive": someone's someone, unnamed.
        possessor = view.last_person(start, end) or _body_within(view, start, end)
        if (
            possessor is not None
            and text.startswith(_POSSESSIVE, possessor.end)
            and len(words) <= _MAX_DESCRIPTION_WORDS
            and (possessor.person or keys[-1] in _DESCRIPTORS)
        ):
            return _Found(phrase)
        if _is_description(phrase):
            return _Found(phrase)
        if read:
            name = self._read_name(view, start, end)
            if name is not None:
                return _Found(name, True)
        return None

    def _exact_person(self, view: _Paragraph, start: int, end: int) -> _Named | None:
        """The person named at the end of text[start:end] when only a title
        stands before the name."""
        text = view.text
        while start < end and text[start] in " \t\u00a0":
            start += 1
        while end > start and text[end - 1] in " \t\u00a0":
            end -= 1
        named = view.person_ending(end)
        if named is not None and named.start >= start and _is_title_gap(text[start : named.start]):
            return named
        return None

    def _phrase_after(self, view: _Paragraph, at: int, limit: int) -> _Found | None:
        """The speaker after "according to" or "said": up to the next comma or
        full stop."""
        text = view.text
        end = min(limit, at + _AFTER_CHARS)
        stop = end
        for k in range(at, end):
            if text[k] in ',;:!?"“”' or (text[k] == "." and text[k + 1 : k + 2] in ("", " ")):
                stop = k
                break
        return self._phrase(view, at, stop, read=True)

    def _read_name(self, view: _Paragraph, start: int, end: int) -> str | None:
        """A name the entity finder missed, read from capitalised words that
        fill text[start:end] ("Kenneth A. Lindahl", "Park"), after any title
        ("Labour MP"); the canonical name of a person found elsewhere when
        the surname is theirs alone."""
        text = view.text
        i, j = view.word_range(start, end)
        starts, ends = view.starts, view.ends
        while i < j and view.word(i).casefold() in _NAME_PREFIXES:
            i += 1
        if not (0 < j - i <= _MAX_READ_NAME_WORDS):
            return None
        if view.body_ending(ends[j - 1]) is not None or view.body_starting(starts[i]) is not None:
            return None
        if text[ends[j - 1] : end].strip(" \t\u00a0."):
            return None
        for k in range(i, j):
            word = view.word(k)
            if k > i and text[ends[k - 1] : starts[k]] not in (" ", ". ", "\u00a0"):
                return None
            if word.casefold() in _PARTICLES and i < k < j - 1:
                continue
            if len(word) == 1 and word.isupper() and text.startswith(".", ends[k]) and k < j - 1:
                continue  # an initial: "Kenneth A. Lindahl"
            if not word[:1].isupper() or word.casefold() in _NOT_NAMES:
                return None
            if len(word) > 1 and word.isupper():
                return None  # "BBC", "NATO": bodies, not people
            if word.endswith(_POSSESSIVE):
                return None  # "Donald Trump's comments": someone's something
        if view.layer.starts_sentence(starts[i]):
            # A sentence's first word has its capital anyway ("Analysts
            # said"): it is part of a name only if the article never writes
            # it in lower case, and alone only if it capitalises it inside a
            # sentence too.
            first = view.word(i)
            if self.text.written_lowercase(first.lower()) or (
                j - i == 1 and self.text.capitalised_form(first) is None
            ):
                return None
        name = text[starts[i] : ends[j - 1]]
        given = view.word(i) if j - i > 1 else None
        known = [
            person
            for person in self.by_surname.get(view.word(j - 1).casefold(), ())
            if given is None or " " not in person or person.split()[0] == given
        ]
        return known[0] if len(known) == 1 else name

    def _document_speaker(self, view: _Paragraph, at: int) -> _Found | None:
        """ "the statement said": the speaker a sentence before, in the
        paragraph, has ("The Ellison campaign said in a statement ...")."""
        si = view.layer.sentence_index(at)
        for back in range(si - 1, max(-1, si - _SUBJECT_SENTENCES), -1):
            found = self._reporting_subject(view, back)
            if found is not None:
                return found
        return None

    def _reporting_subject(self, view: _Paragraph, si: int) -> _Found | None:
        """The subject of a sentence's first reporting verb, as a phrase that
        is wholly a speaker; worked out once a sentence, never resolving an
        "it" or a "the statement" of its own."""
        key = (view.index, si)
        if key in self._reporting:
            return self._reporting[key]
        start, end = view.sentence(si)
        verbs = view.cues.verbs
        i = bisect_left(verbs, start)
        found = None
        if i < len(verbs) and verbs[i] < end:
            resolving, self._resolving = self._resolving, True
            try:
                found = self._subject(view, start, verbs[i], strict=True)
            finally:
                self._resolving = resolving
        self._reporting[key] = found
        return found

    # --- after the quote -------------------------------------------------------------

    def _after(self, span: _Marked, view: _Paragraph, opened: _Marked) -> _Found | None:
        """ "..., he said", "..., said Holmes", "..., Sadie Weiner, the DSCC
        spokeswoman, said", "..., according to X"."""
        if span.close_at is None:
            return None
        text = view.text
        at = span.close_at + 1
        limit = min(len(text), at + 8)
        while at < limit and text[at] in " \t\u00a0,.—–-":
            at += 1
        if at >= len(text) or text[at] in "\"“‘'":
            return None
        stop = min(view.next_quote_open(at), view.layer.sentence_bounds(at)[1], at + _AFTER_CHARS)
        i, j = view.word_range(at, stop)
        j = min(j, i + _AFTER_WORDS)
        if j <= i:
            return None
        starts, ends = view.starts, view.ends
        if view.word(i) == "according" and j > i + 1 and view.word(i + 1) == "to":
            return self._phrase_after(view, ends[i + 1], stop)
        for k in range(i, j):
            if view.word(k) in _SPEECH_VERBS:
                if k == i:
                    return self._after_verb(view, ends[k], stop)
                return self._subject(view, at, starts[k], strict=True)
        return None

    def _after_verb(self, view: _Paragraph, at: int, stop: int) -> _Found | None:
        """The speaker after "said": a name, perhaps behind its title ("said
        Labour MP Jess Phillips"), a pronoun, an organisation, or a
        description, perhaps followed by the name ("said the council's head
        of legal services, John Chapman")."""
        text = view.text
        i, j = view.word_range(at, stop)
        if j <= i:
            return None
        start = view.starts[i]
        first = view.word(i).casefold()
        if first in _PRONOUNS:
            return self._pronoun(view, start, first)
        person = view.first_person(start, stop)
        if person is not None and _is_title_gap(text[start : person.start]):
            return _Found(person.name, True)
        comma = text.find(",", start, stop)
        if comma > 0 and comma + 1 < stop:
            # "said Carver's chief executive, Walter P. Brandt"
            after_comma = comma + 1
            end = _phrase_end(text, after_comma, stop)
            named = self._exact_person(view, after_comma, end)
            if named is not None and len(text[start:comma].split()) <= _MAX_DESCRIPTION_WORDS:
                return _Found(named.name, True)
        body = _organisation_at(view, start)
        if body is not None:
            return _Found(body.name)
        return self._phrase(view, start, _phrase_end(text, start, stop), read=True)

    # --- quotes with no attribution of their own --------------------------------------

    def _unattributed(self, span: _Marked, view: _Paragraph) -> _Found | None:
        """The previous quote's speaker in the paragraph, the person the next
        sentence names, the speaker of a paragraph of quotes before, or the
        subject of the paragraph."""
        before = self.last_in_paragraph.get(view.index)
        if before is not None and before.speaker:
            return _Found(before.speaker, before.speaker in self.person_names)
        found = self._next_sentence(span, view)
        if found is not None:
            return found
        if view.index > 0 and view.only_quotes:
            earlier = self.last_in_paragraph.get(view.index - 1)
            if earlier is not None and earlier.speaker:
                return _Found(earlier.speaker, earlier.speaker in self.person_names)
        si = view.layer.sentence_index(span.open_at)
        for back in range(si, max(-1, si - _SUBJECT_SENTENCES), -1):
            found = self._sentence_subject(view, back, before=span.open_at)
            if found is None:
                # "He left at noon. “Thank you, Ohio.”"
                start = view.sentence(back)[0]
                i, j = view.word_range(start, span.open_at)
                first = view.word(i).casefold() if j > i else ""
                if first in _PRONOUNS and view.starts[i] - start <= 2:
                    found = self._pronoun(view, view.starts[i], first)
            if found is not None:
                return found
        nearest = view.people_before(span.open_at, 1)
        return _Found(nearest[0].name, True) if nearest else None

    def _next_sentence(self, span: _Marked, view: _Paragraph) -> _Found | None:
        """ "“...” The boast came from Jake Ostrowski", "That was Whitcomb's
        verdict", "The line, from Kessler's campaign manager, Tom Becker": the
        person the sentence after a quote names first."""
        if span.close_at is None:
            return None
        text = view.text
        if text[span.text_end - 1 : span.text_end] not in (".", "!", "?"):
            return None
        at = span.close_at + 1
        while at < len(text) and text[at] in " \t\u00a0":
            at += 1
        if at >= len(text) or not text[at].isupper():
            return None
        i, j = view.word_range(at, view.layer.sentence_bounds(at)[1])
        if j <= i:
            return None
        end = view.ends[min(j, i + _NEXT_SENTENCE_WORDS) - 1]
        named = view.first_person(at, end)
        if named is None or view.next_quote_open(at) < named.start:
            return None
        if not text.startswith(_POSSESSIVE, named.end):
            return _Found(named.name, True)
        # Whose: "Kessler's campaign manager, Tom Becker" is Becker; "Whitcomb's
        # verdict" is Whitcomb's own.
        role_end = named.end + 2
        k, _ = view.word_range(role_end, end)
        role = False
        for index in range(k, min(k + 4, j)):
            word = view.word(index).casefold()
            if word in _DESCRIPTORS:
                role = True
                role_end = view.ends[index]
            elif word not in ROLE_MODIFIERS:
                break
        if not role:
            return _Found(named.name, True)
        if text.startswith(",", role_end):
            appositive = self._exact_person(
                view, role_end + 1, _phrase_end(text, role_end + 1, end)
            )
            if appositive is not None:
                return _Found(appositive.name, True)
        return _Found(text[named.start : role_end])

    # --- pronouns and subjects -------------------------------------------------------

    def _pronoun(self, view: _Paragraph, at: int, pronoun: str) -> _Found | None:
        """The person a "he" or "she" at this point stands for: the subject of
        a sentence before it (nearest first), else the nearest named before
        it in its paragraph or the one before; one the pronoun cannot be is
        passed over unless nobody else is near; further back, the last person
        named at all."""
        sex = _PRONOUNS.get(pronoun)
        fallback: _Found | None = None
        for paragraph, si, before in self._sentences_back(view, at):
            found = self._sentence_subject(paragraph, si, before=before)
            if found is None:
                continue
            if self.genders.get(found.name) in (None, sex):
                return found
            fallback = fallback or found
        nearby = view.people_before(at, _NEAREST_PEOPLE)
        if view.index > 0:
            previous = self.paragraphs[view.index - 1]
            nearby += previous.people_before(len(previous.text), _NEAREST_PEOPLE)
        for named in nearby:
            if self.genders.get(named.name) in (None, sex):
                return _Found(named.name, True)
        if fallback is not None:
            return fallback
        if nearby:
            return _Found(
                nearby[0].name, True
            )  # only people of the other sex: better one than none
        people_at, names = self.people_at
        i = bisect_left(people_at, (view.index - 1, 0))
        return _Found(names[i - 1], True) if i > 0 else None

    def _it(self, view: _Paragraph, at: int) -> _Found | None:
        """ "“We are all in,” it said": the organisation or description that a
        sentence before made the subject of its reporting verb ("The Clinton
        campaign said ..."), else the organisation named last before it."""
        for paragraph, si, before in self._sentences_back(view, at):
            start, end = paragraph.sentence(si)
            verbs = paragraph.cues.verbs
            i = bisect_left(verbs, start)
            if i < len(verbs) and verbs[i] < min(end, before):
                found = self._reporting_subject(paragraph, si)
                if found is not None and not found.person:
                    return found
            body = _organisation_at(paragraph, start)
            if body is not None and body.end <= before:
                return _Found(body.name)  # "Kirklees Council has closed the tip."
        for paragraph, before in ((view, at), (self.paragraphs[view.index - 1], None)):
            if before is None and view.index == 0:
                break
            before = len(paragraph.text) if before is None else before
            i = bisect_left(paragraph.body_starts, before)
            for k in range(i - 1, max(-1, i - 4), -1):
                if paragraph.bodies[k].end <= before:
                    return _Found(paragraph.bodies[k].name)
        return None

    def _sentences_back(self, view: _Paragraph, at: int) -> Iterator[tuple[_Paragraph, int, int]]:
        """The sentence holding `at` (up to `at`) and a few before it, in this
        paragraph and the one before, nearest first."""
        si = view.layer.sentence_index(at)
        for back in range(si, max(-1, si - _SUBJECT_SENTENCES), -1):
            yield view, back, at if back == si else len(view.text)
        left = _SUBJECT_SENTENCES - (si + 1)
        if view.index > 0 and left > 0:
            previous = self.paragraphs[view.index - 1]
            last = len(previous.layer.ends)
            for back in range(last, max(-1, last - left), -1):
                yield previous, back, len(previous.text)

    def _sentence_subject(self, view: _Paragraph, si: int, *, before: int) -> _Found | None:
        """The person a sentence is about: the speaker of its quotes, else the
        first person named in a subject's place ("Judge Richard Bamber told
        Gary Marsh", "Asked about it, Tate laughed", "said Holmes"), else a
        name the entity finder missed at its start ("Lim Choon Seng of
        Straits Capital said"); only what stands before `before` counts."""
        said = self.said_in.get((view.index, si))
        if said is not None:
            return said
        start, end = view.sentence(si)
        end = min(end, before)
        key = (view.index, si)
        if end == view.sentence(si)[1] and key in self._subjects:
            return self._subjects[key]
        found = self._find_sentence_subject(view, start, end)
        if end == view.sentence(si)[1]:
            self._subjects[key] = found
        return found

    def _find_sentence_subject(self, view: _Paragraph, start: int, end: int) -> _Found | None:
        text = view.text
        i = bisect_left(view.people_starts, start)
        for k in range(i, min(i + 4, len(view.people))):
            named = view.people[k]
            if named.end > end or named.start - start > _SUBJECT_CHARS:
                break
            if text.startswith(_POSSESSIVE, named.end):
                continue  # "Trump's comments drew criticism from ...": not Trump
            lead = text[start : named.start].strip(" \t\u00a0\"“‘'([")
            if _is_title_gap(lead) or _in_subject_place(view, named):
                return _Found(named.name, True)
        # A name the entity finder missed: two capitalised words or more,
        # outside quotes, then "of", a comma or a reporting verb ("Lim Choon
        # Seng of Straits Capital said"), or any verb when the first is a
        # given name ("Tim Kaine disagreed").
        i, j = view.word_range(start, min(end, start + 120))
        if (
            j - i < 3
            or not (view.word(i)[:1].isupper() and view.word(i + 1)[:1].isupper())
            or view.inside_quote(view.starts[i])
        ):
            return None
        given = view.word(i).casefold() in GIVEN_NAMES
        for k in range(i + 1, min(j, i + _MAX_READ_NAME_WORDS + 1)):
            word = view.word(k)
            if word in _NAME_LINKS or word in _REPORTING_VERBS or (given and word.islower()):
                name_end = view.ends[k - 1]
            elif text.startswith(",", view.ends[k]):
                name_end = view.ends[k]
            else:
                continue
            name = self._read_name(view, start, name_end)
            if name is not None and " " in name:
                sex = _given_name_sex(name)
                if sex is not None:
                    self.genders.setdefault(name, sex)
                return _Found(name, True)
            return None
        return None


# --- small readers of the text -------------------------------------------------------


def _last_at_or_after(positions: list[int], low: int, before: int) -> int | None:
    """The last of the sorted `positions` in [low, before)."""
    i = bisect_left(positions, before)
    return positions[i - 1] if i and positions[i - 1] >= low else None


def _skip_back(text: str, low: int, at: int, chars: str) -> int:
    """`at`, moved back over any of `chars` but not before `low`."""
    while at > low and text[at - 1] in chars:
        at -= 1
    return at


def _quote_sentence_start(view: _Paragraph, at: int) -> int:
    """Where the sentence holding a quote starts. The text layer keeps "Inc."
    and "Jan." inside a sentence; before a quote that opens with a capital
    they end one ("... Woods Inc. “Calloway caught it early.”")."""
    start = view.layer.sentence_start(at)
    text = view.text
    k = at - 1
    while k > start and text[k] in " \t\u00a0":
        k -= 1
    if k > start and k < at - 1 and text[k] == "." and text[at + 1 : at + 2].isupper():
        i, j = view.word_range(max(start, k - 20), k)
        if j > i:
            word = view.word(j - 1)
            if len(word) > 1 and word.casefold() not in HONORIFICS:
                return at
    return start


def _in_subject_place(view: _Paragraph, named: _Named) -> bool:
    """Whether a name stands where a subject stands: after the clause an
    introductory phrase ends ("Asked about it, Tate laughed"), after "said"
    ("said Holmes"), or before a verb of speech ("Holmes said")."""
    text = view.text
    before = text[max(0, named.start - 2) : named.start]
    i, j = view.word_range(max(0, named.start - 30), named.start)
    if j > i and view.word(j - 1) in _SPEECH_VERBS:
        return True
    k, m = view.word_range(named.end, named.end + 40)
    following = view.word(k) if m > k else ""
    if following in _REPORTING_VERBS:
        return True
    return before == ", " and (following[:1].islower() or text.startswith(",", named.end))


def _organisation_at(view: _Paragraph, at: int) -> _Named | None:
    """The organisation named at `at`, after any "The"."""
    body = view.body_starting(at)
    if body is None and view.text.startswith(("The ", "the "), at):
        body = view.body_starting(at + 4)
    return body


def _body_within(view: _Paragraph, start: int, end: int) -> _Named | None:
    i = bisect_left(view.body_starts, start)
    if i < len(view.bodies) and view.bodies[i].end <= end:
        return view.bodies[i]
    return None


def _clause_break(text: str, low: int, end: int) -> int:
    """Where the clause ending at `end` starts: after the last comma, dash,
    colon, semicolon or bracket (a comma inside a number does not count)."""
    cut = low
    for mark in ",;:—–(":
        k = text.rfind(mark, low, end)
        while mark == "," and k > low and text[k + 1 : k + 2].isdigit() and text[k - 1].isdigit():
            k = text.rfind(mark, low, k)
        cut = max(cut, k + 1)
    return cut


def _previous_comma(text: str, low: int, before: int) -> int:
    """The comma before `before` (not one inside a number), or -1."""
    k = text.rfind(",", low, before)
    while k > low and text[k + 1 : k + 2].isdigit() and text[k - 1].isdigit():
        k = text.rfind(",", low, k)
    return k if k >= low else -1


def _phrase_end(text: str, start: int, stop: int) -> int:
    """The end of a phrase: the next comma, semicolon or full stop (not one
    inside an initial or an abbreviation such as "Co.")."""
    for k in range(start, stop):
        ch = text[k]
        if ch in ',;:!?"“”‘':
            return k
        if ch == "." and text[k + 1 : k + 2] in ("", " ") and not text[k - 1 : k].isupper():
            return k
    return stop


def _only_quotes(text: str, starts: list[int], ends: list[int]) -> bool:
    """Whether a paragraph holds nothing but its quotes."""
    done = 0
    for start, end in zip(starts, ends, strict=True):
        if text[done:start].strip(" \t\u00a0.,;:"):
            return False
        done = end
    return bool(starts) and not text[done:].strip(" \t\u00a0.,;:")


def _names_a_work(span: _Marked, view: _Paragraph) -> bool:
    """A title, a slogan or a nickname rather than speech: every word
    capitalised ("the ‘Northern Powerhouse’"), or a quote set inside a name
    (Tom “the Tank” Jones)."""
    paragraph = view.text
    text = paragraph[span.text_start : span.text_end]
    words = text.split(maxsplit=_MAX_TITLE_WORDS + 1)
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
    i, j = view.word_range(max(0, span.open_at - 40), span.open_at)
    word_before = view.word(j - 1) if j > i else ""
    return (
        len(before) == 2
        and before[0].isalpha()
        and before[1] == " "
        and word_before[:1].isupper()
        and len(after) == 2
        and after[0] == " "
        and after[1].isupper()
    )


def _gender(person: Entity, text: ArticleText) -> str | None:
    """What the article says about a person's sex: an honorific ("Mrs Hill"),
    a role ("the DSCC spokeswoman") or a given name that is one or the other."""
    for mention in person.mentions:
        if 0 <= mention.paragraph < len(text):
            written = text[mention.paragraph].text[mention.start_char : mention.end_char]
            if _FEMININE.match(written):
                return "f"
            if _MASCULINE.match(written):
                return "m"
    for word in (person.role or "").casefold().replace("-", " ").split():
        if word.endswith("woman") or word in _FEMALE_ROLES:
            return "f"
        if (word.endswith("man") and word != "human") or word in _MALE_ROLES:
            return "m"
    return _given_name_sex(person.name)


def _given_name_sex(name: str) -> str | None:
    first = name.split(" ", 1)[0].casefold()
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


def _is_title_gap(text: str) -> bool:
    """Whether the words before a name are its title: capitalised words
    ("Labour MP") or a job ("general manager")."""
    words = text.split()
    return len(words) <= _MAX_TITLE_GAP_WORDS and all(
        word[:1].isupper() or word.casefold() in _TITLE_WORDS for word in words
    )


def _is_description(subject: str) -> bool:
    """ "A Kirklees Council spokesman", "A spokesman for the department": a
    determiner, a few words, a speaker's noun (perhaps followed by "for ...")."""
    words = subject.split()
    if not (2 <= len(words) <= _MAX_DESCRIPTION_WORDS):
        return False
    keys = [word.casefold().strip("’'") for word in words]
    if keys[0] not in _DESCRIPTION_DETERMINERS:
        return False
    if keys[-1] in _DESCRIPTORS:
        return True
    return any(
        key in _DESCRIPTORS and keys[i + 1] in _DESCRIPTION_LINKS
        for i, key in enumerate(keys[1:-1], start=1)
    )
