"""Token features for the CRF tagger, shared by training (training/ner) and tagging.

Each token gets binary string features: its lower-cased form, affixes, word shape and
casing, the same for its neighbours, gazetteer membership from the shipped KB (country,
capital, organisation, known person, title word) and word-cluster ids derived from the
training text. Lower-cased features dominate so that all-caps and lower-case text still
tag sensibly.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .kb import KB, load_kb, norm
from .tokens import tokenize

_SHAPE_RE = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))
MAX_GAZ = 6
BIGRAMS = True                     # word-pair features with each neighbour


@functools.lru_cache(maxsize=1 << 16)
def shape(word: str) -> str:
    """Compressed word shape: Jakarta -> Xx, KPK -> X, 2024 -> d, Al-Qaeda -> Xx-Xx."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


class Gazetteer:
    """Longest-match lookup of KB names over token sequences (case-insensitive)."""

    def __init__(self, kb: KB) -> None:
        self.entries: dict[tuple[str, ...], str] = {}
        self.first_words: dict[str, int] = {}          # first word -> longest entry length
        self._memo: dict[tuple[str, ...], tuple[Optional[str], ...]] = {}
        for key in kb.capitals:
            self._put(key, "CAP")
        for rec in kb.records.values():
            for name in rec.names:
                self._put(norm(name), {"GPE": "CTRY", "ORG": "ORG", "PER": "PER"}[rec.kind])
        names = {w for key in kb.by_name for w in key.split()}
        for cue in list(kb.role_cues) + list(kb.titles):
            if not names.intersection(cue.split()[1:]):   # "sekjen pbb" would hide the ORG
                self._put(cue, "TITLE")

    def _put(self, key: str, cat: str) -> None:
        words = tuple(key.split())
        if words and len(words) <= MAX_GAZ:
            self.entries.setdefault(words, cat)
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))

    def tag(self, lowers: Sequence[str]) -> list[Optional[str]]:
        """Per token: 'B-CAT' / 'I-CAT' for the longest KB match covering it, else None."""
        key = tuple(lowers)
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) > 256:    # the sentences of the article at hand (see forget)
                self._memo.clear()
            got = self._memo[key] = tuple(self._tag(key))
        return list(got)

    def forget(self) -> None:
        """Drop the tagging memo: called when a new document starts, so it never serves
        one document's sentences to another."""
        self._memo.clear()

    def _tag(self, lowers: Sequence[str]) -> list[Optional[str]]:
        out: list[Optional[str]] = [None] * len(lowers)
        firsts = self.first_words
        free = 0                             # the first token no match covers yet
        for i in [i for i, w in enumerate(lowers) if w in firsts]:   # only where an entry can start
            if i < free:
                continue
            for n in range(min(firsts[lowers[i]], len(lowers) - i), 0, -1):
                cat = self.entries.get(tuple(lowers[i:i + n]))
                if cat:
                    out[i] = "B-" + cat
                    for j in range(i + 1, i + n):
                        out[j] = "I-" + cat
                    free = i + n
                    break
        return out


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer(load_kb())


@functools.lru_cache(maxsize=1 << 16)
def _token_feats(word: str, low: str) -> tuple[str, ...]:
    f = ["w=" + low, "sh=" + shape(word), "p2=" + low[:2], "p3=" + low[:3], "s2=" + low[-2:],
         "s3=" + low[-3:], "s4=" + low[-4:]]
    if word[:1].isupper():
        f.append("title" if not word.isupper() or len(word) == 1 else "upper")
    if any(ch.isdigit() for ch in word):
        f.append("digit")
    if "-" in word:
        f.append("hyphen")
    return tuple(f)


@dataclass(frozen=True, slots=True)
class _Word:
    """Everything a sentence's features need from one word type, computed once."""
    low: str
    cap: str
    own: tuple[str, ...]           # "b" + base features (before the gazetteer feature)
    lex: tuple[str, ...]           # cluster, lexicon and names features (after it)
    nx: Optional[str]
    near: dict[int, tuple[str, ...]]   # offset -> word and capitalisation features
    side: dict[int, tuple[str, ...]]   # offset +-1 -> shape, cluster and lexicon features


