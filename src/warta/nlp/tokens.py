"""Indonesian tokens and sentences with character offsets.

Sentences end at . ! ? before a capital, digit or quote, never after a known abbreviation
(Kol., dll., No., initials) and never inside an open double quote, so a quotation of
several sentences stays one unit for quote attribution. Paragraphs (newlines) always end
a sentence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

TOKEN = re.compile(
    r"\d+(?:[.,/:]\d+)+"                  # 20.000  26/1  3/4/2024  14:52
    r"|\w+(?:[-'’]\w+)*"                  # negara-negara  Jum'at
    r"|[^\w\s]", re.UNICODE)

ABBREVIATIONS = frozenset("""
kol letkol mayjen brigjen jenderal jend laksda laksma marsda dr drs dra ir prof h hj kh
jl jln no nomor tel telp hlm dll dsb dst dkk sdr sdri bpk bp ibu tn ny nn st pt cv tbk
a.n u.p s.h s.e s.pd m.si m.sc ph.d vs kab kec kel prov gub wagub rp us ltd inc co mr mrs ms
bhd sen jr sr no. art ps ayat
""".split())

OPEN_QUOTES = "“\""
CLOSE_QUOTES = "”\""
_END = re.compile(r"[.!?]+[\"”’')\]]*")
_SPECIAL = re.compile(r'[“”"]|[.!?]')
_RUN = re.compile(r"[\w.]+")
_INITIALS = re.compile(r"(\w\.)+\w")
_PLAIN_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+\S)")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str = field(default="", compare=False, repr=False)   # text.lower(): the rules compare it constantly

    def __post_init__(self) -> None:
        if not self.low:
            object.__setattr__(self, "low", self.text.lower())


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset`` (a fresh list each call)."""
    return list(_tokens(text, offset))


def sentence_tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """``tokenize`` as a tuple shared by every caller (cached: the stages reuse a sentence's
    tokens instead of building them again)."""
    return _tokens(text, offset)


_new = object.__new__
_set_text, _set_start, _set_end, _set_low = Token.text.__set__, Token.start.__set__, Token.end.__set__, Token.low.__set__


@functools.lru_cache(maxsize=256)       # entities, then quotes and events (actors.split) use each sentence's tokens
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    out = []
    for m in TOKEN.finditer(text):      # Token(...) without the frozen dataclass's checked __init__: 2x faster
        start, end = m.span()
        text = m.group()
        t = _new(Token)
        _set_text(t, text)
        _set_start(t, start + offset)
        _set_end(t, end + offset)
        _set_low(t, text.lower())
        out.append(t)
    return tuple(out)


def body_tokens(text: str) -> list[Token]:
    """``tokenize(text)``, assembled from the (cached) tokens of its sentences: sentences only
    ever split at whitespace, which no token spans, so the two are the same."""
    return [t for s in _sentences(text) for t in _tokens(s.text, s.start)]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or an initial."""
    # the run of word characters and dots just before the dot, matched backwards from it
    # (a search for "[\w.]+$" retries from every position), within a 40-character window
    m = _RUN.match(text[max(0, dot - 40):dot][::-1])
    if not m:
        return False
    word = m.group()[::-1].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(_INITIALS.fullmatch(word))


def _next_starts_sentence(text: str, pos: int) -> bool:
    rest = text[pos:pos + 3].lstrip(" \t")
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in OPEN_QUOTES + "'(")


def _split_paragraph(text: str, base: int) -> list[Sentence]:
    out, start, depth = [], 0, 0
    skip = 0
    for found in _SPECIAL.finditer(text):  # only quote marks and sentence ends matter
        i = found.start()
        if i < skip:
            continue
        ch = text[i]
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        elif depth == 0:
            m = _END.match(text, i)
            end = m.end()
            if (ch != "." or not _is_abbreviation(text, i)) and (end >= len(text) or (text[end] in " \t" and _next_starts_sentence(text, end))):
                out.append((start, end))
                start = end
            skip = end
    out.append((start, len(text)))
    if depth and len(out) == 1 and len(text) > 400:   # unbalanced quote: split plainly
        return _split_plain(text, base)
    return [_trimmed(text, s, e, base) for s, e in out if text[s:e].strip()]


def _split_plain(text: str, base: int) -> list[Sentence]:
    spans, start = [], 0
    for m in _PLAIN_END.finditer(text):
        if m.group()[0] == "." and _is_abbreviation(text, m.start()):
            continue
        if _next_starts_sentence(text, m.end()):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    return [_trimmed(text, s, e, base) for s, e in spans if text[s:e].strip()]


def _trimmed(text: str, s: int, e: int, base: int) -> Sentence:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Sentence(text[s:e], base + s, base + e)


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets index ``text`` (a fresh list each call)."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=2)         # every analysis stage splits the same body
def _sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            out.extend(_split_paragraph(para, pos))
        pos += len(para) + 1
    return tuple(out)
