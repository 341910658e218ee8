"""Dates and durations, resolved against the article's publication date.

Candidates come from compiled patterns, one per form of expression: finding
them is ours, because dateparser's search is slow and finds dates in words such
as "we" and "now". Explicit days and months without their year ("27 January",
"Jan. 27", "the 3rd of March", "in March") are then normalised by dateparser,
with RELATIVE_BASE set to the publication date and PREFER_DATES_FROM chosen from
the tense of the sentence (see tense.py); with their year ("27 January 2017",
"March 2015") they stand for themselves. Periods dateparser reads as a single day
or not at all ("next week", "this Friday", "November last year", "2013/14",
"the 1990s", "the following year") are resolved by our own rules, with plain
datetime arithmetic, and so are the few things dateparser gets wrong for news:
the publication day or month itself ("on 15 March" in an article of 15 March,
whatever the tense), a weekday that fixes the year ("Friday 27 January"), and
numeric dates, which are taken only when the article makes their order clear.

The text of a fact is the date expression itself: a leading preposition ("in
1974", "on Friday") is left out, a deictic word ("this Friday", "last week")
is kept because it changes the meaning.

Holidays are dates when they name a day: "Christmas Day", "Christmas Eve",
"Boxing Day", "New Year's Day", "Easter Sunday" always, a bare "Christmas" or
"Easter" only after a word that makes it a time ("at Christmas", "this
Christmas", "since Easter"), and never before a noun it qualifies ("Christmas
shopping", "the Easter holidays"). Christmas is 25 December, Easter its Sunday;
the American holidays ("Election Day", "Labor Day") fall on their weekdays.

Business copy names periods of a company's calendar ("third-quarter profit",
"fiscal 1997", "the current year"), which fiscal.py learns from the article,
and periods named from others ("the quarter", "a year earlier", "the
following year"), which references.py resolves in reading order. The
calendar arithmetic is in periods.py.

Everything is linear in the text: each pattern scans a paragraph once, a
match is checked against the spans kept before it with a Fenwick tree, the
choice among overlapping candidates marks taken characters in a byte
array, tense comes from an index of the paragraph's words (tense.py), and
references keep only the latest date of each kind. dateparser parses the
first 200 different expressions of an article; past that (a text of
thousands of different dates), our own arithmetic, which checks every
reading it gives, stands alone.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dateline.facts.base import DateFact, Duration
from dateline.facts.fiscal import FiscalCalendar, learn_calendar
from dateline.facts.numbers import NUMBER_WORDS, word_value
from dateline.facts.periods import (
    Period,
    century_period,
    day_period,
    decade_period,
    month_period,
    quarter_period,
    uk_fiscal_year,
    week_of,
    weekend_of,
    year_period,
    years_before,
    years_period,
)
from dateline.facts.references import Anaphor, History, Ledger, QuarterRef, YearBack
from dateline.facts.tense import Tense, TenseIndex
from dateline.facts.text import NUMBER, ArticleText, ParagraphText, matches_at

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAY_INDEX = {name: index for index, name in enumerate(_WEEKDAYS)}
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_NUMBER.update(
    {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
    | {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
)

_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
# Abbreviations are taken only next to a day number: alone, "Jan" and "Dec" are names.
# Their full stop belongs to them only before a number ("Feb. 3"); elsewhere it ends a sentence.
_ANY_MONTH = (
    rf"(?:{_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.(?=\s*[0-9]))?)"
    r"(?![A-Za-z])"
)
# "May" and "March" spoken of alone need one of these before them to be a
# month; without one, "May" is more often Theresa May. "on" is not one: "on
# May" is "pressure on May", never the month.
_DATE_PREPOSITIONS = _word_set(
    "in since by until till from during before after between and to through throughout"
    " early late mid end start beginning middle around circa of spring summer autumn winter"
    " last next this"
)
# After these, "May" or "March" is a month only in a list of months ("April and May").
_LIST_WORDS = _word_set("and to or between through")
_MONTH_IN_LIST = re.compile(
    rf"\b(?:{_MONTH}|Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b[^.!?]{{0,12}}$"
)
# A year alone needs a word before it that makes it one ("in 1974"). After the
# words that also introduce counts ("rose by 1500", "from 1200 to 1500") only
# years of the last and present centuries are taken, and only when no noun
# follows ("cut to 2000 homes" is a count).
_YEAR_LEADS = _word_set(
    "in since during until till before after early late mid circa spring summer autumn winter"
    " year throughout"
)
_YEAR_LEAD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)(?:\s+|\s*-)$")
_MODERN_YEAR_LEADS = _word_set(
    "of by from to and between through end start beginning with than versus vs"
)
# Words that may follow a year without making it a count: "by 2020 the council will".
_FUNCTION_WORDS = _word_set(
    "the a an and or but nor to for of in on at by with from as when while after before since"
    " until till it its he she they we i you this that these those which who whose where what"
    " was were is are will would could should may might must can has had have be been being"
    " not no so than then there also still all some more most his her their our your onwards"
    " onward alone too again ago"
)
# "the 2015 election": a year naming an event is a date without a preposition.
_YEAR_DETERMINERS = _word_set("the its their his her our this that a an")
# Not "season", "financial" or "tax": "the 2016 season" and "the 2016 financial
# year" need not be calendar years.
_EVENT_NOUNS = _word_set(
    "election elections referendum budget census olympics games cup final finals"
    " report review inspection survey strike strikes floods flood riots crisis crash merger"
    " takeover manifesto deal agreement campaign contest race tournament championship"
    " championships festival conference summit accounts figures results study ballot vote"
    " poll polls recession attack attacks earthquake hurricane fire award awards prize scandal"
    " spending statement act plan plans accord treaty general local mayoral leadership"
    " parliamentary presidential video law bill lawsuit ruling letter memo interview speech"
    " book film photo email visit trip audit filing primary primaries caucus caucuses"
    " convention debate"
)
_FEAST_DAYS = _word_set(
    "good black cyber easter ash maundy super shrove holy palm mothering remembrance bloody blue"
)
_AMBIGUOUS_MONTHS = frozenset({"May", "March"})
# Counted things after a year-like number mean it was a count ("in 2000 homes").
_COUNTED_AFTER_YEAR = re.compile(
    r"\s+(?:people|staff|workers|members|jobs|homes|houses|children|pupils|patients|cases"
    r"|deaths|families|households|employees|residents|students|officers|troops|votes|posts"
    r"|places|beds|cars|vehicles|units|properties|flats|businesses|shops|schools|visitors"
    r"|customers|users|signatures|complaints|calls|incidents|crimes|offences|arrests"
    r"|metres|meters|miles|km|kilometres|feet|tonnes|tons|kg|litres|acres|hectares|words"
    r"|pages|copies|points|pounds|dollars|euros|hours|days|weeks|months|years|times|of)\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’-]*)")
# "by 2010 to 2012 homes": the second number counts something, so both do.
_RANGE_START = re.compile(r"(?<![\w.])([0-9][0-9,]*)\s*(?:to|and|or|-|–)\s*$")
_COUNTED_RANGE = re.compile(r"\s*(?:to|and|or|-|–)\s*[0-9][0-9,]*\s+([a-z][a-z'’-]*)")

_CLOCK = (
    r"(?:(?P<h>[0-9]{1,2})(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>[ap])(?:\.m\.|m)(?![A-Za-z])"
    r"|(?P<h24>[01]?[0-9]|2[0-3]):(?P<mi24>[0-5][0-9])(?![0-9])"
    r"|(?P<noon>noon|midday))"
)
# "4pm yesterday", "4pm on Friday", "Friday at 4pm". Midnight is left out on
# purpose: "midnight on Friday" is as often the end of Friday as its start.
_TIME_BEFORE = re.compile(rf"(?<![\w.:]){_CLOCK}(?:\s+on)?\s+$", re.IGNORECASE)
_TIME_AFTER = re.compile(rf",?\s+at\s+{_CLOCK}", re.IGNORECASE)

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’]*)[^A-Za-z]*$")
_PROGRAMME = re.compile(r"\s+programme\b", re.IGNORECASE)
# Before a weekday these make it any such day, not one date: "every Friday", "on a Friday".
_ANY_DAY = _word_set("every each a any most")

NumericOrder = Literal["DMY", "MDY"]
_Prefer = Literal["past", "future", "current_period"]


class _Scene:
    """Where a match sits: its paragraph (as text, and as the text layer's
    sentences), the article's publication date, and the order of day and
    month in the article's numeric dates, if it is clear. The paragraph's
    tense cues are classified the first time a date asks for them."""

    __slots__ = (
        "_parsed",
        "_tenses",
        "business",
        "calendar",
        "needs",
        "numeric_order",
        "paragraph",
        "published",
        "text",
    )

    def __init__(
        self,
        text: ParagraphText,
        published: dt.date | None,
        numeric_order: NumericOrder | None = None,
        parsed: set[tuple[str, dt.date, _Prefer]] | None = None,
        calendar: FiscalCalendar | None = None,
        needs: _ArticleNeeds | None = None,
        business: bool = True,
    ) -> None:
        # Whether the article reports on a company or an economy, whose "the
        # quarter" is a quarter of the year, not of a game.
        self.business = business
        self.calendar = calendar or FiscalCalendar()
        # Which lists of needs (see _NEEDS) the whole article holds.
        self.needs = needs if needs is not None else _ArticleNeeds(None)
        self.text = text
        self.paragraph = text.text
        self.published = published
        self.numeric_order = numeric_order
        self._tenses: TenseIndex | None = None
        self._parsed = set() if parsed is None else parsed

    def parse(self, expression: str, base: dt.date, prefer: _Prefer) -> dt.date | None:
        """dateparser's reading of an expression, for the first
        `_DATEPARSER_LIMIT` different ones in an article. A parse costs a
        third of a millisecond, so an article of ten thousand different
        dates would take seconds; past the limit, the callers' own
        arithmetic, which checks every reading dateparser gives anyway,
        stands alone (None)."""
        if not self.within_limit(expression, base, prefer):
            return None
        return _dateparser_day(expression, base, prefer)

    def within_limit(self, expression: str, base: dt.date, prefer: _Prefer) -> bool:
        """Whether an expression is among the first `_DATEPARSER_LIMIT`
        different ones of the article, counting it if it is new. A date
        with its year is counted though dateparser no longer reads it (see
        _resolve_day_month), so that which later expressions it reads, and
        so every fact, stays as it was."""
        key = (expression, base, prefer)
        if key not in self._parsed:
            if len(self._parsed) >= _DATEPARSER_LIMIT:
                return False
            self._parsed.add(key)
        return True

    @property
    def tenses(self) -> TenseIndex:
        if self._tenses is None:
            self._tenses = TenseIndex(self.text)
        return self._tenses


Resolver = Callable[[re.Match[str], _Scene], "Period | Anaphor | QuarterRef | YearBack | None"]


@dataclass(slots=True, frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Resolver
    # Lower-case strings of which a paragraph must hold one for the pattern to
    # be worth running; a substring test is far cheaper than a regex scan.
    needs: tuple[str, ...] = ()
    # What a match can begin with: a word in lower case, a number (_NUMBER) or
    # a quotation mark before one (_QUOTED_NUMBER). The pattern is tried only
    # where one of these begins (see _RuleStarts), never at every offset.
    first: tuple[str, ...] = ()


# Not frozen, though never changed: a frozen dataclass sets each field
# through object.__setattr__, and one is made for every match of a rule.
@dataclass(slots=True, unsafe_hash=True)
class _Candidate:
    start: int
    end: int
    period: Period | Anaphor | QuarterRef | YearBack
    rank: int


def _easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# --- context helpers -------------------------------------------------------


def _word_before(text: str, position: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return match.group(1).lower() if match else ""


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 10) : position].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n"


def _is_name_part(text: str, position: int) -> bool:
    """Whether the word before `position` is a capitalised word inside a
    sentence, making what follows part of a name ("Theresa May")."""
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    if not match or not match.group(1)[0].isupper():
        return False
    if match.end(1) != position - 1 or text[match.end(1)] != " ":
        return False
    return not _starts_sentence(text, match.start(1))


_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_WORD_AFTER = re.compile(r" ([A-Za-z][A-Za-z'’-]*)")


def _modifies_a_noun(text: str, position: int) -> bool:
    """Whether the word after `position` makes what ends there a modifier:
    "Christmas shopping", "the Good Friday Agreement"."""
    match = _WORD_AFTER.match(text, position)
    if match is None:
        return False
    word = match.group(1)
    return word[0].isupper() or word.lower() not in _FUNCTION_WORDS


# The preposition before a date can outrank the tense of its sentence: what
# happened "since" a date puts it in the past, while "adjourned until 22 July"
# says nothing of which side of the publication date 22 July falls.
_TIME_PREPOSITION = re.compile(
    r"\b(?P<word>since|until|till|til|pending|through|thru)\s+"
    r"(?:[0-9:.]+\s*[ap]\.?m\.?\s+)?(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# The date of the figure a change is measured from is behind it: "rose to 55%
# from 31% at the end of September", "down from $4.10 in March".
_FROM_AMOUNT = re.compile(
    r"\bfrom\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?[$£€¥]?\s?[0-9][0-9.,]*\s*"
    r"(?:%|percent\b|per\s+cent\b|cents?\b|[mb]n?\b|million\b|billion\b|[a-z]+\b)?\s*"
    r"(?:(?:at|by)\s+the\s+(?:end|close|start|beginning|middle)\s+of|in|on|at|during|as\s+of"
    r"|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A date in a statement of habit is no date: "as they do on Christmas Day",
# "Sales usually rise in December".
_HABIT = re.compile(
    r"(?:\b(?:do|does)\s+(?:so\s+)?(?:on|in|at|over|during)\s+$"
    r"|\b(?:usually|normally|always|traditionally|typically|generally|routinely)\b"
    r"[^.;:!?]{0,24}$)",
    re.IGNORECASE,
)


@dataclass(slots=True, frozen=True)
class _Reading:
    """The tense of a date's sentence; whether the cue is strong and governs
    the date (see tense.Cue); and whether nothing could make it the other
    tense ("since March", "from 31% at the end of September")."""

    tense: Tense | None
    strong: bool = True
    governed: bool = True
    firm: bool = False


def _reading(scene: _Scene, start: int, end: int) -> _Reading:
    paragraph = scene.paragraph
    if _FROM_AMOUNT.search(paragraph, max(0, start - 60), start):
        return _Reading("past", firm=True)
    lead = _TIME_PREPOSITION.search(paragraph, max(0, start - 30), start)
    cue = scene.tenses.cue(start, end)
    if lead is not None and lead.group("word").lower() == "since":
        return _Reading("past", firm=True)
    if cue is None:
        return _Reading(None)
    if lead is None:
        return _Reading(cue.tense, cue.strong, cue.governed)
    # "will stay closed until Friday" is ahead; "adjourned until 22 July" and
    # "was closed until 3 January" could be either side: the nearest decides.
    return _Reading("future" if cue.tense == "future" else None, cue.strong, cue.governed)


def _tense(scene: _Scene, start: int, end: int) -> Tense | None:
    return _reading(scene, start, end).tense


def _until(scene: _Scene, start: int) -> bool:
    lead = _TIME_PREPOSITION.search(scene.paragraph, max(0, start - 30), start)
    return lead is not None and lead.group("word").lower() != "since"


def _is_habit(scene: _Scene, start: int) -> bool:
    return _HABIT.search(scene.paragraph, max(0, start - 60), start) is not None


# --- dateparser ------------------------------------------------------------

# Different expressions an article may hand to dateparser (see _Scene.parse).
_DATEPARSER_LIMIT = 200

# The base under which an expression that carries its own year ("27 January
# 2017") is counted toward the limit; it is no longer parsed.
_ANY_BASE = dt.date(2000, 1, 1)


@functools.lru_cache(maxsize=64)
def _date_parser(base: dt.date, prefer: _Prefer) -> DateDataParser:
    """One parser per publication date and tense. Settings are fixed when a
    parser is made, and making one (10-20 µs) costs far less than a parse."""
    # Imported on first use: importing dateparser and loading its English data
    # takes 0.1-0.4 s, which an article without explicit dates never needs.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            # Only absolute forms are handed over: skipping dateparser's
            # relative-time parser saves about a third of every call.
            "PARSERS": ["absolute-time"],
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


@functools.lru_cache(maxsize=4096)
def _dateparser_day(expression: str, base: dt.date, prefer: _Prefer) -> dt.date | None:
    """dateparser's reading of a normalised expression (its first day for a
    month). Cached: a parse costs 0.15-0.4 ms (measured on the machines this
    project runs on) and a corpus repeats its dates."""
    try:
        parsed = _date_parser(base, prefer).get_date_data(expression).date_obj
    except Exception:
        # Arithmetic past year 1 or 9999, or any other failure on odd input:
        # the caller falls back on its own rule rather than lose the date.
        return None
    return parsed.date() if parsed is not None else None


def _normalised(text: str) -> str:
    """What is handed to dateparser and keyed in its cache: lower case, single
    spaces, no "the" ("the 3rd of March" and "3rd of march" are one entry)."""
    return " ".join(word for word in text.lower().split() if word != "the")


def _on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    for year in range(published.year, published.year - 9, -1):  # 29 February recurs within 8
        with contextlib.suppress(ValueError):
            candidate = dt.date(year, month, day)
            if candidate <= published:
                return candidate
    return None


def _on_or_after(month: int, day: int, published: dt.date) -> dt.date | None:
    for year in range(published.year, published.year + 9):
        with contextlib.suppress(ValueError):
            candidate = dt.date(year, month, day)
            if candidate >= published:
                return candidate
    return None


def _nearest_day(month: int, day: int, published: dt.date) -> dt.date | None:
    """The day-month nearest the publication date, so "27 January" in an
    article of 18 January 2017 is 2017-01-27 and in December 2016 too."""
    best: dt.date | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


# A past-tense day this many days back, or more, gives way to the same day
# no more than _NEAR_AHEAD days ahead.
_FAR_BACK = 300
_NEAR_AHEAD = 31


def _nearest_month(
    month: int, published: dt.date, tense: Tense | None, *, strict: bool = True
) -> Period:
    """The month nearest the publication date in the direction of the
    sentence's tense: "told a meeting in March" in January is last March. The
    publication month itself is that month, whatever the tense. Not
    `strict`, the tense only breaks a tie."""
    here = published.year * 12 + published.month - 1
    offsets = [(published.year + shift) * 12 + month - 1 - here for shift in (-1, 0, 1)]
    if tense is not None and strict:
        offsets = [o for o in offsets if o == 0 or (o > 0) == (tense == "future")] or offsets
    # Six months either way is a tie; the tense of the sentence breaks it.
    offset = min(offsets, key=lambda o: (abs(o), o < 0 if tense == "future" else o > 0))
    return month_period(published.year, published.month + offset)


# --- resolvers -------------------------------------------------------------


def _resolve_day_month(match: re.Match[str], scene: _Scene) -> Period | None:
    name = match.group("mon")
    if name in _AMBIGUOUS_MONTHS and _is_name_part(scene.paragraph, match.start("mon")):
        return None
    month = _MONTH_NUMBER[name.rstrip(".").lower()]
    day = int(match.group("d"))
    expression = _normalised(match.group("cal"))
    if match.group("y"):
        # The pattern knows which words it took, and a day, month and year
        # stand for themselves: dateparser, which may read more or less than
        # the pattern matched, was only ever overruled here (at a third of a
        # millisecond a parse).
        scene.within_limit(expression, _ANY_BASE, "current_period")
        return day_period(dt.date(int(match.group("y")), month, day))
    published = scene.published
    if published is None:
        return None
    if _is_habit(scene, match.start()):
        return None
    if (month, day) == (published.month, published.day):
        return day_period(published)  # dateparser would move a future "15 March" a year on
    reading = _reading(scene, match.start(), match.end())
    tense = reading.tense
    if tense is None:
        nearest = _nearest_day(month, day, published)
        if nearest is None:
            return None
        tense = "future" if nearest > published else "past"
    if (month, day) == (2, 29):
        parsed = scene.parse(expression, published, tense)
    else:
        # dateparser puts the day and month in the publication year and moves
        # it a year back or on, as the tense prefers: the arithmetic below,
        # which it agreed with on every day and month from each day of 2016
        # and 2017. Only the leap day, for which it looks up a leap year,
        # is still handed over. Counted all the same (see _Scene.within_limit).
        scene.within_limit(expression, published, tense)
        parsed = None
    if parsed is None or (parsed.month, parsed.day) != (month, day):
        parsed = (_on_or_after if tense == "future" else _on_or_before)(month, day, published)
        if parsed is None:
            return None
    if (
        reading.tense == "past"
        and not (reading.firm or reading.governed)
        and (published - parsed).days >= _FAR_BACK
    ):
        # A writer who meant a day eleven months gone would have given its
        # year; the same day a few weeks ahead is the one a past-tense
        # sentence speaks of ("began four weeks before Election Day on Nov. 8").
        ahead = _on_or_after(month, day, published)
        if ahead is not None and (ahead - published).days <= _NEAR_AHEAD:
            parsed = ahead
    if match.group("wd"):
        parsed = _matching_weekday(parsed, _WEEKDAY_INDEX[match.group("wd")], published)
    return day_period(parsed)


def _matching_weekday(day: dt.date, weekday: int, published: dt.date) -> dt.date:
    """A weekday written beside a day and month fixes the year ("Friday 27
    January" is 2017, not 2016); if no year near the article fits, the writer
    erred over the weekday and the date stands."""
    if day.weekday() == weekday:
        return day
    fitting = []
    for year in (published.year - 1, published.year, published.year + 1):
        with contextlib.suppress(ValueError):
            candidate = day.replace(year=year)
            if candidate.weekday() == weekday:
                fitting.append(candidate)
    return min(fitting, key=lambda c: abs((c - published).days), default=day)


def _resolve_month_year(match: re.Match[str], scene: _Scene) -> Period | None:
    if _is_name_part(scene.paragraph, match.start("mon")):
        return None
    month = _MONTH_NUMBER[match.group("mon").rstrip(".").lower()]
    year = int(match.group("y"))
    # As for a day with its year: the month and year stand for themselves.
    scene.within_limit(_normalised(match.group()), _ANY_BASE, "current_period")
    return month_period(year, month)


def _resolve_month_relative_year(match: re.Match[str], scene: _Scene) -> Period | None:
    # "November last year": dateparser reads it as a day in November of this year.
    if scene.published is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return month_period(scene.published.year + shift, _MONTH_NUMBER[match.group("mon").lower()])


def _resolve_relative_month(match: re.Match[str], scene: _Scene) -> Period | None:
    published = scene.published
    if published is None or _word_before(scene.paragraph, match.start()) == "the":
        return None
    month = _MONTH_NUMBER[match.group("mon").lower()]
    rel = match.group("rel").lower()
    if rel == "this":
        return month_period(published.year, month)
    if rel == "last":
        # The latest such month before the publication month, passing over the
        # month just gone, which would be "last month": "last February" in
        # March 1998 is February 1997.
        back = (published.month - month) % 12
        return month_period(published.year, published.month - (back if back > 1 else back + 12))
    return month_period(published.year + (month <= published.month), month)


def _resolve_bare_month(match: re.Match[str], scene: _Scene) -> Period | None:
    name = match.group("mon")
    text = scene.paragraph
    before = _word_before(text, match.start())
    if name in _AMBIGUOUS_MONTHS:
        if before not in _DATE_PREPOSITIONS or text.startswith(("'s", "’s"), match.end()):
            return None  # "Theresa May", "May's cabinet", "pressure on May"
        if before in _LIST_WORDS and not _MONTH_IN_LIST.search(
            text, max(0, match.start() - 30), match.start()
        ):
            return None  # "Hammond and May" is two people; "April and May" two months
    if _is_name_part(text, match.start()) or scene.published is None:
        return None
    if before not in _DATE_PREPOSITIONS and _NAME_AFTER.match(text, match.end()):
        return None  # "June Brown said", "April Jones"
    if _is_habit(scene, match.start()):
        return None
    published = scene.published
    month = _MONTH_NUMBER[name.lower()]
    reading = _reading(scene, match.start(), match.end())
    tense = reading.tense
    # A verb after the month governs it only from the subject ("The Fed's
    # decision to cut rates in December should help margins"): a weaker cue,
    # which only breaks a tie between the nearest months.
    nearest = _nearest_month(month, published, tense, strict=reading.strong)
    if month == published.month:
        return nearest  # the publication month, whatever the tense
    if (
        tense == "past"
        and not (reading.firm or reading.governed)
        and _months_between(published, nearest.start) == -11
    ):
        # The month just ahead, not the one eleven months back, which a writer
        # would have called "last August": "bookings for August were running".
        nearest = month_period(published.year, published.month + 1)
    prefer: Tense = "future" if nearest.start > published else "past"
    if not (month == 2 and published.day >= 29):
        # dateparser puts the month in the publication year and moves it a
        # year back or on, as the tense prefers: `nearest`, which lies within
        # eleven months in that direction. Counted all the same (see
        # _Scene.within_limit).
        scene.within_limit(name.lower(), published, prefer)
        return nearest
    # From the 29th of a month in a leap year, dateparser's February falls on
    # the 29th and its move to a year without one lands on the nearest leap
    # year instead ("February" on 29 January 2016, past, is February 2012):
    # its reading is kept, as it always was.
    parsed = scene.parse(name.lower(), published, prefer)
    if parsed is None or parsed.month != month:
        return nearest
    return month_period(parsed.year, parsed.month)


def _months_between(first: dt.date, second: dt.date) -> int:
    return (second.year - first.year) * 12 + second.month - first.month


def _resolve_weekday(match: re.Match[str], scene: _Scene) -> Period | None:
    published = scene.published
    if published is None:
        return None
    target = _WEEKDAY_INDEX[match.group("wd")]
    rel = " ".join((match.group("rel") or "").lower().split())
    before = _word_before(scene.paragraph, match.start())
    if before in _ANY_DAY or (rel and before == "the"):
        return None  # a repetition, or "the last Friday of the month"
    monday = published - dt.timedelta(days=published.weekday())
    # dateparser reads "next Friday" and "this Friday" as the nearest Friday
    # ahead, whichever week it falls in; news means the week.
    if rel == "next":
        return day_period(monday + dt.timedelta(days=7 + target))
    if rel in {"this", "coming", "this coming"}:
        day = monday + dt.timedelta(days=target)
        return day_period(day if day >= published else day + dt.timedelta(days=7))
    if rel == "last":
        back = (published.weekday() - target) % 7 or 7
        return day_period(published - dt.timedelta(days=back))
    if before in _FEAST_DAYS or _is_name_part(scene.paragraph, match.start()):
        return None  # Good Friday is a feast, Black Friday a name: neither is "on Friday"
    if _is_habit(scene, match.start()):
        return None
    # A bare weekday on the publication day's own weekday is that day: wire
    # copy dated Wednesday says "said on Wednesday" of the same day. News
    # reports the past far more often than it announces the future, so a
    # sentence without a cue is read as past.
    ahead = (target - published.weekday()) % 7
    behind = (published.weekday() - target) % 7
    tense = _tense(scene, match.start(), match.end())
    if tense is None and _until(scene, match.start()):
        tense = "future" if ahead <= behind else "past"  # "adjourned until Friday": the nearest
    if scene.paragraph.startswith(("'s", "’s"), match.end()) and ahead != behind:
        # "Tuesday's primary", "the fallout from Monday's debate": the day
        # names an event rather than the time of the verb, and is the nearest.
        tense = "future" if ahead < behind else "past"
    if tense == "future":
        return day_period(published + dt.timedelta(days=ahead))
    return day_period(published - dt.timedelta(days=behind))


def _resolve_relative_day(match: re.Match[str], scene: _Scene) -> Period | None:
    if scene.published is None:
        return None
    word = match.group("w").lower()
    if word == "today" and _PROGRAMME.match(scene.paragraph, match.end()):
        return None  # BBC Radio 4's Today programme
    shift = -1 if word.startswith(("yesterday", "last")) else 1 if word == "tomorrow" else 0
    # "the day before yesterday", "the day after tomorrow"
    offset = match.group("off")
    shift += -1 if offset == "before" else 1 if offset == "after" else 0
    return day_period(scene.published + dt.timedelta(days=shift))


def _resolve_relative_period(match: re.Match[str], scene: _Scene) -> Period | None:
    published = scene.published
    if published is None:
        return None
    if match.group("rel2"):
        shift = -2 if match.group("rel2").lower().startswith("before") else 2
        unit = match.group("unit2").lower()  # "the week before last", "the year after next"
    elif _word_before(scene.paragraph, match.start()) == "the":
        return None  # "the last year" and "the next month" are stretches of time, not periods
    else:
        shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
        unit = match.group("unit").lower()
    if unit == "week":
        return week_of(published + dt.timedelta(weeks=shift))
    if unit == "weekend":
        return weekend_of(published + dt.timedelta(weeks=shift))
    if unit == "month":
        return month_period(published.year, published.month + shift)
    if unit == "quarter":
        calendar = scene.calendar
        quarter = calendar.quarter_holding(published)
        return calendar.period(calendar.quarter(quarter.first_month + 3 * shift))
    if unit == "year":
        return year_period(published.year + shift)
    if unit == "decade":
        return decade_period(published.year // 10 * 10 + 10 * shift)
    return century_period(published.year // 100 + 1 + shift)


def _resolve_the_weekend(match: re.Match[str], scene: _Scene) -> Period | None:
    published = scene.published
    if published is None:
        return None
    weekend = weekend_of(published)
    if _tense(scene, match.start("expr"), match.end("expr")) == "future":
        return weekend if weekend.end >= published else weekend_of(published + dt.timedelta(7))
    return weekend if weekend.start <= published else weekend_of(published - dt.timedelta(7))


def _resolve_ago(match: re.Match[str], scene: _Scene) -> Period | None:
    published = scene.published
    if published is None:
        return None
    count_text = match.group("n").lower()
    count = int(count_text) if count_text.isdigit() else word_value(count_text) or 1
    unit = match.group("unit").lower().rstrip("s")
    if unit == "day":
        return day_period(published - dt.timedelta(days=count))
    if unit in {"week", "fortnight"}:
        return week_of(published - dt.timedelta(weeks=count * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return month_period(published.year, published.month - count)
    if unit == "decade":
        return year_period(published.year - count * 10)
    if count == 1:
        return YearBack(1, ago=True)  # "a year ago": the period compared, a year back
    # "two years ago" compares nothing: the day, as many years before.
    day = years_before(published, count)
    return day_period(day) if day else None


def _resolve_units_later(match: re.Match[str], scene: _Scene) -> Anaphor | None:
    """ "three days later", "a month earlier", "two weeks before": counted from
    the date before, as "the following day" is."""
    direction = match.group("dir").lower()
    if direction in ("before", "after") and not _ENDS_PHRASE.match(scene.paragraph, match.end()):
        return None  # "two days before the vote" counts from an event
    count_text = match.group("n").lower()
    count = int(count_text) if count_text.isdigit() else word_value(count_text) or 1
    if not 1 <= count <= 99:
        return None
    unit = match.group("unit").lower().rstrip("s")
    shift = count if direction in ("later", "after") else -count
    return Anaphor(unit, shift)  # type: ignore[arg-type]


def _resolve_years_earlier(match: re.Match[str], scene: _Scene) -> YearBack | None:
    """ "a year earlier", "two years before": counted from the date compared."""
    if match.group("dir").lower() == "before" and not _ENDS_PHRASE.match(
        scene.paragraph, match.end()
    ):
        return None  # "a year before the election" counts from an event
    count_text = match.group("n").lower()
    count = int(count_text) if count_text.isdigit() else word_value(count_text) or 1
    return YearBack(count) if 1 <= count <= 99 else None


def _resolve_year_back_period(match: re.Match[str], scene: _Scene) -> YearBack | None:
    """ "the year-earlier period", "the year-ago quarter", "year-earlier
    profit", "the same quarter a year earlier"."""
    noun = (match.group("noun") or match.group("noun2") or "").lower()
    if noun == "quarter":
        return YearBack(1, "quarter")
    if (
        noun == ""
        and match.group("adj")
        and _word_before(scene.paragraph, match.start())
        in (
            "a",
            "an",
        )
    ):
        return None  # "a year-ago level" is no date of its own
    return YearBack(1, "period")


def _resolve_year(match: re.Match[str], scene: _Scene) -> Period | None:
    text = scene.paragraph
    year = int(match.group("expr"))
    lead = _YEAR_LEAD.search(text, max(0, match.start() - 20), match.start())
    word = lead.group(1).lower() if lead else ""
    following = _NEXT_WORD.match(text, match.end())
    if word in _YEAR_LEADS:
        if not 1000 <= year <= 2199 or _COUNTED_AFTER_YEAR.match(text, match.end()):
            return None
    elif word in _MODERN_YEAR_LEADS:
        if not 1900 <= year <= 2099 or _COUNTED_AFTER_YEAR.match(text, match.end()):
            return None
        if following and following.group(1) not in _FUNCTION_WORDS:
            return None  # "cut to 2000 posts", "rose by 1950 votes"
        counted = _COUNTED_RANGE.match(text, match.end())
        if counted and counted.group(1) not in _FUNCTION_WORDS:
            return None
        first = _RANGE_START.search(text, max(0, match.start() - 24), match.start())
        if first and not 1900 <= int(first.group(1).replace(",", "") or 0) <= 2099:
            return None  # "rose by 1500 to 2000": the first number is no year, so neither is this
    elif word in _YEAR_DETERMINERS and following and following.group(1) in _EVENT_NOUNS:
        if not 1900 <= year <= 2099:
            return None  # "the 2015 election"; "the 2000 homes" is a count
    else:
        return None
    return year_period(year)


_SEASONS = re.compile(r"\s+(?:season|campaign|term)s?\b", re.IGNORECASE)


def _resolve_year_pair(match: re.Match[str], scene: _Scene) -> Period | None:
    """A pair of years: "2013/14" and "2016-17" are UK fiscal years, "2010-2012"
    a run; "the 1996/97 season" is a sporting season, no period of the calendar."""
    if _SEASONS.match(scene.paragraph, match.end()):
        return None
    first = int(match.group("a"))
    if match.group("e"):
        last = int(match.group("e"))
        return years_period(first, last) if first < last <= first + 100 else None
    if not 1900 <= first <= 2099:
        return None
    second_text = match.group("b") or match.group("c")
    second = int(second_text)
    follows = second == first + 1 if len(second_text) == 4 else second == (first + 1) % 100
    return uk_fiscal_year(first) if follows else None


def _resolve_iso(match: re.Match[str], scene: _Scene) -> Period | None:
    day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    if match.group("hh") is None:
        return day_period(day)
    hour, minute = int(match.group("hh")), int(match.group("mm"))
    if hour > 23 or minute > 59:
        return day_period(day)
    return Period("time", day, day, f"{day.isoformat()}T{hour:02d}:{minute:02d}")


def _resolve_numeric(match: re.Match[str], scene: _Scene) -> Period | None:
    """A numeric date: "25/12/2016" is day first and "12/25/2016" month first;
    "3/4/2016" is either, and taken only when the article settles the order."""
    first, second, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    if first > 12 or first == second:
        order: NumericOrder | None = "DMY"
    elif second > 12:
        order = "MDY"
    else:
        order = scene.numeric_order
    if order is None:
        return None
    day, month = (first, second) if order == "DMY" else (second, first)
    return day_period(dt.date(year, month, day))


def _resolve_decade(match: re.Match[str], scene: _Scene) -> Period | None:
    if match.group("cc"):
        first = int(match.group("cc") + match.group("dd") + "0")
        # "the 1800s" is read as the century; "the 2000s" as the decade.
        if first % 100 == 0 and first < 2000:
            return Period("century", dt.date(first, 1, 1), dt.date(first + 99, 12, 31), None)
        return decade_period(first)
    if match.group("d3") and not _THE_BEFORE_DECADE.search(
        scene.paragraph, max(0, match.start() - 16), match.start()
    ):
        return None  # "in her 40s" is an age; "the 90s" a decade
    first = 2000 + int(match.group("d2") or match.group("d3")) * 10
    latest = scene.published.year if scene.published else 2029
    return decade_period(first if first <= latest else first - 100)


_THE_BEFORE_DECADE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)
_DECADE_WORDS = {
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
    "noughties": 2000,
}


