"""Dates and durations, resolved against the article's publication date.

Candidates come from compiled patterns, one per form of expression, and are
resolved with plain datetime arithmetic. Every form accepted here has an exact
meaning relative to the publication date ("next week" is the ISO week after
it), which is faster and more exact to compute than to hand to dateparser;
dateparser's search is slow and finds dates in words such as "we" and "now".

The text of a fact is the date expression itself: a leading preposition ("in
1974", "on Friday") is left out, a deictic word ("this Friday", "last week")
is kept because it changes the meaning.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from dateline.facts.base import DateFact, Duration, Granularity
from dateline.facts.numbers import NUMBER_WORDS, word_value


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
# month; without one, "May" is more often Theresa May.
_DATE_PREPOSITIONS = _word_set(
    "in on since by until till from during before after between and to through throughout"
    " early late mid end start beginning middle around circa of spring summer autumn winter"
    " last next this"
)
# A year alone needs a word before it that makes it one ("in 1974"). After the
# words that also introduce counts ("rose by 1500", "from 1200 to 1500") only
# years of the last and present centuries are taken.
_YEAR_LEADS = _word_set(
    "in since during until till before after early late mid circa spring summer autumn winter"
    " year throughout"
)
_YEAR_LEAD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)(?:\s+|\s*-)$")
_MODERN_YEAR_LEADS = _word_set("of by from to and between through end start beginning")
_FEAST_DAYS = _word_set(
    "good black cyber easter ash maundy super shrove holy palm mothering remembrance bloody blue"
)
_AMBIGUOUS_MONTHS = frozenset({"May", "March"})
# Counted things after a year-like number mean it was a count ("in 2000 homes").
_COUNTED_AFTER_YEAR = re.compile(
    r"\s+(?:people|staff|workers|members|jobs|homes|houses|children|pupils|patients|cases"
    r"|deaths|families|households|employees|residents|students|officers|troops|votes)\b",
    re.IGNORECASE,
)

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
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
# Cues for the tense of a sentence, future alternatives first so that "planned"
# counts as future rather than as a past participle.
_TENSE_CUE = re.compile(
    r"(?P<future>\b(?:will|shall|would|due|plans?|planned|planning|going\s+to|set\s+to"
    r"|expected|scheduled|upcoming|next|tomorrow)\b|['’]ll\b)"
    r"|(?P<past>\b(?:was|were|had|did|said|told|ago|yesterday|last|earlier|previously"
    r"|[a-z]+[^e\W]ed)\b)",
    re.IGNORECASE,
)
_TENSE_WINDOW = 300
_PROGRAMME = re.compile(r"\s+programme\b", re.IGNORECASE)
# Before a weekday these make it any such day, not one date: "every Friday", "on a Friday".
_ANY_DAY = _word_set("every each a any most")


@dataclass(slots=True, frozen=True)
class _Period:
    granularity: Granularity
    start: dt.date
    end: dt.date
    value: str | None


@dataclass(slots=True, frozen=True)
class _Scene:
    """Where a match sits: its paragraph and the article's publication date."""

    paragraph: str
    published: dt.date | None


Resolver = Callable[[re.Match[str], _Scene], _Period | None]


@dataclass(slots=True, frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Resolver
    # Lower-case strings of which a paragraph must hold one for the pattern to
    # be worth running; a substring test is far cheaper than a regex scan.
    needs: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class _Candidate:
    start: int
    end: int
    period: _Period
    rank: int


# --- periods ---------------------------------------------------------------


def _day(day: dt.date) -> _Period:
    return _Period("day", day, day, day.isoformat())


def _week_of(day: dt.date) -> _Period:
    monday = day - dt.timedelta(days=day.weekday())
    iso = monday.isocalendar()
    return _Period("week", monday, monday + dt.timedelta(days=6), f"{iso[0]:04d}-W{iso[1]:02d}")


def _weekend_of(day: dt.date) -> _Period:
    # A weekend has no ISO form, so it is a week-sized period known only by its days.
    saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
    return _Period("week", saturday, saturday + dt.timedelta(days=1), None)


def _month(year: int, month: int) -> _Period:
    # Month arithmetic may overflow past December or before January.
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return _Period("month", first, following - dt.timedelta(days=1), f"{year:04d}-{month:02d}")


def _quarter(year: int, quarter: int) -> _Period:
    year, quarter = year + (quarter - 1) // 4, (quarter - 1) % 4 + 1
    first = _month(year, 3 * quarter - 2).start
    last = _month(year, 3 * quarter).end
    return _Period("quarter", first, last, f"{year:04d}-Q{quarter}")


def _year(year: int) -> _Period:
    return _Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")


def _fiscal_year(first_year: int) -> _Period:
    # UK financial year, 1 April to 31 March. ISO-8601 has no form for it.
    return _Period("fiscal_year", dt.date(first_year, 4, 1), dt.date(first_year + 1, 3, 31), None)


def _decade(first_year: int) -> _Period:
    # ISO-8601 writes the 1990s as "199", which nobody would read: value stays null.
    return _Period("decade", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), None)


