"""Near-duplicate benchmark on real text: precision, recall and throughput.

Sources: the five seed articles (read from ../shared/corpus/seeds at run time, never
copied) and the shipped demo corpus. Each source gets programmatic variants
(bench/dedup_variants.py: reordered, synonym-swapped, trimmed, truncated, re-framed).
Positives are pairs of texts from the same source (or from two demo articles that are
near-copies by construction); every other pair is a negative. Negatives whose sources share
several proper names are reported as same-topic negatives, and pairs of independent reports
of one event (tests/corpus/data/same_event.jsonl, written by us) as same-event negatives.

Thresholds are chosen on the "tune" half of the source groups and reported on the "test"
half, with variants drawn from a different random seed. Throughput is measured on real
text (the 990 web pages of ../shared/data/extraction-trafilatura-eval, the seeds and the demo
articles, topped up with rewrites of them) against datasketch
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
import tarfile
import time
import zipfile
from dataclasses import replace
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from dedup_variants import paragraphs, variant  # noqa: E402
from warta.corpus import dedup  # noqa: E402
from warta.corpus.text import shingles, words  # noqa: E402
from warta.corpus.samples import demo_gold, html_text, load_demo, rough_body  # noqa: E402
from warta.model import Article  # noqa: E402

SEEDS = HERE.parent.parent / "shared" / "corpus" / "seeds"
SAME_EVENT = HERE.parent / "tests" / "corpus" / "data" / "same_event.jsonl"
KOMPAS = HERE.parent.parent / "shared" / "data" / "dates-indotimex-dev" / "kompas_development.zip"
PAGES = HERE.parent.parent / "shared" / "data" / "extraction-trafilatura-eval" / "eval-html.tar.gz"
NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}")


def sources() -> list[tuple[str, str]]:
    """(group, body) for each real article: seeds first, then the demo corpus."""
    out = [(f"seed-{p.stem[:3]}", rough_body(p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))]
    gold = demo_gold()
    out += [(f"demo-{g['story']}", a.body) for g, a in zip(gold, load_demo())]
    for n, line in enumerate(SAME_EVENT.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        out.append((f"event-{record['story']}#{n}", record["text"]))
    return out


def unit(group: str) -> str:
    """Split unit: independent reports of one event stay on the same side of the split."""
    return group.split("#")[0]


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
        if pos:
            labels[(i, j)] = "pos"
        elif unit(groups[i]) == unit(groups[j]):
            labels[(i, j)] = "event"
        else:
            topic = (min(origin[i], origin[j]), max(origin[i], origin[j])) in topical
            labels[(i, j)] = "topic" if topic else "neg"
    return labels


def exact_scores(docs, settings):
    hasher = dedup.MinHasher(settings)
    sets = [hasher.shingle_set(d.body) for d in docs]
    return {(i, j): (*dedup.overlap(sets[i], sets[j]), min(len(sets[i]), len(sets[j])))
            for i, j in combinations(range(len(docs)), 2)}


def prf(predicted: set, labels: dict) -> dict:
    pos = {p for p, l in labels.items() if l == "pos"}
    tp = len(predicted & pos)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(pos) if pos else 1.0
    topic = [k for k, l in labels.items() if l == "topic"]
    event = [k for k, l in labels.items() if l == "event"]
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0, 4),
            "positives": len(pos), "negatives": len(labels) - len(pos), "same_topic_negatives": len(topic),
            "same_topic_false_positives": sum(1 for k in topic if k in predicted),
            "same_event_negatives": len(event), "same_event_false_positives": sum(1 for k in event if k in predicted),
            "false_positives": len(predicted - pos),
            "false_negatives": len(pos - predicted)}


TOLERANCE = 0.01


def closure(pairs: set, n: int) -> set:
    """Every pair inside the connected groups that ``pairs`` form (what dedup.duplicate_groups does)."""
    parent = list(range(n))
    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return {p for g in groups.values() for p in combinations(g, 2)}


def tune(scores, labels, base: dedup.DedupSettings, n_docs: int) -> dedup.DedupSettings:
    """Grid search on exact scores: the best group-level F1 (what provenance uses), then
    among the points within TOLERANCE of the best pair-level F1 the most conservative one
    (most shared shingles, then highest containment), a margin against unseen hard negatives."""
    # Containment is never below Jaccard, so on texts long enough for the containment rule
    # it decides alone; the Jaccard threshold (for short texts) keeps its default.
    grid = [(c / 100, m) for c in range(5, 100, 5) for m in (0, 5, 10, 15, 20, 25, 30, 40)]
    def objective(tc, m):
        s = replace(base, min_containment=tc, min_common=m)
        pairs = {k for k, (jac, con, n) in scores.items() if dedup.is_near_duplicate(jac, con, n, s)}
        return prf(closure(pairs, n_docs), labels)["f1"], prf(pairs, labels)["f1"]
    results = {g: objective(*g) for g in grid}
    best = max(results.values())
    plateau = sorted(g for g, (group, pair) in results.items() if group == best[0] and pair >= best[1] - TOLERANCE)
    tc, m = max(plateau, key=lambda g: (g[1], g[0]))
    print(f"tuning: best (group F1, pair F1) {best}, within tolerance on {len(plateau)} grid points: containment "
          f"{min(g[0] for g in plateau)}..{max(g[0] for g in plateau)}, common {min(g[1] for g in plateau)}.."
          f"{max(g[1] for g in plateau)}", file=sys.stderr)
    return replace(base, min_containment=tc, min_common=m)


def run_pipeline(docs, settings, grouped: bool = False) -> tuple[set, float]:
    """Predicted pairs (with ``grouped``: every pair inside a duplicate group) and the time."""
    start = time.perf_counter()
    pairs = dedup.near_duplicates(docs, settings)
    elapsed = time.perf_counter() - start
    index = {d.source: i for i, d in enumerate(docs)}
    if grouped:                 # the groups as `warta dupes` and the store report them
        return {tuple(sorted(index[k] for k in pair))
                for pair in dedup.group_pairs(dedup.duplicate_groups(docs, pairs))}, elapsed
    return {tuple(sorted((index[p.a], index[p.b]))) for p in pairs}, elapsed


def evaluate(docs, origin, labels, settings) -> dict:
    """Pair-level, group-level and variant-vs-source precision and recall."""
    predicted, _ = run_pipeline(docs, settings)
    grouped, _ = run_pipeline(docs, settings, grouped=True)
    originals = {i for i in range(len(docs)) if i == 0 or origin[i] != origin[i - 1]}  # each source's own text
    near_source = {k: l for k, l in labels.items() if k[0] in originals or k[1] in originals}
    brief = ("precision", "recall", "f1", "positives")
    return {"pairs": prf(predicted, labels),
            "groups": prf(grouped, labels),
            "vs_source": {k: v for k, v in prf(predicted & set(near_source), near_source).items() if k in brief}}


def quality(items, n_variants, base, seed: int = 1):
    """Tune on one half of the sources, report on the other with the tuned thresholds and
    with the library defaults (``base``)."""
    titles = [g["title"] for g in demo_gold()]
    units = sorted({unit(g) for g, _ in items})
    split = {"tune": set(units[0::2]), "test": set(units[1::2])}
    out, settings = {}, base
    for part, seed in (("tune", seed), ("test", seed + 1)):
        chosen = [it for it in items if unit(it[0]) in split[part]]
        docs, groups, origin = build(chosen, n_variants, seed, titles)
        labels = labelled_pairs(docs, groups, origin, chosen)
        if part == "tune":
            settings = tune(exact_scores(docs, base), labels, base, len(docs))
        out[part] = {"sources": len(chosen), "docs": len(docs), **evaluate(docs, origin, labels, settings)}
        if part == "test":
            out["test_with_defaults"] = evaluate(docs, origin, labels, base)
    out["thresholds"] = {"min_jaccard": settings.min_jaccard, "min_containment": settings.min_containment,
                         "min_common": settings.min_common}
    out["defaults"] = {"min_jaccard": base.min_jaccard, "min_containment": base.min_containment,
                       "min_common": base.min_common}
    return out, settings


def web_pages(limit: int) -> list[str]:
    """Visible text of the real web pages of the trafilatura evaluation set (read from the tarball)."""
    texts = []
    with tarfile.open(PAGES) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html") and len(texts) < limit:
                raw = tar.extractfile(member).read().decode("utf-8", "replace")
                texts.append(rough_body(html_text(raw)))
    return [t for t in texts if len(t.split()) >= 50]


def mixed_corpus(items, n_docs: int, seed: int = 3) -> list[Article]:
    """Real distinct texts (web pages, seeds, demo) topped up with rewrites of them to ``n_docs``."""
    rng = random.Random(seed)
    titles = [g["title"] for g in demo_gold()]
    base = [body for _, body in items] + web_pages(n_docs)
    docs = [Article(source=f"d{i}", body=body) for i, body in enumerate(base[:n_docs])]
    while len(docs) < n_docs:
        docs.append(Article(source=f"v{len(docs)}", body=variant(rng.choice(base), rng, titles)))
    return docs


def datasketch_run(docs, settings) -> float | None:
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        return None
    start = time.perf_counter()
    lsh = MinHashLSH(num_perm=settings.num_perm, params=(settings.bands, settings.rows))
    for d in docs:
        m = MinHash(num_perm=settings.num_perm)
        text = dedup.content_lines(d.body, settings.min_line_words)
        m.update_batch([s.encode() for s in shingles(words(text), settings.shingle_size)])
        lsh.query(m)
        lsh.insert(d.source, m)
    return time.perf_counter() - start


def incremental_run(docs, settings, keep_shingles: bool) -> float:
    index = dedup.DedupIndex(settings, keep_shingles=keep_shingles)
    start = time.perf_counter()
    for d in docs:
        index.add(d.source, d.body)
    return time.perf_counter() - start


def all_pairs_run(docs, settings) -> float:
    hasher = dedup.MinHasher(settings)
    start = time.perf_counter()
    sets = [hasher.shingle_set(d.body) for d in docs]
    [dedup.compare(sets[i], sets[j], settings) for i, j in combinations(range(len(sets)), 2)]
    return time.perf_counter() - start


def kompas_articles() -> list[Article]:
    """The 50 Kompas articles of IndoTimex dev (distinct reports, some templated market
    news): every pair is a negative."""
    articles = []
    with zipfile.ZipFile(KOMPAS) as archive:
        for name in sorted(archive.namelist()):
            xml = archive.read(name).decode("utf-8", "replace")
            text = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
            if text:
                articles.append(Article(source=name, body=re.sub(r"<[^>]+>", "", text.group(1)).strip()))
    return articles


def kompas_check(settings) -> dict:
    articles = kompas_articles()
    pairs = dedup.near_duplicates(articles, settings)
    return {"articles": len(articles), "pairs": len(articles) * (len(articles) - 1) // 2,
            "false_positives": len(pairs), "found": [(p.a, p.b, p.containment) for p in pairs]}


def best_of(runs: int, measure) -> float | None:
    """Fastest of ``runs`` timings: the machine is shared, so the minimum is the fairest."""
    times = [measure() for _ in range(runs)]
    return None if times[0] is None else min(times)


def throughput(items, n_docs: int, settings) -> dict:
    docs = mixed_corpus(items, n_docs)
    small = docs[:1000]
    ours = best_of(3, lambda: run_pipeline(docs, settings)[1])
    peer = best_of(3, lambda: datasketch_run(docs, settings))
    ours_small = best_of(3, lambda: run_pipeline(small, settings)[1])
    brute = best_of(1, lambda: all_pairs_run(small, settings))
    inc_exact = best_of(2, lambda: incremental_run(docs, settings, True))
    inc_sig = best_of(2, lambda: incremental_run(docs, settings, False))
    return {"docs": n_docs, "warta_docs_per_s": round(n_docs / ours, 1),
            "datasketch_docs_per_s": round(n_docs / peer, 1) if peer else None,
            "ratio_vs_datasketch": round(peer / ours, 2) if peer else None,
            "all_pairs_1000_docs_s": round(brute, 2), "warta_1000_docs_s": round(ours_small, 2),
            "ratio_vs_all_pairs_1000": round(brute / ours_small, 2),
            "incremental_index_docs_per_s": round(n_docs / inc_exact, 1),
            "incremental_signature_only_docs_per_s": round(n_docs / inc_sig, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", type=int, default=10)
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=1, help="variant seed (tune uses it, test the next)")
    ap.add_argument("--perm", type=int, default=128, help="MinHash permutations")
    ap.add_argument("--rows", type=int, default=2, help="signature rows per LSH band")
    ap.add_argument("--no-throughput", action="store_true", help="precision and recall only")
    args = ap.parse_args()
    if not SEEDS.exists():
        sys.exit(f"bench/dedup.py: {SEEDS} not found; put ../shared beside the repository")
    items = sources()
    base = dedup.DedupSettings(num_perm=args.perm, rows=args.rows)
    report, settings = quality(items, args.variants, base, args.seed)
    report["kompas_negatives"] = {"tuned": kompas_check(settings), "defaults": kompas_check(dedup.DedupSettings())}
    if not args.no_throughput:
        report["throughput"] = throughput(items, args.docs, settings)
    report["machine"] = f"{platform.machine()} {platform.processor() or ''} Python {platform.python_version()}".strip()
    report["settings"] = {k: getattr(settings, k) for k in ("shingle_size", "num_perm", "rows", "min_shingles", "min_line_words")}
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "dedup.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
