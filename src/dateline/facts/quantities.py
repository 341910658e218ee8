"""Money, percentages and counts.

Money and percentages are recognised by their signs ("£", "%", "per cent", "4
percentage points", "20 million pounds", "4.5 million guilders", "₹500 crore";
a lakh is 100,000 and a crore ten million rupees; "won" is Korea's money only
in a story about Korea). Cents beside an amount in another dollar ("45 cents
to C$14.20") are that dollar's. A count needs the thing counted: "450 staff"
is a count of staff, while "123 moved on" has no noun and is left out, unless
a count just before names it. A number with no noun takes the noun of the
count before it in the same clause ("136 members of staff left - almost a
dozen each week"), or, when it is the subject of a verb, of the count before
it in the same or the previous paragraph ("136 members of staff left in
2013/14." then "The following year 123 moved on", "saw dozens leaving each
month"). "180 of them" counts the nearest plural noun before it that is not
itself a subject ("family homes that local people could afford ... 180 of
them": homes).

Not quantities: years ("in 2016", "the 2016 season"; but "cut to 2000 homes"
is a count), dates ("27 January"), clock times ("3pm"), ordinals ("21st"), ages
("aged 45", "a 45-year-old"), lengths of time ("six months", which are
durations), measurements ("10 miles", "5km", "30C"), numbers that are parts of
names or labels ("Route 66", "Apollo 11", "Covid-19", "page 3") or of compounds
("24-hour", "four-page"), scores ("won 3-1"), numbers in league tables and
result lines ("Total (all out, 46.3 overs) 163"), things already named ("the
two candidates") and telephone numbers. Nor is a figure of more than fifteen
digits, separated or not: it is an identifier.

Everything is linear in the text: numbers in words are read from the word
that ends them back (never a long run of number words again from each of its
words), the characters already taken are marked in a byte array, and the
context of a number is read from the few words around it.

Proportions are not reported at all: "nine in 10 voters" is neither ten
voters nor, as written, a percentage, and "a third" is no percentage either.
Reading them as percentages would put a number in the reader's mouth that the
article never printed.

The text of a quantity is the amount itself, with the counted noun for a
count; a hedge before it ("almost", "more than") is left out of the text and
sets `approximate` instead, as does one after it ("£180,000 and up", "20 or so
jobs", "20-odd people"). Vague amounts are approximate with a fixed reading:
"dozens" 24, "scores" 40, "hundreds" 100, "thousands" 1,000.

The unit of a count is the noun phrase the article gives after the number, in
the plural, without words that only relate it to another amount ("more",
"further", "extra"): "450 staff" -> "staff", "136 members of staff" ->
"members of staff", "75 Unison members" -> "Unison members" (the name says
whose members), "300 nursing posts" -> "nursing posts", "40 more staff" ->
"staff". A container is counted on its own ("three bags of litter" -> "bags");
only words that say nothing alone ("members", "pieces", "kinds") take their
"of" phrase.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from dateline.facts.base import Quantity
from dateline.facts.numbers import (
    LARGE_NUMBER_WORDS,
    MAX_NUMBER_WORDS,
    NUMBER_WORDS,
    ONES,
    SCALES,
    TENS,
    word_value,
)
from dateline.facts.text import NUMBER, ArticleText, ParagraphText, matches_at


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Digits, with thousands separated by commas or not, and a decimal part. More
# than fifteen digits, separated or not, is an identifier, not an amount (and
# thousands of them would pass Python's limit on converting digits to an int).
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,15})(?:\.[0-9]{1,6})?(?![0-9]|[.,][0-9])"

# Signs, codes and names of currencies, keyed as `_currency_name` spells them.
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
    "Rs": "INR",
    "pound": "GBP",
    "quid": "GBP",
    "dollar": "USD",
    "us dollar": "USD",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "new zealand dollar": "NZD",
    "hong kong dollar": "HKD",
    "singapore dollar": "SGD",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "swiss franc": "CHF",
    # The currencies of 1990s wire copy, named in words.
    "french franc": "FRF",
    "belgian franc": "BEF",
    "deutsche mark": "DEM",
    "german mark": "DEM",
    "d-mark": "DEM",
    "dmark": "DEM",
    "taiwan dollar": "TWD",
    "new taiwan dollar": "TWD",
    "mexican peso": "MXN",
    "philippine peso": "PHP",
    "guilder": "NLG",
    "rupiah": "IDR",
    "won": "KRW",
    "lira": "ITL",
    "lire": "ITL",
    "peseta": "ESP",
    "baht": "THB",
    "ringgit": "MYR",
    "rand": "ZAR",
    "zloty": "PLN",
    "forint": "HUF",
    "shekel": "ILS",
    "escudo": "PTE",
    "drachma": "GRD",
    "schilling": "ATS",
    "pence": "GBP",
    "p": "GBP",
    "cent": "USD",
}
_ISO_CODES = sorted(
    _word_set(
        "USD GBP EUR JPY INR CNY CHF AUD CAD NZD HKD SGD ZAR SEK NOK DKK RUB BRL"
        " NLG IDR KRW ITL ESP THB MYR PLN HUF ILS DEM FRF BEF TWD MXN PHP"
    )
)
_CURRENCY.update({code: code for code in _ISO_CODES})
_SUBUNITS = {"p", "pence", "cent"}
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
    # Indian English: a lakh is 100,000 and a crore ten million.
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
    "lakh crore": 10**12,
}
_MONEY_MAGNITUDE = (
    r"(?i:thousand|million|billion|trillion|lakh\s+crore|crores?|lakhs?|mn|bn|tn|trn|m|b|k)"
)
_MONEY_SIGN = re.compile(
    r"(?<![A-Za-z0-9])(?P<cur>US\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|[£€$¥₹]|Rs\.?(?=\s?[0-9])"
    rf"|(?:{'|'.join(_ISO_CODES)})(?=\s?[0-9]))"
    rf"\s?(?P<num>{_NUMBER})"
    rf"(?:\s?(?P<mag>{_MONEY_MAGNITUDE})(?![A-Za-z]))?"
)
_CURRENCY_WORDS = (
    r"(?i:(?:US|Australian|Canadian|New\s+Zealand|Hong\s+Kong|Singapore|(?:New\s+)?Taiwan)"
    r"\s+dollars?|(?:Swiss|French|Belgian)\s+francs?|(?:Deutsche|German)\s+marks?|D-?marks?"
    r"|(?:Mexican|Philippine)\s+pesos?|pounds?|dollars?|euros?|pence|cents?|yen|yuan|rupees?"
    r"|roubles?|rubles?|quid|guilders?|rupiah|won|lire|lira|pesetas?|baht|ringgit|rand"
    r"|zlotys?|forints?|shekels?|escudos?|drachmas?|schillings?)"
)
_MONEY_WORD = re.compile(
    rf"(?<![\w.,£$€¥₹])(?P<num>{_NUMBER})"
    r"(?:\s?(?P<mag>(?i:thousand|million|billion|trillion|lakh\s+crore|crores?|lakhs?|bn|m))"
    r"(?![A-Za-z]))?"
    rf"\s+(?P<cur>{_CURRENCY_WORDS})(?:\s+sterling)?\b"
)
# "five million dollars", "half a million pounds": the currency is looked for
# after each word that can end a number, and the number's start among the few
# words before it (see _after_number_words), so that a long run of number
# words is never scanned again from each of its words.
_MONEY_IN_WORDS = re.compile(rf"half\s+a\s+(?:million|billion)|{LARGE_NUMBER_WORDS}", re.IGNORECASE)
_PERCENT_IN_WORDS = re.compile(LARGE_NUMBER_WORDS, re.IGNORECASE)
_CURRENCY_AFTER_WORDS = re.compile(
    rf"\s+(?P<cur>{_CURRENCY_WORDS})(?:\s+sterling)?\b(?![-‐][A-Za-z])", re.IGNORECASE
)
# A word that can end a number in words, and how far back its start may be.
_NUMBER_END = re.compile(
    rf"\b(?:{'|'.join(sorted({*ONES, *TENS, *SCALES}, key=len, reverse=True))})\b", re.IGNORECASE
)
_NUMBER_END_WORDS = frozenset({*ONES, *TENS, *SCALES})
_NUMBER_REACH = 400
_NUMBER_STARTS = frozenset({*ONES, *TENS, "a", "half"})
_LETTERS = re.compile(r"[A-Za-z]+")
_CURRENCY_WORD_STEMS = (
    "pound", "dollar", "euro", "pence", "cent", "yen", "yuan", "rupee", "rouble", "ruble",
    "franc", "quid", "mark", "peso", "guilder", "rupiah", "won", "lire", "lira", "peseta",
    "baht", "ringgit", "rand", "zlot", "forint", "shekel", "escudo", "drachma", "schilling",
)  # fmt: skip
# "won" is Korea's currency only in a story about Korea; elsewhere it is a verb.
_KOREA = ("Korea", "KOREA", "Seoul", "SEOUL")
# Subunits named in words take the currency of an amount in the same sentence
# written with a sign of the dollar family: "rose 45 cents to C$14.20".
_DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD"})
# Where _MONEY_SIGN can begin: a currency's sign, or the letters that stand
# before one or are its code ("US$", "HK$", "Rs", "GBP").
_CURRENCY_SIGN = re.compile("[£€$¥₹]")
_CURRENCY_LETTERS = frozenset(
    {"us", "a", "au", "c", "ca", "nz", "hk", "s", "rs", *(code.lower() for code in _ISO_CODES)}
)


def _currency_sign_starts(text: ParagraphText) -> list[int]:
    paragraph = text.text
    signs = [match.start() for match in _CURRENCY_SIGN.finditer(paragraph)]
    # The letters of a sign or a code are capitals ("A$", "GBP"): the many
    # words "a" and "s" in lower case begin none.
    letters = [start for start in text.starts_of(_CURRENCY_LETTERS) if paragraph[start] <= "Z"]
    return sorted(signs + letters) if signs and letters else signs or letters


# "40p", but not "3p.m." or "4pm".
_PENCE = re.compile(
    r"(?<![\w.,£$€¥₹])(?P<num>[0-9]{1,4}(?:\.[0-9]{1,2})?)(?P<cur>p)(?!\w|\.[A-Za-z])"
)
# "4 percentage points" is a percent too, points of it.
_PERCENT = re.compile(
    rf"(?<![\w.,£$€¥₹-])(?P<num>{_NUMBER})\s?"
    r"(?:%|(?i:per\s?cent|percent|pc|percentage\s+points?)\b)"
)
# "ten per cent": looked for as money in words is.
_PERCENT_AFTER_WORDS = re.compile(r"\s(?:per\s?cent|percent)\b", re.IGNORECASE)
# Digits first: the alternatives start differently, and a failed digit test is
# cheaper than the failed word alternations it saves at every digit.
_COUNT = re.compile(
    rf"(?<![\w.,/£$€¥₹:–-])(?P<digits>{_NUMBER})"
    r"(?:\s(?P<scale>million|billion|thousand|trillion|lakh|crore)\b|(?P<bn>bn|m)\b)?"
    # A letter or a joined word after the digits makes an ordinal, a time,
    # a compound ("24-hour"), a measurement ("5km") or a range ("20-30"):
    # none is a count.
    r"(?![A-Za-z0-9%]|[-–/‐](?!odd\b|plus\b)[0-9A-Za-z]|:[0-9])"
    r"|(?P<dozen>\b(?:(?P<times>half\s+a|a|two|three|four|five|six)\s+)?dozen\b)"
    r"|(?P<vague>\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions"
    r"|dozens|hundreds|thousands|millions|scores)\b)"
    rf"|(?P<words>\b{LARGE_NUMBER_WORDS}\b(?![-‐][A-Za-z]))",
    re.IGNORECASE,
)
# Words that can begin a count in words; only at these is `_COUNT` tried,
# because scanning every position for its word alternations is slow.
_COUNT_STARTS = _word_set("a half dozen dozens hundreds thousands millions scores tens") | {
    *ONES,
    *TENS,
}
_COUNT_FIRST = _COUNT_STARTS | {NUMBER}
# A lone "a" begins a count only before one of these ("a dozen", "a hundred"),
# and "half" only in "half a dozen": the commonest word of all is not tried
# as a count in a paragraph that holds none of them.
_AFTER_A = frozenset({"dozen", "hundred", "thousand", "million", "billion"})
_COUNT_FIRST_BUT_HALF = _COUNT_FIRST - {"half"}
_COUNT_FIRST_BUT_A = _COUNT_FIRST - {"a", "half"}
_VAGUE_VALUE = {
    # The lead's reading: "dozens" at least two dozen; the rest their own size.
    "dozens": 24,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "scores": 40,
    "tens of thousands": 10**4,
    "hundreds of thousands": 10**5,
    "tens of millions": 10**7,
}
# Hedges after an amount: "£180,000 and up", "300 or more people", "20-odd people".
_HEDGE_AFTER = re.compile(
    r"(?:\s+(?:and\s+(?:up|upwards|over|above|more)|or\s+(?:more|so|over|above|thereabouts))"
    r"|-(?:odd|plus))\b",
    re.IGNORECASE,
)
# Hedges before an amount, as the words just before it read in lower case.
_HEDGES = _word_set(
    "about around approximately approx. approx roughly nearly almost over some under"
    " estimated circa approaching"
) | {
    "more than", "up to", "fewer than", "less than", "at least", "at most", "close to",
    "an estimated", "upwards of", "as many as", "as much as", "in excess of",
    "getting on for", "the best part of", "nigh on", "north of",
}  # fmt: skip
_HEDGE_WORDS = 4
# The last word of each hedge.
_HEDGE_LAST = frozenset(hedge.rsplit(" ", 1)[-1] for hedge in _HEDGES)
_HEDGE_REACH = 40
_OPENING_MARKS = "\"'“‘([{"
_HEDGE = re.compile(
    r"\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|more\s+than|over|some"
    r"|up\s+to|fewer\s+than|less\s+than|under|at\s+least|at\s+most|close\s+to|an\s+estimated"
    r"|estimated|upwards\s+of|as\s+many\s+as|as\s+much\s+as|circa|in\s+excess\s+of"
    r"|getting\s+on\s+for|the\s+best\s+part\s+of|nigh\s+on|north\s+of|approaching)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)")
_OF_PHRASE = re.compile(r"[ \t\u00a0]+of(?:[ \t\u00a0]+(?:the|these|those|their|its|our))?")
_IN_THEIR = re.compile(r"\bin\s+(?:their|the)\s+$", re.IGNORECASE)
_TOKEN_BEFORE = re.compile(r"(\S+)\s+$")
_CLAUSE_BREAK = re.compile(r"[.!?;][\"”’)]*\s")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Endings of capitalised plurals that name groups of people (Britons,
# Republicans, Tories), unlike place names that merely end in s (Kirklees).
_GROUP_ENDINGS = ("ans", "ons", "ers", "ists", "ites", "ies", "ats", "als", "ives", "ims", "ics")
_CLOCK_AFTER = re.compile(r"\s*[ap]\.m\.", re.IGNORECASE)
# A number in words after these refers to things already named.
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those)\s+(?:top\s+|other\s+|last\s+|first\s+)?$", re.IGNORECASE
)
# "one in five", "nine out of 10", "one in every four": proportions.
_RATIO_BEFORE = re.compile(
    rf"\b(?:{NUMBER_WORDS}|[0-9]+)\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.IGNORECASE
)
_RATIO_AFTER = re.compile(
    rf"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:[0-9]|(?:{NUMBER_WORDS})\b)", re.IGNORECASE
)
# "2010 to 2015": the second number of a range of years is a year too.
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:1[0-9]|2[01])[0-9]{2}\s+(?:to|and|or)\s+$")
# "180 of them", "40 of those": a count of something named before.
_PRONOUN_OF = re.compile(r"\s+of\s+(?:them|these|those|us|you)\b(?!\s+[a-z]+s\b)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# After these a bare number is a time or a place in a list, not a subject: "at 10 started".
_TIME_PREPOSITIONS = _word_set("at by to from until till on for after before past since of")
_AUXILIARIES = _word_set("have has had are were was is will would could can may might must")
# "children's social workers have been rushing ... in their hundreds": the
# counted people are the subject of the verb before.
_SUBJECT = re.compile(
    r"\b((?:[a-z][a-z'’-]*\s+){0,2})([a-z][a-z-]*s)\s+"
    r"(?:have|has|had|are|were|was|is|will|would|could|can|may|might|must)\b"
)

_IRREGULAR_PLURALS = _word_set(
    "people staff children men women police personnel cattle sheep fish deer aircraft crew"
    " feet teeth mice geese data media criteria folk youth clergy livestock"
)
# Compounds keep the plural of their last part: "grandchildren", "firemen", "townsfolk".
_IRREGULAR_ENDINGS = ("children", "people", "men", "folk", "staff")
_MONTHS_AND_WEEKDAYS = _word_set(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " monday tuesday wednesday thursday friday saturday sunday"
)
_CALENDAR_WORDS = _MONTHS_AND_WEEKDAYS | _word_set(
    "second seconds minute minutes hour hours day days night nights week weeks fortnight"
    " fortnights month months year years decade decades century centuries am pm bc ad ago"
)
# Units of measure: "10 miles" is a distance, not ten things.
_MEASURES = _word_set(
    "mile miles kilometre kilometres kilometer kilometers km kms metre metres meter meters"
    " centimetres centimeters millimetres millimeters foot feet inch inches yard yards acre"
    " acres hectare hectares tonne tonnes ton tons kilo kilos kilogram kilograms kg grams"
    " ounces ounce lb lbs stone litre litres liter liters gallon gallons pint pints degree"
    " degrees calories kilowatts megawatts gigawatts watts volts bytes megabytes gigabytes"
    " terabytes mph knots points"
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
    " such own same one ones to-date yet already ever never always often plus minus yes"
    " against across per cent pounds pound dollars dollar euros euro pence p"
)
# Words that only relate the amount to another ("a further 92 members"): they
# are passed over and left out of the unit.
_RELATIONAL = _word_set("more extra additional other further fewer")
# Descriptive words that may stand before the counted noun although they look
# like adverbs or participles, which usually follow a number that has no noun.
_DESCRIPTIVE = _word_set(
    "new full-time part-time former current existing qualified experienced permanent"
    " temporary young older senior junior skilled unskilled highly low-paid well-paid"
    " elderly vulnerable frontline front-line registered trained newly armed unarmed injured likely"
    " disabled retired serving striking working remaining missing unpaid paid agency local"
)
# A head noun that takes its "of" phrase into the unit: "members of staff".
# Containers ("bags of rubbish") are counted nouns on their own.
_PARTITIVES = _word_set("members member pieces items cases sets pairs groups units kinds types")
# Words that make the number after them a label, not a count ("page 3", "No 10").
_LABELS = _word_set(
    "no no. number page pages chapter section article clause room flat route junction"
    " platform level grade year class version ward bus tier phase stage category band key"
    " channel radio aged age ages size model line gate terminal exit apartment suite division"
    " league paragraph schedule part figure table item rule act form mark series season"
    " episode day week lot highway interstate road district block unit step point #"
)
# "Last year 300 people": after these a time word is no label.
_TIME_LABELS = _word_set("year day week season month")
_DEICTIC = _word_set(
    "last this next each every following same that previous per a one the whole coming"
)
# Before these a four-digit number is a year ("in 1974"), whatever follows.
_YEAR_LEADS = _MONTHS_AND_WEEKDAYS | _word_set(
    "in since by until till from during before after between and through throughout early"
    " late mid the its their his her our this that last next year spring summer autumn"
    " winter or"
)
# Plural nouns a year qualifies: "2016 figures show", "2012 Olympics".
_YEAR_NOUNS = _word_set(
    "results figures accounts elections games olympics championships finals budgets"
    " statistics stats awards plans campaigns levels prices rates numbers standards"
    " regulations rules guidelines reforms protests riots floods attacks winners"
    " graduates models editions cuts"
)
# Verbs after which a bare number is the subject, counting what was counted
# just before it ("123 moved on", "99 called time", "60 voted yes").
_SUBJECT_VERBS = _word_set(
    "left quit went came said say says were are have had will would could did took got lost"
    " won remained remain stayed stay agreed refused signed joined resigned retired walked"
    " died voted chose opted failed applied attended responded replied did do"
)


@dataclass(slots=True, frozen=True)
class _Count:
    """The last count with a noun of its own, which a bare number may borrow.
    `end` is -1 when it was in the previous paragraph."""

    end: int
    unit: str


class _Spans:
    """The characters of a paragraph already taken by a quantity, marked in a
    byte array: a check scans the candidate's own span in C, and adding one
    costs its length, however many spans there are."""

    __slots__ = ("_taken",)

    def __init__(self, size: int) -> None:
        self._taken = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) != -1

    def add(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


# --- numbers ---------------------------------------------------------------


def _plain(amount: Decimal) -> int | float:
    """A whole amount as an int, so the export writes 5000000, not 5000000.0."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _magnitude(word: str | None) -> int:
    return _MAGNITUDE.get(" ".join((word or "").lower().split()), 1)


