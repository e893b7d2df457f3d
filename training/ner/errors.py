"""Print a model's span errors on one validation set (for error analysis).

    python training/ner/errors.py MODEL {idner|nergrit|nerp} [N]

MODEL is a crfsuite file with its word resources beside it (MODEL minus .model + .lex.json),
tagged with the same features as the shipped tagger (nlp/ner.model_features).
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
from warta.nlp.ner import Model, model_features  # noqa: E402


def load(path: str) -> Model:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    lex = json.loads(Path(path).with_suffix(".lex.json").read_text("utf-8"))
    return Model(tagger, lex.get("clusters", {}), lex.get("lexicon", {}), lex.get("names", {}),
                 frozenset(lex.get("lower", ())), SpanLexicon(lex["spans"]) if lex.get("spans") else None,
                 DomainModel.from_json(lex.get("domain")), frozenset(lex.get("domain_prefixes", ())))


def main() -> None:
    model, name = load(sys.argv[1]), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    sets = train.validation_sets("truecase+relabel")
    sents = sets[{"idner": "idner-dev", "nergrit": "nergrit-valid", "nerp": "nerp-valid"}[name]]
    errors: Counter = Counter()
    for words, gold in sents:
        domain = model.domain.guess(words) if model.domain else None
        pred = model.tagger.tag(model_features(model, words, domain))
        g, p = spans(gold), spans(pred)
        for s, e, lab in p - g:
            errors[f"FP {lab} {' '.join(words[s:e])}  | gold: {[(' '.join(words[a:b]), l) for a, b, l in g if a < e and s < b]}"] += 1
        for s, e, lab in g - p:
            if not any(a < e and s < b for a, b, _ in p):
                errors[f"FN {lab} {' '.join(words[s:e])}"] += 1
    for err, c in errors.most_common(n):
        print(c, err)


if __name__ == "__main__":
    main()
