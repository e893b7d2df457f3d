"""The shipped NER tagger: a CRF (python-crfsuite) over features from nlp/features.py.

The model is loaded lazily, once per process. A missing or corrupt model file raises
ModelError with the command that rebuilds it.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

from ..errors import ModelError
from .conll import spans
from .domain import DomainModel
from .features import SpanLexicon, domain_features, sentence_features, span_lexicon_features
from .tokens import Token, sentences, tokenize

MODEL_NAME = "crf.model"
REBUILD = "rebuild it with `python training/ner/train.py` (needs ../shared/data/ner)"
MAX_TOKENS = 250          # longer "sentences" (lists, unpunctuated text) are tagged in chunks


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    label: str
    tokens: tuple[Token, ...]


def model_path() -> Path:
    return Path(str(resources.files("warta.resources.ner").joinpath(MODEL_NAME)))


@dataclass(frozen=True, slots=True)
class Model:
    tagger: object                     # pycrfsuite.Tagger
    clusters: dict[str, str]
    lexicon: dict[str, str]
    names: dict[str, str]
    lower: frozenset[str]              # words usually written in lower case
    spans: Optional[SpanLexicon] = None      # multi-word training names (if the model uses them)
    domain: Optional[DomainModel] = None     # news/encyclopedic guess (if the model uses it)
    domain_prefixes: frozenset[str] = frozenset()   # features with domain copies (empty: all)


@functools.cache
def load_model() -> Model:
    """The shipped CRF and its word resources (loaded once per process)."""
    import pycrfsuite
    path = model_path()
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
        lex = json.loads(path.with_suffix(".lex.json").read_text("utf-8"))
    except OSError as e:
        raise ModelError(f"NER model file {e.filename} is missing; {REBUILD}") from e
    except ValueError as e:
        raise ModelError(f"NER model file {path.with_suffix('.lex.json')} is corrupt ({e}); {REBUILD}") from e
    if magic != b"lCRF":
        raise ModelError(f"NER model {path} is corrupt (not a crfsuite model); {REBUILD}")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except Exception as e:  # noqa: BLE001 - crfsuite reports corruption in several ways
        raise ModelError(f"NER model {path} cannot be loaded ({e}); {REBUILD}") from e
    return Model(tagger, lex.get("clusters", {}), lex.get("lexicon", {}), lex.get("names", {}),
                 frozenset(lex.get("lower", ())), SpanLexicon(lex["spans"]) if lex.get("spans") else None,
                 DomainModel.from_json(lex.get("domain")), frozenset(lex.get("domain_prefixes", ())))


def tag_words(words: Sequence[str]) -> list[str]:
    """BIO tags (PER/ORG/LOC) for one sentence of words."""
    if not words:
        return []
    model = load_model()
    words = recase(words, model.lower)
    domain = model.domain.guess(words) if model.domain else None
    out: list[str] = []
    for i in range(0, len(words), MAX_TOKENS):
        out += model.tagger.tag(model_features(model, words[i:i + MAX_TOKENS], domain))
    return out


def model_features(model: Model, words: Sequence[str], domain: Optional[str]) -> list[list[str]]:
    """The features the model was trained on: the base set, then its optional extras."""
    feats = sentence_features(words, model.clusters, model.lexicon, model.names)
    if model.spans is not None:
        feats = span_lexicon_features(feats, words, model.spans)
    return domain_features(feats, domain, model.domain_prefixes)


def recase(words: Sequence[str], lower: frozenset[str]) -> Sequence[str]:
    """Headline Title Case and ALL CAPS sentences hide which words are names: write the
    words usually seen in lower case in lower case (and, for ALL CAPS, the rest Capitalised)."""
    alpha = [w for w in words if w.isalpha()]
    if len(alpha) < 4 or not lower:
        return words
    caps = sum(w.isupper() and len(w) > 1 for w in alpha) >= 0.8 * len(alpha)
    if not caps and sum(w[0].isupper() for w in alpha) < 0.8 * len(alpha):
        return words
    out = []
    for w in words:
        if w.lower() in lower:
            out.append(w.lower())
        else:
            out.append(w.capitalize() if caps and w.isalpha() and len(w) > 4 else w)
    return out


def tag_tokens(tokens: Sequence[Token]) -> list[Mention]:
    tags = tag_words([t.text for t in tokens])
    return [Mention(tokens[s].start, tokens[e - 1].end, label, tuple(tokens[s:e]))
            for s, e, label in sorted(spans(tags))]


def find_mentions(text: str) -> list[Mention]:
    """Model mentions in ``text``, sentence by sentence, offsets into ``text``."""
    out: list[Mention] = []
    for sent in sentences(text):
        out += tag_tokens(tokenize(sent.text, sent.start))
    return out
