"""Money, percentages and counts.

Money and percentages are recognised by their signs ("£", "%", "per cent").
A count needs the thing counted: "450 staff" is a count of staff, while "123
moved on" has no noun and is left out, unless an earlier count in the same
sentence names it ("136 members of staff left - almost a dozen each week").
Years, dates, times, ordinals, lengths of time ("six months") and numbers that
are parts of names ("Radio 4") or of compounds ("24-hour", "four-page") are
not quantities.

The text of a quantity is the amount itself, with the counted noun for a
count; a hedge before it ("almost", "more than") is left out of the text and
sets `approximate` instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from dateline.facts.base import Quantity
from dateline.facts.numbers import LARGE_NUMBER_WORDS, ONES, SCALES, TENS, word_value


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Digits, with thousands separated by commas or not, and a decimal part. More
# than fifteen digits is an identifier, not an amount.
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})(?:\.[0-9]{1,6})?(?![0-9]|[.,][0-9])"

_CURRENCY = {
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "¥": "JPY",
    "₹": "INR",
    "USD": "USD",
    "GBP": "GBP",
    "EUR": "EUR",
    "pound": "GBP",
    "dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "rupee": "INR",
    "pence": "GBP",
    "p": "GBP",
    "cent": "USD",
}
_MAGNITUDE = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "tn": 10**12,
    "trn": 10**12,
    "trillion": 10**12,
}
_MONEY_SIGN = re.compile(
    r"(?<![A-Za-z0-9])(?P<cur>US\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|[£€$¥₹]|(?:USD|GBP|EUR)(?=\s?[0-9]))"
    rf"\s?(?P<num>{_NUMBER})"
    r"(?:\s?(?P<mag>(?i:thousand|million|billion|trillion|mn|bn|tn|trn|m|b|k))(?![A-Za-z]))?"
)
_MONEY_WORD = re.compile(
    rf"(?<![\w.,£$€¥₹])(?P<num>{_NUMBER})"
    r"(?:\s?(?P<mag>(?i:thousand|million|billion|trillion|bn|m))(?![A-Za-z]))?"
    r"\s+(?P<cur>(?i:pounds?|dollars?|euros?|pence|cents?|yen|rupees?))(?:\s+sterling)?\b"
)
_PENCE = re.compile(r"(?<![\w.,£$€¥₹])(?P<num>[0-9]{1,4}(?:\.[0-9]{1,2})?)(?P<cur>p)(?![\w])")
_PERCENT = re.compile(rf"(?<![\w.,£$€¥₹-])(?P<num>{_NUMBER})\s?(?:%|(?i:per\s?cent|percent|pc)\b)")
# Run only where "per cent" is written out: word alternations are slow to scan.
_PERCENT_IN_WORDS = re.compile(rf"\b(?P<num>(?i:{LARGE_NUMBER_WORDS}))\s(?i:per\s?cent|percent)\b")
_COUNT = re.compile(
    r"(?P<dozen>\b(?:(?P<times>half\s+a|a|two|three|four|five|six)\s+)?dozen\b)"
    r"|(?P<vague>\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands"
    r"|dozens|hundreds|thousands|millions|scores)\b)"
    rf"|(?P<words>\b{LARGE_NUMBER_WORDS}\b(?![-‐][A-Za-z]))"
    rf"|(?<![\w.,/£$€¥₹:–-])(?P<digits>{_NUMBER})"
    r"(?:\s(?P<scale>million|billion|thousand)\b|(?P<bn>bn|m)\b)?"
    # A letter or a joined word after the digits makes an ordinal, a time,
    # a compound ("24-hour") or a range ("20-30"): none is a count.
    r"(?![A-Za-z0-9%]|[-–/‐][0-9A-Za-z]|:[0-9])",
    re.IGNORECASE,
)
# Words that can begin a count in words; only at these is `_COUNT` tried,
# because scanning every position for its word alternations is slow.
_COUNT_STARTS = _word_set("a half dozen dozens hundreds thousands millions scores tens") | {
    *ONES,
    *TENS,
}
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_VAGUE_VALUE = {
    # The lead's reading: "dozens" at least two dozen; the rest their own size.
    "dozens": 24,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "scores": 40,
    "tens of thousands": 10**4,
    "hundreds of thousands": 10**5,
}
_HEDGE = re.compile(
    r"\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|more\s+than|over|some"
    r"|up\s+to|fewer\s+than|less\s+than|under|at\s+least|close\s+to|an\s+estimated"
    r"|estimated|upwards\s+of|as\s+many\s+as|as\s+much\s+as|circa|in\s+excess\s+of"
    r"|getting\s+on\s+for|the\s+best\s+part\s+of|nigh\s+on|north\s+of)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)")
_OF_PHRASE = re.compile(r"[ \t\u00a0]+of(?:[ \t\u00a0]+(?:the|these|those|their|its|our))?")
_IN_THEIR = re.compile(r"\bin\s+(?:their|the)\s+$", re.IGNORECASE)
_TOKEN_BEFORE = re.compile(r"(\S+)\s+$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s")
_CLAUSE_BREAK = re.compile(r"[.!?;][\"”’)]*\s")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Endings of capitalised plurals that name groups of people (Britons,
# Republicans, Tories), unlike place names that merely end in s (Kirklees).
_GROUP_ENDINGS = ("ans", "ons", "ers", "ists", "ites", "ies", "ats", "als", "ives", "ims", "ics")
_RATIO_BEFORE = re.compile(r"\b(?:one|[0-9]+)\s+in\s+$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"\s+in\s+(?:[0-9]|(?:two|three|four|five|six|seven|eight|nine|ten)\b)")
# "children's social workers have been rushing ... in their hundreds": the
# counted people are the subject of the verb before.
_SUBJECT = re.compile(
    r"\b(?:([a-z][a-z-]*)\s+)?([a-z][a-z-]*s)\s+"
    r"(?:have|has|had|are|were|was|is|will|would|could|can|may|might|must)\b"
)

_IRREGULAR_PLURALS = _word_set(
    "people staff children men women police personnel cattle sheep fish deer aircraft crew"
    " feet teeth mice geese data media criteria folk youth clergy livestock"
)
_CALENDAR_WORDS = _word_set(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " monday tuesday wednesday thursday friday saturday sunday"
    " second seconds minute minutes hour hours day days night nights week weeks fortnight"
    " fortnights month months year years decade decades century centuries am pm bc ad ago"
)
_STOPWORDS = _word_set(
    "a an the of to in on at for from by with and or but nor as than then that this these"
    " those which who whom whose what where when why how is are was were be been being have"
    " has had do does did will would shall should can could may might must not no so if per"
    " percent percentage cent each every more less most least also only just still now again"
    " too very out up down off over under into onto about after before since until while"
    " during between among its their his her our your my it they them he she we you i me us"
    " times say says said told left went came got took made gave saw quit fell rose lost won"
    " ran met sat stood held kept paid sent spent thought brought bought found became began"
    " broke chose drove flew grew knew led put read set shut spoke struck threw wrote"
    " remain remains stay leave leaving join go goes going come comes take takes make makes"
    " get gets give gives there here all both some any many much few several other another"
    " such own same one ones to-date yet already ever never always often plus minus"
    " pounds pound dollars dollar euros euro pence p"
)
# Words that sit between a number and its noun without being the noun.
_MODIFIERS = _word_set(
    "more new extra additional other further fewer full-time part-time former current"
    " existing qualified experienced permanent temporary young older senior junior"
)
# A head noun that takes its "of" phrase into the unit: "members of staff".
_PARTITIVES = _word_set(
    "members member pieces items cases sets pairs groups teams bags boxes bottles pages"
    " sheets cups units kinds types"
)
# Words that make the number after them a label, not a count ("page 3", "No 10").
_LABELS = _word_set(
    "no no. number page pages chapter section article clause room flat route junction"
    " platform level grade year class version ward bus tier phase stage category band key"
    " channel radio aged age ages size model line gate terminal exit apartment suite division"
    " league paragraph schedule part figure table item rule act form mark series season"
    " episode day week lot highway interstate road district block unit step point #"
)
# Before these a four-digit number is a year ("in 1974"), whatever follows.
_YEAR_LEADS = _word_set(
    "in since by until till from during before after between and to through throughout early"
    " late mid of the its their his her our this that last next year spring summer autumn"
    " winter"
)


@dataclass(slots=True, frozen=True)
class _Count:
    end: int
    unit: str


class _Spans:
    """Non-overlapping character spans, sorted so a check costs a bisection."""

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start)
        if index and self._ends[index - 1] > start:
            return True
        return index < len(self._starts) and self._starts[index] < end

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


# --- numbers ---------------------------------------------------------------


def _plain(amount: Decimal) -> int | float:
    """A whole amount as an int, so the export writes 5000000, not 5000000.0."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _is_hedged(text: str, start: int) -> bool:
    return _HEDGE.search(text, max(0, start - 40), start) is not None


