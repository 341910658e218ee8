"""Dates named from other dates, resolved in reading order once those are
known: "the following year" from the date before it; "the quarter" from the
quarter the article reports on; "a year earlier" from the period its
sentence compares.

Each keeps only the latest date of each kind it may refer to, so finding the
date referred to costs the same after ten dates as after ten thousand.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateline.facts.fiscal import FiscalCalendar
from dateline.facts.periods import (
    Period,
    day_period,
    month_period,
    months_on,
    week_of,
    year_period,
    years_before,
    years_on,
)
from dateline.facts.text import ParagraphText


@dataclass(slots=True, frozen=True)
class Anaphor:
    """A date named from the one before it in the text ("the following year"):
    resolved once that one is known, in reading order."""

    unit: Literal["day", "week", "month", "year"]
    shift: int
    weekday: int | None = None  # "the following Monday"


@dataclass(slots=True, frozen=True)
class QuarterRef:
    """ "the quarter", "the latest quarter" (shift 0): the quarter the article
    reports on; "the previous quarter" (-1): the one before the quarter
    named last. Resolved in reading order, once those are known."""

    shift: int = 0


@dataclass(slots=True, frozen=True)
class YearBack:
    """ "a year ago", "a year earlier", "the year-earlier period", "the
    year-ago quarter": the period compared, `years` back (see Ledger).
    `noun` is what the phrase names ("quarter", "period"), if anything;
    `ago` counts from now rather than from a date before it."""

    years: int
    noun: Literal["quarter", "period"] | None = None
    ago: bool = False


class History:
    """The dates resolved so far, for the anaphors after them ("the
    following year"). Only the latest of each kind matters, so that is all
    that is kept: finding an antecedent costs the same after ten dates as
    after ten thousand."""

    __slots__ = ("_count", "_latest")

    def __init__(self) -> None:
        # (granularity, whether it spans calendar years) -> (order, paragraph, period)
        self._latest: dict[tuple[str, bool], tuple[int, int, Period]] = {}
        self._count = 0

    def add(self, paragraph: int, period: Period) -> None:
        key = (period.granularity, period.start.year != period.end.year)
        self._latest[key] = (self._count, paragraph, period)
        self._count += 1

    def antecedent(self, anaphor: Anaphor, paragraph: int) -> Period | None:
        """The date an anaphor names, counted from the latest date before it
        that is fine enough ("that month" skips a year to reach "November").
        Only dates in the same paragraph or the one before make the
        reference clear."""
        best: tuple[int, int, Period] | None = None
        for (granularity, spans_years), entry in self._latest.items():
            if entry[1] < paragraph - 1 or (best is not None and entry[0] < best[0]):
                continue
            if _can_follow(anaphor, granularity, spans_years):
                best = entry
        if best is None:
            return None
        try:
            return follow_anaphor(anaphor, best[2])
        except (ValueError, OverflowError):
            return None


def _can_follow(anaphor: Anaphor, granularity: str, spans_years: bool) -> bool:
    """Whether `_follow_anaphor` can count `anaphor` from a period of this
    kind (it returns None for the others)."""
    if anaphor.weekday is not None or anaphor.unit == "day":
        return granularity in ("day", "time")
    if anaphor.unit == "year":
        if granularity == "fiscal_year":
            return True
        return granularity not in ("decade", "century") and not (anaphor.shift == 0 and spans_years)
    if anaphor.unit == "month":
        return granularity in ("day", "time", "week", "month")
    return granularity in ("day", "time", "week")


def follow_anaphor(anaphor: Anaphor, previous: Period) -> Period | None:
    """The date an anaphor names, counted from the date before it; None when
    that date is too coarse to count from ("the following month" after "2016")."""
    kind, start, shift = previous.granularity, previous.start, anaphor.shift
    if anaphor.weekday is not None:
        if kind not in ("day", "time"):
            return None
        if shift > 0:
            ahead = (anaphor.weekday - start.weekday()) % 7 or 7
            return day_period(start + dt.timedelta(days=ahead))
        back = (start.weekday() - anaphor.weekday) % 7 or 7
        return day_period(start - dt.timedelta(days=back))
    if anaphor.unit == "year":
        if kind == "fiscal_year":
            return years_on(previous, shift)  # the company's year after, or the UK's
        if kind in ("decade", "century") or (shift == 0 and start.year != previous.end.year):
            return None
        return year_period((previous.end.year if shift > 0 else start.year) + shift)
    if anaphor.unit == "month":
        if kind not in ("day", "time", "week", "month"):
            return None
        return month_period(start.year, start.month + shift)
    if anaphor.unit == "week":
        if kind not in ("day", "time", "week"):
            return None
        return week_of(start + dt.timedelta(weeks=shift))
    if kind not in ("day", "time"):
        return None
    return day_period(start + dt.timedelta(days=shift))


# A day on which something was said is no period a figure is compared with:
# "said yesterday that profit rose from a year earlier".
_OCCASION_BEFORE = re.compile(
    r"\b(?:said|says|reported|reports|announced|told\s+\w+|added|disclosed|posted)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_OCCASION_AFTER = re.compile(r",?\s+(?:said|reported|announced|disclosed|posted)\b", re.IGNORECASE)
_DIGIT = re.compile(r"[0-9]")
# A day that closes the three months compared stands for that quarter: "revenue
# for the three months ended June 30 rose ... from the year-earlier period";
# one that closes any other span ("the nine months ended Sept. 30") for none.
_QUARTER_ENDED = re.compile(
    r"\b(?:three|3)[\s-]months?\s+(?:ended|ending|to)\s+(?:on\s+)?$|\bquarter\s+(?:ended|ending|to)"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_SPAN_ENDED = re.compile(
    r"\b(?:ended|ending)\s+(?:on\s+)?$|\b(?:months|weeks|year|half)\s+to\s+$", re.IGNORECASE
)
# Spans no single date names: a year back from one is no date either.
_SPANS = re.compile(
    r"\b(?:first|second)\s+half\b|\b(?:six|nine|6|9)[\s-]months?\b|\byear[\s-]to[\s-]date\b"
    r"|\bhalf[\s-]year\b"
    r"|\b(?:ended|ending)\s+(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    re.IGNORECASE,
)


class Ledger:
    """What later dates refer back to, in reading order: the quarter the
    article reports on (the first quarter it names that has ended by the
    publication date), and the dates so far in the paragraph, by sentence,
    for the periods a year back ("a year earlier").

    A year-back phrase names the period its sentence compares, a year back:
    a quarter in the sentence ("third-quarter net rose ... from a year
    earlier"), else another date in it ("Sales in March rose from a year
    ago"); else a quarter earlier in the paragraph; else, in a sentence
    of figures, the quarter the article reports on; else, for "a year
    earlier", the date the paragraph spoke of last ("In 1995 ... A year
    earlier"); and with nothing to compare ("a year ago, the plant was
    closed"), the day a year before publication. Only the latest date of
    each kind is kept, so a reference costs the same after any number."""

    __slots__ = (
        "_calendar",
        "_digits",
        "_last_quarter",
        "_paragraph",
        "_paragraph_last",
        "_paragraph_quarter",
        "_previous_last",
        "_published",
        "_reported",
        "_sentence_other",
        "_sentence_quarter",
        "_spans",
    )

    def __init__(self, published: dt.date | None, calendar: FiscalCalendar) -> None:
        self._published = published
        self._calendar = calendar
        self._reported: Period | None = None
        self._last_quarter: Period | None = None
        self._paragraph: ParagraphText | None = None
        self._digits: list[int] | None = None
        self._spans: list[int] | None = None
        self._sentence_quarter: dict[int, Period] = {}
        self._sentence_other: dict[int, Period] = {}
        self._paragraph_quarter: Period | None = None
        self._paragraph_last: Period | None = None
        self._previous_last: Period | None = None

    def start_paragraph(self, paragraph: ParagraphText) -> None:
        self._previous_last = self._paragraph_last
        self._paragraph = paragraph
        self._digits = self._spans = None
        self._sentence_quarter, self._sentence_other = {}, {}
        self._paragraph_quarter = self._paragraph_last = None

    def record(self, period: Period, start: int, end: int, derived: bool) -> None:
        """Note a date resolved at `text[start:end]`; `derived` for one found
        a year back from another."""
        if derived:
            return
        paragraph = self._paragraph
        assert paragraph is not None
        sentence = paragraph.sentence_index(start)
        if period.granularity == "quarter":
            published = self._published
            if self._reported is None and published is not None and period.end < published:
                self._reported = period
            self._last_quarter = self._sentence_quarter[sentence] = period
            self._paragraph_quarter = self._paragraph_last = period
            return
        if period.granularity in ("day", "time"):
            text = paragraph.text
            if _QUARTER_ENDED.search(text, max(0, start - 30), start):
                calendar = self._calendar
                closed = calendar.quarter(calendar.quarter_holding(period.start).first_month)
                self._sentence_quarter[sentence] = calendar.period(closed)
                return
            if _SPAN_ENDED.search(text, max(0, start - 16), start) or self._is_occasion(start, end):
                return
        self._sentence_other[sentence] = self._paragraph_last = period

    def _is_occasion(self, start: int, end: int) -> bool:
        text = self._paragraph.text  # type: ignore[union-attr]
        return bool(
            _OCCASION_BEFORE.search(text, max(0, start - 40), start)
            or _OCCASION_AFTER.match(text, end)
        )

    def reported(self) -> Period | None:
        """The quarter the article reports on: the first it named that has
        ended, or the last to end before publication."""
        if self._reported is not None or self._published is None:
            return self._reported
        calendar = self._calendar
        current = calendar.quarter_holding(self._published)
        return calendar.period(calendar.quarter(current.first_month - 3))

    def quarter(self, reference: QuarterRef) -> Period | None:
        if reference.shift == 0:
            return self.reported()
        base = self._last_quarter or self.reported()
        if base is None:
            return None
        return months_on(base, 3 * reference.shift)

    def year_back(self, phrase: YearBack, start: int) -> Period | None:
        """The period the phrase at `start` names (see the class)."""
        paragraph = self._paragraph
        assert paragraph is not None
        sentence = paragraph.sentence_index(start)
        years = phrase.years
        quarter = self._sentence_quarter.get(sentence)
        if quarter is not None:
            return months_on(quarter, -12 * years)
        if self._in_sentence(_SPANS, sentence):
            return None  # "the nine months ended Sept. 30 ... a year earlier"
        other = self._sentence_other.get(sentence)
        if other is not None and phrase.noun != "quarter":
            found = years_on(other, -years)
            if found is not None:
                return found
        compares = self._in_sentence(_DIGIT, sentence)
        if self._paragraph_quarter is not None and (phrase.noun or compares):
            return months_on(self._paragraph_quarter, -12 * years)
        if phrase.noun == "period":
            return None  # "the year-earlier period" of a span no date names
        if (compares and self._reported is not None) or phrase.noun == "quarter":
            reported = self.reported()
            return months_on(reported, -12 * years) if reported else None
        if not phrase.ago:
            last = self._paragraph_last or self._previous_last
            if last is not None:
                found = years_on(last, -years)
                if found is not None:
                    return found
        if self._published is None:
            return None
        day = years_before(self._published, years)
        return day_period(day) if day else None

    def _in_sentence(self, pattern: re.Pattern[str], sentence: int) -> bool:
        """Whether the sentence holds a match of `pattern` (a digit: a sentence
        of figures compares; a span no date names). Each paragraph is
        scanned once for each pattern, and each question is a bisection."""
        paragraph = self._paragraph
        assert paragraph is not None
        if pattern is _DIGIT:
            if self._digits is None:
                self._digits = [m.start() for m in _DIGIT.finditer(paragraph.text)]
            found = self._digits
        else:
            if self._spans is None:
                self._spans = [m.start() for m in pattern.finditer(paragraph.text)]
            found = self._spans
        sentences = paragraph.ends
        start = sentences[sentence - 1] if sentence else 0
        end = sentences[sentence] if sentence < len(sentences) else len(paragraph.text)
        index = bisect.bisect_left(found, start)
        return index < len(found) and found[index] < end
