"""Indonesian (and English) calendar words and Indonesian time zones.

Shared by publication-date parsing (extraction) and temporal expressions (times), so that
both read "Agustus", "Agt", "Aug", "Kamis" and "WITA" the same way.
"""
from __future__ import annotations

from datetime import timedelta, timezone

MONTHS: dict[str, int] = {}
for _n, _names in enumerate([
    "januari jan january", "februari feb pebruari peb february", "maret mar march",
    "april apr", "mei may", "juni jun june", "juli jul july",
    "agustus agu agt ags aug august", "september sep sept", "oktober okt oct october",
    "november nov nop nopember", "desember des dec december",
], start=1):
    for _name in _names.split():
        MONTHS[_name] = _n

# Monday = 0, as datetime.weekday()
WEEKDAYS: dict[str, int] = {}
for _n, _names in enumerate([
    "senin monday mon", "selasa tuesday tue", "rabu wednesday wed", "kamis thursday thu",
    "jumat jum'at jum’at jumaat friday fri", "sabtu saturday sat", "minggu ahad sunday sun",
]):
    for _name in _names.split():
        WEEKDAYS[_name] = _n

ZONES: dict[str, timezone] = {
    "wib": timezone(timedelta(hours=7), "WIB"),
    "wita": timezone(timedelta(hours=8), "WITA"),
    "wit": timezone(timedelta(hours=9), "WIT"),
    "utc": timezone.utc, "gmt": timezone.utc,
}
DEFAULT_ZONE = ZONES["wib"]  # Indonesian outlets publish in Jakarta time unless they say otherwise

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_PATTERN = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
ZONE_PATTERN = "WITA|WIB|WIT|UTC|GMT"


def month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday(word: str) -> int | None:
    return WEEKDAYS.get(word.lower())


def zone(word: str | None) -> timezone:
    return ZONES.get((word or "").lower(), DEFAULT_ZONE)
