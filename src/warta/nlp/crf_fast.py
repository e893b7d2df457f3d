"""The NER features as crfsuite attribute ids, for many sentences at once.

``features.all_features`` builds about forty strings per token (twice as many with the
domain copies), and python-crfsuite then encodes and looks up every one. Here each word
type's strings (from the same ``features._word``) are looked up once and kept as rows of
attribute ids, one row per copy of the features: the plain one and one per domain ("n:",
"w:"). A batch of sentences becomes one (tokens, slots) id array by numpy indexing. The
slots hold the ids in exactly the order of the feature strings (base features, span-lexicon
features, then the same again in the sentence's domain), unknown strings and empty slots
being the zero row; ``crf.state_scores`` sums them slot by slot as crfsuite does
(``tag_exact``: bit-identical scores).

``tag`` is faster: each word type also keeps, per copy, the summed weights of the
attributes it gives a token by itself (as the token, or as its neighbour at -2..+2), so a
token's score is ~18 additions per copy instead of 43. The sums are grouped differently
from crfsuite's, so scores may differ in the last bits (at most 1.4e-14 on the NER sets);
the tags are crfsuite's on all 12,321 sentences of ../shared/data/ner in every domain mode
(bench/ner_equivalence.py). ``FastTagger.check`` compares ids and tags with crfsuite on
probe sentences in every domain when the tagger is built (a changed feature definition or
model falls back to crfsuite), and tests/nlp/test_crf_fast.py on the dev sentences.
"""
from __future__ import annotations

import threading
from itertools import accumulate, repeat
from typing import Optional, Sequence

import numpy as np

from .crf import CrfWeights, state_scores, viterbi
from .domain import DomainModel
from .features import SpanLexicon, _Word, _word, all_features, gazetteer

# Slot widths of the per-word-type parts (see features._word): own base features, cluster/
# lexicon/names features, and per neighbour offset its word+case and its shape/cluster/lexicon.
OWN, LEX, NEAR, SIDE = 11, 5, 2, 3
_TYPE_COLS = {"own": (0, 11), "lex": (11, 16), -2: (16, 18), -1: (18, 20), "side-1": (20, 23),
              1: (23, 25), "side1": (25, 28), 2: (28, 30)}
_TYPE_WIDTH = 30
# The type columns summed into one score each (see FastTagger._type_scores): own + lex, then
# the columns used as the neighbour at -2, -1 (near + side), +1 (near + side), +2.
_PARTS = ("own", -2, -1, 1, 2)
_PART_STARTS = np.array([0, 16, 18, 23, 28])
SLOTS = 43                 # per copy of the features: 40 base slots, then "sx=", "-1sx=", "1sx="
_CAPS = "Clo"
MAX_TYPES = 1 << 17
# Every kind of feature string this module assembles (the part before "=", without a
# domain prefix). A model with any other kind was trained on features this module does
# not build: crfsuite must tag.
KINDS = frozenset("""
b w sh p2 p3 s2 s3 s4 title upper digit hyphen gz c1 c2 c lx nx nx+ BOS cc bg- bg+
-2w -2cap -2gz -1w -1cap -1gz -1sh -1c -1lx 1w 1cap 1gz 1sh 1c 1lx 2w 2cap 2gz
""".split())
SPAN_KINDS = frozenset(("sx", "-1sx", "1sx"))
PROBES = (
    "Presiden Joko Widodo bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta , Rabu ( 26/1 ) .",
    "KPK-RI memeriksa 20.000 dokumen milik PT Maju Jaya Tbk. pada 3/4/2024 pukul 14:52 WIB",
    "PRESIDEN PRABOWO SUBIANTO DI ISTANA MERDEKA",
    "“ Kami menolak , ” kata juru bicara Kemlu Amerika Serikat , Matthew Miller , kepada wartawan .",
    "ÉCOLE Türk d'Arc --- 'x' Sekjen PBB António Guterres , NATO dan Uni Eropa",
    "A",
)


