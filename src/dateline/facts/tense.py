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

The words of a sentence are classified one by one from sets: a regular
expression with sixty alternatives tried at every position cost five times
as much.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUTURE_WORDS = _word_set(
    "will shall would planned expected expects scheduled upcoming next tomorrow must should"
    " preparing coming is are begins starts meets opens closes won't wouldn't shouldn't mustn't"
    " won’t wouldn’t shouldn’t mustn’t isn't aren't isn’t aren’t"
)
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
# Words ending in "-ed" that are no verbs.
_NOT_VERBS = _word_set(
    "hundred united limited sacred naked wicked ragged rugged kindred wretched beloved"
    " crooked jagged aged"
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
# A full stop after these ends no sentence: "Jan. 27", "Dr. Smith", "J. Smith".
_ABBREVIATIONS = _word_set(
    "mr mrs ms dr st jan feb mar apr jun jul aug sep sept oct nov dec no prof rev gen col lt"
    " sgt capt clr cllr sen rep gov inc ltd co vs etc approx"
)
_WORD_AT_END = re.compile(r"([A-Za-z]+)$")
# The head of a verb group that makes the participle after it future: "will be
# held", "will stay closed", "is due to be held", "are being held".
_FUTURE_AUXILIARY = re.compile(
    r"(?:\b(?:will|would|shall|must|should|is\s+being|are\s+being)|['’]ll|\bto(?=\s+b|\s+h))"
    r"(?:\s+[a-z]+){0,2}\s+$",
    re.IGNORECASE,
)
_WINDOW = 300


def tense_around(text: str, start: int, end: int) -> Tense | None:
    """The tense of the sentence holding `text[start:end]`, or None when the
    sentence gives no cue. Cues inside the date itself ("next Friday") are
    its own business and are skipped."""
    left, right = _sentence_bounds(text, start, end)
    words = [(m.group().lower(), m.start()) for m in _WORD.finditer(text, left, right)]
    before: tuple[Tense, int] | None = None
    after: tuple[Tense, int] | None = None
    # A date that opens its sentence ("On Friday, the union said ...") is
    # governed by the main verb after it, even a verb of saying.
    fronted = all(word in _OPENERS for word, position in words if position < start)
    for index, (word, position) in enumerate(words):
        if start <= position < end:
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        tense = _cue(word, following, words[index + 2][0] if index + 2 < len(words) else "")
        if tense == "past" and index and words[index - 1][0] == "to":
            continue  # "to quit": an infinitive takes its tense from the verb before it
        if tense is None:
            continue
        if position < start:
            before = (tense, position)
        elif word in _REPORTING_VERBS and "," in text[end:position] and not fronted:
            continue
        else:
            after = (tense, position)
            break
    cue = before or after
    if cue is None:
        return None
    tense, position = cue
    if tense == "past" and _FUTURE_AUXILIARY.search(text, max(left, position - 40), position):
        return "future"  # "will be held on Friday"
    return tense


def _cue(word: str, following: str, second: str) -> Tense | None:
    """What one word says of the tense, given the two words after it."""
    if word in _FUTURE_WORDS or word.endswith(("'ll", "’ll")):
        return "future"
    if word in _FUTURE_BEFORE_TO:
        return "future" if following == "to" else None
    if word in _FUTURE_PAIRS:
        return "future" if following == _FUTURE_PAIRS[word] else None
    if word == "due":
        return None if following == "to" and second in _CAUSE_AFTER_DUE_TO else "future"
    if word in _PAST_WORDS:
        return "past"
    if len(word) > 3 and word.endswith("ed") and word[-3] != "e" and word not in _NOT_VERBS:
        return "past"
    return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    for boundary in _SENTENCE_END.finditer(text, left, start):
        if _ends_sentence(text, boundary):
            left = boundary.end()
    for boundary in _SENTENCE_END.finditer(text, end, right):
        if _ends_sentence(text, boundary):
            return left, boundary.start()
    return left, right


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    """Whether a full stop (or ! or ?) and the space after it end a sentence:
    not after an abbreviation or an initial, nor before a lower-case word."""
    following = text[boundary.end() : boundary.end() + 1]
    if following.islower():
        return False
    if text[boundary.start()] != ".":
        return True
    word = _WORD_AT_END.search(text, max(0, boundary.start() - 12), boundary.start())
    if word is None:
        return True
    return not (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1)