def _token_before(text: str, start: int) -> str:
    match = _TOKEN_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1) if match else ""


def _token_start(text: str, start: int) -> int:
    match = _TOKEN_BEFORE.search(text, max(0, start - 40), start)
    return match.start(1) if match else start


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 10) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n–—-"


# --- money and percentages -------------------------------------------------


def _currency_name(sign: str) -> str:
    """The key of `_CURRENCY` for a sign or a word: "£", "pounds", "cents"."""
    if sign in _CURRENCY:
        return sign
    word = sign.lower()
    return word if word in _CURRENCY else word.removesuffix("s")


def _money(paragraph: str) -> Iterable[tuple[int, int, int | float, str]]:
    for pattern in (_MONEY_SIGN, _MONEY_WORD, _PENCE):
        for match in pattern.finditer(paragraph):
            name = _currency_name(match.group("cur").strip())
            if name not in _CURRENCY:
                continue
            amount = _decimal(match.group("num"))
            magnitude = (match.groupdict().get("mag") or "").lower()
            amount *= _MAGNITUDE.get(magnitude, 1)
            if name in {"p", "pence", "cent"}:
                amount /= 100
            yield match.start(), match.end(), _plain(amount), _CURRENCY[name]


def _percentages(paragraph: str) -> Iterable[tuple[int, int, int | float]]:
    for match in _PERCENT.finditer(paragraph):
        yield match.start(), match.end(), _plain(_decimal(match.group("num")))
    lowered = paragraph.lower()
    if "cent" not in lowered:
        return
    for match in _PERCENT_IN_WORDS.finditer(paragraph):
        if (value := word_value(match.group("num"))) is not None:
            yield match.start(), match.end(), value


