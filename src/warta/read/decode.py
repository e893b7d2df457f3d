"""Bytes to normalised text: encoding detection, binary refusal, Unicode clean-up."""
from __future__ import annotations

import re
import unicodedata

from ..errors import InputError
from ..model import Article, RawDoc, content_hash
from ..settings import Settings

# Magic numbers of common binary formats that are sometimes renamed to .txt or .html.
BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x7fELF": "an executable", b"RIFF": "a RIFF media file", b"\x1f\x8b": "gzip data",
    b"BZh": "bzip2 data", b"\xfd7zXZ": "xz data", b"SQLite format 3": "an SQLite database",
}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<!--|<div|<article|<p[ >])", re.I)


def normalise(text: str) -> str:
    """NFC, non-breaking and odd spaces to a plain space, zero-width marks removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _CONTROL.sub("", _SPACES.sub(" ", text))


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format ``data`` looks like, or None for text."""
    for magic, name in BINARY_MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 100 and not _looks_utf16(head):
        return "binary data (NUL bytes)"
    return None


def _looks_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def to_text(data: bytes, source: str) -> str:
    """Decode bytes: UTF-8 first, then a detected encoding; refuse what is not text."""
    binary = sniff_binary(data)
    if binary:
        raise InputError(f"this is {binary}, not text or HTML; remove it from the input")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("not valid UTF-8 and no text encoding fits; convert the file to UTF-8")
    text = data.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise InputError(f"not valid UTF-8 and garbled as {best.encoding}; convert the file to UTF-8")
    return text


def decode(raw: RawDoc, settings: Settings) -> Article:
    """Turn a RawDoc into an Article holding normalised text and its kind."""
    if len(raw.data) > settings.max_bytes:
        raise InputError(
            f"document is {len(raw.data) / 2**20:.1f} MB, over the {settings.max_bytes / 2**20:.0f} MB "
            "limit; split it or raise --max-mb")
    text = normalise(to_text(raw.data, raw.source))
    if not text.strip():
        raise InputError("empty document (no text after decoding); nothing to extract")
    kind = raw.kind
    if kind == "auto":
        kind = "html" if _HTML_SNIFF.match(raw.data[:2048]) else "text"
    return Article(source=raw.source, text=text, kind=kind, url=raw.url, line=raw.line,
                   content_hash=content_hash(text), given=dict(raw.given))
