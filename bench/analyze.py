"""Throughput of the whole `warta analyze` pipeline on ~500-word articles, on one core.

Articles are built from our own dev sentences (tests/data/events_dev.jsonl) shuffled into
paragraphs of about 500 words, so every stage has real work. Reports articles/s for the
whole pipeline (wall clock and CPU time), the CPU time per stage, and, as a peer measured
in the same run, the cost of plain tokenisation + sentence splitting over the same text
(the floor any analysis pays). To compare two trees on a shared machine use
bench/analyze_ab.py, which interleaves them. Usage:
PYTHONPATH=src python bench/analyze.py [N_ARTICLES] [--profile]
"""
from __future__ import annotations

import cProfile
import json
import platform
import pstats
import random
import sys
import time
from pathlib import Path

from warta.model import RawDoc
from warta.nlp.tokens import sentences, tokenize
from warta.settings import DEFAULTS
from warta.stages import pipeline

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "events_dev.jsonl"


def articles(n: int, words: int = 500, seed: int = 7) -> list[str]:
    sents = [json.loads(l)["text"] for l in DEV.read_text("utf-8").splitlines() if l.strip()]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras, count, para = [], 0, []
        while count < words:
            s = rng.choice(sents)
            para.append(s)
            count += len(s.split())
            if len(para) == 3:
                paras.append(" ".join(para))
                para = []
        paras.append(" ".join(para))
        out.append("\n".join(p for p in paras if p))
    return out


def best_of(k: int, run) -> tuple[float, float]:
    """The fastest of ``k`` runs, wall clock and CPU time of this process (the machine is
    shared: the minimum is the least disturbed, and CPU time leaves out waiting for the core)."""
    wall, cpu = [], []
    for _ in range(k):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def per_stage(texts: list[str]) -> dict[str, float]:
    pipe = pipeline("analyze", DEFAULTS.with_(lines=True))
    from warta.read.decode import decode
    spent = {"decode": 0.0, **{s.name: 0.0 for s in pipe.stages}}
    for text in texts:
        t0 = time.process_time()
        art = decode(RawDoc("bench", text.encode(), kind="text"), pipe.settings)
        spent["decode"] += time.process_time() - t0
        for s in pipe.stages:
            t0 = time.process_time()
            s.func(art, pipe.settings)
            spent[s.name] += time.process_time() - t0
    return spent


def main() -> None:
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 300))
    texts = articles(n)
    pipe = pipeline("analyze", DEFAULTS.with_(lines=True))
    pipe.run(RawDoc("warm", texts[0].encode(), kind="text"))      # load models once
    whole, whole_cpu = best_of(3, lambda: [pipe.run(RawDoc("bench", t.encode(), kind="text")) for t in texts])
    floor, _ = best_of(3, lambda: [tokenize(s.text, s.start) for t in texts for s in sentences(t)])
    words = sum(len(t.split()) for t in texts) / n
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}, one process")
    print(f"{n} articles, {words:.0f} words each on average")
    print(f"analyze: {n / whole:.1f} articles/s ({whole / n * 1000:.2f} ms/article)")
    print(f"analyze, CPU time: {n / whole_cpu:.1f} articles/s ({whole_cpu / n * 1000:.2f} ms/article)")
    print(f"peer (tokenise + split sentences only): {n / floor:.1f} articles/s; analyze costs {whole / floor:.1f}x that")
    spent = per_stage(texts[: min(n, 100)])
    total = sum(spent.values())
    print("per stage (CPU time):")
    for name, t in spent.items():
        print(f"  {name:10s} {t / total * 100:5.1f}%  {t / min(n, 100) * 1000:.2f} ms/article")
    if "--profile" in sys.argv:
        prof = cProfile.Profile()
        prof.enable()
        for text in texts[:100]:
            pipe.run(RawDoc("bench", text.encode(), kind="text"))
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
