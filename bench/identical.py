"""Are two source trees' outputs byte-identical? Runs `warta analyze` (JSONL) and
`warta eval events|quotes` with each tree's src on the same inputs and compares the bytes.

Inputs (written once to --inputs, then reused so both trees read the same files): the five
seeds; the articles of bench/analyze.py, one file each; the seeds as tokenised lines
(bench/seeds_lines.py's input, for `--lines`); the texts of tests/data's event and quote
gold as lines. Eval runs: every JSONL gold under tests/data and the seeds gold, with
--errors and --format json, and bench/events_idner.py (all splits, with errors). Usage:

    PYTHONPATH=src python bench/identical.py BASE_TREE NEW_TREE [--articles 200] [--inputs DIR]

Exit status 1 when any output differs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analyze import articles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"
GOLDS = ["events_dev.jsonl", "events_round3.jsonl", "events_articles.jsonl", "quotes_heldout.jsonl"]


def seed_lines() -> list[str]:
    """bench/seeds_lines.py's input: each seed's sentences, tokenised, without quote marks."""
    from seeds_lines import tokenised
    from warta.evaluate.events import analyze_files
    from warta.nlp.tokens import sentences
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())
    bodies = analyze_files([SHARED / "corpus" / "seeds" / n for n in gold])
    return [tokenised(s.text, False) for art in bodies for s in sentences(art.get("body") or "")]


def prepare(inputs: Path, n: int) -> None:
    if (inputs / "done").exists():
        return
    (inputs / "bench").mkdir(parents=True, exist_ok=True)
    for k, text in enumerate(articles(n)):
        (inputs / "bench" / f"{k:04d}.txt").write_text(text, "utf-8")
    (inputs / "seeds_lines.txt").write_text("\n".join(seed_lines()) + "\n", "utf-8")
    for name in GOLDS:
        texts = [json.loads(l)["text"] for l in (DATA / name).read_text("utf-8").splitlines() if l.strip()]
        (inputs / f"{name}.lines.txt").write_text("\n".join(t.replace("\n", " ") for t in texts) + "\n", "utf-8")
    (inputs / "done").write_text("")


def runs(inputs: Path) -> dict[str, list[str]]:
    """Output name -> arguments of `python -m warta`."""
    out = {"seeds.jsonl": ["analyze", str(SHARED / "corpus" / "seeds")],
           "bench.jsonl": ["analyze", str(inputs / "bench")],
           "seeds_lines.jsonl": ["analyze", "--lines", str(inputs / "seeds_lines.txt")]}
    for name in GOLDS:
        out[f"{name}.lines.jsonl"] = ["analyze", "--lines", str(inputs / f"{name}.lines.txt")]
        for what in ("events", "quotes"):
            out[f"eval-{what}-{name}.json"] = ["eval", what, str(DATA / name), "--errors", "--format", "json"]
    for what in ("events", "quotes"):
        out[f"eval-{what}-seeds.json"] = ["eval", what, str(SHARED / "gold" / "seeds.json"), "--errors", "--format", "json"]
    out["events_idner.txt"] = ["bench/events_idner.py", "--split", "all", "--errors"]   # each tree's own script
    return out


def output(tree: Path, args: list[str]) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    command = args if args[0].endswith(".py") else ["-m", "warta", *args]
    done = subprocess.run([sys.executable, *command], cwd=tree, env=env, capture_output=True)
    return done.stdout + f"\n[exit {done.returncode}]\n".encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--inputs", type=Path, default=Path(tempfile.gettempdir()) / "warta-identical-inputs")
    a = ap.parse_args()
    prepare(a.inputs, a.articles)
    differ = 0
    for name, args in runs(a.inputs).items():
        base, new = output(a.base.resolve(), args), output(a.new.resolve(), args)
        same = base == new
        differ += not same
        print(f"{'same   ' if same else 'DIFFERS'} {name} ({len(base)} / {len(new)} bytes)", flush=True)
        if not same:
            (a.inputs / f"{name}.base").write_bytes(base)
            (a.inputs / f"{name}.new").write_bytes(new)
    print("all identical" if not differ else f"{differ} outputs differ (kept in {a.inputs})")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
