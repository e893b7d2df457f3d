"""Extraction benchmark: warta vs trafilatura on the 990 pages of trafilatura's evaluation set.

Both extractors run in one invocation, each in its own child process streaming over the
same pages (read, decode once with warta's decoder outside the timer, extract, score, drop):
- quality: the same snippet scoring for both (body precision/recall/F1 from must-include /
  must-exclude snippets, title exact, publication day, authors);
- speed: pages per second over the extraction calls only (decoding excluded for both);
- memory: the child's resident memory after imports and after 10%, 25%, 50%, 100% of the
  pages (flat = streaming), and its peak so far (ru_maxrss) at each of those points.

Usage (from the repository root):
  PYTHONPATH=src /work/venv-dev/bin/python bench/extraction.py [--limit N]
Results go to bench/out/extraction-<time>.json and .md (bench/out is git-ignored).
The data is read from ../shared and untarred under /tmp, never into the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction-trafilatura-eval"
WORK = Path("/tmp/warta-bench-extraction")
OUT = ROOT / "bench" / "out"
EXTRACTORS = ("warta", "trafilatura")


def unpack(data: Path) -> Path:
    target = WORK / "pages"
    if not (target / ".done").exists():
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(data / "eval-html.tar.gz") as tar:
            tar.extractall(target, filter="data")
        (target / ".done").write_text("ok")
    return target


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def make_extractor(name: str):
    if name == "warta":
        from warta.extract import extract

        def run(html: str, url: str) -> dict:
            e = extract(html, "html", url)
            return {"body": e.body, "title": e.title, "authors": e.authors, "published": e.published}
        return run
    import trafilatura

    def run(html: str, url: str) -> dict:
        d = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
        d = d.as_dict() if d is not None and hasattr(d, "as_dict") else (d or {})
        authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
        return {"body": d.get("text") or "", "title": d.get("title"), "authors": authors, "published": d.get("date")}
    return run


def child(name: str, pages: Path, limit: int) -> dict:
    """Run one extractor over all pages, streaming; print a JSON summary."""
    from warta.extract.evaluate import Tally, load_snippet_gold, score_case
    from warta.read.decode import normalise, to_text
    extract = make_extractor(name)
    cases = [c for c in load_snippet_gold(DATA / "evaldata.json", [pages]) if c.path][:limit or None]
    checkpoints = {max(1, int(len(cases) * f)) for f in (0.1, 0.25, 0.5, 1.0)}
    tally, seconds, memory = Tally(), 0.0, {"after_import": round(rss_mb(), 1)}
    for i, case in enumerate(cases, 1):
        html = normalise(to_text(case.path.read_bytes(), str(case.path)))
        start = time.perf_counter()
        got = extract(html, case.url)
        seconds += time.perf_counter() - start
        score_case(tally, case, got["body"], got["title"], got["authors"], got["published"])
        if i in checkpoints:
            memory[f"after_{i}"] = round(rss_mb(), 1)
            memory[f"peak_{i}"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    memory["peak"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return {"extractor": name, **tally.summary(), "seconds": round(seconds, 2),
            "pages_per_s": round(len(cases) / max(seconds, 1e-9), 1), "memory_mb": memory}


def machine() -> dict:
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    versions = {}
    for mod in ("trafilatura", "selectolax", "lxml"):
        try:
            versions[mod] = __import__(mod).__version__
        except Exception:  # noqa: BLE001 - report what is there
            versions[mod] = None
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(int(mem) / 1e6, 1),
            "python": platform.python_version(), **versions}


def table(results: list[dict]) -> str:
    cols = ["extractor", "docs", "precision", "recall", "f1", "title_exact", "date_day", "authors",
            "pages_per_s", "seconds"]
    lines = ["| " + " | ".join(cols + ["rss MB after import → 10/25/50/100 % (peak so far)"]) + " |",
             "|" + "---|" * (len(cols) + 1)]
    for r in results:
        m = r["memory_mb"]
        ends = [v for k, v in m.items() if k.startswith("after_") and k != "after_import"]
        peaks = [v for k, v in m.items() if k.startswith("peak_")]
        mem = f"{m['after_import']} → {' / '.join(map(str, ends))} (peak {' / '.join(map(str, peaks))})"
        lines.append("| " + " | ".join(str(r.get(c, "")) for c in cols) + f" | {mem} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0 = all)")
    ap.add_argument("--child", choices=EXTRACTORS, help=argparse.SUPPRESS)
    ap.add_argument("--pages", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.pages, args.limit)))
        return
    pages = unpack(DATA)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    results = []
    for name in EXTRACTORS:
        cmd = [sys.executable, __file__, "--child", name, "--pages", str(pages), "--limit", str(args.limit)]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{name}: done", file=sys.stderr)
    w, t = results
    ratios = {"f1_delta": round(w["f1"] - t["f1"], 4), "speedup": round(w["pages_per_s"] / t["pages_per_s"], 2)}
    report = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine(),
              "trafilatura_call": "bare_extraction(html, url, include_comments=False, with_metadata=True)",
              "results": results, "warta_vs_trafilatura": ratios}
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"extraction-{stamp}.json").write_text(json.dumps(report, indent=1))
    md = table(results) + f"\n\nwarta vs trafilatura: F1 {ratios['f1_delta']:+.4f}, speed ×{ratios['speedup']}\n" \
        + f"machine: {json.dumps(report['machine'])}\n"
    (OUT / f"extraction-{stamp}.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
