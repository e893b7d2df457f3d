"""From model mentions to clean entity mentions: title words trimmed off names, KB names the
model missed added, countries labelled GPE. Offsets index the text given."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .features import gazetteer
from .kb import KB, load_kb, norm
from .ner import Mention, tag_tokens
from .tokens import Token, sentences, tokenize

_PUNCT_EDGE = set(".,;:!?\"'“”‘’()[]-–—")
_KIND_LABEL = {"GPE": "GPE", "ORG": "ORG", "PER": "PER"}


@dataclass(slots=True)
class Span:
    start: int
    end: int
    label: str
    tokens: list[Token]
    sentence: int


def _trim(m: Span, kb: KB) -> Optional[Span]:
    """Drop title words at the start of a PER (Menag, Presiden) and punctuation at the edges."""
    toks = list(m.tokens)
    while toks and (toks[0].text in _PUNCT_EDGE or (m.label == "PER" and len(toks) > 1 and _is_title(toks[0].text, kb))):
        toks.pop(0)
    while toks and toks[-1].text in _PUNCT_EDGE:
        toks.pop()
    if not toks:
        return None
    return Span(toks[0].start, toks[-1].end, m.label, toks, m.sentence)


def _is_title(word: str, kb: KB) -> bool:
    low = norm(word)
    return low in kb.titles or low in kb.role_cues


def _kb_label(m: Span, kb: KB) -> str:
    """A span that is exactly a KB name takes the KB's type; LOC countries become GPE."""
    key = norm(" ".join(t.text for t in m.tokens))
    rec = kb.by_name.get(key)
    if rec and (m.label != "PER" or rec.kind == "PER"):
        return _KIND_LABEL[rec.kind]
    if key in kb.capitals and m.label == "PER":
        return "LOC"
    return m.label


def _case_ok(toks: list[Token]) -> bool:
    """KB names found without the model must look like names: capitalised, acronyms in capitals."""
    first = toks[0].text
    if not first[:1].isupper():
        return False
    return not (len(toks) == 1 and len(first) <= 3 and not first.isupper())


def _gazetteer_spans(toks: list[Token], taken: list[bool], sent_no: int, kb: KB) -> list[Span]:
    lowers = [norm(t.text) or t.text.lower() for t in toks]
    gaz = gazetteer().tag(lowers)
    out, i = [], 0
    while i < len(toks):
        tag = gaz[i]
        j = i + 1
        while j < len(toks) and gaz[j] and gaz[j].startswith("I-"):
            j += 1
        if tag and tag.startswith("B-") and tag[2:] != "TITLE" and not any(taken[i:j]) and _case_ok(toks[i:j]):
            label = {"CTRY": "GPE", "CAP": "LOC", "ORG": "ORG", "PER": "PER"}[tag[2:]]
            out.append(Span(toks[i].start, toks[j - 1].end, label, toks[i:j], sent_no))
        i = j
    return out


def sentence_spans(toks: list[Token], sent_no: int, kb: KB) -> list[Span]:
    spans = []
    for m in tag_tokens(toks):
        s = _trim(Span(m.start, m.end, m.label, list(m.tokens), sent_no), kb)
        if s:
            s.label = _kb_label(s, kb)
            spans.append(s)
    index = {t.start: i for i, t in enumerate(toks)}
    taken = [False] * len(toks)
    for s in spans:
        for t in s.tokens:
            taken[index[t.start]] = True
    spans += _gazetteer_spans(toks, taken, sent_no, kb)
    return sorted(spans, key=lambda s: s.start)


def find_spans(text: str) -> list[Span]:
    """Entity spans over a whole text, in order."""
    kb = load_kb()
    out: list[Span] = []
    for n, sent in enumerate(sentences(text)):
        out += sentence_spans(tokenize(sent.text, sent.start), n, kb)
    return out
