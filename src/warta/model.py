"""The data model: one file, typed, serialisable to and from JSON.

Every annotation is a span with character offsets into ``Article.body`` (the clean
text), so a fact can always be shown highlighted in its sentence.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional, Union

INTERNAL = {"internal": True}  # field metadata: kept in memory, left out of JSON output


@dataclass(slots=True)
class RawDoc:
    """Bytes as read from a source, before decoding."""
    source: str                      # file path, "-" for stdin, or a URL
    data: bytes
    kind: str = "auto"               # "text" | "html" | "auto"
    url: Optional[str] = None
    line: Optional[int] = None       # 1-based line for JSONL records and --lines input
    given: dict = field(default_factory=dict)  # trusted metadata (JSONL title, published, outlet)


@dataclass(slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str                       # PER | ORG | LOC | GPE | ...
    canonical: Optional[str] = None
    kb_id: Optional[str] = None
    country: Optional[str] = None    # ISO 3166 alpha-3
    role: Optional[str] = None
    sector: Optional[str] = None     # GOV | MIL | ...
    confidence: float = 1.0


@dataclass(slots=True)
class Actor:
    """One side of a quote or event: a span in the text resolved where possible."""
    text: str
    start: Optional[int] = None
    end: Optional[int] = None
    canonical: Optional[str] = None
    kb_id: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None


@dataclass(slots=True)
class Quote:
    content: str
    start: int                       # the whole quotation (speaker, cue and content)
    end: int
    content_start: int
    content_end: int
    direct: bool
    speaker: Optional[Actor] = None
    cue: Optional[str] = None
    confidence: float = 1.0


@dataclass(slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    value: Optional[str]             # ISO 8601 or TIMEX3-style ("2024-04", "P3D")
    granularity: Optional[str] = None  # day | month | year | time | duration | ...
    type: str = "DATE"               # DATE | TIME | DURATION | SET


@dataclass(slots=True)
class Event:
    type: str                        # PLOVER event type
    sentence: str
    start: int                       # the evidence span (usually the sentence)
    end: int
    trigger: Optional[str] = None
    mode: Optional[str] = None       # visit | phone | multilateral | ...
    aux: Optional[str] = None        # future | negated | hypothetical
    context: Optional[str] = None    # terrorism | military | diplomatic | ...
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    claimant: Optional[Actor] = None  # speaker of the quote that reports the event
    date: Optional[str] = None
    date_inferred: bool = False      # True when the date is the publication day by default
    location: Optional[str] = None
    confidence: float = 0.5


@dataclass(slots=True)
class Rejection:
    """A document that could not be processed: stored, never dropped."""
    source: str
    stage: str
    reason: str
    line: Optional[int] = None

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason} [{self.stage}]"


@dataclass(slots=True)
class Article:
    source: str
    id: Optional[int] = None         # assigned by the store
    text: str = field(default="", metadata=INTERNAL)  # decoded, normalised input (text or HTML)
    kind: str = field(default="text", metadata=INTERNAL)
    url: Optional[str] = None
    line: Optional[int] = None
    content_hash: Optional[str] = None
    language: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 with offset, or None
    outlet: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    dateline: Optional[str] = None
    wire_sources: list[str] = field(default_factory=list)
    body: str = ""
    boilerplate: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "no article found", why a date is null
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    given: dict = field(default_factory=dict, metadata=INTERNAL)  # trusted input metadata

    def to_dict(self, fields: Optional[set[str]] = None) -> dict:
        """JSON-ready dict; ``fields`` limits the output to those keys."""
        return to_dict(self, fields)

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        return from_dict(cls, data)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


# --- generic (de)serialisation ------------------------------------------------------

def to_dict(obj: Any, only: Optional[set[str]] = None) -> Any:
    if dataclasses.is_dataclass(obj):
        out = {}
        for f in dataclasses.fields(obj):
            if f.metadata.get("internal") or (only is not None and f.name not in only):
                continue
            out[f.name] = to_dict(getattr(obj, f.name))
        return out
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def from_dict(cls: type, data: dict) -> Any:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _convert(hints[k], v) for k, v in data.items() if k in names})
