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


# --- vocabulary for temporal expressions (nlp.timex) --------------------------------

# Indonesian weekday names only: English "sun"/"sat" inside Indonesian prose are not days.
ID_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "jumaat", "sabtu", "minggu", "ahad")
ID_WEEKDAY_PATTERN = "|".join(sorted(ID_WEEKDAYS, key=len, reverse=True))

# Full month names (safe on their own); abbreviations need a day or a year beside them.
FULL_MONTHS = ("januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
               "september", "oktober", "november", "nopember", "desember")
FULL_MONTH_PATTERN = "|".join(sorted(FULL_MONTHS, key=len, reverse=True))

# Calendar units and the TIMEX3 unit they stand for.
UNITS: dict[str, str] = {
    "detik": "second", "dtk": "second", "menit": "minute", "jam": "hour", "hari": "day",
    "malam": "night", "minggu": "week", "pekan": "week", "bulan": "month", "tahun": "year",
    "kuartal": "quarter", "triwulan": "quarter", "semester": "half", "windu": "windu",
    "dekade": "decade", "dasawarsa": "decade", "abad": "century",
}
UNIT_PATTERN = "|".join(sorted(UNITS, key=len, reverse=True))

# Parts of the day and their TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "dini hari": "NI", "pagi": "MO", "siang": "MI", "sore": "AF", "petang": "EV", "malam": "NI",
}
PART_OF_DAY_PATTERN = "|".join(sorted(PARTS_OF_DAY, key=len, reverse=True))

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
}
# Vague quantities: the count is unknown (TIMEX3 "X").
VAGUE_NUMBERS = ("beberapa", "puluhan", "belasan", "ratusan", "ribuan", "berbagai")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ORDINALS = {"pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "satu": 1, "dua": 2,
            "tiga": 3, "empat": 4}


def number(words: str) -> float | None:
    """'13' -> 13, '1,5' -> 1.5, 'dua puluh tiga' -> 23, 'satu setengah' -> 1.5; None if vague."""
    w = words.lower().strip()
    if w.replace(".", "").replace(",", "").isdigit():
        return float(w.replace(".", "").replace(",", ".")) if w.count(",") <= 1 else None
    total, current = 0.0, 0.0
    for part in w.split():
        if part in NUMBER_WORDS:
            current += NUMBER_WORDS[part]
        elif part == "belas":
            current = (current or 1) + 10
        elif part == "puluh":
            current = (current or 1) * 10
        elif part == "ratus":
            current = (current or 1) * 100
        elif part == "setengah":
            current += 0.5
        else:
            return None
    return total + current or None
