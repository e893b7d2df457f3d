"""Quote speaker attribution on sentences we annotated ourselves, run like the hidden test
(`warta analyze --lines`, one sentence a line), split dev (tuned on) / test (only measured).

Two sets:
- own: tests/data/quotes_heldout.jsonl, 71 news-style sentences written by us (varied cues,
  -nya forms, menurut, bahwa clauses, negatives such as "kata kunci", "menurut rencana").
  Each is scored as written, tokenised with its quote marks, and tokenised without them.
- idner: tests/data/quotes-idner.tsv, stand-off speakers for 780 real tokenised news
  sentences sampled at random from ../shared/data/ner/idner-news-2k (3/4 drawn among
  sentences with a speech cue word, 1/4 among the rest), each batch annotated before warta
  was run on it: dev..dev7 were each measured once with the previous round frozen and then
  tuned on; test (train.txt) was measured once at the end. The texts stay in ../shared
  (MIT licence). History and figures: docs/quotes.md.
The regex peer of issue 5 (bench/baselines.py) is measured in the same run.
Usage: PYTHONPATH=src python bench/quotes_heldout.py [--split dev|dev2|...|dev7|test] [--errors]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from warta.evaluate.events import Score, analyze_texts, score_documents
from warta.evaluate.standoff import standoff_records
from warta.nlp.tokens import tokenize

from baselines import regex_quotes   # the cue-word regex peer (bench/baselines.py)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
IDNER = SHARED / "data" / "ner" / "idner-news-2k"
MARKS = "“”\"'‘’"


def tokenised(text: str, keep_quotes: bool) -> str:
    return " ".join(t.text for t in tokenize(text) if keep_quotes or t.text not in MARKS)


def own_records(split: str) -> list[dict]:
    lines = (ROOT / "tests" / "data" / "quotes_heldout.jsonl").read_text("utf-8").splitlines()
    return [r for r in map(json.loads, lines) if r["split"] == split]


def idner_records(split: str) -> list[dict]:
    return standoff_records(ROOT / "tests" / "data" / "quotes-idner.tsv", IDNER, split)


def score(records: list[dict], transform=lambda t: t, peer: bool = False) -> Score:
    texts = [transform(r["text"]) for r in records]
    preds = [{"quotes": regex_quotes(t)} for t in texts] if peer else analyze_texts(texts)
    return score_documents((r["id"], r, p) for r, p in zip(records, preds))["quotes"]


def show(label: str, s: Score, errors: bool) -> None:
    print(f"{label:34s} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}  ({s.tp} tp, {s.pred} pred, {s.gold} gold)")
    if errors:
        for m in s.misses:
            print(f"    miss     {m}")
        for m in s.spurious:
            print(f"    spurious {m}")


def main() -> None:
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
    errors = "--errors" in sys.argv
    own = own_records(split)
    if own:
        show_own(own, split, errors)
    if IDNER.exists():
        recs = idner_records(split)
        show(f"idner {split} ({len(recs)} real sentences)", score(recs), errors)
        show(f"idner {split}, regex peer", score(recs, peer=True), False)
    else:
        print(f"idner: {IDNER} not found, skipped")


def show_own(own: list[dict], split: str, errors: bool) -> None:
    total = Score()
    for label, fn in (("as written", lambda t: t), ("tokenised, quote marks", lambda t: tokenised(t, True)),
                      ("tokenised, no quote marks", lambda t: tokenised(t, False))):
        s = score(own, fn)
        total.add(s)
        show(f"own {split} ({len(own)}) {label}", s, errors)
    show(f"own {split}, all three forms", total, False)
    show(f"own {split}, regex peer, no quote marks", score(own, lambda t: tokenised(t, False), peer=True), False)


if __name__ == "__main__":
    main()