def _century(number: int) -> _Period | None:
    if not 1 <= number <= 99:
        return None
    first = max(1, (number - 1) * 100)
    return _Period("century", dt.date(first, 1, 1), dt.date((number - 1) * 100 + 99, 12, 31), None)


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


def _tense(scene: _Scene, start: int, end: int) -> bool | None:
    """Whether the sentence around a date speaks of the future (True) or the
    past (False), or None when it gives no cue. The cue nearest the date wins;
    cues after it count double because the verb governing a date usually comes
    before it."""
    text = scene.paragraph
    left = max(0, start - _TENSE_WINDOW)
    right = min(len(text), end + _TENSE_WINDOW)
    for boundary in _SENTENCE_END.finditer(text, left, start):
        left = boundary.end()
    boundary = _SENTENCE_END.search(text, end, right)
    if boundary:
        right = boundary.start()
    best: tuple[int, bool] | None = None
    for cue in _TENSE_CUE.finditer(text, left, right):
        if start <= cue.start() < end:
            continue
        distance = start - cue.end() if cue.end() <= start else 2 * (cue.start() - end)
        if best is None or distance < best[0]:
            best = (distance, cue.group("future") is not None)
    return best[1] if best else None


def _refers_to_future(scene: _Scene, start: int, end: int) -> bool:
    # News reports the past far more often than it announces the future.
    return _tense(scene, start, end) is True


# --- resolvers -------------------------------------------------------------


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


def _nearest_month(month: int, published: dt.date, future: bool | None) -> _Period:
    """The month nearest the publication date, unless the sentence's tense
    says otherwise: "told a meeting in March" in January is last March."""
    here = published.year * 12 + published.month - 1
    offsets = [(published.year + shift) * 12 + month - 1 - here for shift in (-1, 0, 1)]
    if future is not None:
        offsets = [o for o in offsets if o == 0 or (o > 0) == future] or offsets
    # Six months either way is a tie; the tense of the sentence breaks it.
    offset = min(offsets, key=lambda o: (abs(o), o < 0 if future else o > 0))
    return _month(published.year, published.month + offset)


def _resolve_day_month(match: re.Match[str], scene: _Scene) -> _Period | None:
    month = _MONTH_NUMBER[match.group("mon").rstrip(".").lower()]
    day = int(match.group("d"))
    if match.group("mon") in _AMBIGUOUS_MONTHS and _is_name_part(
        scene.paragraph, match.start("mon")
    ):
        return None
    if match.group("y"):
        return _day(dt.date(int(match.group("y")), month, day))
    if scene.published is None:
        return None
    nearest = _nearest_day(month, day, scene.published)
    return _day(nearest) if nearest else None


def _resolve_month_year(match: re.Match[str], scene: _Scene) -> _Period | None:
    if _is_name_part(scene.paragraph, match.start("mon")):
        return None
    return _month(int(match.group("y")), _MONTH_NUMBER[match.group("mon").rstrip(".").lower()])


def _resolve_month_relative_year(match: re.Match[str], scene: _Scene) -> _Period | None:
    if scene.published is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return _month(scene.published.year + shift, _MONTH_NUMBER[match.group("mon").lower()])


