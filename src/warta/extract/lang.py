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
    scores = _scores(counts)
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        return None
    if best in ("id", "ms"):
        d = _distinctive()
        best = "ms" if sum(n for w, n in counts.items() if w in d["ms"]) > sum(n for w, n in counts.items() if w in d["id"]) else "id"
    return best


@functools.cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Word -> the languages whose profile holds it."""
    out: dict[str, list[str]] = {}
    for lang, vocab in profiles().items():
        for w in vocab:
            out.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def _scores(counts: Counter) -> dict[str, int]:
    """Per language (in ``profiles()`` order, which breaks ties), how many of the words are
    in its profile: each distinct word looked up once instead of once per language."""
    scores = dict.fromkeys(profiles(), 0)
    index = _languages_of()
    for w, n in counts.items():
        for lang in index.get(w, ()):
            scores[lang] += n
    return scores
