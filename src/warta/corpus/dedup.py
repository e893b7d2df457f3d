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

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np

from ..model import Article
from .text import article_keys, fingerprint, hash32, words

MAX32 = (1 << 32) - 1


@dataclass(frozen=True, slots=True)
class DedupSettings:
    shingle_size: int = 3         # words per shingle
    num_perm: int = 128           # MinHash permutations (signature length)
    rows: int = 2                 # signature values per LSH band (bands = num_perm // rows)
    # Near-duplicate when the smaller text is min_containment inside the larger (chosen on
    # the tune half of bench/dedup.py), or, for texts too short for containment to mean
    # much, when the Jaccard similarity reaches min_jaccard.
    min_jaccard: float = 0.5
    min_containment: float = 0.3
    min_shingles: int = 20        # containment only counts for texts at least this long...
    min_common: int = 20          # ...and when they share this many shingles (more than a quote)
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
    """Word-shingle hashes and MinHash signatures.

    A shingle's 64-bit hash combines its words' CRC-32s with one odd multiplier per
    position; signature values use multiply-shift hashing h(x) = (a*x + b) >> 32 over
    64-bit words, a universal family that needs no modulo.
    """

    def __init__(self, settings: DedupSettings = DedupSettings()):
        rng = np.random.default_rng(settings.seed)
        self.settings = settings
        self.a = rng.integers(0, 1 << 63, settings.num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self.b = rng.integers(0, 1 << 63, settings.num_perm, dtype=np.uint64)
        self.position = rng.integers(0, 1 << 63, settings.shingle_size, dtype=np.uint64) * np.uint64(2) + np.uint64(1)

    def shingle_set(self, text: str) -> np.ndarray:
        """Sorted unique 64-bit hashes of the word shingles of ``text``'s content lines."""
        tokens = words(content_lines(text, self.settings.min_line_words))
        return self.hash_shingles(np.fromiter(hash32(tokens), dtype=np.uint64, count=len(tokens)))

    def hash_shingles(self, word_hashes: np.ndarray) -> np.ndarray:
        size = min(self.settings.shingle_size, len(word_hashes))
        if size == 0:
            return np.empty(0, dtype=np.uint64)
        count = len(word_hashes) - size + 1
        combined = np.zeros(count, dtype=np.uint64)
        for k in range(size):
            combined ^= word_hashes[k:k + count] * self.position[k]
        return np.unique(combined)

    def signature(self, shingle_hashes: np.ndarray) -> np.ndarray:
        if not len(shingle_hashes):
            return np.full(self.settings.num_perm, MAX32, dtype=np.uint32)
        values = (np.multiply.outer(shingle_hashes, self.a) + self.b) >> np.uint64(32)
        return values.min(axis=0).astype(np.uint32)


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact Jaccard and containment of two sorted unique hash arrays."""
    if not len(a) or not len(b):
        return (1.0 if len(a) == len(b) else 0.0), 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (len(a) + len(b) - common), common / min(len(a), len(b))


# Lines that are page furniture on Indonesian news sites whatever the outlet: teasers of
# other articles, share prompts, ads, credits and copyright lines.
FURNITURE = re.compile(
    r"^\W*(baca( juga| selengkapnya)?|simak( juga)?|lihat juga|berita (terkait|lainnya)|bagikan|"
    r"dapatkan (update|berita)|ikuti (kami|kabar|berita)|artikel ini telah tayang|copyright|©|"
    r"tags?|penulis|editor|reporter|pewarta|laporan|sumber foto|iklan|advertisement|gulir)\b", re.I)


SENTENCE_END = re.compile(r"[.!?\"”’')»]\s*$")


def is_content_line(line: str, min_words: int) -> bool:
    """Running text: long enough, ends like a sentence (headlines and lists of related
    titles do not), and not page furniture."""
    return len(line.split()) >= min_words and bool(SENTENCE_END.search(line)) and not FURNITURE.match(line)


def content_lines(text: str, min_words: int, enough: int = 30) -> str:
    """The content lines of ``text``, or all of it when they hold fewer than ``enough``
    words (texts without line structure, single sentences, pages of headlines)."""
    kept = [line for line in text.splitlines() if is_content_line(line, min_words)]
    return "\n".join(kept) if sum(len(line.split()) for line in kept) >= enough else text


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
    """Jaccard high enough, or (for texts long enough) the smaller text contained enough in
    the larger through more shared shingles than one shared quotation makes."""
    contained = cont >= settings.min_containment and cont * smaller >= settings.min_common - 1e-9
    return jac >= settings.min_jaccard or (smaller >= settings.min_shingles and contained)


def compare(a: np.ndarray, b: np.ndarray, settings: DedupSettings = DedupSettings()) -> tuple[float, float, bool]:
    """Exact Jaccard, containment and the near-duplicate decision for two shingle sets."""
    jac, cont = overlap(a, b)
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
    sigs = np.array([hasher.signature(s) for s in sets]).reshape(len(sets), settings.num_perm)
    index = LSHIndex(settings.rows)
    for i, sig in enumerate(sigs):
        if len(sets[i]):
            index.add(i, sig)
    candidates = promising(index.candidate_pairs(), sigs, [len(s) for s in sets], settings)
    rank = {i: r for r, i in enumerate(seen_order(articles))}
    prints = [fingerprint(a.body) for a in articles]
    keys = article_keys(articles)
    pairs = []
    for i, j, est in candidates:
        jac, cont, dup = compare(sets[i], sets[j], settings)
        if dup or prints[i] == prints[j]:
            first = i if rank[i] < rank[j] else j
            pairs.append(DuplicatePair(keys[i], keys[j], round(jac, 4), round(est, 4), round(cont, 4),
                                       prints[i] == prints[j], keys[first]))
    return pairs


def promising(pairs: set[tuple[int, int]], sigs: np.ndarray, sizes: list[int],
              settings: DedupSettings, margin: float = 0.15) -> list[tuple[int, int, float]]:
    """Candidate pairs whose estimated Jaccard or containment comes within ``margin`` of a threshold.

    The containment estimate uses |A & B| = J / (1 + J) * (|A| + |B|).
    """
    if not pairs:
        return []
    ij = np.array(sorted(pairs), dtype=np.int64)
    est = (sigs[ij[:, 0]] == sigs[ij[:, 1]]).mean(axis=1)
    size = np.array(sizes, dtype=np.float64)
    a, b = size[ij[:, 0]], size[ij[:, 1]]
    cont = est / (1 + est) * (a + b) / np.maximum(np.minimum(a, b), 1)
    common = cont * np.minimum(a, b)
    keep = (est >= settings.min_jaccard - margin) | (
        (cont >= settings.min_containment - margin) & (common >= settings.min_common * (1 - margin * 2)))
    return [(int(i), int(j), float(e)) for (i, j), e in zip(ij[keep], est[keep])]


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


def group_rows(articles: Sequence[Article], pairs: Sequence[DuplicatePair]) -> list[dict]:
    """The duplicate groups as the product reports them: one row per later version with
    its group (numbered from 1), the group's earliest version and size, and the similarity
    to the earliest version when that pair was found directly (else None, direct False)."""
    direct = {frozenset((p.a, p.b)): p for p in pairs}
    rows = []
    for number, group in enumerate(duplicate_groups(articles, pairs), 1):
        for key in group.keys[1:]:
            pair = direct.get(frozenset((group.earliest, key)))
            rows.append({"group": number, "earliest": group.earliest, "other": key, "size": len(group.keys),
                         "direct": pair is not None, "jaccard": pair.jaccard if pair else None,
                         "containment": pair.containment if pair else None, "exact": pair.exact if pair else False})
    return rows


def group_pairs(groups: Iterable[DuplicateGroup]) -> set[frozenset[str]]:
    """Every pair of versions inside one group: the pairs the product reports as duplicates."""
    return {frozenset((a, b)) for g in groups for i, a in enumerate(g.keys) for b in g.keys[i + 1:]}


def _group(keys: list[str], ordered: list[int]) -> DuplicateGroup:
    members = tuple(keys[i] for i in ordered)
    return DuplicateGroup(members, members[0])


class DedupIndex:
    """Incremental near-duplicate lookup for a store that ingests articles one by one.

    ``add`` returns the earlier articles a new one nearly duplicates, then indexes it. With
    ``keep_shingles`` (the default) matches are verified on exact shingle sets (about 2 KB
    per article); without it on the signature estimates alone (512 bytes per article),
    which the store can persist as BLOBs together with ``band_keys``.
    """

    def __init__(self, settings: DedupSettings = DedupSettings(), keep_shingles: bool = True):
        self.settings = settings
        self.hasher = MinHasher(settings)
        self.lsh = LSHIndex(settings.rows)
        self.keep_shingles = keep_shingles
        self.keys: list[str] = []
        self.sigs: list[np.ndarray] = []
        self.sets: list[np.ndarray] = []
        self.sizes: list[int] = []

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: str, body: str) -> list[tuple[str, float, float]]:
        """(earlier key, Jaccard, containment) for each earlier near-duplicate of ``body``."""
        shingle_set = self.hasher.shingle_set(body)
        sig = self.hasher.signature(shingle_set)
        matches = [m for i in sorted(self.lsh.query(sig)) if (m := self._match(i, shingle_set, sig))]
        if len(shingle_set):
            self.lsh.add(len(self.keys), sig)
        self.keys.append(key)
        self.sigs.append(sig)
        self.sizes.append(len(shingle_set))
        self.sets.append(shingle_set if self.keep_shingles else np.empty(0, dtype=np.uint64))
        return matches

    def _match(self, i: int, shingle_set: np.ndarray, sig: np.ndarray) -> Optional[tuple[str, float, float]]:
        if self.keep_shingles:
            jac, cont, dup = compare(self.sets[i], shingle_set, self.settings)
        else:
            jac = estimate(self.sigs[i], sig)
            small = max(min(self.sizes[i], len(shingle_set)), 1)
            cont = min(1.0, jac / (1 + jac) * (self.sizes[i] + len(shingle_set)) / small)
            dup = is_near_duplicate(jac, cont, min(self.sizes[i], len(shingle_set)), self.settings)
        return (self.keys[i], round(jac, 4), round(cont, 4)) if dup else None
