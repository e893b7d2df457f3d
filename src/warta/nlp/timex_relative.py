"""Rules for temporal expressions, part two: weekdays, words relative to the publication
day ("kemarin", "pekan lalu", "13 tahun lalu"), anaphora ("hari itu", "setahun
sebelumnya") and durations.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from . import calendar as cal
from .timeval import duration, fmt_day, safe_date, shift
from .timex_rules import (FULLMON, WD, _DIGITS, Context, Parsed, _capitalised, _dated, _direction, _future, _year,
                          _year_for)

# --- rules: weekdays and words relative to the publication day ----------------------

WEEKDAY_POLICY = "past"  # a bare weekday is the latest one on or before publication (measured)


def weekday(m: re.Match, ctx: Context) -> Optional[Parsed]:
    word, rel = m.group("wd"), re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if not (_capitalised(word) or m.group("hari")):
        return None
    if word.lower() == "minggu" and not m.group("hari") and (rel in ("lalu", "depan", "ini", "mendatang", "kemarin")
                                                            or _count_before(ctx.text, m.start())):
        return None  # "Minggu lalu" / "dua Minggu": the week, not Sunday
    if ctx.dct is None:
        return Parsed("DATE", None, "day")
    wd = cal.weekday(word)
    d = _weekday_date(ctx, m, wd, rel)
    if not rel:
        ctx.named_days.setdefault(wd, d)  # the same weekday named again is the same day
    return _dated("DATE", d, m.group("pod"))


def _count_before(text: str, pos: int) -> bool:
    return bool(re.search(rf"(?:\d|\b(?:{_DIGITS}|beberapa|se|per))\s*$", text[max(0, pos - 12):pos], re.I))


def _weekday_date(ctx: Context, m: re.Match, wd: int, rel: str) -> date:
    dct = ctx.dct
    monday = dct - timedelta(days=dct.weekday())
    if "pekan" in rel or "minggu" in rel:
        weeks = -1 if _direction(rel) == "past" else 1 if _direction(rel) == "future" else 0
        return monday + timedelta(weeks=weeks, days=wd)
    if rel == "ini":
        return monday + timedelta(days=wd)
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    direction = _direction(rel)
    if not rel and wd in ctx.named_days:  # "Kamis" after "Kamis (27/11/2014)": the same day
        return ctx.named_days[wd]
    if direction == "past":
        return dct - timedelta(days=back or 7)
    if direction == "future":
        return dct + timedelta(days=ahead or 7)
    if WEEKDAY_POLICY == "nearest" or _future(ctx, m):
        return dct + timedelta(days=ahead) if (_future(ctx, m) or ahead < back) else dct - timedelta(days=back)
    return dct - timedelta(days=back)


def weekday_paren(m: re.Match, ctx: Context) -> Optional[Parsed]:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    wd = cal.weekday(m.group("wd"))
    year = _year(m.group("y")) or _year_by_weekday(ctx, month, day, wd)
    d = safe_date(year, month, day) if year else None
    if d and ctx.dct and d.weekday() == wd and abs((d - ctx.dct).days) < 7:
        ctx.named_days[wd] = d
    return _dated("DATE", d, m.group("pod") or m.group("pod2"))


def _year_by_weekday(ctx: Context, month: int, day: int, wd: Optional[int]) -> Optional[int]:
    """'Rabu (26/1)': of the years around publication, the one where the 26th of January is a
    Wednesday; else the nearest reading."""
    if ctx.dct is None:
        return None
    fits = [y for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
            if (d := safe_date(y, month, day)) and d.weekday() == wd]
    return fits[0] if fits else _year_for(ctx, month, day, None)


_P = "PRESENT_REF", "PAST_REF", "FUTURE_REF"
FIXED: dict[str, tuple] = {
    "hari ini": ("day", 0), "kemarin": ("day", -1), "kemarin lusa": ("day", -2), "besok": ("day", 1),
    "esok": ("day", 1), "esok hari": ("day", 1), "besok hari": ("day", 1), "lusa": ("day", 2),
    "tadi malam": ("pod", -1, "NI"), "semalam": ("pod", -1, "NI"), "kemarin malam": ("pod", -1, "NI"),
    "malam tadi": ("pod", -1, "NI"), "kemarin pagi": ("pod", -1, "MO"), "kemarin siang": ("pod", -1, "MI"),
    "kemarin sore": ("pod", -1, "AF"), "tadi pagi": ("pod", 0, "MO"), "pagi tadi": ("pod", 0, "MO"),
    "tadi siang": ("pod", 0, "MI"), "siang tadi": ("pod", 0, "MI"), "tadi sore": ("pod", 0, "AF"),
    "sore tadi": ("pod", 0, "AF"), "dini hari tadi": ("pod", 0, "NI"), "pagi ini": ("pod", 0, "MO"),
    "siang ini": ("pod", 0, "MI"), "sore ini": ("pod", 0, "AF"), "petang ini": ("pod", 0, "EV"),
    "malam ini": ("pod", 0, "NI"), "nanti malam": ("pod", 0, "NI"), "nanti sore": ("pod", 0, "AF"),
    "besok pagi": ("pod", 1, "MO"), "besok siang": ("pod", 1, "MI"), "besok sore": ("pod", 1, "AF"),
    "besok malam": ("pod", 1, "NI"), "esok pagi": ("pod", 1, "MO"),
    **{w: ("ref", _P[0]) for w in ("saat ini", "sekarang", "kini", "dewasa ini", "masa kini", "belakangan ini",
                                   "akhir-akhir ini", "saat sekarang", "waktu sekarang", "kala ini", "hari-hari ini")},
    **{w: ("ref", _P[1]) for w in ("baru-baru ini", "masa lalu", "masa lampau", "dahulu", "dahulu kala",
                                   "dulu kala", "zaman dulu", "tempo dulu", "masa silam", "dulunya")},
    **{w: ("ref", _P[2]) for w in ("masa depan", "masa mendatang", "waktu mendatang", "waktu dekat",
                                   "masa yang akan datang", "waktu yang akan datang", "kelak")},
    **{w: ("ana", "day") for w in ("hari itu", "hari yang sama", "hari tersebut")},
    **{w: ("ana", "any") for w in ("saat itu", "waktu itu", "ketika itu", "kala itu", "masa itu",
                                   "saat tersebut", "waktu tersebut", "pada masa itu")},
    **{f"{p} itu": ("ana_pod", c) for p, c in (("malam", "NI"), ("pagi", "MO"), ("siang", "MI"),
                                               ("sore", "AF"), ("petang", "EV"))},
    **{w: ("refday", 1) for w in ("keesokan harinya", "keesokan hari", "esok harinya", "hari berikutnya",
                                  "sehari kemudian", "sehari setelahnya", "sehari sesudahnya")},
    **{w: ("refday", -1) for w in ("hari sebelumnya", "sehari sebelumnya")},
    "malam sebelumnya": ("refpod", -1, "NI"), "keesokan paginya": ("refpod", 1, "MO"),
    "malam harinya": ("refpod", 0, "NI"), "tengah hari": ("refpod", 0, "MI"), "tengah malam": ("refpod", 0, "NI"),
    "sekarang ini": ("ref", _P[0]), "saat-saat ini": ("ref", _P[0]),
    **{f"beberapa {w} {r}": ("ref", ref) for w in ("waktu", "saat") for r, ref in (
        ("lalu", _P[1]), ("yang lalu", _P[1]), ("silam", _P[1]), ("terakhir", _P[0]), ("belakangan", _P[0]),
        ("ke depan", _P[2]), ("mendatang", _P[2]), ("lagi", _P[2]))},
    **{f"{p} hari {d}": ("pod", 0, c) for p, c in (("pagi", "MO"), ("siang", "MI"), ("sore", "AF"), ("malam", "NI"))
       for d in ("ini", "tadi")},
    **{f"{p} hari itu": ("ana_pod", c) for p, c in (("pagi", "MO"), ("siang", "MI"), ("sore", "AF"), ("malam", "NI"))},
    **{f"{p} hari": ("refpod", 0, c) for p, c in (("pagi", "MO"), ("siang", "MI"), ("sore", "AF"), ("malam", "NI"))},
}
FIXED_PATTERN = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FIXED, key=len, reverse=True))


def fixed(m: re.Match, ctx: Context) -> Optional[Parsed]:
    spec = FIXED[re.sub(r"\s+", " ", m.group().lower())]
    kind = spec[0]
    if kind == "ref":
        return Parsed("DATE", spec[1], "ref")
    if kind == "ana":
        return _anaphor(ctx, spec[1])
    if kind in ("day", "pod"):
        base = ctx.dct
    else:
        base = ctx.ref_day
    if kind == "ana_pod":
        return Parsed("TIME", f"{fmt_day(ctx.ref_day)}T{spec[1]}" if ctx.ref_day else None, "time")
    if base is None:
        return Parsed("DATE", None, "day")
    d = base + timedelta(days=spec[1])
    if kind in ("pod", "refpod"):
        return Parsed("TIME", f"{fmt_day(d)}T{spec[2]}", "time")
    return Parsed("DATE", fmt_day(d), "day")


def _anaphor(ctx: Context, granularity: str) -> Parsed:
    """'hari itu', 'saat itu': the last date read (the publication day before any)."""
    if granularity == "day" or (granularity == "any" and ctx.ref_day_pos >= 0):
        return _dated("DATE", ctx.ref_day)
    if granularity == "any":
        return Parsed("DATE", "PAST_REF", "ref")
    return Parsed("DATE", None, granularity)


# --- rules: calendar units relative to now or to the last date read -------------------

_OFFSETS = {"": 0, "ini": 0, "lalu": -1, "silam": -1, "kemarin": -1, "depan": 1, "mendatang": 1,
            "akan datang": 1, "sebelumnya": -1, "berikutnya": 1, "selanjutnya": 1}


def _ref_date(ctx: Context, unit: str) -> Optional[date]:
    if unit in ("year", "decade", "century", "windu") and ctx.ref_year:
        return date(ctx.ref_year, 1, 1)
    if unit in ("month", "quarter", "half") and ctx.ref_month:
        return date(ctx.ref_month[0], ctx.ref_month[1], 1)
    return ctx.ref_day


def unit_relative(m: re.Match, ctx: Context) -> Optional[Parsed]:
    unit = cal.UNITS[m.group("u").lower()]
    rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())
    mod = (m.group("mod") or "").lower()
    if not mod and _count_before(ctx.text, m.start()):
        return None  # "45 tahun itu": a count of years, not "that year"
    if rel in ("itu", "tersebut"):
        base = _ref_date(ctx, unit) if ctx.ref_day_pos >= 0 or unit != "day" else None
        value, gran = shift(base, unit, 0) if base else (None, unit)
        return Parsed("DATE", value, gran)
    base = _ref_date(ctx, unit) if rel in ("sebelumnya", "berikutnya", "selanjutnya") else ctx.dct
    if base is None:
        return Parsed("DATE", None, unit)
    value, gran = shift(base, unit, _OFFSETS.get(rel, 0))
    if unit == "week" and mod == "akhir":
        return Parsed("DATE", f"{value}-WE", "weekend")
    return Parsed("DATE", value, gran)


_PAST_COUNT = ("lalu", "silam", "sebelumnya")
_DURATION_COUNT = ("terakhir", "belakangan", "pertama", "ke depan", "mendatang", "akan datang")


def count_relative(m: re.Match, ctx: Context) -> Optional[Parsed]:
    unit = cal.UNITS[m.group("u").lower()]
    unit = "day" if unit == "night" else unit
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    n = 1.0 if m.group("se") else cal.number(m.group("n"))
    if rel in _DURATION_COUNT:
        return Parsed("DURATION", duration(n, unit), "duration")
    sign = -1 if rel in _PAST_COUNT else 1
    if n is None:
        return Parsed("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "ref")
    base = ctx.dct if rel in ("lalu", "silam", "lagi") else _ref_date(ctx, unit)
    if base is None:
        return Parsed("DATE", None, unit)
    if n != int(n):
        unit, n = ("month", n * 12) if unit == "year" else (unit, round(n))
    value, gran = shift(base, unit, sign * int(n))
    return Parsed("DATE", value, gran)


def span_duration(m: re.Match, ctx: Context) -> Optional[Parsed]:
    word = m.group("u") or m.group("u2") or m.group("u3")
    unit = cal.UNITS[word.lower()]
    after, before = ctx.text[m.end():m.end() + 30], ctx.text[max(0, m.start() - 10):m.start()]
    if (unit == "year" and re.match(r"\s+(?:(?:anggaran|ajaran|fiskal)\s+)?\d{4}", after)) \
            or (unit == "day" and re.match(rf"\s+(?:{WD}|raya|H)\b", after, re.I)) \
            or (unit == "month" and re.match(rf"\s+(?:{FULLMON})\b", after, re.I)) \
            or re.search(r"(?:Rp\.?|pukul|ke-?|nomor|no\.)\s*$", before, re.I):
        return None
    if m.group("n"):
        n = cal.number(m.group("n"))
    else:
        n = None if m.group("u3") else 1.0
    return Parsed("DURATION", duration(n, unit), "duration")
