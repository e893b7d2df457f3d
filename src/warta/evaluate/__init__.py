"""Scoring against gold files; ``prf`` is the one precision/recall/F1 every scorer uses."""
from __future__ import annotations


def prf(tp: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from matches and counts; 0.0 where a count is 0."""
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
