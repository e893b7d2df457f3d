"""Article extraction: clean body, removed boilerplate and metadata from text or HTML."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from .result import NO_ARTICLE, Extraction
from .text import extract_lines, extract_text


def extract(text: str, kind: str = "text", url: Optional[str] = None,
            now: Optional[datetime] = None) -> Extraction:
    """Extract from ``kind`` "text" (scraped page), "html" or "lines" (already clean)."""
    if kind == "html":
        from .html import extract_html
        return extract_html(text, url, now)
    if kind == "lines":
        return extract_lines(text)
    return extract_text(text, url, now)


__all__ = ["Extraction", "NO_ARTICLE", "extract", "extract_text"]