def _resolve_relative_month(match: re.Match[str], scene: _Scene) -> _Period | None:
    published = scene.published
    if published is None or _word_before(scene.paragraph, match.start()) == "the":
        return None
    month = _MONTH_NUMBER[match.group("mon").lower()]
    rel = match.group("rel").lower()
    if rel == "this":
        return _month(published.year, month)
    if rel == "last":
        return _month(published.year - (month >= published.month), month)
    return _month(published.year + (month <= published.month), month)


def _resolve_bare_month(match: re.Match[str], scene: _Scene) -> _Period | None:
    name = match.group("mon")
    before = _word_before(scene.paragraph, match.start())
    if name in _AMBIGUOUS_MONTHS and before not in _DATE_PREPOSITIONS:
        return None
    if _is_name_part(scene.paragraph, match.start()) or scene.published is None:
        return None
    future = _tense(scene, match.start(), match.end())
    return _nearest_month(_MONTH_NUMBER[name.lower()], scene.published, future)


def _resolve_weekday(match: re.Match[str], scene: _Scene) -> _Period | None:
    published = scene.published
    if published is None:
        return None
    target = _WEEKDAY_INDEX[match.group("wd")]
    rel = " ".join((match.group("rel") or "").lower().split())
    before = _word_before(scene.paragraph, match.start())
    if before in _ANY_DAY or (rel and before == "the"):
        return None  # a repetition, or "the last Friday of the month"
    monday = published - dt.timedelta(days=published.weekday())
    if rel == "next":
        return _day(monday + dt.timedelta(days=7 + target))
    if rel in {"this", "coming", "this coming"}:
        day = monday + dt.timedelta(days=target)
        return _day(day if day >= published else day + dt.timedelta(days=7))
    if rel == "last":
        back = (published.weekday() - target) % 7 or 7
        return _day(published - dt.timedelta(days=back))
    if before in _FEAST_DAYS or _is_name_part(scene.paragraph, match.start()):
        return None  # Good Friday is a feast, Black Friday a name: neither is "on Friday"
    # A bare weekday on the publication day's own weekday is that day: wire
    # copy dated Wednesday says "said on Wednesday" of the same day.
    if _refers_to_future(scene, match.start(), match.end()):
        return _day(published + dt.timedelta(days=(target - published.weekday()) % 7))
    return _day(published - dt.timedelta(days=(published.weekday() - target) % 7))


def _resolve_relative_day(match: re.Match[str], scene: _Scene) -> _Period | None:
    if scene.published is None:
        return None
    word = match.group("w").lower()
    if word == "today" and _PROGRAMME.match(scene.paragraph, match.end()):
        return None  # BBC Radio 4's Today programme
    shift = -1 if word.startswith(("yesterday", "last")) else 1 if word == "tomorrow" else 0
    # "the day before yesterday", "the day after tomorrow"
    offset = match.group("off")
    shift += -1 if offset == "before" else 1 if offset == "after" else 0
    return _day(scene.published + dt.timedelta(days=shift))


