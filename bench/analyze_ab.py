"""`warta analyze` throughput of two source trees, interleaved so both see the same machine.

On a shared machine the speed of one core moves by ±30% within minutes, so two benches run
one after the other compare noise. Here one worker process per tree (each pinned to the
same core) takes turns on small batches of the same articles (those of bench/analyze.py):
A, B, B, A, A, B, ... and each batch is timed in wall clock and CPU time. The report gives
articles/s per tree from the summed batch times, from the fastest half of the batches, and
the ratio. Usage:

    PYTHONPATH=src python bench/analyze_ab.py BASE_TREE NEW_TREE [N_ARTICLES] [--core 1] [--rounds 5]
        [--python-base PY] [--python-new PY]      (two interpreters on one tree: pass it twice)
        [--stages]                                 (also CPU ms/article per stage, interleaved)
        [--kompas]                                 (the 50 IndoTimex Kompas articles, real news,
                                                    instead of the bench articles; N <= 50)
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analyze import articles  # noqa: E402

WORKER = r"""
import json, sys, time
from warta.model import RawDoc
from warta.settings import DEFAULTS
from warta.stages import pipeline
texts = json.load(open(sys.argv[1]))
pipe = pipeline("analyze", DEFAULTS.with_(lines=True))
pipe.run(RawDoc("warm", texts[0].encode(), kind="text"))
print("ready", flush=True)
from warta.read.decode import decode
def staged(text, spent):    # pipe.run, each stage's CPU time added to spent (as analyze.py's per_stage)
    c = time.process_time()
    art = decode(RawDoc("bench", text.encode(), kind="text"), pipe.settings)
    spent["decode"] = spent.get("decode", 0.0) + time.process_time() - c
    for s in pipe.stages:
        c = time.process_time()
        s.func(art, pipe.settings)
        spent[s.name] = spent.get(s.name, 0.0) + time.process_time() - c
for line in sys.stdin:
    a, b, stages = map(int, line.split())
    spent = {}
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts[a:b]:
        staged(t, spent) if stages else pipe.run(RawDoc("bench", t.encode(), kind="text"))
    print(time.perf_counter() - t0, time.process_time() - c0, json.dumps(spent), flush=True)
"""


def kompas_texts(n: int) -> list[str]:
    """The texts of the IndoTimex dev articles: real news, with fewer repeated phrases than
    the bench articles (which are drawn from a few hundred dev sentences)."""
    from indotimex_dev import articles as kompas
    texts = ["\n\n".join([a["title"], *a["paras"]]) for a in kompas()]
    if n > len(texts):
        raise SystemExit(f"only {len(texts)} Kompas articles")
    return texts[:n]


def start(tree: Path, texts_file: str, core: int, python: str = sys.executable) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    proc = subprocess.Popen(["taskset", "-c", str(core), python, "-c", WORKER, texts_file],
                            cwd=tree, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if proc.stdout.readline().strip() != "ready":
        raise SystemExit(f"worker for {tree} did not start")
    return proc


def batch(proc: subprocess.Popen, a: int, b: int, stages: bool = False) -> tuple[float, float, dict]:
    proc.stdin.write(f"{a} {b} {int(stages)}\n")
    proc.stdin.flush()
    wall, cpu, spent = proc.stdout.readline().split(" ", 2)
    return float(wall), float(cpu), json.loads(spent)


def rates(times: list[tuple[float, float, dict]], per_batch: int) -> dict[str, float]:
    walls, cpus = sorted(t[0] for t in times), sorted(t[1] for t in times)
    half = max(1, len(times) // 2)
    return {"wall": per_batch * len(times) / sum(walls), "cpu": per_batch * len(times) / sum(cpus),
            "wall_fast_half": per_batch * half / sum(walls[:half]), "cpu_fast_half": per_batch * half / sum(cpus[:half])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("n", type=int, nargs="?", default=200)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--core", type=int, default=1)
    ap.add_argument("--stages", action="store_true", help="also time each stage (CPU ms/article per tree)")
    ap.add_argument("--python-base", default=sys.executable, help="interpreter of the base worker")
    ap.add_argument("--python-new", default=sys.executable, help="interpreter of the new worker (compare builds)")
    ap.add_argument("--kompas", action="store_true", help="real Kompas articles (bench/indotimex_dev.py) as the input")
    args = ap.parse_args()
    BATCH[0] = args.batch
    texts = kompas_texts(args.n) if args.kompas else articles(args.n)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(texts, f)
    procs = {"base": start(args.base.resolve(), f.name, args.core, args.python_base),
             "new": start(args.new.resolve(), f.name, args.core, args.python_new)}
    times: dict[str, list[tuple[float, float, dict]]] = {"base": [], "new": []}
    flip = False
    for _ in range(args.rounds):
        for a in range(0, args.n - args.batch + 1, args.batch):
            order = ("new", "base") if flip else ("base", "new")
            flip = not flip
            for side in order:
                times[side].append(batch(procs[side], a, a + args.batch, args.stages))
    for p in procs.values():
        p.stdin.close()
        p.wait()
    os.unlink(f.name)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"machine: {platform.machine()} python {platform.python_version()}, both workers on core {args.core}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{args.n} articles of {words:.0f} words, batches of {args.batch}, {args.rounds} rounds, interleaved")
    r = {side: rates(t, args.batch) for side, t in times.items()}
    for key in ("wall", "cpu", "wall_fast_half", "cpu_fast_half"):
        print(f"  {key:15s} base {r['base'][key]:6.1f}  new {r['new'][key]:6.1f} articles/s  "
              f"ratio {r['new'][key] / r['base'][key]:.2f}")
    if args.stages:
        print_stages(times)


def print_stages(times: dict[str, list[tuple[float, float, dict]]]) -> None:
    """CPU ms/article per stage, summed over the interleaved batches (the whole-run CPU time
    also holds what falls between stages: result objects, the loop)."""
    per = {side: {} for side in times}
    for side, rows in times.items():
        for _, _, spent in rows:
            for name, sec in spent.items():
                per[side][name] = per[side].get(name, 0.0) + sec
    n = {side: sum(1 for _ in rows) for side, rows in times.items()}
    print("  per stage, CPU ms/article:   base     new   new/base")
    for name in per["base"]:
        b = per["base"][name] * 1000 / (n["base"] * BATCH[0])
        w = per["new"].get(name, 0.0) * 1000 / (n["new"] * BATCH[0])
        print(f"    {name:10s}              {b:6.2f}  {w:6.2f}   {w / b if b else float('nan'):.2f}")
    tb = sum(per["base"].values()) * 1000 / (n["base"] * BATCH[0])
    tn = sum(per["new"].values()) * 1000 / (n["new"] * BATCH[0])
    print(f"    {'sum':10s}              {tb:6.2f}  {tn:6.2f}   {tn / tb:.2f}")


BATCH = [10]


if __name__ == "__main__":
    main()
