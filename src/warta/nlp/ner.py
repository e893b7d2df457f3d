"""The shipped NER tagger: a CRF (python-crfsuite) over features from nlp/features.py.

The model is loaded lazily, once per process. A missing or corrupt model file raises
ModelError with the command that rebuilds it.
"""
from __future__ import annotations

import functools
import hashlib
import json
import lzma
import os
import tempfile
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

from ..errors import ModelError
from .conll import spans
from .crf_fast import FastTagger
from .domain import DomainModel
from .features import SpanLexicon, all_features
from .tokens import Token, sentences, tokenize

MODEL_NAME = "crf.model"
PACKED_NAME = "crf.model.xz"
REBUILD = "rebuild it with `python training/ner/train.py` (needs ../shared/data/ner)"
MAX_TOKENS = 250          # longer "sentences" (lists, unpunctuated text) are tagged in chunks


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    label: str
    tokens: tuple[Token, ...]


def resource_dir() -> Path:
    return Path(str(resources.files("warta.resources.ner")))


def model_path() -> Path:
    """The crfsuite model file: the package's own when unpacked (right after a training
    run), else the shipped ``crf.model.xz`` (a third of the size) unpacked once into the
    user's cache, since crfsuite opens models by path."""
    plain = resource_dir() / MODEL_NAME
    return plain if plain.exists() else _unpacked(resource_dir() / PACKED_NAME)


def lex_path() -> Path:
    return resource_dir() / "crf.lex.json"


def _unpacked(packed: Path) -> Path:
    try:
        data = packed.read_bytes()
    except OSError as e:
        raise ModelError(f"NER model file {resource_dir() / MODEL_NAME} (or {packed.name}) is missing; {REBUILD}") from e
    target = _cache_dir() / f"crf-{hashlib.sha256(data).hexdigest()[:16]}.model"
    if not target.exists():
        try:
            raw = lzma.decompress(data)
        except lzma.LZMAError as e:
            raise ModelError(f"NER model {packed} is corrupt ({e}); {REBUILD}") from e
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(raw)
        os.replace(tmp, target)            # atomic: parallel workers never read half a file
    return target


def _cache_dir() -> Path:
    """$WARTA_CACHE_DIR, else ~/.cache/warta, else a per-user folder in the temp dir."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warta"
    candidates = [Path(os.environ["WARTA_CACHE_DIR"])] if os.environ.get("WARTA_CACHE_DIR") else []
    candidates += [home, Path(tempfile.gettempdir()) / f"warta-{os.getuid() if hasattr(os, 'getuid') else 'user'}"]
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            continue
    raise ModelError(f"no writable cache folder to unpack the NER model into (tried {', '.join(map(str, candidates))}); "
                     "set WARTA_CACHE_DIR")


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
        lex = json.loads(lex_path().read_text("utf-8"))
    except OSError as e:
        raise ModelError(f"NER model file {e.filename} is missing; {REBUILD}") from e
    except ValueError as e:
        raise ModelError(f"NER model file {lex_path()} is corrupt ({e}); {REBUILD}") from e
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


@functools.cache
def fast_tagger() -> Optional[FastTagger]:
    """The numpy tagger over the shipped model, or None to tag with python-crfsuite: when
    WARTA_NER_CRFSUITE=1, or when it cannot read the model or disagrees with crfsuite on
    its probe sentences (a warning says why)."""
    if os.environ.get("WARTA_NER_CRFSUITE") == "1":
        return None
    from .crf import read_model
    model = load_model()
    try:
        fast = FastTagger(read_model(model_path()), model.clusters, model.lexicon, model.names,
                          model.spans, model.domain, model.domain_prefixes)
        problem = fast.check(model.tagger)
    except Exception as e:  # noqa: BLE001 - whatever goes wrong reading the file, crfsuite still can
        problem = f"{type(e).__name__}: {e}"
    if problem:
        warnings.warn(f"NER: tagging with python-crfsuite (slower): {problem}", stacklevel=2)
        return None
    return fast


def tag_words(words: Sequence[str]) -> list[str]:
    """BIO tags (PER/ORG/LOC) for one sentence of words."""
    return tag_sentences([words])[0]


def tag_sentences(sents: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for several sentences at once (faster than one by one)."""
    model = load_model()
    recased = [recase(words, model.lower) for words in sents]
    chunks, owner = [], []
    for k, words in enumerate(recased):
        for i in range(0, len(words), MAX_TOKENS):
            chunks.append(words[i:i + MAX_TOKENS])
            owner.append(k)
    fast = fast_tagger()
    if fast is not None:
        tagged = fast.tag(chunks, owner)          # the domain is guessed per sentence, as below
    else:
        domains = [model.domain.guess(words) if model.domain else None for words in recased]
        tagged = [model.tagger.tag(model_features(model, c, domains[k])) for c, k in zip(chunks, owner)]
    out: list[list[str]] = [[] for _ in sents]
    for k, tags in zip(owner, tagged):
        out[k] += tags
    return out


def model_features(model: Model, words: Sequence[str], domain: Optional[str]) -> list[list[str]]:
    """The features the model was trained on: the base set, then its optional extras."""
    return all_features(words, model.clusters, model.lexicon, model.names, model.spans, domain, model.domain_prefixes)


def recase(words: Sequence[str], lower: frozenset[str]) -> Sequence[str]:
    """Headline Title Case and ALL CAPS sentences hide which words are names: write the
    words usually seen in lower case in lower case (and, for ALL CAPS, the rest Capitalised)."""
    firsts = [w[0] for w in words if w.isalpha()]
    if len(firsts) < 4 or not lower:
        return words
    if len(firsts) - sum(map(str.islower, firsts)) < 0.8 * len(firsts):
        return words          # speed only: a word starting in lower case is neither Title nor CAPS
    alpha = [w for w in words if w.isalpha()]
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
    return tag_token_lists([tokens])[0]


def tag_token_lists(sents: Sequence[Sequence[Token]]) -> list[list[Mention]]:
    """Model mentions of each sentence of tokens, all tagged in one batch."""
    tagged = tag_sentences([[t.text for t in toks] for toks in sents])
    return [[Mention(toks[s].start, toks[e - 1].end, label, tuple(toks[s:e])) for s, e, label in sorted(spans(tags))]
            for toks, tags in zip(sents, tagged)]


def find_mentions(text: str) -> list[Mention]:
    """Model mentions in ``text``, sentence by sentence, offsets into ``text``."""
    tagged = tag_token_lists([tokenize(sent.text, sent.start) for sent in sentences(text)])   # one batch
    return [m for mentions in tagged for m in mentions]
