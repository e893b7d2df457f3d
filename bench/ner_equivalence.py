"""Check: the numpy tagger (nlp/crf_fast.py) gives python-crfsuite's tags on every sentence
of the NER sets in ../shared/data/ner, in both domains and with the guessed domain.

    PYTHONPATH=src python bench/ner_equivalence.py

Each sentence is recased as the tagger does and cut into MAX_TOKENS chunks; crfsuite tags
the plain feature strings (ner.model_features). Prints the sentence and token counts and
the number of sentences whose tags differ (it should be 0), per file and domain mode, and
the largest difference between the fast tagger's state scores (summed per word type, see
crf_fast.FastTagger._score) and the scores summed attribute by attribute as crfsuite does.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from warta.nlp import ner  # noqa: E402
from warta.nlp.crf import state_scores  # noqa: E402
from warta.nlp.conll import read_conll  # noqa: E402

NER = ROOT.parent / "shared" / "data" / "ner"


def chunks(sents: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    out, owner = [], []
    for k, words in enumerate(sents):
        for i in range(0, len(words), ner.MAX_TOKENS):
            out.append(list(words[i:i + ner.MAX_TOKENS]))
            owner.append(k)
    return out, owner


def compare(path: Path) -> int:
    model, fast = ner.load_model(), ner.fast_tagger()
    if fast is None:
        raise SystemExit("the fast tagger fell back to crfsuite: nothing to compare")
    sents = [ner.recase([r[0] for r in rows], model.lower) for rows in read_conll(path.read_text("utf-8"))]
    parts, owner = chunks(sents)
    guessed = [model.domain.guess(w) if model.domain else None for w in sents]
    bad = 0
    for mode in ["guessed"] + list(fast.domains):
        doms = [guessed[k] if mode == "guessed" else mode for k in owner]
        t = time.perf_counter()
        got = fast.tag(parts, owner) if mode == "guessed" else fast.tag(parts, domains=doms)
        t_fast = time.perf_counter() - t
        t = time.perf_counter()
        want = [model.tagger.tag(ner.model_features(model, c, d)) for c, d in zip(parts, doms)]
        t_crf = time.perf_counter() - t
        diff = sum(g != w for g, w in zip(got, want))
        bad += diff
        args = (parts, None, owner) if mode == "guessed" else (parts, doms)
        exact = state_scores(fast.w, fast.attribute_ids(*args))      # crfsuite's order of additions
        drift = float(np.abs(fast.state_scores(*args) - exact).max())
        print(f"{path.parent.name}/{path.name} domain={mode}: {len(parts)} sentences, "
              f"{sum(map(len, parts))} tokens, {diff} differ (fast {t_fast:.1f}s, crfsuite {t_crf:.1f}s), "
              f"largest state score difference {drift:.1e}")
    return bad


def main() -> None:
    files = sorted(p for p in NER.glob("*/*.txt"))
    if not files:
        raise SystemExit(f"no NER sets under {NER}")
    bad = sum(compare(p) for p in files)
    print("all equal" if not bad else f"{bad} sentences differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