def _is_hedged(text: str, start: int) -> bool:
    """Whether a hedge ("about", "more than") stands just before `start`.

    Only the words just before are looked at: searching a window for a
    pattern that must end at its end tries every position in it, and this is
    asked of every number."""
    window = text[max(0, start - _HEDGE_REACH) : start]
    if not window or not window[-1].isspace():
        return False
    words = window.lower().split()[-_HEDGE_WORDS:]
    last = words[-1] if words else ""
    if last not in _HEDGE_LAST and last.lstrip(_OPENING_MARKS) not in _HEDGE_LAST:
        return False  # no hedge ends with the word before
    for count in range(1, len(words) + 1):
        # "(about 20": the hedge starts after the bracket.
        first = words[-count].lstrip(_OPENING_MARKS)
        if " ".join([first, *words[len(words) - count + 1 :]]) in _HEDGES:
            return True
    return False


def _token_before(text: str, start: int) -> str:
    """The run of non-space characters before the space before `start`."""
    return _token_span(text, start)[0]


def _token_start(text: str, start: int) -> int:
    token, at = _token_span(text, start)
    return at if token else start


def _token_span(text: str, start: int) -> tuple[str, int]:
    """What `(\\S+)\\s+$` finds in the 40 characters before `start`, and where,
    found from the end rather than tried at each of them."""
    floor = max(0, start - 40)
    end = start
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end in (start, floor):
        return "", start
    begin = end
    while begin > floor and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end], begin


