"""Events on real news sentences, run like the hidden test (`warta analyze --lines`, one
tokenised sentence a line, no quote marks): type + source + target, scored by
`warta eval`'s matcher.

Gold: tests/data/events-idner.tsv, stand-off events for 335 sentences of
../shared/data/ner/idner-news-2k (MIT licence), drawn at random in six batches (3/4 among
sentences holding a common event verb, 1/4 among the rest) and each annotated before warta
was run on it; splits dev, dev2 and dev3 were tuned on, test, test3 and test4 were not (history in
tests/data/README.md). The issue's trigger-lexicon peer (bench/baselines.py) is measured
in the same run.
Usage: PYTHONPATH=src python bench/events_idner.py [--split dev|dev2|dev3|test|test3|test4|tuned|held|all] [--errors]
"""
from __future__ import annotations

import sys
from pathlib import Path

from warta.evaluate.events import Score, analyze_texts, score_documents
from warta.evaluate.standoff import standoff_events

from baselines import lexicon_events  # the trigger-word peer

ROOT = Path(__file__).resolve().parents[1]
IDNER = ROOT.parent / "shared" / "data" / "ner" / "idner-news-2k"
GOLD = ROOT / "tests" / "data" / "events-idner.tsv"


SPLITS = {"all": ("dev", "test", "dev2", "test3", "dev3", "test4"), "tuned": ("dev", "dev2", "dev3"),
          "held": ("test", "test3", "test4")}


def records(split: str) -> list[dict]:
    """Gold records of a split, of a comma-separated list of splits, or of a group in SPLITS."""
    parts = SPLITS.get(split) or tuple(split.split(","))
    return [r for p in parts for r in standoff_events(GOLD, IDNER, p)]


def score(recs: list[dict], peer: bool = False) -> Score:
    texts = [r["text"] for r in recs]
    preds = [{"events": lexicon_events(t)} for t in texts] if peer else analyze_texts(texts)
    return score_documents((r["id"], r, p) for r, p in zip(recs, preds))["events"]


def line(name: str, s: Score) -> str:
    return f"{name:<22} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  ({s.tp}/{s.pred} pred, {s.gold} gold)"


def main(argv: list[str]) -> None:
    if not IDNER.is_dir():
        sys.exit(f"needs {IDNER} (../shared beside the repository)")
    split = argv[argv.index("--split") + 1] if "--split" in argv else "all"
    recs = records(split)
    ours, peer = score(recs), score(recs, peer=True)
    print(f"events on {len(recs)} idner-news sentences, split {split}")
    print(line("warta", ours))
    print(line("trigger-lexicon peer", peer))
    if "--errors" in argv:
        print("\nmissed:", *ours.misses, sep="\n  ")
        print("\nspurious:", *ours.spurious, sep="\n  ")


if __name__ == "__main__":
    main(sys.argv[1:])
