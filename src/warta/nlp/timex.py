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

The rules live in ``timex_rules`` (absolute dates, clock times, sets, holidays) and
``timex_relative`` (weekdays, "kemarin", "pekan lalu", anaphora, durations).

Nothing is invented: an impossible date ("31 Februari") keeps its span with value None,
and without a publication date relative expressions ("kemarin") get value None.
``date_for_span`` gives an event the date of the expression that governs it.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..model import TimeExpr
from .timeval import REFS, day_of, fmt_day, parse_reference
from .timex_relative import (FIXED, FIXED_PATTERN, count_relative, fixed, span_duration, unit_relative, weekday,
                             weekday_paren)
from .timex_rules import (B, E, FULLMON, HOLIDAYS, LUNAR_HOLIDAYS, MOD, MON, NUM, POD, SE_UNIT, SEASONS, UNIT, WD, ZONE,
                          _DIGITS, _HOLIDAY_PATTERN, Context, Handler, Parsed, clock, day_month_year, decade, every,
                          holiday, month_relative, month_year, numeric_date, quarter, season, year)

# --- the rule table: on equal length, earlier rules win -------------------------------

# A clock time written right after a full date, as in publication stamps: "7 Feb 2015 20:15".
_CLOCK_SUFFIX = rf"(?:\s*,?\s*(?:pukul\s+)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.]\d{{2}})?(?!\d)(?:\s*(?:{ZONE}){E})?)?"
_NUMDATE = r"\(\s*(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}|\d{2}))?\s*\)"
RULES: list[tuple[str, str, Handler]] = [
    ("weekday_paren", rf"{B}(?:hari\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?\s*,?\s*{_NUMDATE}(?:\s+(?P<pod2>{POD}){E})?"
                      rf"(?:\s+(?:lalu|kemarin|silam|mendatang|nanti){E})?",
     weekday_paren),
    ("paren_date", _NUMDATE, numeric_date),
    ("dmy_numeric", rf"{B}(?P<d>\d{{1,2}})([/-])(?P<m>\d{{1,2}})\2(?P<y>\d{{4}}){E}{_CLOCK_SUFFIX}", numeric_date),
    ("iso_date", rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}", numeric_date),
    ("day_month", rf"{B}(?:(?:hari\s+)?(?P<wd>{WD})\s*,?\s+)?(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{MON})"
                  rf"(?:\s*,?\s*(?P<y>\d{{4}}))?{E}{_CLOCK_SUFFIX}(?:\s+(?P<pod>{POD}){E})?"
                  rf"(?:\s+(?P<rel>yang\s+lalu|lalu|silam|mendatang|nanti|ini){E})?", day_month_year),
    ("month_year", rf"{B}(?:(?P<mod>{MOD})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{MON})\s+(?:tahun\s+)?"
                   rf"(?P<y>(?:19|20)\d{{2}}){E}(?:\s+(?:lalu|silam|mendatang|nanti|ini){E})?", month_year),
    ("month_rel", rf"{B}(?:(?P<mod>{MOD})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{FULLMON}){E}"
                  rf"(?:\s+(?P<rel>tahun\s+(?:lalu|ini|depan|mendatang|kemarin)|yang\s+lalu|lalu|silam|mendatang|nanti|ini|depan){E})?",
     month_relative),
    ("quarter", rf"{B}(?:(?P<mod>{MOD})\s+)?(?P<u>kuartal|triwulan|semester|kuarter|paruh)\s*(?:ke-?\s*)?"
                rf"(?P<q>IV|III|II|I|[1-4]|pertama|kedua|ketiga|keempat|terakhir|satu|dua|tiga|empat)"
                rf"(?:\s*[-/]?\s*(?:tahun\s+)?(?P<y>(?:19|20)\d{{2}})|\s+(?:tahun\s+)?(?P<rel>ini|lalu|depan|mendatang|sebelumnya))?{E}",
     quarter),
    ("year", rf"(?:{B}(?P<mod>{MOD})\s+)?(?:{B}(?P<tahun>tahun)\s+(?:(?:anggaran|fiskal|ajaran)\s+)?)?(?<![\w.,/])"
             rf"(?P<y>(?:19|20)\d{{2}})(?P<an>-?an)?(?![\w]|[.,/]\d)(?:\s+(?P<rel>lalu|silam|mendatang|nanti|ini){E})?", year),
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
                  rf"|akan\s+datang)(?:\s+ini)?{E}", count_relative),
    ("duration", rf"(?<![\w.,])(?:(?P<n>{NUM})\s+(?P<u>{UNIT})|se(?P<u2>{SE_UNIT})|ber(?P<u3>{SE_UNIT})-(?P=u3))(?:nya)?{E}",
     span_duration),
    ("holiday", rf"{B}(?:hari\s+raya\s+)?(?P<h>{_HOLIDAY_PATTERN})(?:\s+(?:tahun\s+)?(?P<y>(?:19|20)\d{{2}}))?{E}",
     holiday),
    ("season", rf"{B}musim\s+(?P<s>{'|'.join(SEASONS)})(?:\s+(?:tahun\s+)?(?P<y>(?:19|20)\d{{2}})|\s+tahun\s+(?P<rel>ini|lalu|depan|mendatang))?{E}",
     season),
    ("clock", rf"{B}(?P<p>pukul|pk\.|jam)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?(?:[.:]\d{{2}})?(?:\s*(?P<z>{ZONE}))?"
              rf"(?:\s+(?P<pod>{POD}))?(?:\s*(?P<z2>{ZONE}))?{E}", clock),
    ("clock_zone", rf"{B}(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})\s*(?P<z>{ZONE}){E}", clock),
    ("set", rf"{B}(?:setiap|tiap-tiap|tiap|saban)\s+(?:(?P<n>{NUM})\s+)?(?:(?P<u>{UNIT})(?:nya)?|(?P<wd>{WD})|(?P<pod>{POD})"
            rf"|(?P<we>akhir\s+pekan)|(?P<m>{FULLMON})){E}", every),
    ("set_times", rf"{B}(?:(?:{NUM})\s+kali\s+|sekali\s+)se(?P<u>{SE_UNIT}){E}|{B}sehari-hari(?:nya)?{E}", every),
]
COMPILED = [(name, re.compile(pattern, re.I), handler) for name, pattern, handler in RULES]

