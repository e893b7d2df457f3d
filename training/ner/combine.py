"""Measure a trained spaCy pipeline (spacy_train.py output) against and combined with the
shipped CRF on the validation sets, plus its speed on one core (a stacked pipeline's
speed includes the CRF it reads). Combinations: span union either way round, agreement.

    /work/venv-dev/bin/python training/ner/combine.py /tmp/sp_feat
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import data  # noqa: E402
from warta.nlp.conll import score, spans  # noqa: E402
from warta.nlp.ner import tag_words  # noqa: E402
from spacy_features import annotate, bio_tags  # noqa: E402
from compare import bootstrap_wins  # noqa: E402


def to_bio(n: int, sp: set) -> list[str]:
    tags = ["O"] * n
    for s, e, lab in sorted(sp):
        tags[s] = "B-" + lab
        for i in range(s + 1, e):
            tags[i] = "I-" + lab
    return tags


def union(a: set, b: set) -> set:
    """a's spans plus b's spans that overlap none of a's."""
    taken = {i for s, e, _ in a for i in range(s, e)}
    return a | {x for x in b if not taken.intersection(range(x[0], x[1]))}


def main() -> None:
    run = Path(sys.argv[1])
    nlp = spacy.load(run / "pipeline")
    res_path = run / "resources.json"
    res = json.loads(res_path.read_text("utf-8")) if res_path.exists() else None
    ner = nlp.get_pipe("ner")

    stacked = "DEP" in nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"]["attrs"]

    def sp_tag(words: list[str]) -> list[str]:
        doc = Doc(nlp.vocab, words=words)
        if res:
            annotate(doc, res["clusters"], res["lexicon"], res["names"], tag_words(words) if stacked else None)
        return bio_tags(ner(doc))

    for name, n in (("idner-dev", "idner"), ("nergrit-valid", "nergrit")):
        sents = data.load(n, "dev")
        gold = [t for _, t in sents]
        words = sum(len(w) for w, _ in sents)
        t0 = time.perf_counter()
        crf = [tag_words(w) for w, _ in sents]
        t1 = time.perf_counter()
        sp = [sp_tag(w) for w, _ in sents]
        crf_wps, wps = words / (t1 - t0), words / (time.perf_counter() - t1)
        combos = {"crf": crf, "spacy": sp,
                  "spacy+crf": [to_bio(len(a), union(spans(a), spans(b))) for a, b in zip(sp, crf)],
                  "crf+spacy": [to_bio(len(a), union(spans(b), spans(a))) for a, b in zip(sp, crf)],
                  "agree": [to_bio(len(a), spans(a) & spans(b)) for a, b in zip(sp, crf)]}
        line = "  ".join(f"{k} {score(gold, v).prf()[2]:.3f}" for k, v in combos.items())
        line += f"  (agree > crf in {bootstrap_wins(gold, combos['agree'], crf):.0%} of bootstrap resamples)"
        print(f"{name}: {line}  spacy{' (incl. CRF)' if stacked else ''} {wps:,.0f} words/s, CRF {crf_wps:,.0f} words/s", flush=True)


if __name__ == "__main__":
    main()
