"""JSON Lines dumps: one article per line with ``text`` or ``html`` and optional
``url``, ``title``, ``published``, ``outlet`` (trusted over extraction)."""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..model import RawDoc, Rejection
from ..settings import Settings

TRUSTED = ("url", "title", "published", "outlet", "authors", "language")


def read(path: Path, gz: bool, settings: Settings) -> Iterator[Union[RawDoc, Rejection]]:
    """Stream the records of a (possibly gzipped) JSONL file without loading it whole."""
    source = str(path)
    try:
        fh = gzip.open(path, "rb") if gz else path.open("rb")
    except OSError as e:
        yield Rejection(source, "read", f"cannot open file ({e.strerror or e}); check the path")
        return
    with fh:
        try:
            yield from read_lines(source, fh, settings)
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            yield Rejection(source, "read", f"truncated or corrupt gzip file ({e or 'ends early'}); "
                            "records before the damage were read")


def read_lines(source: str, lines: Iterable[bytes], settings: Settings) -> Iterator[Union[RawDoc, Rejection]]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > settings.max_line_bytes:
            yield Rejection(source, "read", f"record is {len(line) / 2**20:.1f} MB, over the "
                            f"{settings.max_line_bytes / 2**20:.0f} MB limit; split it", n)
            continue
        yield record(source, line, n)


def record(source: str, line: bytes, n: int) -> Union[RawDoc, Rejection]:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        msg = e.msg if isinstance(e, json.JSONDecodeError) else "not UTF-8"
        return Rejection(source, "read", f"malformed JSON ({msg}); fix or remove this line", n)
    if not isinstance(obj, dict):
        return Rejection(source, "read", "record is not a JSON object; expected {\"text\": ...}", n)
    body, kind = obj.get("text"), "text"
    if not isinstance(body, str) or not body.strip():
        body, kind = obj.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        return Rejection(source, "read", "record has no non-empty \"text\" or \"html\" field", n)
    given = {k: obj[k] for k in TRUSTED if obj.get(k) not in (None, "", [])}
    return RawDoc(source=source, data=body.encode("utf-8", "surrogatepass"), kind=kind,
                  url=given.get("url"), line=n, given=given)