# Speed: a rule is tried only where a word that can begin it stands (one dictionary lookup
# per word, cached), instead of at every character. Rules not listed scan the whole text.
_NUM_WORDS = rf"\d+|{_DIGITS}|sepuluh|sebelas|seratus|setengah|beberapa|puluhan|belasan|ratusan|ribuan"
_WD_WORDS = rf"{WD}|jum"
FIRST_WORDS = {
    "weekday_paren": rf"hari|{_WD_WORDS}", "dmy_numeric": r"\d{1,2}", "iso_date": r"\d{4}",
    "day_month": rf"hari|{_WD_WORDS}|tanggal|tgl|\d{{1,2}}", "month_year": rf"{MOD}|bulan|{MON}",
    "month_rel": rf"{MOD}|bulan|{FULLMON}", "quarter": rf"{MOD}|kuartal|triwulan|semester|kuarter|paruh",
    "year": rf"{MOD}|tahun|\d{{4}}", "decade": r"tahun|era|dekade|medio", "weekday": rf"hari|{_WD_WORDS}",
    "fixed": "|".join(sorted({re.split(r"[\s'’-]", w)[0] for w in FIXED})),
    "unit_rel": rf"{MOD}|pekan|minggu|bulan|tahun|kuartal|triwulan|semester|dekade|abad", "unit_mod": MOD,
    "count_rel": rf"{_NUM_WORDS}|se\w+", "duration": rf"{_NUM_WORDS}|se\w+|ber\w+",
    "holiday": "hari|" + "|".join(sorted({w.split()[0] for w in list(HOLIDAYS) + list(LUNAR_HOLIDAYS)})),
    "season": "musim", "clock": "pukul|pk|jam", "clock_zone": r"\d{1,2}", "set": "setiap|tiap|saban",
    "set_times": rf"{_NUM_WORDS}|sekali|sehari",
}
_FIRST = {name: re.compile(rf"(?:{FIRST_WORDS[name]})", re.I) for name, _, _ in RULES if name in FIRST_WORDS}
_SCANNED = [rank for rank, (name, _, _) in enumerate(RULES) if name not in FIRST_WORDS]
_WORD = re.compile(r"\w+")


# Any rule's first word: most words begin none, and one combined match settles them instead of
# one match per rule (a new word costs ~20 of those; speed only).
_ANY_FIRST = re.compile("|".join(f"(?:{FIRST_WORDS[name]})" for name, _, _ in RULES if name in FIRST_WORDS), re.I)


@functools.lru_cache(maxsize=1 << 16)
def _rules_for(word: str) -> tuple[int, ...]:
    if not _ANY_FIRST.fullmatch(word):
        return ()
    return tuple(rank for rank, (name, _, _) in enumerate(RULES) if name in _FIRST and _FIRST[name].fullmatch(word))


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
_ADJACENT = re.compile(r"[\s,]*(?:(?:sekitar|pada|mulai)\s+)?")


