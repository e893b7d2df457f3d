"""Write a crfsuite model without some of its attributes (and their features).

    python training/ner/prune.py MODEL OUT [PREFIX ...]     # default prefix: "p:"

Used for NERP's own domain copy ("p:" features): they are learned so that NERP's labelling
conventions stay out of the shared and news/encyclopedic weights, but no text is ever
tagged in NERP's domain, so the shipped model can drop them. The tags of any sentence whose
features carry none of the dropped attributes are unchanged: crfsuite adds up exactly the
same weights in the same order. The file is written the way crfsuite 0.12 writes it
(crf1d_model.c, cqdb.c): rewriting a model with nothing dropped gives back the same bytes
(tests/training/test_prune.py).
"""
from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Callable

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_M = 0xFFFFFFFF
_CQDB_DATA = 24 + 8 * 256          # CQDB header, then 256 (offset, size) table refs


def _rot(x: int, k: int) -> int:
    return ((x << k) | (x >> (32 - k))) & _M


def hashlittle(key: bytes, initval: int = 0) -> int:
    """Bob Jenkins' lookup3 hashlittle, as CQDB hashes its keys (with the trailing NUL)."""
    n = len(key)
    a = b = c = (0xDEADBEEF + n + initval) & _M
    i = 0
    while n > 12:
        x, y, z = struct.unpack_from("<III", key, i)
        a, b, c = (a + x) & _M, (b + y) & _M, (c + z) & _M
        a = (a - c) & _M; a ^= _rot(c, 4); c = (c + b) & _M      # noqa: E702 - lookup3's mix()
        b = (b - a) & _M; b ^= _rot(a, 6); a = (a + c) & _M      # noqa: E702
        c = (c - b) & _M; c ^= _rot(b, 8); b = (b + a) & _M      # noqa: E702
        a = (a - c) & _M; a ^= _rot(c, 16); c = (c + b) & _M     # noqa: E702
        b = (b - a) & _M; b ^= _rot(a, 19); a = (a + c) & _M     # noqa: E702
        c = (c - b) & _M; c ^= _rot(b, 4); b = (b + a) & _M      # noqa: E702
        n -= 12
        i += 12
    if n == 0:
        return c
    x, y, z = struct.unpack("<III", key[i:] + b"\0" * (12 - n))
    a, b, c = (a + x) & _M, (b + y) & _M, (c + z) & _M
    for p, q, k in ((2, 1, 14), (0, 2, 11), (1, 0, 25), (2, 1, 16), (0, 2, 4), (1, 0, 14), (2, 1, 24)):
        v = [a, b, c]                                             # lookup3's final()
        v[p] ^= v[q]
        v[p] = (v[p] - _rot(v[q], k)) & _M
        a, b, c = v
    return c


def cqdb(strings: list[str]) -> bytes:
    """A CQDB string table mapping ``strings[i]`` <-> i (both directions)."""
    records, offsets, tables = bytearray(), [], [[] for _ in range(256)]
    for i, s in enumerate(strings):
        key = s.encode("utf-8") + b"\0"
        off = _CQDB_DATA + len(records)
        hv = hashlittle(key)
        tables[hv % 256].append((hv, off))
        offsets.append(off)
        records += struct.pack("<II", i, len(key)) + key
    body, refs = bytearray(records), []
    for entries in tables:
        n = 2 * len(entries)
        slots = [(0, 0)] * n
        for hv, off in entries:
            k = (hv >> 8) % n
            while slots[k][1]:
                k = (k + 1) % n
            slots[k] = (hv, off)
        refs.append((_CQDB_DATA + len(body) if n else 0, n))      # an empty table: (0, 0)
        body += b"".join(struct.pack("<II", *s) for s in slots)
    bwd = _CQDB_DATA + len(body)
    body += struct.pack(f"<{len(offsets)}I", *offsets)
    head = struct.pack("<4sIIIII", b"CQDB", _CQDB_DATA + len(body), 0, 0x62445371, len(strings), bwd)
    return head + b"".join(struct.pack("<II", *r) for r in refs) + body


