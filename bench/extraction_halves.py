"""Body P/R/F1 of one extractor on trafilatura's 990 evaluation pages, split in two halves by
the parity of md5(file name): tune on the even half, check on the odd one.

Usage (from the repository root, after bench/extraction.py has unpacked the pages once):
  PYTHONPATH=src /work/venv-dev/bin/python bench/extraction_halves.py [warta|trafilatura] [--worst N]
--worst N lists the N even-half pages with the most missed must-include snippets.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extraction as bench  # noqa: E402  (sibling bench script: data paths and extractor wrappers)

from warta.extract.evaluate import load_snippet_gold, snippet_counts  # noqa: E402
from warta.read.decode import normalise, to_text  # noqa: E402


def half(name: str) -> int:
    return int(hashlib.md5(name.encode()).hexdigest(), 16) % 2


def prf(rows: list[tuple[int, int, int, int]]) -> str:
    tp, fn, fp = (sum(r[i] for r in rows) for i in range(3))
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"P {p:.4f} R {r:.4f} F1 {2 * p * r / max(1e-9, p + r):.4f} ({len(rows)} pages)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extractor", nargs="?", default="warta", choices=bench.EXTRACTORS)
    ap.add_argument("--worst", type=int, default=0)
    args = ap.parse_args()
    pages = bench.unpack(bench.DATA)
    run = bench.make_extractor(args.extractor)
    counts = {}
    for case in (c for c in load_snippet_gold(bench.DATA / "evaldata.json", [pages]) if c.path):
        html = normalise(to_text(case.path.read_bytes(), str(case.path)))
        counts[case.name] = snippet_counts(run(html, case.url)["body"], case.must, case.must_not)
    print(args.extractor, "all ", prf(list(counts.values())))
    for h, label in ((0, "even"), (1, "odd ")):
        print(args.extractor, label, prf([v for n, v in counts.items() if half(n) == h]))
    worst = sorted((v[1], n) for n, v in counts.items() if half(n) == 0)[::-1][:args.worst]
    for missed, name in worst:
        print(f"  missed {missed}: {name}")


if __name__ == "__main__":
    main()
