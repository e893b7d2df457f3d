"""Train the shipped CRF NER model from ../shared/data/ner, reproducibly.

    /work/venv-dev/bin/python training/ner/train.py            # rebuild the shipped model
    ... train.py --sets idner,nergrit --out /tmp/x.model       # an experiment

Writes resources/ner/crf.model.xz (the crfsuite model, xz-packed: warta unpacks it once
into a cache), crf.lex.json (word resources, multi-word training names, the domain guess)
and crf.json (data file hashes, settings, validation scores on the held-out parts: idner
dev, NERGrit valid, NERP valid); with --out or --tune, a plain crfsuite file at --out. L-BFGS training is deterministic
given the data order, which is fixed here. NERP (true-cased, KB organisations relabelled)
is trained on with its own domain copy of the features ("p:"), which is removed from the
model afterwards (prune.py): no text is tagged in NERP's domain.

    ... train.py --tune [--tune-fold K] ...                    # tune on the train sets only

--tune trains on four fifths of idner and NERGrit train (blocks of 20 sentences) and scores
the held-out fifth, so settings are chosen without looking at the validation parts.
"""
from __future__ import annotations

import argparse
import json
import lzma
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import pycrfsuite  # noqa: E402

import data  # noqa: E402
import lexical  # noqa: E402
import prune  # noqa: E402
from warta.nlp.conll import score  # noqa: E402
from warta.nlp.domain import DomainModel  # noqa: E402
from warta.nlp.features import SpanLexicon, domain_features, sentence_features, span_lexicon_features  # noqa: E402

OUT = ROOT / "src" / "warta" / "resources" / "ner" / "crf.model"


TUNE = False          # --tune: train on data.fit_part, validate on data.tune_part of each train set


def load_train(name: str) -> list[data.Sentence]:
    sents = data.load(name, "train")
    return data.fit_part(sents) if TUNE and name != "nerp" else sents


CLEAN = ""              # --clean: label-convention cleanup of the cased training sets (data.clean_labels)


def training_sentences(sets: list[str], nerp_mode: str) -> list[data.Sentence]:
    cased = load_train("idner") + load_train("nergrit")
    out = [s for name in sets if name != "nerp" for s in data.clean_labels(load_train(name), CLEAN)]
    if "nerp" in sets:
        out += prepare_nerp(data.load("nerp", "train"), nerp_mode, cased)
    return out


def training_set_names(sets: list[str]) -> list[str]:
    """The set each sentence of ``training_sentences(sets)`` comes from, in its order."""
    names = [name for name in sets if name != "nerp"] + (["nerp"] if "nerp" in sets else [])
    return [name for name in names for _ in (load_train(name) if name != "nerp" else data.load("nerp", "train"))]


def prepare_nerp(sents: list[data.Sentence], mode: str, cased: list[data.Sentence]) -> list[data.Sentence]:
    if "relabel" in mode:       # "kbcase": not one-word KB names mostly written in lower case ("antara")
        common = frozenset(w for w, f in data.TrueCaser(cased).best.items() if f.islower()) if "kbcase" in mode else frozenset()
        sents = [data.relabel_kb_orgs(s, common) for s in sents]
    if "truecase" in mode:
        caser = data.TrueCaser(cased)
        sents = [caser.sentence(s) for s in sents]
    return sents


DOMAIN_OF = {"idner": "n", "nergrit": "w", "nerp": "p"}   # news-like / encyclopedic-like
DOMAIN = "none"         # --domain: none | oracle (the set's own domain: an upper bound) | predicted
GUESS: DomainModel | None = None
DOMAIN_PREFIXES: frozenset[str] = frozenset()     # --domain-prefixes: which features get copies (all if empty)


def training_domains(sets: list[str]) -> list[str]:
    return [DOMAIN_OF[name] for name in training_set_names(sets)]


def features(words: list[str], clusters: dict, lex: dict, names: dict, domain: str,
             spans: SpanLexicon | None = None) -> list[list[str]]:
    f = span_lexicon_features(sentence_features(words, clusters, lex, names), words, spans)
    return domain_features(f, domain, DOMAIN_PREFIXES) if DOMAIN != "none" and domain else f


def domain_of(set_name: str, words: list[str]) -> str:
    if DOMAIN == "predicted" and GUESS is not None:
        return GUESS.guess(words)
    return DOMAIN_OF[set_name.split("-")[0]]


def domain_model() -> DomainModel:
    """Trained on the text of the two sets whose conventions differ (labels unused)."""
    text = {name: [w for w, _ in load_train(name)] for name in ("idner", "nergrit")}
    return DomainModel.from_json(lexical.build_domain_model(text["idner"], text["nergrit"],
                                                            (DOMAIN_OF["idner"], DOMAIN_OF["nergrit"])))


