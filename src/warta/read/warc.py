"""WARC archives (plain or gzipped, as crawlers write them): HTML responses become documents."""
from __future__ import annotations

import gzip
import re
import zlib
from typing import Iterator, Union

from ..model import RawDoc, Rejection

_HEADER_END = b"\r\n\r\n"


def _headers(block: bytes) -> dict[str, str]:
    out = {}
    for line in block.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        out[key.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return out


def records(data: bytes) -> Iterator[Union[tuple[dict, bytes], str]]:
    """(headers, payload) per WARC record, or an error string where the archive breaks."""
    pos = 0
    while True:
        start = data.find(b"WARC/", pos)
        if start < 0:
            return
        end = data.find(_HEADER_END, start)
        if end < 0:
            yield "truncated WARC record header"
            return
        head = _headers(data[start:end])
        try:
            length = int(head.get("content-length", ""))
        except ValueError:
            yield "WARC record without a valid Content-Length"
            return
        body_start = end + len(_HEADER_END)
        if body_start + length > len(data):
            yield "truncated WARC record (archive ends inside it)"
            return
        yield head, data[body_start:body_start + length]
        pos = body_start + length


def _http_body(payload: bytes) -> tuple[dict, bytes]:
    head, _, body = payload.partition(_HEADER_END)
    headers = _headers(head)
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _unchunk(body)
    if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
        body = gzip.decompress(body)
    elif headers.get("content-encoding", "").lower() == "deflate":
        body = zlib.decompress(body)
    return headers, body


def _unchunk(body: bytes) -> bytes:
    out, pos = [], 0
    while True:
        m = re.match(rb"([0-9a-fA-F]+)[^\r\n]*\r\n", body[pos:])
        if not m or int(m.group(1), 16) == 0:
            return b"".join(out)
        size = int(m.group(1), 16)
        pos += m.end()
        out.append(body[pos:pos + size])
        pos += size + 2


def read(source: str, data: bytes) -> Iterator[Union[RawDoc, Rejection]]:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            yield Rejection(source, "read", f"truncated or corrupt gzipped WARC ({e or 'ends early'})")
            return
    for n, rec in enumerate(records(data), start=1):
        if isinstance(rec, str):
            yield Rejection(source, "read", f"{rec}; records before it were read", n)
            return
        head, payload = rec
        if head.get("warc-type") != "response":
            continue
        try:
            http, body = _http_body(payload)
        except (OSError, zlib.error, EOFError) as e:
            yield Rejection(source, "read", f"undecodable HTTP body in WARC record ({e})", n)
            continue
        if "html" in http.get("content-type", "html").lower() and body.strip():
            yield RawDoc(source=source, data=body, kind="html", url=head.get("warc-target-uri"), line=n)