def _resolve_decade_word(match: re.Match[str], scene: _Scene) -> Period | None:
    return decade_period(_DECADE_WORDS[match.group("w").lower()])


_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        _word_list(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
            " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
            " twentieth twenty-first twenty-second"
        ),
        start=1,
    )
}


def _resolve_century(match: re.Match[str], scene: _Scene) -> Period | None:
    if match.group("n"):
        return century_period(int(match.group("n")))
    return century_period(_ORDINAL_WORDS[match.group("w").lower()])


def _resolve_quarter(match: re.Match[str], scene: _Scene) -> Period | None:
    """A quarter with its year: "Q3 2016", "the third quarter of 1988",
    "1988's third quarter"."""
    year = int(match.group("y") or match.group("y2") or match.group("y3") or match.group("y4"))
    quarter_text = match.group("q") or match.group("q2")
    if quarter_text:
        return quarter_period(year, int(quarter_text))
    ordinal = (match.group("ord") or match.group("ord2")).lower()
    return quarter_period(year, 4 if ordinal in {"final", "last"} else _ORDINAL_WORDS[ordinal])


_QUARTER_DETERMINERS = _word_set("the its their our his her")
_QUARTER_LEADS = _word_set(
    "in for during by from to of the its their and until since throughout over before after"
    " between ahead"
)


