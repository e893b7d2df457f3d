"""Benchmark: NER + linking throughput on one core, and model load time.

    PYTHONPATH=src python bench/ner.py [--docs N]

Text: the sentences of the idner dev and NERGrit valid sets (../shared/data/ner) joined
into 20-sentence articles. Reports words/s for three things run in the same process:
tokenisation and sentence splitting alone (the peer/baseline every stage pays), the CRF
tagger alone, and the `entities` + `link` stages; plus cold model load time measured in
a fresh process. States the machine.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.model import Article  # noqa: E402
from warta.nlp.conll import read_conll  # noqa: E402
from warta.nlp.ner import find_mentions  # noqa: E402
from warta.nlp.tokens import sentences, tokenize  # noqa: E402
from warta.settings import DEFAULTS  # noqa: E402
from warta.stages.entities import entities  # noqa: E402
from warta.stages.link import link  # noqa: E402

NER = ROOT.parent / "shared" / "data" / "ner"
FILES = ["idner-news-2k/dev.txt", "nergrit_ner-grit/valid_preprocess.txt"]
LOAD = ("import time; t = time.perf_counter(); "
        "from warta.nlp.ner import load_model; from warta.nlp.kb import load_kb; "
        "from warta.nlp.features import gazetteer; load_model(); load_kb(); gazetteer(); "
        "print(time.perf_counter() - t)")


def articles(limit: int) -> list[str]:
    sents = [" ".join(r[0] for r in rows) for f in FILES for rows in read_conll((NER / f).read_text("utf-8"))]
    docs = [" ".join(sents[i:i + 20]) for i in range(0, len(sents), 20)]
    return docs[:limit]


def rate(name: str, fn, docs: list[str], words: int) -> float:
    t = time.perf_counter()
    for d in docs:
        fn(d)
    secs = time.perf_counter() - t
    print(f"{name:28} {words / secs:10,.0f} words/s  ({secs:.2f}s)")
    return words / secs


def pipeline(text: str) -> None:
    art = Article(source="bench", body=text, published="2024-01-01T00:00:00+07:00")
    entities(art, DEFAULTS)
    link(art, DEFAULTS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})     # one core
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    loads = [float(subprocess.run([sys.executable, "-c", LOAD], env=env, capture_output=True, text=True, check=True).stdout)
             for _ in range(3)]
    docs = articles(args.docs)
    words = sum(len(tokenize(d)) for d in docs)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, pinned to 1 core")
    print(f"text: {len(docs)} articles, {words:,} tokens")
    print(f"model load (cold, fresh process, best of 3): {min(loads):.2f}s")
    pipeline(docs[0])                       # warm caches
    base = rate("tokenise + sentences (peer)", lambda d: [tokenize(s.text) for s in sentences(d)], docs, words)
    tagger = rate("CRF tagger only", find_mentions, docs, words)
    full = rate("entities + link stages", pipeline, docs, words)
    print(f"ratios vs tokenisation: tagger {tagger / base:.3f}, entities+link {full / base:.3f}")
    big = " ".join(docs) * max(1, 100_000 // words + 1)        # one ~100k-word document
    rate("entities + link, one long doc", pipeline, [big], len(tokenize(big)))


if __name__ == "__main__":
    main()
