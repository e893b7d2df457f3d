"""Search and event-filter latency of this checkout against another git revision, called
directly on SQLite (no HTTP), interleaved case by case in one run so that both see the
same machine load. Same cases and pragmas as bench/web.py.

    PYTHONPATH=src python bench/web_compare.py [--ref main] [--db /tmp/warta-bench-web.db] [--repeats 20]

The revision's src/warta/store/browse.py is loaded from git as a module beside the current
package (its relative imports pointed at the current store). The database must already
exist (bench/web.py builds it) and carry this checkout's schema.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from web import EVENTS, SEARCHES, machine, percentile  # noqa: E402
from warta.store import browse  # noqa: E402


def load_revision(ref: str):
    source = subprocess.run(["git", "show", f"{ref}:src/warta/store/browse.py"], cwd=HERE.parent, check=True,
                            capture_output=True, text=True).stdout
    source = source.replace("from .", "from warta.store.")
    path = Path(tempfile.mkdtemp()) / "browse_ref.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("browse_ref", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["browse_ref"] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def timed(func, db, filters) -> tuple[float, float]:
    """(wall ms, CPU ms of this thread): the CPU time moves much less with machine load."""
    started, cpu = time.perf_counter(), time.thread_time()
    func(db, filters)
    return (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="main")
    ap.add_argument("--db", type=Path, default=Path("/tmp/warta-bench-web.db"))
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    ref = load_revision(args.ref)
    db = sqlite3.connect(args.db)
    db.row_factory = sqlite3.Row
    for pragma in ("mmap_size = 1073741824", "cache_size = -32768"):
        db.execute(f"PRAGMA {pragma}")
    print(json.dumps({"machine": machine(), "loadavg_before": os.getloadavg()}))
    for kind, cases in (("search", SEARCHES), ("events", EVENTS)):
        ms = {"this": [], args.ref: []}
        cpu = {"this": [], args.ref: []}
        for params in cases:
            for name, module in (("this", browse), (args.ref, ref)):
                func = module.search_articles if kind == "search" else module.filter_events
                func(db, module.Filters.from_params({"limit": "50", **params}))        # warm
            case = {"this": [], args.ref: []}
            for _ in range(args.repeats):
                for name, module in (("this", browse), (args.ref, ref)):
                    func = module.search_articles if kind == "search" else module.filter_events
                    wall, used = timed(func, db, module.Filters.from_params({"limit": "50", **params}))
                    case[name].append(wall)
                    cpu[name].append(used)
            for name in ms:
                ms[name] += case[name]
            print(json.dumps({kind: params, **{f"{n}_p95_ms": round(percentile(v, 95), 1) for n, v in case.items()}},
                             ensure_ascii=False))
        print(json.dumps({kind: {n: {"p50_ms": round(statistics.median(v), 1), "p95_ms": round(percentile(v, 95), 1),
                                     "cpu_p50_ms": round(statistics.median(cpu[n]), 1),
                                     "cpu_p95_ms": round(percentile(cpu[n], 95), 1)} for n, v in ms.items()},
                          "p95_ratio_this_over_ref": round(percentile(ms["this"], 95) / percentile(ms[args.ref], 95), 2),
                          "cpu_p95_ratio_this_over_ref": round(percentile(cpu["this"], 95) / percentile(cpu[args.ref], 95), 2)}))
    print(json.dumps({"loadavg_after": os.getloadavg()}))


if __name__ == "__main__":
    main()
