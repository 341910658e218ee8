"""Periods of the calendar: what a date fact names, as its granularity, its
first and last day, and its ISO-8601 form where there is one ("2017-W04",
"1995-Q4"; none for a weekend, a fiscal year or a decade, which ISO-8601
writes in no form a reader would know).

The constructors do the calendar arithmetic every extractor rule needs:
months and quarters that overflow past December or before January, the
same period some years on or back.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from dateline.facts.base import Granularity


@dataclass(slots=True, frozen=True)
class Period:
    granularity: Granularity
    start: dt.date
    end: dt.date
    value: str | None


def day_period(day: dt.date) -> Period:
    return Period("day", day, day, day.isoformat())


def week_of(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    iso = monday.isocalendar()
    return Period("week", monday, monday + dt.timedelta(days=6), f"{iso[0]:04d}-W{iso[1]:02d}")


def weekend_of(day: dt.date) -> Period:
    # A weekend has no ISO form, so it is a week-sized period known only by its days.
    saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
    return Period("week", saturday, saturday + dt.timedelta(days=1), None)


def month_period(year: int, month: int) -> Period:
    # Month arithmetic may overflow past December or before January.
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return Period("month", first, following - dt.timedelta(days=1), f"{year:04d}-{month:02d}")


def quarter_period(year: int, quarter: int) -> Period:
    year, quarter = year + (quarter - 1) // 4, (quarter - 1) % 4 + 1
    first = month_period(year, 3 * quarter - 2).start
    last = month_period(year, 3 * quarter).end
    return Period("quarter", first, last, f"{year:04d}-Q{quarter}")


def year_period(year: int) -> Period:
    return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")


def years_period(first: int, last: int) -> Period:
    # "2010-2012": a run of whole years, written as an ISO-8601 interval.
    return Period("year", dt.date(first, 1, 1), dt.date(last, 12, 31), f"{first:04d}/{last:04d}")


def uk_fiscal_year(first_year: int) -> Period:
    # UK financial year, 1 April to 31 March. ISO-8601 has no form for it.
    return Period("fiscal_year", dt.date(first_year, 4, 1), dt.date(first_year + 1, 3, 31), None)


def decade_period(first_year: int) -> Period:
    # ISO-8601 writes the 1990s as "199", which nobody would read: value stays null.
    return Period("decade", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), None)


def century_period(number: int) -> Period | None:
    if not 1 <= number <= 99:
        return None
    first = max(1, (number - 1) * 100)
    return Period("century", dt.date(first, 1, 1), dt.date((number - 1) * 100 + 99, 12, 31), None)


def months_on(period: Period, months: int) -> Period:
    """A quarter moved by whole months: a year back is -12."""
    start = month_period(period.start.year, period.start.month + months).start
    end = month_period(period.end.year, period.end.month + months).end
    value = None
    if period.value is not None:
        value = f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    return Period(period.granularity, start, end, value)


def years_on(period: Period, years: int) -> Period | None:
    """The same period `years` on (back when negative), or None for one a
    year back makes no sense of (a decade)."""
    granularity, start = period.granularity, period.start
    if granularity == "quarter":
        return months_on(period, 12 * years)
    if granularity == "month":
        return month_period(start.year + years, start.month)
    if granularity in ("day", "time", "week"):
        moved = years_before(start, -years)
        if moved is None:
            return None
        return day_period(moved) if granularity != "week" else week_of(moved)
    if granularity == "year":
        return year_period(start.year + years)
    if granularity == "fiscal_year":
        first, last = years_before(start, -years), years_before(period.end, -years)
        if first is None or last is None:
            return None
        return Period("fiscal_year", first, last, None)
    return None


def years_before(day: dt.date, years: int) -> dt.date | None:
    """The same day `years` years earlier (28 February for 29 February in a
    common year); None past the calendar's ends."""
    year = day.year - years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    last = calendar.monthrange(year, day.month)[1]
    return dt.date(year, day.month, min(day.day, last))
