"""Scoring extraction against gold files.

Two gold formats:
- snippet gold (trafilatura's evaldata.json): per page, text that must appear in the body
  ("with") and text that must not ("without"). Counted the way trafilatura's evaluation
  counts them: a "with" snippet found is a true positive, missing a false negative; a
  "without" snippet found is a false positive, absent a true negative. Whitespace is
  collapsed on both sides. Title/author/date are compared where the gold gives them.
- seed gold (shared/gold/seeds.json): body first/last words, boilerplate lines, title,
  date, outlet, authors, editors, dateline, wire sources.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..errors import InputError

WORDS = re.compile(r"\w+")


@dataclass(slots=True)
class Case:
    name: str                    # file name inside the page folder
    path: Optional[Path]
    url: Optional[str] = None
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    docs: int = 0
    fields: dict = field(default_factory=dict)   # name -> [right, total]

    def add_field(self, name: str, ok: bool) -> None:
        right_total = self.fields.setdefault(name, [0, 0])
        right_total[0] += bool(ok)
        right_total[1] += 1

    def summary(self) -> dict:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        f1 = 2 * p * r / max(1e-9, p + r)
        out = {"docs": self.docs, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
               "accuracy": round((self.tp + self.tn) / max(1, self.tp + self.tn + self.fp + self.fn), 4)}
        for name, (right, total) in sorted(self.fields.items()):
            out[name] = round(right / max(1, total), 4)
            out[f"{name}_n"] = total
        return out


def squash(text: Optional[str]) -> str:
    return " ".join((text or "").split())


def snippet_counts(body: Optional[str], must: Iterable[str], must_not: Iterable[str]) -> tuple[int, int, int, int]:
    body = squash(body)
    tp = fn = fp = tn = 0
    for s in must:
        if squash(s) in body:
            tp += 1
        else:
            fn += 1
    for s in must_not:
        if squash(s) in body:
            fp += 1
        else:
            tn += 1
    return tp, fn, fp, tn


def load_snippet_gold(gold: Path, pages: Iterable[Path]) -> list[Case]:
    """Cases of an evaldata.json whose files are found in the ``pages`` folders."""
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read gold file {gold}: {e}") from e
    where = {p.name: p for folder in pages for p in (folder.rglob("*") if folder.is_dir() else [folder])}
    cases = []
    for url, item in data.items():
        cases.append(Case(item["file"], where.get(item["file"]), url, list(item.get("with", [])),
                          list(item.get("without", [])), item.get("title") or None,
                          _joined(item.get("author")), _joined(item.get("date"))))
    return cases


def _joined(value) -> Optional[str]:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return str(value) if value else None


def score_case(tally: Tally, case: Case, body: Optional[str], title: Optional[str],
               authors: list[str], published: Optional[str]) -> None:
    tp, fn, fp, tn = snippet_counts(body, case.must, case.must_not)
    tally.tp += tp; tally.fn += fn; tally.fp += fp; tally.tn += tn
    tally.docs += 1
    if case.title:
        tally.add_field("title_exact", _words(title) == _words(case.title))
    if case.date:
        tally.add_field("date_day", (published or "")[:10] == case.date[:10])
    if case.author:
        gold = {" ".join(_words(a)) for a in re.split(r";|,| and ", case.author) if a.strip()}
        got = {" ".join(_words(a)) for a in authors}
        tally.add_field("authors", bool(gold) and gold <= got)


def _words(text: Optional[str]) -> list[str]:
    return WORDS.findall((text or "").lower())


# --- seeds gold -----------------------------------------------------------------------

def score_seed(gold: dict, pred: dict) -> dict[str, bool]:
    """Per-check results for one seed: the checks of the shared seeds scorer."""
    body = pred.get("body") or ""
    checks = {
        "title": _words(pred.get("title")) == _words(gold["title"]),
        "published": (pred.get("published") or "")[:10] == (gold["published"] or "")[:10],
        "outlet": _same_outlet(gold["outlet"], pred.get("outlet")),
        "dateline": _words(pred.get("dateline")) == _words(gold["dateline"]),
    }
    for key in ("authors", "editors", "wire_sources"):
        want = {" ".join(_words(x)) for x in gold[key]}
        got = {" ".join(_words(x)) for x in pred.get(key) or []}
        checks[key] = want <= got and all(x in want or re.search(r"\d", x) or len(x) <= 3 for x in got)
    lines = {l.strip() for l in body.split("\n")}
    checks["boilerplate"] = not any(b.strip() and b.strip() in lines for b in gold["boilerplate_lines"])
    bw, first, last = _words(body), _words(gold["body_first"]), _words(gold["body_last"])
    checks["body_first"] = bw[:len(first)] == first
    checks["body_last"] = bw[-len(last):] == last
    return checks


def _same_outlet(gold: Optional[str], pred: Optional[str]) -> bool:
    def key(o):
        return re.sub(r"(com|co|id|tv|net)$", "", re.sub(r"[^a-z0-9]", "", (o or "").lower()))
    if not gold:
        return not pred
    return bool(pred) and (key(gold) in key(pred) or key(pred) in key(gold))


def run_snippet_eval(cases: list[Case], extractor: Callable[[str, Optional[str]], dict],
                     read: Callable[[Path], str]) -> Iterator[tuple[Case, dict]]:
    """Run ``extractor(html, url) -> {"body", "title", "authors", "published"}`` over cases."""
    for case in cases:
        if case.path is None:
            continue
        yield case, extractor(read(case.path), case.url)
