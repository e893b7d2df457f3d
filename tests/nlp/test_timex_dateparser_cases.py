"""dateparser's Indonesian cases (../shared/data/dates-dateparser-id, BSD-3), where they apply.

Their expectations are English renderings ("3 week ago"); we turn each into the TIMEX3
value warta should give against a fixed publication date. Cases that are not temporal
expressions in our sense are skipped with the reason.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from pathlib import Path as _Path

SHARED = _Path(__file__).resolve().parents[2].parent / "shared"  # ../shared beside the repository
from warta.nlp.timex import find_times
from warta.nlp.timeval import duration, fmt_week, shift

CASES = SHARED / "data" / "dates-dateparser-id" / "id_test_cases.json"
BASE = date(2020, 6, 15)
UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month",
         "year": "year"}
MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october "
                                     "november december".split(), start=1)}


def _cases() -> list[dict]:
    if not CASES.exists():
        return []
    return [c for c in json.loads(CASES.read_text()) if c["kind"] in ("translate", "translate_roundtrip", "search_dates")]


def expected(case: dict) -> tuple[str, str] | None:
    """(type, value) for a case, or None when it is not an expression we annotate."""
    if case["kind"] == "search_dates":
        return "DATE", case["expected"][0][1][:10]
    if case["kind"] == "translate_roundtrip":
        d, mon, y, hm = re.fullmatch(r"(\d+) (\w+) (\d{4}) (\d\d:\d\d)", case["input"]).groups()
        return "TIME", f"{y}-08-{int(d):02d}T{hm}" if mon == "Agustus" else None
    en = case["expected_en"]
    if m := re.fullmatch(r"(\d+) (\w+) ago", en):
        n, unit = int(m.group(1)), UNITS[m.group(2)]
        if n == 0 and unit == "second":
            return None  # "baru saja" is an aspect word ("has just"), not a time expression
        if unit == "day":
            return "DATE", (BASE - timedelta(days=n)).isoformat()
        return "DATE", shift(BASE, unit, -n)[0]
    if m := re.fullmatch(r"(?:in )?(\d+) (\w+)", en):
        return "DURATION", duration(float(m.group(1)), UNITS[m.group(2)])
    m = re.fullmatch(r"(?:\w+day )?(\d+) (\w+) (\d{4})(?: (\d\d:\d\d))?", en)
    value = f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    return ("TIME", f"{value}T{m.group(4)}") if m.group(4) else ("DATE", value)


@pytest.mark.skipif(not CASES.exists(), reason="../shared/data/dates-dateparser-id is not beside the repository")
@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["input"][:30])
def test_dateparser_case(case):
    want = expected(case)
    if want is None:
        pytest.skip(f"{case['input']!r} is not a temporal expression in TimeML's sense")
    times = find_times(case["input"], case.get("relative_base") or BASE)
    assert times, case["input"]
    best = max(times, key=lambda t: t.end - t.start)
    assert (best.type, best.value) == want
    if case["kind"] == "search_dates":
        assert best.text == case["expected"][0][0]


def test_week_values_follow_iso_weeks():
    assert fmt_week(date(2014, 12, 30)) == "2015-W01"
