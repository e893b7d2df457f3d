"""Who wrote it, who edited it, where it was filed and which wire it came from."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from . import lexicon
from .lines import CODE_TAIL, is_name_like

SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\bdan\b|\band\b)\s*", re.I)
NAME_TAIL = re.compile(r"(?:\s*[–—(|•]|\s+-).*$")  # "Fajar - detikNews"; "Turner-Trauring" stays whole
BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|posted|erstellt|verfasst|geschrieben|ditulis|diposting)\s+(?:by|von|oleh)|by|von|vom|par|por|"
    r"door|oleh|author|autor|auteur|autorin|penulis|reporter)\b\s*:?\s*", re.I)
PARTICLES = {"von", "van", "der", "den", "de", "di", "da", "du", "del", "della", "dos", "la", "le", "bin", "binti", "al"}
DATELINE = re.compile(r"^([A-Z][\w.'’ ]{1,40}?(?:\s*\([\w./ ]{2,30}\))?(?:\s*,\s*[\w.'’ ]{2,30}?)?)\s*[-–—]{1,2}\s+(?=\S)")
WIRE_CUE = re.compile(
    r"\b(?:dikutip\s+dari|mengutip|dilansir(?:\s+dari)?|melansir|seperti\s+dilansir|sebagaimana\s+dilansir|"
    r"menurut\s+laporan|diberitakan|dilaporkan|according\s+to|reported\s+by)\s+(?:laman\s+|situs\s+|media\s+|kantor\s+berita\s+)?",
    re.I)


def person_name(value: str) -> Optional[str]:
    """A cleaned person name, or None when ``value`` does not look like one."""
    value = NAME_TAIL.sub("", BYLINE_PREFIX.sub("", value.strip())).strip(" .:")
    if not value or any(ch.isdigit() for ch in value) or len(value.split()) > 5:
        return None
    if value.isupper() or value.islower():
        value = " ".join(w.capitalize() for w in value.split())
    core = " ".join(w for w in value.split() if w not in PARTICLES)  # "Christoph von Eichhorn"
    return value if is_name_like(core) or len(value.split()) == 1 and value[:1].isupper() else None


NAME_ROLE = re.compile(r"^([A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){1,3}),\s*([a-z]+)$", re.I)  # "Bagas W, Jurnalis"
BYLINE_OUTLET = re.compile(r"^([A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){1,3})\s+[-–|/]\s+([\w.]+)$")


def credit_fields(text: str) -> list[tuple[str, str]]:
    """("author"|"editor"|"ignore", value) pairs from "Penulis : X | Editor : Y",
    "Penulis Rina Kusuma" (short line, no colon) and "Fajar Nugraha - detikNews"."""
    out = []
    for part in re.split(r"\s*[|•·]\s*", text):
        m = lexicon.credit_label().match(part)
        if m:
            out.append((lexicon.credit_role(m.group(1)), part[m.end():].strip()))
            continue
        first, _, rest = part.partition(" ")
        if len(part.split()) <= 5 and rest[:1].isupper() and lexicon.credit_role(first) != "ignore":
            out.append((lexicon.credit_role(first), rest.strip()))
        elif (r := NAME_ROLE.match(part)) and lexicon.credit_role(r.group(2)) == "author":
            out.append(("author", r.group(1)))
        elif (b := BYLINE_OUTLET.match(part)) and any(c.isupper() for c in b.group(2)[1:]) | ("." in b.group(2)):
            out.append(("author", b.group(1)))
    return out


def names(value: str) -> list[str]:
    return [n for n in (person_name(v) for v in SPLIT_NAMES.split(value)) if n]


def closing_code(text: str) -> tuple[str, Optional[str]]:
    """Cut a closing credit code ("... berlanjut. (AFP/OL-6)") off the last paragraph."""
    m = CODE_TAIL.search(text)
    if not m or not re.search(r"[.!?\"”]\s*$", text[:m.start()]):
        return text, None
    return text[:m.start()].rstrip(), (m.group(1) or m.group(2))


def standalone_code(text: str) -> Optional[str]:
    """A line that is only a credit code: "(rds/agt)", "[ded]", "(AFP/OL-6)"."""
    m = CODE_TAIL.fullmatch(text.strip())
    return (m.group(1) or m.group(2)) if m else None


def code_parts(code: str) -> tuple[list[str], list[str]]:
    """Wire agencies and staff initials in a closing code ("AFP/OL-6" -> ["AFP"], ["OL-6"])."""
    wires, staff = [], []
    for part in code.split("/"):
        agency = wire_agency(part)
        (wires if agency else staff).append(agency or part)
    return wires, staff


def wire_agency(name: str) -> Optional[str]:
    key = " ".join(name.lower().split()).strip(" .")
    agency = lexicon.wire_names().get(key)
    if agency and len(key) <= 4 and not name.strip(" .").isupper():
        return None  # short acronyms only in capitals ("RT", not the word "rt")
    return agency


def wires_in(text: str) -> list[str]:
    """Agencies credited in running text: "dikutip dari RT", "dilansir TASS", "(AFP)"."""
    found = []
    alias = lexicon.wire_alias_pattern()
    for m in WIRE_CUE.finditer(text):
        hit = re.match(rf"({alias})\b", text[m.end():], re.I)
        if hit and (agency := wire_agency(hit.group(1))):
            found.append(agency)
    for m in re.finditer(rf"\(({alias})(?:/[^()]{{0,30}})?\)", text, re.I):
        if agency := wire_agency(m.group(1)):
            found.append(agency)
    return found


def wires_in_source_line(value: str) -> list[str]:
    """A "Sumber : TASS/RT" credit: every part that is a known agency."""
    return [a for a in (wire_agency(p) for p in re.split(r"\s*[/,;&]\s*|\s+dan\s+", value)) if a]


def parse_dateline(first: str) -> Optional[tuple[str, Optional[str], str]]:
    """(place, outlet or agency, rest of paragraph) from "MOSKOW, KOMPAS.TV - ..."."""
    m = DATELINE.match(first)
    if not m:
        return None
    head = m.group(1).strip()
    if any(w[:1].islower() for w in head.replace("(", " ").split()) or len(head.split()) > 6:
        return None
    place, credit = head, None
    paren = re.search(r"\(([^()]+)\)", head)
    if paren:
        place, credit = head[:paren.start()].strip(" ,"), paren.group(1).strip()
    elif "," in head:
        a, b = [x.strip() for x in head.split(",", 1)]
        place, credit = (b, a) if _outlet_like(a) and not _outlet_like(b) else (a, b)
    elif "." in head or not (head.isupper() or _title_case_place(head, first[m.end():])):
        return None
    if not place or _outlet_like(place):
        return None
    return place, credit, first[m.end():]


def _title_case_place(head: str, rest: str) -> bool:
    """"Jakarta - Menteri ..." (Detik style): 1-3 capitalised words, a capital after the dash."""
    ws = head.split()
    return 1 <= len(ws) <= 3 and all(w[:1].isupper() for w in ws) and rest[:1].isupper()


def _outlet_like(text: str) -> bool:
    return "." in text or bool(re.search(r"\d", text))


def unique(items: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for x in items:
        k = x.lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out