def _matches(text: str):
    """(rank, match) for every rule at every word that can begin it."""
    for rank in _SCANNED:
        for m in COMPILED[rank][1].finditer(text):
            yield rank, m
    for word in _WORD.finditer(text):
        for rank in _rules_for(word.group().lower()):
            m = COMPILED[rank][1].match(text, word.start())
            if m:
                yield rank, m


def _candidates(ctx: Context) -> list[Candidate]:
    found = []
    for rank, m in _matches(ctx.text):
        handler = COMPILED[rank][2]
        if m.end() > m.start() and _call(handler, m, ctx) is not None:
            found.append(Candidate(m.start(), m.end(), rank, m, handler))
    return found


def _select(found: list[Candidate]) -> list[Candidate]:
    """Longest first (earlier rule on ties); no two chosen spans overlap."""
    chosen: list[Candidate] = []
    starts: list[int] = []   # the chosen spans, sorted by start; they never overlap
    ends: list[int] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.rank, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i == 0 or ends[i - 1] <= c.start) and (i == len(starts) or starts[i] >= c.end):
            starts.insert(i, c.start)
            ends.insert(i, c.end)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _is_clock(c: Candidate) -> bool:
    return c.handler is clock


def _is_day(c: Candidate) -> bool:
    return c.handler in (weekday, weekday_paren, day_month_year, numeric_date) or (
        c.handler is fixed and FIXED[re.sub(r"\s+", " ", c.match.group().lower())][0] == "day")


def _is_paren(c: Candidate) -> bool:
    return c.handler is numeric_date and c.match.group().startswith("(")


def _merge(chosen: list[Candidate], text: str) -> list[Candidate]:
    """A day and a clock time side by side are one expression, and so are a day word and
    the date in brackets after it ("kemarin (19/11)")."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev and not prev.parts and _ADJACENT.fullmatch(text, prev.end, c.start) and (
                (_is_day(prev) and _is_clock(c)) or (_is_clock(prev) and _is_day(c))
                or (_is_day(prev) and _is_paren(c))):
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


def _call(handler: Handler, m: re.Match, ctx: Context) -> Optional[Parsed]:
    """A rule's reading; calendar arithmetic beyond year 1..9999 keeps the span, not a value."""
    try:
        return handler(m, ctx)
    except (OverflowError, ValueError):
        return Parsed("DATE", None, None)


def _parse(c: Candidate, ctx: Context) -> Parsed:
    if not c.parts:
        return _call(c.handler, c.match, ctx) or Parsed("DATE", None, None)
    first, second = (_parse(p, ctx) for p in c.parts)
    if _is_paren(c.parts[1]):
        return second
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


def _names_a_thing(t: TimeExpr, anchor: int) -> bool:
    """A bare year after the trigger usually dates a name, not the act: "menghormati
    Konvensi PBB tentang Hukum Laut (UNCLOS) 1982", "putusan arbitrase 2016"."""
    return t.start > anchor and re.fullmatch(r"\d{4}", t.text.strip()) is not None


def date_for_span(times: list[TimeExpr], start: int, end: int, published=None,
                  trigger: Optional[int] = None, act: Optional[int] = None) -> tuple[Optional[str], bool]:
    """The date of an event whose evidence is ``text[start:end]``: (value, inferred).

    The governing expression is a dated DATE/TIME inside the span (not a bare year after
    the trigger, which names a thing), the nearest one before
    ``trigger`` (a character offset; default: the end of the span; ``act``, where the trigger
    word itself starts, defaults to it), a day-level one preferred
    over a month or a year. Without one, the publication day with ``inferred=True``;
    without a publication date either, (None, True).
    """
    anchor = end if trigger is None else trigger
    dated = [t for t in times if start <= t.start and t.end <= end and t.type in ("DATE", "TIME")
             and t.value and re.match(r"\d{4}", t.value) and not _names_a_thing(t, anchor if act is None else act)]
    if dated:
        def preference(t: TimeExpr) -> tuple:
            return (day_of(t.value) is None, t.start > anchor, abs(anchor - (t.end if t.start <= anchor else t.start)))
        best = min(dated, key=preference)
        return (day_of(best.value) or best.value), False
    ref = parse_reference(published)
    return (fmt_day(ref.date()) if ref else None), True


__all__ = ["find_times", "date_for_span", "Parsed", "RULES"]
