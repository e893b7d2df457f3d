"""TIMEX3 values: formatting and calendar arithmetic for temporal expressions.

Values follow ISO 8601 and the TIMEX3 conventions: "2024-04-03", "2024-04", "2024",
"2024-W14", "2024-W14-WE" (weekend), "2024-Q2", "2024-H1", "199" (the 1990s), "20" (the
21st century), "2024-04-03T14:00", "2024-04-03TNI" (night), durations "P3D", "PT1H", "PXY"
(some years) and the references PRESENT_REF, PAST_REF, FUTURE_REF.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Optional

from .calendar import zone

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def safe_date(year: int, month: int, day: int) -> Optional[date]:
    """The date, or None for an impossible one (31 Februari)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def shift(ref: date, unit: str, n: int) -> tuple[Optional[str], str]:
    """The calendar unit ``n`` units away from ``ref``: (value, granularity)."""
    if unit in ("day", "night"):
        return fmt_day(ref + timedelta(days=n)), "day"
    if unit == "week":
        return fmt_week(ref + timedelta(weeks=n)), "week"
    if unit == "month":
        return fmt_month(*add_months(ref.year, ref.month, n)), "month"
    if unit == "quarter":
        y, m = add_months(ref.year, ref.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}", "quarter"
    if unit == "half":
        y, m = add_months(ref.year, ref.month, 6 * n)
        return f"{y:04d}-H{(m - 1) // 6 + 1}", "half"
    if unit == "year":
        return f"{ref.year + n:04d}", "year"
    if unit == "windu":
        return f"{ref.year + 8 * n:04d}", "year"
    if unit == "decade":
        return f"{ref.year // 10 + n:03d}", "decade"
    if unit == "century":
        return f"{ref.year // 100 + n:02d}", "century"
    if unit in ("hour", "minute", "second"):
        return fmt_day(ref), "day"  # the reference carries no clock time: keep the day
    return None, unit


DURATION_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "night": "D",
                  "hour": "H", "minute": "M", "second": "S"}


SMALLER = {"year": (12, "month"), "month": (30, "day"), "week": (7, "day"), "day": (24, "hour"),
           "hour": (60, "minute"), "minute": (60, "second")}


def duration(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration: (3, 'day') -> 'P3D', (1, 'hour') -> 'PT1H', (None, 'year') -> 'PXY'."""
    factor, unit = {"quarter": (3, "month"), "half": (6, "month"), "decade": (10, "year"),
                    "century": (100, "year"), "windu": (8, "year")}.get(unit, (1, unit))
    if n is None:
        count = "X"
    else:
        value = n * factor
        if value < 1 and unit in SMALLER:  # "setengah jam" -> PT30M, not PT0.5H
            ratio, unit = SMALLER[unit]
            value *= ratio
        count = str(int(value)) if value == int(value) else f"{value:g}"
    timed = unit in ("hour", "minute", "second")
    return f"P{'T' if timed else ''}{count}{DURATION_CODES[unit]}"


def parse_reference(published) -> Optional[datetime]:
    """The publication datetime (str ISO 8601, datetime or date), or None."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published
    if isinstance(published, date):
        return datetime(published.year, published.month, published.day)
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?", str(published))
    if not m:
        return None
    y, mo, d, h, mi = m.groups()
    day = safe_date(int(y), int(mo), int(d))
    if day is None:
        return None
    return datetime(day.year, day.month, day.day, int(h or 0), int(mi or 0))


def normalise_value(value: Optional[str]) -> Optional[str]:
    """Zero-pad a date value for comparison: '2013-12-6' -> '2013-12-06'."""
    if not value:
        return value
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(.*)", value)
    if not m:
        return value
    y, mo, d, rest = m.groups()
    out = f"{y}-{int(mo):02d}" + (f"-{int(d):02d}" if d else "")
    return out + rest


def day_of(value: Optional[str]) -> Optional[str]:
    """The day part of a day- or time-level value ('2024-04-03T14:00' -> '2024-04-03')."""
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def to_local(dt: datetime) -> datetime:
    """A timezone-aware publication time seen in Jakarta time (naive ones are kept)."""
    return dt.astimezone(zone("wib")) if dt.tzinfo else dt