def _cqdb_strings(data: bytes, base: int) -> list[str]:
    _magic, _size, _flag, _order, count, bwd = struct.unpack_from("<4sIIIII", data, base)
    out = []
    for off in struct.unpack_from(f"<{count}I", data, base + bwd):
        _id, size = struct.unpack_from("<II", data, base + off)
        out.append(data[base + off + 8:base + off + 7 + size].decode("utf-8"))
    return out


def _refs(data: bytes, off: int) -> list[list[int] | None]:
    """Feature ids per label or attribute (None: no list; crfsuite leaves the two extra
    label slots it allocates empty)."""
    _chunk, _size, num = struct.unpack_from("<4sII", data, off)
    out: list[list[int] | None] = []
    for p in struct.unpack_from(f"<{num}I", data, off + 12):
        if p == 0:
            out.append(None)
            continue
        (n,) = struct.unpack_from("<I", data, p)
        out.append(list(struct.unpack_from(f"<{n}I", data, p + 4)))
    return out


def _pad4(buf: bytearray) -> None:
    buf += b"\0" * (-len(buf) % 4)


def _ref_chunk(buf: bytearray, chunk: bytes, lists: list[list[int] | None]) -> int:
    _pad4(buf)
    begin = len(buf)
    buf += b"\0" * (12 + 4 * len(lists))
    offsets = []
    for fids in lists:
        offsets.append(len(buf) if fids is not None else 0)
        if fids is None:
            continue
        buf += struct.pack(f"<I{len(fids)}I", len(fids), *fids)
    buf[begin:begin + 12 + 4 * len(lists)] = struct.pack(f"<4sII{len(lists)}I", chunk, len(buf) - begin, len(lists), *offsets)
    return begin


def prune(data: bytes, keep: Callable[[str], bool]) -> bytes:
    """The model ``data`` without the attributes ``keep`` refuses and their features."""
    (_m, _s, _t, _v, n_feat_head, n_labels, n_attrs, off_feat, off_labels, off_attrs,
     off_lref, off_aref) = _HEADER.unpack_from(data, 0)
    _chunk, _size, count = struct.unpack_from("<4sII", data, off_feat)
    feats = np.frombuffer(data, _FEATURE, count, off_feat + 12)
    attrs = _cqdb_strings(data, off_attrs)
    kept = [i for i, a in enumerate(attrs) if keep(a)]
    amap = {a: k for k, a in enumerate(kept)}
    live = (feats["type"] == 1) | np.isin(feats["src"], kept)
    fmap = np.cumsum(live) - 1
    new = feats[live].copy()
    state = new["type"] == 0
    new["src"][state] = [amap[a] for a in new["src"][state].tolist()]
    buf = bytearray(_HEADER.size)
    new_feat = len(buf)
    buf += struct.pack("<4sII", b"FEAT", 12 + new.nbytes, len(new)) + new.tobytes()
    new_labels = len(buf)
    buf += data[off_labels:off_labels + struct.unpack_from("<I", data, off_labels + 4)[0]]
    new_attrs = len(buf)
    buf += cqdb([attrs[i] for i in kept])
    lrefs = [None if fids is None else [int(fmap[f]) for f in fids if live[f]] for fids in _refs(data, off_lref)]
    arefs = _refs(data, off_aref)
    new_lref = _ref_chunk(buf, b"LFRF", lrefs)
    new_aref = _ref_chunk(buf, b"AFRF", [[int(fmap[f]) for f in arefs[i] or ()] for i in kept])
    buf[:_HEADER.size] = _HEADER.pack(b"lCRF", len(buf), b"FOMC", 100, n_feat_head, n_labels, len(kept),
                                      new_feat, new_labels, new_attrs, new_lref, new_aref)
    return bytes(buf)


def drop_prefixes(prefixes: tuple[str, ...]) -> Callable[[str], bool]:
    return lambda attr: not attr.startswith(prefixes)


def main() -> None:
    src, out, prefixes = Path(sys.argv[1]), Path(sys.argv[2]), tuple(sys.argv[3:]) or ("p:",)
    out.write_bytes(prune(src.read_bytes(), drop_prefixes(prefixes)))


if __name__ == "__main__":
    main()
