"""Filtered listings of events and quotes, shared by the CLI, the API and exports.
Every value is a bound parameter; filters combine with AND."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .base import next_day as _next_day
from .base import BaseStore


@dataclass(frozen=True)
class Filters:
    actor: Optional[str] = None     # substring of a source/target (events) or speaker (quotes)
    country: Optional[str] = None   # ISO 3166 alpha-3 of either side
    type: Optional[str] = None      # PLOVER type(s), comma-separated
    outlet: Optional[str] = None    # substring of the article's outlet
    since: Optional[str] = None     # inclusive day, YYYY-MM-DD
    until: Optional[str] = None     # inclusive day
    article_id: Optional[int] = None


def _common(f: Filters, date_col: str) -> tuple[list[str], list]:
    where, args = [], []
    if f.outlet:
        where.append("lower(a.outlet) LIKE ?")
        args.append(f"%{f.outlet.lower()}%")
    if f.since:
        where.append(f"{date_col} >= ?")
        args.append(f.since)
    if f.until:
        where.append(f"{date_col} < ?")
        args.append(_next_day(f.until))
    if f.article_id is not None:
        where.append("t.article_id = ?")
        args.append(f.article_id)
    return where, args


def events(store: BaseStore, f: Filters = Filters(), limit: Optional[int] = 1000) -> list[dict]:
    where, args = _common(f, "coalesce(t.date, substr(a.published, 1, 10))")
    if f.actor:
        like = f"%{f.actor.lower()}%"
        where.append("(lower(t.source_canonical) LIKE ? OR lower(t.source_text) LIKE ? "
                     "OR lower(t.target_canonical) LIKE ? OR lower(t.target_text) LIKE ?)")
        args += [like] * 4
    if f.country:
        where.append("(t.source_country = ? OR t.target_country = ?)")
        args += [f.country.upper()] * 2
    if f.type:
        types = [t.strip().upper() for t in f.type.split(",") if t.strip()]
        where.append(f"t.type IN ({', '.join('?' for _ in types)})")
        args += types
    return store.table_rows("events", " AND ".join(where), args, limit,
                            order="coalesce(t.date, a.published), t.article_id, t.start_char")


def quotes(store: BaseStore, f: Filters = Filters(), limit: Optional[int] = 1000) -> list[dict]:
    where, args = _common(f, "substr(a.published, 1, 10)")
    if f.actor:
        like = f"%{f.actor.lower()}%"
        where.append("(lower(t.speaker_canonical) LIKE ? OR lower(t.speaker_text) LIKE ?)")
        args += [like] * 2
    if f.country:
        where.append("t.speaker_country = ?")
        args.append(f.country.upper())
    return store.table_rows("quotes", " AND ".join(where), args, limit,
                            order="a.published, t.article_id, t.start_char")
