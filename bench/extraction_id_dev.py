"""warta vs trafilatura on our own Indonesian outlet-style dev pages (tests/extract/devset).

Eight pages written by the warta authors in the template styles of Antara, Kompas, Detik,
Liputan6, Tempo, Republika, Okezone and Viva (text invented; furniture inside the body:
"Baca juga" boxes, ads, captions, video prompts, tag lists), gold in trafilatura's evaldata
format (must-include / must-exclude snippets, title, date, author). Dev data: the rules were
checked against it, so it is not a held-out test.

Usage (from the repository root):
  PYTHONPATH=src /work/venv-dev/bin/python bench/extraction_id_dev.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extraction as bench  # noqa: E402  (extractor wrappers shared with the 990-page bench)

from warta.extract.evaluate import Tally, load_snippet_gold, score_case, squash  # noqa: E402
from warta.read.decode import normalise, to_text  # noqa: E402

DEVSET = bench.ROOT / "tests" / "extract" / "devset"


def main() -> None:
    verbose = "-v" in sys.argv
    cases = [c for c in load_snippet_gold(DEVSET / "gold.json", [DEVSET]) if c.path]
    for name in bench.EXTRACTORS:
        run, tally = bench.make_extractor(name), Tally()
        for case in cases:
            got = run(normalise(to_text(case.path.read_bytes(), str(case.path))), case.url)
            score_case(tally, case, got["body"], got["title"], got["authors"], got["published"])
            if verbose:
                body = squash(got["body"])
                bad = [s for s in case.must if squash(s) not in body] + [f"+{s}" for s in case.must_not if squash(s) in body]
                print(f"  {name} {case.name}: {bad} title={got['title']!r} date={got['published']} authors={got['authors']}")
        s = tally.summary()
        print(f"{name}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} title {s.get('title_exact')} "
              f"day {s.get('date_day')} authors {s.get('authors')} ({s['docs']} pages)")


if __name__ == "__main__":
    main()
