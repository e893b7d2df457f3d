"""Train a spaCy NER pipeline from scratch on CPU (tok2vec CNN + transition-based NER), reproducibly.

    /work/venv-dev/bin/python training/ner/spacy_train.py --out /tmp/sp1       # an experiment

Word resources of the CRF (clusters, jackknifed training lexicon, NERP name lexicon, KB
gazetteer) can be fed to the hash embedding as extra token attributes (--features):
LEMMA carries the cluster code, TAG the lexicon labels, MORPH the gazetteer category.
Seeds are fixed (spaCy/thinc/numpy and the shuffling), so a rerun gives the same model.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import fix_random_seed, minibatch  # noqa: E402

import data  # noqa: E402
import lexical  # noqa: E402
from warta.nlp.conll import score  # noqa: E402
from spacy_features import annotate, bio_tags  # noqa: E402

SEED = 7
ATTRS = ["LEMMA", "TAG", "MORPH", "DEP"]


def ner_config(args: argparse.Namespace) -> dict:
    attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"] + (["LEMMA", "TAG", "MORPH"] if args.features else [])
    attrs += ["DEP"] if args.crf_folds else []
    rows = [args.rows] * 4 + [args.rows // 2] * (len(attrs) - 4)
    tok2vec = {"@architectures": "spacy.Tok2Vec.v2",
               "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": args.width, "attrs": attrs,
                         "rows": rows, "include_static_vectors": False},
               "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": args.width,
                          "depth": args.depth, "window_size": 1, "maxout_pieces": 3}}
    return {"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                      "extra_state_tokens": False, "hidden_width": args.hidden, "maxout_pieces": 2,
                      "use_upper": True, "tok2vec": tok2vec}}


def make_docs(nlp, sents: list, resources: dict | None, lexicons: list | None, crf: list | None) -> list[Doc]:
    docs = []
    for k, (words, tags) in enumerate(sents):
        doc = Doc(nlp.vocab, words=words, ents=tags)
        if resources is not None:
            lex = lexicons[k] if lexicons else resources["lexicon"]
            annotate(doc, resources["clusters"], lex, resources["names"], crf[k] if crf else None)
        docs.append(doc)
    return docs


def shipped_crf_tags(sents: list) -> list[list[str]]:
    """The shipped CRF's tags (validation: it never saw these sentences)."""
    from warta.nlp.features import sentence_features
    from warta.nlp.ner import load_model
    m = load_model()
    return [m.tagger.tag(sentence_features(w, m.clusters, m.lexicon, m.names)) for w, _ in sents]


def bare(nlp, doc: Doc) -> Doc:
    """``doc``'s words and token attributes without its entities."""
    return Doc(nlp.vocab, words=[t.text for t in doc]).from_array(ATTRS, doc.to_array(ATTRS))


def evaluate(nlp, sets: dict) -> dict:
    out = {}
    for name, (docs, gold) in sets.items():
        pred = [bio_tags(nlp.get_pipe("ner")(bare(nlp, d))) for d in docs]
        out[name] = round(score(gold, pred).prf()[2], 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="idner,nergrit")
    ap.add_argument("--features", action="store_true", help="feed clusters / lexicons / gazetteer as token attributes")
    ap.add_argument("--crf-folds", type=Path, help="jackknifed CRF tags (crf_folds.py) fed as a token attribute")
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    t0 = time.time()
    fix_random_seed(args.seed)
    sents = [s for name in args.sets.split(",") for s in data.load(name, "train")]
    resources, lexicons = None, None
    if args.features:
        text = [w for n in ("idner", "nergrit", "nerp") for w, _ in data.load(n, "train")]
        resources = {"clusters": lexical.build_clusters(text), "lexicon": lexical.build_lexicon(sents),
                     "names": lexical.build_lexicon(data.load("nerp", "train"), min_count=1)}
        lexicons = lexical.jackknife(sents)
    nlp = spacy.blank("id")
    nlp.add_pipe("ner", config=ner_config(args))
    crf = json.loads(args.crf_folds.read_text()) if args.crf_folds else None
    train_docs = make_docs(nlp, sents, resources, lexicons, crf)
    examples = [Example(bare(nlp, d), d) for d in train_docs]
    val = {name: data.load(n, "dev") for name, n in (("idner-dev", "idner"), ("nergrit-valid", "nergrit"))}
    val_sets = {name: (make_docs(nlp, s, resources, None, shipped_crf_tags(s) if crf else None), [t for _, t in s])
                for name, s in val.items()}
    optimizer = nlp.initialize(lambda: examples, sgd=None)
    rng = random.Random(args.seed)
    history = []
    for epoch in range(args.epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        scores = evaluate(nlp, val_sets)
        history.append({"epoch": epoch + 1, "loss": round(float(losses["ner"]), 1), **scores})
        print(history[-1], f"{time.time() - t0:.0f}s", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out / "pipeline")
    if resources:
        (args.out / "resources.json").write_text(json.dumps(resources, ensure_ascii=False, sort_keys=True))
    meta = {**{k: str(v) for k, v in vars(args).items()}, "data_sha256": data.file_hashes(),
            "history": history, "train_seconds": round(time.time() - t0), "spacy": spacy.__version__}
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")


if __name__ == "__main__":
    main()
