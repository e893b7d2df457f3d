"""The NER features as crfsuite attribute ids, for many sentences at once.

``features.sentence_features`` builds about forty strings per token, and python-crfsuite
then encodes and looks up every one. Here each word type's strings (from the same
``features._word``) are looked up once and kept as rows of attribute ids; a batch of
sentences becomes one (tokens, slots) id array by numpy indexing, the scores come from
``crf.state_scores`` and the tags from ``crf.viterbi``. The slots hold the ids in exactly
the order of the feature strings, unknown strings and empty slots being the zero row, so
the scores are those crfsuite computes. ``FastTagger.check`` proves it on probe sentences
when the tagger is built (a changed feature definition or model falls back to crfsuite),
and tests/nlp/test_crf_fast.py on the dev sentences.
"""
from __future__ import annotations

import threading
from itertools import accumulate, repeat
from typing import Optional, Sequence

import numpy as np

from .crf import CrfWeights, state_scores, viterbi
from .features import _word, gazetteer, sentence_features

# Slot widths of the per-word-type parts (see features._word): own base features, cluster/
# lexicon/names features, and per neighbour offset its word+case and its shape/cluster/lexicon.
OWN, LEX, NEAR, SIDE = 11, 5, 2, 3
_TYPE_COLS = {"own": (0, 11), "lex": (11, 16), -2: (16, 18), -1: (18, 20), "side-1": (20, 23),
              1: (23, 25), "side1": (25, 28), 2: (28, 30)}
_TYPE_WIDTH = 30
SLOTS = 40
_CAPS = "Clo"
MAX_TYPES = 1 << 17
# Every kind of feature string this module assembles (the part before "="). A model with
# any other kind was trained on features this module does not build: crfsuite must tag.
KINDS = frozenset("""
b w sh p2 p3 s2 s3 s4 title upper digit hyphen gz c1 c2 c lx nx nx+ BOS cc bg- bg+
-2w -2cap -2gz -1w -1cap -1gz -1sh -1c -1lx 1w 1cap 1gz 1sh 1c 1lx 2w 2cap 2gz
""".split())
PROBES = (
    "Presiden Joko Widodo bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta , Rabu ( 26/1 ) .",
    "KPK-RI memeriksa 20.000 dokumen milik PT Maju Jaya Tbk. pada 3/4/2024 pukul 14:52 WIB",
    "PRESIDEN PRABOWO SUBIANTO DI ISTANA MERDEKA",
    "“ Kami menolak , ” kata juru bicara Kemlu Amerika Serikat , Matthew Miller , kepada wartawan .",
    "ÉCOLE Türk d'Arc --- 'x' Sekjen PBB António Guterres , NATO dan Uni Eropa",
    "A",
)