def _resolve_relative_period(match: re.Match[str], scene: _Scene) -> _Period | None:
    published = scene.published
    # "the last year" and "the next month" are stretches of time, not periods.
    if published is None or _word_before(scene.paragraph, match.start()) == "the":
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    unit = match.group("unit").lower()
    if unit == "week":
        return _week_of(published + dt.timedelta(weeks=shift))
    if unit == "weekend":
        return _weekend_of(published + dt.timedelta(weeks=shift))
    if unit == "month":
        return _month(published.year, published.month + shift)
    if unit == "quarter":
        return _quarter(published.year, (published.month - 1) // 3 + 1 + shift)
    if unit == "year":
        return _year(published.year + shift)
    if unit == "decade":
        return _decade(published.year // 10 * 10 + 10 * shift)
    return _century(published.year // 100 + 1 + shift)


def _resolve_the_weekend(match: re.Match[str], scene: _Scene) -> _Period | None:
    published = scene.published
    if published is None:
        return None
    weekend = _weekend_of(published)
    if _refers_to_future(scene, match.start("expr"), match.end("expr")):
        return weekend if weekend.end >= published else _weekend_of(published + dt.timedelta(7))
    return weekend if weekend.start <= published else _weekend_of(published - dt.timedelta(7))


def _resolve_ago(match: re.Match[str], scene: _Scene) -> _Period | None:
    published = scene.published
    if published is None:
        return None
    count_text = match.group("n").lower()
    count = int(count_text) if count_text.isdigit() else word_value(count_text) or 1
    unit = match.group("unit").lower().rstrip("s")
    if unit == "day":
        return _day(published - dt.timedelta(days=count))
    if unit == "week":
        return _week_of(published - dt.timedelta(weeks=count))
    if unit == "month":
        return _month(published.year, published.month - count)
    return _year(published.year - count)


def _resolve_year(match: re.Match[str], scene: _Scene) -> _Period | None:
    lead = _YEAR_LEAD.search(scene.paragraph, max(0, match.start() - 20), match.start())
    if lead is None:
        return None
    word = lead.group(1).lower()
    if word in _YEAR_LEADS:
        lowest, highest = 1000, 2199
    elif word in _MODERN_YEAR_LEADS:
        lowest, highest = 1900, 2099
    else:
        return None
    year = int(match.group("expr"))
    if not lowest <= year <= highest or _COUNTED_AFTER_YEAR.match(scene.paragraph, match.end()):
        return None
    return _year(year)


def _resolve_fiscal_year(match: re.Match[str], scene: _Scene) -> _Period | None:
    first = int(match.group("a"))
    second_text = match.group("b") or match.group("c")
    second = int(second_text)
    follows = second == first + 1 if len(second_text) == 4 else second == (first + 1) % 100
    return _fiscal_year(first) if follows else None


def _resolve_iso(match: re.Match[str], scene: _Scene) -> _Period | None:
    day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    if match.group("hh") is None:
        return _day(day)
    hour, minute = int(match.group("hh")), int(match.group("mm"))
    if hour > 23 or minute > 59:
        return _day(day)
    return _Period("time", day, day, f"{day.isoformat()}T{hour:02d}:{minute:02d}")


def _resolve_numeric(match: re.Match[str], scene: _Scene) -> _Period | None:
    # Day first, as British copy writes it; month first only when day first is impossible.
    first, second, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    try:
        return _day(dt.date(year, second, first))
    except ValueError:
        return _day(dt.date(year, first, second))


def _resolve_decade(match: re.Match[str], scene: _Scene) -> _Period | None:
    if match.group("cc"):
        first = int(match.group("cc") + match.group("dd") + "0")
        # "the 1800s" is read as the century; "the 2000s" as the decade.
        if first % 100 == 0 and first < 2000:
            return _Period("century", dt.date(first, 1, 1), dt.date(first + 99, 12, 31), None)
        return _decade(first)
    first = 2000 + int(match.group("d2")) * 10
    latest = scene.published.year if scene.published else 2029
    return _decade(first if first <= latest else first - 100)


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


def _resolve_century(match: re.Match[str], scene: _Scene) -> _Period | None:
    if match.group("n"):
        return _century(int(match.group("n")))
    return _century(_ORDINAL_WORDS[match.group("w").lower()])


def _resolve_quarter(match: re.Match[str], scene: _Scene) -> _Period | None:
    year = int(match.group("y") or match.group("y2") or match.group("y3"))
    quarter_text = match.group("q") or match.group("q2")
    if quarter_text:
        return _quarter(year, int(quarter_text))
    ordinal = match.group("ord").lower()
    return _quarter(year, 4 if ordinal in {"final", "last"} else _ORDINAL_WORDS[ordinal])


# --- rules -----------------------------------------------------------------

_I = re.IGNORECASE
_MONTH_STEMS = tuple(name[:3].lower() for name in _MONTHS)
_DIGITS = tuple("0123456789")
_DATE_RULES: tuple[_Rule, ...] = (
    _Rule(
        re.compile(
            r"(?<![\w-])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
            r"(?:T(?P<hh>[0-9]{2}):(?P<mm>[0-9]{2}))?(?![\w-])"
        ),
        _resolve_iso,
        ("-",),
    ),
    _Rule(
        re.compile(r"(?<![\w/.-])(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})(?![\w/])"),
        _resolve_numeric,
        ("/",),
    ),
    _Rule(
        re.compile(
            rf"(?<![\w.,£$€/-])(?:{_WEEKDAY},?\s+(?:the\s+)?)?(?P<d>[0-9]{{1,2}})"
            rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_ANY_MONTH})"
            r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?"
        ),
        _resolve_day_month,
        _MONTH_STEMS,
    ),
    _Rule(
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_ANY_MONTH})\s+(?P<d>[0-9]{{1,2}})"
            r"(?:st|nd|rd|th)?(?![0-9A-Za-z%]|[.,:][0-9])"
            r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?"
        ),
        _resolve_day_month,
        _MONTH_STEMS,
    ),
    _Rule(
        re.compile(rf"\b(?P<mon>{_ANY_MONTH})\s+(?:of\s+)?(?P<y>[0-9]{{4}})(?![0-9])"),
        _resolve_month_year,
        _MONTH_STEMS,
    ),
    _Rule(
        re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b"),
        _resolve_month_relative_year,
        ("year",),
    ),
    _Rule(
        re.compile(rf"\b(?P<rel>(?i:last|this|next))\s+(?P<mon>{_MONTH})\b"),
        _resolve_relative_month,
        _MONTH_STEMS,
    ),
    _Rule(re.compile(rf"\b(?P<mon>{_MONTH})\b"), _resolve_bare_month, _MONTH_STEMS),
    _Rule(
        re.compile(
            rf"\b(?:(?P<rel>(?i:this\s+coming|this|next|last|coming))\s+)?(?P<wd>{_WEEKDAY})"
            r"(?![A-Za-z]|\s+week\b)"
        ),
        _resolve_weekday,
        ("day",),
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
    ),
    _Rule(
        re.compile(
            r"\b(?P<rel>this|next|last)\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)",
            _I,
        ),
        _resolve_relative_period,
        ("this", "next", "last"),
    ),
    _Rule(
        re.compile(r"\b(?:at|over|on|during)\s+(?P<expr>the\s+weekend)\b", _I),
        _resolve_the_weekend,
        ("weekend",),
    ),
    _Rule(
        re.compile(
            r"\b(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
            r"|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
            _I,
        ),
        _resolve_ago,
        (" ago",),
    ),
    _Rule(
        re.compile(r"(?<![\w/.,£$€¥])(?P<expr>[12][0-9]{3})(?![0-9]|[/–-][0-9]|[,.][0-9]|\s*%)"),
        _resolve_year,
        _DIGITS,
    ),
    _Rule(
        re.compile(
            r"(?<![\w/.-])(?P<a>(?:19|20)[0-9]{2})"
            r"(?:/(?P<b>(?:19|20)[0-9]{2}|[0-9]{2})|[-–](?P<c>[0-9]{2}))(?![\w/-]|[.,][0-9])"
        ),
        _resolve_fiscal_year,
        ("/", "-", "–"),
    ),
    _Rule(
        re.compile(
            r"(?<![\w£$€.])(?:(?P<cc>1[0-9]|20)(?P<dd>[0-9])0s|['’](?P<d2>[0-9])0s)(?![\w’'])"
        ),
        _resolve_decade,
        ("0s",),
    ),
    _Rule(
        re.compile(
            rf"\b(?:(?P<n>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<w>{'|'.join(_ORDINAL_WORDS)}))"
            r"[\s-]+century\b",
            _I,
        ),
        _resolve_century,
        ("centur",),
    ),
    _Rule(
        re.compile(
            r"\b(?:Q(?P<q>[1-4])\s+(?P<y>[0-9]{4})|(?P<y2>[0-9]{4})\s+Q(?P<q2>[1-4]))\b"
            r"|\b(?P<ord>(?i:first|second|third|fourth|final|last))\s+(?i:quarter\s+of)\s+"
            r"(?P<y3>[0-9]{4})\b"
        ),
        _resolve_quarter,
        ("q1", "q2", "q3", "q4", "quarter"),
    ),
)


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
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
# "a year" and "one day" are lengths of time only after words like these;
# elsewhere they are rates ("£5m a year") or idiom ("one day he will").
_DURATION_LEADS = _word_set(
    "for than within over after in about around nearly almost just only least some barely"
    " under past first another"
)


