"""How facts read to a person: "this Friday → Fri 27 Jan 2017", "£5m → 5,000,000 GBP"."""

from __future__ import annotations

import datetime as dt

from dateline.facts.base import DateFact, Quantity

_CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}


def day(date: dt.date) -> str:
    return f"{date:%a} {date.day} {date:%b %Y}"


def period(fact: DateFact) -> str:
    """The resolved calendar value of a date expression, for a reader."""
    start, end = fact.start, fact.end
    match fact.granularity:
        case "time":
            time = fact.value.partition("T")[2] if fact.value else ""
            return f"{day(start)} {time}".rstrip()
        case "day":
            return day(start)
        case "week":
            if start.month == end.month:
                return f"week {start.day}–{end.day} {end:%b %Y}"
            return f"week {start.day} {start:%b}–{end.day} {end:%b %Y}"
        case "month":
            return f"{start:%B %Y}"
        case "year":
            return f"{start.year}"
        case "fiscal_year":
            return f"FY {start:%b %Y}–{end:%b %Y}"
        case "decade":
            return f"the {start.year}s"
        case _:
            return f"{start.isoformat()} – {end.isoformat()}"


def number(value: float | int) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def quantity(fact: Quantity) -> str:
    """The value a quantity stands for: "5,000,000 GBP", "79%", "450 staff"."""
    approx = "≈" if fact.approximate else ""
    if fact.kind == "money":
        return f"{approx}{_CURRENCY_SYMBOLS.get(fact.unit, '')}{number(fact.value)} {fact.unit}"
    if fact.kind == "percent":
        return f"{approx}{number(fact.value)}%"
    return f"{approx}{number(fact.value)} {fact.unit}".rstrip()