def _word(word: str, clusters: dict[str, str], lexicon: dict[str, str], names: dict[str, str]) -> _Word:
    low = norm(word) or word.lower()
    cap = "C" if word[:1].isupper() else "l" if word[:1].islower() else "o"
    c, lx, nx = clusters.get(low), lexicon.get(low), names.get(low)
    lex = (["c1=" + c[:1], "c2=" + c[:2], "c=" + c] if c else []) + (["lx=" + lx] if lx else []) \
        + (["nx=" + nx] if nx else [])
    near = {d: (f"{d}w=" + low, f"{d}cap=" + cap) for d in (-2, -1, 1, 2)}
    side = {d: (f"{d}sh=" + shape(word),) + ((f"{d}c=" + c,) if c else ()) + ((f"{d}lx=" + lx,) if lx else ())
            for d in (-1, 1)}
    return _Word(low, cap, ("b", *_token_feats(word, low)), tuple(lex), nx, near, side)


_WORDS: dict[tuple[int, int, int], tuple[tuple[dict, dict, dict], dict[str, _Word]]] = {}
_MAX_WORDS = 1 << 17


def _word_table(clusters: dict, lexicon: dict, names: dict) -> dict[str, _Word]:
    """The per-word cache for one set of word resources (the model's, normally)."""
    key = (id(clusters), id(lexicon), id(names))
    entry = _WORDS.get(key)
    if entry is None or entry[0][0] is not clusters or entry[0][1] is not lexicon or entry[0][2] is not names:
        if len(_WORDS) > 8:
            _WORDS.clear()
        entry = _WORDS[key] = ((clusters, lexicon, names), {})
    if len(entry[1]) > _MAX_WORDS:
        entry[1].clear()
    return entry[1]


_EMPTY: dict[str, str] = {}


