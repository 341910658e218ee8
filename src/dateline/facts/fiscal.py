"""The calendar a company keeps, as an article gives it: fiscal years and
quarters.

Business news writes "fiscal 1997", "the fourth quarter, which ended Jan.
31", "fiscal 1998, which ends Jan. 30, 1999". A retailer's year runs February
to January, a bank's usually with the calendar's. The article says which:

- a quarter with its number that ended on a day other than a calendar
  quarter's end ("the fourth quarter, which ended Jan. 31") places the
  month the year ends in (January) and, for a fourth quarter, its day;
- a fiscal year beside its end ("fiscal 1997, which ended Jan. 31") says
  the same, and how years are named: that one ended in January 1998, so a
  fiscal year is named after the calendar year it starts in;
- a stated end with its year ("fiscal 1998, which ends Jan. 30, 1999") is
  kept as given: years of 52 or 53 weeks end on different days.

A fiscal year runs from the day after the previous one ended to its own end;
its quarters are its three-month runs from the first month. With nothing
said, the calendar year and its quarters are assumed, and a year ending in
January or February is named after the year it starts in (the retail
custom), any other after the year it ends in.

One regular expression pass over each paragraph that mentions a fiscal year
or a quarter ending; nothing here grows faster than the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dateline.facts.periods import Period, years_before

_MONTH_NUMBER = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
_MONTH_NUMBER |= {"oct": 10, "nov": 11, "dec": 12}
_MONTHS = "|".join(sorted((name.capitalize() for name in _MONTH_NUMBER), key=len, reverse=True))
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

# "fiscal 1997, which ended Jan. 31", "the fourth quarter, which ended Jan.
# 31", "its fiscal year ends June 30", "for the year ended Sept. 30".
_STATEMENT = re.compile(
    r"(?i:(?:fiscal[\s-]+(?:year\s+)?(?P<fy>(?:19|20)[0-9]{2})"
    r"|(?P<year>fiscal\s+year|(?:for|in)\s+the\s+year)"
    r"|(?:fiscal\s+)?(?P<ord>first|second|third|fourth)(?:[\s-]+fiscal)?[\s-]+quarter"
    r"|(?P<quarter>quarter))"
    r"[\s,]+(?:which\s+|that\s+)?(?P<verb>ended|ends|ending|closed|closes|will\s+end)\s+"
    r"(?:on\s+)?(?:in\s+)?)"
    rf"(?P<mon>{_MONTHS})\b\.?(?:\s+(?P<d>[0-9]{{1,2}})(?![0-9]))?"
    r"(?:,?\s+(?P<y>(?:19|20)[0-9]{2})(?![0-9]))?"
)
# What a paragraph must hold for _STATEMENT to be worth running.
# The end of every statement: what is looked for first, its rest only around
# it. Each pattern starts with a literal, which the regex engine finds with a
# fast search instead of trying every position.
_ENDED_ON = (
    re.compile(rf"end(?:ed|s|ing)?\s+(?:on\s+)?(?:in\s+)?(?:{_MONTHS})\b"),
    re.compile(rf"clos(?:ed|es)\s+(?:on\s+)?(?:in\s+)?(?:{_MONTHS})\b"),
)
_STATEMENT_REACH = 60


def _mentions_fiscal(paragraph: str) -> bool:
    # Three substring tests cost less than one search ignoring case.
    return "fiscal" in paragraph or "Fiscal" in paragraph or "FISCAL" in paragraph


def _statements(paragraphs: Sequence[str]) -> Iterator[re.Match[str]]:
    """Each statement of a fiscal calendar, in reading order: found at the
    verb and month that end it, which few paragraphs hold, and read back from
    there, so that a paragraph without one costs a single cheap scan."""
    for paragraph in paragraphs:
        endings = sorted(
            (ending for pattern in _ENDED_ON for ending in pattern.finditer(paragraph)),
            key=lambda ending: ending.start(),
        )
        for ending in endings:
            if ending.start() and paragraph[ending.start() - 1].isalpha():
                continue  # "spend", "weekend"
            start = max(0, ending.start() - _STATEMENT_REACH)
            for match in _STATEMENT.finditer(paragraph, start, ending.end() + 20):
                if match.start("verb") <= ending.start() < match.end("verb") + 6:
                    yield match
                    break


@dataclass(slots=True, frozen=True)
class Quarter:
    """A quarter of a year: the index of its first month (year * 12 + month
    - 1), its number in its fiscal year, and its days."""

    first_month: int
    number: int
    start: dt.date
    end: dt.date


class FiscalCalendar:
    """A company's years and quarters. `end_month` is the month its fiscal
    year ends in, `end_day` the day (None: the month's last), `offset` how
    far the calendar year a fiscal year ends in is from its name, `ends` the
    ends the article gives, by name; `stated` whether the article said
    anything of them."""

    __slots__ = ("end_day", "end_month", "ends", "offset", "stated")

    def __init__(
        self,
        end_month: int = 12,
        end_day: int | None = None,
        offset: int | None = None,
        ends: dict[int, dt.date] | None = None,
        stated: bool = False,
    ) -> None:
        self.end_month = end_month
        self.end_day = end_day
        self.offset = (1 if end_month <= 2 else 0) if offset is None else offset
        self.ends = ends or {}
        self.stated = stated

    @property
    def is_calendar(self) -> bool:
        """Whether the quarters are the calendar's, numbered as it numbers them."""
        return self.end_month == 12

    # --- years ----------------------------------------------------------------------

    def year_end(self, name: int) -> dt.date:
        if name in self.ends:
            return self.ends[name]
        year = name + self.offset
        last = calendar.monthrange(year, self.end_month)[1]
        return dt.date(year, self.end_month, min(self.end_day or last, last))

    def year(self, name: int) -> tuple[dt.date, dt.date]:
        """The first and last day of the fiscal year called `name`."""
        return self.year_end(name - 1) + dt.timedelta(days=1), self.year_end(name)

    def year_holding(self, day: dt.date) -> int:
        """The name of the fiscal year that holds `day`."""
        name = day.year - self.offset
        for candidate in (name, name + 1, name - 1):
            start, end = self.year(candidate)
            if start <= day <= end:
                return candidate
        return name

    # --- quarters -------------------------------------------------------------------

    def quarter(self, first_month: int) -> Quarter:
        """The quarter starting at month index `first_month` (a quarter's
        first month: see `quarter_holding`)."""
        number = (first_month - self.end_month) % 12 // 3 + 1
        start = dt.date(first_month // 12, first_month % 12 + 1, 1)
        last_month = first_month + 2
        year, month = last_month // 12, last_month % 12 + 1
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        return Quarter(first_month, number, start, end)

    def quarter_holding(self, day: dt.date) -> Quarter:
        index = day.year * 12 + day.month - 1
        return self.quarter(index - (index - self.end_month) % 3)

    def quarter_of_year(self, name: int, number: int) -> Quarter:
        """Quarter `number` (1 to 4) of the fiscal year called `name`."""
        last_month = (name + self.offset) * 12 + self.end_month - 1
        return self.quarter(last_month - 11 + 3 * (number - 1))

    def period(self, quarter: Quarter) -> Period:
        """A quarter as a date's period, named ("1995-Q4") when it is a
        calendar quarter; a fiscal one has no standard name."""
        value = f"{quarter.first_month // 12:04d}-Q{quarter.number}" if self.is_calendar else None
        return Period("quarter", quarter.start, quarter.end, value)


def learn_calendar(paragraphs: Sequence[str], published: dt.date | None) -> FiscalCalendar:
    """The fiscal calendar the article states, or the calendar year's."""
    end_month: int | None = None
    end_day: int | None = None
    boundary: int | None = None
    offset: int | None = None
    ends: dict[int, dt.date] = {}
    stated = False
    for match in _statements(paragraphs):
        month = _MONTH_NUMBER[match.group("mon").lower()]
        day = int(match.group("d")) if match.group("d") else None
        if day is not None and not 1 <= day <= calendar.monthrange(2000, month)[1]:
            continue
        if match.group("quarter"):
            if month % 3 and boundary is None:
                boundary = month  # quarters end off the calendar's; numbering unknown
            continue
        stated = True
        if match.group("ord"):
            number = _ORDINALS[match.group("ord").lower()]
            if end_month is None:
                end_month = (month - 1 + 3 * (4 - number)) % 12 + 1
                end_day = day if number == 4 else None
            continue
        if end_month is None:
            end_month, end_day = month, day
        if match.group("fy") and day is not None:
            end = _stated_end(match, month, day, published)
            if end is not None:
                name = int(match.group("fy"))
                ends[name] = end
                if offset is None and end.year - name in (0, 1):
                    offset = end.year - name
    if end_month is None and boundary is not None:
        end_month, stated = boundary, True
    if (
        end_month is None
        and any(_mentions_fiscal(paragraph) for paragraph in paragraphs)
        and _speaks_of_the_federal_budget(paragraphs)
    ):
        # The United States government's year runs October to September.
        return FiscalCalendar(9, 30, 0, ends, stated=False)
    if end_month is None:
        return FiscalCalendar(offset=offset or 0, ends=ends, stated=stated)
    return FiscalCalendar(end_month, end_day, offset, ends, stated)


_BUDGET = re.compile(r"\b(?:budget|deficit|appropriations?|spending\s+bill)\b", re.IGNORECASE)
_FEDERAL = re.compile(
    r"\b(?:Congress|Pentagon|federal|Gramm-Rudman|White\s+House|the\s+administration|Senate"
    r"|House\s+of\s+Representatives|Office\s+of\s+Management\s+and\s+Budget)\b"
)


def _speaks_of_the_federal_budget(paragraphs: Sequence[str]) -> bool:
    """Whether the article is about the American government's budget, whose
    fiscal years ("fiscal 1990") are the government's, not a company's."""
    budget = federal = False
    for paragraph in paragraphs:
        budget = budget or _BUDGET.search(paragraph) is not None
        federal = federal or _FEDERAL.search(paragraph) is not None
        if budget and federal:
            return True
    return False


def _stated_end(
    match: re.Match[str], month: int, day: int, published: dt.date | None
) -> dt.date | None:
    """The day a fiscal year ended or ends, as stated: with its year, or the
    nearest such day on the side of the publication date the verb says."""
    try:
        if match.group("y"):
            return dt.date(int(match.group("y")), month, day)
        if published is None:
            return None
        this_year = dt.date(published.year, month, day)
    except ValueError:
        return None  # 29 February of a common year
    if match.group("verb").lower() in ("ended", "closed"):
        return this_year if this_year <= published else years_before(this_year, 1)
    return this_year if this_year >= published else years_before(this_year, -1)
