"""Temporal expressions in Indonesian text, normalised against the publication date.

``find_times(text, published)`` returns ``TimeExpr`` spans with a TIMEX3 type (DATE, TIME,
DURATION, SET), a value (ISO 8601 / TIMEX3 style, see ``timeval``) and a granularity.
It works in three steps:

1. every rule (a regular expression over calendar vocabulary) proposes candidate spans;
   a rule may refuse a match (a "2000" that counts people, a lower-case "minggu" that
   means "week");
2. the longest candidates win, and a day next to a clock time ("Senin (29/12) pukul
   14.00 WIB") becomes one expression;
3. the chosen expressions are normalised in reading order, so that anaphoric ones
   ("hari itu", "setahun sebelumnya") resolve against the last date mentioned.

Nothing is invented: an impossible date ("31 Februari") keeps its span with value None,
and without a publication date relative expressions ("kemarin") get value None.
``date_for_span`` gives an event the date of the expression that governs it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, NamedTuple, Optional

from ..model import TimeExpr
from . import calendar as cal
from .timeval import (REFS, add_months, day_of, duration, fmt_day, fmt_month, fmt_week,
                      parse_reference, safe_date, shift)


class Parsed(NamedTuple):
    type: str
    value: Optional[str]
    granularity: Optional[str]


@dataclass(slots=True)
class Context:
    """What normalisation knows: the text, the publication date and the last dates read."""
    text: str
    dct: Optional[date]
    dct_time: Optional[datetime] = None
    ref_day: Optional[date] = None
    ref_day_pos: int = -1
    ref_month: Optional[tuple[int, int]] = None
    ref_year: Optional[int] = None

    def __post_init__(self) -> None:
        self.ref_day = self.dct
        self.ref_month = (self.dct.year, self.dct.month) if self.dct else None
        self.ref_year = self.dct.year if self.dct else None


Handler = Callable[[re.Match, Context], Optional[Parsed]]

B, E = r"(?<![\w])", r"(?![\w])"
WD = cal.ID_WEEKDAY_PATTERN
MON = cal.MONTH_PATTERN
FULLMON = cal.FULL_MONTH_PATTERN
POD = r"dini\s+hari|pagi|siang|sore|petang|malam"
MOD = r"awal|akhir|pertengahan|penghujung|medio|permulaan|ujung"
ZONE = r"WIB|WITA|WIT|UTC|GMT|waktu\s+setempat"
_DIGITS = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
NUM = (rf"\d+(?:,\d+)?|(?:(?:{_DIGITS})\s+(?:belas|puluh)(?:\s+(?:{_DIGITS}))?|{_DIGITS}|sepuluh|sebelas"
       rf"|seratus)(?:\s+setengah)?|setengah|beberapa|puluhan|belasan|ratusan|ribuan")
UNIT = cal.UNIT_PATTERN
SE_UNIT = r"jam|menit|detik|hari|minggu|pekan|bulan|tahun|windu|dekade|abad"
FUTURE_CUE = re.compile(r"\b(?:akan|bakal|hendak|rencananya|dijadwalkan|direncanakan|berencana|"
                        r"nanti|mendatang|esok|besok)\b", re.I)
# Nouns that make a bare 4-digit number a count, not a year ("2000 orang").
COUNT_NOUNS = frozenset("""orang unit ton barel kg kilogram km kilometer meter m liter hektar ha jiwa
rumah kendaraan buah lembar kali kursi perusahaan personel pasukan tentara penumpang warga
keluarga ekor batang set paket kasus dosis suara pemilih peserta mahasiswa siswa sekolah desa
pulau titik megawatt mw gram persen dollar dolar rupiah euro yen poin""".split())
COUNT_BEFORE = re.compile(r"(?:\bRp\.?|US\$|\$|\bnomor|\bno\.?|\bsebanyak|\bsejumlah|\bke-?)\s*$", re.I)
FLIGHT_CODE = re.compile(r"\b[A-Z][A-Z0-9]\s?-?$")


# --- small helpers ---------------------------------------------------------------

def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("? ", 0, pos),
              text.rfind("! ", 0, pos))
    return cut + 1


def _future(ctx: Context, m: re.Match) -> bool:
    """A future cue earlier in the same sentence ("akan", "dijadwalkan")."""
    return bool(FUTURE_CUE.search(ctx.text, _sentence_start(ctx.text, m.start()), m.start()))


def _direction(rel: Optional[str]) -> Optional[str]:
    rel = (rel or "").lower()
    if re.search(r"lalu|silam|kemarin", rel):
        return "past"
    if re.search(r"depan|mendatang|nanti|datang", rel):
        return "future"
    return None


def _closest(dct: date, candidates: list[date], direction: Optional[str]) -> Optional[date]:
    """Past and future readings: a cue decides; otherwise the nearest, the past favoured 2:1."""
    if direction == "past":
        past = [c for c in candidates if c <= dct]
        return max(past) if past else None
    if direction == "future":
        future = [c for c in candidates if c >= dct]
        return min(future) if future else None
    return min(candidates, key=lambda c: (dct - c).days if c <= dct else 2 * (c - dct).days, default=None)


def _year_for(ctx: Context, month: int, day: Optional[int], direction: Optional[str]) -> Optional[int]:
    if ctx.dct is None:
        return None
    cands = [d for y in range(ctx.dct.year - 1, ctx.dct.year + 2)
             if (d := safe_date(y, month, day or 1)) is not None]
    if day is None and direction == "past":  # "Desember lalu" in December: last year's
        cands = [d for d in cands if (d.year, d.month) < (ctx.dct.year, ctx.dct.month)]
    ref = ctx.dct if day else ctx.dct.replace(day=1)
    best = _closest(ref, cands, direction)
    return best.year if best else None


def _year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    y = int(text)
    return y if len(text) == 4 else 2000 + y if y < 50 else 1900 + y


def _dated(type_: str, d: Optional[date], pod: Optional[str] = None) -> Parsed:
    if d is None:
        return Parsed(type_, None, "day")
    if pod:
        return Parsed("TIME", f"{fmt_day(d)}T{cal.PARTS_OF_DAY[_pod_key(pod)]}", "time")
    return Parsed(type_, fmt_day(d), "day")


def _pod_key(pod: str) -> str:
    return re.sub(r"\s+", " ", pod.lower())


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# --- rules: absolute dates ---------------------------------------------------------

def day_month_year(m: re.Match, ctx: Context) -> Optional[Parsed]:
    month_word = m.group("m")
    if not _capitalised(month_word) and m.group("m").lower() not in cal.FULL_MONTHS:
        return None
    month, day = cal.month(month_word), int(m.group("d"))
    year = _year(m.group("y")) or _year_for(ctx, month, day, _direction(m.group("rel")) or
                                            ("future" if _future(ctx, m) else None))
    if not 1 <= day <= 31:
        return None
    return _dated("DATE", safe_date(year, month, day) if year else None, m.group("pod"))


def numeric_date(m: re.Match, ctx: Context) -> Optional[Parsed]:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = _year(m.group("y")) or _year_for(ctx, month, day, None)
    pod = m.groupdict().get("pod")
    return _dated("DATE", safe_date(year, month, day) if year else None, pod)


def month_year(m: re.Match, ctx: Context) -> Optional[Parsed]:
    month = cal.month(m.group("m"))
    if month is None or not (_capitalised(m.group("m")) or m.group("bulan")):
        return None
    return Parsed("DATE", fmt_month(int(m.group("y")), month), "month")


def month_relative(m: re.Match, ctx: Context) -> Optional[Parsed]:
    word, rel = m.group("m"), (m.group("rel") or "").lower()
    if not (_capitalised(word) or m.group("bulan")):
        return None
    month = cal.month(word)
    if ctx.dct is None:
        return Parsed("DATE", None, "month")
    if "tahun" in rel:
        year = ctx.dct.year + {"lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1}.get(rel.split()[-1], 0)
    elif rel == "ini":
        year = ctx.dct.year
    else:
        year = _year_for(ctx, month, None, _direction(rel) or ("future" if _future(ctx, m) else None))
    return Parsed("DATE", fmt_month(year, month) if year else None, "month")


def year(m: re.Match, ctx: Context) -> Optional[Parsed]:
    before, after = ctx.text[max(0, m.start() - 12):m.start()], ctx.text[m.end():m.end() + 20]
    bare = not (m.group("tahun") or m.group("mod") or m.group("rel") or m.group("an"))
    if bare and (COUNT_BEFORE.search(before) or FLIGHT_CODE.search(before) or _count_follows(after)):
        return None
    y = m.group("y")
    if m.group("an"):
        return Parsed("DATE", y[:3], "decade")
    return Parsed("DATE", y, "year")


def _count_follows(after: str) -> bool:
    nxt = re.match(r"\s*([A-Za-z%]+)", after)
    return bool(nxt) and (nxt.group(1).lower() in COUNT_NOUNS or nxt.group(1) == "%")


def decade(m: re.Match, ctx: Context) -> Optional[Parsed]:
    return Parsed("DATE", ("19" + m.group("dd"))[:3] if len(m.group("dd")) == 2 else m.group("dd")[:3], "decade")


def quarter(m: re.Match, ctx: Context) -> Optional[Parsed]:
    q_word = m.group("q")
    if q_word.lower() in cal.ROMAN and not q_word.isupper():
        return None
    n = cal.ROMAN.get(q_word.lower()) or cal.ORDINALS.get(q_word.lower()) or (int(q_word) if q_word.isdigit() else None)
    unit = cal.UNITS.get(m.group("u").lower(), "quarter")
    last = 4 if unit == "quarter" else 2
    n = last if q_word.lower() == "terakhir" else n
    if not n or n > last:
        return None
    y = int(m.group("y")) if m.group("y") else _relative_year(ctx, m.group("rel"))
    if y is None:
        return Parsed("DATE", None, unit)
    return Parsed("DATE", f"{y:04d}-{'Q' if unit == 'quarter' else 'H'}{n}", unit)


def _relative_year(ctx: Context, rel: Optional[str]) -> Optional[int]:
    if ctx.dct is None:
        return None
    rel = (rel or "").lower()
    if rel == "sebelumnya":
        return (ctx.ref_year or ctx.dct.year) - 1
    return ctx.dct.year + {"lalu": -1, "depan": 1, "mendatang": 1}.get(rel, 0)


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
    return _dated("DATE", _weekday_date(ctx, m, cal.weekday(word), rel), m.group("pod"))


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
    year = _year(m.group("y")) or _year_by_weekday(ctx, month, day, cal.weekday(m.group("wd")))
    return _dated("DATE", safe_date(year, month, day) if year else None, m.group("pod") or m.group("pod2"))


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
    "malam harinya": ("refpod", 0, "NI"),
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
        return _dated("TIME", ctx.ref_day, {"NI": "malam", "MO": "pagi", "MI": "siang", "AF": "sore", "EV": "petang"}[spec[1]])
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
    if (unit == "year" and re.match(r"\s+(?:\d{4}|anggaran|ajaran)", after)) \
            or (unit == "day" and re.match(rf"\s+(?:{WD}|raya|H)\b", after, re.I)) \
            or (unit == "month" and re.match(rf"\s+(?:{FULLMON})\b", after, re.I)) \
            or re.search(r"(?:Rp\.?|pukul|ke-?|nomor|no\.)\s*$", before, re.I):
        return None
    if m.group("n"):
        n = cal.number(m.group("n"))
    else:
        n = None if m.group("u3") else 1.0
    return Parsed("DURATION", duration(n, unit), "duration")


# --- rules: clock times and sets ----------------------------------------------------

def clock(m: re.Match, ctx: Context) -> Optional[Parsed]:
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    groups = m.groupdict()
    pod = _pod_key(groups.get("pod") or "")
    if h > 24 or mi > 59 or (groups.get("p") or "").lower() == "jam" and not (m.group("mi") or pod):
        return None
    if (pod in ("sore", "malam", "petang") and h < 12) or (pod == "siang" and h < 6):
        h += 12
    anchor = ctx.ref_day if ctx.ref_day_pos >= _sentence_start(ctx.text, m.start()) else ctx.dct
    if anchor is None:
        return Parsed("TIME", None, "time")
    return Parsed("TIME", f"{fmt_day(anchor)}T{h:02d}:{mi:02d}", "time")


def every(m: re.Match, ctx: Context) -> Optional[Parsed]:
    g = m.groupdict()
    if g.get("wd"):
        return Parsed("SET", f"XXXX-WXX-{cal.weekday(g['wd']) + 1}", "set")
    if g.get("pod"):
        return Parsed("SET", f"XXXX-XX-XXT{cal.PARTS_OF_DAY[_pod_key(g['pod'])]}", "set")
    if g.get("we"):
        return Parsed("SET", "XXXX-WXX-WE", "set")
    if g.get("m"):
        return Parsed("SET", f"XXXX-{cal.month(g['m']):02d}", "set")
    n = cal.number(g["n"]) if g.get("n") else 1.0
    return Parsed("SET", duration(n, cal.UNITS[(g.get("u") or "hari").lower()]), "set")


# --- the rule table: on equal length, earlier rules win -------------------------------

_NUMDATE = r"\(\s*(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}|\d{2}))?\s*\)"
RULES: list[tuple[str, str, Handler]] = [
    ("weekday_paren", rf"{B}(?:hari\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?\s*,?\s*{_NUMDATE}(?:\s+(?P<pod2>{POD}){E})?",
     weekday_paren),
    ("paren_date", _NUMDATE, numeric_date),
    ("dmy_numeric", rf"{B}(?P<d>\d{{1,2}})([/-])(?P<m>\d{{1,2}})\2(?P<y>\d{{4}}){E}", numeric_date),
    ("iso_date", rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}", numeric_date),
    ("day_month", rf"{B}(?:(?:hari\s+)?(?P<wd>{WD})\s*,?\s+)?(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{MON})"
                  rf"(?:\s*,?\s*(?P<y>\d{{4}}))?{E}(?:\s+(?P<pod>{POD}){E})?"
                  rf"(?:\s+(?P<rel>yang\s+lalu|lalu|silam|mendatang|nanti|ini){E})?", day_month_year),
    ("month_year", rf"{B}(?:(?P<mod>{MOD})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{MON})\s+(?:tahun\s+)?"
                   rf"(?P<y>(?:19|20)\d{{2}}){E}", month_year),
    ("month_rel", rf"{B}(?:(?P<mod>{MOD})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{FULLMON}){E}"
                  rf"(?:\s+(?P<rel>tahun\s+(?:lalu|ini|depan|mendatang|kemarin)|yang\s+lalu|lalu|silam|mendatang|nanti|ini|depan){E})?",
     month_relative),
    ("quarter", rf"{B}(?:(?P<mod>{MOD})\s+)?(?P<u>kuartal|triwulan|semester|kuarter)\s*(?:ke-?\s*)?"
                rf"(?P<q>IV|III|II|I|[1-4]|pertama|kedua|ketiga|keempat|terakhir|satu|dua|tiga|empat)"
                rf"(?:\s*[-/]?\s*(?:tahun\s+)?(?P<y>(?:19|20)\d{{2}})|\s+(?:tahun\s+)?(?P<rel>ini|lalu|depan|mendatang|sebelumnya))?{E}",
     quarter),
    ("year", rf"(?:{B}(?P<mod>{MOD})\s+)?(?:{B}(?P<tahun>tahun)\s+(?:(?:anggaran|fiskal|ajaran)\s+)?)?(?<![\w.,/])"
             rf"(?P<y>(?:19|20)\d{{2}})(?P<an>-?an)?(?![\w]|[.,/]\d)(?:\s+(?P<rel>lalu|silam|mendatang|nanti){E})?", year),
    ("decade", rf"{B}(?:tahun|era|dekade|medio)\s+'?(?P<dd>[1-9]0)-?an{E}", decade),
    ("weekday", rf"{B}(?:(?P<hari>hari)\s+)?(?P<wd>{WD}){E}(?:\s+(?P<rel>(?:pekan|minggu)\s+(?:lalu|depan|ini|kemarin|mendatang)"
                rf"|yang\s+lalu|lalu|kemarin|ini|depan|mendatang|nanti){E})?(?:\s+(?P<pod>{POD}){E})?", weekday),
    ("fixed", rf"{B}(?:{FIXED_PATTERN}){E}", fixed),
    ("unit_rel", rf"{B}(?:(?P<mod>{MOD})\s+)?(?P<u>pekan|minggu|bulan|tahun|kuartal|triwulan|semester|dekade|abad)\s+"
                 rf"(?:yang\s+)?(?P<rel>ini|lalu|silam|depan|mendatang|kemarin|sebelumnya|berikutnya|selanjutnya|akan\s+datang"
                 rf"|itu|tersebut){E}", unit_relative),
    ("unit_mod", rf"{B}(?P<mod>{MOD})\s+(?P<u>pekan|minggu|bulan|tahun){E}", unit_relative),
    ("count_rel", rf"(?<![\w.,])(?:(?P<n>{NUM})\s+|(?P<se>se))(?P<u>{UNIT})\s+(?:yang\s+)?(?P<rel>lalu|silam|sebelumnya"
                  rf"|lagi|mendatang|ke\s+depan|kemudian|berikutnya|terakhir|belakangan|pertama|setelahnya|sesudahnya"
                  rf"|akan\s+datang){E}", count_relative),
    ("duration", rf"(?<![\w.,])(?:(?P<n>{NUM})\s+(?P<u>{UNIT})|se(?P<u2>{SE_UNIT})|ber(?P<u3>{SE_UNIT})-(?P=u3))(?:nya)?{E}",
     span_duration),
    ("clock", rf"{B}(?P<p>pukul|pk\.|jam)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?(?:[.:]\d{{2}})?(?:\s*(?P<z>{ZONE}))?"
              rf"(?:\s+(?P<pod>{POD}))?(?:\s*(?P<z2>{ZONE}))?{E}", clock),
    ("clock_zone", rf"{B}(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})\s*(?P<z>{ZONE}){E}", clock),
    ("set", rf"{B}(?:setiap|tiap-tiap|tiap|saban)\s+(?:(?P<n>{NUM})\s+)?(?:(?P<u>{UNIT})(?:nya)?|(?P<wd>{WD})|(?P<pod>{POD})"
            rf"|(?P<we>akhir\s+pekan)|(?P<m>{FULLMON})){E}", every),
    ("set_times", rf"{B}(?:(?:{NUM})\s+kali\s+|sekali\s+)se(?P<u>{SE_UNIT}){E}|{B}sehari-hari(?:nya)?{E}", every),
]
COMPILED = [(name, re.compile(pattern, re.I), handler) for name, pattern, handler in RULES]


# --- finding, choosing and normalising ------------------------------------------------

@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rank: int                 # the rule's place in RULES
    match: re.Match
    handler: Handler
    parts: tuple = ()         # merged neighbours (a day and a clock time)


_MODIFIER = re.compile(r"(?:sekitar|kira-kira|hampir|lebih\s+dari|kurang\s+dari|kurang\s+lebih|sedikitnya"
                       r"|setidaknya|paling\s+lama|paling\s+cepat)\s+$", re.I)
_ADJACENT = re.compile(r"[\s,]*")


def _candidates(ctx: Context) -> list[Candidate]:
    found = []
    for rank, (_, pattern, handler) in enumerate(COMPILED):
        for m in pattern.finditer(ctx.text):
            if m.end() > m.start() and handler(m, ctx) is not None:
                found.append(Candidate(m.start(), m.end(), rank, m, handler))
    return found


def _select(found: list[Candidate]) -> list[Candidate]:
    """Longest first (earlier rule on ties); no two chosen spans overlap."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _is_clock(c: Candidate) -> bool:
    return c.handler is clock


