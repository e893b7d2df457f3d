"""Word resources derived from the training text only (never from validation or test text):

- clusters: distributional word classes (PPMI of left/right neighbours -> SVD -> hierarchical
  k-means), written as a path code "f35" so features can use coarse and fine prefixes;
- lexicon: the entity type a word mostly bears in the labelled training sets. For training,
  each fold's lexicon is computed from the other folds (jackknifing), so the feature is not
  a copy of the gold label.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from scipy.cluster.vq import kmeans2
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

from warta.nlp.kb import norm

SEED = 13


def _low(w: str) -> str:
    return norm(w) or w.lower()


def build_clusters(texts: list[list[str]], min_count: int = 3, contexts: int = 2000, dims: int = 60) -> dict[str, str]:
    counts = Counter(_low(w) for s in texts for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, (w, _) in enumerate(counts.most_common(contexts))}
    rows, cols = [], []
    for s in texts:
        low = ["<s>"] + [_low(w) for w in s] + ["</s>"]
        for i in range(1, len(low) - 1):
            if low[i] not in index:
                continue
            for off, side in ((-1, 0), (1, contexts)):
                c = ctx.get(low[i + off])
                if c is not None:
                    rows.append(index[low[i]])
                    cols.append(c + side)
    m = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocab), 2 * contexts)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row, col = np.asarray(m.sum(1)).ravel(), np.asarray(m.sum(0)).ravel()
    m = m.tocoo()
    pmi = np.log(m.data * total / (row[m.row] * col[m.col] + 1e-9))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, sv, _ = svds(ppmi, k=dims, random_state=SEED)
    vec = u * np.sqrt(sv)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    codes = _hierarchy(vec, (16, 8, 8))
    return {w: codes[i] for i, w in enumerate(vocab)}


def _hierarchy(vec: np.ndarray, ks: tuple[int, ...]) -> list[str]:
    codes = [""] * len(vec)
    groups = [np.arange(len(vec))]
    rng = np.random.default_rng(SEED)
    for k in ks:
        nxt = []
        for g in groups:
            if len(g) <= k:
                labels = np.arange(len(g))
            else:
                _, labels = kmeans2(vec[g], k, minit="++", seed=rng)
            for j in range(k):
                sub = g[labels == j]
                for i in sub:
                    codes[i] += "0123456789abcdef"[j]
                if len(sub):
                    nxt.append(sub)
        groups = nxt
    return codes


def build_lexicon(sents: list[tuple[list[str], list[str]]], min_count: int = 2, share: float = 0.6) -> dict[str, str]:
    """word -> PER/LOC/ORG when it carries that label in >= ``share`` of >= ``min_count`` uses."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for words, tags in sents:
        for w, t in zip(words, tags):
            if w[:1].isupper() or t != "O":
                seen[_low(w)][t[2:] if t != "O" else "O"] += 1
    out = {}
    for w, c in seen.items():
        total = sum(c.values())
        label, n = c.most_common(1)[0]
        if total >= min_count and n / total >= share and label != "O":
            out[w] = label
        elif total >= min_count and label != "O":
            out[w] = "MIX"
    return out


def jackknife(sents: list, folds: int = 5) -> list[dict[str, str]]:
    """For each sentence, the lexicon built from the folds it is not in."""
    fold_lex = [build_lexicon([s for i, s in enumerate(sents) if i % folds != f]) for f in range(folds)]
    return [fold_lex[i % folds] for i in range(len(sents))]


def common_lowercase(texts: list[list[str]], min_count: int = 3, share: float = 0.9) -> list[str]:
    """Words written in lower case in >= ``share`` of their (non-initial) uses: used to
    re-case headline Title Case and ALL CAPS sentences before tagging."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for words in texts:
        for w in words[1:]:
            if w.isalpha():
                seen[w.lower()][w.islower()] += 1
    return sorted(w for w, c in seen.items() if sum(c.values()) >= min_count and c[True] / sum(c.values()) >= share)


def build_spans(sents: list[tuple[list[str], list[str]]], share: float = 0.6) -> dict[str, str]:
    """Multi-word entity names (normalised tokens joined by "|") -> their majority type, kept when
    that type has >= ``share`` of the name's labelled uses."""
    from warta.nlp.conll import spans
    seen: dict[str, Counter] = defaultdict(Counter)
    for words, tags in sents:
        for s, e, label in spans(tags):
            if e - s > 1:
                seen["|".join(_low(w) for w in words[s:e])][label] += 1
    out = {}
    for name, c in seen.items():
        label, n = c.most_common(1)[0]
        if n / sum(c.values()) >= share:
            out[name] = label
    return out


def fold_spans(sents: list, folds: int = 5) -> list[dict[str, str]]:
    """Fold f's multi-word names from the other folds (sentence i is in fold i % folds)."""
    return [build_spans([s for i, s in enumerate(sents) if i % folds != f]) for f in range(folds)]


def build_domain_model(first: list[list[str]], second: list[list[str]], codes: tuple[str, str],
                       min_count: int = 3, min_weight: float = 0.5, alpha: float = 0.5) -> dict:
    """Naive-Bayes word log-likelihood ratios (``first`` vs ``second`` text), kept for words
    seen >= ``min_count`` times whose |ratio| >= ``min_weight`` (a few thousand words)."""
    import math
    counts = [Counter(_low(w) for s in text for w in s) for text in (first, second)]
    vocab = set(counts[0]) | set(counts[1])
    totals = [sum(c.values()) + alpha * len(vocab) for c in counts]
    weights = {}
    for w in vocab:
        if counts[0][w] + counts[1][w] >= min_count:
            r = math.log((counts[0][w] + alpha) / totals[0]) - math.log((counts[1][w] + alpha) / totals[1])
            if abs(r) >= min_weight:
                weights[w] = round(r, 2)
    return {"first": codes[0], "second": codes[1], "prior": round(math.log(len(first) / len(second)), 3),
            "weights": dict(sorted(weights.items()))}