class FastTagger:
    """BIO tags for sentences of words, equal to crfsuite's on the same features."""

    def __init__(self, weights: CrfWeights, clusters: dict, lexicon: dict, names: dict) -> None:
        unknown = {a.split("=", 1)[0] for a in weights.attributes} - KINDS
        if unknown:
            raise ValueError(f"the model has features this tagger does not build: {sorted(unknown)[:5]}")
        self.w, self.clusters, self.lexicon, self.names = weights, clusters, lexicon, names
        self._lock = threading.Lock()            # the word-type table grows as text comes in
        attrs, z = weights.attributes, weights.zero
        self._gz_codes: dict[Optional[str], int] = {None: 0}
        self._gz = [[z] * 5]                       # per gazetteer tag: own, -2, -1, 1, 2
        self._bos = attrs.get("BOS", z)
        self._cc = np.full((4, 3, 4), z, dtype=np.int32)   # prev (3: none), self, next (3: none)
        for p in range(4):
            for c in range(3):
                for n in range(4):
                    key = "cc=" + (_CAPS[p] if p < 3 else "") + _CAPS[c] + (_CAPS[n] if n < 3 else "")
                    self._cc[p, c, n] = attrs.get(key, z)
        self._minus, self._plus = self._bigram_ids()
        self._gz_array = np.array(self._gz, dtype=np.int32)
        self._reset_types()

    def _reset_types(self) -> None:
        """Forget the word types. Type 0 stands for "no word" (beyond a sentence's edge):
        all its attribute slots are the zero row."""
        self._types: dict[str, int] = {}
        self._lows: list[str] = [""]
        self._rows = np.full((1024, _TYPE_WIDTH), self.w.zero, dtype=np.int32)
        self._cap = np.zeros(1024, dtype=np.int8)
        self._nxp = np.full(1024, self.w.zero, dtype=np.int32)   # "nx+=" id of the word as the next one
        self._has_nx = np.zeros(1024, dtype=bool)

    def _add_type(self, word: str) -> int:
        wi = _word(word, self.clusters, self.lexicon, self.names)
        k = len(self._lows)
        if k == len(self._rows):
            grow = lambda a: np.concatenate((a, np.zeros((len(a),) + a.shape[1:], a.dtype)))  # noqa: E731
            self._rows, self._cap, self._nxp, self._has_nx = map(grow, (self._rows, self._cap, self._nxp, self._has_nx))
        row = self._rows[k]
        row[:] = self.w.zero
        for key, strings in (("own", wi.own), ("lex", wi.lex), (-2, wi.near[-2]), (-1, wi.near[-1]),
                             ("side-1", wi.side[-1]), (1, wi.near[1]), ("side1", wi.side[1]), (2, wi.near[2])):
            a, b = _TYPE_COLS[key]
            if len(strings) > b - a:
                raise ValueError(f"feature group {key} has {len(strings)} strings, more than {b - a}")
            row[a:a + len(strings)] = [self.w.attributes.get(s, self.w.zero) for s in strings]
        self._cap[k] = _CAPS.index(wi.cap)
        self._has_nx[k] = bool(wi.nx)
        self._nxp[k] = self.w.attributes.get("nx+=" + wi.nx, self.w.zero) if wi.nx else self.w.zero
        self._types[word] = k
        self._lows.append(wi.low)
        return k

    def _gz_code(self, tag: Optional[str]) -> int:
        code = self._gz_codes.get(tag)
        if code is None:
            attrs, z = self.w.attributes, self.w.zero
            code = self._gz_codes[tag] = len(self._gz)
            self._gz.append([attrs.get(p + tag, z) for p in ("gz=", "-2gz=", "-1gz=", "1gz=", "2gz=")])
            self._gz_array = np.array(self._gz, dtype=np.int32)
        return code

    def _bigram_ids(self) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
        """(left, right) word pair -> id of "bg-=left|right", and of "bg+=left|right". A word
        holds "|" only when it is "|" itself; pairs with it are looked up as strings."""
        minus: dict[tuple[str, str], int] = {}
        plus: dict[tuple[str, str], int] = {}
        for attr, i in self.w.attributes.items():
            if attr.startswith(("bg-=", "bg+=")) and attr.count("|") == 1:
                a, b = attr[4:].split("|")
                (plus if attr[2] == "+" else minus)[(a, b)] = i
        return minus, plus

    def _bigrams(self, prev: list[str], low: list[str], nxt: list[str]) -> tuple[list[int], list[int]]:
        """Per token: the id of its "bg-=prev|low" and of its "bg+=low|next" attribute."""
        z = self.w.zero
        if "|" not in low:
            return (list(map(self._minus.get, zip(prev, low), repeat(z))),
                    list(map(self._plus.get, zip(low, nxt), repeat(z))))
        attrs = self.w.attributes
        return ([attrs.get(f"bg-={a}|{b}", z) for a, b in zip(prev, low)],
                [attrs.get(f"bg+={a}|{b}", z) for a, b in zip(low, nxt)])

    def attribute_ids(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens, SLOTS) attribute ids of all the sentences' tokens, one after the other."""
        with self._lock:
            return self._attribute_ids(sents)

    def _attribute_ids(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        if len(self._types) >= MAX_TYPES:
            self._reset_types()
        flat = [w for words in sents for w in words]
        tids = list(map(self._types.get, flat))
        if None in tids:
            tids = [self._types[w] if w in self._types else self._add_type(w) for w in flat]
        low = list(map(self._lows.__getitem__, tids))
        lens = [len(words) for words in sents]
        starts = list(accumulate(lens, initial=0))[:-1]
        gaz, tags = gazetteer(), []
        for k, n in zip(starts, lens):
            tags += gaz.tag(low[k:k + n])
        gzc = list(map(self._gz_codes.get, tags))
        if None in gzc:
            gzc = [self._gz_code(g) for g in tags]
        prev, nxt = ["<s>", *low[:-1]], [*low[1:], "</s>"]
        for k, n in zip(starts, lens):
            prev[k] = "<s>"
            nxt[k + n - 1] = "</s>"
        bgm, bgp = self._bigrams(prev, low, nxt)
        size = np.array(lens, dtype=np.intp)
        slen = np.repeat(size, size)
        pos = np.arange(len(tids)) - np.repeat(np.array(starts, dtype=np.intp), size)
        return self._assemble(np.array(tids, dtype=np.intp), np.array(gzc, dtype=np.intp), bgm, bgp, pos, slen)

    def _assemble(self, tid, gzc, bgm, bgp, pos, slen) -> np.ndarray:
        z, rows, gz = self.w.zero, self._rows, self._gz_array
        out = np.empty((len(tid), SLOTS), dtype=np.int32)
        out[:, 0:11] = rows[tid, 0:11]
        out[:, 11] = gz[gzc, 0]
        out[:, 12:17] = rows[tid, 11:16]
        nxt = np.where(pos + 1 < slen, np.roll(tid, -1), 0)          # type 0: no next word
        out[:, 17] = np.where(self._has_nx[tid] & self._has_nx[nxt], self._nxp[nxt], z)
        out[:, 18] = np.where(pos == 0, self._bos, z)
        col = 19
        for d, gcol in ((-2, 1), (-1, 2), (1, 3), (2, 4)):
            ok = (pos + d >= 0) & (pos + d < slen)
            nb, nb_gz = np.where(ok, np.roll(tid, -d), 0), np.where(ok, np.roll(gzc, -d), 0)
            a, b = _TYPE_COLS[d]
            out[:, col:col + 2] = rows[nb, a:b]
            out[:, col + 2] = gz[nb_gz, gcol]                        # code 0: no gazetteer tag
            col += 3
            if d in (-1, 1):
                sa, sb = _TYPE_COLS[f"side{d}"]
                out[:, col:col + 3] = rows[nb, sa:sb]
                col += 3
        cap = self._cap[tid]
        prev_cap = np.where(pos > 0, np.roll(cap, 1), 3)
        next_cap = np.where(pos + 1 < slen, np.roll(cap, -1), 3)
        out[:, 37] = self._cc[prev_cap, cap, next_cap]
        out[:, 38] = bgm
        out[:, 39] = bgp
        return out

    def tag(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence (none may be empty)."""
        if not sents:
            return []
        scores = state_scores(self.w, self.attribute_ids(sents))
        return viterbi(self.w, scores, [len(s) for s in sents])

    def check(self, tagger: object, sentences: Sequence[Sequence[str]] = ()) -> Optional[str]:
        """Why this tagger differs from crfsuite on the probe sentences (None: it does not)."""
        sents = [s.split() for s in PROBES] + [list(s) for s in sentences]
        ids = self.attribute_ids(sents)
        row = 0
        for words in sents:
            for feats in sentence_features(words, self.clusters, self.lexicon, self.names):
                want = [self.w.attributes[f] for f in feats if f in self.w.attributes]
                got = [a for a in ids[row].tolist() if a != self.w.zero]
                if got != want:
                    return f"attribute ids differ from the feature strings at {words}"
                row += 1
        for words, tags in zip(sents, self.tag(sents)):
            if tags != tagger.tag(sentence_features(words, self.clusters, self.lexicon, self.names)):
                return f"tags differ from crfsuite's on {words}"
        return None