def _is_day(c: Candidate) -> bool:
    return c.handler in (weekday, weekday_paren, day_month_year, numeric_date) or (
        c.handler is fixed and FIXED[re.sub(r"\s+", " ", c.match.group().lower())][0] == "day")


def _merge(chosen: list[Candidate], text: str) -> list[Candidate]:
    """A day and a clock time side by side are one expression."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev and not prev.parts and _ADJACENT.fullmatch(text, prev.end, c.start) and (
                (_is_day(prev) and _is_clock(c)) or (_is_clock(prev) and _is_day(c))):
            out[-1] = Candidate(prev.start, c.end, prev.rank, prev.match, prev.handler, (prev, c))
        else:
            out.append(c)
    return out


def _remember(ctx: Context, parsed: Parsed, start: int) -> None:
    """Make a normalised date the reference for anaphora that follow it."""
    value = parsed.value or ""
    if parsed.type not in ("DATE", "TIME") or value in REFS:
        return
    if day := day_of(value):
        d = date.fromisoformat(day)
        ctx.ref_day, ctx.ref_day_pos, ctx.ref_month, ctx.ref_year = d, start, (d.year, d.month), d.year
    elif re.fullmatch(r"\d{4}-\d{2}", value):
        ctx.ref_month, ctx.ref_year = (int(value[:4]), int(value[5:])), int(value[:4])
    elif re.fullmatch(r"\d{4}", value):
        ctx.ref_year = int(value)


def _parse(c: Candidate, ctx: Context) -> Parsed:
    if not c.parts:
        return c.handler(c.match, ctx) or Parsed("DATE", None, None)
    first, second = (_parse(p, ctx) for p in c.parts)
    day_part, clock_part = (first, second) if _is_day(c.parts[0]) else (second, first)
    day = day_of(day_part.value)
    if day is None or not clock_part.value:
        return Parsed("TIME", None, "time")
    return Parsed("TIME", day + clock_part.value[10:], "time")


def _with_modifier(text: str, start: int) -> int:
    m = _MODIFIER.search(text, max(0, start - 25), start)
    return m.start() if m and m.end() == start else start


def find_times(text: str, published=None) -> list[TimeExpr]:
    """Every temporal expression in ``text``, normalised against ``published``.

    ``published`` is an ISO 8601 string, a datetime, a date or None (then relative
    expressions keep their span with value None).
    """
    ref = parse_reference(published)
    ctx = Context(text, ref.date() if ref else None, ref)
    chosen = _merge(_select(_candidates(ctx)), text)
    ctx = Context(text, ref.date() if ref else None, ref)  # read again, in order, with references
    out = []
    for c in chosen:
        parsed = _parse(c, ctx)
        _remember(ctx, parsed, c.start)
        start = _with_modifier(text, c.start)
        out.append(TimeExpr(text[start:c.end], start, c.end, parsed.value, parsed.granularity, parsed.type))
    return out


def date_for_span(times: list[TimeExpr], start: int, end: int, published=None,
                  trigger: Optional[int] = None) -> tuple[Optional[str], bool]:
    """The date of an event whose evidence is ``text[start:end]``: (value, inferred).

    The governing expression is a dated DATE/TIME inside the span, the nearest one before
    ``trigger`` (a character offset; default: the end of the span), a day-level one preferred
    over a month or a year. Without one, the publication day with ``inferred=True``;
    without a publication date either, (None, True).
    """
    anchor = end if trigger is None else trigger
    dated = [t for t in times if start <= t.start and t.end <= end and t.type in ("DATE", "TIME")
             and t.value and re.match(r"\d{4}", t.value)]
    if dated:
        def preference(t: TimeExpr) -> tuple:
            return (day_of(t.value) is None, t.start > anchor, abs(anchor - (t.end if t.start <= anchor else t.start)))
        best = min(dated, key=preference)
        return (day_of(best.value) or best.value), False
    ref = parse_reference(published)
    return (fmt_day(ref.date()) if ref else None), True


__all__ = ["find_times", "date_for_span", "Parsed", "RULES"]
