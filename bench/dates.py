"""Temporal expressions: warta against dateparser's ``search_dates`` on the same TimeML files.

    PYTHONPATH=src /work/venv-dev/bin/python bench/dates.py \
        ../shared/data/dates-indotimex-dev/kompas_development.zip \
        --gold tests/data/indotimex-dev-timex.tsv \
        --conll ../shared/data/ner/idner-news-2k/dev.txt --conll-gold tests/data/idner-dev-timex.tsv [--json]

Both systems read each document's text with its creation time (DCT) as the reference
(dateparser: ``languages=['id']``, ``RELATIVE_BASE`` = DCT). The scores are those of
``warta eval dates``, per part of the fixed tuning/check split and for all documents.

dateparser returns a datetime without granularity, so its value counts as right when it
agrees with the gold value at the gold's own granularity (year, month, ISO week, day,
minute; PRESENT_REF when it gives the DCT day). That is generous to it; durations and
sets it cannot express, so a matched duration or set counts as wrong.
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import warnings
from datetime import datetime
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.nlp.timeml import (Timex, apply_standoff, conll_sentence_docs, load_timeml, same_value, score,  # noqa: E402
                              split, warta_finder)
from warta.nlp.timeval import normalise_value, parse_reference  # noqa: E402


def dateparser_finder(text: str, dct: Optional[str]) -> list[Timex]:
    from dateparser.search import search_dates
    base = parse_reference(dct)
    settings = {"RELATIVE_BASE": base} if base else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["id"], settings=settings) or []
    out, pos = [], 0
    for substring, when in found:
        start = text.find(substring, pos)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        pos = start + len(substring)
        out.append(Timex(start, start + len(substring), substring, "DATE", when))
    return out


def truncated_match(gold: Optional[str], system: object, dct: Optional[str]) -> bool:
    """A datetime agrees with a gold value at the gold's granularity."""
    if not isinstance(system, datetime):
        return same_value(gold, system, dct)
    gold = normalise_value(gold) or ""
    if gold == "PRESENT_REF":
        return dct is not None and system.date().isoformat() == normalise_value(dct)[:10]
    if re.fullmatch(r"\d{4}", gold):
        return f"{system.year:04d}" == gold
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return system.strftime("%Y-%m") == gold
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", gold):
        iso = system.isocalendar()
        return (iso[0], iso[1]) == (int(m.group(1)), int(m.group(2)))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold):
        return system.date().isoformat() == gold
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", gold):
        return system.strftime("%Y-%m-%dT%H:%M") == gold
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T[A-Z]{2}", gold):
        return system.date().isoformat() == m.group(1)
    return False


def compare(docs) -> dict:
    """Both systems on the same documents; each is warmed up once (imports, caches) and its
    speed is the best of three timed runs."""
    out = {}
    for name, finder, same in (("warta", warta_finder, same_value), ("dateparser", dateparser_finder, truncated_match)):
        for doc in docs:
            finder(doc.text, doc.dct)
        runs = [score(docs, finder, same)[0] for _ in range(3)]
        out[name] = max(runs, key=lambda r: r["docs_per_second"] or 0)
    return out


def run(path: str, gold: Optional[str], conll: Optional[str] = None, conll_gold: Optional[str] = None) -> dict:
    docs = load_timeml(path)
    if gold:
        apply_standoff(docs, gold)
    results = {part: compare(split(docs, part)) for part in ("tune", "check", "all")}
    if conll and conll_gold:
        results["blind"] = compare(conll_sentence_docs(conll, conll_gold))
    return results


def table(results: dict) -> str:
    lines = [f"{'part':<6} {'system':<11} {'docs':>4} {'F1 overlap':>10} {'F1 strict':>9} {'P':>6} {'R':>6} "
             f"{'value':>6} {'dates':>6} {'docs/s':>8}"]
    for part, systems in results.items():
        for name, r in systems.items():
            lines.append(f"{part:<6} {name:<11} {r['documents']:>4} {r['overlap']['f1']:>10.3f} {r['strict']['f1']:>9.3f} "
                         f"{r['overlap']['precision']:>6.3f} {r['overlap']['recall']:>6.3f} {r['value_accuracy']:>6.3f} "
                         f"{r['date_value_accuracy']:>6.3f} {r['docs_per_second']:>8}")
        w, d = systems["warta"], systems["dateparser"]
        if d["docs_per_second"]:
            lines.append(f"{part:<6} {'ratio':<11} warta is {w['docs_per_second'] / d['docs_per_second']:.1f}x as fast; "
                         f"F1 overlap {w['overlap']['f1'] - d['overlap']['f1']:+.3f}")
    return "\n".join(lines)


def _cpu() -> str:
    try:
        line = next(l for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name"))
        return line.split(":", 1)[1].strip()
    except (OSError, StopIteration):
        return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a .tml file, a folder or a .zip of TimeML files")
    parser.add_argument("--gold", help="stand-off gold TSV for files without inline TIMEX3")
    parser.add_argument("--conll", help="CoNLL sentences for the blind check (idner-news-2k dev.txt)")
    parser.add_argument("--conll-gold", help="stand-off gold for those sentences")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    results = run(args.path, args.gold, args.conll, args.conll_gold)
    machine = f"{_cpu()}, {platform.machine()}, Python {platform.python_version()}, one process"
    if args.json:
        print(json.dumps({"machine": machine, "results": results}, indent=2))
    else:
        print(f"machine: {machine}\n{table(results)}")


if __name__ == "__main__":
    main()