def sentence_features(words: Sequence[str], clusters: Optional[dict[str, str]] = None,
                      lexicon: Optional[dict[str, str]] = None,
                      names: Optional[dict[str, str]] = None) -> list[list[str]]:
    """CRF features for one sentence of words.

    ``clusters``: lower-cased word -> cluster path (e.g. "352"); ``lexicon``: lower-cased
    word -> the entity type it mostly bears in the training data; ``names``: the same from
    a set not trained on (NERP's names), so no jackknifing is needed. Everything that
    depends on one word only is cached per word type (tests keep the plain version to
    prove the strings and their order are unchanged: the model was trained on them).
    """
    clusters, lexicon, names = clusters or _EMPTY, lexicon or _EMPTY, names or _EMPTY
    table = _word_table(clusters, lexicon, names)
    info = []
    for w in words:
        wi = table.get(w)
        if wi is None:
            wi = table[w] = _word(w, clusters, lexicon, names)
        info.append(wi)
    lowers = [wi.low for wi in info]
    gaz = gazetteer().tag(lowers)
    n = len(words)
    out = []
    for i, wi in enumerate(info):
        f = list(wi.own)
        g = gaz[i]
        if g:
            f.append("gz=" + g)
        f += wi.lex
        if wi.nx and i + 1 < n and info[i + 1].nx:
            f.append("nx+=" + info[i + 1].nx)
        if i == 0:
            f.append("BOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                wj = info[j]
                f += wj.near[d]
                if gaz[j]:
                    f.append(f"{d}gz=" + gaz[j])
                if d == -1 or d == 1:
                    f += wj.side[d]
        f.append("cc=" + "".join(x.cap for x in info[max(0, i - 1):i + 2]))
        if BIGRAMS:
            f.append("bg-=" + (lowers[i - 1] if i else "<s>") + "|" + lowers[i])
            f.append("bg+=" + lowers[i] + "|" + (lowers[i + 1] if i + 1 < n else "</s>"))
        out.append(f)
    return out


def words_of(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


# --- domain-conjoined features (kept apart from sentence_features, which stays unchanged) ---

DOMAIN_PREFIXES = frozenset()      # empty: every feature gets a domain copy


def domain_features(feats: list[list[str]], domain: Optional[str],
                    prefixes: frozenset[str] = DOMAIN_PREFIXES) -> list[list[str]]:
    """Add a copy of each token's features conjoined with the text's domain ("news"-like
    or "encyclopedic"-like), so the model can learn where the training sets' labelling
    conventions differ (e.g. a country as modifier: O in idner, LOC in NERGrit) while the
    shared copy learns what they agree on. ``prefixes`` limits the copies to features
    whose name (before "=") is listed."""
    if not domain:
        return feats
    tag = domain + ":"
    if not prefixes:
        return [f + [tag + x for x in f] for f in feats]
    return [f + [tag + x for x in f if x.split("=", 1)[0] in prefixes] for f in feats]


# --- multi-word names seen in the training data (kept apart from sentence_features) ---

class SpanLexicon:
    """Longest-match lookup of multi-word entity names from the labelled training text
    ("liga|super|indonesia" -> ORG: normalised tokens joined by "|", since a normalised
    token may hold a space, "al-Sisi" -> "al sisi"), giving each covered token
    "sx=B-ORG" / "sx=I-ORG"."""

    def __init__(self, spans: dict[str, str], max_len: int = MAX_GAZ) -> None:
        keys = {tuple(k.split("|")): v for k, v in spans.items()}
        self.entries = {k: v for k, v in keys.items() if 1 < len(k) <= max_len}
        self.first_words: dict[str, int] = {}
        for key in self.entries:
            self.first_words[key[0]] = max(self.first_words.get(key[0], 0), len(key))

    def tag(self, lowers: Sequence[str]) -> list[Optional[str]]:
        out: list[Optional[str]] = [None] * len(lowers)
        firsts = self.first_words
        free = 0                             # the first token no match covers yet
        for i in [i for i, w in enumerate(lowers) if w in firsts]:   # only where an entry can start
            n = self._longest(lowers, i) if i >= free else 0
            if n:
                label = self.entries[tuple(lowers[i:i + n])]
                out[i:i + n] = ["B-" + label] + ["I-" + label] * (n - 1)
                free = i + n
        return out

    def _longest(self, lowers: Sequence[str], i: int) -> int:
        longest = self.first_words.get(lowers[i], 0)
        for n in range(min(longest, len(lowers) - i), 1, -1):
            if tuple(lowers[i:i + n]) in self.entries:
                return n
        return 0


def all_features(words: Sequence[str], clusters: dict[str, str], lexicon: dict[str, str], names: dict[str, str],
                 spans: Optional["SpanLexicon"] = None, domain: Optional[str] = None,
                 prefixes: frozenset[str] = DOMAIN_PREFIXES) -> list[list[str]]:
    """The base features, then the optional extras a model may use: span-lexicon features
    and domain copies (ner.model_features passes the shipped model's resources)."""
    feats = span_lexicon_features(sentence_features(words, clusters, lexicon, names), words, spans)
    return domain_features(feats, domain, prefixes)


def span_lexicon_features(feats: list[list[str]], words: Sequence[str], spans: Optional[SpanLexicon]) -> list[list[str]]:
    """Add "sx=" (own token) and "-1sx=" / "1sx=" (neighbours) span-lexicon features."""
    if spans is None or not spans.entries:
        return feats
    tags = spans.tag([norm(w) or w.lower() for w in words])
    if not any(tags):
        return feats
    out = []
    for i, f in enumerate(feats):            # new lists: the input may be cached
        extra = [p + tags[j] for p, j in (("sx=", i), ("-1sx=", i - 1), ("1sx=", i + 1))
                 if 0 <= j < len(tags) and tags[j]]
        out.append(f + extra if extra else f)
    return out
