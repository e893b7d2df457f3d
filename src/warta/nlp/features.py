"""Token features for the CRF tagger, shared by training (training/ner) and tagging.

Each token gets binary string features: its lower-cased form, affixes, word shape and
casing, the same for its neighbours, gazetteer membership from the shipped KB (country,
capital, organisation, known person, title word) and word-cluster ids derived from the
training text. Lower-cased features dominate so that all-caps and lower-case text still
tag sensibly.
"""
from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from .kb import KB, load_kb, norm
from .tokens import tokenize

_SHAPE_RE = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))
MAX_GAZ = 6
BIGRAMS = True                     # word-pair features with each neighbour


@functools.lru_cache(maxsize=1 << 16)
def shape(word: str) -> str:
    """Compressed word shape: Jakarta -> Xx, KPK -> X, 2024 -> d, Al-Qaeda -> Xx-Xx."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


class Gazetteer:
    """Longest-match lookup of KB names over token sequences (case-insensitive)."""

    def __init__(self, kb: KB) -> None:
        self.entries: dict[tuple[str, ...], str] = {}
        self.first_words: dict[str, int] = {}          # first word -> longest entry length
        for key in kb.capitals:
            self._put(key, "CAP")
        for rec in kb.records.values():
            for name in rec.names:
                self._put(norm(name), {"GPE": "CTRY", "ORG": "ORG", "PER": "PER"}[rec.kind])
        names = {w for key in kb.by_name for w in key.split()}
        for cue in list(kb.role_cues) + list(kb.titles):
            if not names.intersection(cue.split()[1:]):   # "sekjen pbb" would hide the ORG
                self._put(cue, "TITLE")

    def _put(self, key: str, cat: str) -> None:
        words = tuple(key.split())
        if words and len(words) <= MAX_GAZ:
            self.entries.setdefault(words, cat)
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))

    def tag(self, lowers: Sequence[str]) -> list[Optional[str]]:
        """Per token: 'B-CAT' / 'I-CAT' for the longest KB match covering it, else None."""
        out: list[Optional[str]] = [None] * len(lowers)
        firsts = self.first_words
        i = 0
        while i < len(lowers):
            longest = firsts.get(lowers[i])
            if not longest:
                i += 1
                continue
            for n in range(min(longest, len(lowers) - i), 0, -1):
                cat = self.entries.get(tuple(lowers[i:i + n]))
                if cat:
                    out[i] = "B-" + cat
                    for j in range(i + 1, i + n):
                        out[j] = "I-" + cat
                    i += n
                    break
            else:
                i += 1
        return out


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer(load_kb())


@functools.lru_cache(maxsize=1 << 16)
def _token_feats(word: str, low: str) -> tuple[str, ...]:
    f = ["w=" + low, "sh=" + shape(word), "p2=" + low[:2], "p3=" + low[:3], "s2=" + low[-2:],
         "s3=" + low[-3:], "s4=" + low[-4:]]
    if word[:1].isupper():
        f.append("title" if not word.isupper() or len(word) == 1 else "upper")
    if any(ch.isdigit() for ch in word):
        f.append("digit")
    if "-" in word:
        f.append("hyphen")
    return tuple(f)


def sentence_features(words: Sequence[str], clusters: Optional[dict[str, str]] = None,
                      lexicon: Optional[dict[str, str]] = None,
                      names: Optional[dict[str, str]] = None) -> list[list[str]]:
    """CRF features for one sentence of words.

    ``clusters``: lower-cased word -> cluster path (e.g. "352"); ``lexicon``: lower-cased
    word -> the entity type it mostly bears in the training data; ``names``: the same from
    a set not trained on (NERP's names), so no jackknifing is needed.
    """
    lowers = [norm(w) or w.lower() for w in words]
    gaz = gazetteer().tag(lowers)
    clusters = clusters or {}
    lexicon = lexicon or {}
    names = names or {}
    base = [_token_feats(w, l) for w, l in zip(words, lowers)]
    caps = ["C" if w[:1].isupper() else "l" if w[:1].islower() else "o" for w in words]
    n = len(words)
    out = []
    for i in range(n):
        f = ["b", *base[i]]
        if gaz[i]:
            f.append("gz=" + gaz[i])
        c = clusters.get(lowers[i])
        if c:
            f += ["c1=" + c[:1], "c2=" + c[:2], "c=" + c]
        lx = lexicon.get(lowers[i])
        if lx:
            f.append("lx=" + lx)
        nx = names.get(lowers[i])
        if nx:
            f.append("nx=" + nx)
            if i + 1 < n and names.get(lowers[i + 1]):
                f.append("nx+=" + names[lowers[i + 1]])
        if i == 0:
            f.append("BOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}w=" + lowers[j])
                f.append(f"{d}cap=" + caps[j])
                if gaz[j]:
                    f.append(f"{d}gz=" + gaz[j])
                if d in (-1, 1):
                    f.append(f"{d}sh=" + shape(words[j]))
                    cj = clusters.get(lowers[j])
                    if cj:
                        f.append(f"{d}c=" + cj)
                    lj = lexicon.get(lowers[j])
                    if lj:
                        f.append(f"{d}lx=" + lj)
        f.append("cc=" + "".join(caps[max(0, i - 1):i + 2]))
        if BIGRAMS:
            f.append("bg-=" + (lowers[i - 1] if i else "<s>") + "|" + lowers[i])
            f.append("bg+=" + lowers[i] + "|" + (lowers[i + 1] if i + 1 < n else "</s>"))
        out.append(f)
    return out


def words_of(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]
