"""Read-side queries for the web app and its API: filtered article search, filtered events,
aggregates (timeline, actor network, countries) and an article's provenance.

Every function takes an open ``sqlite3.Connection`` (rows as ``sqlite3.Row``) or the
PostgreSQL equivalent ``store.postgres.PgConnection``, and binds every value as a parameter;
only fixed column names are ever spliced into SQL. The SQL is shared; what differs between
the backends (full-text search, two aggregates) is in one ``Dialect`` per backend, and the
PostgreSQL connection drops SQLite's planner hints (see ``store.postgres.adapt``).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields, replace
from typing import Any, Callable, Iterator, Mapping, Optional

from .sqlite import fts_query
from .postgres import ts_query
from .base import day_range

MAX_LIMIT = 500

# PLOVER types by their side of the cooperation/conflict scale (REQUEST counts as neutral).
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

EVENT_COLUMNS = ("id", "article_id", "type", "mode", "aux", "context", "source_text", "source_canonical",
                 "source_country", "source_sector", "target_text", "target_canonical", "target_country",
                 "target_sector", "date", "date_inferred", "location", "trigger", "sentence", "start_char",
                 "end_char", "confidence")
ARTICLE_LIST_COLUMNS = ("id", "title", "published", "outlet", "source", "url", "wire_sources")


@dataclass(frozen=True)
class Filters:
    """What a person can filter on; the same for search, events and the charts."""
    q: str = ""
    actor: str = ""
    country: str = ""
    type: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    distinct: str = ""      # events: "1" keeps one row per real-world event (its first mention)
    limit: int = 50
    offset: int = 0

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> "Filters":
        """From URL query parameters; unknown keys ignored, numbers clamped, text trimmed."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = (params.get(f.name) or "").strip()
            if f.type in ("int", int):
                values[f.name] = _int(raw, f.default, 0, MAX_LIMIT if f.name == "limit" else 10**7)
            else:
                values[f.name] = raw[:200]
        values["country"] = values["country"].upper()
        values["type"] = values["type"].upper()
        return cls(**values)

    def params(self) -> dict[str, str]:
        """The non-empty filters as URL parameters (paging left out)."""
        return {f.name: str(getattr(self, f.name)) for f in fields(self)
                if f.name not in ("limit", "offset") and getattr(self, f.name)}

    def page(self, limit: int, offset: int = 0) -> "Filters":
        return replace(self, limit=limit, offset=offset)


def _int(raw: str, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(raw)))
    except ValueError:
        return default


# --- what differs between SQLite and PostgreSQL -------------------------------------------

@dataclass(frozen=True)
class Dialect:
    name: str
    match: Callable[[str], str]   # what a person types -> the backend's full-text query
    fts_ids: str                  # ids of the articles matching one bound full-text query
    fts_event_ids: str            # ids of the events of those articles
    no_match: str                 # a full-text query that matches nothing
    as_int: str                   # a boolean expression as 0/1, to sum it
    concat: str                   # all values of a group joined without separator


SQLITE = Dialect("sqlite", fts_query, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                 "SELECT e.id FROM articles_fts JOIN events e ON e.article_id = articles_fts.rowid "
                 "WHERE articles_fts MATCH ?", '""', "{}", "group_concat({}, '')")
POSTGRES = Dialect("postgresql", ts_query, "SELECT id FROM articles WHERE fts @@ to_tsquery('simple', ?)",
                   "SELECT e.id FROM articles a JOIN events e ON e.article_id = a.id "
                   "WHERE a.fts @@ to_tsquery('simple', ?)", "", "({})::int", "string_agg({}, '')")


def dialect(db) -> Dialect:
    """POSTGRES for a PgConnection, else SQLITE (a plain sqlite3.Connection)."""
    return POSTGRES if getattr(db, "dialect", None) == "postgresql" else SQLITE


# --- articles -------------------------------------------------------------------------

# Article filters that are sets of article ids, each read from a (value, article_id) index.
ID_SETS = {"actor": ("entities", "canonical"), "country": ("entities", "country"), "type": ("events", "type")}
SIZE_CAP = 20_000      # index entries counted at most when sizing a filter set; smaller sets are
                       # read once and probed, larger ones checked row by row on their index
SMALL_SET = 5_000      # a set filter smaller than this drives a search without text (read, then sorted)
RANK_CANDIDATES = 2000 # full-text matches ranked by BM25: the most recently added ones that pass the filters


