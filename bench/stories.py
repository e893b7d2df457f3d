"""Story clustering speed on real text (web pages of ../shared's extraction set + demo).

Publication times are spread over ``--days`` so that the time window limits the open
stories, as in a real feed. Reports articles per second and the number of stories.

    PYTHONPATH=src /work/venv-dev/bin/python bench/stories.py [--docs 1000] [--days 30]
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from dedup import web_pages  # noqa: E402
from warta.corpus import stories  # noqa: E402
from warta.corpus.samples import load_demo  # noqa: E402
from warta.model import Article  # noqa: E402


def corpus(n_docs: int, days: int, seed: int = 5) -> list[Article]:
    rng = random.Random(seed)
    start = datetime(2025, 10, 1, tzinfo=timezone(timedelta(hours=7)))
    texts = [a.body for a in load_demo()] + web_pages(n_docs)
    return [Article(source=f"d{i}", body=t, published=(start + timedelta(hours=rng.uniform(0, 24 * days))).isoformat())
            for i, t in enumerate(texts[:n_docs])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--days", type=int, default=30)
    args = ap.parse_args()
    docs = corpus(args.docs, args.days)
    began = time.perf_counter()
    found = stories.cluster(docs)
    elapsed = time.perf_counter() - began
    print(json.dumps({"docs": len(docs), "days": args.days, "seconds": round(elapsed, 2),
                      "docs_per_s": round(len(docs) / elapsed, 1), "stories": len(found),
                      "multi_article_stories": sum(len(s.members) > 1 for s in found),
                      "machine": f"{platform.machine()} Python {platform.python_version()}"}, indent=2))


if __name__ == "__main__":
    main()
