"""Ingest throughput and peak memory.

Builds a corpus of N text documents from the seeds (../shared) and the shipped demo
corpus, each copy made unique, then measures in separate processes:
  - warta ingest (the analyze pipeline, SQLite store), with 1 and 2 jobs;
  - warta ingest of the extract pipeline only;
  - a bare baseline: read each file and insert it into an SQLite FTS5 table (no analysis),
    the floor any ingest pays, measured in the same run for the ratio.
Peak memory (max RSS) is measured at two corpus sizes to show it stays flat.

    python bench/ingest.py [--docs 2000]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def sources() -> list[str]:
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.exists() else []
    demo = ROOT / "src" / "warta" / "resources" / "demo"
    texts += [p.read_text() for p in sorted(demo.glob("*.txt"))]
    if not texts:
        sys.exit("no seed or demo texts found")
    return texts


def build_corpus(folder: Path, n: int) -> None:
    texts = sources()
    for i in range(n):
        (folder / f"{i:06d}.txt").write_text(texts[i % len(texts)] + f"\n(salinan {i})\n")


def run_child(mode: str, folder: Path, db: Path, jobs: int) -> dict:
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT / 'src')!r})
t = time.perf_counter()
if {mode!r} == "baseline":
    import sqlite3, pathlib
    con = sqlite3.connect({str(db)!r})
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
    files = sorted(pathlib.Path({str(folder)!r}).glob("*.txt"))
    with con:
        con.executemany("INSERT INTO docs(body) VALUES (?)", ((f.read_text(),) for f in files))
    n = len(files)
else:
    import warta
    from warta.stages import pipeline
    store = warta.open_store({str(db)!r})
    r = warta.ingest([{str(folder)!r}], store, pipeline=pipeline({mode!r}), jobs={jobs})
    n = r.inserted
dt = time.perf_counter() - t
print(json.dumps({{"docs": n, "seconds": dt, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.docs // 4, args.docs):
            folder = Path(tmp) / f"corpus{n}"
            folder.mkdir()
            build_corpus(folder, n)
            runs = [("baseline", 1), ("extract", 1), ("analyze", 1), ("analyze", 2)]
            for mode, jobs in runs:
                db = Path(tmp) / f"{mode}{jobs}-{n}.db"
                r = run_child(mode, folder, db, jobs)
                r["docs_per_s"] = r["docs"] / r["seconds"]
                results[f"{mode} jobs={jobs} n={n}"] = r
    base = {k.split(" n=")[1]: v for k, v in results.items() if k.startswith("baseline")}
    print(f"{'run':<28} {'docs':>6} {'docs/s':>9} {'vs bare':>8} {'peak MB':>8}")
    for name, r in results.items():
        ratio = r["docs_per_s"] / base[name.split(" n=")[1]]["docs_per_s"]
        print(f"{name:<28} {r['docs']:>6} {r['docs_per_s']:>9.1f} {ratio:>8.3f} {r['max_rss_mb']:>8.1f}")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
