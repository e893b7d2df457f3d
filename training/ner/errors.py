"""Print a model's span errors on one validation set (for error analysis).

    python training/ner/errors.py MODEL {idner|nergrit|nerp} [N]
    python training/ner/errors.py MODEL {idner|nergrit|nerp} --summary

MODEL is a crfsuite file with its word resources beside it (MODEL minus .model + .lex.json),
tagged with the same features as the shipped tagger (nlp/ner.model_features).
``--summary`` counts the errors by kind and gold/predicted type: boundary (overlapping
span, same type), type (same span, other type), type+boundary, missed (no overlapping
prediction), spurious (no overlapping gold span).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import pycrfsuite  # noqa: E402

import train  # noqa: E402
from warta.nlp.conll import spans  # noqa: E402
from warta.nlp.domain import DomainModel  # noqa: E402
from warta.nlp.features import SpanLexicon  # noqa: E402
from warta.nlp.ner import Model, lex_path as ner_lex_path, model_features  # noqa: E402


def load(path: str) -> Model:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    beside = Path(path).with_suffix(".lex.json")   # a trained model's own; the shipped one's otherwise
    lex = json.loads((beside if beside.exists() else ner_lex_path()).read_text("utf-8"))
    return Model(tagger, lex.get("clusters", {}), lex.get("lexicon", {}), lex.get("names", {}),
                 frozenset(lex.get("lower", ())), SpanLexicon(lex["spans"]) if lex.get("spans") else None,
                 DomainModel.from_json(lex.get("domain")), frozenset(lex.get("domain_prefixes", ())))


def tagged(model: Model, name: str) -> list[tuple[list[str], list[str], list[str]]]:
    """(words, gold tags, predicted tags) for each sentence of a validation set."""
    sents = train.validation_sets("truecase+relabel")[{"idner": "idner-dev", "nergrit": "nergrit-valid",
                                                         "nerp": "nerp-valid"}[name]]
    out = []
    for words, gold in sents:
        domain = model.domain.guess(words) if model.domain else None
        out.append((words, gold, model.tagger.tag(model_features(model, words, domain))))
    return out


def error_kinds(gold: set, pred: set) -> list[tuple[str, str]]:
    """(kind, "gold>pred" types) for each error of one sentence."""
    out = []
    for s, e, lab in pred - gold:
        over = [(a, b, g) for a, b, g in gold if a < e and s < b]
        if not over:
            out.append(("spurious", f"O>{lab}"))
        elif any((a, b) == (s, e) for a, b, _ in over):
            out.append(("type", f"{over[0][2]}>{lab}"))
        elif any(g == lab for _, _, g in over):
            out.append(("boundary", f"{lab}>{lab}"))
        else:
            out.append(("type+boundary", f"{over[0][2]}>{lab}"))
    out += [("missed", f"{lab}>O") for s, e, lab in gold - pred if not any(a < e and s < b for a, b, _ in pred)]
    return out


def summary(rows: list) -> None:
    kinds: Counter = Counter()
    for _, gold, pred in rows:
        kinds.update(error_kinds(spans(gold), spans(pred)))
    total = sum(kinds.values())
    print(f"{total} errors ({sum(len(spans(g)) for _, g, _ in rows)} gold spans)")
    for kind in ("missed", "spurious", "boundary", "type", "type+boundary"):
        got = {t: c for (k, t), c in kinds.items() if k == kind}
        print(f"{kind:14} {sum(got.values()):4}  " + "  ".join(f"{t} {c}" for t, c in sorted(got.items(), key=lambda x: -x[1])))


def listing(rows: list, n: int) -> None:
    errors: Counter = Counter()
    for words, gold, pred in rows:
        g, p = spans(gold), spans(pred)
        for s, e, lab in p - g:
            errors[f"FP {lab} {' '.join(words[s:e])}  | gold: {[(' '.join(words[a:b]), l) for a, b, l in g if a < e and s < b]}"] += 1
        for s, e, lab in g - p:
            if not any(a < e and s < b for a, b, _ in p):
                errors[f"FN {lab} {' '.join(words[s:e])}"] += 1
    for err, c in errors.most_common(n):
        print(c, err)


def main() -> None:
    rows = tagged(load(sys.argv[1]), sys.argv[2])
    if len(sys.argv) > 3 and sys.argv[3] == "--summary":
        summary(rows)
    else:
        listing(rows, int(sys.argv[3]) if len(sys.argv) > 3 else 40)


if __name__ == "__main__":
    main()