def _id_set(f: Filters, key: str) -> tuple[str, list]:
    """SQL for the ids of the articles passing filter ``key`` ("meta": outlet and dates)."""
    if key != "meta":
        table, column = ID_SETS[key]
        return f"SELECT article_id FROM {table} WHERE {column} = ?", [getattr(f, key)]
    where, args = _meta_where(f)
    return f"SELECT a.id FROM articles a WHERE {' AND '.join(where)}", args


def _set_keys(f: Filters) -> list[str]:
    return [k for k in ID_SETS if getattr(f, k)] + (["meta"] if f.outlet or f.since or f.until else [])


def set_sizes(db: sqlite3.Connection, f: Filters) -> dict[str, int]:
    """Index entries (up to SIZE_CAP) of each filter set that is given."""
    sizes = {}
    for key in _set_keys(f):
        sql, args = _id_set(f, key)
        sizes[key] = db.execute(f"SELECT count(*) FROM ({sql} LIMIT {SIZE_CAP}) AS sized", args).fetchone()[0]
    return sizes


def _meta_where(f: Filters) -> tuple[list[str], list]:
    where, args = [], []
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    dates, date_args = day_range("a.published", f.since, f.until)
    return where + dates, args + date_args


def _article_where(f: Filters, article_id: str = "a.id", skip: str = "",
                   member: frozenset[str] = frozenset()) -> tuple[list[str], list]:
    """Conditions on articles (alias ``a`` for outlet and dates). Filters are checked row by
    row on their index, or for those in ``member`` as membership in their id set, read
    once (unary + keeps SQLite from looking rows up by id); ``skip`` leaves one out."""
    where, args = [], []
    for key in _set_keys(f):
        sql, set_args = _id_set(f, key)
        if key == skip:
            continue
        if key in member:
            where.append(f"+{article_id} IN ({sql})")
        elif key == "meta":
            where += _meta_where(f)[0]
        else:
            where.append(f"EXISTS ({sql} AND article_id = {article_id})")
        args += set_args
    return where, args


COUNT_CAP = 1000   # totals above this are reported as "more than 1000" (counting all is slow)


def capped_count(db: sqlite3.Connection, sql_from_where: str, args: list, cap: Optional[int] = None) -> int:
    """Matching rows, counted up to ``cap + 1`` (a result of cap + 1 means "more than cap")."""
    cap = COUNT_CAP if cap is None else cap
    return db.execute(f"SELECT count(*) FROM (SELECT 1 {sql_from_where} LIMIT ?) AS capped", (*args, cap + 1)).fetchone()[0]


def search_articles(db: sqlite3.Connection, f: Filters, count: bool = True) -> tuple[list[dict], Optional[int]]:
    """Articles matching the filters: with ``q``, the RANK_CANDIDATES most recently added
    matches ranked by BM25 (all of them when fewer match), then any older matches newest
    added first; without ``q``, the newest published first. Returns (rows, total counted
    up to COUNT_CAP + 1, or None)."""
    match = dialect(db).match(f.q) if f.q else ""
    if f.q and not match:                       # only punctuation: nothing can match
        return [], 0
    if match and dialect(db) is POSTGRES:
        ids, total = _ranked_ids_postgres(db, f, match, count)
        return _with_headlines(db, ids, match), total
    if match:
        ids, total = _ranked_ids(db, f, match, count)
        return _with_snippets(db, ids, match), total
    return _newest_articles(db, f, count)


def _ranked_ids(db: sqlite3.Connection, f: Filters, match: str, count: bool) -> tuple[list[int], Optional[int]]:
    """One pass over the full-text matches, most recently added first, stopping after
    RANK_CANDIDATES that pass the filters: their BM25 order is the ranking, and their
    number the total. A page past them continues with the older matches."""
    small = frozenset(k for k, n in set_sizes(db, f).items() if n < SIZE_CAP)
    where, args = _article_where(f, "articles_fts.rowid", member=small)
    joined = (f.outlet or f.since or f.until) and "meta" not in small
    base = ("FROM articles_fts" + (" JOIN articles a ON a.id = articles_fts.rowid" if joined else "")
            + " WHERE " + " AND ".join(["articles_fts MATCH ?", *where]))
    found = db.execute(f"SELECT articles_fts.rowid, bm25(articles_fts, 5.0, 1.0) {base} "
                       "ORDER BY articles_fts.rowid DESC LIMIT ?", (match, *args, RANK_CANDIDATES)).fetchall()
    ranked = [r[0] for r in sorted(found, key=lambda r: (r[1], -r[0]))]
    ids = ranked[f.offset:f.offset + f.limit]
    if len(found) == RANK_CANDIDATES and len(ids) < f.limit:
        ids += [r[0] for r in db.execute(
            f"SELECT articles_fts.rowid {base} AND articles_fts.rowid < ? ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?",
            (match, *args, found[-1][0], f.limit - len(ids), max(0, f.offset - RANK_CANDIDATES)))]
    if not count:
        return ids, None
    if len(found) < RANK_CANDIDATES or RANK_CANDIDATES > COUNT_CAP:
        return ids, min(len(found), COUNT_CAP + 1)
    return ids, capped_count(db, base, [match, *args])


