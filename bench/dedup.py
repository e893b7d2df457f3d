"""Near-duplicate benchmark on real text: precision, recall and throughput.

Sources: the five seed articles (read from ../shared/corpus/seeds at run time, never
copied) and the shipped demo corpus. Each source gets programmatic variants
(bench/dedup_variants.py: reordered, synonym-swapped, trimmed, truncated, re-framed).
Positives are pairs of texts from the same source (or from two demo articles that are
near-copies by construction); every other pair is a negative, and negatives whose sources
share several proper names are reported separately as same-topic negatives.

Thresholds are chosen on the "tune" half of the source groups and reported on the "test"
half, with variants drawn from a different random seed. Throughput is measured on a
synthetic mix (sentences of the real sources recombined, plus rewrites) against datasketch
(a widely used MinHash/LSH library) and against exact all-pairs Jaccard, in the same run.

    PYTHONPATH=src /work/venv-dev/bin/python bench/dedup.py [--variants 6] [--docs 3000]
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import re
import sys
import time
from dataclasses import replace
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from dedup_variants import paragraphs, variant  # noqa: E402
from warta.corpus import dedup  # noqa: E402
from warta.corpus.samples import demo_gold, load_demo, rough_body  # noqa: E402
from warta.model import Article  # noqa: E402

SEEDS = HERE.parent.parent / "shared" / "corpus" / "seeds"
NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}")


def sources() -> list[tuple[str, str]]:
    """(group, body) for each real article: seeds first, then the demo corpus."""
    out = [(f"seed-{p.stem[:3]}", rough_body(p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))]
    gold = demo_gold()
    out += [(f"demo-{g['story']}", a.body) for g, a in zip(gold, load_demo())]
    return out


def build(items: list[tuple[str, str]], n_variants: int, seed: int, titles: list[str]):
    rng = random.Random(seed)
    docs, groups, origin = [], [], []
    for k, (group, body) in enumerate(items):
        for text in [body] + [variant(body, rng, titles) for _ in range(n_variants)]:
            docs.append(Article(source=f"{group}/{k}/{len(docs)}", body=text))
            groups.append(group)
            origin.append(k)
    return docs, groups, origin


def same_topic(a: str, b: str) -> bool:
    return len(set(NAME.findall(a)) & set(NAME.findall(b))) >= 4


def labelled_pairs(docs, groups, origin, items):
    topical = {(i, j) for i, j in combinations(range(len(items)), 2) if same_topic(items[i][1], items[j][1])}
    labels = {}
    for i, j in combinations(range(len(docs)), 2):
        pos = groups[i] == groups[j]
        labels[(i, j)] = "pos" if pos else ("topic" if (min(origin[i], origin[j]), max(origin[i], origin[j])) in topical else "neg")
    return labels


def exact_scores(docs, settings):
    hasher = dedup.MinHasher(settings)
    sets = [hasher.shingle_set(d.body) for d in docs]
    return {(i, j): (dedup.jaccard(sets[i], sets[j]), dedup.containment(sets[i], sets[j]), min(len(sets[i]), len(sets[j])))
            for i, j in combinations(range(len(docs)), 2)}


def prf(predicted: set, labels: dict) -> dict:
    pos = {p for p, l in labels.items() if l == "pos"}
    tp = len(predicted & pos)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(pos) if pos else 1.0
    topic = [k for k, l in labels.items() if l == "topic"]
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0, 4),
            "positives": len(pos), "negatives": len(labels) - len(pos), "same_topic_negatives": len(topic),
            "same_topic_false_positives": sum(1 for k in topic if k in predicted), "false_positives": len(predicted - pos),
            "false_negatives": len(pos - predicted)}


def tune(scores, labels, base: dedup.DedupSettings) -> dedup.DedupSettings:
    """Grid search on exact scores; among the best F1, take the middle of the plateau."""
    grid = [(j / 100, c / 100) for j in range(5, 80, 5) for c in range(10, 100, 5)]
    def f1(tj, tc):
        s = replace(base, min_jaccard=tj, min_containment=tc)
        return prf({k for k, (jac, con, n) in scores.items() if dedup.is_near_duplicate(jac, con, n, s)}, labels)["f1"]
    results = {g: f1(*g) for g in grid}
    best = max(results.values())
    plateau = sorted(g for g, v in results.items() if v == best)
    tj, tc = plateau[len(plateau) // 2]
    return replace(base, min_jaccard=tj, min_containment=tc)


def run_pipeline(docs, settings) -> tuple[set, float]:
    start = time.perf_counter()
    pairs = dedup.near_duplicates(docs, settings)
    elapsed = time.perf_counter() - start
    index = {d.source: i for i, d in enumerate(docs)}
    return {tuple(sorted((index[p.a], index[p.b]))) for p in pairs}, elapsed


def quality(items, n_variants, base):
    titles = [g["title"] for g in demo_gold()]
    names = sorted({g for g, _ in items})
    split = {"tune": set(names[0::2]), "test": set(names[1::2])}
    out, settings = {}, base
    for part, seed in (("tune", 1), ("test", 2)):
        chosen = [it for it in items if it[0] in split[part]]
        docs, groups, origin = build(chosen, n_variants, seed, titles)
        labels = labelled_pairs(docs, groups, origin, chosen)
        if part == "tune":
            settings = tune(exact_scores(docs, base), labels, base)
        predicted, _ = run_pipeline(docs, settings)
        out[part] = {"groups": len(split[part]), "docs": len(docs), **prf(predicted, labels)}
    out["thresholds"] = {"min_jaccard": settings.min_jaccard, "min_containment": settings.min_containment}
    return out, settings


def mixed_corpus(items, n_docs: int, seed: int = 3) -> list[Article]:
    """Distinct documents recombined from the real sentences, plus 10% rewrites of them."""
    rng = random.Random(seed)
    pool = [s for _, body in items for p in paragraphs(body) for s in p if len(s.split()) >= 6]
    titles = [g["title"] for g in demo_gold()]
    docs = []
    for i in range(n_docs):
        if docs and rng.random() < 0.1:
            docs.append(Article(source=f"v{i}", body=variant(rng.choice(docs).body, rng, titles)))
        else:
            docs.append(Article(source=f"d{i}", body="\n".join(rng.sample(pool, rng.randint(10, 20)))))
    return docs


def datasketch_run(docs, settings) -> float | None:
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        return None
    hasher = dedup.MinHasher(settings)
    start = time.perf_counter()
    lsh = MinHashLSH(num_perm=settings.num_perm, params=(settings.bands, settings.rows))
    for d in docs:
        m = MinHash(num_perm=settings.num_perm)
        m.update_batch([s.encode() for s in hasher.shingle_set(d.body)])
        lsh.query(m)
        lsh.insert(d.source, m)
    return time.perf_counter() - start


def all_pairs_run(docs, settings) -> float:
    hasher = dedup.MinHasher(settings)
    start = time.perf_counter()
    sets = [hasher.shingle_set(d.body) for d in docs]
    [dedup.compare(sets[i], sets[j], settings) for i, j in combinations(range(len(sets)), 2)]
    return time.perf_counter() - start


def throughput(items, n_docs: int, settings) -> dict:
    docs = mixed_corpus(items, n_docs)
    _, ours = run_pipeline(docs, settings)
    peer = datasketch_run(docs, settings)
    small = docs[:1000]
    _, ours_small = run_pipeline(small, settings)
    brute = all_pairs_run(small, settings)
    return {"docs": n_docs, "warta_docs_per_s": round(n_docs / ours, 1),
            "datasketch_docs_per_s": round(n_docs / peer, 1) if peer else None,
            "ratio_vs_datasketch": round(peer / ours, 2) if peer else None,
            "all_pairs_1000_docs_s": round(brute, 2), "warta_1000_docs_s": round(ours_small, 2),
            "ratio_vs_all_pairs_1000": round(brute / ours_small, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", type=int, default=6)
    ap.add_argument("--docs", type=int, default=3000)
    args = ap.parse_args()
    if not SEEDS.exists():
        sys.exit(f"bench/dedup.py: {SEEDS} not found; put ../shared beside the repository")
    items = sources()
    report, settings = quality(items, args.variants, dedup.DedupSettings())
    report["throughput"] = throughput(items, args.docs, settings)
    report["machine"] = f"{platform.machine()} {platform.processor() or ''} Python {platform.python_version()}".strip()
    report["settings"] = {k: getattr(settings, k) for k in ("shingle_size", "num_perm", "rows", "min_shingles", "min_line_words")}
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "dedup.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