def _kind(attribute: str, domains: Sequence[str]) -> str:
    kind = attribute.split("=", 1)[0]
    head, colon, rest = kind.partition(":")
    return rest if colon and head in domains else kind


def _shift(a: np.ndarray, d: int) -> np.ndarray:
    """``a[i + d]`` at each ``i`` (0 beyond the ends)."""
    out = np.zeros_like(a)
    if d > 0:
        out[:-d] = a[d:]
    elif d < 0:
        out[-d:] = a[:d]
    return out


class FastTagger:
    """BIO tags for sentences of words, equal to crfsuite's on the same features.

    ``spans``, ``domain`` and ``domain_prefixes`` are the model's optional extras (see
    features.all_features); a model using an extra it is not given is refused."""

    def __init__(self, weights: CrfWeights, clusters: dict, lexicon: dict, names: dict,
                 spans: Optional[SpanLexicon] = None, domain: Optional[DomainModel] = None,
                 domain_prefixes: frozenset[str] = frozenset()) -> None:
        self.domains = (domain.first, domain.second) if domain else ()
        known = KINDS | (SPAN_KINDS if spans is not None else frozenset())
        unknown = {_kind(a, self.domains) for a in weights.attributes} - known
        if unknown:
            raise ValueError(f"the model has features this tagger does not build: {sorted(unknown)[:5]}")
        self.w, self.clusters, self.lexicon, self.names = weights, clusters, lexicon, names
        self.spans, self.domain, self.domain_prefixes = spans, domain, domain_prefixes
        self._blocks = ("",) + tuple(d + ":" for d in self.domains)   # the copies of the features
        self._lock = threading.Lock()            # the word-type table grows as text comes in
        z, blocks = weights.zero, range(len(self._blocks))
        self._gz_codes: dict[Optional[str], int] = {None: 0}
        self._gz = [[[z] * 5 for _ in blocks]]     # per gazetteer tag, per copy: own, -2, -1, 1, 2
        self._sx_codes: dict[Optional[str], int] = {None: 0}
        self._sx = [[[z] * 3 for _ in blocks]]     # per span tag, per copy: own, -1, 1
        self._bos = np.array([self._id(b, "BOS") for b in blocks], dtype=np.int32)
        self._cc = np.full((len(self._blocks), 4, 3, 4), z, dtype=np.int32)   # prev (3: none), self, next (3: none)
        for b in blocks:
            for p in range(4):
                for c in range(3):
                    for n in range(4):
                        key = "cc=" + (_CAPS[p] if p < 3 else "") + _CAPS[c] + (_CAPS[n] if n < 3 else "")
                        self._cc[b, p, c, n] = self._id(b, key)
        self._bigram_ids()
        self._copy_table()
        self._gz_array = np.array(self._gz, dtype=np.int32)
        self._sx_array = np.array(self._sx, dtype=np.int32)
        self._gz_scores, self._sx_scores = weights.state[self._gz_array], weights.state[self._sx_array]
        self._cc_scores = weights.state[self._cc]
        self._reset_types()

    def _copy_table(self) -> None:
        """Feature string -> row of ``_copies`` holding its attribute id in each copy of the
        features (row 0: in none), so that a new word type costs one lookup per string."""
        index: dict[str, int] = {}
        rows = [[self.w.zero] * len(self._blocks)]
        for attr, i in self.w.attributes.items():
            head, colon, rest = attr.partition(":")
            block = self.domains.index(head) + 1 if colon and head in self.domains and "=" not in head else 0
            feature = rest if block else attr
            if self._id(block, feature) != i:
                continue                       # a domain copy of a feature kind not copied
            k = index.setdefault(feature, len(rows))
            if k == len(rows):
                rows.append([self.w.zero] * len(self._blocks))
            rows[k][block] = i
        self._copy_row, self._copies = index, np.array(rows, dtype=np.int32)

    def _id(self, block: int, feature: str) -> int:
        """The attribute id of ``feature`` in copy ``block`` (0: plain; the zero row if none)."""
        if block and self.domain_prefixes and feature.split("=", 1)[0] not in self.domain_prefixes:
            return self.w.zero
        return self.w.attributes.get(self._blocks[block] + feature, self.w.zero)

    def _reset_types(self) -> None:
        """Forget the word types. Type 0 stands for "no word" (beyond a sentence's edge):
        all its attribute slots are the zero row."""
        n = len(self._blocks)
        self._types: dict[str, int] = {}
        self._lows: list[str] = [""]
        self._rows = np.full((1024, n, _TYPE_WIDTH), self.w.zero, dtype=np.int32)
        self._cap = np.zeros(1024, dtype=np.int8)
        self._nxp = np.full((1024, n), self.w.zero, dtype=np.int32)   # "nx+=" id of the word as the next one
        self._has_nx = np.zeros(1024, dtype=bool)
        self._scores = np.zeros((1024, n, len(_PARTS), len(self.w.labels)))   # see _type_scores

    def _add_type(self, word: str) -> int:
        self._add_types([word])
        return self._types[word]

    def _add_types(self, words: Sequence[str]) -> None:
        """Give each new word type (distinct, in order) the next type id, its attribute rows
        and its score sums. The strings come per type from ``_type_strings``; the numpy work
        is done once for the batch (an article's new words), as calls on tiny arrays cost
        more than their arithmetic."""
        if not words:
            return
        k0, n = len(self._lows), len(words)
        self._reserve(k0 + n)
        infos = [self._type_strings(w) for w in words]
        ids = self._copies[[self._copy_row.get(f, 0) for _, _, strings in infos for f in strings]]   # (strings, copies)
        first = list(accumulate((len(strings) for _, _, strings in infos), initial=0))   # each type's first string
        new = range(k0, k0 + n)
        own = [k for k, (_, cols, _) in zip(new, infos) for _ in cols]
        cols = [c for _, cs, _ in infos for c in cs]
        take = [a + i for a, (_, cs, _) in zip(first, infos) for i in range(len(cs))]
        self._rows[k0:k0 + n] = self.w.zero
        self._rows[own, :, cols] = ids[take]
        self._scores[k0:k0 + n] = np.add.reduceat(self.w.state[self._rows[k0:k0 + n]], _PART_STARTS, axis=2)
        with_nx = [(k, b - 1) for k, b, (wi, _, _) in zip(new, first[1:], infos) if wi.nx]   # "nx+=": the last string
        self._nxp[k0:k0 + n] = self.w.zero
        if with_nx:
            self._nxp[[k for k, _ in with_nx]] = ids[[i for _, i in with_nx]]
        self._cap[k0:k0 + n] = [_CAPS.index(wi.cap) for wi, _, _ in infos]
        self._has_nx[k0:k0 + n] = [bool(wi.nx) for wi, _, _ in infos]
        for k, word, (wi, _, _) in zip(new, words, infos):
            self._types[word] = k
            self._lows.append(wi.low)

    def _reserve(self, size: int) -> None:
        """Room for ``size`` word types in the per-type arrays (doubling them as needed)."""
        while size > len(self._rows):
            grow = lambda a: np.concatenate((a, np.zeros((len(a),) + a.shape[1:], a.dtype)))  # noqa: E731
            self._rows, self._cap, self._nxp, self._has_nx, self._scores = map(
                grow, (self._rows, self._cap, self._nxp, self._has_nx, self._scores))

    def _type_strings(self, word: str) -> tuple[_Word, list[int], list[str]]:
        """A word type's feature strings: those of its attribute slots (``cols``), then its
        "nx+=" string when it has one."""
        wi = _word(word, self.clusters, self.lexicon, self.names)
        cols, strings = [], []
        for key, group in (("own", wi.own), ("lex", wi.lex), (-2, wi.near[-2]), (-1, wi.near[-1]),
                           ("side-1", wi.side[-1]), (1, wi.near[1]), ("side1", wi.side[1]), (2, wi.near[2])):
            a, e = _TYPE_COLS[key]
            if len(group) > e - a:
                raise ValueError(f"feature group {key} has {len(group)} strings, more than {e - a}")
            cols += range(a, a + len(group))
            strings += group
        if wi.nx:
            strings.append("nx+=" + wi.nx)
        return wi, cols, strings

    def _type_scores(self, rows: np.ndarray) -> np.ndarray:
        """(copies, parts, labels): per copy of the features, the summed weights of the
        attributes a word type gives a token by itself (``_PARTS``: as the token, or as its
        neighbour at -2, -1, +1, +2). A token's state score is then a few additions of such
        sums instead of one per attribute slot."""
        return np.add.reduceat(self.w.state[rows], _PART_STARTS, axis=1)

    def _gz_code(self, tag: Optional[str]) -> int:
        code = self._gz_codes.get(tag)
        if code is None:
            code = self._gz_codes[tag] = len(self._gz)
            self._gz.append([[self._id(b, p + tag) for p in ("gz=", "-2gz=", "-1gz=", "1gz=", "2gz=")]
                             for b in range(len(self._blocks))])
            self._gz_array = np.array(self._gz, dtype=np.int32)
            self._gz_scores = self.w.state[self._gz_array]
        return code

    def _sx_code(self, tag: Optional[str]) -> int:
        code = self._sx_codes.get(tag)
        if code is None:
            code = self._sx_codes[tag] = len(self._sx)
            self._sx.append([[self._id(b, p + tag) for p in ("sx=", "-1sx=", "1sx=")] for b in range(len(self._blocks))])
            self._sx_array = np.array(self._sx, dtype=np.int32)
            self._sx_scores = self.w.state[self._sx_array]
        return code

    def _bigram_ids(self) -> None:
        """(left, right) word pair -> row of ``_minus_rows`` holding the id of "bg-=left|right"
        in each copy of the features (row 0: none), the same for "bg+=". A word holds "|"
        only when it is "|" itself; pairs with it are looked up as strings."""
        heads = {prefix + bg: (b, bg[2] == "+") for b, prefix in enumerate(self._blocks) for bg in ("bg-", "bg+")}
        index: tuple[dict, dict] = ({}, {})
        rows: tuple[list, list] = ([[self.w.zero] * len(self._blocks)], [[self.w.zero] * len(self._blocks)])
        for attr, i in self.w.attributes.items():
            kind, _, pair = attr.partition("=")
            head = heads.get(kind)
            if head is not None and pair.count("|") == 1 and self._id(head[0], attr[len(self._blocks[head[0]]):]) == i:
                block, side = head
                k = index[side].setdefault(tuple(pair.split("|")), len(rows[side]))
                if k == len(rows[side]):
                    rows[side].append([self.w.zero] * len(self._blocks))
                rows[side][k][block] = i
        self._minus, self._plus = index
        self._minus_rows, self._plus_rows = (np.array(r, dtype=np.int32) for r in rows)

    def _bigrams(self, prev: list[str], low: list[str], nxt: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(tokens, copies): the ids of each token's "bg-=prev|low" and "bg+=low|next" attributes."""
        if "|" not in low:
            return (self._minus_rows[list(map(self._minus.get, zip(prev, low), repeat(0)))],
                    self._plus_rows[list(map(self._plus.get, zip(low, nxt), repeat(0)))])
        blocks = range(len(self._blocks))
        minus = [[self._id(b, f"bg-={x}|{y}") for b in blocks] for x, y in zip(prev, low)]
        plus = [[self._id(b, f"bg+={x}|{y}") for b in blocks] for x, y in zip(low, nxt)]
        return np.array(minus, dtype=np.int32), np.array(plus, dtype=np.int32)

    def attribute_ids(self, sents: Sequence[Sequence[str]], domains: Optional[Sequence[Optional[str]]] = None,
                      groups: Optional[Sequence[int]] = None) -> np.ndarray:
        """(tokens, slots) attribute ids of all the sentences' tokens, one after the other.
        ``domains``: each sentence's domain (default: guessed over each group of sentences,
        ``groups`` giving the group of each; default: each sentence on its own)."""
        with self._lock:
            return self._attribute_ids(sents, domains, groups)

    def _attribute_ids(self, sents, domains, groups) -> np.ndarray:
        ctx, bgm, bgp, blocks = self._prepare(sents, domains, groups)
        plain = self._assemble(0, ctx, bgm[:, 0], bgp[:, 0])
        if blocks is None:
            return plain
        b, rows = blocks
        return np.hstack((plain, self._assemble(b, ctx, bgm[rows, b], bgp[rows, b])))

    def state_scores(self, sents: Sequence[Sequence[str]], domains: Optional[Sequence[Optional[str]]] = None,
                     groups: Optional[Sequence[int]] = None) -> np.ndarray:
        """(tokens, labels) state scores of the sentences' tokens (arguments as
        ``attribute_ids``), from per word type sums (see ``_type_scores``)."""
        with self._lock:
            ctx, bgm, bgp, blocks = self._prepare(sents, domains, groups)
            out = self._score(0, ctx, bgm[:, 0], bgp[:, 0])
            if blocks is not None:
                b, rows = blocks
                out += self._score(b, ctx, bgm[rows, b], bgp[rows, b])
            return out

    def _prepare(self, sents, domains, groups) -> tuple[dict, np.ndarray, np.ndarray, Optional[tuple]]:
        """What both the ids and the scores are built from: the per-token context (see
        ``_context``), the bigram ids (tokens, copies) and the domain copy to use: None (the
        model has none) or (copy, rows) with copy a number or one per token, rows the
        tokens to take bigram ids from (a slice or an index array)."""
        if len(self._types) >= MAX_TYPES:
            self._reset_types()
        flat = [w for words in sents for w in words]
        tids = list(map(self._types.get, flat))
        if None in tids:                 # new word types, numbered in order of first occurrence
            self._add_types([w for w in dict.fromkeys(flat) if w not in self._types])
            tids = list(map(self._types.__getitem__, flat))
        low = list(map(self._lows.__getitem__, tids))
        lens = [len(words) for words in sents]
        starts = list(accumulate(lens, initial=0))[:-1]
        gaz, tags = gazetteer(), []
        for k, n in zip(starts, lens):
            tags += gaz.tag(low[k:k + n])
        gzc = list(map(self._gz_codes.get, tags))
        if None in gzc:
            gzc = [self._gz_code(g) for g in tags]
        sxc = self._span_codes(low, starts, lens)
        prev, nxt = ["<s>", *low[:-1]], [*low[1:], "</s>"]
        for k, n in zip(starts, lens):
            prev[k] = "<s>"
            nxt[k + n - 1] = "</s>"
        size = np.array(lens, dtype=np.intp)
        slen = np.repeat(size, size)
        pos = np.arange(len(tids)) - np.repeat(np.array(starts, dtype=np.intp), size)
        ctx = self._context(np.array(tids, dtype=np.intp), np.array(gzc, dtype=np.intp), sxc, pos, slen)
        bgm, bgp = self._bigrams(prev, low, nxt)
        if not self.domains:
            return ctx, bgm, bgp, None
        if domains is None:
            domains = self._guess_domains(low, starts, lens, groups)
        block = [self.domains.index(d) + 1 for d in domains]
        if len(set(block)) == 1:
            return ctx, bgm, bgp, (block[0], slice(None))
        blk = np.repeat(np.array(block, dtype=np.intp), size)
        return ctx, bgm, bgp, (blk, np.arange(len(tids)))

    def _span_codes(self, low: list[str], starts: list[int], lens: list[int]) -> np.ndarray:
        """Per token: the code of its span-lexicon tag (0: none)."""
        if self.spans is None or not self.spans.entries:
            return np.zeros(len(low), dtype=np.intp)
        tags: list[Optional[str]] = []
        for k, n in zip(starts, lens):
            tags += self.spans.tag(low[k:k + n])
        codes = list(map(self._sx_codes.get, tags))
        if None in codes:
            codes = [self._sx_code(t) for t in tags]
        return np.array(codes, dtype=np.intp)

    def _guess_domains(self, low: list[str], starts: list[int], lens: list[int],
                       groups: Optional[Sequence[int]]) -> list[str]:
        """Each sentence's domain, guessed over all the words of its group."""
        groups = range(len(lens)) if groups is None else groups
        words: dict[int, list[str]] = {}
        for g, k, n in zip(groups, starts, lens):
            words.setdefault(g, []).extend(low[k:k + n])
        guess = {g: self.domain.guess_normalised(w) for g, w in words.items()}
        return [guess[g] for g in groups]

    def _context(self, tid, gzc, sxc, pos, slen) -> dict[str, np.ndarray]:
        """Per token, what every copy of the features is looked up with: the word types
        and gazetteer codes of the neighbours (0: none), capitalisation codes, span codes."""
        ctx = {"tid": tid, "gzc": gzc, "sxc": sxc, "bos": pos == 0}
        nxt = np.where(pos + 1 < slen, _shift(tid, 1), 0)              # type 0: no next word
        ctx["nx"], ctx["nx_ok"] = nxt, self._has_nx[tid] & self._has_nx[nxt]
        for d in (-2, -1, 1, 2):
            ok = (pos + d >= 0) & (pos + d < slen)
            ctx[f"nb{d}"], ctx[f"gz{d}"] = np.where(ok, _shift(tid, d), 0), np.where(ok, _shift(gzc, d), 0)
        cap = self._cap[tid]
        ctx["caps"] = (np.where(pos > 0, _shift(cap, -1), 3), cap, np.where(pos + 1 < slen, _shift(cap, 1), 3))
        ctx["sx-1"] = np.where(pos > 0, _shift(sxc, -1), 0)                # code 0: no span tag
        ctx["sx1"] = np.where(pos + 1 < slen, _shift(sxc, 1), 0)
        return ctx

    def _assemble(self, b, ctx: dict, bgm, bgp) -> np.ndarray:
        """The ids of copy ``b`` (a number, or one per token) of the features, in their order."""
        z, rows, gz, sx, tid = self.w.zero, self._rows, self._gz_array, self._sx_array, ctx["tid"]
        out = np.empty((len(tid), SLOTS), dtype=np.int32)
        out[:, 0:11] = rows[tid, b, 0:11]
        out[:, 11] = gz[ctx["gzc"], b, 0]
        out[:, 12:17] = rows[tid, b, 11:16]
        out[:, 17] = np.where(ctx["nx_ok"], self._nxp[ctx["nx"], b], z)
        out[:, 18] = np.where(ctx["bos"], self._bos[b], z)
        col = 19
        for d, gcol in ((-2, 1), (-1, 2), (1, 3), (2, 4)):
            nb = ctx[f"nb{d}"]
            lo, hi = _TYPE_COLS[d]
            out[:, col:col + 2] = rows[nb, b, lo:hi]
            out[:, col + 2] = gz[ctx[f"gz{d}"], b, gcol]                # code 0: no gazetteer tag
            col += 3
            if d in (-1, 1):
                lo, hi = _TYPE_COLS[f"side{d}"]
                out[:, col:col + 3] = rows[nb, b, lo:hi]
                col += 3
        out[:, 37] = self._cc[(b, *ctx["caps"])]
        out[:, 38] = bgm
        out[:, 39] = bgp
        out[:, 40] = sx[ctx["sxc"], b, 0]
        out[:, 41] = sx[ctx["sx-1"], b, 1]
        out[:, 42] = sx[ctx["sx1"], b, 2]
        return out

    def _score(self, b, ctx: dict, bgm: np.ndarray, bgp: np.ndarray) -> np.ndarray:
        """(tokens, labels): the state scores of copy ``b`` (as ``_assemble``) of the
        features, from the word types' summed weights plus the weights of the attributes
        that depend on more than one word (gazetteer and span tags, capitalisation pattern,
        bigrams, "nx+", "BOS"). Tables are read as 2-d (rows, labels) with ``np.take`` on a
        computed row: several times faster than fancy indexing over several axes."""
        st, z, copies, n_parts = self.w.state, self.w.zero, len(self._blocks), len(_PARTS)
        take = lambda table, rows: np.take(table.reshape(-1, table.shape[-1]), rows, axis=0)  # noqa: E731
        out = take(self._scores, ctx["tid"] * (copies * n_parts) + b * n_parts)
        for part, d in enumerate((-2, -1, 1, 2), start=1):
            out += take(self._scores, ctx[f"nb{d}"] * (copies * n_parts) + (b * n_parts + part))
        for col, key in enumerate(("gzc", "gz-2", "gz-1", "gz1", "gz2")):
            out += take(self._gz_scores, ctx[key] * (copies * 5) + (b * 5 + col))
        out += np.take(st, np.where(ctx["nx_ok"], np.take(self._nxp.reshape(-1), ctx["nx"] * copies + b), z), axis=0)
        out += np.take(st, np.where(ctx["bos"], np.take(self._bos, b), z), axis=0)
        prev, own, nxt = (c.astype(np.intp) for c in ctx["caps"])    # int8 codes: 2 * 48 would overflow
        out += take(self._cc_scores, b * 48 + prev * 12 + own * 4 + nxt)
        out += np.take(st, bgm, axis=0)
        out += np.take(st, bgp, axis=0)
        for col, key in enumerate(("sxc", "sx-1", "sx1")):
            out += take(self._sx_scores, ctx[key] * (copies * 3) + (b * 3 + col))
        return out

    def tag(self, sents: Sequence[Sequence[str]], groups: Optional[Sequence[int]] = None,
            domains: Optional[Sequence[Optional[str]]] = None) -> list[list[str]]:
        """BIO tags for each sentence (none may be empty). The domain of a sentence is
        guessed over its group (``groups``: one number per sentence; chunks of one long
        sentence share one), unless ``domains`` gives it."""
        if not sents:
            return []
        return viterbi(self.w, self.state_scores(sents, domains, groups), [len(s) for s in sents])

    def tag_exact(self, sents: Sequence[Sequence[str]], groups: Optional[Sequence[int]] = None,
                  domains: Optional[Sequence[Optional[str]]] = None) -> list[list[str]]:
        """``tag`` with the scores summed attribute by attribute in crfsuite's order
        (bit-identical scores; slower)."""
        if not sents:
            return []
        scores = state_scores(self.w, self.attribute_ids(sents, domains, groups))
        return viterbi(self.w, scores, [len(s) for s in sents])

    def features(self, words: Sequence[str], domain: Optional[str]) -> list[list[str]]:
        """The feature strings crfsuite is given for ``words`` (the plain computation)."""
        return all_features(words, self.clusters, self.lexicon, self.names, self.spans, domain, self.domain_prefixes)

    def probes(self) -> list[list[str]]:
        """Sentences that exercise every part of the features, spans included."""
        sents = [s.split() for s in PROBES]
        if self.spans is not None and self.spans.entries:
            names = sorted(self.spans.entries, key=lambda k: (-len(k), k))[:4]
            sents.append(["Di", *names[0], ",", *names[-1], *(names[1] if len(names) > 1 else ()), "."])
        return sents

    def check(self, tagger: object, sentences: Sequence[Sequence[str]] = ()) -> Optional[str]:
        """Why this tagger differs from crfsuite on the probe sentences, in each domain
        (None: it does not)."""
        sents = self.probes() + [list(s) for s in sentences]
        for domain in self.domains or (None,):
            ids = self.attribute_ids(sents, [domain] * len(sents)) if domain else self.attribute_ids(sents)
            row = 0
            for words in sents:
                for feats in self.features(words, domain):
                    want = [self.w.attributes[f] for f in feats if f in self.w.attributes]
                    if [a for a in ids[row].tolist() if a != self.w.zero] != want:
                        return f"attribute ids differ from the feature strings at {words}"
                    row += 1
            tagged = self.tag(sents, domains=[domain] * len(sents) if domain else None)
            for words, tags in zip(sents, tagged):
                if tags != tagger.tag(self.features(words, domain)):
                    return f"tags differ from crfsuite's on {words}"
        return None
