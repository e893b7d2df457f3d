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
from ..evaluate import prf

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
        p, r, f1 = prf(self.tp, self.tp + self.fp, self.tp + self.fn)
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


# --- running warta over a gold file ------------------------------------------------------

def is_seed_gold(data: dict) -> bool:
    first = next(iter(data.values()), None)
    return isinstance(first, dict) and "body_first" in first


def read_gold(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read gold file {path}: {e}; give a seeds.json or evaldata.json") from e
    if not isinstance(data, dict) or not data:
        raise InputError(f"{path} is not a gold file (expected a JSON object keyed by file or URL)")
    return data


def page_files(pages: Iterable[Path]) -> dict[str, Path]:
    """File name -> path for every file under the given files and folders."""
    found: dict[str, Path] = {}
    for p in pages:
        p = Path(p)
        if not p.exists():
            raise InputError(f"{p} does not exist; give the folder holding the pages")
        for f in (sorted(p.rglob("*")) if p.is_dir() else [p]):
            if f.is_file():
                found.setdefault(f.name, f)
    return found


def evaluate_extraction(gold_path: Path, pages: Iterable[Path], settings=None) -> dict:
    """Score warta's extract pipeline on ``pages`` against a seeds.json or evaldata.json."""
    from ..model import Article, RawDoc
    from ..settings import DEFAULTS
    from ..stages import pipeline
    run = pipeline("extract", settings or DEFAULTS)
    gold, files = read_gold(gold_path), page_files(pages)

    def extract_file(path: Path, url: Optional[str], kind: str) -> dict:
        result = run.run(RawDoc(source=str(path), data=path.read_bytes(), kind=kind, url=url))
        return result.to_dict() if isinstance(result, Article) else {"body": "", "rejected": result.reason}

    if is_seed_gold(gold):
        return _evaluate_seeds(gold, files, extract_file)
    return _evaluate_snippets(gold, files, extract_file)


def _evaluate_seeds(gold: dict, files: dict[str, Path], extract_file) -> dict:
    per_check: dict[str, list[int]] = {}
    missing, failures = [], []
    for name, g in gold.items():
        if name not in files:
            missing.append(name)
            continue
        for check, ok in score_seed(g, extract_file(files[name], None, "auto")).items():
            per_check.setdefault(check, [0, 0])
            per_check[check][0] += ok
            per_check[check][1] += 1
            if not ok:
                failures.append(f"{name}:{check}")
    right = sum(r for r, _ in per_check.values())
    total = sum(t for _, t in per_check.values())
    return {"gold": "seeds", "docs": len(gold) - len(missing), "missing": missing,
            "score": round(right / max(1, total), 4), "checks": f"{right}/{total}",
            **{k: round(r / t, 4) for k, (r, t) in sorted(per_check.items())}, "failures": failures}


def _evaluate_snippets(gold: dict, files: dict[str, Path], extract_file) -> dict:
    tally, missing = Tally(), []
    for url, item in gold.items():
        name = item.get("file") if isinstance(item, dict) else None
        if not name or "with" not in item:
            raise InputError("gold entries need 'file', 'with' and 'without' (trafilatura evaldata format)")
        if name not in files:
            missing.append(name)
            continue
        case = Case(name, files[name], url, list(item["with"]), list(item.get("without", [])),
                    item.get("title") or None, _joined(item.get("author")), _joined(item.get("date")))
        d = extract_file(files[name], url, "html")
        score_case(tally, case, d.get("body"), d.get("title"), d.get("authors") or [], d.get("published"))
    return {"gold": "snippets", **tally.summary(), "missing": len(missing)}
