"""The outlet: from the page's own words (masthead, dateline, promo lines) or the domain."""
from __future__ import annotations

import re
from typing import Iterable, Optional
from urllib.parse import urlparse

from . import lexicon
from .lines import DOMAIN

CUE_NAME = r"((?:[A-Z][\w.-]*|[a-z][\w-]*\.[a-z.]{2,})(?:\s+(?:[A-Z][\w.-]*|\d+))*)"
MASTHEAD = re.compile(r"^([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})\s*[-–|•]\s*(?=.*\d)")


def _not_platform(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    base = re.split(r"[.\s]", name.strip().lower())[0]
    return None if base in lexicon.data()["platforms"] else name.strip(" .,:")


def from_masthead(date_lines: Iterable[str]) -> Optional[str]:
    """"Kompas.tv - 4 April 2024, 14:43 WIB" -> "Kompas.tv"."""
    from ..nlp.calendar import WEEKDAYS
    for text in date_lines:
        m = MASTHEAD.match(text)
        if m and m.group(1).lower() not in WEEKDAYS:
            return _not_platform(m.group(1))
    return None


def from_cues(lines: Iterable[str]) -> Optional[str]:
    """"Kantor Berita Politik RMOL di ...", "WhatsApp channel mediaindonesia.com", "Jaringan X"."""
    cues = "|".join(re.escape(c) for c in sorted(lexicon.data()["outlet_cues"], key=len, reverse=True))
    pattern = re.compile(rf"(?i:\b(?:{cues}))\s+{CUE_NAME}")
    for text in lines:
        for m in pattern.finditer(text):
            name = _not_platform(m.group(1))
            if name and name.lower() not in ("whatsapp", "telegram", "youtube"):
                return name
    return None


COPYRIGHT = re.compile(r"(?i:copyright|hak cipta|\(c\)|©)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                       r"((?:[A-Z][\w.-]*)(?:\s+[A-Z][\w.-]*){0,3})")


def from_copyright(lines: Iterable[str]) -> Optional[str]:
    """"Copyright © 2025 Harian Lintas. All Rights Reserved." -> "Harian Lintas"."""
    for text in lines:
        m = COPYRIGHT.search(text)
        if m:
            name = re.sub(r"\s+(?:All|Hak|Seluruh)\b.*$", "", m.group(1)).strip(" .")
            if name and name.lower() not in ("all", "hak"):
                return _not_platform(name)
    return None


def from_domain_lines(lines: Iterable[str]) -> Optional[str]:
    """A line that is only a site name with a domain ending ("NewsRoom.id")."""
    for text in lines:
        m = DOMAIN.fullmatch(text.strip(" .|"))
        if m:
            return _not_platform(m.group(0))
    return None


def from_url(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|mobile|amp|news|berita)\.", "", host)
    return host or None