def _is_duration(match: re.Match[str], paragraph: str) -> bool:
    count = match.group("n").lower()
    if match.group("sep") == "-" or count not in {"a", "an", "one"}:
        return True
    if match.group("unit").lower() == "second":
        return False  # "a second strike"
    return _word_before(paragraph, match.start()) in _DURATION_LEADS


# --- selection -------------------------------------------------------------


def _with_time(candidate: _Candidate, paragraph: str) -> _Candidate:
    """Widen a day to a time when a clock time is attached to it."""
    period = candidate.period
    if period.granularity != "day":
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
    return _Candidate(start, end, _Period("time", period.start, period.end, value), candidate.rank)


def _choose(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Longest candidates first, then earliest; none may overlap another.

    Candidates are taken in clusters of mutually overlapping ones, so a huge
    paragraph costs a sort rather than a comparison of every pair."""
    chosen: list[_Candidate] = []
    cluster: list[_Candidate] = []
    cluster_end = -1
    for candidate in sorted(candidates, key=lambda c: c.start):
        if cluster and candidate.start >= cluster_end:
            chosen += _choose_in_cluster(cluster)
            cluster = []
        cluster.append(candidate)
        cluster_end = max(cluster_end, candidate.end)
    chosen += _choose_in_cluster(cluster)
    return chosen


def _choose_in_cluster(cluster: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for candidate in sorted(cluster, key=lambda c: (c.start - c.end, c.start, c.rank)):
        if all(candidate.end <= k.start or k.end <= candidate.start for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans."""
    index = bisect.bisect_right(starts, start)
    if index and ends[index - 1] > start:
        return True
    return index < len(starts) and starts[index] < end


def _date_candidates(scene: _Scene) -> Iterable[_Candidate]:
    lowered = scene.paragraph.lower()
    # Several rules share one list of needs (the month names); test it once.
    present: dict[tuple[str, ...], bool] = {(): True}
    for rank, rule in enumerate(_DATE_RULES):
        if rule.needs not in present:
            present[rule.needs] = any(needed in lowered for needed in rule.needs)
        if not present[rule.needs]:
            continue
        for match in rule.pattern.finditer(scene.paragraph):
            try:
                period = rule.resolve(match, scene)
            except (ValueError, OverflowError):
                continue  # an impossible day, or arithmetic past year 1 or 9999
            if period is None:
                continue
            group = "expr" if "expr" in rule.pattern.groupindex else 0
            start, end = match.span(group)
            candidate = _Candidate(start, end, period, rank)
            timed = _with_time(candidate, scene.paragraph)
            yield timed
            if timed is not candidate:
                # The bare day still counts if its clock time belongs to a neighbour.
                yield candidate


def _duration_matches(paragraph: str) -> Iterable[re.Match[str]]:
    """What `_DURATION.finditer` would find, tried only where a duration can
    begin: scanning every position for its word alternations is slow."""
    lowered = paragraph.lower()
    if not any(unit in lowered for unit in _DURATION_UNIT_STEMS):
        return
    resume = 0
    for token in _TOKEN.finditer(paragraph):
        start = token.start()
        if start < resume or not (
            token.group()[0].isdigit() or token.group().lower() in _DURATION_STARTS
        ):
            continue
        match = _DURATION.match(paragraph, start)
        if match:
            resume = match.end()
            yield match


def _durations(paragraph: str, dates: list[_Candidate]) -> Iterable[tuple[int, int]]:
    """Lengths of time not already part of a date ("two years ago")."""
    starts = [date.start for date in dates]
    ends = [date.end for date in dates]
    for match in _duration_matches(paragraph):
        start, end = match.span()
        if _is_duration(match, paragraph) and not _overlaps(starts, ends, start, end):
            yield start, end


def find_dates(
    paragraphs: Sequence[str], published: dt.date | None
) -> tuple[list[DateFact], list[Duration]]:
    """Every date and duration in the paragraphs, in reading order."""
    if isinstance(published, dt.datetime):
        published = published.date()  # date arithmetic on a datetime would keep its clock
    dates: list[DateFact] = []
    durations: list[Duration] = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        chosen = _choose(_date_candidates(_Scene(paragraph, published)))
        for candidate in chosen:
            period = candidate.period
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
        for start, end in _durations(paragraph, chosen):
            durations.append(Duration(paragraph[start:end], index, start, end))
    return dates, durations
