"""Read-side queries for the web app and its API: filtered article search, filtered events,
aggregates (timeline, actor network, countries) and an article's provenance.

Every function takes an open ``sqlite3.Connection`` (rows as ``sqlite3.Row``) or the
PostgreSQL equivalent ``store.postgres.PgConnection``, and binds every value as a parameter;
only fixed column names are ever spliced into SQL. The SQL is shared; what differs between
the backends (full-text search, two aggregates) is in one ``Dialect`` per backend.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields, replace
from typing import Any, Callable, Iterator, Mapping, Optional

from .sqlite import fts_query
from .postgres import ts_query
from .base import next_day as _next_day

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
    no_match: str                 # a full-text query that matches nothing
    as_int: str                   # a boolean expression as 0/1, to sum it
    concat: str                   # all values of a group joined without separator


SQLITE = Dialect("sqlite", fts_query, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", '""',
                 "{}", "group_concat({}, '')")
POSTGRES = Dialect("postgresql", ts_query, "SELECT id FROM articles WHERE fts @@ to_tsquery('simple', ?)", "",
                   "({})::int", "string_agg({}, '')")


def dialect(db) -> Dialect:
    """POSTGRES for a PgConnection, else SQLITE (a plain sqlite3.Connection)."""
    return POSTGRES if getattr(db, "dialect", None) == "postgresql" else SQLITE


# --- articles -------------------------------------------------------------------------

def _article_where(f: Filters) -> tuple[list[str], list]:
    where, args = [], []
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM entities e WHERE e.canonical = ? AND e.article_id = a.id)")
        args.append(f.actor)
    if f.country:
        where.append("EXISTS (SELECT 1 FROM entities e WHERE e.country = ? AND e.article_id = a.id)")
        args.append(f.country)
    if f.type:
        where.append("EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = a.id AND ev.type = ?)")
        args.append(f.type)
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    if f.since:
        where.append("a.published >= ?")
        args.append(f.since)
    if f.until:
        where.append("a.published < ?")
        args.append(_next_day(f.until))
    return where, args


COUNT_CAP = 1000   # totals above this are reported as "more than 1000" (counting all is slow)


def capped_count(db: sqlite3.Connection, sql_from_where: str, args: list, cap: Optional[int] = None) -> int:
    """Matching rows, counted up to ``cap + 1`` (a result of cap + 1 means "more than cap")."""
    cap = COUNT_CAP if cap is None else cap
    return db.execute(f"SELECT count(*) FROM (SELECT 1 {sql_from_where} LIMIT ?) AS capped", (*args, cap + 1)).fetchone()[0]


def search_articles(db: sqlite3.Connection, f: Filters, count: bool = True) -> tuple[list[dict], Optional[int]]:
    """Articles matching the filters: best full-text matches first when ``q`` is given,
    else the newest first. Returns (rows, total counted up to COUNT_CAP + 1, or None)."""
    where, args = _article_where(f)
    match = dialect(db).match(f.q) if f.q else ""
    if f.q and not match:                       # only punctuation: nothing can match
        return [], 0
    if not match:
        cond = f"WHERE {' AND '.join(where)}" if where else ""
        cols = ", ".join(f"a.{c}" for c in ARTICLE_LIST_COLUMNS)
        rows = [dict(r) for r in db.execute(
            f"SELECT {cols}, substr(a.body, 1, 240) AS snippet FROM articles a {cond} "
            "ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?", (*args, f.limit, f.offset))]
        return rows, capped_count(db, f"FROM articles a {cond}", args) if count else None
    if dialect(db) is POSTGRES:
        return _search_postgres(db, f, where, args, match, count)
    # Full text in two steps: rank ids on the FTS index alone (joining articles only for
    # metadata filters), then read metadata and snippets for the page of ids.
    where = [w.replace("a.id", "articles_fts.rowid") for w in where]
    joined = f.outlet or f.since or f.until
    sql_from = ("FROM articles_fts" + (" JOIN articles a ON a.id = articles_fts.rowid" if joined else "")
                + " WHERE " + " AND ".join(["articles_fts MATCH ?", *where]))
    ids = [r[0] for r in db.execute(f"SELECT articles_fts.rowid {sql_from} ORDER BY bm25(articles_fts, 5.0, 1.0) "
                                    "LIMIT ? OFFSET ?", (match, *args, f.limit, f.offset))]
    if count and len(ids) < f.limit and (ids or not f.offset):
        return _with_snippets(db, ids, match), f.offset + len(ids)   # a short page holds the rest
    return _with_snippets(db, ids, match), capped_count(db, sql_from, [match, *args]) if count else None


def _with_snippets(db: sqlite3.Connection, ids: list[int], match: str) -> list[dict]:
    if not ids:
        return []
    cols = ", ".join(f"a.{c}" for c in ARTICLE_LIST_COLUMNS)
    found = {r["id"]: dict(r) for r in db.execute(
        f"SELECT {cols}, snippet(articles_fts, 1, '\x02', '\x03', '…', 24) AS snippet FROM articles_fts "
        f"JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
        f"AND articles_fts.rowid IN ({', '.join('?' for _ in ids)})", (match, *ids))}
    return [found[i] for i in ids if i in found]


RANK_WINDOW = 2000   # PostgreSQL ranks the newest this many matches (reading each one's vector)


def _search_postgres(db, f: Filters, where: list[str], args: list, match: str,
                     count: bool) -> tuple[list[dict], Optional[int]]:
    """Full text on PostgreSQL: matches found on the GIN index, ranked by ts_rank (title
    weighted over body), then metadata and a ts_headline snippet for the page of ids.
    ts_rank reads each match's whole tsvector, so a query matching more than RANK_WINDOW
    articles is ranked among its RANK_WINDOW newest; a narrower one is ranked exactly."""
    sql_from = "FROM articles a WHERE " + " AND ".join(["a.fts @@ to_tsquery('simple', ?)", *where])
    window = max(RANK_WINDOW, f.offset + f.limit)
    ids = [r[0] for r in db.execute(
        f"SELECT id FROM (SELECT a.id, a.fts {sql_from} ORDER BY a.published DESC, a.id DESC LIMIT ?) AS recent "
        "ORDER BY ts_rank(fts, to_tsquery('simple', ?)) DESC, id DESC LIMIT ? OFFSET ?",
        (match, *args, window, match, f.limit, f.offset))]
    rows = []
    if ids:
        cols = ", ".join(f"a.{c}" for c in ARTICLE_LIST_COLUMNS)
        found = {r["id"]: dict(r) for r in db.execute(
            f"SELECT {cols}, ts_headline('simple', a.body, to_tsquery('simple', ?), "
            "'StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=12, FragmentDelimiter=…, MaxFragments=1') AS snippet "
            f"FROM articles a WHERE a.id IN ({', '.join('?' for _ in ids)})", (match, *ids))}
        rows = [found[i] for i in ids if i in found]
    if count and len(ids) < f.limit and (ids or not f.offset):
        return rows, f.offset + len(ids)
    return rows, capped_count(db, sql_from, [match, *args]) if count else None


# --- events ---------------------------------------------------------------------------

BROAD = 2000   # a filter matching at least this many events is checked while scanning by date


def _event_where(f: Filters, broad: frozenset[str] = frozenset(), d: Dialect = SQLITE) -> tuple[list[str], list]:
    """Conditions on events; for filters in ``broad`` the index is switched off (unary +)
    so that SQLite walks events newest first and stops after one page."""
    def col(name: str, key: str) -> str:
        return f"+{name}" if key in broad else name
    where, args = [], []
    if f.type:
        where.append("ev.type = ?")
        args.append(f.type)
    if f.actor:
        where.append(f"({col('ev.source_canonical', 'actor')} = ? OR {col('ev.target_canonical', 'actor')} = ?)")
        args += [f.actor, f.actor]
    if f.country:
        where.append(f"({col('ev.source_country', 'country')} = ? OR {col('ev.target_country', 'country')} = ?)")
        args += [f.country, f.country]
    if f.outlet:
        where.append(f"{col('a.outlet', 'outlet')} = ?")
        args.append(f.outlet)
    if f.since:
        where.append("ev.date >= ?")
        args.append(f.since)
    if f.until:
        where.append("ev.date < ?")
        args.append(_next_day(f.until))
    if f.distinct not in ("", "0"):
        where.append("NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = ev.id AND m.first_event != ev.id)")
    match = d.match(f.q) if f.q else ""
    if f.q:
        where.append(f"{col('ev.article_id', 'q')} IN ({d.fts_ids})")
        args.append(match or d.no_match)
    return where, args


def broad_filters(db: sqlite3.Connection, f: Filters) -> frozenset[str]:
    """The filters that match many events (each counted on its index, up to BROAD)."""
    def many(sql: str, *args) -> bool:
        return db.execute(f"SELECT count(*) FROM ({sql} LIMIT {BROAD}) AS sample", args).fetchone()[0] >= BROAD
    out = set()
    if f.actor and (many("SELECT 1 FROM events WHERE source_canonical = ?", f.actor)
                    or many("SELECT 1 FROM events WHERE target_canonical = ?", f.actor)):
        out.add("actor")
    if f.country and (many("SELECT 1 FROM events WHERE source_country = ?", f.country)
                      or many("SELECT 1 FROM events WHERE target_country = ?", f.country)):
        out.add("country")
    if f.outlet and many("SELECT 1 FROM articles WHERE outlet = ?", f.outlet):
        out.add("outlet")
    match = dialect(db).match(f.q) if f.q else ""
    if match and many(dialect(db).fts_ids, match):
        out.add("q")
    return frozenset(out)


def _events_sql(f: Filters, select: str, *extra: str, broad: frozenset[str] = frozenset(),
                d: Dialect = SQLITE) -> tuple[str, list]:
    """The query over events; articles are joined only when the filters or columns need them."""
    where, args = _event_where(f, broad, d)
    where = [*extra, *where]
    cond = f"WHERE {' AND '.join(where)}" if where else ""
    join = " JOIN articles a ON a.id = ev.article_id" if f.outlet or "a." in select else ""
    return f"SELECT {select} FROM events ev{join} {cond}", args


EVENT_SELECT = (", ".join(f"ev.{c}" for c in EVENT_COLUMNS)
                + ", a.title AS article_title, a.outlet AS article_outlet, a.published AS article_published")


def filter_events(db: sqlite3.Connection, f: Filters, count: bool = True) -> tuple[list[dict], Optional[int]]:
    """Events matching the filters, the most recent first; (rows, total up to COUNT_CAP + 1)."""
    broad = broad_filters(db, f)
    sql, args = _events_sql(f, EVENT_SELECT, broad=broad, d=dialect(db))
    rows = [dict(r) for r in db.execute(f"{sql} ORDER BY ev.date DESC, ev.id DESC LIMIT ? OFFSET ?",
                                        (*args, f.limit, f.offset))]
    add_mentions(db, rows)
    total = None
    if count and (len(rows) == f.limit or (f.offset and not rows)):
        csql, cargs = _events_sql(f, "1", broad=broad, d=dialect(db))
        total = capped_count(db, csql.removeprefix("SELECT 1 "), cargs)
    elif count:                                   # a short page: everything is counted already
        total = f.offset + len(rows)
    return rows, total


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
    sql, args = _events_sql(f, EVENT_SELECT, broad=broad_filters(db, f), d=dialect(db))
    for r in db.execute(f"{sql} ORDER BY ev.date DESC, ev.id DESC LIMIT ?", (*args, cap)):
        yield dict(r)


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
    """Near-copies of an article (with similarity and which version came first) and the
    other articles of its story, earliest first."""
    copies = [dict(r) for r in db.execute(
        "SELECT CASE WHEN d.a = ? THEN d.b ELSE d.a END AS id, d.jaccard, d.containment, d.exact, d.earliest, "
        "x.title, x.outlet, x.published, x.wire_sources FROM duplicates d "
        "JOIN articles x ON x.id = CASE WHEN d.a = ? THEN d.b ELSE d.a END "
        "WHERE d.a = ? OR d.b = ? ORDER BY x.published, x.id",
        (article_id, article_id, article_id, article_id))]
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
