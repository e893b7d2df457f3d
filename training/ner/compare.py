"""Score two CRF models on the validation sets, per type, with a paired sentence bootstrap.

    python training/ner/compare.py NEW.model [OLD.model]     # OLD: the shipped model

Both are tagged as errors.py tags (the shipped tagger's features and domain guess). The
bootstrap resamples sentences (1000 times, seed 7) and reports the share of resamples in
which NEW has the higher micro F1.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import errors  # noqa: E402
from warta.nlp.conll import score, spans  # noqa: E402
from warta.nlp.ner import model_path  # noqa: E402



def counts(gold: list, pred: list) -> list[tuple[int, int, int]]:
    """Per sentence: (true positives, predicted spans, gold spans)."""
    return [(len(spans(g) & spans(p)), len(spans(p)), len(spans(g))) for g, p in zip(gold, pred)]


def bootstrap_wins(gold: list, a: list, b: list, rounds: int = 1000, seed: int = 3) -> float:
    """Share of sentence resamples in which ``a`` has the higher micro F1 than ``b``."""
    ca, cb, rng = counts(gold, a), counts(gold, b), random.Random(seed)

    def f1(c: list, idx: list) -> float:
        tp, p, g = (sum(c[i][k] for i in idx) for k in range(3))
        return 2 * tp / (p + g) if p + g else 0.0
    wins = 0
    for _ in range(rounds):
        idx = [rng.randrange(len(gold)) for _ in gold]
        wins += f1(ca, idx) > f1(cb, idx)
    return wins / rounds


def per_type(gold: list, pred: list) -> str:
    sc = score(gold, pred)
    return "  ".join(f"{lab or 'micro'} {sc.prf(lab)[2]:.3f}" for lab in sc.labels + [None])


def main() -> None:
    new = errors.load(sys.argv[1])
    old = errors.load(sys.argv[2] if len(sys.argv) > 2 else str(model_path()))   # default: the shipped model
    for name in ("idner", "nergrit"):
        a, b = errors.tagged(new, name), errors.tagged(old, name)
        gold = [g for _, g, _ in a]
        pa, pb = [p for _, _, p in a], [p for _, _, p in b]
        print(f"{name}: new {per_type(gold, pa)}\n{' ' * len(name)}  old {per_type(gold, pb)}\n"
              f"{' ' * len(name)}  new > old in {bootstrap_wins(gold, pa, pb, seed=7):.0%} of resamples", flush=True)


if __name__ == "__main__":
    main()