# --- counts ----------------------------------------------------------------


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "’s", "'s"))


def _could_be_noun(word: str) -> bool:
    if len(word) < 2 or word in _STOPWORDS or word in _CALENDAR_WORDS:
        return False
    if word in ONES or word in TENS or word in SCALES:
        return False
    # Adverbs, past tenses and present participles follow a number as often as
    # nouns do ("123 moved on", "dozens leaving"); plurals in -ings are nouns.
    return not word.endswith(("ly", "ed", "ing"))


def _counted_noun(text: str, position: int, value: float) -> tuple[str, int] | None:
    """The noun a number counts, as (unit, end of the noun phrase)."""
    words: list[re.Match[str]] = []
    cursor = position
    while len(words) < 7 and (word := _NEXT_WORD.match(text, cursor)):
        words.append(word)
        cursor = word.end()
    index = 0
    # Proper-noun modifiers are passed over: "75 Unison members".
    while index < min(len(words), 3) and words[index].group(1)[0].isupper():
        name = words[index].group(1)
        if _PLURAL_ACRONYM.fullmatch(name):
            return name, words[index].end()  # "12 MPs"
        if name.lower() in _CALENDAR_WORDS or name.lower() in _STOPWORDS:
            return None  # "27 January", "4 The ..."
        index += 1
    counted = _common_noun(text, words, index, value)
    if counted is None and index and words[index - 1].group(1).endswith(_GROUP_ENDINGS):
        # A capitalised plural with no common noun after it is the noun: "3m Britons voted".
        return words[index - 1].group(1), words[index - 1].end()
    return counted


