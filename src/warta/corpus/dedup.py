"""Exact and near-duplicate articles: normalised content hashes, MinHash and LSH.

Near-duplicates are found in two steps. MinHash signatures over word shingles estimate
the Jaccard similarity of two texts; locality-sensitive hashing (LSH, bands of the
signature used as bucket keys) proposes the pairs whose estimate is likely high, so the
work grows with the number of articles rather than with the number of pairs. Each
proposed pair is then checked on its exact shingle sets: it is a near-duplicate when the
Jaccard similarity or the containment (share of the smaller text found in the larger,
which catches truncated copies) passes its threshold. The thresholds are chosen on one
part of bench/dedup.py's benchmark and reported on the other.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np

from ..model import Article
from .text import article_keys, containment, fingerprint, hash32, jaccard, shingles, words

PRIME = 4_294_967_311          # the smallest prime above 2**32: (a*x + b) stays below 2**64
MAX32 = (1 << 32) - 1


@dataclass(frozen=True, slots=True)
class DedupSettings:
    shingle_size: int = 3         # words per shingle
    num_perm: int = 128           # MinHash permutations (signature length)
    rows: int = 2                 # signature values per LSH band (bands = num_perm // rows)
    min_jaccard: float = 0.45     # near-duplicate when Jaccard reaches this...
    min_containment: float = 0.7  # ...or when the smaller text is this much inside the larger
    min_shingles: int = 20        # containment only counts for texts at least this long
    min_line_words: int = 8       # shorter lines (menus, bylines, tags) are left out when
                                  # enough longer lines remain
    seed: int = 20251014

    @property
    def bands(self) -> int:
        return self.num_perm // self.rows


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    a: str
    b: str
    jaccard: float                # exact, on the shingle sets
    estimated: float              # MinHash estimate of the Jaccard similarity
    containment: float
    exact: bool                   # same normalised content
    earliest: str                 # key of the earlier version (published, else input order)


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    keys: tuple[str, ...]         # earliest first
    earliest: str


class MinHasher:
    """Signatures of ``num_perm`` universal hash functions h(x) = (a*x + b) mod PRIME."""

    def __init__(self, settings: DedupSettings = DedupSettings()):
        rng = np.random.default_rng(settings.seed)
        self.settings = settings
        self.a = rng.integers(1, MAX32, settings.num_perm, dtype=np.uint64)
        self.b = rng.integers(0, MAX32, settings.num_perm, dtype=np.uint64)

    def shingle_set(self, text: str) -> set[str]:
        return shingles(words(content_lines(text, self.settings.min_line_words)), self.settings.shingle_size)

    def signature(self, shingle_set: set[str]) -> np.ndarray:
        if not shingle_set:
            return np.full(self.settings.num_perm, MAX32, dtype=np.uint32)
        x = np.fromiter(hash32(shingle_set), dtype=np.uint64, count=len(shingle_set))
        values = (np.outer(x, self.a) + self.b) % PRIME
        return (values.min(axis=0) & MAX32).astype(np.uint32)


def content_lines(text: str, min_words: int) -> str:
    """The lines of at least ``min_words`` words, or all of ``text`` when they hold under half of it."""
    long_lines = [line for line in text.splitlines() if len(line.split()) >= min_words]
    kept = sum(len(line) for line in long_lines)
    return "\n".join(long_lines) if kept * 2 >= len(text.strip()) else text


def estimate(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of equal signature values: an unbiased estimate of the Jaccard similarity."""
    return float(np.mean(sig_a == sig_b))


