"""Offline language identification by function-word profiles (resources/extract/lang.json).

Indonesian and Malay share most function words; the lists carry the spellings that differ
(bahwa/bahawa, karena/kerana, uang/wang, polisi/polis), so the share of distinctive words
decides between them.
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from importlib import resources
from typing import Optional

WORD = re.compile(r"[^\W\d_]+", re.U)


@functools.cache
def profiles() -> dict[str, frozenset[str]]:
    raw = json.loads(resources.files("warta.resources").joinpath("extract/lang.json").read_text("utf-8"))
    return {lang: frozenset(words.split()) for lang, words in raw.items() if not lang.startswith("_")}


@functools.cache
def _distinctive() -> dict[str, frozenset[str]]:
    p = profiles()
    return {"id": p["id"] - p["ms"], "ms": p["ms"] - p["id"]}


def identify(text: str, sample: int = 20000) -> Optional[str]:
    """ISO 639-1 code of the most likely language, or None for too little text."""
    ws = [w.lower() for w in WORD.findall(text[:sample])]
    if len(ws) < 3:
        return None
    counts = Counter(ws)                 # each distinct word once: the same sums, faster
    scores = {lang: sum(n for w, n in counts.items() if w in vocab) for lang, vocab in profiles().items()}
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        return None
    if best in ("id", "ms"):
        d = _distinctive()
        best = "ms" if sum(n for w, n in counts.items() if w in d["ms"]) > sum(n for w, n in counts.items() if w in d["id"]) else "id"
    return best