# After an adjective "third-quarter" these make it a period of a game.
_GAME_NOUNS = _word_set(
    "run runs goal goals touchdown touchdowns basket baskets spurt burst try tries lead"
)
_ADJECTIVE_AFTER = re.compile(r" ([a-z][a-z'’-]*)")


def _resolve_yearless_quarter(match: re.Match[str], scene: _Scene) -> Period | None:
    """A quarter without its year ("the third quarter", "Q2", "third-quarter
    profit", "the final quarter of last year"): the publication date
    supplies the year, the tense which side of it, and the article's fiscal
    calendar which months (see fiscal.py)."""
    published = scene.published
    if published is None:
        return None
    text = scene.paragraph
    ordinal = (match.group("ord") or "").lower()
    before = _word_before(text, match.start())
    # "third-quarter profit": an adjective names the quarter wherever it stands.
    noun_after = _ADJECTIVE_AFTER.match(text, match.end())
    adjective = bool(ordinal) and "-" in match.group("sep") and noun_after is not None
    if adjective and noun_after.group(1) in _GAME_NOUNS:  # type: ignore[union-attr]
        return None  # "a 12-2 third-quarter run"
    if ordinal and before not in _QUARTER_DETERMINERS and not adjective:
        return None  # "a third quarter", "every second quarter"
    if not ordinal and before not in _QUARTER_LEADS:
        return None  # "the Audi Q4"
    calendar = scene.calendar if ordinal else FiscalCalendar()  # "Q2" is the calendar's
    current = calendar.quarter_holding(published)
    last = calendar.quarter(current.first_month - 3)
    if ordinal == "last" and not match.group("yrel"):
        return calendar.period(last)  # "the last quarter": the one just gone
    if match.group("q"):
        number = int(match.group("q"))
    else:
        number = 4 if ordinal in {"final", "last"} else _ORDINAL_WORDS[ordinal]
    yrel = (match.group("yrel") or "").lower()
    if yrel:
        shift = {"last": -1, "next": 1}.get(yrel, 0)  # "of this year", "of the year"
        return quarter_period(published.year + shift, number)
    # Results are reported once a quarter is over: in the past tense it is the
    # latest one that has ended, in the future the first that has not (and
    # "third-quarter results" to come are still those of the quarter just gone).
    if _tense(scene, match.start(), match.end()) == "future":
        if current.number == number:
            return calendar.period(current)
        if adjective and last.number == number:
            return calendar.period(last)
        ahead = (number - current.number) % 4
        return calendar.period(calendar.quarter(current.first_month + 3 * ahead))
    back = (last.number - number) % 4
    return calendar.period(calendar.quarter(last.first_month - 3 * back))


