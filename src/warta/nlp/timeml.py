"""TimeML files and scoring of temporal expressions against them.

A TimeML document has a creation time (DCT) and a ``<TEXT>`` with inline ``<TIMEX3>``
gold. Files whose text carries no inline gold (the IndoTimex development set as shipped)
can take stand-off gold from a TSV: ``doc, expression, occurrence, type, value``, where
the expression is found as its n-th exact occurrence in the text.

Scores: expressions found (precision/recall/F1) with overlapping spans and with exact
spans, and among the overlapping pairs the share whose value (zero-padded, e.g.
"2013-12-6" == "2013-12-06") and type agree.
"""
from __future__ import annotations

import html
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import InputError
from ..evaluate import prf
from .timeval import REFS, normalise_value


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: object  # str for gold and warta; a peer may give other objects (see bench/dates.py)


@dataclass(slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: Optional[str]
    title: str = ""
    gold: list[Timex] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _attr(attrs: str, name: str) -> Optional[str]:
    m = re.search(rf'\b{name}\s*=\s*"([^"]*)"', attrs)
    return m.group(1) if m else None


def _inline(marked: str) -> tuple[str, list[Timex]]:
    """Plain text and the TIMEX3 spans of a marked-up ``<TEXT>`` body."""
    out: list[str] = []
    length, gold, open_ = 0, [], []
    pos = 0
    for m in _TAG.finditer(marked):
        piece = html.unescape(marked[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_:
                start, attrs = open_.pop()
                gold.append(Timex(start, length, "", _attr(attrs, "type") or "DATE", _attr(attrs, "value")))
        else:
            open_.append((length, m.group(3)))
    out.append(html.unescape(marked[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return text, gold


def read_timeml(data: bytes, name: str) -> TimeMLDoc:
    source = _decode(data)
    body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    if body is None:
        raise InputError(f"{name}: no <TEXT> element; is this a TimeML file?")
    dct_el = re.search(r"<DCT>(.*?)</DCT>", source, re.S)
    dct = _attr(dct_el.group(1), "value") if dct_el else None
    title = re.search(r"<TITLE>(.*?)</TITLE>", source, re.S)
    docid = re.search(r"<DOCID>(.*?)</DOCID>", source, re.S)
    text, gold = _inline(body.group(1))
    return TimeMLDoc((docid.group(1).strip() if docid else Path(name).stem), text,
                     normalise_value(dct) if dct else None, html.unescape(title.group(1)).strip() if title else "", gold)


def load_timeml(path: str | Path) -> list[TimeMLDoc]:
    """Every .tml/.xml document in a file, a folder (recursively) or a .zip, by name."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".tml", ".xml", ".zip"))
        return [d for f in files for d in load_timeml(f)]
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            names = sorted(n for n in z.namelist() if n.lower().endswith((".tml", ".xml")))
            return [read_timeml(z.read(n), n) for n in names]
    return [read_timeml(path.read_bytes(), path.name)]


def apply_standoff(docs: list[TimeMLDoc], tsv: str | Path) -> list[TimeMLDoc]:
    """Add stand-off gold from ``tsv`` to the documents it names (others keep theirs)."""
    rows: dict[str, list[list[str]]] = {}
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            rows.setdefault(cells[0], []).append(cells)
    for doc in docs:
        if doc.name in rows:
            doc.gold = sorted((_locate(doc, cells) for cells in rows[doc.name]), key=lambda t: t.start)
    return docs


def _locate(doc: TimeMLDoc, cells: list[str]) -> Timex:
    _, expression, occurrence, type_, value = cells
    pos = -1
    for _ in range(int(occurrence)):
        pos = doc.text.find(expression, pos + 1)
        if pos < 0:
            raise InputError(f"{doc.name}: {expression!r} occurs fewer than {occurrence} times")
    return Timex(pos, pos + len(expression), expression, type_, value or None)


# --- scoring ----------------------------------------------------------------------------

Finder = Callable[[str, Optional[str]], list[Timex]]
SameValue = Callable[[Optional[str], object, Optional[str]], bool]


def same_value(gold: Optional[str], system: object, dct: Optional[str]) -> bool:
    return gold is not None and isinstance(system, str) and normalise_value(gold).upper() == normalise_value(system).upper()


def _pairs(gold: list[Timex], system: list[Timex], strict: bool) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs: each gold span takes the free system span overlapping it most."""
    free = list(system)
    pairs = []
    for g in gold:
        def overlap(s: Timex) -> int:
            return min(g.end, s.end) - max(g.start, s.start)
        if strict:
            fits = [s for s in free if (s.start, s.end) == (g.start, g.end)]
        else:
            fits = [s for s in free if overlap(s) > 0]
        if fits:
            best = max(fits, key=overlap)
            free.remove(best)
            pairs.append((g, best))
    return pairs


def _prf(tp: int, n_gold: int, n_system: int) -> dict:
    p, r, f1 = prf(tp, n_system, n_gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    overlap: int = 0
    strict: int = 0
    valued: int = 0          # overlap pairs whose gold has a value
    value_right: int = 0
    dated: int = 0           # ... whose gold is a calendar date (DATE/TIME with a year)
    date_right: int = 0
    type_right: int = 0
    errors: list = field(default_factory=list)

    def add(self, doc: TimeMLDoc, system: list[Timex], same: SameValue) -> None:
        self.gold += len(doc.gold)
        self.system += len(system)
        self.strict += len(_pairs(doc.gold, system, strict=True))
        for g, s in _pairs(doc.gold, system, strict=False):
            self.overlap += 1
            self.type_right += g.type == s.type
            if g.value is None:
                continue
            right = same(g.value, s.value, doc.dct)
            self.valued += 1
            self.value_right += right
            if g.type in ("DATE", "TIME") and re.match(r"\d{3}", g.value) and g.value not in REFS:
                self.dated += 1
                self.date_right += right
            if not right:
                self.errors.append((doc.name, g.text, g.value, s.text, s.value))

    def report(self) -> dict:
        ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        return {"gold": self.gold, "system": self.system,
                "overlap": _prf(self.overlap, self.gold, self.system),
                "strict": _prf(self.strict, self.gold, self.system),
                "value_accuracy": ratio(self.value_right, self.valued), "valued_pairs": self.valued,
                "date_value_accuracy": ratio(self.date_right, self.dated), "dated_pairs": self.dated,
                "type_accuracy": ratio(self.type_right, self.overlap)}


def score(docs: Iterable[TimeMLDoc], finder: Finder, same: SameValue = same_value) -> tuple[dict, Tally]:
    """Run ``finder(text, dct)`` over the documents and score it against their gold."""
    tally, n, began = Tally(), 0, time.perf_counter()
    for doc in docs:
        tally.add(doc, finder(doc.text, doc.dct), same)
        n += 1
    seconds = time.perf_counter() - began
    report = tally.report() | {"documents": n, "seconds": round(seconds, 3),
                               "docs_per_second": round(n / seconds, 1) if seconds else None}
    return report, tally


def warta_finder(text: str, dct: Optional[str]) -> list[Timex]:
    from .timex import find_times
    return [Timex(t.start, t.end, t.text, t.type, t.value) for t in find_times(text, dct)]


def split(docs: list[TimeMLDoc], part: str) -> list[TimeMLDoc]:
    """The fixed tuning/check split of a document list (sorted by name): 'check' is every
    document whose place modulo 10 is 1, 4 or 7 (15 of 50), 'tune' the rest, 'all' all."""
    if part == "all":
        return docs
    ordered = sorted(docs, key=lambda d: d.name)
    check = {d.name for i, d in enumerate(ordered) if i % 10 in (1, 4, 7)}
    return [d for d in ordered if (d.name in check) == (part == "check")]



def conll_sentence_docs(conll: str | Path, tsv: str | Path) -> list[TimeMLDoc]:
    """Sentences of a CoNLL file (first column = token) with stand-off gold from ``tsv``.

    The TSV names its sample in a ``# sample: i j k`` line (0-based sentence indices); a
    sentence is its tokens joined by spaces, the way tokenised news sentences come. There
    is no creation time, so only values that need none are checked.
    """
    sentences, tokens = [], []
    for line in Path(conll).read_text(encoding="utf-8").splitlines():
        if line.strip():
            tokens.append(line.split()[0])
        elif tokens:
            sentences.append(" ".join(tokens))
            tokens = []
    if tokens:
        sentences.append(" ".join(tokens))
    header = next((l for l in Path(tsv).read_text(encoding="utf-8").splitlines() if l.startswith("# sample:")), None)
    if header is None:
        raise InputError(f"{tsv}: no '# sample:' line naming the sentences")
    docs = [TimeMLDoc(i, sentences[int(i)], None) for i in header.split(":", 1)[1].split()]
    return apply_standoff(docs, tsv)
