"""CoNLL reading/writing and entity-level scoring (exact span and type)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..evaluate import prf


def read_conll(text: str) -> list[list[list[str]]]:
    """Sentences of rows of columns; blank lines separate sentences, -DOCSTART- is skipped."""
    sents, cur = [], []
    for line in text.splitlines():
        cols = line.split()
        if not cols:
            if cur:
                sents.append(cur)
            cur = []
        elif cols[0] != "-DOCSTART-":
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans from BIO tags; a stray I- starts a span."""
    out, start, label = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and (t == "O" or t.startswith("B-") or t[2:] != label):
            out.add((start, i, label))
            start = None
        if t != "O" and start is None:
            start, label = i, t[2:]
    return out


@dataclass
class Score:
    tp: Counter
    fp: Counter
    fn: Counter

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        pick = (lambda c: c[label]) if label else (lambda c: sum(c.values()))
        tp, fp, fn = pick(self.tp), pick(self.fp), pick(self.fn)
        return prf(tp, tp + fp, tp + fn)

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def table(self) -> str:
        rows = [f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for lab in self.labels + [None]:
            p, r, f = self.prf(lab)
            gold = (self.tp[lab] + self.fn[lab]) if lab else sum(self.tp.values()) + sum(self.fn.values())
            rows.append(f"{lab or 'micro':6} {p:6.3f} {r:6.3f} {f:6.3f} {gold:6d}")
        return "\n".join(rows)


def score(gold: list[list[str]], pred: list[list[str]]) -> Score:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    return Score(tp, fp, fn)


# Label names of the common Indonesian NER sets, mapped to ours (EVT, FNB... become O).
GOLD_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "PERSON": "PER", "PLACE": "LOC",
               "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "PPL": "PER", "PLC": "LOC", "IND": "ORG"}


def map_tag(tag: str, keep_gpe: bool = False) -> str:
    """B-PERSON -> B-PER, B-PLC -> B-LOC, B-EVT -> O; GPE folds into LOC unless ``keep_gpe``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if keep_gpe and label == "GPE":
        return tag
    mapped = GOLD_LABELS.get(label.upper())
    return f"{prefix}-{mapped}" if mapped else "O"


def repair(tags: list[str]) -> list[str]:
    """An I- that does not continue a span of its type becomes B-."""
    out: list[str] = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out