def _resolve_fiscal_quarter(match: re.Match[str], scene: _Scene) -> Period | None:
    """ "the first quarter of fiscal 1998", "fiscal 1998's first quarter"."""
    name = _fiscal_name(match.group("fy") or match.group("fy2"), scene.published)
    if name is None or not 1 < name < 9999:
        return None
    calendar = scene.calendar
    number = _ORDINAL_WORDS[(match.group("ord") or match.group("ord2")).lower()]
    return calendar.period(calendar.quarter_of_year(name, number))


def _fiscal_name(text: str, published: dt.date | None) -> int | None:
    """A fiscal year's name: "1997", or "'97" in the century nearest the
    publication date."""
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    if published is None:
        return None
    year = published.year // 100 * 100 + int(digits)
    return min((year - 100, year, year + 100), key=lambda y: abs(y - published.year))


def _fiscal_period(calendar: FiscalCalendar, name: int) -> Period:
    start, end = calendar.year(name)
    return Period("fiscal_year", start, end, None)


def _resolve_fiscal_year(match: re.Match[str], scene: _Scene) -> Period | None:
    """ "fiscal 1997", "fiscal year 1997", "the 1997 fiscal year", "FY1997",
    "fiscal '97": the company's year of that name, as the article bounds it,
    or the calendar year when it says nothing."""
    name = _fiscal_name(match.group("y") or match.group("y2") or match.group("y3"), scene.published)
    if name is None or not 1 < name < 9999:
        return None
    return _fiscal_period(scene.calendar, name)