def _ranked_ids_postgres(db, f: Filters, match: str, count: bool) -> tuple[list[int], Optional[int]]:
    """_ranked_ids on PostgreSQL: the RANK_CANDIDATES most recently added matches (found on
    the GIN index) ranked by ts_rank, title weighted over body; then the older ones."""
    where, args = _article_where(f)
    base = "FROM articles a WHERE " + " AND ".join(["a.fts @@ to_tsquery('simple', ?)", *where])
    found = db.execute(f"SELECT r.id, ts_rank(r.fts, to_tsquery('simple', ?)) FROM (SELECT a.id {base} "
                       "ORDER BY a.id DESC LIMIT ?) AS recent JOIN articles r ON r.id = recent.id",
                       (match, match, *args, RANK_CANDIDATES)).fetchall()
    found.sort(key=lambda r: -r[0])
    ranked = [r[0] for r in sorted(found, key=lambda r: (-r[1], -r[0]))]
    ids = ranked[f.offset:f.offset + f.limit]
    if len(found) == RANK_CANDIDATES and len(ids) < f.limit:
        ids += [r[0] for r in db.execute(f"SELECT a.id {base} AND a.id < ? ORDER BY a.id DESC LIMIT ? OFFSET ?",
                                         (match, *args, found[-1][0], f.limit - len(ids),
                                          max(0, f.offset - RANK_CANDIDATES)))]
    if not count:
        return ids, None
    if len(found) < RANK_CANDIDATES or RANK_CANDIDATES > COUNT_CAP:
        return ids, min(len(found), COUNT_CAP + 1)
    return ids, capped_count(db, base, [match, *args])


def _with_headlines(db, ids: list[int], match: str) -> list[dict]:
    """_with_snippets on PostgreSQL: ts_headline around the best match in the body."""
    if not ids:
        return []
    cols = ", ".join(f"a.{c}" for c in ARTICLE_LIST_COLUMNS)
    found = {r["id"]: dict(r) for r in db.execute(
        f"SELECT {cols}, ts_headline('simple', a.body, to_tsquery('simple', ?), "
        "'StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=12, MaxFragments=1') AS snippet "
        f"FROM articles a WHERE a.id IN ({', '.join('?' for _ in ids)})", (match, *ids))}
    return [found[i] for i in ids if i in found]


def _newest_articles(db: sqlite3.Connection, f: Filters, count: bool) -> tuple[list[dict], Optional[int]]:
    """Without full text: the newest first. A small actor/country/type set drives the
    query (all its ids read and sorted, which also counts them); otherwise the publication
    index is walked newest first and the total counted from the smallest set."""
    sizes = {k: n for k, n in set_sizes(db, f).items() if k != "meta"}
    driver = min(sizes, key=lambda k: sizes[k]) if sizes else ""
    order = "ORDER BY a.published DESC, a.id DESC"
    if driver and sizes[driver] < SMALL_SET:
        ids = [r[0] for r in db.execute(f"SELECT a.id {_article_from(f, driver)[0]} {order}", _article_from(f, driver)[1])]
        return _article_rows(db, ids[f.offset:f.offset + f.limit]), min(len(ids), COUNT_CAP + 1) if count else None
    sql_from, args = _article_from(f)
    ids = [r[0] for r in db.execute(f"SELECT a.id {sql_from} {order} LIMIT ? OFFSET ?", (*args, f.limit, f.offset))]
    if not count:
        return _article_rows(db, ids), None
    if len(ids) < f.limit and (ids or not f.offset):
        return _article_rows(db, ids), f.offset + len(ids)          # a short page holds the rest
    return _article_rows(db, ids), capped_count(db, *_article_from(f, driver))


