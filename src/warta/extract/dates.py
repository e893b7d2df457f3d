"""Publication dates in every common Indonesian (and English/ISO) form, as tz-aware ISO 8601.

"Kamis, 27 Januari 2022, 14:52 WIB", "07/2/2023 16:33", "4 April 2024, 14:43 WIB",
"Rabu (3/4/2024)", "2024-04-04T14:43:00+07:00", "April 4, 2024". Numeric dates are read
day first (Indonesian order). Impossible or future dates give None and a reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from ..nlp import calendar

# European month names seen on non-Indonesian pages; kept here, not in the shared calendar,
# so that the Indonesian time-expression tagger does not read "mars" or "mai" as months.
EXTRA_MONTHS = {name: n for n, names in enumerate([
    "januar janvier enero gennaio janeiro", "februar février fevrier febrero febbraio fevereiro",
    "märz maerz mars marzo março", "avril abril aprile", "mai mayo maggio maio", "juin junio giugno junho",
    "juillet julio luglio julho", "august août aout agosto", "septembre septiembre settembre setembro",
    "octobre octubre ottobre outubro", "novembre noviembre novembro", "dezember décembre decembre diciembre dicembre dezembro",
], start=1) for name in names.split()}
MONTHS = {**EXTRA_MONTHS, **calendar.MONTHS}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


_TIME = r"(?:[,\s|•·\-–]*(?:pukul|jam|at)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:(WITA|WIB|WIT|UTC|GMT)\b|([+-]\d{2}:?\d{2}))?)?"
_WD = rf"(?:(?:{calendar.WEEKDAY_PATTERN})\b\.?,?\s*\(?\s*)?"
WORD_DMY = re.compile(rf"\b{_WD}(\d{{1,2}})\.?\s+(?:de\s+)?({MONTH_PATTERN})\.?,?\s+(?:de\s+)?(\d{{4}})\b{_TIME}", re.I)
WORD_MDY = re.compile(rf"\b{_WD}({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b{_TIME}", re.I)
NUM_DMY = re.compile(rf"(?<![\d/.-])(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}})(?![\d/]){_TIME}")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
COMPACT = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(?!\d)")


@dataclass(slots=True)
class DateResult:
    value: Optional[str]          # ISO 8601 with offset
    reason: Optional[str] = None  # why value is None although a date was seen
    span: tuple[int, int] = (0, 0)  # where the date was read in the text


def _offset(zone: Optional[str], numeric: Optional[str], default: timezone) -> timezone:
    if numeric:
        if numeric == "Z":
            return timezone.utc
        sign = 1 if numeric[0] == "+" else -1
        digits = numeric[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    return calendar.zone(zone) if zone else default


def _build(y, mo, d, h, mi, s, zone, numeric, default, now) -> DateResult:
    try:
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0),
                      tzinfo=_offset(zone, numeric, default))
    except ValueError as e:
        return DateResult(None, f"impossible date {y}-{mo}-{d} {h or 0}:{mi or 0} ({e})")
    if dt.year < 1990:
        return DateResult(None, f"implausible publication year {dt.year}")
    if now is not None and dt > now + timedelta(days=1):
        return DateResult(None, f"date {dt.date().isoformat()} lies in the future")
    return DateResult(dt.isoformat())


def parse_date(text: str, default: timezone = calendar.DEFAULT_ZONE,
               now: Optional[datetime] = None) -> Optional[DateResult]:
    """The first publication-like date in ``text``; None when no date form is present."""
    now = now or datetime.now(timezone.utc)
    found = []
    for m in ISO.finditer(text):
        found.append((m.span(), m.groups()[:6] + (None, m.group(7))))
    for m in WORD_DMY.finditer(text):
        d, mo, y, h, mi, s, z, num = m.groups()
        found.append((m.span(), (y, month_number(mo), d, h, mi, s, z, num)))
    for m in WORD_MDY.finditer(text):
        mo, d, y, h, mi, s, z, num = m.groups()
        found.append((m.span(), (y, month_number(mo), d, h, mi, s, z, num)))
    for m in NUM_DMY.finditer(text):
        d, _, mo, y, h, mi, s, z, num = m.groups()
        found.append((m.span(), (y, mo, d, h, mi, s, z, num)))
    if not found:
        return None
    found.sort(key=lambda x: x[0])
    results = []
    for span, g in found:
        result = _build(*g, default=default, now=now)
        result.span = span
        results.append(result)
    good = [r for r in results if r.value]
    return good[0] if good else results[0]


def parse_machine_date(value: str, default: timezone = calendar.DEFAULT_ZONE,
                       now: Optional[datetime] = None) -> Optional[DateResult]:
    """Dates from meta tags / JSON-LD: ISO first, then compact 20240404, then prose."""
    value = value.strip()
    m = ISO.match(value)
    if m:
        g = m.groups()
        return _build(*g[:6], None, g[6], default=default, now=now or datetime.now(timezone.utc))
    m = COMPACT.search(value)
    if m and len(value) <= 16:
        y, mo, d, h, mi, s = m.groups()
        return _build(y, mo, d, h, mi, s, None, None, default=default, now=now or datetime.now(timezone.utc))
    return parse_date(value, default, now)
