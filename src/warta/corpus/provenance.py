"""Provenance: which articles credit which wire service, and which copy which.

Credits come from the article's metadata (``Article.wire_sources``, filled by the meta
stage) and from cues in the body: a quoting verb ("dikutip dari Reuters", "dilansir AFP",
"mengutip TASS", "kantor berita Xinhua"), a source line ("Sumber : TASS/RT"), a wire
dateline ("Jakarta (ANTARA) -") and parenthetical credits ("(AFP)", "(AFP/Reuters)",
"(ANTARA/HO-Kemlu RI)"). Only names in the shipped wire list count, so "RT 05/RW 03"
or "dikutip dari laman resmi" credit nothing. Near-copies come from dedup: an article
that rewrites an earlier one without crediting the wire the earlier one credits is flagged.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from ..model import Article
from ..wires import spellings, wire_list
from .dedup import DedupSettings, DuplicatePair, duplicate_groups, near_duplicates
from .text import article_keys

_NAMES = r"[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}"
QUOTING = re.compile(
    r"\b(?:(?:seperti|sebagaimana)\s+)?(?P<cue>dikutip|dilansir|diberitakan|dilaporkan|mengutip|melansir|"
    r"melaporkan|menurut(?:\s+laporan)?|lapor|kata|tulis|dari)(?:\s+(?:oleh|dari))?\s+"
    r"(?:(?i:kantor\s+berita|media|laman|situs|televisi|stasiun\s+televisi)\s+)?(?:(?:resmi|pemerintah)\s+)?"
    rf"(?:[A-Z][a-z]+\s+)?(?P<names>{_NAMES})")
AGENCY = re.compile(rf"\b(?i:kantor\s+berita)\s+(?:resmi\s+)?(?:[A-Z][a-z]+\s+)?(?P<names>{_NAMES})")
SOURCE_LINE = re.compile(r"(?:^|\()\s*Sumber\s*:\s*(?P<names>[^\n)]+)", re.M)
DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40}\s\((?P<names>[^)\n]{2,30})\)\s*[-–—]", re.M)
PARENTHESES = re.compile(r"\((?P<names>[^()\n]{2,60})\)")
SEPARATORS = re.compile(r"\s*(?:/|,|&|\bdan\b|\band\b)\s*")


@dataclass(frozen=True, slots=True)
class WireCredit:
    wire: str
    kind: str                     # metadata | quoted | agency | source-line | dateline | parenthetical
    start: Optional[int] = None   # offsets into Article.body (None for metadata)
    end: Optional[int] = None


@dataclass(slots=True)
class Provenance:
    key: str
    outlet: Optional[str]
    wires: list[str]                          # credited by this article
    credits: list[WireCredit]
    state_media: list[str]                    # credited wires owned by a state
    earliest: str                             # earliest version among its near-copies (itself if none)
    copy_of: list[str] = field(default_factory=list)    # earlier near-copies
    copied_by: list[str] = field(default_factory=list)  # later near-copies
    group_wires: list[str] = field(default_factory=list)  # wires credited anywhere among its copies
    uncredited_copy: bool = False             # copies an article that credits a wire, credits none


@functools.cache
def _aliases() -> tuple[dict[str, str], dict[str, str]]:
    """(exact alias -> wire, casefolded alias -> wire for aliases of 4+ characters)."""
    exact, folded = {}, {}
    for wire in wire_list().values():
        for alias in spellings(wire):
            exact[alias] = wire.name
            if len(alias) >= 4:
                folded[alias.casefold()] = wire.name
    return exact, folded


def wire_name(text: str) -> Optional[str]:
    """The wire service ``text`` names exactly (alias, any case for long aliases), or None."""
    exact, folded = _aliases()
    text = text.strip(" .,:;-–—")
    return exact.get(text) or folded.get(text.casefold())


def leading_wire(text: str) -> Optional[tuple[str, int]]:
    """The wire named by the longest leading run of words of ``text`` and that run's length."""
    parts = text.split()
    for n in range(min(4, len(parts)), 0, -1):
        candidate = " ".join(parts[:n])
        name = wire_name(candidate)
        if name:
            return name, len(candidate.rstrip(" .,:;"))
    return None


def _listed(text: str, base: int, kind: str) -> list[WireCredit]:
    """Credits for a list of names ("TASS/RT", "AFP, Reuters"): every part must be a wire
    or a photographer-style credit after the first wire ("ANTARA/HO-Kemlu RI")."""
    out, pos = [], 0
    for part in SEPARATORS.split(text):
        at = text.find(part, pos)
        pos = at + len(part)
        name = wire_name(part)
        if name:
            out.append(WireCredit(name, kind, base + at, base + at + len(part.strip())))
    return out


def body_credits(body: str) -> list[WireCredit]:
    """Wire credits found in the clean text, in text order."""
    found: list[WireCredit] = []
    for pattern, kind in ((QUOTING, "quoted"), (AGENCY, "agency")):
        for m in pattern.finditer(body):
            hit = leading_wire(m.group("names"))
            if hit:
                start = m.start("names")
                found.append(WireCredit(hit[0], kind, start, start + hit[1]))
    for pattern, kind in ((SOURCE_LINE, "source-line"), (DATELINE, "dateline"), (PARENTHESES, "parenthetical")):
        for m in pattern.finditer(body):
            found.extend(_listed(m.group("names"), m.start("names"), kind))
    unique = {(c.wire, c.start, c.end): c for c in reversed(found)}   # first kind found wins
    return sorted(unique.values(), key=lambda c: (c.start or 0, c.wire))


def credited_wires(article: Article) -> tuple[list[str], list[WireCredit]]:
    """Wires the article credits (metadata first, then body order) with the evidence."""
    credits = [WireCredit(name, "metadata") for name in
               (wire_name(w) or w for w in article.wire_sources)]
    credits += body_credits(article.body)
    return list(dict.fromkeys(c.wire for c in credits)), credits


def provenance(articles: Sequence[Article], pairs: Optional[Iterable[DuplicatePair]] = None,
               settings: DedupSettings = DedupSettings()) -> list[Provenance]:
    """Per article: credited wires, near-copies (earlier and later) and the earliest version."""
    pairs = list(near_duplicates(articles, settings) if pairs is None else pairs)
    keys = article_keys(articles)
    states = {w.name for w in wire_list().values() if w.ownership == "state"}
    out = {}
    for key, article in zip(keys, articles):
        wires, credits = credited_wires(article)
        out[key] = Provenance(key, article.outlet, wires, credits, [w for w in wires if w in states], key)
    for group in duplicate_groups(articles, pairs):
        _link_group(group.keys, out)
    return [out[k] for k in keys]


def _link_group(ordered: tuple[str, ...], out: dict[str, Provenance]) -> None:
    """Earliest version, copy links and the wires credited anywhere in one duplicate group."""
    group_wires = list(dict.fromkeys(w for k in ordered for w in out[k].wires))
    for n, key in enumerate(ordered):
        record = out[key]
        record.earliest, record.group_wires = ordered[0], group_wires
        record.copy_of, record.copied_by = list(ordered[:n]), list(ordered[n + 1:])
        earlier_wires = {w for k in ordered[:n] for w in out[k].wires}
        record.uncredited_copy = bool(earlier_wires) and not record.wires
