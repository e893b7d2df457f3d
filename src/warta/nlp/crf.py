"""A crfsuite model read straight from its file, and crfsuite's Viterbi redone in numpy.

python-crfsuite spends most of its tagging time turning Python feature strings into C++
strings and looking each one up in the model's string table. Reading the model ourselves
lets the tagger hand over attribute ids instead (see nlp/crf_fast.py). The arithmetic
repeats crfsuite's (crf1d_tag.c, crf1d_context.c) operation for operation, so the scores
are bit-identical and so are the tags:

- the state score of a label at a token adds the weights of the token's attributes in
  the item's order, starting from 0 (unknown attributes add nothing; padding adds +0.0);
- Viterbi: score(t, j) = max_i (score(t-1, i) + trans(i, j)) + state(t, j), ties going
  to the smallest i, and the last label is the first best.

The file layout (crfsuite 0.12, "lCRF"/"FOMC" version 100): a header of uint32s, a FEAT
chunk of (type, src, dst, float64 weight) records, and CQDB string tables for labels and
attributes whose backward arrays map an id to its string. Anything else is refused with
``ValueError`` and the caller keeps python-crfsuite.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CQDB_BYTEORDER = 0x62445371
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


@dataclass(frozen=True)
class CrfWeights:
    labels: tuple[str, ...]
    attributes: dict[str, int]       # attribute string -> row of ``state``
    state: np.ndarray                # (attributes + 1, labels); the last row is all zeros
    trans: np.ndarray                # (labels, labels): from -> to

    @property
    def zero(self) -> int:
        """The row id that adds nothing (padding)."""
        return len(self.state) - 1


def _cqdb_strings(data: bytes, base: int) -> list[str]:
    """The strings of one CQDB table, by id."""
    magic, _size, _flag, order, count, bwd = _CQDB_HEADER.unpack_from(data, base)
    if magic != b"CQDB" or order != _CQDB_BYTEORDER:
        raise ValueError("not a little-endian CQDB table")
    offsets = np.frombuffer(data, "<u4", count, base + bwd)
    out = []
    for i, off in enumerate(offsets.tolist()):
        rid, size = struct.unpack_from("<II", data, base + off)
        if rid != i or size < 1:
            raise ValueError("CQDB backward array out of order")
        out.append(data[base + off + 8:base + off + 7 + size].decode("utf-8"))
    return out


def read_model(path: Path) -> CrfWeights:
    """Labels, attribute ids and weights of a crfsuite CRF1d model file."""
    data = Path(path).read_bytes()
    (magic, _size, kind, version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs,
     _lref, _aref) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC" or version != 100:
        raise ValueError(f"unknown crfsuite model format {magic!r} {kind!r} {version}")
    chunk, _csize, count = struct.unpack_from("<4sII", data, off_feat)
    if chunk != b"FEAT":
        raise ValueError("no FEAT chunk")
    feats = np.frombuffer(data, _FEATURE, count, off_feat + 12)
    labels = tuple(_cqdb_strings(data, off_labels))
    attrs = _cqdb_strings(data, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError("label or attribute count disagrees with the header")
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    for kind_id, table in ((0, state), (1, trans)):
        rows = feats[feats["type"] == kind_id]
        if len(np.unique(rows["src"].astype(np.int64) * n_labels + rows["dst"])) != len(rows):
            raise ValueError("duplicate features")          # crfsuite would add them up
        table[rows["src"], rows["dst"]] = rows["weight"]
    if np.any(feats["type"] > 1):
        raise ValueError("unknown feature type")
    return CrfWeights(labels, {a: i for i, a in enumerate(attrs)}, state, trans)


def state_scores(weights: CrfWeights, ids: np.ndarray) -> np.ndarray:
    """(tokens, labels) state scores for a (tokens, slots) array of attribute rows, summed
    slot by slot from left to right as crfsuite does (one slot at a time: memory stays
    (tokens, labels))."""
    state, cols = weights.state, np.ascontiguousarray(ids.T)
    out = state[cols[0]]
    row = np.empty_like(out)                        # reused: no new array per slot
    for k in range(1, len(cols)):
        np.take(state, cols[k], axis=0, out=row)
        out += row
    return out


def viterbi(weights: CrfWeights, scores: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
    """Best label sequence of each sentence (all of length >= 1); ``scores`` holds their
    state scores one after the other. All sentences advance together, one token position
    per step, the longest first so that the sentences still going are a prefix."""
    if not lengths:
        return []
    lens = np.asarray(lengths)
    order = np.argsort(-lens, kind="stable")
    lens = lens[order]
    first = (np.cumsum(lengths) - lengths)[order]
    positions = np.arange(int(lens[0]))
    active = np.count_nonzero(lens[None, :] > positions[:, None], axis=1).tolist()
    steps = scores[first[None, :] + np.minimum(positions[:, None], lens[None, :] - 1)]  # (position, sentence, label)
    paths = _backtrack(*_forward(weights.trans, steps, active), active)
    names, cols = weights.labels, paths.T.tolist()
    out: list[list[str]] = [[] for _ in lengths]
    for k, s in enumerate(order.tolist()):
        out[s] = [names[j] for j in cols[k][:lens[k]]]
    return out


def _forward(trans: np.ndarray, steps: np.ndarray, active: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Final scores (sentence, label) and back pointers (position, sentence, label)."""
    alpha = steps[0].copy()
    back = np.zeros(steps.shape, dtype=np.intp)
    for t in range(1, len(steps)):
        n = active[t]
        cand = alpha[:n, :, None] + trans                      # (n, from, to)
        back[t, :n] = cand.argmax(axis=1)                      # the first best, as crfsuite
        alpha[:n] = cand.max(axis=1) + steps[t, :n]
    return alpha, back


def _backtrack(alpha: np.ndarray, back: np.ndarray, active: list[int]) -> np.ndarray:
    """Label ids (position, sentence) of the best paths."""
    y = alpha.argmax(axis=1)                                   # each sentence's last label
    paths = np.zeros(back.shape[:2], dtype=np.intp)
    rows = np.arange(back.shape[1])
    for t in range(len(back) - 1, -1, -1):
        n = active[t]                  # a sentence ending at t starts from its own best label
        paths[t, :n] = y[:n]
        if t:
            y[:n] = back[t, rows[:n], y[:n]]
    return paths
