"""The fast per-word-cached CRF features must equal, string for string and in order, the
original straightforward implementation the shipped model was trained on (kept here)."""
import json
from pathlib import Path
from typing import Optional, Sequence

from warta.nlp import ner
from warta.nlp.features import _token_feats, gazetteer, sentence_features, shape
from warta.nlp.kb import norm

DEV = Path(__file__).resolve().parents[1] / "data" / "events_dev.jsonl"


def reference_features(words: Sequence[str], clusters: Optional[dict] = None,
                       lexicon: Optional[dict] = None, names: Optional[dict] = None) -> list[list[str]]:
    lowers = [norm(w) or w.lower() for w in words]
    gaz = gazetteer().tag(lowers)
    clusters, lexicon, names = clusters or {}, lexicon or {}, names or {}
    base = [_token_feats(w, l) for w, l in zip(words, lowers)]
    caps = ["C" if w[:1].isupper() else "l" if w[:1].islower() else "o" for w in words]
    n = len(words)
    out = []
    for i in range(n):
        f = ["b", *base[i]]
        if gaz[i]:
            f.append("gz=" + gaz[i])
        c = clusters.get(lowers[i])
        if c:
            f += ["c1=" + c[:1], "c2=" + c[:2], "c=" + c]
        lx = lexicon.get(lowers[i])
        if lx:
            f.append("lx=" + lx)
        nx = names.get(lowers[i])
        if nx:
            f.append("nx=" + nx)
            if i + 1 < n and names.get(lowers[i + 1]):
                f.append("nx+=" + names[lowers[i + 1]])
        if i == 0:
            f.append("BOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}w=" + lowers[j])
                f.append(f"{d}cap=" + caps[j])
                if gaz[j]:
                    f.append(f"{d}gz=" + gaz[j])
                if d in (-1, 1):
                    f.append(f"{d}sh=" + shape(words[j]))
                    cj = clusters.get(lowers[j])
                    if cj:
                        f.append(f"{d}c=" + cj)
                    lj = lexicon.get(lowers[j])
                    if lj:
                        f.append(f"{d}lx=" + lj)
        f.append("cc=" + "".join(caps[max(0, i - 1):i + 2]))
        f.append("bg-=" + (lowers[i - 1] if i else "<s>") + "|" + lowers[i])
        f.append("bg+=" + lowers[i] + "|" + (lowers[i + 1] if i + 1 < n else "</s>"))
        out.append(f)
    return out


def _sentences() -> list[list[str]]:
    texts = [json.loads(l)["text"] for l in DEV.read_text("utf-8").splitlines() if l.strip()]
    odd = ["", "ÉCOLE Türk d'Arc 3/4/2024 --- “Kata” 'x' KPK-RI", "A", "PRESIDEN JOKO WIDODO DI JAKARTA"]
    return [t.split() for t in texts + odd]


def test_fast_features_equal_reference_with_model_resources():
    m = ner.load_model()
    for words in _sentences():
        words = ner.recase(words, m.lower)
        assert sentence_features(words, m.clusters, m.lexicon, m.names) == \
            reference_features(words, m.clusters, m.lexicon, m.names), words


def test_fast_features_equal_reference_without_resources():
    for words in _sentences()[:60]:
        assert sentence_features(words) == reference_features(words)


def reference_extras(words: Sequence[str], feats: list[list[str]], spans: dict, domain: Optional[str],
                     prefixes: frozenset) -> list[list[str]]:
    """Plain version of the model's optional extras: multi-word training names (longest
    match, "sx=" for the token and its neighbours), then domain-conjoined copies."""
    lowers = [norm(w) or w.lower() for w in words]
    tags: list[Optional[str]] = [None] * len(words)
    i = 0
    while i < len(words):
        for n in range(min(6, len(words) - i), 1, -1):
            label = spans.get("|".join(lowers[i:i + n]))
            if label:
                tags[i:i + n] = ["B-" + label] + ["I-" + label] * (n - 1)
                i += n - 1
                break
        i += 1
    out = []
    for i, f in enumerate(feats):
        f = list(f)
        for name, j in (("sx=", i), ("-1sx=", i - 1), ("1sx=", i + 1)):
            if 0 <= j < len(words) and tags[j]:
                f.append(name + tags[j])
        if domain:
            f += [domain + ":" + x for x in f if not prefixes or x.split("=", 1)[0] in prefixes]
        out.append(f)
    return out


def test_model_features_equal_reference_with_extras():
    m = ner.load_model()
    spans = {"|".join(k): v for k, v in m.spans.entries.items()} if m.spans else {}
    for words in _sentences():
        words = ner.recase(words, m.lower)
        domain = m.domain.guess(words) if m.domain else None
        ref = reference_extras(words, reference_features(words, m.clusters, m.lexicon, m.names), spans, domain,
                               m.domain_prefixes)
        assert ner.model_features(m, words, domain) == ref, words