def _common_noun(
    text: str, words: list[re.Match[str]], index: int, value: float
) -> tuple[str, int] | None:
    """The lower-case noun phrase starting at `words[index]`, if there is one."""
    skipped = 0
    while index < len(words) and skipped < 2 and words[index].group(1) in _MODIFIERS:
        index += 1
        skipped += 1
    if index >= len(words):
        return None
    head = words[index].group(1)
    if not head.islower() or not _could_be_noun(head):
        return None
    unit, end = [head], words[index].end()
    # A noun before a plural noun modifies it ("social workers", "police
    # officers"); a regular plural before another word is the head itself.
    if index + 1 < len(words) and not head.endswith("s"):
        second = words[index + 1].group(1)
        if second.islower() and _is_plural(second) and _could_be_noun(second):
            unit, end = [head, second], words[index + 1].end()  # "social workers"
    if value != 1 and not _is_plural(unit[-1]):
        return None  # "the 2016 election": a number before a singular is no count
    if unit[-1] in _PARTITIVES and (of := _OF_PHRASE.match(text, end)):
        following = _NEXT_WORD.match(text, of.end())
        if following and following.group(1).islower() and _could_be_noun(following.group(1)):
            unit.append(text[end : following.end()].strip())
            end = following.end()
    return " ".join(" ".join(unit).split()), end


def _subject_noun(text: str, start: int) -> str | None:
    """The plural subject of the sentence before `start`, for "in their hundreds"."""
    sentence_start = 0
    for boundary in _SENTENCE_BREAK.finditer(text, max(0, start - 300), start):
        sentence_start = boundary.end()
    found: str | None = None
    for match in _SUBJECT.finditer(text, max(sentence_start, start - 300), start):
        modifier, noun = match.groups()
        if not _could_be_noun(noun):
            continue
        found = f"{modifier} {noun}" if modifier and _could_be_noun(modifier) else noun
    return found


def _is_label_or_name(paragraph: str, start: int) -> bool:
    """Whether the number at `start` is a label ("page 3") or part of a name
    ("Radio 4", "Article 50") rather than an amount."""
    token = _token_before(paragraph, start)
    if not token:
        return False
    bare = token.strip("\"“”‘’'(,").lower()
    if bare in _LABELS or token.lower() in _LABELS:
        return True
    if not token[0].isupper() or bare in _STOPWORDS or _HEDGE.search(bare + " "):
        return False
    return not _starts_sentence(paragraph, _token_start(paragraph, start))


def _is_year(paragraph: str, match: re.Match[str]) -> bool:
    digits = match.group("digits")
    if not (len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2199):
        return False
    if match.group("scale") or match.group("bn") or _is_hedged(paragraph, match.start()):
        return False
    if _token_before(paragraph, match.start()).lower() in _YEAR_LEADS:
        return True
    # Elsewhere it is a count only when a noun follows: "2000 people".
    return _counted_noun(paragraph, match.end(), int(digits)) is None


def _count_value(match: re.Match[str]) -> tuple[int | float, bool] | None:
    """The value of a count candidate, and whether the wording is vague."""
    if match.group("dozen"):
        times = (match.group("times") or "a").lower()
        return (6 if times.startswith("half") else 12 * (word_value(times) or 1)), False
    if match.group("vague"):
        return _VAGUE_VALUE[" ".join(match.group("vague").lower().split())], True
    if match.group("words"):
        words = match.group("words")
        value = word_value(words)
        # "one" is too often a pronoun ("one of the", "no one") to count.
        return None if value is None or words.lower() == "one" else (value, False)
    amount = _decimal(match.group("digits"))
    scale = (match.group("scale") or match.group("bn") or "").lower()
    return _plain(amount * _MAGNITUDE.get(scale, 1)), False


def _count_matches(paragraph: str) -> Iterable[re.Match[str]]:
    """What `_COUNT.finditer` would find, tried only where a count can begin."""
    resume = 0
    for token in _TOKEN.finditer(paragraph):
        start = token.start()
        if start < resume:
            continue
        if not token.group()[0].isdigit() and token.group().lower() not in _COUNT_STARTS:
            continue
        match = _COUNT.match(paragraph, start)
        if match:
            resume = match.end()
            yield match