def validation_sets(nerp_mode: str) -> dict[str, list[data.Sentence]]:
    if TUNE:
        return {"idner-tune": data.tune_part(data.load("idner", "train")),
                "nergrit-tune": data.tune_part(data.load("nergrit", "train"))}
    cased = data.load("idner", "train") + data.load("nergrit", "train")
    return {"idner-dev": data.load("idner", "dev"), "nergrit-valid": data.load("nergrit", "dev"),
            "nerp-valid": prepare_nerp(data.load("nerp", "dev"), nerp_mode, cased)}


def train(sents: list[data.Sentence], out: Path, args: argparse.Namespace, clusters: dict, lexicons: list,
          names: list, spans: list) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    domains = training_domains(args.sets.split(","))
    for (words, tags), lex, nm, dom, sp in zip(sents, lexicons, names, domains, spans):
        trainer.append(features(words, clusters, lex, nm, dom, sp), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iters,
                        "feature.possible_transitions": True, "feature.minfreq": args.minfreq})
    trainer.train(str(out))


def drop_unused_domains(path: Path, sets: list[str]) -> list[str]:
    """Remove from the model the feature copies of training domains the tagger never
    guesses (NERP's "p:"): they shaped the other weights during training, but no text is
    tagged in that domain, so the tags stay the same and the file shrinks."""
    if DOMAIN != "predicted" or GUESS is None:
        return []
    unused = sorted({DOMAIN_OF[name] for name in sets} - {GUESS.first, GUESS.second})
    if unused:
        path.write_bytes(prune.prune(path.read_bytes(), prune.drop_prefixes(tuple(code + ":" for code in unused))))
    return unused


def evaluate(model: Path, sets: dict, clusters: dict, lexicon: dict, names: dict, spans: SpanLexicon | None) -> dict:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    results = {}
    for name, sents in sets.items():
        pred = [tagger.tag(features(w, clusters, lexicon, names, domain_of(name, w), spans)) for w, _ in sents]
        sc = score([t for _, t in sents], pred)
        results[name] = {lab or "micro": round(sc.prf(lab)[2], 4) for lab in sc.labels + [None]}
        print(f"== {name}\n{sc.table()}", flush=True)
    return results


def word_resources(sents: list[data.Sentence], use: set[str], text: list[list[str]],
                   own: list[bool]) -> tuple[dict, dict, list]:
    """Clusters (from ``text``), the full lexicon (for tagging) and per-sentence lexicons
    (for training): jackknifed for the sentences it is built from (``own``), the full one
    for the others."""
    clusters = lexical.build_clusters(text) if "clusters" in use else {}
    if "lexicon" not in use:
        return clusters, {}, [{}] * len(sents)
    base = [s for s, o in zip(sents, own) if o]
    return clusters, lexical.build_lexicon(base), per_sentence(lexical.jackknife(base), lexical.build_lexicon(base), own)


def per_sentence(folded: list, full, own: list[bool]) -> list:
    """``folded`` (one per own sentence, in order) for own sentences, ``full`` for the others."""
    it = iter(folded)
    return [next(it) if o else full for o in own]


