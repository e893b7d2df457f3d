"""Plain-text extraction: body lines by the line classifier, metadata from the furniture."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from . import credits, dates, lang, outlet
from .lines import (BODY, CREDIT, DATE, EMPTY, OTHER, Line, _key, best_block, classify,
                    is_name_like, keep_in_block, repeated_keys, split_lines, words)
from .result import NO_ARTICLE, Extraction


def extract_text(text: str, url: Optional[str] = None, now: Optional[datetime] = None) -> Extraction:
    """Split a scraped page into body and boilerplate and read its metadata."""
    lines = split_lines(text)
    classify(lines)
    start, end = best_block(lines)
    head = [l for l in lines[:start] if l.kind != EMPTY] if end >= 0 else [l for l in lines if l.kind != EMPTY]
    foot = [l for l in lines[end + 1:] if l.kind != EMPTY] if end >= 0 else []
    title = find_title(head, lines)
    title_key = _key(title) if title else None
    block = lines[start:end + 1] if end >= 0 else []
    body = [l for l in block if l.kind != EMPTY and keep_in_block(l, title_key)] or _bare_sentences(lines)
    if body and not block:
        title = None
    out = Extraction(title=title)
    out.boilerplate = _removed(lines, set(map(id, body)))
    read_body(out, [l.text for l in body])
    read_furniture(out, head, foot, title, url, now)
    return out


def _bare_sentences(lines: list[Line]) -> list[Line]:
    """A snippet of one to three plain sentences (no page around it) is itself the body."""
    text = [l for l in lines if l.kind != EMPTY]
    if 0 < len(text) <= 3 and all(len(words(l.text)) >= 3 and l.text.rstrip()[-1:] in ".!?\"”" for l in text):
        return text
    return []


def _removed(lines: list[Line], kept: set[int]) -> list[str]:
    removed = []
    for l in lines:
        if id(l) not in kept and l.kind != EMPTY:
            removed.append(l.raw.strip() or l.text)
        removed.extend(l.cut)
    return removed


def find_title(head: list[Line], lines: list[Line]) -> Optional[str]:
    """The head line most like a headline: repeated on the page, then the longest."""
    counts = repeated_keys(lines)
    cands = [l for l in _before_dateline(head) if l.kind in (OTHER, BODY) and _headline_shaped(l.text)]
    cands = cands or [l for l in head if l.kind in (OTHER, BODY) and _headline_shaped(l.text)]
    if not cands:
        return None
    if all(is_name_like(l.text) for l in cands):  # a headline in title case comes before a byline
        return max(cands, key=lambda l: counts[_key(l.text)] > 1).text
    return max(cands, key=lambda l: (counts[_key(l.text)] > 1, not is_name_like(l.text), len(l.text))).text


def _before_dateline(head: list[Line]) -> list[Line]:
    """Head lines above the first date or credit line: where headlines stand (captions come after)."""
    for i, line in enumerate(head):
        if line.kind in (DATE, CREDIT):
            return head[:i]
    return head


def _headline_shaped(text: str) -> bool:
    n = len(words(text))
    return (3 <= n <= 30 and 15 <= len(text) <= 250 and not text.rstrip().endswith(".")
            and not outlet.DOMAIN.search(text))


def read_body(out: Extraction, paras: list[str]) -> None:
    """Dateline off the first paragraph, closing credit code off the last; wire credits."""
    if not paras:
        out.notes.append(NO_ARTICLE)
        return
    parsed = credits.parse_dateline(paras[0])
    if parsed:
        out.dateline, credit, paras[0] = parsed
        if credit and (agency := credits.wire_agency(credit)):
            out.wire_sources.append(agency)
        elif credit:
            out.outlet = credit
    paras[-1], code = credits.closing_code(paras[-1])
    if code:
        wires, staff = credits.code_parts(code)
        out.wire_sources += wires
        out.editors += staff
    body = "\n".join(p for p in paras if p)
    out.wire_sources = credits.unique(out.wire_sources + credits.wires_in(body))
    out.body = body
    out.language = lang.identify(body)


def read_furniture(out: Extraction, head: list[Line], foot: list[Line], title: Optional[str],
                   url: Optional[str], now: Optional[datetime]) -> None:
    """Date, credits and outlet from the lines around the body."""
    around = head + foot
    _read_date(out, head, foot, now)
    read_credits(out, around, head, title)
    masthead = outlet.from_masthead(l.text for l in head if l.kind == DATE)
    out.outlet = (masthead or outlet.from_cues(l.text for l in around)
                  or outlet.from_copyright(l.text for l in foot) or out.outlet
                  or outlet.from_domain_lines(l.text for l in foot + head) or outlet.from_url(url))


def _read_date(out: Extraction, head: list[Line], foot: list[Line], now: Optional[datetime]) -> None:
    reasons = []
    for line in head + foot:
        if line.kind not in (DATE, CREDIT, OTHER):
            continue
        found = dates.parse_date(line.text, now=now)
        if found and found.value:
            out.published = found.value
            return
        if found:
            reasons.append(found.reason)
    if reasons:
        out.notes.append(f"published: {reasons[0]}")


def read_credits(out: Extraction, around: list[Line], head: list[Line], title: Optional[str]) -> None:
    for line in around:
        if code := credits.standalone_code(line.text):
            wires, staff = credits.code_parts(code)
            out.wire_sources = credits.unique(out.wire_sources + wires)
            out.editors += staff
            continue
        for role, value in credits.credit_fields(line.text):
            if role == "author":
                out.authors += credits.names(value)
            elif role == "editor":
                out.editors += credits.names(value)
            elif role == "ignore":
                out.wire_sources = credits.unique(out.wire_sources + credits.wires_in_source_line(value))
    if not out.authors:
        out.authors += _bare_byline(head, title)
    out.authors = [a for a in credits.unique(out.authors) if not is_outlet(a, out.outlet)]
    out.wire_sources = [w for w in out.wire_sources if not same_name(w, out.outlet)]
    out.editors = sorted(credits.unique(out.editors), key=lambda n: " " not in n)


def is_outlet(name: str, outlet_name: Optional[str]) -> bool:
    """An author credit that is the outlet itself ("CNN Indonesia", "Redaksi")."""
    a = "".join(ch for ch in name.lower() if ch.isalnum())
    o = "".join(ch for ch in (outlet_name or "").lower() if ch.isalnum())
    return a == "redaksi" or (len(a) >= 4 and len(o) >= 4 and (a == o or o.startswith(a) or a.startswith(o))) \
        or (len(a) >= 5 and "." in (outlet_name or "") and a in o)  # "Okezone" of bola.okezone.com


def same_name(agency: str, outlet_name: Optional[str]) -> bool:
    """An outlet does not credit itself as a wire source (ANTARA News, "Jakarta (ANTARA)")."""
    a = "".join(ch for ch in agency.lower() if ch.isalnum())
    o = "".join(ch for ch in (outlet_name or "").lower() if ch.isalnum())
    return bool(a and o) and (o.startswith(a) or a in o.split("news")[0])


def _bare_byline(head: list[Line], title: Optional[str]) -> list[str]:
    """A name alone on a line next to the date line or right under the headline."""
    for i, line in enumerate(head):
        if line.kind not in (OTHER,) or not is_name_like(line.text) or line.text == title:
            continue
        prev = head[i - 1] if i else None
        nxt = head[i + 1] if i + 1 < len(head) else None
        if (nxt and nxt.kind == DATE) or (prev and prev.kind == DATE) or (prev and prev.text == title):
            return [n for n in [credits.person_name(line.text)] if n]
    return []


def extract_lines(text: str) -> Extraction:
    """Already-clean text (--lines): the text is the body, only the language is added."""
    out = Extraction(body=text.strip())
    if not out.body:
        out.notes.append(NO_ARTICLE)
    out.language = lang.identify(out.body)
    return out