def _counts(paragraph: str, taken: _Spans) -> Iterable[tuple[int, int, int | float, str, bool]]:
    last: _Count | None = None
    for match in _count_matches(paragraph):
        start, end = match.span()
        if taken.overlaps(start, end):
            continue
        if match.group("digits") and _is_year(paragraph, match):
            continue
        if _RATIO_BEFORE.search(paragraph, max(0, start - 12), start) or _RATIO_AFTER.match(
            paragraph, end
        ):
            continue  # "one in five" is a proportion, not five of anything
        if _is_label_or_name(paragraph, start):
            continue
        valued = _count_value(match)
        if valued is None:
            continue
        value, vague = valued
        approximate = vague or _is_hedged(paragraph, start)
        found = _count_unit(paragraph, match, value, last)
        if found is None:
            continue
        unit, text_end, borrowed = found
        if taken.overlaps(start, text_end):
            continue
        taken.add(start, text_end)
        if not borrowed:
            last = _Count(text_end, unit)
        yield start, text_end, value, unit, approximate


def _count_unit(
    paragraph: str, match: re.Match[str], value: float, last: _Count | None
) -> tuple[str, int, bool] | None:
    """The counted noun for a candidate: (unit, end of the text, borrowed)."""
    start, end = match.span()
    if match.group("vague"):
        # "hundreds of people"; "in their hundreds" counts the sentence's subject.
        of = _OF_PHRASE.match(paragraph, end)
        if of and (noun := _counted_noun(paragraph, of.end(), value)):
            return noun[0], noun[1], False
        if _IN_THEIR.search(paragraph, max(0, start - 20), start):
            subject = _subject_noun(paragraph, start)
            return (subject, end, False) if subject else None
        return None
    noun = _counted_noun(paragraph, end, value)
    if noun:
        return noun[0], noun[1], False
    if match.group("words") or last is None or end - last.end > 150:
        return None
    following = _NEXT_WORD.match(paragraph, end)
    if following and following.group(1).lower() in _CALENDAR_WORDS:
        return None  # "within 48 hours" is a length of time, not 48 of anything
    if _CLAUSE_BREAK.search(paragraph, last.end, start) or _OF_PHRASE.match(paragraph, end):
        return None  # another sentence, or "92 of the 136 staff" counting what follows
    # An elided noun is the one counted just before: "136 members of staff
    # left in 2013/14 - almost a dozen each week".
    return last.unit, end, True


# --- assembly --------------------------------------------------------------


def _signed_quantities(paragraph: str, index: int) -> Iterable[Quantity]:
    """Money and percentages, recognised by their signs, overlaps and all."""
    for start, end, value, currency in _money(paragraph):
        hedged = _is_hedged(paragraph, start)
        yield Quantity(paragraph[start:end], index, start, end, "money", value, currency, hedged)
    for start, end, value in _percentages(paragraph):
        hedged = _is_hedged(paragraph, start)
        yield Quantity(paragraph[start:end], index, start, end, "percent", value, "%", hedged)


def _paragraph_quantities(paragraph: str, index: int) -> list[Quantity]:
    taken = _Spans()
    found: list[Quantity] = []
    # Longest first, so "£1.2 million" beats "£1.2" and "5p" inside "£5p" loses.
    for quantity in sorted(
        _signed_quantities(paragraph, index),
        key=lambda q: (q.start_char - q.end_char, q.start_char),
    ):
        if not taken.overlaps(quantity.start_char, quantity.end_char):
            taken.add(quantity.start_char, quantity.end_char)
            found.append(quantity)
    for start, end, value, unit, approximate in _counts(paragraph, taken):
        found.append(
            Quantity(paragraph[start:end], index, start, end, "count", value, unit, approximate)
        )
    return sorted(found, key=lambda q: q.start_char)


def find_quantities(paragraphs: Sequence[str]) -> list[Quantity]:
    """Every amount of money, percentage and count, in reading order."""
    quantities: list[Quantity] = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        try:
            quantities += _paragraph_quantities(paragraph, index)
        except InvalidOperation:
            continue  # a number Decimal cannot hold; nothing else in it is worth a guess
    return quantities
