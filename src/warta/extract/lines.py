"""Plain-text line classifier: which lines of a scraped page are the article body.

Each line gets a kind from general signals (length, casing, terminal punctuation, link-like
text, cue lexicon, repetition); the body is the best-scoring contiguous run of body-like
lines (a maximum-sum segment: body lines add their length, furniture subtracts a penalty),
so a lone teaser sentence above the headline or a promo line below the article stays out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import lexicon

BODY, EMPTY, LABEL, TEASER, PROMO, CAPTION, CREDIT, DATE, SLUG, OTHER = (
    "body", "empty", "label", "teaser", "promo", "caption", "credit", "date", "slug", "other")
FURNITURE_PENALTY = {LABEL: 25, TEASER: 25, PROMO: 60, CAPTION: 30, CREDIT: 60, DATE: 60, SLUG: 40, OTHER: 35}

DATE_LINE_EXTRA_WORDS = 5  # "Diperbarui", a weekday, an outlet name, "Uhr" ...
PLACEHOLDER = re.compile(r"^\[[^\[\]]{1,80}\]$")  # "[Gambas:Video CNN]", "[caption]": embed markers
TAG = re.compile(r"<[^<>]{1,500}>")
SPACE = re.compile(r"\s+")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.U)
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv|news|info|my|co|io)\b", re.I)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
CAPTION_CREDIT = re.compile(
    r"(?:\((?:foto|sumber|dok|ilustrasi|source|photo)\s*[:.]?[^()]{0,60}\)|"
    r"\((?:[A-Z][\w ]{1,20}(?:/[\w .-]{1,30})*)\)|"  # "(AFP)", "(ANTARA/HO-Kemlu RI)"
    r"/\s?(?:net|ist|istimewa|dok|antara|antara foto|reuters|afp|ap|tass|ria|getty images)\b\.?)\s*$", re.I)
LOGO_HEAD = re.compile(r"^(?:\w+\s+){0,3}logo\s+(?=[A-Z\"“])", re.I)
LOGO_TAIL = re.compile(r"\s+(?:\w+\s+){0,3}logo(?:\s+\w+)?$", re.I)
CODE_TAIL = re.compile(r"\s*\(([A-Za-z]{1,12}(?:[\d.-]*)(?:/[A-Za-z]{1,12}[\d.-]*)+|[a-z]{2,4})\)\s*$|\s*\[([a-z]{2,4}(?:/[a-z]{2,4})*)\]\s*$")
LINK_TEASERS = ("baca", "artikel", "berita", "simak", "lihat", "tonton", "saksikan", "read", "related", "see", "also", "terkait")


@dataclass(slots=True)
class Line:
    raw: str          # as in the input (for the boilerplate list)
    text: str         # tags stripped, spaces collapsed
    kind: str = OTHER
    cut: list[str] = field(default_factory=list)  # fragments cut off the line (logo alt text)
    glued: bool = False  # split off a label it was glued to


def words(text: str) -> list[str]:
    return WORD.findall(text)


def clean_line(raw: str) -> str:
    return SPACE.sub(" ", TAG.sub(" ", raw)).strip()


def split_lines(text: str) -> list[Line]:
    """Lines with glued upper-case labels split off ("ARTIKEL LAINNYAPada ..." -> two lines)."""
    out: list[Line] = []
    for raw in text.split("\n"):
        clean = clean_line(raw)
        pieces = _split_glued(clean) if clean else [clean]
        if len(pieces) == 1:
            out.append(Line(raw, pieces[0]))
        else:
            out.extend(Line(p, p, glued=True) for p in pieces)
    return out


def _split_glued(clean: str) -> list[str]:
    pieces, last = [], 0
    for m in lexicon.glued_label().finditer(clean):
        if m.start() > last:
            pieces.append(clean[last:m.start()].strip())
        pieces.append(m.group(1))
        last = m.end()
    pieces.append(clean[last:].strip())
    return [p for p in pieces if p] or [clean]


def is_body_like(text: str) -> bool:
    text = CODE_TAIL.sub("", text)
    ws = words(text)
    if len(ws) < 5 or not SENTENCE_END.search(text):
        return False
    lower = sum(1 for w in ws if w[0].islower())
    return lower >= 2 and lower / len(ws) >= 0.15 and len(text) >= 30


def is_name_like(text: str) -> bool:
    ws = text.replace(",", " ").split()
    return (2 <= len(ws) <= 5 and not any(ch.isdigit() for ch in text)
            and all(w[0].isupper() and re.fullmatch(r"[\w.'’-]+", w) for w in ws))


def base_kind(line: Line) -> str:
    t = line.text
    if not t:
        return EMPTY
    if lexicon.label_line().match(t) or lexicon.label_prefix().match(t) or PLACEHOLDER.match(t):
        return LABEL
    ws = words(t)
    if lexicon.credit_label().match(t) or (len(ws) <= 6 and _credit_fields(t)):
        return CREDIT
    if len(ws) < 40 and lexicon.has_promo(t):
        return PROMO
    if " " not in t and t.count("-") >= 2:
        return SLUG
    if len(ws) <= 14 and _has_date(t):
        return DATE
    if len(ws) <= 25 and CAPTION_CREDIT.search(t) and _capital_ratio(ws) >= 0.5:
        return CAPTION
    return BODY if is_body_like(t) else OTHER


def _credit_fields(text: str) -> list:
    from .credits import credit_fields
    return credit_fields(text)


def _has_date(text: str) -> bool:
    """A date line: a date and little else ("Kompas.tv - 4 April 2024, 14:43 WIB")."""
    from .dates import parse_date
    found = parse_date(text)
    if found is None:
        return False
    rest = text[:found.span[0]] + " " + text[found.span[1]:]
    return len(words(rest)) <= DATE_LINE_EXTRA_WORDS


def _capital_ratio(ws: list[str]) -> float:
    return sum(1 for w in ws if w[0].isupper()) / max(1, len(ws))


def strip_logo_alt(line: Line) -> None:
    """Image alt text glued to a paragraph ("rmol news logo Rencana ...") is cut off."""
    if "logo" not in line.text.lower():
        return
    for pattern in (LOGO_HEAD, LOGO_TAIL):
        m = pattern.search(line.text)
        if m and len(line.text) - len(m.group(0)) > 20:
            line.cut.append(m.group(0).strip())
            line.text = (line.text[:m.start()] + line.text[m.end():]).strip()


def classify(lines: list[Line]) -> None:
    for line in lines:
        strip_logo_alt(line)
        line.kind = base_kind(line)
    _mark_teasers(lines)


def _mark_teasers(lines: list[Line]) -> None:
    """The headline after a stand-alone link label ("BACA SELENGKAPNYA:") is a teaser."""
    for i, line in enumerate(lines):
        if line.kind != LABEL or not lexicon.label_line().match(line.text):
            continue
        if not line.text.lower().startswith(LINK_TEASERS):
            continue
        nxt = next((l for l in lines[i + 1:] if l.kind != EMPTY), None)
        if nxt is not None and not nxt.glued and nxt.kind in (BODY, OTHER) and _teaser_shaped(nxt.text):
            nxt.kind = TEASER


def _teaser_shaped(text: str) -> bool:
    return len(words(text)) <= 22 and not re.search(r"[.!?]\s+[A-Z]", text)


def best_block(lines: list[Line]) -> tuple[int, int]:
    """Indices [start, end] of the maximum-sum run of lines (body +length, furniture -penalty)."""
    best, best_span, run, run_start = 0, (0, -1), 0, 0
    for i, line in enumerate(lines):
        if line.kind == EMPTY:
            continue
        gain = min(len(line.text), 400) if line.kind == BODY else -FURNITURE_PENALTY[line.kind]
        if run <= 0:
            run, run_start = 0, i
        run += gain
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def keep_in_block(line: Line, title_key: str | None) -> bool:
    if line.kind == BODY:
        return not (title_key and _key(line.text) == title_key)
    return line.kind == OTHER and len(words(line.text)) >= 8 and not line.text.isupper()


def _key(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def repeated_keys(lines: list[Line]) -> Counter:
    return Counter(_key(l.text) for l in lines if l.text)