def _resolve_relative_fiscal_year(match: re.Match[str], scene: _Scene) -> Period | None:
    """ "the current fiscal year", "last fiscal year", "the next fiscal year"."""
    published = scene.published
    if published is None:
        return None
    rel = match.group("rel").lower().split()[-1]
    shift = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}.get(rel, 0)
    calendar = scene.calendar
    return _fiscal_period(calendar, calendar.year_holding(published) + shift)


def _resolve_year_ended(match: re.Match[str], scene: _Scene) -> Period | None:
    """ "the fiscal year ended Sept. 30", "the year ending June 30, 1990": the
    twelve months to that day (the day itself is a date of its own)."""
    month = _MONTH_NUMBER[match.group("mon").rstrip(".").lower()]
    day = int(match.group("d"))
    if match.group("y"):
        end: dt.date | None = dt.date(int(match.group("y")), month, day)
    elif scene.published is None:
        return None
    elif match.group("verb").lower() in ("ended", "closed"):
        end = _on_or_before(month, day, scene.published)
    else:
        end = _on_or_after(month, day, scene.published)
    start = years_before(end, 1) if end else None
    if end is None or start is None:
        return None
    start += dt.timedelta(days=1)
    if (start.month, start.day) == (1, 1):
        return year_period(end.year)
    return Period("fiscal_year", start, end, None)


def _resolve_current_year(match: re.Match[str], scene: _Scene) -> Period | None:
    """ "the current year": the company's fiscal year when the article keeps
    one off the calendar's, else the calendar year."""
    published = scene.published
    if published is None:
        return None
    calendar = scene.calendar
    if calendar.stated and not calendar.is_calendar:
        return _fiscal_period(calendar, calendar.year_holding(published))
    return year_period(published.year)


def _resolve_month_quarter(match: re.Match[str], scene: _Scene) -> Period | None:
    """ "the March quarter", "the September quarter" (as Australian and Asian
    wire copy names them): the three months ending with that month, the last
    such to end in a report of results, the next in a forecast."""
    published = scene.published
    if published is None:
        return None
    month = _MONTH_NUMBER[match.group("mon").lower()]
    # The calendar whose quarters end in that month, numbered as any.
    calendar = FiscalCalendar(end_month=month)
    current = calendar.quarter_holding(published)
    if _tense(scene, match.start(), match.end()) == "future":
        ahead = (month - current.end.month) % 12 // 3
        found = calendar.quarter(current.first_month + 3 * ahead)
    else:
        last = calendar.quarter(current.first_month - 3)
        found = calendar.quarter(last.first_month - 3 * ((last.end.month - month) % 12 // 3))
    start = found.start
    value = f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}" if month % 3 == 0 else None
    return Period("quarter", start, found.end, value)


def _resolve_the_quarter(match: re.Match[str], scene: _Scene) -> Period | QuarterRef | None:
    """ "the quarter", "the latest quarter", "the current quarter", "the
    previous quarter"."""
    published = scene.published
    if published is None:
        return None
    if not scene.business:
        return None  # "scored 12 points in the quarter"
    which = " ".join((match.group("which") or "").lower().split())
    if which == "current":
        calendar = scene.calendar
        return calendar.period(calendar.quarter_holding(published))
    if which in ("previous", "prior", "preceding"):
        return QuarterRef(-1)
    return QuarterRef(0)


# Holidays by name: fixed days as (month, day), movable ones as days from Easter Sunday.
_FIXED_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "hogmanay": (12, 31),
    "valentine's day": (2, 14),
    "st patrick's day": (3, 17),
    "halloween": (10, 31),
    "bonfire night": (11, 5),
    "guy fawkes night": (11, 5),
    "armistice day": (11, 11),
    "burns night": (1, 25),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "the fourth of july": (7, 4),
    "july fourth": (7, 4),
    "veterans day": (11, 11),
    "inauguration day": (1, 20),
}
_EASTER_HOLIDAYS = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "good friday": -2,
    "maundy thursday": -3,
    "ash wednesday": -46,
    "shrove tuesday": -47,
    "pancake day": -47,
}
# American holidays fixed to a weekday: (month, weekday, which one; -1 the last).
_WEEKDAY_HOLIDAYS = {
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3),
    "martin luther king day": (1, 0, 3),
    "martin luther king jr day": (1, 0, 3),
    "columbus day": (10, 0, 2),
}
# A bare "Christmas", "Easter" or "Thanksgiving" is a day only after one of these.
_HOLIDAY_LEADS = _word_set(
    "at over on since until till by before after for from during around to this last next"
)