def _article_rows(db: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """List columns and the opening of the body for articles ``ids``, in that order."""
    cols = ", ".join(f"a.{c}" for c in ARTICLE_LIST_COLUMNS)
    found = {r["id"]: dict(r) for r in db.execute(
        f"SELECT {cols}, substr(a.body, 1, 240) AS snippet FROM articles a WHERE a.id IN ({', '.join('?' for _ in ids)})",
        ids)} if ids else {}
    return [found[i] for i in ids]


def _article_from(f: Filters, driver: str = "") -> tuple[str, list]:
    """FROM and WHERE over articles; with a ``driver`` set filter, its article ids (each
    once) come first and the articles are looked up by id."""
    where, args = _article_where(f, skip=driver)
    cond = f" WHERE {' AND '.join(where)}" if where else ""
    if not driver:
        return f"FROM articles a{cond}", args
    sql, driver_args = _id_set(f, driver)
    return (f"FROM ({sql.replace('SELECT', 'SELECT DISTINCT', 1)}) s CROSS JOIN articles a ON a.id = s.article_id{cond}",
            [*driver_args, *args])


def _with_snippets(db: sqlite3.Connection, ids: list[int], match: str) -> list[dict]:
    """Metadata and a highlighted snippet for a page of matching ids, in their order. One
    pass over the matches between the smallest and largest id (a lookup per id would
    evaluate the query again each time, slow for prefix queries)."""
    if not ids:
        return []
    cols = ", ".join(f"a.{c}" for c in ARTICLE_LIST_COLUMNS)
    found = {r["id"]: dict(r) for r in db.execute(
        f"SELECT {cols}, snippet(articles_fts, 1, '\x02', '\x03', '…', 24) AS snippet FROM articles_fts "
        f"JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ? "
        f"AND +articles_fts.rowid IN ({', '.join('?' for _ in ids)})", (match, min(ids), max(ids), *ids))}
    return [found[i] for i in ids if i in found]


# --- events ---------------------------------------------------------------------------

def _event_where(f: Filters, d: Dialect = SQLITE) -> tuple[list[str], list]:
    """Conditions on events (the aggregates; the event list plans its own, see _event_plan)."""
    where, args = [], []
    if f.type:
        where.append("ev.type = ?")
        args.append(f.type)
    for key, column in (("actor", "canonical"), ("country", "country")):
        if getattr(f, key):
            where.append(f"(ev.source_{column} = ? OR ev.target_{column} = ?)")
            args += [getattr(f, key)] * 2
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    where, args = where + _event_dates(f)[0] + _distinct(f), args + _event_dates(f)[1]
    if f.q:
        where.append(f"ev.article_id IN ({d.fts_ids})")
        args.append(d.match(f.q) or d.no_match)
    return where, args


def _event_dates(f: Filters) -> tuple[list[str], list]:
    return day_range("ev.date", f.since, f.until)


def _distinct(f: Filters) -> list[str]:
    if f.distinct in ("", "0"):
        return []
    return ["NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = ev.id AND m.first_event != ev.id)"]


def _events_sql(f: Filters, select: str, *extra: str, d: Dialect = SQLITE) -> tuple[str, list]:
    """The query over events; articles are joined only when the filters or columns need them."""
    where, args = _event_where(f, d)
    where = [*extra, *where]
    cond = f"WHERE {' AND '.join(where)}" if where else ""
    join = " JOIN articles a ON a.id = ev.article_id" if f.outlet or "a." in select else ""
    return f"SELECT {select} FROM events ev{join} {cond}", args


# The event list: each filter is a set of event ids read from an index. An outlet or text
# set below SMALL_SET drives the query (its rows read by id, then sorted by date). Else an
# actor or country is walked newest first on both of its (side, date) indexes, merged,
# unless the type has fewer events; else SQLite walks all events on the (date, id) index,
# or one type's on (type, date). Other
# filters are checked on the way: membership in their set read once when below SIZE_CAP,
# else the row's own columns.
EVENT_KEYS = ("actor", "country", "outlet", "q")
SIDE_COLUMN = {"actor": "canonical", "country": "country"}


def _event_set(f: Filters, key: str, union: str = "UNION ALL", d: Dialect = SQLITE) -> tuple[str, list]:
    """SQL for the ids of the events passing filter ``key`` (an actor on both sides once
    each with ``union="UNION"``)."""
    if key in SIDE_COLUMN:
        column, value = SIDE_COLUMN[key], getattr(f, key)
        return (f"SELECT id FROM events WHERE source_{column} = ? {union} SELECT id FROM events WHERE target_{column} = ?",
                [value, value])
    if key == "outlet":
        return "SELECT e.id FROM articles a JOIN events e ON e.article_id = a.id WHERE a.outlet = ?", [f.outlet]
    return d.fts_event_ids, [d.match(f.q) or d.no_match]


def _event_check(f: Filters, key: str, size: int, d: Dialect = SQLITE) -> tuple[str, list]:
    """The condition for filter ``key`` on each event walked."""
    if key == "outlet":        # on article ids: a third as many as event ids
        return "+ev.article_id IN (SELECT id FROM articles WHERE outlet = ?)", [f.outlet]
    if key == "q":
        return f"+ev.article_id IN ({d.fts_ids})", [d.match(f.q) or d.no_match]
    if size < SIZE_CAP:
        sql, args = _event_set(f, key, d=d)
        return f"+ev.id IN ({sql})", args
    column = SIDE_COLUMN[key]
    return f"(+ev.source_{column} = ? OR +ev.target_{column} = ?)", [getattr(f, key)] * 2


@dataclass(frozen=True)
class EventPlan:
    parts: tuple[str, ...]  # FROM ... WHERE ... of the matching events (two: an actor's sides, to merge)
    args: list
    driven: bool            # a small set drives it: read every id at once

    @property
    def sql(self) -> str:
        """The matching events' (id, date), in no order (add ORDER_NEWEST)."""
        return " UNION ".join(f"SELECT ev.id, ev.date {part}" for part in self.parts)

    def count(self, db: sqlite3.Connection) -> int:
        """Matching events up to COUNT_CAP + 1 (the sides merged newest first, so it stops there)."""
        if len(self.parts) > 1:
            sql = f"SELECT count(*) FROM ({self.sql} {ORDER_NEWEST} LIMIT ?) AS counted"
        else:
            sql = f"SELECT count(*) FROM (SELECT 1 {self.parts[0]} LIMIT ?) AS counted"
        return db.execute(sql, (*self.args, COUNT_CAP + 1)).fetchone()[0]


ORDER_NEWEST = "ORDER BY 2 DESC, 1 DESC"


def _event_plan(db: sqlite3.Connection, f: Filters) -> EventPlan:
    """The event list's query, chosen on the sizes of the filter sets (outlet and text
    sets are only sized up to SMALL_SET: they are probed by article id whatever their size)."""
    sizes, d = {}, dialect(db)
    for key in (k for k in EVENT_KEYS if getattr(f, k)):
        sql, args = _event_set(f, key, d=d)
        cap = SIZE_CAP if key in SIDE_COLUMN else SMALL_SET
        sizes[key] = db.execute(f"SELECT count(*) FROM ({sql} LIMIT {cap}) AS sized", args).fetchone()[0]
    # PostgreSQL's b-tree walks give no "date DESC, NULLs last" order per side to merge: it
    # checks an actor or country on each event walked by date instead.
    sides = [k for k in SIDE_COLUMN if k in sizes] if d is SQLITE else []
    split = min(sides, key=lambda k: sizes[k]) if sides else ""
    if split and f.type and _fewer_of_type(db, f.type, sizes[split]):
        split = ""                                   # walk the type's (type, date) index instead
    small = [k for k in ("outlet", "q") if k in sizes and sizes[k] < SMALL_SET and sizes[k] < sizes.get(split, SIZE_CAP)]
    driver = min(small, key=lambda k: sizes[k]) if small else ""
    where, args = ([f"{'+' if split else ''}ev.type = ?"], [f.type]) if f.type else ([], [])
    for key in sizes:
        if key not in (driver, split if not driver else ""):
            sql, check_args = _event_check(f, key, sizes[key], d)
            where.append(sql)
            args += check_args
    dates, date_args = _event_dates(f)
    where, args = where + dates + _distinct(f), args + date_args
    if driver:
        sql, driver_args = _event_set(f, driver, "UNION", d)
        cond = f" WHERE {' AND '.join(where)}" if where else ""
        return EventPlan((f"FROM ({sql}) s CROSS JOIN events ev ON ev.id = s.id{cond}",), [*driver_args, *args], True)
    if split:
        column, value = SIDE_COLUMN[split], getattr(f, split)
        parts = tuple(f"FROM events ev WHERE {' AND '.join([f'ev.{side}_{column} = ?', *where])}"
                      for side in ("source", "target"))
        return EventPlan(parts, [value, *args, value, *args], False)
    cond = f" WHERE {' AND '.join(where)}" if where else ""
    return EventPlan((f"FROM events ev{cond}",), args, False)


def _fewer_of_type(db: sqlite3.Connection, event_type: str, than: int) -> bool:
    """Whether fewer than ``than`` events have this type (counted on its index up to that)."""
    return db.execute("SELECT count(*) FROM (SELECT 1 FROM events WHERE type = ? LIMIT ?) AS sized",
                      (event_type, than)).fetchone()[0] < than


EVENT_SELECT = (", ".join(f"ev.{c}" for c in EVENT_COLUMNS)
                + ", a.title AS article_title, a.outlet AS article_outlet, a.published AS article_published")


def filter_events(db: sqlite3.Connection, f: Filters, count: bool = True) -> tuple[list[dict], Optional[int]]:
    """Events matching the filters, the most recent first; (rows, total up to COUNT_CAP + 1).
    A query driven by a small set reads all its ids sorted (which also counts them); a
    walk by date reads one page and counts up to the cap."""
    plan = _event_plan(db, f)
    if plan.driven:
        ids = [r[0] for r in db.execute(f"{plan.sql} {ORDER_NEWEST}", plan.args)]
        page, total = ids[f.offset:f.offset + f.limit], min(len(ids), COUNT_CAP + 1)
    else:
        page = [r[0] for r in db.execute(f"{plan.sql} {ORDER_NEWEST} LIMIT ? OFFSET ?", (*plan.args, f.limit, f.offset))]
        short = len(page) < f.limit and (page or not f.offset)     # a short page: everything is counted already
        total = f.offset + len(page) if short or not count else plan.count(db)
    return _event_rows(db, page), total if count else None


def _event_rows(db: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """Events ``ids`` with their article's title, outlet and time and their mentions, in that order."""
    found = {r["id"]: dict(r) for r in db.execute(
        f"SELECT {EVENT_SELECT} FROM events ev JOIN articles a ON a.id = ev.article_id "
        f"WHERE ev.id IN ({', '.join('?' for _ in ids)})", ids)} if ids else {}
    rows = [found[i] for i in ids]
    add_mentions(db, rows)
    return rows


def add_mentions(db: sqlite3.Connection, rows: list[dict]) -> None:
    """Set ``mentions`` (articles reporting the same event) and ``first_event`` on event rows."""
    found = {}
    if rows:
        found = {r[0]: (r[1], r[2]) for r in db.execute(
            f"SELECT event_id, first_event, mentions FROM event_mentions WHERE event_id IN "
            f"({', '.join('?' for _ in rows)})", [r["id"] for r in rows])}
    for r in rows:
        r["first_event"], r["mentions"] = found.get(r["id"], (r["id"], 1))


def other_mentions(db: sqlite3.Connection, event_id: int) -> list[dict]:
    """The other reports of the same event: [{event_id, article_id, title, outlet, published}]."""
    return [dict(r) for r in db.execute(
        "SELECT o.event_id, ev.article_id, a.title, a.outlet, a.published FROM event_mentions m "
        "JOIN event_mentions o ON o.first_event = m.first_event AND o.event_id != m.event_id "
        "JOIN events ev ON ev.id = o.event_id JOIN articles a ON a.id = ev.article_id "
        "WHERE m.event_id = ? ORDER BY a.published, ev.id", (event_id,))]


def iter_events(db: sqlite3.Connection, f: Filters, cap: int = 1_000_000) -> Iterator[dict]:
    """Every event matching the filters (for downloads), streamed."""
    plan = _event_plan(db, f)
    ids = [r[0] for r in db.execute(f"{plan.sql} {ORDER_NEWEST} LIMIT ?", (*plan.args, cap))]
    for start in range(0, len(ids), 500):
        yield from _event_rows(db, ids[start:start + 500])


def iter_articles(db: sqlite3.Connection, f: Filters, cap: int = 1_000_000) -> Iterator[dict]:
    """Every article matching the filters (for downloads), in search order, streamed."""
    step = 1000
    for offset in range(0, cap, step):
        rows, _ = search_articles(db, f.page(step, offset), count=False)
        yield from rows
        if len(rows) < step:
            return


# --- aggregates -----------------------------------------------------------------------

def timeline(db: sqlite3.Connection, f: Filters) -> list[dict]:
    """Event counts per month and type: [{period, type, count}] in time order."""
    sql, args = _events_sql(f, "substr(ev.date, 1, 7) AS period, ev.type AS type, count(*) AS count",
                            "+ev.date IS NOT NULL", d=dialect(db))    # unary +: let SQLite scan the covering (type, date) index
    return [dict(r) for r in db.execute(f"{sql} GROUP BY period, ev.type ORDER BY period, ev.type", args)]


def network(db: sqlite3.Connection, f: Filters, top: int = 40) -> dict[str, list[dict]]:
    """Actor pairs (source → target) with their event counts and cooperation balance
    (cooperative minus conflictual events over all), the ``top`` heaviest pairs."""
    pairs = ("+ev.source_canonical IS NOT NULL", "+ev.target_canonical IS NOT NULL",
             "ev.source_canonical != ev.target_canonical")
    sql, args = _events_sql(f, "ev.source_canonical AS s, ev.target_canonical AS t, count(*) AS n", *pairs, d=dialect(db))
    heaviest = db.execute(f"{sql} GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?", (*args, top)).fetchall()
    edges = []
    for s_name, t_name, n in heaviest:
        tsql, targs = _events_sql(f, "ev.type, count(*)", "ev.source_canonical = ?", "ev.target_canonical = ?",
                                  d=dialect(db))
        types = dict(db.execute(f"{tsql} GROUP BY ev.type", (s_name, t_name, *targs)).fetchall())
        balance = sum(c * ((t in COOPERATIVE) - (t in CONFLICTUAL)) for t, c in types.items())
        edges.append({"source": s_name, "target": t_name, "count": n, "balance": round(balance / n, 3), "types": types})
    degree: dict[str, int] = {}
    for e in edges:
        for name in (e["source"], e["target"]):
            degree[name] = degree.get(name, 0) + e["count"]
    nodes = [{"id": n, "country": actor_country(db, n), "count": c}
             for n, c in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def actor_country(db: sqlite3.Connection, canonical: str) -> Optional[str]:
    """The country recorded for an actor in any event (source side first)."""
    for side in ("source", "target"):
        row = db.execute(f"SELECT {side}_country FROM events WHERE {side}_canonical = ? AND {side}_country IS NOT NULL "
                         "LIMIT 1", (canonical,)).fetchone()
        if row:
            return row[0]
    return None


def country_counts(db: sqlite3.Connection, f: Filters) -> list[dict]:
    """Events per actor country (as source, as target): [{country, source, target, count}]."""
    counts: dict[str, dict] = {}
    for side in ("source", "target"):
        sql, args = _events_sql(f, f"ev.{side}_country AS c, count(*) AS n", f"+ev.{side}_country IS NOT NULL",
                                d=dialect(db))
        for r in db.execute(f"{sql} GROUP BY c", args):
            row = counts.setdefault(r["c"], {"country": r["c"], "source": 0, "target": 0, "count": 0})
            row[side] += r["n"]
            row["count"] += r["n"]
    return sorted(counts.values(), key=lambda r: (-r["count"], r["country"]))


def location_counts(db: sqlite3.Connection, f: Filters, top: int = 500) -> list[dict]:
    """Events per location as written in the text: [{location, count}], most frequent first."""
    sql, args = _events_sql(f, "ev.location AS location, count(*) AS count", "+ev.location IS NOT NULL", d=dialect(db))
    return [dict(r) for r in db.execute(f"{sql} GROUP BY ev.location ORDER BY count DESC, location LIMIT ?", (*args, top))]


def facets(db: sqlite3.Connection, top: int = 200) -> dict[str, list]:
    """Choices for the filter form: outlets, event types and the most frequent actors."""
    q = db.execute
    return {
        "outlets": [r[0] for r in q("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT ?", (top,))],
        "types": [r[0] for r in q("SELECT DISTINCT type FROM events ORDER BY type")],
        "actors": [r[0] for r in q("SELECT canonical FROM entities WHERE canonical IS NOT NULL "
                                   "GROUP BY canonical ORDER BY count(*) DESC, canonical LIMIT ?", (top,))],
        "countries": [r[0] for r in q("SELECT DISTINCT country FROM entities WHERE country IS NOT NULL ORDER BY country")],
    }


# --- one article's provenance ---------------------------------------------------------

def provenance(db: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """The other versions in the article's near-duplicate group (earliest version first,
    with the similarity when the pair was found directly, ``direct`` false when linked only
    through another version) and the other articles of its story, earliest first."""
    copies = near_copies(db, article_id)
    row = db.execute("SELECT story FROM stories WHERE article_id = ?", (article_id,)).fetchone()
    story = []
    if row:
        story = [dict(r) for r in db.execute(
            "SELECT s.article_id AS id, s.rank, x.title, x.outlet, x.published FROM stories s "
            "JOIN articles x ON x.id = s.article_id WHERE s.story = ? ORDER BY s.rank", (row[0],))]
    wires = db.execute("SELECT wires, credits, state_media, group_wires, earliest, uncredited_copy "
                       "FROM provenance WHERE article_id = ?", (article_id,)).fetchone()
    credits = {k: json.loads(wires[k]) for k in ("wires", "credits", "state_media", "group_wires")} if wires else {}
    if wires:
        credits.update(earliest=wires["earliest"], uncredited_copy=bool(wires["uncredited_copy"]))
    return {"near_copies": copies, "story": story, "story_id": row[0] if row else None,
            "computed": wires is not None, **credits}


def near_copies(db: sqlite3.Connection, article_id: int) -> list[dict]:
    """The other members of the article's duplicate group (from `warta corpus`: versions
    sharing its earliest version), in publication order."""
    pair = "CASE WHEN d.a = ? THEN d.b ELSE d.a END"
    direct = {r["id"]: dict(r) for r in db.execute(
        f"SELECT {pair} AS id, d.jaccard, d.containment, d.exact, d.earliest FROM duplicates d WHERE d.a = ? OR d.b = ?",
        (article_id, article_id, article_id))}
    group = db.execute("SELECT g.article_id, g.earliest FROM provenance p JOIN provenance g ON g.earliest = p.earliest "
                       "WHERE p.article_id = ? AND g.article_id != ?", (article_id, article_id)).fetchall()
    earliest = {r[0]: r[1] for r in group}
    for other, found in direct.items():          # no provenance row: the pair's own earlier version
        earliest.setdefault(other, found["earliest"])
    rows = []
    if not earliest:
        return rows
    for r in db.execute(f"SELECT id, title, outlet, published, wire_sources FROM articles WHERE id IN "
                        f"({', '.join('?' for _ in earliest)}) ORDER BY published, id", list(earliest)):
        found = direct.get(r["id"], {})
        rows.append({**dict(r), "earliest": earliest[r["id"]], "direct": bool(found), "jaccard": found.get("jaccard"),
                     "containment": found.get("containment"), "exact": found.get("exact", 0)})
    return rows


def outlet_wires(db: sqlite3.Connection, f: Filters, top: int = 200) -> list[dict]:
    """Per outlet: articles, share crediting a wire service, share crediting state media,
    near-copies and uncredited copies (from `warta corpus`), top wires. Date and outlet
    filters apply (on publication time)."""
    where, args = _article_where(Filters(outlet=f.outlet, since=f.since, until=f.until))
    cond = f"WHERE {' AND '.join(where)}" if where else ""
    d = dialect(db)
    crediting = d.as_int.format("coalesce(p.wires, a.wire_sources) NOT IN ('[]', '')")
    state_media = d.as_int.format("coalesce(p.state_media, '[]') != '[]'")
    copied = d.as_int.format("EXISTS (SELECT 1 FROM duplicates d WHERE d.a = a.id OR d.b = a.id)")
    rows = db.execute(
        f"SELECT a.outlet AS outlet, count(*) AS articles, sum({crediting}) AS crediting, "
        f"sum({state_media}) AS state_media, sum(coalesce(p.uncredited_copy, 0)) AS uncredited_copies, "
        f"sum({copied}) AS with_near_copies, {d.concat.format('coalesce(p.wires, a.wire_sources)')} AS wires "
        f"FROM articles a LEFT JOIN provenance p ON p.article_id = a.id {cond} "
        "GROUP BY a.outlet ORDER BY articles DESC, a.outlet LIMIT ?", (*args, top)).fetchall()
    out = []
    for r in rows:
        counts: dict[str, int] = {}
        for chunk in (r["wires"] or "").replace("][", "]\n[").splitlines():
            for wire in json.loads(chunk or "[]"):
                counts[wire] = counts.get(wire, 0) + 1
        out.append({"outlet": r["outlet"], "articles": r["articles"],
                    "wire_share": round(r["crediting"] / r["articles"], 3),
                    "state_media_share": round(r["state_media"] / r["articles"], 3),
                    "with_near_copies": r["with_near_copies"], "uncredited_copies": r["uncredited_copies"],
                    "top_wires": ", ".join(w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:5])})
    return out
