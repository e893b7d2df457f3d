"""From model mentions to clean entity mentions: title words trimmed off names, KB names the
model missed added, countries labelled GPE. Offsets index the text given."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .features import gazetteer
from .kb import KB, fold, load_kb, norm
from .ner import Mention, load_model, tag_token_lists, tag_tokens
from .tokens import Token, sentences, tokenize

_PUNCT_EDGE = set(".,;:!?\"'“”‘’()[]-–—")
_KIND_LABEL = {"GPE": "GPE", "ORG": "ORG", "PER": "PER"}
# Head words of state institutions named "<Head> <Domain> <Country>" (Angkatan Laut Rusia,
# Kementerian Pertahanan Prancis, Kedutaan Besar Jepang, Dewan Keamanan Rusia).
INSTITUTION_HEADS = frozenset("angkatan kementerian kemlu kemenlu kemhan kemenhan kedutaan kedubes konsulat dewan parlemen".split())


@dataclass(slots=True)
class Span:
    start: int
    end: int
    label: str
    tokens: list[Token]
    sentence: int


def _trim(m: Span, kb: KB) -> list[Span]:
    """Drop punctuation at the edges and title words before a name (Menag, Menteri Luar
    Negeri Rusia); a country named in the title becomes its own GPE span."""
    toks = list(m.tokens)
    while toks and toks[0].text in _PUNCT_EDGE:
        toks.pop(0)
    while toks and toks[-1].text in _PUNCT_EDGE:
        toks.pop()
    lower = load_model().lower
    while len(toks) > 1 and toks[0].text.islower() and toks[0].text in lower:   # "depan Duma"
        toks.pop(0)
    if not toks:
        return []
    label, country = m.label, []
    if label != "PER" and _ends_with_known_person(toks):
        label = "PER"
    if label == "PER":
        toks, country = _strip_titles(toks, kb)
    out = [Span(toks[0].start, toks[-1].end, label, toks, m.sentence)]
    if country:
        out.insert(0, Span(country[0].start, country[-1].end, "GPE", country, m.sentence))
    return out


def _ends_with_known_person(toks: list[Token]) -> bool:
    """A model span whose last words are a KB person's name, after other words."""
    if len(toks) <= 2:
        return False
    gaz = gazetteer().tag([norm(t.text) or t.text for t in toks])
    return gaz[-1] in ("B-PER", "I-PER") and any(g == "B-PER" for g in gaz[1:])


def _strip_titles(toks: list[Token], kb: KB) -> tuple[list[Token], list[Token]]:
    """'Menag Lukman Hakim' -> 'Lukman Hakim'; 'Luar Negeri Rusia Sergei Lavrov' ->
    'Sergei Lavrov' (and the country tokens)."""
    stripped, country = False, []
    while len(toks) > 1:
        if _is_title(toks[0].text, kb) or norm(toks[0].text) in kb_role_words(kb):
            toks, stripped = toks[1:], True
            continue
        n = _country_prefix(toks[:-1], kb) if stripped else 0
        if not n:
            break
        country, toks = toks[:n], toks[n:]
    return toks, country


_ROLE_WORDS: dict[int, frozenset[str]] = {}


def kb_role_words(kb: KB) -> frozenset[str]:
    """Words of multi-word role cues ("luar", "negeri", "pertahanan")."""
    key = id(kb)
    if key not in _ROLE_WORDS:
        _ROLE_WORDS[key] = frozenset(w for cue in kb.role_cues for w in cue.split())
    return _ROLE_WORDS[key]


def _is_title(word: str, kb: KB) -> bool:
    low = norm(word)
    return low in kb.titles or low in kb.role_cues


def _kb_label(m: Span, kb: KB) -> str:
    """A span that is exactly a KB name takes the KB's type; LOC countries become GPE."""
    key = norm(" ".join([t.text for t in m.tokens]))
    rec = kb.by_name.get(key)
    if rec and (m.label != "PER" or rec.kind == "PER"):
        return _KIND_LABEL[rec.kind]
    if key in kb.capitals and m.label == "PER":         # a place, not a person; a seat of power the
        return "ORG" if rec and rec.kind == "ORG" else "LOC"   # KB knows as its government (Kremlin): ORG
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
    if not any(gaz):
        return []
    out, i = [], 0
    while i < len(toks):
        tag = gaz[i]
        j = i + 1
        while j < len(toks) and gaz[j] and gaz[j].startswith("I-"):
            j += 1
        if tag and j - i > 1 and not toks[i].text[:1].isupper():
            gaz[i + 1:j] = gazetteer().tag(lowers[i + 1:j])     # "kelompok Wagner": try "Wagner" alone
            i += 1
            continue
        if tag and tag.startswith("B-") and tag[2:] != "TITLE" and not any(taken[i:j]) and _case_ok(toks[i:j]):
            label = {"CTRY": "GPE", "CAP": "LOC", "ORG": "ORG", "PER": "PER"}[tag[2:]]
            out.append(Span(toks[i].start, toks[j - 1].end, label, toks[i:j], sent_no))
        i = j
    return out


def _country_prefix(toks: list[Token], kb: KB, capitals: bool = False) -> int:
    """How many leading tokens form a country name (or capital), longest first; 0 if none."""
    for n in range(min(4, len(toks)), 0, -1):
        key = norm(" ".join([t.text for t in toks[:n]]))
        if toks[n - 1].text[:1].isalnum() and (key in kb.country_names or (capitals and key in kb.capitals)):
            return n
    return 0