def _bare(token: str) -> str:
    return token.strip("\"“”‘’'(,").lower()


def _starts_sentence(paragraph: ParagraphText, start: int) -> bool:
    """Whether `start` opens a sentence (as the text layer cuts them) or a
    clause after a colon, semicolon or dash."""
    before = paragraph.text[max(0, start - 10) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ":;\n–—-" or paragraph.starts_sentence(start)


# --- money and percentages -------------------------------------------------


def _currency_name(sign: str) -> str:
    """The key of `_CURRENCY` for a sign or a word: "£", "Rs.", "pounds", "US dollars"."""
    if sign in _CURRENCY:
        return sign
    if sign.rstrip(".") in _CURRENCY:
        return sign.rstrip(".")
    words = " ".join(sign.lower().split())
    return words if words in _CURRENCY else words.removesuffix("s")


def _money(text: ParagraphText, korea: bool) -> Iterable[tuple[int, int, int | float, str]]:
    paragraph = text.text
    numbers = text.words_at.get(NUMBER, [])
    # Each pattern is tried only where its match can begin: at a currency's
    # sign or code, or at a number.
    patterns = [(_MONEY_SIGN, _currency_sign_starts(text)), (_PENCE, numbers)]
    lowered = paragraph.lower()
    # The patterns that end in a currency's name run only where one is named.
    in_words = any(map(lowered.__contains__, _CURRENCY_WORD_STEMS))
    if in_words:
        patterns.append((_MONEY_WORD, numbers))
    for pattern, starts in patterns:
        for match in matches_at(pattern, paragraph, starts):
            name = _currency_name(match.group("cur").strip())
            if name not in _CURRENCY or (name == "won" and not korea):
                continue
            amount = _decimal(match.group("num")) * _magnitude(match.groupdict().get("mag"))
            yield _money_fact(match.start(), match.end(), amount, name)
    if not in_words:
        return
    for start, number, currency in _after_number_words(
        text, _MONEY_IN_WORDS, _CURRENCY_AFTER_WORDS
    ):
        name = _currency_name(currency.group("cur").strip())
        if name not in _CURRENCY or (name == "won" and not korea):
            continue
        amount = _words_amount(number)
        if amount is not None:
            yield _money_fact(start, currency.end(), amount, name)


def _money_fact(
    start: int, end: int, amount: Decimal, name: str
) -> tuple[int, int, int | float, str]:
    if name in _SUBUNITS:
        amount /= 100  # "40p" is £0.40
    return start, end, _plain(amount), _CURRENCY[name]


def _words_amount(number: str) -> Decimal | None:
    """The amount of a number in words: "five million", "half a billion"."""
    words = " ".join(number.lower().split())
    if words.startswith("half a "):
        return Decimal(_magnitude(words.removeprefix("half a "))) / 2
    value = word_value(words)
    return None if value is None else Decimal(value)


def _after_number_words(
    text: ParagraphText, number: re.Pattern[str], sign: re.Pattern[str]
) -> Iterable[tuple[int, str, re.Match[str]]]:
    """Numbers in words (`number`) followed by `sign` (a currency, "per
    cent"), as (start of the number, the number, the sign's match), in
    reading order.

    The sign is tried after each word that can end a number, and the number's
    start is the earliest of the `MAX_NUMBER_WORDS` words before it (within
    `_NUMBER_REACH` characters) from which the words read as one number: what
    a regular expression scanning every position would find, without giving
    back a long run of number words one word at a time from each of its
    words."""
    paragraph = text.text
    resume = 0
    if text.folds_into_ascii:
        ends: Iterable[re.Match[str]] = _NUMBER_END.finditer(paragraph)
    else:
        ends = matches_at(_NUMBER_END, paragraph, text.starts_of(_NUMBER_END_WORDS))
    for last in ends:
        end = last.end()
        after = sign.match(paragraph, end)
        if after is None:
            continue
        floor = max(resume, end - _NUMBER_REACH)
        words = list(_LETTERS.finditer(paragraph, floor, end))[-MAX_NUMBER_WORDS:]
        for word in words:
            start = word.start()
            if word.group().lower() not in _NUMBER_STARTS or (
                start and _is_word_character(paragraph[start - 1])
            ):
                continue
            if number.fullmatch(paragraph, start, end):
                resume = after.end()
                yield start, paragraph[start:end], after
                break


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _percentages(text: ParagraphText) -> Iterable[tuple[int, int, int | float]]:
    paragraph = text.text
    for match in matches_at(_PERCENT, paragraph, text.words_at.get(NUMBER, [])):
        yield match.start(), match.end(), _plain(_decimal(match.group("num")))
    lowered = paragraph.lower()
    if "cent" not in lowered:
        return
    for start, number, after in _after_number_words(text, _PERCENT_IN_WORDS, _PERCENT_AFTER_WORDS):
        if (value := word_value(number)) is not None:
            yield start, after.end(), value


# --- counts ----------------------------------------------------------------


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS or word.endswith(_IRREGULAR_ENDINGS):
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


def _could_be_modifier(word: str, words: list[re.Match[str]], index: int) -> bool:
    """Whether `word` can qualify the plural noun after it: "social workers",
    "nursing posts", "engineering students", but not "123 moved on"."""
    if _could_be_noun(word):
        return True
    if not word.endswith(("ing", "ed")) or word in _STOPWORDS or index + 1 >= len(words):
        return False
    following = words[index + 1].group(1)
    return following.islower() and _is_plural(following) and _could_be_noun(following)


def _unit(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _counted_noun(
    text: str, position: int, value: float, *, named_number: bool = False
) -> tuple[str, int] | None:
    """The noun a number counts, as (unit, end of the noun phrase).

    `named_number` is set for a number in words with a capital inside a
    sentence, which before a capitalised noun is a name ("Three Lions")."""
    words: list[re.Match[str]] = []
    cursor = position
    while len(words) < 8 and (word := _NEXT_WORD.match(text, cursor)):
        words.append(word)
        cursor = word.end()
    index = 0
    # Proper-noun modifiers stay in the unit: "75 Unison members", "12 Labour MPs",
    # "two Major League Soccer teams".
    while index < min(len(words), 4) and words[index].group(1)[0].isupper():
        name = words[index].group(1)
        if name.lower() in _CALENDAR_WORDS or name.lower() in _STOPWORDS:
            return None  # "27 January", "4 The ..."
        if _PLURAL_ACRONYM.fullmatch(name):
            return _unit(text, words[0].start(1), words[index].end()), words[index].end()
        index += 1
    if index and named_number:
        return None
    # After a name the counted noun comes at once: "2 Sisters Food Group cut jobs"
    # counts no jobs.
    counted = _common_noun(text, words, index, value, after_name=index > 0)
    if counted is not None:
        start, end = counted
        start = words[0].start(1) if index else start
        return _unit(text, start, end), end
    last = words[index - 1] if index else None
    following_is_name = index < len(words) and words[index].group(1)[0].isupper()
    if last and last.group(1).endswith(_GROUP_ENDINGS) and not following_is_name:
        # A capitalised plural with no common noun after it is the noun: "3m Britons voted".
        return _unit(text, words[0].start(1), last.end()), last.end()
    return None


def _common_noun(
    text: str, words: list[re.Match[str]], index: int, value: float, *, after_name: bool = False
) -> tuple[int, int] | None:
    """The lower-case noun phrase starting at `words[index]`, as its (start, end)."""
    skipped = 0
    while index < len(words) and skipped < 2 and words[index].group(1) in _RELATIONAL:
        index += 1
        skipped += 1
    first, descriptive, other = index, 0, 0
    # Up to two descriptive words and one noun may stand before the head:
    # "450 experienced staff", "30 social workers", "500 new council homes",
    # "300 nursing posts".
    while index < len(words):
        word = words[index].group(1)
        if not word.islower():
            return None
        if word in _DESCRIPTIVE and descriptive < 2:
            descriptive += 1
            index += 1
            continue
        if _is_plural(word) and _could_be_noun(word):
            break
        if value == 1 and not other and _could_be_noun(word):
            break
        if other or after_name or not _could_be_modifier(word, words, index):
            return None
        other += 1
        index += 1
    else:
        return None
    head = words[index].group(1)
    end = words[index].end()
    # An irregular plural before a plural noun modifies it ("police officers").
    if index + 1 < len(words) and not head.endswith("s"):
        second = words[index + 1].group(1)
        if second.islower() and _could_be_noun(second) and (_is_plural(second) or value == 1):
            head, end = second, words[index + 1].end()
    if value != 1 and not _is_plural(head):
        return None  # "the 2016 election": a number before a singular is no count
    if head in _MEASURES:
        return None
    if head in _PARTITIVES and (of := _OF_PHRASE.match(text, end)):
        following = _NEXT_WORD.match(text, of.end())
        if following and following.group(1).islower() and _could_be_noun(following.group(1)):
            end = following.end()
    return words[first].start(1), end


def _subject_noun(paragraph: ParagraphText, start: int) -> str | None:
    """The plural subject of the sentence before `start`, for "in their hundreds"."""
    text = paragraph.text
    sentence_start = paragraph.sentence_start(start)
    found: str | None = None
    for match in _SUBJECT.finditer(text, max(sentence_start, start - 300), start):
        modifiers, noun = match.groups()
        if not _could_be_noun(noun):
            continue
        # The modifiers next to the noun that can be nouns: "children’s social workers".
        kept = list(itertools.takewhile(_could_be_noun, reversed(modifiers.split())))
        found = " ".join([*reversed(kept), noun])
    return found


def _looks_like_day(match: re.Match[str]) -> bool:
    digits = match.group("digits")
    return bool(digits) and digits.isdigit() and 1 <= int(digits) <= 31


def _is_label_or_name(text: ParagraphText, match: re.Match[str]) -> bool:
    """Whether the number in `match` is a label ("page 3"), part of a name
    ("Radio 4", "Apollo 11", "iPhone 7") or the day of a date ("March 3")
    rather than an amount."""
    paragraph = text.text
    start = match.start()
    token = _token_before(paragraph, start)
    if not token:
        return False
    bare = _bare(token)
    if bare in _MONTHS_AND_WEEKDAYS:
        # "March 3" is a date, but "In March 2,000 people marched" is a count.
        return _looks_like_day(match)
    if bare in _TIME_LABELS:
        # "Year 3" is a label, but "last year 300 people" is a count.
        before = _token_before(paragraph, _token_start(paragraph, start))
        if _bare(before) in _DEICTIC:
            return False
    if bare in _LABELS or token.lower() in _LABELS:
        return True
    if not any(ch.isupper() for ch in token) or bare in _STOPWORDS or _HEDGE.search(bare + " "):
        return False
    return not _starts_sentence(text, _token_start(paragraph, start))


def _is_year(paragraph: str, match: re.Match[str]) -> bool:
    """Whether four digits are a year: "in 2000" is, "cut to 2000 homes" is not."""
    digits = match.group("digits")
    if not (len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2199):
        return False
    if match.group("scale") or match.group("bn"):
        return False
    start = match.start()
    if not _is_hedged(paragraph, start):
        lead = _bare(_token_before(paragraph, start))
        if lead in _YEAR_LEADS:
            return True
        if _YEAR_RANGE_BEFORE.search(paragraph, max(0, start - 20), start):
            return True
    # Elsewhere it is a count only when a common plural noun follows: "2000 people".
    noun = _counted_noun(paragraph, match.end(), int(digits))
    if noun is None or not noun[0][0].islower():
        return True
    return noun[0].split()[-1].lower() in _YEAR_NOUNS


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
    return _plain(amount * _magnitude(match.group("scale") or match.group("bn"))), False


def _count_matches(text: ParagraphText) -> Iterable[re.Match[str]]:
    """What `_COUNT.finditer` would find, tried only where a count can begin:
    at a number or a word of _COUNT_STARTS, found in the text layer's index."""
    first = _COUNT_FIRST
    if not text.folds_into_ascii:  # else "thouſand" is not listed under "thousand"
        at = text.words_at
        if "dozen" not in at:
            first = _COUNT_FIRST_BUT_A if _AFTER_A.isdisjoint(at) else _COUNT_FIRST_BUT_HALF
    return matches_at(_COUNT, text.text, text.starts_of(first))


def _is_proportion(paragraph: str, start: int, end: int) -> bool:
    """ "one in five", "nine out of 10": a proportion, not five of anything."""
    return bool(
        _RATIO_BEFORE.search(paragraph, max(0, start - 30), start)
        or _RATIO_AFTER.match(paragraph, end)
    )


def _is_verb_after_subject(word: str) -> bool:
    """Whether `word` after a bare number makes the number its subject: "123 moved on"."""
    return word in _SUBJECT_VERBS or (word.endswith("ed") and word not in _STOPWORDS)


def _antecedent(paragraph: str, start: int) -> str | None:
    """The plural noun a pronoun after the number at `start` stands for: the
    nearest one before it that is not the subject of a verb. In "We were
    promised family homes that local people could afford ... 180 of them",
    the homes, not the people."""
    words = _WORD.findall(paragraph, max(0, start - 300), start)
    for index in range(len(words) - 2, -1, -1):
        noun, following = words[index], words[index + 1]
        if not (noun.islower() and _is_plural(noun) and _could_be_noun(noun)):
            continue
        if following in _SUBJECT_VERBS or following in _AUXILIARIES:
            continue
        return noun
    return None


def _is_named_number(text: ParagraphText, match: re.Match[str]) -> bool:
    """A number in words capitalised inside a sentence: "Three Lions", "Four Tops"."""
    words = match.group("words")
    return bool(words) and words[0].isupper() and not _starts_sentence(text, match.start())


class _CountFinder:
    """Counts in one paragraph. `last` is the latest count with a noun of its
    own, which a bare number after it may borrow; it is carried over to the
    next paragraph."""

    def __init__(self, text: ParagraphText, taken: _Spans, carried: str | None) -> None:
        self.text = text
        self.paragraph = text.text
        self.taken = taken
        self.last = _Count(-1, carried) if carried else None

    def counts(self) -> Iterable[tuple[int, int, int | float, str, bool]]:
        paragraph = self.paragraph
        for match in _count_matches(self.text):
            start, end = match.span()
            if self.taken.overlaps(start, end):
                continue
            following = _NEXT_WORD.match(paragraph, end)
            if following and following.group(1).lower() in _CALENDAR_WORDS:
                continue  # "27 January", "six months", "3 pm": never a count (see _unit)
            if _CLOCK_AFTER.match(paragraph, end):
                continue  # "1 a.m."
            if match.group("words") and _DEFINITE_BEFORE.search(
                paragraph, max(0, start - 12), start
            ):
                continue  # "the two candidates", "the top two places": named before, not counted
            if match.group("digits") and _is_year(paragraph, match):
                continue
            if _is_proportion(paragraph, start, end) or _is_label_or_name(self.text, match):
                continue
            valued = _count_value(match)
            if valued is None:
                continue
            value, vague = valued
            after = _HEDGE_AFTER.match(paragraph, end)
            approximate = vague or bool(after) or _is_hedged(paragraph, start)
            found = self._unit(match, value, after.end() if after else end, following)
            if found is None:
                continue
            unit, text_end, borrowed = found
            if self.taken.overlaps(start, text_end):
                continue
            self.taken.add(start, text_end)
            if not borrowed:
                self.last = _Count(text_end, unit)
            yield start, text_end, value, unit, approximate

    def _unit(
        self,
        match: re.Match[str],
        value: float,
        noun_from: int,
        following: re.Match[str] | None,
    ) -> tuple[str, int, bool] | None:
        """The counted noun for a candidate: (unit, end of the text, borrowed).
        The noun is looked for from `noun_from`, past a hedge ("300 or more
        people"); `following` is the word after the candidate (_NEXT_WORD)."""
        paragraph = self.paragraph
        start, end = match.span()
        next_word = following.group(1).lower() if following else ""
        if match.group("vague"):
            return self._vague_unit(match, value, next_word)
        named = _is_named_number(self.text, match)
        noun = _counted_noun(paragraph, noun_from, value, named_number=named)
        if noun:
            return noun[0], noun[1], False
        if match.group("words"):
            return None
        if _PRONOUN_OF.match(paragraph, end):
            # "180 of them will be affordable": the homes the sentence spoke of.
            antecedent = _antecedent(paragraph, start)
            if antecedent is None and self.last is not None:
                antecedent = self.last.unit
            return (antecedent, end, True) if antecedent else None
        last = self.last
        if last is None:
            return None
        if next_word in _CALENDAR_WORDS or next_word in _MEASURES:
            return None  # "within 48 hours" is a length of time, not 48 of anything
        whole = "." not in (match.group("digits") or "")
        lead = _bare(_token_before(paragraph, start))
        if whole and lead not in _TIME_PREPOSITIONS and _is_verb_after_subject(next_word):
            # The subject of a verb counts what was counted just before, even
            # in the paragraph before: "The following year 123 moved on".
            return last.unit, end, True
        if last.end < 0 or end - last.end > 150:
            return None
        if _CLAUSE_BREAK.search(paragraph, last.end, start) or _OF_PHRASE.match(paragraph, end):
            return None  # another sentence, or "92 of the 136 staff" counting what follows
        # An elided noun is the one counted just before: "136 members of staff
        # left in 2013/14 - almost a dozen each week".
        return last.unit, end, True

    def _vague_unit(
        self, match: re.Match[str], value: float, next_word: str
    ) -> tuple[str, int, bool] | None:
        """The counted noun of "hundreds", "dozens", "thousands"."""
        paragraph = self.paragraph
        start, end = match.span()
        of = _OF_PHRASE.match(paragraph, end)
        if of and (noun := _counted_noun(paragraph, of.end(), value)):
            return noun[0], noun[1], False  # "hundreds of people"
        if next_word in _RELATIONAL and (noun := _counted_noun(paragraph, end, value)):
            return noun[0], noun[1], False  # "hundreds more bins"
        if _IN_THEIR.search(paragraph, max(0, start - 20), start):
            # "in their hundreds" counts the sentence's subject.
            subject = _subject_noun(self.text, start)
            return (subject, end, False) if subject else None
        if self.last and (next_word.endswith("ing") or _is_verb_after_subject(next_word)):
            # "saw dozens leaving each month": the staff counted just before.
            return self.last.unit, end, True
        return None


# --- assembly --------------------------------------------------------------


def _signed_quantities(text: ParagraphText, index: int, korea: bool) -> Iterable[Quantity]:
    """Money and percentages, recognised by their signs, overlaps and all."""
    paragraph = text.text
    for start, end, value, currency in _money(text, korea):
        hedged = _is_hedged(paragraph, start) or bool(_HEDGE_AFTER.match(paragraph, end))
        yield Quantity(paragraph[start:end], index, start, end, "money", value, currency, hedged)
    for start, end, value in _percentages(text):
        hedged = _is_hedged(paragraph, start) or bool(_HEDGE_AFTER.match(paragraph, end))
        yield Quantity(paragraph[start:end], index, start, end, "percent", value, "%", hedged)


def _paragraph_quantities(
    text: ParagraphText, index: int, carried: str | None, korea: bool = False
) -> tuple[list[Quantity], str | None]:
    """The quantities of one paragraph, and the counted noun to carry to the next."""
    paragraph = text.text
    taken = _Spans(len(paragraph))
    found: list[Quantity] = []
    # Longest first, so "£1.2 million" beats "£1.2" and "5p" inside "£5p" loses.
    for quantity in sorted(
        _signed_quantities(text, index, korea),
        key=lambda q: (q.start_char - q.end_char, q.start_char),
    ):
        if not taken.overlaps(quantity.start_char, quantity.end_char):
            taken.add(quantity.start_char, quantity.end_char)
            found.append(quantity)
    found = _cents_in_their_dollars(text, found)
    if text.table or _is_result_line(paragraph):
        # Numbers in league tables and result lines are no counts of things.
        return sorted(found, key=lambda q: q.start_char), None
    finder = _CountFinder(text, taken, carried)
    for start, end, value, unit, approximate in finder.counts():
        found.append(
            Quantity(paragraph[start:end], index, start, end, "count", value, unit, approximate)
        )
    # Only a count of this paragraph is carried: a noun two paragraphs back is stale.
    own = finder.last.unit if finder.last and finder.last.end >= 0 else None
    return sorted(found, key=lambda q: q.start_char), own


def _cents_in_their_dollars(text: ParagraphText, found: list[Quantity]) -> list[Quantity]:
    """Cents spoken of beside an amount in Canadian (or other) dollars are
    that currency's: "rose 45 cents to C$14.20". The amount is the one just
    before or just after, in the same sentence."""
    money = sorted((q for q in found if q.kind == "money"), key=lambda q: q.start_char)
    if len(money) < 2:
        return found
    replaced: dict[int, Quantity] = {}
    for position, quantity in enumerate(money):
        if quantity.unit != "USD" or not quantity.text.lower().rstrip().endswith(("cent", "cents")):
            continue
        sentence = text.sentence_index(quantity.start_char)
        for other in (
            money[position - 1] if position else None,
            money[position + 1] if position + 1 < len(money) else None,
        ):
            if (
                other is not None
                and other.unit in _DOLLARS
                and other.unit != "USD"
                and text.sentence_index(other.start_char) == sentence
            ):
                replaced[id(quantity)] = dataclasses.replace(quantity, unit=other.unit)
                break
    return [replaced.get(id(q), q) for q in found]


# A result line ("Feyenoord 2 Vitesse Arnhem 1", "Total (all out, 46.3 overs)
# 163"): a short line with no sentence end that ends with a number.
_LAST_NUMBER = re.compile(r"\(?[0-9]+(?:[.,:/-][0-9]+)*\)?")
_SENTENCE_MARK = re.compile(r"[.!?](?:\s|$)")
_RESULT_LINE_WORDS = 15


def _is_result_line(paragraph: str) -> bool:
    if len(paragraph) > 200:
        return False
    words = paragraph.split()
    return (
        1 < len(words) <= _RESULT_LINE_WORDS
        and _LAST_NUMBER.fullmatch(words[-1]) is not None
        and _SENTENCE_MARK.search(paragraph) is None
    )


def find_quantities(paragraphs: Sequence[str] | ArticleText) -> list[Quantity]:
    """Every amount of money, percentage and count, in reading order."""
    quantities: list[Quantity] = []
    carried: str | None = None
    article = ArticleText.of(paragraphs)
    korea = any(name in text.text for text in article.paragraphs for name in _KOREA)
    for index, text in enumerate(article.paragraphs):
        if not text.text:
            carried = None
            continue
        try:
            found, carried = _paragraph_quantities(text, index, carried, korea)
        except InvalidOperation:
            carried = None
            continue  # a number Decimal cannot hold; nothing else in it is worth a guess
        quantities += found
    return quantities