def name_lexicons(args: argparse.Namespace, set_names: list[str]) -> tuple[dict, list[dict]]:
    """The name lexicon of the --names-from sets (for tagging) and per training sentence:
    jackknifed (5 folds of that set) where the sentence's own set feeds it, else the full one."""
    if not args.names_from:
        return {}, [{}] * len(set_names)
    sources = args.names_from.split(",")
    src = training_sentences(sources, args.nerp_mode)
    full = lexical.build_lexicon(src, min_count=1)
    own = [name in sources for name in set_names]
    if not any(own):
        return full, [full] * len(set_names)
    folds = [lexical.build_lexicon([s for i, s in enumerate(src) if i % 5 != f], min_count=1) for f in range(5)]
    return full, per_sentence([folds[i % 5] for i in range(sum(own))], full, own)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="idner,nergrit,nerp", help="training sets (NERP with its own domain copy \"p:\", dropped after training: see README, fourth round)")
    ap.add_argument("--nerp-mode", default="truecase+relabel+kbcase", help="raw | truecase | relabel | truecase+relabel (+kbcase: relabel skips one-word KB names mostly written in lower case)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.2)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--features", default="clusters,lexicon,spans", help="extra word resources: clusters, lexicon, spans (multi-word training names) ('' for none)")
    ap.add_argument("--cluster-sets", default="idner,nergrit,nerp", help="sets whose text (labels unused) feeds the word clusters; '' for --sets")
    ap.add_argument("--names-from", default="nerp", help="sets not trained on whose entity words feed a name lexicon (e.g. nerp)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--tune", action="store_true", help="train on 4/5 of each train set, score its held-out 1/5 (for tuning)")
    ap.add_argument("--tune-fold", type=int, default=0, help="which fifth of each train set --tune holds out (0-4)")
    ap.add_argument("--domain", default="predicted", help="domain-conjoined feature copies: none | oracle (each set's own domain also when scoring: an upper bound) | predicted (scored with the shipped domain guess)")
    ap.add_argument("--domain-prefixes", default="", help="comma list of feature names (before '=') that get domain copies; '' = all")
    ap.add_argument("--domain-map", default="idner=n,nergrit=w,nerp=p", help="set=domain code ('' = no copies)")
    ap.add_argument("--lexicon-sets", default="idner,nergrit", help="trained sets whose labels feed the word lexicon and multi-word names (jackknifed for their own sentences)")
    ap.add_argument("--clean", default="", help="label-convention cleanup of idner/NERGrit train: comma list of data.clean_labels steps ('' = none)")
    args = ap.parse_args()
    global TUNE, DOMAIN, GUESS, DOMAIN_PREFIXES, CLEAN
    CLEAN = args.clean
    DOMAIN_PREFIXES = frozenset(x for x in args.domain_prefixes.split(",") if x)
    TUNE, DOMAIN = args.tune, args.domain
    data.TUNE_FOLD = args.tune_fold
    DOMAIN_OF.update(kv.split("=") for kv in args.domain_map.split(","))

    GUESS = domain_model() if DOMAIN != "none" else None
    t0 = time.time()
    sents = training_sentences(args.sets.split(","), args.nerp_mode)
    text = [w for w, _ in training_sentences(args.cluster_sets.split(","), args.nerp_mode)] if args.cluster_sets else [w for w, _ in sents]
    set_names = training_set_names(args.sets.split(","))
    own = [name in args.lexicon_sets.split(",") for name in set_names]
    base = [s for s, o in zip(sents, own) if o]
    clusters, lexicon, lexicons = word_resources(sents, set(args.features.split(",")), text, own)
    lex_path = args.out.with_suffix(".lex.json")
    lower = lexical.common_lowercase([w for w, _ in base])
    names, name_train = name_lexicons(args, set_names)
    use_spans = "spans" in args.features.split(",")
    span_full = lexical.build_spans(base) if use_spans else {}
    fold_spans = [SpanLexicon(d) for d in lexical.fold_spans(base)] if use_spans else [None]
    span_train = per_sentence([fold_spans[i % len(fold_spans)] for i in range(len(base))],
                              SpanLexicon(span_full) if use_spans else None, own)
    lex_path.write_text(json.dumps({"clusters": clusters, "lexicon": lexicon, "names": names, "lower": lower,
                                    "spans": span_full, "domain": GUESS.to_json() if GUESS else None,
                                    "domain_prefixes": sorted(DOMAIN_PREFIXES)},
                                   ensure_ascii=False, sort_keys=True))
    train(sents, args.out, args, clusters, lexicons, name_train, span_train)
    dropped = drop_unused_domains(args.out, args.sets.split(","))
    print(f"trained on {len(sents)} sentences in {time.time() - t0:.0f}s -> {args.out}", flush=True)
    scores = evaluate(args.out, validation_sets(args.nerp_mode), clusters, lexicon, names,
                      SpanLexicon(span_full) if use_spans else None)
    meta = {"sets": args.sets, "nerp_mode": args.nerp_mode, "c1": args.c1, "c2": args.c2, "iters": args.iters,
            "minfreq": args.minfreq, "features": args.features, "cluster_sets": args.cluster_sets or args.sets, "names_from": args.names_from, "tune": args.tune, "tune_fold": args.tune_fold if args.tune else None, "domain": args.domain, "domain_map": args.domain_map, "domain_prefixes": args.domain_prefixes, "lexicon_sets": args.lexicon_sets, "clean": args.clean, "dropped_domains": dropped, "data_sha256": data.file_hashes(),
            "validation_f1": scores, "train_seconds": round(time.time() - t0)}
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n")
    if args.out == OUT and not args.tune:
        pack(args.out)


def pack(path: Path) -> None:
    """Ship the model xz-compressed (8 MB -> 2.4 MB; warta unpacks it once into a cache):
    writes crf.model.xz, deterministic for the same model bytes, and removes crf.model."""
    path.with_name(path.name + ".xz").write_bytes(lzma.compress(path.read_bytes(), preset=9))
    path.unlink()
    print(f"packed -> {path.name}.xz", flush=True)


if __name__ == "__main__":
    main()