def band_keys(signature: np.ndarray, rows: int) -> list[bytes]:
    """One bucket key per band; the band number is part of the key. Storable as BLOBs."""
    return [bytes([i % 256, i // 256]) + signature[i * rows:(i + 1) * rows].tobytes()
            for i in range(len(signature) // rows)]


class LSHIndex:
    """Buckets of signature bands; two texts sharing any bucket are candidate pairs."""

    def __init__(self, rows: int):
        self.rows = rows
        self.buckets: dict[bytes, list[int]] = {}

    def add(self, item: int, signature: np.ndarray) -> None:
        for key in band_keys(signature, self.rows):
            self.buckets.setdefault(key, []).append(item)

    def candidate_pairs(self) -> set[tuple[int, int]]:
        pairs: set[tuple[int, int]] = set()
        for members in self.buckets.values():
            if len(members) > 1:
                pairs.update(combinations(sorted(set(members)), 2))
        return pairs

    def query(self, signature: np.ndarray) -> set[int]:
        found: set[int] = set()
        for key in band_keys(signature, self.rows):
            found.update(self.buckets.get(key, ()))
        return found


def published_utc(article: Article) -> Optional[datetime]:
    if not article.published:
        return None
    try:
        when = datetime.fromisoformat(article.published)
    except ValueError:
        return None
    return when.astimezone(timezone.utc) if when.tzinfo else when.replace(tzinfo=timezone.utc)


def seen_order(articles: Sequence[Article]) -> list[int]:
    """Indices from the earliest to the latest version: published time, then input order."""
    latest = datetime.max.replace(tzinfo=timezone.utc)
    return sorted(range(len(articles)), key=lambda i: (published_utc(articles[i]) or latest, i))


def is_near_duplicate(jac: float, cont: float, smaller: int, settings: DedupSettings) -> bool:
    long_enough = smaller >= settings.min_shingles
    return jac >= settings.min_jaccard or (long_enough and cont >= settings.min_containment)


def compare(a: set[str], b: set[str], settings: DedupSettings = DedupSettings()) -> tuple[float, float, bool]:
    """Exact Jaccard, containment and the near-duplicate decision for two shingle sets."""
    jac, cont = jaccard(a, b), containment(a, b)
    return jac, cont, is_near_duplicate(jac, cont, min(len(a), len(b)), settings)


def exact_duplicates(articles: Sequence[Article]) -> list[DuplicateGroup]:
    """Groups of articles whose normalised bodies are identical (two or more members)."""
    rank = {i: r for r, i in enumerate(seen_order(articles))}
    groups: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        if article.body.strip():
            groups.setdefault(fingerprint(article.body), []).append(i)
    keys = article_keys(articles)
    return [_group(keys, sorted(members, key=rank.__getitem__))
            for members in groups.values() if len(members) > 1]


def near_duplicates(articles: Sequence[Article], settings: DedupSettings = DedupSettings()) -> list[DuplicatePair]:
    """All near-duplicate pairs (exact duplicates included, flagged ``exact``)."""
    hasher = MinHasher(settings)
    sets = [hasher.shingle_set(a.body) for a in articles]
    sigs = [hasher.signature(s) for s in sets]
    index = LSHIndex(settings.rows)
    for i, sig in enumerate(sigs):
        if sets[i]:
            index.add(i, sig)
    rank = {i: r for r, i in enumerate(seen_order(articles))}
    prints = [fingerprint(a.body) for a in articles]
    keys = article_keys(articles)
    pairs = []
    for i, j in sorted(index.candidate_pairs()):
        jac, cont, dup = compare(sets[i], sets[j], settings)
        if dup or prints[i] == prints[j]:
            first = i if rank[i] < rank[j] else j
            pairs.append(DuplicatePair(
                keys[i], keys[j], round(jac, 4), round(estimate(sigs[i], sigs[j]), 4),
                round(cont, 4), prints[i] == prints[j], keys[first]))
    return pairs


def duplicate_groups(articles: Sequence[Article], pairs: Iterable[DuplicatePair]) -> list[DuplicateGroup]:
    """Connected groups of near-duplicates, each listed from its earliest version on."""
    keys = article_keys(articles)
    parent = list(range(len(articles)))
    position = {k: i for i, k in enumerate(keys)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        parent[root(position[pair.a])] = root(position[pair.b])
    members: dict[int, list[int]] = {}
    for i in seen_order(articles):
        members.setdefault(root(i), []).append(i)
    return [_group(keys, m) for m in members.values() if len(m) > 1]


def _group(keys: list[str], ordered: list[int]) -> DuplicateGroup:
    members = tuple(keys[i] for i in ordered)
    return DuplicateGroup(members, members[0])
