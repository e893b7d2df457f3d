"""Jackknifed CRF tags for the training sentences (idner + NERGrit train, the order
spacy_train.py uses): each fifth is tagged by a CRF trained on the other four fifths
with the shipped CRF's settings, so a model stacked on the CRF's output learns from
tags as noisy as on unseen text.

    /work/venv-dev/bin/python training/ner/crf_folds.py /tmp/crf_folds.json
"""
from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import pycrfsuite  # noqa: E402

import data  # noqa: E402
import lexical  # noqa: E402
from train import train  # noqa: E402
from warta.nlp.features import sentence_features  # noqa: E402

FOLDS = 5
SETTINGS = Namespace(c1=0.05, c2=0.2, iters=200, minfreq=1)


def main() -> None:
    out = Path(sys.argv[1])
    sents = data.load("idner", "train") + data.load("nergrit", "train")
    text = [w for n in ("idner", "nergrit", "nerp") for w, _ in data.load(n, "train")]
    clusters = lexical.build_clusters(text)
    names = lexical.build_lexicon(data.load("nerp", "train"), min_count=1)
    tags: list = [None] * len(sents)
    for f in range(FOLDS):
        idx = [i for i in range(len(sents)) if i % FOLDS != f]
        part = [sents[i] for i in idx]
        model = out.with_suffix(f".fold{f}.model")
        train(part, model, SETTINGS, clusters, lexical.jackknife(part), names)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        lexicon = lexical.build_lexicon(part)
        for i in range(f, len(sents), FOLDS):
            tags[i] = tagger.tag(sentence_features(sents[i][0], clusters, lexicon, names))
        print(f"fold {f} done", flush=True)
    out.write_text(json.dumps(tags))


if __name__ == "__main__":
    main()
