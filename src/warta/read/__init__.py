"""Readers: paths, folders and stdin to RawDoc values (or Rejections), chosen by content
and extension. One module per input kind; this module dispatches.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..model import RawDoc, Rejection
from ..settings import DEFAULTS, Settings
from . import feed, jsonl, warc
from .files import read_bytes

Item = Union[RawDoc, Rejection]

# Extensions picked up when walking a folder; a file named explicitly is tried whatever its name.
KNOWN = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".rss", ".atom", ".xml")


def _kind_of(name: str) -> tuple[str, bool]:
    """(kind, gzipped) from a file name: kind is text | html | jsonl | warc | feed | auto."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    kind = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".rss": "feed",
            ".atom": "feed", ".xml": "feed"}.get(ext, "auto")
    return kind, gz


def walk(path: Path) -> list[Path]:
    """Files under a folder with a known extension, sorted, hidden entries skipped."""
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            kind, _ = _kind_of(f)
            if not f.startswith(".") and (kind != "auto"):
                found.append(Path(root) / f)
    return found


def expand(paths: Iterable[str]) -> Iterator[Union[Path, str, Rejection]]:
    """Paths as given to files to read: folders walked, "-" kept, missing paths rejected."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            yield from walk(path)
        elif path.is_file():
            yield path
        elif path.exists():
            yield Rejection(p, "path", "not a regular file (device or socket); give a file or folder")
        else:
            yield Rejection(p, "path", "no such file or folder; check the path")


def read_path(path: Union[Path, str], settings: Settings = DEFAULTS) -> Iterator[Item]:
    """Every document in one file (JSONL, WARC and feeds hold many) or in stdin."""
    if path == "-":
        data = sys.stdin.buffer.read(settings.max_bytes * 4 + 1)
        yield from _dispatch("-", data, "auto", settings)
        return
    kind, gz = _kind_of(path.name)
    source = str(path)
    if kind == "jsonl":
        yield from jsonl.read(path, gz, settings)
        return
    limit = settings.max_bytes * 50 if kind in ("warc", "feed") else settings.max_bytes
    data = read_bytes(path, gz, limit)
    if isinstance(data, Rejection):
        yield data
        return
    yield from _dispatch(source, data, kind, settings)


def _dispatch(source: str, data: bytes, kind: str, settings: Settings) -> Iterator[Item]:
    if kind == "auto":
        kind = sniff(data)
    if kind == "warc":
        yield from warc.read(source, data)
    elif kind == "feed":
        yield from feed.read(source, data)
    elif kind == "jsonl":
        yield from jsonl.read_lines(source, data.split(b"\n"), settings)
    elif settings.lines and kind == "text":
        yield from _lines(source, data)
    else:
        yield RawDoc(source=source, data=data, kind=kind if kind in ("text", "html") else "auto")


def _lines(source: str, data: bytes) -> Iterator[Item]:
    for n, line in enumerate(data.split(b"\n"), start=1):
        if line.strip():
            yield RawDoc(source=source, data=line.rstrip(b"\r"), kind="text", line=n)


def sniff(data: bytes) -> str:
    """Guess the kind of an unnamed input from its first bytes."""
    head = data[:512].lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") and (b"<rss" in data[:2048] or b"<feed" in data[:2048]):
        return "feed"
    if head[:5].lower() in (b"<rss ", b"<rss>", b"<feed"):
        return "feed"
    return "auto"


def read(paths: Union[str, Iterable[str]], settings: Settings = DEFAULTS) -> Iterator[Item]:
    """Every document under ``paths`` (files, folders, "-" for stdin), in order.

    Yields RawDoc values, and Rejection values for what cannot be read (missing paths,
    truncated gzip, malformed JSONL lines, oversized files...), so a batch always goes on.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [str(paths)]
    for item in expand(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_path(item, settings)