def _split_country(m: Span, before: str, kb: KB) -> list[Span]:
    """'Rusia Sergei Lavrov' (PER) or 'dari Kenya Musalia Mudavadi' (LOC after a title word)
    is a country followed by a person."""
    n = _country_prefix(m.tokens[:-1], kb, capitals=True)
    if not n:
        return [m]
    rest = m.tokens[n:]
    before = norm(before)
    after_title = before in kb.titles or before in kb_role_words(kb) or before in kb.counterpart_cues or before == "dari"
    if not n or not all(t.text[:1].isupper() for t in rest) or not (m.label == "PER" or after_title) or len(rest) < 2:
        return [m]
    is_country = norm(" ".join(t.text for t in m.tokens[:n])) in kb.country_names
    head = Span(m.tokens[0].start, m.tokens[n - 1].end, "GPE" if is_country else "LOC", m.tokens[:n], m.sentence)
    return [head, Span(rest[0].start, rest[-1].end, "PER", rest, m.sentence)]


def _institutions(toks: list[Token], spans: list[Span], sent_no: int, kb: KB) -> list[Span]:
    """Add '<Head> ... <Country>' institution names as ORG, replacing spans inside them."""
    for i, t in enumerate(toks):
        if not t.text[:1].isupper() or norm(t.text) not in INSTITUTION_HEADS:
            continue
        for j in range(i + 1, min(i + 6, len(toks))):
            if not toks[j].text[:1].isupper():
                break
            n = _country_prefix(toks[j:], kb)
            if n and _country_prefix(toks[j:j + n + 1], kb) == n:
                org = Span(t.start, toks[j + n - 1].end, "ORG", toks[i:j + n], sent_no)
                inside = [s for s in spans if s.start >= org.start and s.end <= org.end]
                if not [s for s in spans if s.start < org.end and org.start < s.end and s not in inside]:
                    spans = [s for s in spans if s not in inside] + [org]
                break
    return spans


def sentence_spans(toks: list[Token], sent_no: int, kb: KB, add_kb_names: bool = True,
                   mentions: Optional[list[Mention]] = None) -> list[Span]:
    """Entity spans of one sentence; ``mentions``: the model's, when already tagged."""
    spans = []
    index = {t.start: i for i, t in enumerate(toks)}
    for m in tag_tokens(toks) if mentions is None else mentions:
        i = index[m.start]
        before = toks[i - 1].text if i > 0 else ""
        for part in _split_country(Span(m.start, m.end, m.label, list(m.tokens), sent_no), before, kb):
            for s in _trim(part, kb):
                s.label = _kb_label(s, kb)
                spans.append(s)
    spans = _institutions(toks, spans, sent_no, kb)
    taken = [False] * len(toks)
    for s in spans:
        for t in s.tokens:
            taken[index[t.start]] = True
    if add_kb_names:
        spans += _gazetteer_spans(toks, taken, sent_no, kb)
    return sorted(spans, key=lambda s: s.start)


def find_spans(text: str) -> list[Span]:
    """Entity spans over a whole text, in order, with document-level name propagation."""
    kb = load_kb()
    gazetteer().forget()
    out: list[Span] = []
    sents = [tokenize(s.text, s.start) for s in sentences(text)]
    for n, (toks, found) in enumerate(zip(sents, tag_token_lists(sents))):
        out += sentence_spans(toks, n, kb, mentions=found)
    return sorted(out + _propagate_surnames(sents, out), key=lambda s: s.start)


def _propagate_surnames(sents: list[list[Token]], spans: list[Span]) -> list[Span]:
    """A capitalised word the model left untagged that is the surname of a person named in
    full elsewhere in the document is a mention of that person."""
    surnames = {fold(s.tokens[-1].text) for s in spans if s.label == "PER" and len(s.tokens) > 1} | load_kb().surnames
    taken = {t.start for s in spans for t in s.tokens}
    out = []
    for n, toks in enumerate(sents):
        for t in toks:
            if t.start not in taken and t.text[:1].isupper() and len(t.text) > 2 and fold(t.text) in surnames:
                out.append(Span(t.start, t.end, "PER", [t], n))
    return out


def words_to_tokens(words: list[str]) -> list[Token]:
    """Tokens for pre-split words, as if joined by single spaces."""
    out, pos = [], 0
    for w in words:
        out.append(Token(w, pos, pos + len(w)))
        pos += len(w) + 1
    return out


POST_MODES = ("raw", "rules", "kb")


def bio_for_words(words: list[str], gpe: bool = False, post: str = "rules") -> list[str]:
    """BIO tags for one pre-tokenised sentence. ``post``: "raw" (the model alone), "rules"
    (title words trimmed, country+name split, institution names) or "kb" (also KB names the
    model missed). GPE (countries) is folded into LOC unless ``gpe``."""
    toks = words_to_tokens(words)
    if post != "raw":
        spans = sentence_spans(toks, 0, load_kb(), add_kb_names=post == "kb")
    else:
        spans = [Span(m.start, m.end, m.label, list(m.tokens), 0) for m in tag_tokens(toks)]
        for s in spans:
            if gpe and s.label == "LOC" and norm(" ".join(t.text for t in s.tokens)) in load_kb().country_names:
                s.label = "GPE"
    index = {t.start: i for i, t in enumerate(toks)}
    tags = ["O"] * len(words)
    for s in spans:
        label = s.label if gpe or s.label != "GPE" else "LOC"
        first = index[s.tokens[0].start]
        for k, t in enumerate(s.tokens):
            tags[index[t.start]] = ("B-" if k == 0 else "I-") + label
        tags[first] = "B-" + label
    return tags
