"""An article body as HTML with its annotations highlighted by character offsets.

Spans may overlap (an entity inside a quote inside an event's sentence), so the text is cut
at every span boundary and each piece becomes one flat ``<span>`` carrying the classes of
all annotations covering it: no nesting to get wrong, and every piece of text is escaped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from .html import Markup, escape, fmt


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str            # ent | quote | event | time
    css: str             # extra classes (e.g. "ent-PER", "ev-12")
    title: str           # the tooltip: what was found here
    anchor: Optional[str] = None  # an element id placed at the start (events: "ev-12")


def entity_spans(rows: Iterable[dict]) -> list[Span]:
    return [Span(r["start_char"], r["end_char"], "ent", f"ent-{_css(r['label'])}",
                 " · ".join(str(x) for x in (r["label"], r.get("canonical"), r.get("country")) if x))
            for r in rows]


def quote_spans(rows: Iterable[dict]) -> list[Span]:
    return [Span(r["content_start"], r["content_end"], "quote", "",
                 f"quote by {r.get('speaker_canonical') or r.get('speaker_text') or 'unknown speaker'}")
            for r in rows]


def time_spans(rows: Iterable[dict]) -> list[Span]:
    return [Span(r["start_char"], r["end_char"], "time", "", f"time: {r.get('value') or '?'}") for r in rows]


def wire_spans(credits: Iterable[dict]) -> list[Span]:
    return [Span(c["start"], c["end"], "wire", "", f"wire credit: {c['wire']} ({c['kind']})")
            for c in credits if c.get("start") is not None and c.get("end") is not None]


def event_spans(rows: Iterable[dict]) -> list[Span]:
    def actor(r: dict, side: str) -> str:
        return r.get(f"{side}_canonical") or r.get(f"{side}_text") or "?"
    return [Span(r["start_char"], r["end_char"], "event", f"ev-{int(r['id'])}",
                 f"{r['type']}: {actor(r, 'source')} → {actor(r, 'target')}", anchor=f"ev-{int(r['id'])}")
            for r in rows]


def _css(label: str) -> str:
    return "".join(ch for ch in str(label) if ch.isalnum()) or "X"


def highlight(body: str, spans: Iterable[Span]) -> Markup:
    """``body`` as escaped HTML with one flat <span> per stretch of equally annotated text."""
    n = len(body)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        out += [fmt('<span class="anchor" id="{}"></span>', s.anchor) for s in valid
                if s.anchor and s.start == left]
        active = [s for s in valid if s.start <= left and right <= s.end]
        out.append(_piece(body[left:right], active))
    return Markup("".join(out))


def _piece(text: str, active: list[Span]) -> str:
    if not active:
        return escape(text)
    classes = sorted({s.kind for s in active} | {s.css for s in active if s.css})
    title = "\n".join(dict.fromkeys(s.title for s in active))
    return fmt('<span class="{}" title="{}">{}</span>', " ".join(classes), title, text)
