"""Train the shipped CRF NER model from ../shared/data/ner, reproducibly.

    /work/venv-dev/bin/python training/ner/train.py            # rebuild the shipped model
    ... train.py --sets idner,nergrit --out /tmp/x.model       # an experiment

Writes resources/ner/crf.model and resources/ner/crf.json (data file hashes, settings,
validation scores on the held-out parts: idner dev, NERGrit valid, NERP valid).
L-BFGS training is deterministic given the data order, which is fixed here.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import pycrfsuite  # noqa: E402

import data  # noqa: E402
import lexical  # noqa: E402
from warta.nlp.conll import score  # noqa: E402
from warta.nlp.features import sentence_features  # noqa: E402

OUT = ROOT / "src" / "warta" / "resources" / "ner" / "crf.model"


def training_sentences(sets: list[str], nerp_mode: str) -> list[data.Sentence]:
    cased = data.load("idner", "train") + data.load("nergrit", "train")
    out = [s for name in sets if name != "nerp" for s in data.load(name, "train")]
    if "nerp" in sets:
        out += prepare_nerp(data.load("nerp", "train"), nerp_mode, cased)
    return out


def prepare_nerp(sents: list[data.Sentence], mode: str, cased: list[data.Sentence]) -> list[data.Sentence]:
    if "relabel" in mode:
        sents = [data.relabel_kb_orgs(s) for s in sents]
    if "truecase" in mode:
        caser = data.TrueCaser(cased)
        sents = [caser.sentence(s) for s in sents]
    return sents


def validation_sets(nerp_mode: str) -> dict[str, list[data.Sentence]]:
    cased = data.load("idner", "train") + data.load("nergrit", "train")
    return {"idner-dev": data.load("idner", "dev"), "nergrit-valid": data.load("nergrit", "dev"),
            "nerp-valid": prepare_nerp(data.load("nerp", "dev"), nerp_mode, cased)}


def train(sents: list[data.Sentence], out: Path, args: argparse.Namespace, clusters: dict, lexicons: list,
          names: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for (words, tags), lex in zip(sents, lexicons):
        trainer.append(sentence_features(words, clusters, lex, names), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iters,
                        "feature.possible_transitions": True, "feature.minfreq": args.minfreq})
    trainer.train(str(out))


def evaluate(model: Path, sets: dict, clusters: dict, lexicon: dict, names: dict) -> dict:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    results = {}
    for name, sents in sets.items():
        pred = [tagger.tag(sentence_features(w, clusters, lexicon, names)) for w, _ in sents]
        sc = score([t for _, t in sents], pred)
        results[name] = {lab or "micro": round(sc.prf(lab)[2], 4) for lab in sc.labels + [None]}
        print(f"== {name}\n{sc.table()}", flush=True)
    return results


def word_resources(sents: list[data.Sentence], use: set[str], text: list[list[str]]) -> tuple[dict, dict, list]:
    """Clusters (from ``text``), the full lexicon (for tagging) and per-sentence jackknifed
    lexicons (for training)."""
    clusters = lexical.build_clusters(text) if "clusters" in use else {}
    if "lexicon" not in use:
        return clusters, {}, [{}] * len(sents)
    return clusters, lexical.build_lexicon(sents), lexical.jackknife(sents)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="idner,nergrit", help="training sets (NERP measured to hurt idner dev: see README)")
    ap.add_argument("--nerp-mode", default="truecase+relabel", help="raw | truecase | relabel | truecase+relabel")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.2)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--features", default="clusters,lexicon", help="extra word resources: clusters, lexicon ('' for none)")
    ap.add_argument("--cluster-sets", default="idner,nergrit,nerp", help="sets whose text (labels unused) feeds the word clusters; '' for --sets")
    ap.add_argument("--names-from", default="nerp", help="sets not trained on whose entity words feed a name lexicon (e.g. nerp)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.time()
    sents = training_sentences(args.sets.split(","), args.nerp_mode)
    text = [w for w, _ in training_sentences(args.cluster_sets.split(","), args.nerp_mode)] if args.cluster_sets else [w for w, _ in sents]
    clusters, lexicon, lexicons = word_resources(sents, set(args.features.split(",")), text)
    lex_path = args.out.with_suffix(".lex.json")
    lower = lexical.common_lowercase([w for w, _ in sents])
    names = lexical.build_lexicon(training_sentences(args.names_from.split(","), args.nerp_mode), min_count=1) if args.names_from else {}
    lex_path.write_text(json.dumps({"clusters": clusters, "lexicon": lexicon, "names": names, "lower": lower},
                                   ensure_ascii=False, sort_keys=True))
    train(sents, args.out, args, clusters, lexicons, names)
    print(f"trained on {len(sents)} sentences in {time.time() - t0:.0f}s -> {args.out}", flush=True)
    scores = evaluate(args.out, validation_sets(args.nerp_mode), clusters, lexicon, names)
    meta = {"sets": args.sets, "nerp_mode": args.nerp_mode, "c1": args.c1, "c2": args.c2, "iters": args.iters,
            "minfreq": args.minfreq, "features": args.features, "cluster_sets": args.cluster_sets or args.sets, "names_from": args.names_from, "data_sha256": data.file_hashes(),
            "validation_f1": scores, "train_seconds": round(time.time() - t0)}
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n")


if __name__ == "__main__":
    main()
