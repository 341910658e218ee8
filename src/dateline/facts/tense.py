"""The tense of the sentence around a date: whether it speaks of the past or
the future.

A bare weekday, month or day of the month ("on Thursday", "in March", "on 15
March") names the one before the publication date in a report of what
happened, and the one after it in an announcement of what will. The verb that
governs a date adjunct nearly always comes before it in English ("voted on
Thursday", "will vote on Thursday"), so the nearest cue before the date, in
its own sentence, decides; only a date that opens its clause ("On Friday, the
union said ...") or sits in the subject ("The strike on Friday will ...") is
governed by a verb after it. Reported speech needs no rule of its own: in
"said the strike will go ahead on Friday" the cue nearest before Friday is
"will", while in "said on Friday that ..." it is "said".

A paragraph's words are classified once (`TenseIndex`), from sets: a regular
expression with sixty alternatives tried at every position cost five times
as much. Sentences come from the shared text layer. Each question ("the cue
nearest before offset 4,210 in its sentence") is then a binary search and a
look-up in arrays built in the same pass, so a paragraph dense with dates
costs time in proportion to its length, not to its length times its dates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from dateline.facts.text import ParagraphText

Tense = Literal["past", "future"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUTURE_WORDS = _word_set(
    "will shall would planned expected expects scheduled upcoming next tomorrow must should"
    " preparing coming begins starts meets opens closes resumes won't wouldn't shouldn't"
    " mustn't won’t wouldn’t shouldn’t mustn’t payable can may might"
)
# Present tense that announces: "The candidates meet again on Friday", "talks
# resume in January". In the third person these are in _FUTURE_WORDS.
_SCHEDULED = _word_set("meet begin start open close resume")
_SCHEDULED_AFTER = _word_set("again on in at next from")
# Before these words the scheduling verbs are nouns: "the close", "its start".
_NOUN_LEADS = _word_set("a an the its their his her our of at for from by before after since until")
# A copula is future only when a date or a plan is its complement: "The vote
# is on Friday", "The deadline is Dec. 15", "is to vote", not "The price is a
# premium over the close on Wednesday".
_COPULAS = _word_set("is are isn't aren't isn’t aren’t")
_COPULA_COMPLEMENTS = _word_set(
    "on in at by from until till this next due set scheduled expected slated planned to"
    " monday tuesday wednesday thursday friday saturday sunday january february march april"
    " may june july august september october november december jan feb mar apr jun jul aug"
    " sep sept oct nov dec"
)
_COPULA_REACH = 2
# Future when "to" follows within a few words: "I need every one of you to
# knock on doors on Saturday", "wants the board to vote in March".
_FUTURE_BEFORE_OBJECT_TO = _word_set("need needs want wants urge urges")
_OBJECT_REACH = 6
# Future only before "to": "plans to strike", but "a recovery plan", "set up".
_FUTURE_BEFORE_TO = _word_set(
    "plan plans planning going set intend intends aim aims hope hopes prepare prepares"
)
# Future only before the given word: "ahead of", "takes place", "goes ahead".
_FUTURE_PAIRS = {"ahead": "of", "takes": "place", "goes": "ahead"}
# "due to start" is future; "due to the weather" is a cause.
_CAUSE_AFTER_DUE_TO = _word_set("the a an its their his her this that poor bad high low lack")
_PAST_WORDS = _word_set(
    "was were had has have been did said told ago yesterday last earlier previously since went"
    " came took made gave saw met began won lost left held ran rose fell sold paid spent found"
    " got brought bought thought knew became wrote spoke broke chose grew threw sent built"
    " struck stood kept felt heard meant sat led fled quit wasn't weren't hadn't hasn't"
    " haven't didn't wasn’t weren’t hadn’t hasn’t haven’t didn’t"
)
# After a comma these attribute the sentence ("..., the airline said") and say
# nothing of when what was said happens.
_REPORTING_VERBS = _word_set(
    "said says told tells added adds announced claimed stated warned explained insisted"
    " confirmed reported wrote argued"
)
_OPENERS = _word_set("on in at by from since until last next this early late and but so then the")
# An "-ed" word after one of these, or straight after a verb that is no
# auxiliary, is an adjective: "a planned strike", "expected continued
# improvement", "said increased costs".
_DETERMINERS = _word_set("a an the its their his her our")
_AUXILIARIES = _word_set(
    "is are was were be been being has have had having get gets got will would shall should"
    " can could may might must"
)
# Sentences that go on from the one before, and so keep its tense when they
# have none of their own: "... knock on doors on Saturday. And on Sunday."
_CONTINUATIONS = _word_set("and but or then so")
# Words ending in "-ed" that are no verbs.
_NOT_VERBS = _word_set(
    "hundred united limited sacred naked wicked ragged rugged kindred wretched beloved"
    " crooked jagged aged"
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# The head of a verb group that makes the participle after it future: "will be
# held", "will stay closed", "is due to be held", "are being held", "could be
# signed".
_FUTURE_AUXILIARY = re.compile(
    r"(?:\b(?:will|would|shall|must|should|is\s+being|are\s+being)|['’]ll|\bto(?=\s+b|\s+h)"
    r"|\b(?:can|could|may|might)(?=\s+(?:not\s+)?be\b))"
    r"(?:\s+[a-z]+){0,2}\s+$",
    re.IGNORECASE,
)
_AUXILIARY_REACH = 40
_COMMA = re.compile(",")
_PHRASE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")

# Every word _cue may classify, but those ending in "-ed" or "'ll".
_CUE_WORDS = (
    _FUTURE_WORDS
    | _SCHEDULED
    | _COPULAS
    | _FUTURE_BEFORE_TO
    | _FUTURE_BEFORE_OBJECT_TO
    | frozenset(_FUTURE_PAIRS)
    | _PAST_WORDS
    | {"due"}
)

_CUE_ENDINGS = ("ed", "'ll", "’ll")

_NONE, _PAST, _FUTURE = 0, 1, 2
_TENSES: tuple[Tense | None, ...] = (None, "past", "future")


@dataclass(slots=True, frozen=True)
class Cue:
    """What a sentence says of a date's tense. `strong` when the word that
    says it comes before the date or the date opens its sentence ("On
    Friday, the union said ..."); weak when it comes after, from a subject
    the date sits in ("The Fed's decision to cut rates in December should
    help"). `governed` when it comes before, with no comma, semicolon or
    dash between: then the date is that verb's own ("voted on Thursday"),
    not part of a phrase added after it ("began on Wednesday, four weeks
    before Election Day on Nov. 8")."""

    tense: Tense
    strong: bool
    governed: bool = False


class _Cues:
    """The words of one sentence (or run of sentences) and which of them are
    tense cues, as sorted lists of word indices for binary search."""

    __slots__ = ("cue_tenses", "cues", "non_openers", "plain_cues", "positions", "words")

    def __init__(self, paragraph: ParagraphText, left: int, right: int) -> None:
        text = paragraph.text
        matches = list(_WORD.finditer(text, left, right))
        self.positions = positions = [m.start() for m in matches]
        self.words = words = [m.group().lower() for m in matches]
        count = len(words)
        cues: list[int] = []
        tenses: dict[int, int] = {}
        plain: list[int] = []
        for index in [
            i for i, w in enumerate(words) if w in _CUE_WORDS or w.endswith(_CUE_ENDINGS)
        ]:
            word, position = words[index], positions[index]
            # A capital inside a prose sentence makes a name ("the Australian
            # Open in January", "Theresa May"), never a verb.
            if (
                index
                and text[position].isupper()
                and not paragraph.starts_sentence(position)
                and paragraph.style_at(position) == "prose"
            ):
                continue
            tense = _cue(word, words[index + 1 : min(count, index + 1 + _OBJECT_REACH)])
            if not tense:
                continue
            previous = words[index - 1] if index else ""
            if word in _SCHEDULED and previous in _NOUN_LEADS:
                continue  # "the close on Wednesday", "before the start in May": nouns
            if tense == _PAST and previous == "to":
                continue  # "to quit": an infinitive takes its tense from the verb before it
            if (
                tense == _PAST
                and word.endswith("ed")
                and previous
                and (
                    previous in _DETERMINERS
                    or (tenses.get(index - 1) and previous not in _AUXILIARIES)
                )
            ):
                continue  # "a planned strike", "expected continued improvement"
            tenses[index] = tense
            cues.append(index)
            if word not in _REPORTING_VERBS:
                plain.append(index)
        self.cues = cues
        self.cue_tenses = [tenses[index] for index in cues]
        self.plain_cues = plain
        self.non_openers = [i for i, w in enumerate(words) if w not in _OPENERS]


class TenseIndex:
    """The tense cues of one paragraph's sentences, each sentence classified
    once, the first time a date in it asks, for any number of questions about
    the dates in it. Only the few words that can be cues are classified; the
    questions are binary searches in their sorted positions."""

    __slots__ = ("_breaks", "_carried", "_commas", "_paragraph", "_sentences")

    def __init__(self, paragraph: ParagraphText) -> None:
        self._paragraph = paragraph
        self._sentences: dict[tuple[int, int], _Cues] = {}
        self._commas: list[int] | None = None
        self._breaks: list[int] | None = None
        self._carried: dict[int, int] = {}

    def _cues(self, left: int, right: int) -> _Cues:
        found = self._sentences.get((left, right))
        if found is None:
            found = self._sentences[left, right] = _Cues(self._paragraph, left, right)
        return found

    def cue(self, start: int, end: int) -> Cue | None:
        """What the sentence holding `text[start:end]` says of its tense, or
        None when it gives no cue. Cues inside the date itself ("next Friday")
        are its own business and are skipped."""
        left, right = self._paragraph.sentence_bounds(start, end)
        sentence = self._cues(left, right)
        positions, cues = sentence.positions, sentence.cues
        before_date = bisect_left(positions, start)
        after_date = bisect_left(positions, end)
        k = bisect_left(cues, before_date) - 1
        if k >= 0:
            before = cues[k]
            governed = not self._break_between(positions[before], start)
            cue = Cue(_TENSES[sentence.cue_tenses[k]], True, governed)  # type: ignore[arg-type]
            return self._with_auxiliary(cue, positions[before], left)
        k = bisect_left(cues, after_date)
        if k >= len(cues):
            return self._carried_into(sentence, left)
        after = cues[k]
        # A date that opens its sentence ("On Friday, the union said ...") is
        # governed by the main verb after it, even a verb of saying.
        n = bisect_left(sentence.non_openers, before_date)
        fronted = n == 0
        if (
            sentence.words[after] in _REPORTING_VERBS
            and not fronted
            and self._comma_between(end, positions[after])
        ):
            p = bisect_left(sentence.plain_cues, after)
            if p >= len(sentence.plain_cues):
                return self._carried_into(sentence, left)
            after = sentence.plain_cues[p]
            k = bisect_left(cues, after)
        cue = Cue(_TENSES[sentence.cue_tenses[k]], fronted)  # type: ignore[arg-type]
        return self._with_auxiliary(cue, positions[after], left)

    def _carried_into(self, sentence: _Cues, left: int) -> Cue | None:
        """The tense a sentence with no cue of its own takes from the one
        before it, when it goes on from it ("And on Sunday.")."""
        if not sentence.words or sentence.words[0] not in _CONTINUATIONS or not left:
            return None
        index = self._paragraph.sentence_index(left)
        tense = _TENSES[self._carried_by(index - 1)] if index else None
        return Cue(tense, False) if tense else None

    def _carried_by(self, index: int) -> int:
        """The tense sentence `index` carries into the next: that of its last
        cue, or the one it carries itself if it goes on from the one before.
        Remembered, so a run of such sentences costs one pass."""
        walked: list[int] = []
        tense = _NONE
        ends = self._paragraph.ends
        while index >= 0:
            if index in self._carried:
                tense = self._carried[index]
                break
            walked.append(index)
            left = ends[index - 1] if index else 0
            right = ends[index] if index < len(ends) else len(self._paragraph.text)
            sentence = self._cues(left, right)
            if sentence.cues:
                tense = sentence.cue_tenses[-1]
                break
            if not sentence.words or sentence.words[0] not in _CONTINUATIONS:
                break
            index -= 1
        for each in walked:
            self._carried[each] = tense
        return tense

    def tense(self, start: int, end: int) -> Tense | None:
        cue = self.cue(start, end)
        return cue.tense if cue else None

    def _comma_between(self, start: int, end: int) -> bool:
        if self._commas is None:
            self._commas = [m.start() for m in _COMMA.finditer(self._paragraph.text)]
        index = bisect_left(self._commas, start)
        return index < len(self._commas) and self._commas[index] < end

    def _break_between(self, start: int, end: int) -> bool:
        if self._breaks is None:
            self._breaks = [m.start() for m in _PHRASE_BREAK.finditer(self._paragraph.text)]
        index = bisect_left(self._breaks, start)
        return index < len(self._breaks) and self._breaks[index] < end

    def _with_auxiliary(self, cue: Cue, position: int, left: int) -> Cue:
        if cue.tense != "past":
            return cue
        text = self._paragraph.text
        if _FUTURE_AUXILIARY.search(text, max(left, position - _AUXILIARY_REACH), position):
            return Cue("future", cue.strong, cue.governed)  # "will be held on Friday"
        return cue


def _cue(word: str, after: list[str]) -> int:
    """What one word says of the tense, given the words after it in its sentence."""
    following = after[0] if after else ""
    if word in _FUTURE_WORDS or word.endswith(("'ll", "’ll")):
        return _FUTURE
    if word in _SCHEDULED:
        return _FUTURE if following in _SCHEDULED_AFTER else _NONE
    if word in _COPULAS:
        return _FUTURE if any(w in _COPULA_COMPLEMENTS for w in after[:_COPULA_REACH]) else _NONE
    if word in _FUTURE_BEFORE_TO:
        return _FUTURE if following == "to" else _NONE
    if word in _FUTURE_BEFORE_OBJECT_TO:
        return _FUTURE if "to" in after else _NONE
    if word in _FUTURE_PAIRS:
        return _FUTURE if following == _FUTURE_PAIRS[word] else _NONE
    if word == "due":
        second = after[1] if len(after) > 1 else ""
        return _NONE if following == "to" and second in _CAUSE_AFTER_DUE_TO else _FUTURE
    if word in _PAST_WORDS:
        return _PAST
    if len(word) > 3 and word.endswith("ed") and word[-3] != "e" and word not in _NOT_VERBS:
        return _PAST
    return _NONE
