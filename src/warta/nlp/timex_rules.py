"""Rules for temporal expressions, part one: the shared context, vocabulary and helpers,
absolute dates, holidays, seasons, clock times and sets. See ``timex`` for how rules are
applied; ``timex_relative`` holds the rules for expressions relative to a reference date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, NamedTuple, Optional

from . import calendar as cal
from .timeval import duration, fmt_day, fmt_month, safe_date

CLOCK_ANCHOR = "paragraph"  # a bare clock time is on the day last named in its paragraph, else publication (measured)

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
    named_days: dict = None  # weekday -> the date an explicit "Kamis (27/11/2014)" gave it


    def __post_init__(self) -> None:
        self.ref_day = self.dct
        self.ref_month = (self.dct.year, self.dct.month) if self.dct else None
        self.ref_year = self.dct.year if self.dct else None
        self.named_days = {}


Handler = Callable[[re.Match, Context], Optional[Parsed]]

B, E = r"(?<![\w])", r"(?![\w])"
WD = cal.ID_WEEKDAY_PATTERN
MON = cal.MONTH_PATTERN
FULLMON = cal.FULL_MONTH_PATTERN
POD = r"dini\s+hari|pagi|siang|sore|petang|malam"
MOD = r"awal|akhir|pertengahan|penghujung|medio|permulaan|ujung"
ZONE = (r"WIB|WITA|WIT|UTC|GMT|waktu\s+(?:setempat|Indonesia\s+(?:Barat|Tengah|Timur)|Singapura|Malaysia"
        r"|Jakarta|Arab\s+Saudi|Eropa|Amerika)")
_DIGITS = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
NUM = (rf"\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?|(?:(?:{_DIGITS})\s+(?:belas|puluh)(?:\s+(?:{_DIGITS}))?|{_DIGITS}|sepuluh|sebelas"
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
    return _with_clock(m, safe_date(year, month, day) if year else None, m.group("pod"))


def numeric_date(m: re.Match, ctx: Context) -> Optional[Parsed]:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = _year(m.group("y")) or _year_for(ctx, month, day, None)
    return _with_clock(m, safe_date(year, month, day) if year else None, m.groupdict().get("pod"))


def _with_clock(m: re.Match, d: Optional[date], pod: Optional[str]) -> Parsed:
    """The date, or a TIME when a clock time follows it in the same match."""
    g = m.groupdict()
    if g.get("h") and int(g["h"]) <= 24 and int(g["mi"]) <= 59:
        return Parsed("TIME", f"{fmt_day(d)}T{int(g['h']):02d}:{g['mi']}" if d else None, "time")
    return _dated("DATE", d, pod)


def month_year(m: re.Match, ctx: Context) -> Optional[Parsed]:
    month = cal.month(m.group("m"))
    if month is None or not (_capitalised(m.group("m")) or m.group("bulan")):
        return None
    return Parsed("DATE", fmt_month(int(m.group("y")), month), "month")


_RANGE_YEAR = re.compile(rf"\s*(?:-|–|hingga|sampai|s/d|dan|atau)\s*(?:{MON})\s+((?:19|20)\d{{2}}){E}", re.I)


def month_relative(m: re.Match, ctx: Context) -> Optional[Parsed]:
    word, rel = m.group("m"), (m.group("rel") or "").lower()
    if not (_capitalised(word) or m.group("bulan")):
        return None
    month = cal.month(word)
    if ctx.dct is None:
        return Parsed("DATE", None, "month")
    range_year = _RANGE_YEAR.match(ctx.text, m.end())
    if range_year and not rel:  # "Juni-Juli 2014", "Maret hingga Mei 2015"
        return Parsed("DATE", fmt_month(int(range_year.group(1)), month), "month")
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
    unit = "half" if m.group("u").lower() in ("semester", "paruh") else "quarter"
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


# --- rules: holidays and seasons ---------------------------------------------------------

# Holidays on a fixed solar date; the lunar ones (Idul Fitri, Imlek...) are found but get no
# value: computing them needs tables we do not ship, and no date is invented.
HOLIDAYS = {"natal": (12, 25), "tahun baru": (1, 1), "hari kemerdekaan": (8, 17), "malam natal": (12, 24),
            "malam tahun baru": (12, 31), "hari buruh": (5, 1), "hari kartini": (4, 21), "hari pahlawan": (11, 10)}
LUNAR_HOLIDAYS = ("idul fitri", "idulfitri", "lebaran", "idul adha", "iduladha", "imlek", "nyepi", "waisak",
                  "paskah", "jumat agung", "maulid nabi", "isra miraj", "tahun baru imlek", "tahun baru islam")
SEASONS = {"dingin": "WI", "panas": "SU", "semi": "SP", "gugur": "FA", "hujan": None, "kemarau": None,
           "penghujan": None}
_HOLIDAY_PATTERN = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
    list(HOLIDAYS) + list(LUNAR_HOLIDAYS), key=len, reverse=True))


def holiday(m: re.Match, ctx: Context) -> Optional[Parsed]:
    name = re.sub(r"\s+", " ", m.group("h").lower())
    if not m.group("h")[:1].isupper():
        return None
    y = int(m.group("y")) if m.group("y") else None
    if name not in HOLIDAYS:
        return Parsed("DATE", None, "day")
    month, day = HOLIDAYS[name]
    if y is None and ctx.dct is not None:  # the coming one when it is near, else this year's
        y = ctx.dct.year + 1 if (month, day) < (ctx.dct.month, ctx.dct.day) and ctx.dct.month >= 11 and month == 1 else ctx.dct.year
    return _dated("DATE", safe_date(y, month, day) if y else None)


def season(m: re.Match, ctx: Context) -> Optional[Parsed]:
    code = SEASONS[m.group("s").lower()]
    shift_ = {"lalu": -1, "depan": 1, "mendatang": 1}.get((m.group("rel") or "").lower(), 0)
    year = int(m.group("y")) if m.group("y") else ctx.dct.year + shift_ if ctx.dct else None
    return Parsed("DATE", f"{year:04d}-{code}" if code and year else None, "season")


# --- rules: clock times and sets ----------------------------------------------------

def clock(m: re.Match, ctx: Context) -> Optional[Parsed]:
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    groups = m.groupdict()
    pod = _pod_key(groups.get("pod") or "")
    if h > 24 or mi > 59 or (groups.get("p") or "").lower() == "jam" and not (m.group("mi") or pod):
        return None
    if (pod in ("sore", "malam", "petang") and h < 12) or (pod == "siang" and h < 6):
        h += 12
    paragraph = 0 if CLOCK_ANCHOR == "document" else ctx.text.rfind("\n", 0, m.start()) + 1
    anchor = ctx.ref_day if ctx.ref_day_pos >= paragraph else ctx.dct
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
