"""Articles to table rows and back, shared by every store backend."""
from __future__ import annotations

import json
from typing import Any, Optional

from ..model import Actor, Article, Entity, Event, Quote, TimeExpr
from .schema import ACTOR_COLUMNS

LIST_COLUMNS = ("authors", "editors", "wire_sources", "boilerplate", "notes")
ARTICLE_COLUMNS = ("doc_key", "content_hash", "source", "url", "line", "title", "published", "outlet",
                   "language", "dateline", "body") + LIST_COLUMNS


def article_row(a: Article, doc_key: str) -> dict[str, Any]:
    row = {c: getattr(a, c) for c in ARTICLE_COLUMNS if c != "doc_key"}
    row["doc_key"] = doc_key
    for c in LIST_COLUMNS:
        row[c] = json.dumps(row[c], ensure_ascii=False)
    return row


def _actor_cols(prefix: str, actor: Optional[Actor]) -> dict[str, Any]:
    cols = {f"{prefix}_{c}": getattr(actor, c) if actor else None for c in ACTOR_COLUMNS}
    cols[f"{prefix}_start"] = actor.start if actor else None
    cols[f"{prefix}_end"] = actor.end if actor else None
    return cols


def entity_row(e: Entity) -> dict[str, Any]:
    return {"start_char": e.start, "end_char": e.end, "text": e.text, "label": e.label,
            "canonical": e.canonical, "kb_id": e.kb_id, "country": e.country, "role": e.role,
            "sector": e.sector, "confidence": e.confidence}


def quote_row(q: Quote) -> dict[str, Any]:
    return {"start_char": q.start, "end_char": q.end, "content_start": q.content_start,
            "content_end": q.content_end, "content": q.content, "direct": int(q.direct), "cue": q.cue,
            "confidence": q.confidence, **_actor_cols("speaker", q.speaker)}


def time_row(t: TimeExpr) -> dict[str, Any]:
    return {"start_char": t.start, "end_char": t.end, "text": t.text, "value": t.value,
            "granularity": t.granularity, "type": t.type}


def event_row(e: Event) -> dict[str, Any]:
    return {"type": e.type, "mode": e.mode, "aux": e.aux, "context": e.context,
            **_actor_cols("source", e.source), **_actor_cols("target", e.target),
            **_actor_cols("claimant", e.claimant), "date": e.date, "date_inferred": int(e.date_inferred),
            "location": e.location, "trigger": e.trigger, "sentence": e.sentence,
            "start_char": e.start, "end_char": e.end, "confidence": e.confidence}


CHILDREN = {"entities": entity_row, "quotes": quote_row, "times": time_row, "events": event_row}


# --- back from rows -----------------------------------------------------------------

def _actor(row: dict, prefix: str) -> Optional[Actor]:
    if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_canonical") is None:
        return None
    return Actor(start=row.get(f"{prefix}_start"), end=row.get(f"{prefix}_end"),
                 **{c: row.get(f"{prefix}_{c}") for c in ACTOR_COLUMNS})


def article_from_rows(row: dict, children: dict[str, list[dict]]) -> Article:
    a = Article(**{c: row[c] for c in ARTICLE_COLUMNS if c not in ("doc_key",) + LIST_COLUMNS})
    for c in LIST_COLUMNS:
        setattr(a, c, json.loads(row[c] or "[]"))
    a.entities = [Entity(start=r["start_char"], end=r["end_char"], text=r["text"], label=r["label"],
                         canonical=r["canonical"], kb_id=r["kb_id"], country=r["country"], role=r["role"],
                         sector=r["sector"], confidence=r["confidence"]) for r in children.get("entities", [])]
    a.quotes = [Quote(content=r["content"], start=r["start_char"], end=r["end_char"],
                      content_start=r["content_start"], content_end=r["content_end"], direct=bool(r["direct"]),
                      speaker=_actor(r, "speaker"), cue=r["cue"], confidence=r["confidence"])
                for r in children.get("quotes", [])]
    a.times = [TimeExpr(text=r["text"], start=r["start_char"], end=r["end_char"], value=r["value"],
                        granularity=r["granularity"], type=r["type"]) for r in children.get("times", [])]
    a.events = [event_from_row(r) for r in children.get("events", [])]
    return a


def event_from_row(r: dict) -> Event:
    return Event(type=r["type"], sentence=r["sentence"], start=r["start_char"], end=r["end_char"],
                 trigger=r["trigger"], mode=r["mode"], aux=r["aux"], context=r["context"],
                 source=_actor(r, "source"), target=_actor(r, "target"), claimant=_actor(r, "claimant"),
                 date=r["date"], date_inferred=bool(r["date_inferred"]), location=r["location"],
                 confidence=r["confidence"])
