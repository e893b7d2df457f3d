"""What extraction returns: the clean body, what was removed, and the metadata found."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

NO_ARTICLE = "no article found"


@dataclass(slots=True)
class Extraction:
    body: str = ""
    boilerplate: list[str] = field(default_factory=list)
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    dateline: Optional[str] = None
    wire_sources: list[str] = field(default_factory=list)
    language: Optional[str] = None
    notes: list[str] = field(default_factory=list)
