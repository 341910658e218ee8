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


class TenseIndex:
    """The tense cues of one paragraph, classified once, for any number of
    questions about the dates in it."""

    __slots__ = (
        "_breaks",
        "_carried",
        "_commas",
        "_last_cue",
        "_last_non_opener",
        "_next_cue",
        "_next_plain_cue",
        "_paragraph",
        "_positions",
        "_reporting",
        "_tenses",
    )

    def __init__(self, paragraph: ParagraphText) -> None:
        self._paragraph = paragraph
        text = paragraph.text
        matches = list(_WORD.finditer(text))
        self._positions = positions = [m.start() for m in matches]
        words = [m.group().lower() for m in matches]
        ends = paragraph.ends
        # The sentence of each word, walking the sentence ends alongside.
        sentences: list[int] = []
        sentence = 0
        for position in positions:
            while sentence < len(ends) and ends[sentence] <= position:
                sentence += 1
            sentences.append(sentence)
        count = len(words)
        tenses = [_NONE] * count
        reporting = [False] * count
        for index, word in enumerate(words):
            if word not in _CUE_WORDS and not word.endswith(("ed", "'ll", "’ll")):
                continue  # most words say nothing of the tense
            same = sentences[index]
            # A capital inside a prose sentence makes a name ("the Australian
            # Open in January", "Theresa May"), never a verb.
            if (
                text[positions[index]].isupper()
                and index
                and sentences[index - 1] == same
                and paragraph.style_at(positions[index]) == "prose"
            ):
                continue
            after = [
                words[k] for k in range(index + 1, min(count, index + 1 + _OBJECT_REACH))
                if sentences[k] == same
            ]  # fmt: skip
            tense = _cue(word, after)
            if tense and word in _SCHEDULED and index and words[index - 1] in _NOUN_LEADS:
                tense = _NONE  # "the close on Wednesday", "before the start in May": nouns
            if tense == _PAST and index and sentences[index - 1] == same:
                previous = words[index - 1]
                if previous == "to":
                    continue  # "to quit": an infinitive takes its tense from the verb before it
                if word.endswith("ed") and (
                    previous in _DETERMINERS or (tenses[index - 1] and previous not in _AUXILIARIES)
                ):
                    continue  # "a planned strike", "expected continued improvement"
            tenses[index] = tense
            reporting[index] = word in _REPORTING_VERBS
        self._tenses = tenses
        self._reporting = reporting
        # For each word: the nearest cue at or before it, the nearest at or
        # after it, the nearest at or after it that is no verb of saying, and
        # the nearest word at or before it that cannot open a sentence.
        last_cue, last_non_opener = [-1] * count, [-1] * count
        cue = non_opener = -1
        for index in range(count):
            if tenses[index]:
                cue = index
            if words[index] not in _OPENERS:
                non_opener = index
            last_cue[index], last_non_opener[index] = cue, non_opener
        next_cue, next_plain = [count] * (count + 1), [count] * (count + 1)
        cue = plain = count
        for index in range(count - 1, -1, -1):
            if tenses[index]:
                cue = index
                if not reporting[index]:
                    plain = index
            next_cue[index], next_plain[index] = cue, plain
        self._last_cue, self._last_non_opener = last_cue, last_non_opener
        self._next_cue, self._next_plain_cue = next_cue, next_plain
        self._commas = [m.start() for m in _COMMA.finditer(text)]
        self._breaks = [m.start() for m in _PHRASE_BREAK.finditer(text)]
        # For each sentence: the tense it carries into a sentence after it
        # that opens with "And", "But", ... and has no cue of its own.
        carried: list[int] = [_NONE] * (len(ends) + 1)
        first_word = 0
        for sentence in range(len(ends) + 1):
            last_word = first_word
            while last_word < count and sentences[last_word] == sentence:
                last_word += 1
            own = last_cue[last_word - 1] if last_word > first_word else -1
            if own >= first_word:
                carried[sentence] = tenses[own]
            elif sentence and first_word < last_word and words[first_word] in _CONTINUATIONS:
                carried[sentence] = carried[sentence - 1]
            first_word = last_word
        self._carried = carried

    def cue(self, start: int, end: int) -> Cue | None:
        """What the sentence holding `text[start:end]` says of its tense, or
        None when it gives no cue. Cues inside the date itself ("next Friday")
        are its own business and are skipped."""
        paragraph = self._paragraph
        left, right = paragraph.sentence_bounds(start, end)
        positions = self._positions
        first = bisect_left(positions, left)
        before_date = bisect_left(positions, start)
        after_date = bisect_left(positions, end)
        limit = bisect_left(positions, right)
        before = self._last_cue[before_date - 1] if before_date > first else -1
        if before >= first:
            governed = not self._break_between(positions[before], start)
            cue = Cue(_TENSES[self._tenses[before]], True, governed)  # type: ignore[arg-type]
            return self._with_auxiliary(cue, before, left)
        after = self._next_cue[after_date] if after_date < limit else limit
        if after >= limit:
            return self._carried_into(first, limit)
        # A date that opens its sentence ("On Friday, the union said ...") is
        # governed by the main verb after it, even a verb of saying.
        fronted = before_date == first or self._last_non_opener[before_date - 1] < first
        if self._reporting[after] and not fronted and self._comma_between(end, positions[after]):
            after = self._next_plain_cue[after]
            if after >= limit:
                return self._carried_into(first, limit)
        cue = Cue(_TENSES[self._tenses[after]], fronted)  # type: ignore[arg-type]
        return self._with_auxiliary(cue, after, left)

    def _carried_into(self, first: int, limit: int) -> Cue | None:
        """The tense a sentence with no cue of its own takes from the one
        before it, when it goes on from it ("And on Sunday.")."""
        if first >= limit:
            return None
        sentence = self._paragraph.sentence_index(self._positions[first])
        if not sentence or self._word(first) not in _CONTINUATIONS:
            return None
        tense = _TENSES[self._carried[sentence - 1]]
        return Cue(tense, False) if tense else None

    def _word(self, index: int) -> str:
        position = self._positions[index]
        match = _WORD.match(self._paragraph.text, position)
        return match.group().lower() if match else ""

    def tense(self, start: int, end: int) -> Tense | None:
        cue = self.cue(start, end)
        return cue.tense if cue else None

    def _comma_between(self, start: int, end: int) -> bool:
        index = bisect_left(self._commas, start)
        return index < len(self._commas) and self._commas[index] < end

    def _break_between(self, start: int, end: int) -> bool:
        index = bisect_left(self._breaks, start)
        return index < len(self._breaks) and self._breaks[index] < end

    def _with_auxiliary(self, cue: Cue, index: int, left: int) -> Cue:
        if cue.tense != "past":
            return cue
        position = self._positions[index]
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
