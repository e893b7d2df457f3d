"""Listing stored events and quotes with filters (the library side of `warta events` and
`warta quotes`)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from .errors import InputError

EVENT_COLUMNS = ["id", "date", "type", "source", "target", "mode", "aux", "context", "trigger",
                 "location", "confidence", "outlet", "article_id", "sentence"]
QUOTE_COLUMNS = ["id", "published", "speaker", "country", "direct", "cue", "content", "outlet", "article_id"]


def _day(value: Optional[str], name: str) -> Optional[str]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise InputError(f"--{name} {value!r} is not a day like 2024-04-03") from None


def _like(where: list[str], args: list, columns: list[str], value: str) -> None:
    where.append("(" + " OR ".join(f"{c} LIKE ?" for c in columns) + ")")
    args.extend([f"%{value}%"] * len(columns))


def _actor(row: dict, prefix: str) -> Optional[str]:
    name = row.get(f"{prefix}_canonical") or row.get(f"{prefix}_text")
    country = row.get(f"{prefix}_country")
    if not name and not country:
        return None
    return f"{name or '?'} ({country})" if country else name


def list_events(store, actor: Optional[str] = None, country: Optional[str] = None,
                type_: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                outlet: Optional[str] = None, limit: int = 100) -> list[dict]:
    """Stored events, newest first; ``actor`` and ``country`` match either side."""
    where, args = [], []
    if actor:
        _like(where, args, ["t.source_text", "t.source_canonical", "t.target_text", "t.target_canonical"], actor)
    if country:
        where.append("(t.source_country = ? OR t.target_country = ?)")
        args += [country.upper()] * 2
    if type_:
        where.append("t.type = ?")
        args.append(type_.upper())
    if since:
        where.append("t.date >= ?")
        args.append(_day(since, "since"))
    if until:
        where.append("t.date < ?")
        args.append((date.fromisoformat(_day(until, "until")) + timedelta(days=1)).isoformat())
    if outlet:
        _like(where, args, ["a.outlet"], outlet)
    rows = store.table_rows("events", " AND ".join(where), args, limit, order="t.date DESC, t.id")
    return [{**r, "source": _actor(r, "source"), "target": _actor(r, "target"),
             "outlet": r.get("article_outlet")} for r in rows]


def list_quotes(store, speaker: Optional[str] = None, country: Optional[str] = None,
                since: Optional[str] = None, until: Optional[str] = None, outlet: Optional[str] = None,
                limit: int = 100) -> list[dict]:
    """Stored quotes with their speakers, newest article first."""
    where, args = [], []
    if speaker:
        _like(where, args, ["t.speaker_text", "t.speaker_canonical"], speaker)
    if country:
        where.append("t.speaker_country = ?")
        args.append(country.upper())
    if since:
        where.append("a.published >= ?")
        args.append(_day(since, "since"))
    if until:
        where.append("a.published < ?")
        args.append((date.fromisoformat(_day(until, "until")) + timedelta(days=1)).isoformat())
    if outlet:
        _like(where, args, ["a.outlet"], outlet)
    rows = store.table_rows("quotes", " AND ".join(where), args, limit, order="a.published DESC, t.id")
    return [{**r, "speaker": _actor(r, "speaker"), "country": r.get("speaker_country"),
             "published": r.get("article_published"), "outlet": r.get("article_outlet"),
             "direct": bool(r.get("direct"))} for r in rows]