def _holiday_in(name: str, year: int) -> dt.date:
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name == "election day":
        # An American federal election: the Tuesday after the first Monday of November.
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name in _WEEKDAY_HOLIDAYS:
        return _nth_weekday(year, *_WEEKDAY_HOLIDAYS[name])
    return _easter(year) + dt.timedelta(days=_EASTER_HOLIDAYS[name])


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` such weekday of a month (the last for -1)."""
    if nth < 0:
        last = month_period(year, month).end
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _resolve_holiday(match: re.Match[str], scene: _Scene) -> Period | None:
    text = scene.paragraph
    name = " ".join(match.group("name").lower().replace("’", "'").replace(".", "").split())
    name = name.replace("saint ", "st ").replace("hallowe'en", "halloween").replace(",", "")
    name = name.replace("veterans' day", "veterans day")
    rel = (match.group("rel") or "").lower()
    bare = name in {"christmas", "easter", "thanksgiving"} and not rel
    if bare and _word_before(text, match.start()) not in _HOLIDAY_LEADS:
        return None  # "Merry Christmas", "the spirit of Easter"
    if not match.group("y") and _modifies_a_noun(text, match.end()):
        return None  # "Christmas shopping", "the Good Friday Agreement"
    if match.group("y"):
        return day_period(_holiday_in(name, int(match.group("y"))))
    published = scene.published
    if published is None:
        return None
    if rel == "this":
        return day_period(_holiday_in(name, published.year))
    if not rel and _is_habit(scene, match.start()):
        return None
    around = [_holiday_in(name, year) for year in range(published.year - 1, published.year + 2)]
    past = [day for day in around if day < published or (day == published and rel != "last")]
    future = [day for day in around if day > published or (day == published and rel != "next")]
    reading = _reading(scene, match.start(), match.end())
    tense = {"last": "past", "next": "future"}.get(rel) or reading.tense
    if tense == "past":
        if not (rel or reading.firm or reading.governed):
            # As for days: "began ..., four weeks before Election Day" is this one.
            ahead, behind = min(future), max(past)
            if (published - behind).days >= _FAR_BACK and (ahead - published).days <= _NEAR_AHEAD:
                return day_period(ahead)
        return day_period(max(past))
    if tense == "future":
        return day_period(min(future))
    return day_period(min(around, key=lambda day: (abs((day - published).days), day > published)))


_ANAPHOR_SHIFTS = {
    "following": 1,
    "next": 1,
    "after": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
    "same": 0,
    "that": 0,
}
_ANAPHOR_UNITS: dict[str, Literal["day", "week", "month", "year"]] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
# "over the next year" is a stretch of time to come, not the year after a date.
_ENDS_PHRASE = re.compile(r"\s*(?:[,.;:!?)”’\"'—–-]|$)")
_STRETCH_LEADS = _word_set("over within for during throughout in")


def _resolve_anaphor(match: re.Match[str], scene: _Scene) -> Anaphor | None:
    relation = (match.group("rel") or match.group("that") or match.group("dir")).lower()
    unit = (match.group("unit") or match.group("unit2") or match.group("unit3")).lower()
    if relation == "next" and _word_before(scene.paragraph, match.start()) in _STRETCH_LEADS:
        return None
    if match.group("dir") and not _ENDS_PHRASE.match(scene.paragraph, match.end()):
        return None  # "the day after the vote" and "the day after it closed" count from events
    if match.group("that") and _modifies_a_noun(scene.paragraph, match.end()):
        return None  # "that day care"
    shift = _ANAPHOR_SHIFTS[relation]
    weekday = _WEEKDAY_INDEX.get(unit.capitalize())
    if weekday is not None:
        return Anaphor("day", shift, weekday) if shift else None
    return Anaphor(_ANAPHOR_UNITS[unit], shift)


def _resolve_all_year(match: re.Match[str], scene: _Scene) -> Period | None:
    # "what I've done all year": the year so far, the publication's.
    return year_period(scene.published.year) if scene.published else None


# --- rules -----------------------------------------------------------------

# Words of a report on a company or an economy.
_BUSINESS_WORDS = (
    *("profit", "earnings", "revenue", "sales", "income", "loss", "results", "shares"),
    *("dividend", "economy", "economic", "growth", "gdp", "fiscal", "percent", "per cent", "%"),
)
_YEAR_BACK_LEADS = (
    *("year earlier", "year ago", "year before", "prior year", "previous year"),
    *("comparable", "same"),
)

_I = re.IGNORECASE
_MONTH_STEMS = tuple(name[:3].lower() for name in _MONTHS)
_DIGITS = tuple("0123456789")
_HOLIDAY_NAMES = (
    r"Christmas(?:\s+(?i:day|eve))?|Boxing\s+(?i:day)|New\s+Year['’]s\s+(?i:day|eve)|Hogmanay"
    r"|Valentine['’]s\s+(?i:day)|(?:St\.?|Saint)\s+Patrick['’]s\s+(?i:day)|Hallowe['’]?en"
    r"|Bonfire\s+(?i:night)|Guy\s+Fawkes\s+(?i:night)|Armistice\s+(?i:day)|Burns\s+(?i:night)"
    r"|Easter(?:\s+(?:Sunday|Monday|Day))?|Good\s+Friday|Maundy\s+Thursday|Ash\s+Wednesday"
    r"|Shrove\s+Tuesday|Pancake\s+(?i:day)"
    r"|Labor\s+(?i:day)|Memorial\s+(?i:day)|Thanksgiving(?:\s+(?i:day))?|Election\s+(?i:day)"
    r"|Independence\s+(?i:day)|(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Veterans['’]?\s+(?i:day)"
    r"|Presidents['’]?\s+(?i:day)|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+(?i:day)"
    r"|Columbus\s+(?i:day)|Inauguration\s+(?i:day)"
)
# The beginnings of matches, for _Rule.first: NUMBER is any number.
_NUMBER = NUMBER
_QUOTED_NUMBER = "'#"
_WEEKDAY_WORDS = tuple(name.lower() for name in _WEEKDAYS)
_MONTH_WORDS = tuple(name.lower() for name in _MONTHS)
_MONTH_AND_ABBREVIATION_WORDS = tuple(_MONTH_NUMBER)
_DEICTIC_WORDS = ("this", "next", "last")
_COUNT_WORDS = _word_list("a an one two three four five six seven eight nine ten eleven twelve")
# "twenty-first" begins with the word "twenty".
_ORDINAL_FIRST_WORDS = tuple({word.split("-")[0]: None for word in _ORDINAL_WORDS})
_QUARTER_ORDINALS = _word_list("first second third fourth final last")
# The first word of each holiday's name ("Hallowe" of "Hallowe'en", "the" of
# "the Fourth of July").
_HOLIDAY_FIRST_WORDS = _word_list(
    "christmas boxing new hogmanay valentine st saint hallowe halloween bonfire guy armistice"
    " burns easter good maundy ash shrove pancake labor memorial thanksgiving election"
    " independence the fourth july veterans presidents martin columbus inauguration"
)
_DATE_RULES: tuple[_Rule, ...] = (
    _Rule(
        re.compile(
            r"(?<![\w-])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
            r"(?:T(?P<hh>[0-9]{2}):(?P<mm>[0-9]{2}))?(?![\w-])"
        ),
        _resolve_iso,
        ("-",),
        first=(_NUMBER,),
    ),
    _Rule(
        re.compile(r"(?<![\w/.-])(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})(?![\w/])"),
        _resolve_numeric,
        ("/",),
        first=(_NUMBER,),
    ),
    _Rule(
        re.compile(
            rf"(?<![\w.,£$€/-])(?:(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?)?(?P<cal>(?P<d>[0-9]{{1,2}})"
            rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_ANY_MONTH})"
            r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?)"
        ),
        _resolve_day_month,
        _MONTH_STEMS,
        first=(*_WEEKDAY_WORDS, _NUMBER),
    ),
    _Rule(
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<cal>(?P<mon>{_ANY_MONTH})\s+(?P<d>[0-9]{{1,2}})"
            r"(?:st|nd|rd|th)?(?![0-9A-Za-z%]|[.,:][0-9])"
            r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?)"
        ),
        _resolve_day_month,
        _MONTH_STEMS,
        first=(*_WEEKDAY_WORDS, *_MONTH_AND_ABBREVIATION_WORDS),
    ),
    _Rule(
        re.compile(rf"\b(?P<mon>{_ANY_MONTH})\s+(?:of\s+)?(?P<y>[0-9]{{4}})(?![0-9])"),
        _resolve_month_year,
        _MONTH_STEMS,
        first=_MONTH_AND_ABBREVIATION_WORDS,
    ),
    _Rule(
        re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b"),
        _resolve_month_relative_year,
        ("year",),
        first=_MONTH_WORDS,
    ),
    _Rule(
        re.compile(rf"\b(?P<rel>(?i:last|this|next))\s+(?P<mon>{_MONTH})\b"),
        _resolve_relative_month,
        _MONTH_STEMS,
        first=_DEICTIC_WORDS,
    ),
    _Rule(
        re.compile(rf"\b(?P<mon>{_MONTH})\b"), _resolve_bare_month, _MONTH_STEMS, first=_MONTH_WORDS
    ),
    _Rule(
        re.compile(
            rf"\b(?:(?P<rel>(?i:this\s+coming|this|next|last|coming))\s+)?(?P<wd>{_WEEKDAY})"
            r"(?![A-Za-z]|\s+week\b)"
        ),
        _resolve_weekday,
        ("day",),
        first=(*_DEICTIC_WORDS, "coming", *_WEEKDAY_WORDS),
    ),
    _Rule(
        re.compile(
            r"\b(?:the\s+day\s+(?P<off>before|after)\s+)?"
            r"(?P<w>yesterday|today|tomorrow|tonight|last\s+night"
            r"|this\s+(?:morning|afternoon|evening|lunchtime))"
            r"(?:\s+(?:morning|afternoon|evening|night|lunchtime))?\b",
            _I,
        ),
        _resolve_relative_day,
        ("yesterday", "today", "tomorrow", "night", "this"),
        first=("the", "yesterday", "today", "tomorrow", "tonight", "last", "this"),
    ),
    _Rule(
        re.compile(
            r"\b(?P<rel>this|next|last)\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)"
            r"|\bthe\s+(?P<unit2>week|month|year)\s+(?P<rel2>before\s+last|after\s+next)\b",
            _I,
        ),
        _resolve_relative_period,
        ("this", "next", "last"),
        first=(*_DEICTIC_WORDS, "the"),
    ),
    _Rule(
        re.compile(r"\b(?:at|over|on|during)\s+(?P<expr>the\s+weekend)\b", _I),
        _resolve_the_weekend,
        ("weekend",),
        first=("at", "over", "on", "during"),
    ),
    _Rule(
        re.compile(
            r"\b(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
            r"|eleven|twelve)\s+(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)"
            r"\s+ago\b",
            _I,
        ),
        _resolve_ago,
        (" ago",),
        first=(_NUMBER, *_COUNT_WORDS),
    ),
    _Rule(
        re.compile(r"(?<![\w/.,£$€¥])(?P<expr>[12][0-9]{3})(?![0-9]|[/–-][0-9]|[,.][0-9]|\s*%)"),
        _resolve_year,
        _DIGITS,
        first=(_NUMBER,),
    ),
    _Rule(
        re.compile(
            r"(?<![\w/.,£$€-])(?P<a>(?:1[0-9]|20)[0-9]{2})(?:/(?P<b>(?:19|20)[0-9]{2}|[0-9]{2})"
            r"|[-–](?P<c>[0-9]{2})|\s*[-–]\s*(?P<e>(?:1[0-9]|20)[0-9]{2}))(?![\w/-]|[.,][0-9])"
        ),
        _resolve_year_pair,
        ("/", "-", "–"),
        first=(_NUMBER,),
    ),
    _Rule(
        re.compile(
            r"(?<![\w£$€.])(?:(?P<cc>1[0-9]|20)(?P<dd>[0-9])0s|['’](?P<d2>[0-9])0s"
            r"|(?P<d3>[1-9])0s)(?![\w’'])"
        ),
        _resolve_decade,
        ("0s",),
        first=(_NUMBER, _QUOTED_NUMBER),
    ),
    _Rule(
        re.compile(
            r"(?<=\bthe\s)(?:(?:early|mid|late)[\s-]+)?"
            r"(?P<expr>(?P<w>thirties|forties|fifties|sixties|seventies|eighties|nineties"
            r"|noughties))\b",
            _I,
        ),
        _resolve_decade_word,
        tuple(_DECADE_WORDS),
        first=("early", "mid", "late", *_DECADE_WORDS),
    ),
    _Rule(
        re.compile(
            rf"\b(?:(?P<n>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<w>{'|'.join(_ORDINAL_WORDS)}))"
            r"[\s-]+century\b",
            _I,
        ),
        _resolve_century,
        ("centur",),
        first=(_NUMBER, *_ORDINAL_FIRST_WORDS),
    ),
    _Rule(
        re.compile(
            r"\b(?:Q(?P<q>[1-4])\s+(?P<y>[0-9]{4})|(?P<y2>[0-9]{4})\s+Q(?P<q2>[1-4]))\b"
            r"|\b(?P<ord>(?i:first|second|third|fourth|final|last))[\s-]+(?i:quarter\s+of)\s+"
            r"(?P<y3>[0-9]{4})\b"
            r"|(?<![\w.,£$€-])(?P<y4>(?:1[0-9]|20)[0-9]{2})['’]s\s+"
            r"(?P<ord2>(?i:first|second|third|fourth|final|last))[\s-]+(?i:quarter)\b"
        ),
        _resolve_quarter,
        ("q1", "q2", "q3", "q4", "quarter"),
        first=("q", _NUMBER, *_QUARTER_ORDINALS),
    ),
    _Rule(
        re.compile(
            r"\b(?:Q(?P<q>[1-4])|(?:(?i:fiscal)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last))"
            r"(?P<sep>[\s-]+)(?:(?i:fiscal)[\s-]+)?(?i:quarter))\b(?![-‐])"
            r"(?:\s+(?i:of)\s+(?P<yrel>(?i:this|last|next|the))\s+(?i:year)\b)?"
            r"(?!\s+(?i:of)\b|\s*[0-9])"
        ),
        _resolve_yearless_quarter,
        ("q1", "q2", "q3", "q4", "quarter"),
        first=("q", "fiscal", *_QUARTER_ORDINALS),
    ),
    _Rule(
        re.compile(
            rf"(?<![\w-])(?:(?P<rel>(?i:this|last|next))\s+)?(?P<name>{_HOLIDAY_NAMES})\b"
            r"(?:,?\s+(?P<y>[12][0-9]{3})(?![0-9]))?"
        ),
        _resolve_holiday,
        (
            "christmas",
            "boxing",
            "new year",
            "hogmanay",
            "valentine",
            "patrick",
            "hallow",
            "bonfire",
            "fawkes",
            "armistice",
            "burns",
            "easter",
            "good friday",
            "maundy",
            "ash wednesday",
            "shrove",
            "pancake",
            *("labor day", "memorial day", "thanksgiving", "election day", "independence day"),
            *("fourth of july", "july fourth", "veteran", "presidents", "luther king"),
            *("columbus day", "inauguration day"),
        ),
        first=(*_DEICTIC_WORDS, *_HOLIDAY_FIRST_WORDS),
    ),
    _Rule(
        re.compile(
            rf"\b(?i:the)\s+(?:(?P<rel>(?i:following|next|previous|preceding|same))\s+"
            rf"(?P<unit>(?i:day|week|month|year)|{_WEEKDAY})"
            r"|(?P<unit3>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after))"
            r"(?!\s+(?i:last|next|yesterday|tomorrow)\b))\b(?!-)"
            r"|\b(?P<that>(?i:that))\s+(?P<unit2>(?i:day|week|month|year))\b(?!-)"
        ),
        _resolve_anaphor,
        (
            *("following", "preceding", "previous", "same", "next day", "next week", "next month"),
            *("next year", "that day", "that week", "that month", "that year", "day before"),
            *("day after", "week before", "week after", "month before", "month after"),
            *("year before", "year after"),
        ),
        first=("the", "that"),
    ),
    _Rule(
        re.compile(r"\b(?i:all\s+year)\b(?!\s+(?i:round)\b|-)"),
        _resolve_all_year,
        ("all year",),
        first=("all",),
    ),
    # Business calendars: fiscal years, quarters named without their number,
    # and the periods a year back that figures are compared with.
    _Rule(
        re.compile(
            r"(?<![\w-])(?:(?i:fiscal)[\s-]+(?:(?i:year)\s+)?(?P<y>(?:19|20)[0-9]{2}|['’][0-9]{2})"
            r"|FY[\s-]?(?P<y2>(?:19|20)[0-9]{2}|[0-9]{2})"
            r"|(?P<y3>(?:19|20)[0-9]{2})\s+(?i:fiscal\s+year))(?![0-9]|['’]s\s+(?i:first|second|third|fourth))"
        ),
        _resolve_fiscal_year,
        ("fiscal", *(f"fy{lead}" for lead in "0123456789 -")),
        first=("fiscal", "fy", _NUMBER),
    ),
    _Rule(
        re.compile(
            r"\b(?P<rel>(?i:(?:the\s+)?(?:current|previous|prior|coming)|this|last|next))"
            r"\s+(?i:fiscal\s+year)\b"
        ),
        _resolve_relative_fiscal_year,
        ("fiscal",),
        first=("the", "current", "previous", "prior", "coming", *_DEICTIC_WORDS),
    ),
    _Rule(
        re.compile(
            r"\b(?P<ord>(?i:first|second|third|fourth))[\s-]+(?i:quarter\s+of\s+fiscal)"
            r"(?:\s+(?i:year))?\s+(?P<fy>(?:19|20)[0-9]{2}|['’][0-9]{2})(?![0-9])"
            r"|\b(?i:fiscal)\s+(?P<fy2>(?:19|20)[0-9]{2})(?:['’]s)?\s+"
            r"(?P<ord2>(?i:first|second|third|fourth))[\s-]+(?i:quarter)\b"
        ),
        _resolve_fiscal_quarter,
        ("fiscal",),
        first=("fiscal", "first", "second", "third", "fourth"),
    ),
    _Rule(
        re.compile(rf"(?<=\b(?i:the)\s)(?P<mon>{_MONTH})\s+(?i:quarter)\b(?![-‐])"),
        _resolve_month_quarter,
        ("quarter",),
        first=_MONTH_WORDS,
    ),
    _Rule(
        re.compile(
            r"\b(?P<expr>(?i:the|its|their)\s+(?i:(?:fiscal|financial)\s+)?(?i:year))[\s,]+"
            r"(?:(?i:which|that)\s+)?(?P<verb>(?i:ended|ending|ends|closed|will\s+end))\s+"
            rf"(?:(?i:on)\s+)?(?P<mon>{_ANY_MONTH})\s+(?P<d>[0-9]{{1,2}})(?![0-9])"
            r"(?:,?\s+(?P<y>[12][0-9]{3})(?![0-9]))?"
        ),
        _resolve_year_ended,
        (
            "year end",
            "year, end",
            "year clos",
            "year, clos",
            "year which",
            "year that",
            "year will",
        ),
        first=("the", "its", "their"),
    ),
    _Rule(
        re.compile(r"\b(?i:the\s+current\s+year)\b(?!-)"),
        _resolve_current_year,
        ("current year",),
        first=("the",),
    ),
    _Rule(
        re.compile(
            r"\b(?i:the)\s+(?:(?P<which>(?i:latest|most\s+recent|recent|current|just[\s-]ended"
            r"|just[\s-]completed|previous|prior|preceding))\s+)?(?i:quarter)\b(?![-‐])"
            r"(?!\s+(?i:of|century|mile|inch|hour|point)s?\b)"
        ),
        _resolve_the_quarter,
        ("quarter",),
        first=("the",),
    ),
    _Rule(
        re.compile(
            r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})\s+years?\s+"
            r"(?P<dir>earlier|before)\b(?!\s+than\b)",
            _I,
        ),
        _resolve_years_earlier,
        ("year earlier", "years earlier", "year before", "years before"),
        first=(_NUMBER, *_COUNT_WORDS),
    ),
    _Rule(
        re.compile(
            r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,2})"
            r"\s+(?P<unit>days?|weeks?|months?)\s+(?P<dir>earlier|later|before|after)\b"
            r"(?!\s+than\b)",
            _I,
        ),
        _resolve_units_later,
        (
            *(
                f"{unit} {way}"
                for unit in ("day", "days", "week", "weeks", "month", "months")
                for way in ("earlier", "later", "before", "after")
            ),
        ),
        first=(_NUMBER, *_COUNT_WORDS),
    ),
    _Rule(
        re.compile(
            r"(?<![\w-])(?:(?i:the)\s+(?:(?i:year[-\s](?:earlier|ago|before)|prior[-\s]year"
            r"|previous[-\s]year|comparable)\s+(?P<noun>(?i:period|quarter))"
            r"|(?i:same)\s+(?P<noun2>(?i:period|quarter))\s+(?i:a|one)\s+(?i:year)\s+"
            r"(?i:earlier|ago|before))"
            r"|(?P<adj>(?i:year-earlier|year-ago|prior-year))(?=\s+[a-z]))\b"
        ),
        _resolve_year_back_period,
        (
            *("year-earlier", "year-ago", "year-before", "prior-year", "previous-year"),
            *(f"{lead} {noun}" for lead in _YEAR_BACK_LEADS for noun in ("period", "quarter")),
        ),
        first=("the", "year", "prior"),
    ),
)


def _needs_groups() -> tuple[tuple[tuple[str, ...], ...], tuple[int, ...]]:
    """Each different list of needs, and the list of each rule, by number."""
    groups: dict[tuple[str, ...], int] = {}
    for rule in _DATE_RULES:
        groups.setdefault(rule.needs, len(groups))
    return tuple(groups), tuple(groups[rule.needs] for rule in _DATE_RULES)


_NEEDS, _RULE_NEEDS = _needs_groups()


def _need_test(needs: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text holds any of `needs`. Needs that begin alike ("year
    end", "year that") are one search for an alternation, which the regex
    engine looks for only where their common beginning is; the others are
    substring tests, far faster than a search for several literals with
    nothing in common, which tries every position in Python's engine."""
    if _SEARCHED[needs]:
        pattern = re.compile("|".join(map(re.escape, needs)))
        return lambda text: pattern.search(text) is not None
    return lambda text: any(map(text.__contains__, needs))


# Whether each list of needs is one search for an alternation (see _need_test).
_SEARCHED = {needs: len(needs) > 1 and len({need[0] for need in needs}) == 1 for needs in _NEEDS}
_NEED_TESTS = tuple(_need_test(group) for group in _NEEDS)


class _ArticleNeeds:
    """Whether the whole article holds any of each list of needs (see
    _NEEDS): a paragraph's test is skipped where the article's fails. Each
    list is tested on the article when a paragraph first asks for it, so the
    lists of rules no paragraph can begin are never tested."""

    __slots__ = ("_held", "_present", "_whole")

    def __init__(self, whole: str | None) -> None:
        # The article's text in lower case; None when it is not known.
        self._whole = whole
        self._held: list[bool | None] = [None] * len(_NEEDS)
        # Of a list of needs tested as substrings, those the article holds:
        # a paragraph (a piece of the article) can hold no other.
        self._present: list[tuple[str, ...] | None] = [None] * len(_NEEDS)

    def may_hold(self, group: int) -> bool:
        if self._whole is None:
            return True
        held = self._held[group]
        if held is None:
            whole = self._whole
            needs = _NEEDS[group]
            if _SEARCHED[needs]:
                held = _NEED_TESTS[group](whole)
            else:
                present = self._present[group] = tuple(filter(whole.__contains__, needs))
                held = bool(present)
            self._held[group] = held
        return held

    def holds(self, group: int, lowered: str) -> bool:
        """Whether a paragraph, in lower case, holds any of a list of needs
        the article may hold (see may_hold)."""
        present = self._present[group]
        if present is None:
            return _NEED_TESTS[group](lowered)
        if len(present) == 1:
            return present[0] in lowered
        return any(map(lowered.__contains__, present))


def _rules_by_first() -> dict[str, tuple[int, ...]]:
    """The rules, by number, that a match beginning with each word may be of."""
    rules: dict[str, list[int]] = {}
    for rank, rule in enumerate(_DATE_RULES):
        for first in rule.first:
            rules.setdefault(first, []).append(rank)
    return {first: tuple(ranks) for first, ranks in rules.items()}


_RULES_BY_FIRST = _rules_by_first()
_FIRST_WORDS = frozenset(_RULES_BY_FIRST)
_RULE_FIRSTS = tuple(frozenset(rule.first) for rule in _DATE_RULES)
# The group of each rule's match that is the date: "expr" where it has one.
_RULE_SPANS = tuple("expr" if "expr" in rule.pattern.groupindex else 0 for rule in _DATE_RULES)


class _RuleStarts:
    """Where in one paragraph each rule's match may begin: the offsets of
    its first words and numbers, from the text layer's index of words
    (`ParagraphText.words_at`). Every rule's match begins with an ASCII word
    or number that no word character comes before (its pattern opens with
    "\\b" or a lookbehind) and no letter follows, or at a quotation mark
    before a number. Each of some thirty patterns scanned every offset of
    every paragraph (sre finds no fast first character for a pattern that
    opens with "\\b" or a lookbehind); now each is tried only there."""

    __slots__ = ("_at", "_ranks")

    def __init__(self, text: ParagraphText) -> None:
        # The offsets of each first word, of numbers and of quoted numbers;
        # None when the paragraph is to be scanned whole.
        self._at: dict[str, list[int]] | None = None
        self._ranks: set[int] = set()
        paragraph = text.text
        if text.folds_into_ascii:
            return  # scanned whole, rule by rule
        at = text.words_at
        for key in _FIRST_WORDS.intersection(at):
            self._ranks.update(_RULES_BY_FIRST[key])
        quoted = [
            start - 1 for start in at.get(_NUMBER, ()) if start and paragraph[start - 1] in "'’"
        ]
        if quoted:
            at = {**at, _QUOTED_NUMBER: quoted}
            self._ranks.update(_RULES_BY_FIRST[_QUOTED_NUMBER])
        self._at = at

    def ranks(self) -> Iterable[int]:
        """The rules, by number, whose match may begin in the paragraph, in order."""
        return range(len(_DATE_RULES)) if self._at is None else sorted(self._ranks)

    def matches(self, rank: int, paragraph: str) -> Iterator[re.Match[str]]:
        """What `_DATE_RULES[rank].pattern.finditer(paragraph)` finds."""
        pattern = _DATE_RULES[rank].pattern
        at = self._at
        if at is None:
            return pattern.finditer(paragraph)
        lists = [at[first] for first in _RULE_FIRSTS[rank] if first in at]
        starts = lists[0] if len(lists) == 1 else sorted(itertools.chain.from_iterable(lists))
        return matches_at(pattern, paragraph, starts)


# --- durations -------------------------------------------------------------

_DURATION = re.compile(
    rf"(?<![\w.,£$€-])(?P<n>{NUMBER_WORDS}|[0-9]{{1,4}}(?:\.[0-9]+)?|a\s+few|a\s+couple\s+of"
    r"|several|half\s+an?|an?)(?:\s+and\s+a\s+half)?(?P<sep>-|\s+)"
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?"
    r"|decades?|century|centuries)(?![\w-])(?!\s+(?:old|ago)\b)",
    _I,
)
_DURATION_UNIT_STEMS = _word_list(
    "second minute hour day night week fortnight month year decade centur"
)
_DURATION_STARTS = _word_set(
    "a an half several one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty"
    " seventy eighty ninety"
)
_DURATION_FIRST = _DURATION_STARTS | {NUMBER}
# "a year" and "one day" are lengths of time only after words like these;
# elsewhere they are rates ("£5m a year") or idiom ("one day he will").
_DURATION_LEADS = _word_set(
    "for than within over after in about around nearly almost just only least some barely"
    " under past first another"
)


# "the best part of a decade", "most of a year": a length of time after "of".
_PART_OF = re.compile(
    r"\b(?:part|most|much|rest|course|space|period|length|half)\s+of\s+$", re.IGNORECASE
)
# "$2,400 a year", "£5m a year", "40p a week": a rate, whatever word came before the amount.
_AMOUNT_BEFORE = re.compile(r"[0-9](?:[.,][0-9]+)*(?:bn|m|k|p|pc|%)?\s+$", re.IGNORECASE)


def _is_duration(match: re.Match[str], paragraph: str) -> bool:
    count = match.group("n").lower()
    if match.group("sep") == "-" or count not in {"a", "an", "one"}:
        return True
    if match.group("unit").lower() == "second":
        return False  # "a second strike"
    start = match.start()
    if _AMOUNT_BEFORE.search(paragraph, max(0, start - 16), start):
        return False
    if _PART_OF.search(paragraph, max(0, start - 20), start):
        return True
    return _word_before(paragraph, start) in _DURATION_LEADS


# --- selection -------------------------------------------------------------


def _with_time(candidate: _Candidate, paragraph: str) -> _Candidate:
    """Widen a day to a time when a clock time is attached to it."""
    period = candidate.period
    if not isinstance(period, Period) or period.granularity != "day":
        return candidate
    before = _TIME_BEFORE.search(paragraph, max(0, candidate.start - 24), candidate.start)
    after = None if before else _TIME_AFTER.match(paragraph, candidate.end)
    clock = before or after
    if clock is None:
        return candidate
    if clock.group("noon"):
        hour, minute = 12, 0
    elif clock.group("h24") is not None:
        hour, minute = int(clock.group("h24")), int(clock.group("mi24"))
    else:
        hour, minute = int(clock.group("h")), int(clock.group("mi") or 0)
        if not 1 <= hour <= 12:
            return candidate
        hour = hour % 12 + (12 if clock.group("ap").lower() == "p" else 0)
    value = f"{period.start.isoformat()}T{hour:02d}:{minute:02d}"
    start = before.start() if before else candidate.start
    end = after.end() if after else candidate.end
    return _Candidate(start, end, Period("time", period.start, period.end, value), candidate.rank)


def _choose(candidates: Iterable[_Candidate], size: int) -> list[_Candidate]:
    """Longest candidates first, then earliest; none may overlap another.

    The characters already taken are marked in a byte array, so whether a
    candidate is free is one scan of its own span in C, and a paragraph of
    any length costs a sort rather than a comparison of every pair."""
    taken = bytearray(size)
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.rank)):
        start, end = candidate.start, candidate.end
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans."""
    index = bisect.bisect_right(starts, start)
    if index and ends[index - 1] > start:
        return True
    return index < len(starts) and starts[index] < end


class _Covered:
    """Spans already found, asked whether a new span lies inside one of them:
    a Fenwick tree holding, for the spans that start at or before each
    offset, the furthest end they reach. Both questions cost a logarithm."""

    __slots__ = ("_reach", "_size")

    def __init__(self, size: int) -> None:
        self._size = size + 1
        self._reach: list[int] | None = None

    def add(self, start: int, end: int) -> None:
        if self._reach is None:
            self._reach = [0] * (self._size + 1)
        reach, index = self._reach, start + 1
        while index <= self._size:
            if reach[index] < end:
                reach[index] = end
            index += index & -index

    def holds(self, start: int, end: int) -> bool:
        reach, index, furthest = self._reach, start + 1, 0
        if reach is None:
            return False
        while index > 0:
            if reach[index] > furthest:
                furthest = reach[index]
            index -= index & -index
        return furthest >= end


def _date_candidates(scene: _Scene) -> Iterable[_Candidate]:
    paragraph = scene.paragraph
    lowered = paragraph.lower()
    # Several rules share one list of needs (the month names); test it once,
    # and only for a rule whose first words the paragraph holds.
    present: list[bool | None] = [None] * len(_NEEDS)
    # Spans already found by an earlier, longer form: "January" inside "27
    # January" would lose to it anyway, and is not worth a tense or a parse.
    covered = _Covered(len(paragraph))
    starts = _RuleStarts(scene.text)
    for rank in starts.ranks():
        rule = _DATE_RULES[rank]
        group = _RULE_NEEDS[rank]
        if present[group] is False:
            continue
        if present[group] is None:
            present[group] = not rule.needs or (
                scene.needs.may_hold(group) and scene.needs.holds(group, lowered)
            )
        if not present[group]:
            continue
        span = _RULE_SPANS[rank]
        for match in starts.matches(rank, paragraph):
            start, end = match.span(span)
            if covered.holds(start, end):
                continue
            try:
                period = rule.resolve(match, scene)
            except (ValueError, OverflowError):
                continue  # an impossible day, or arithmetic past year 1 or 9999
            if period is None:
                continue
            candidate = _Candidate(start, end, period, rank)
            covered.add(start, end)
            timed = _with_time(candidate, paragraph)
            yield timed
            if timed is not candidate:
                # The bare day still counts if its clock time belongs to a neighbour.
                yield candidate


def _duration_matches(text: ParagraphText) -> Iterable[re.Match[str]]:
    """What `_DURATION.finditer` would find, tried only where a duration can
    begin (a number, or a word of _DURATION_STARTS): scanning every position
    for its word alternations is slow."""
    paragraph = text.text
    lowered = paragraph.lower()
    if not any(map(lowered.__contains__, _DURATION_UNIT_STEMS)):
        return
    yield from matches_at(_DURATION, paragraph, text.starts_of(_DURATION_FIRST))


def _durations(text: ParagraphText, dates: list[_Candidate]) -> Iterable[tuple[int, int]]:
    """Lengths of time not already part of a date ("two years ago")."""
    paragraph = text.text
    starts = [date.start for date in dates]
    ends = [date.end for date in dates]
    for match in _duration_matches(text):
        start, end = match.span()
        if _is_duration(match, paragraph) and not _overlaps(starts, ends, start, end):
            yield start, end


def _numeric_order(paragraphs: Sequence[str]) -> NumericOrder | None:
    """The order of day and month in the article's numeric dates, when the
    article settles it: by a numeric date that can be read only one way
    ("25/12/2016"), or else by how it writes its days and months in words
    ("27 January" is British, "January 27" American). None when it is unclear."""
    numeric, day_first, month_first = _DATE_RULES[1].pattern, _DATE_RULES[2], _DATE_RULES[3]
    orders = set()
    for paragraph in paragraphs:
        for match in numeric.finditer(paragraph):
            first, second = int(match.group("d")), int(match.group("m"))
            if first > 12 >= second:
                orders.add("DMY")
            elif second > 12 >= first:
                orders.add("MDY")
    if not orders:
        for paragraph in paragraphs:
            if day_first.pattern.search(paragraph):
                orders.add("DMY")
            if month_first.pattern.search(paragraph):
                orders.add("MDY")
    if orders == {"DMY"}:
        return "DMY"
    if orders == {"MDY"}:
        return "MDY"
    return None


def _has_ambiguous_numeric_date(paragraphs: Sequence[str]) -> bool:
    return any(
        int(match.group("d")) <= 12 and int(match.group("m")) <= 12
        for paragraph in paragraphs
        if "/" in paragraph
        for match in _DATE_RULES[1].pattern.finditer(paragraph)
    )


def find_dates(
    paragraphs: Sequence[str] | ArticleText, published: dt.date | None
) -> tuple[list[DateFact], list[Duration]]:
    """Every date and duration in the paragraphs, in reading order."""
    if isinstance(published, dt.datetime):
        published = published.date()  # date arithmetic on a datetime would keep its clock
    article = ArticleText.of(paragraphs)
    texts = article.texts
    order = _numeric_order(texts) if _has_ambiguous_numeric_date(texts) else None
    dates: list[DateFact] = []
    durations: list[Duration] = []
    # The dates resolved so far, for "the following year" and "a year earlier".
    history = History()
    calendar = learn_calendar(texts, published)
    ledger = Ledger(published, calendar)
    parsed: set[tuple[str, dt.date, _Prefer]] = set()
    # The needs of the rules the article holds nowhere are tested once, not
    # in each paragraph.
    whole = "\n".join(texts).lower()
    needs = _ArticleNeeds(whole)
    business = any(map(whole.__contains__, _BUSINESS_WORDS))
    for index, text in enumerate(article.paragraphs):
        paragraph = text.text
        if not paragraph:
            continue
        scene = _Scene(text, published, order, parsed, calendar, needs, business)
        chosen = _choose(_date_candidates(scene), len(paragraph))
        ledger.start_paragraph(text)
        for candidate in chosen:
            found = candidate.period
            try:
                if isinstance(found, Anaphor):
                    period = history.antecedent(found, index)
                elif isinstance(found, QuarterRef):
                    period = ledger.quarter(found)
                elif isinstance(found, YearBack):
                    period = ledger.year_back(found, candidate.start)
                else:
                    period = found
            except (ValueError, OverflowError):
                continue  # counted past year 1 or 9999
            if period is None:
                continue
            history.add(index, period)
            derived = isinstance(found, YearBack)
            ledger.record(period, candidate.start, candidate.end, derived=derived)
            dates.append(
                DateFact(
                    text=paragraph[candidate.start : candidate.end],
                    paragraph=index,
                    start_char=candidate.start,
                    end_char=candidate.end,
                    granularity=period.granularity,
                    start=period.start,
                    end=period.end,
                    value=period.value,
                )
            )
        for start, end in _durations(text, chosen):
            durations.append(Duration(paragraph[start:end], index, start, end))
    return dates, durations
