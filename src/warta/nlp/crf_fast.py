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
        self.w, self.clusters, self.lexicon, self.names = weights, clusters, lexicon, names
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
        self._pairs = self._bigram_ids()
        self._no_pair = (z, z)
        self._reset_types()

    def _reset_types(self) -> None:
        self._types: dict[str, int] = {}
        self._lows: list[str] = []
        self._rows = np.zeros((1024, _TYPE_WIDTH), dtype=np.int32)
        self._cap = np.zeros(1024, dtype=np.int8)
        self._nxp = np.zeros(1024, dtype=np.int32)      # "nx+=" id of the word as the next one
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
        return code

    def _bigram_ids(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(left, right) word pair -> ids of "bg-=left|right" and "bg+=left|right". A word
        holds "|" only when it is "|" itself; pairs with it are looked up as strings."""
        pairs: dict[tuple[str, str], list[int]] = {}
        z = self.w.zero
        for attr, i in self.w.attributes.items():
            if attr.startswith(("bg-=", "bg+=")) and attr.count("|") == 1:
                a, b = attr[4:].split("|")
                pairs.setdefault((a, b), [z, z])[attr[2] == "+"] = i
        return {k: (v[0], v[1]) for k, v in pairs.items()}

    def _bigrams(self, prev: list[str], low: list[str], nxt: list[str]) -> tuple[list[int], list[int]]:
        """Per token: the id of its "bg-=prev|low" and of its "bg+=low|next" attribute."""
        pairs, none = self._pairs, self._no_pair
        if "|" not in low:
            return ([pairs.get(p, none)[0] for p in zip(prev, low)], [pairs.get(p, none)[1] for p in zip(low, nxt)])
        attrs, z = self.w.attributes, self.w.zero
        return ([attrs.get(f"bg-={a}|{b}", z) for a, b in zip(prev, low)],
                [attrs.get(f"bg+={a}|{b}", z) for a, b in zip(low, nxt)])

    def attribute_ids(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens, SLOTS) attribute ids of all the sentences' tokens, one after the other."""
        if len(self._types) >= MAX_TYPES:
            self._reset_types()
        types, lows, gaz, codes = self._types, self._lows, gazetteer(), self._gz_codes
        tids = [types[w] if w in types else self._add_type(w) for words in sents for w in words]
        low = [lows[t] for t in tids]
        lens = np.array([len(words) for words in sents], dtype=np.intp)
        starts = (np.cumsum(lens) - lens).tolist()
        tags: list[Optional[str]] = []
        for k, n in zip(starts, lens.tolist()):
            tags += gaz.tag(low[k:k + n])
        gzc = [codes[g] if g in codes else self._gz_code(g) for g in tags]
        prev, nxt = ["<s>", *low[:-1]], [*low[1:], "</s>"]
        for k, n in zip(starts, lens.tolist()):
            prev[k] = "<s>"
            nxt[k + n - 1] = "</s>"
        bgm, bgp = self._bigrams(prev, low, nxt)
        slen = np.repeat(lens, lens)
        pos = np.arange(len(tids)) - np.repeat(np.array(starts, dtype=np.intp), lens)
        return self._assemble(np.array(tids, dtype=np.intp), np.array(gzc, dtype=np.intp), bgm, bgp, pos, slen)

    def _assemble(self, tid, gzc, bgm, bgp, pos, slen) -> np.ndarray:
        z, n = self.w.zero, len(tid)
        ty, gz = self._rows[tid], np.array(self._gz, dtype=np.int32)[gzc]
        out = np.full((n, SLOTS), z, dtype=np.int32)
        out[:, 0:11] = ty[:, 0:11]
        out[:, 11] = gz[:, 0]
        out[:, 12:17] = ty[:, 11:16]
        nxt_ok = pos + 1 < slen
        nxt = np.where(nxt_ok, np.arange(n) + 1, 0)
        has_next_nx = nxt_ok & self._has_nx[tid] & self._has_nx[tid[nxt]]
        out[:, 17] = np.where(has_next_nx, self._nxp[tid[nxt]], z)
        out[:, 18] = np.where(pos == 0, self._bos, z)
        col = 19
        for d, gcol in ((-2, 1), (-1, 2), (1, 3), (2, 4)):
            ok = (pos + d >= 0) & (pos + d < slen)
            j = np.where(ok, np.arange(n) + d, 0)
            a, b = _TYPE_COLS[d]
            part = [ty[j, a:b], gz[j, gcol:gcol + 1]]
            if d in (-1, 1):
                sa, sb = _TYPE_COLS[f"side{d}"]
                part.append(ty[j, sa:sb])
            block = np.concatenate(part, axis=1)
            out[:, col:col + block.shape[1]] = np.where(ok[:, None], block, z)
            col += block.shape[1]
        cap = self._cap[tid]
        prev_ok, next_ok = pos > 0, nxt_ok
        prev_cap = np.where(prev_ok, np.roll(cap, 1), 3)
        next_cap = np.where(next_ok, np.roll(cap, -1), 3)
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
