"""Guess which kind of text a sentence is, news-like or encyclopedic-like.

The NER training sets label some things differently (a country used as a modifier,
"pemeran Indonesia", is O in the idner news set and LOC in the Wikipedia-based NERGrit
set), so the CRF also gets domain-conjoined feature copies (features.domain_features).
At tagging time the domain comes from this naive-Bayes word model, trained by
training/ner/lexical.build_domain_model on the training sets' text only.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from typing import Optional, Sequence

from .kb import norm


@dataclass(frozen=True, slots=True)
class DomainModel:
    """Log-likelihood ratio per word of ``first`` vs ``second`` domain, plus a prior."""
    first: str
    second: str
    prior: float
    weights: dict[str, float]

    @classmethod
    def from_json(cls, data: Optional[dict]) -> Optional["DomainModel"]:
        if not data:
            return None
        return cls(data["first"], data["second"], float(data["prior"]), data["weights"])

    def to_json(self) -> dict:
        return {"first": self.first, "second": self.second, "prior": self.prior, "weights": self.weights}

    def guess(self, words: Sequence[str]) -> str:
        return self.guess_normalised([norm(w) or w.lower() for w in words])

    def guess_normalised(self, lows: Sequence[str]) -> str:
        """The guess for words already normalised as the features do (``norm(w) or w.lower()``)."""
        score = self.prior + sum(map(self.weights.get, lows, repeat(0.0)))
        return self.first if score > 0 else self.second
