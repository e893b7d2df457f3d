"""Text helpers shared by the corpus modules: normalisation, words, shingles, keys.

Everything here is deterministic across processes (no salted ``hash()``), so keys and
shingle hashes computed today can be stored and compared with ones computed later.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from typing import Iterable

from ..model import Article

_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-cased words separated by single spaces: punctuation, quotes and layout gone."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    return normalise(text).split()


def fingerprint(text: str) -> str:
    """Exact-duplicate key: equal for texts that differ only in case, punctuation, spacing."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


def shingles(tokens: list[str], size: int) -> set[str]:
    """Word n-grams of ``size`` (the whole text as one shingle when it is shorter)."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


_HASHES: dict[str, int] = {}   # memo of word hashes: a news vocabulary is small


def hash32(items: Iterable[str]) -> list[int]:
    """Stable 32-bit hashes (CRC-32 of the UTF-8 bytes), memoised for repeated words."""
    if len(_HASHES) > 2_000_000:
        _HASHES.clear()
    memo = _HASHES
    out = []
    for item in items:
        value = memo.get(item)
        if value is None:
            value = memo[item] = zlib.crc32(item.encode("utf-8"))
        out.append(value)
    return out


def article_key(article: Article, index: int) -> str:
    """A stable identifier for an article in a batch: its URL, else source[:line], else index."""
    if article.url:
        return article.url
    if article.source:
        return f"{article.source}:{article.line}" if article.line else article.source
    return f"#{index}"


def article_keys(articles: Iterable[Article]) -> list[str]:
    """``article_key`` for each article, made unique within the batch (``#n`` added to repeats)."""
    keys, seen = [], set()
    for i, article in enumerate(articles):
        key = article_key(article, i)
        keys.append(key if key not in seen else f"{key}#{i}")
        seen.add(keys[-1])
    return keys


def article_text(article: Article) -> str:
    """The text the corpus features compare: the title and the clean body."""
    return f"{article.title}\n{article.body}" if article.title else article.body


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b) if len(a) < len(b) else len(b & a)
    return common / (len(a) + len(b) - common)


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the larger (1.0 for a truncated copy)."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0
