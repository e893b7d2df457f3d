"""The pages and their JSON twins. Each view takes the database connection, the query
parameters and the facets, and returns a Response; nothing here touches the socket."""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Callable, Mapping, Optional

from ..store import browse as queries
from ..store.browse import Filters
from . import charts, highlight
from .html import Markup, escape, fmt, join, query, render, safe_href
from .responses import NotFound, Response, as_json, download, page

PAGE_SIZE = 50
Params = Mapping[str, str]


# --- shared pieces --------------------------------------------------------------------

def _options(values: list[str], chosen: str, blank: str) -> Markup:
    opts = [fmt('<option value="">{}</option>', blank)]
    opts += [fmt('<option value="{}"{}>{}</option>', v, Markup(" selected") if v == chosen else "", v) for v in values]
    return join(opts)


def filter_form(action: str, f: Filters, facets: dict) -> Markup:
    return render("filters.html", action=action, q=f.q, actor=f.actor, country=f.country, since=f.since,
                  distinct=Markup(" checked") if f.distinct not in ("", "0") else "",
                  until=f.until, type_options=_options(facets["types"] or list(queries.PLOVER_TYPES), f.type, "any event type"),
                  outlet_options=_options(facets["outlets"], f.outlet, "any outlet"),
                  actor_options=join(fmt('<option value="{}">', a) for a in facets["actors"]),
                  country_options=join(fmt('<option value="{}">', c) for c in facets["countries"]))


def _links(path: str, f: Filters) -> dict[str, str]:
    p = f.params()
    return {"csv": path + query({**p, "format": "csv"}), "jsonl": path + query({**p, "format": "jsonl"}),
            "json": "/api" + path + query(p)}


def _pager(path: str, f: Filters, shown: int, total: Optional[int]) -> Markup:
    parts = []
    if f.offset > 0:
        parts.append(fmt('<a href="{}" rel="prev">← previous</a>', path + query({**f.params(), "offset": max(0, f.offset - f.limit)})))
    if shown == f.limit:
        parts.append(fmt('<a href="{}" rel="next">next →</a>', path + query({**f.params(), "offset": f.offset + f.limit})))
    return Markup('<nav class="pager">') + join(parts) + Markup("</nav>")


def _summary(total: Optional[int], what: str, f: Filters, shown: int) -> str:
    counted = f"more than {queries.COUNT_CAP}" if (total or 0) > queries.COUNT_CAP else str(total)
    return f"{counted} {what}" + (f", showing {f.offset + 1}–{f.offset + shown}" if shown else "")


def _total(total: Optional[int]) -> dict:
    """``total`` up to COUNT_CAP and whether there are more."""
    return {"total": min(total or 0, queries.COUNT_CAP), "more": (total or 0) > queries.COUNT_CAP}


def _list(values: Any) -> list:
    if isinstance(values, list):
        return values
    try:
        return json.loads(values or "[]")
    except ValueError:
        return []


def _snippet_html(snippet: Optional[str]) -> Markup:
    """The search snippet with matches (between \\x02 and \\x03) in <mark>, all escaped."""
    out = []
    for i, part in enumerate((snippet or "").split("\x02")):
        hit, _, rest = part.partition("\x03") if i else ("", "", part)
        out.append((fmt("<mark>{}</mark>", hit) if hit else "") + escape(rest))
    return Markup("".join(out))


def _clean_article_row(row: dict) -> dict:
    row = dict(row)
    row["wire_sources"] = _list(row.get("wire_sources"))
    if "snippet" in row:
        row["snippet"] = (row["snippet"] or "").replace("\x02", "").replace("\x03", "")
    return row


def _actor(row: dict, side: str) -> Markup:
    name = row.get(f"{side}_canonical") or row.get(f"{side}_text")
    country = row.get(f"{side}_country")
    if not name:
        return Markup("")
    return fmt("{} <span class=\"badge\">{}</span>", name, country) if country else escape(name)


# --- search ---------------------------------------------------------------------------

def search(db: sqlite3.Connection, params: Params, facets: dict) -> Response:
    f = Filters.from_params({"limit": str(PAGE_SIZE), **params})
    if params.get("format"):
        return download((_clean_article_row(r) for r in queries.iter_articles(db, f)), params["format"], "articles")
    rows, total = queries.search_articles(db, f)
    items = [fmt('<li><a class="title" href="/article/{}">{}</a><div class="info">{} · {} {}</div><div class="snippet">{}</div></li>',
                 r["id"], r["title"] or "(untitled)", r["outlet"] or "unknown outlet", r["published"] or "undated",
                 _wire_badges(_list(r["wire_sources"])), _snippet_html(r["snippet"])) for r in rows]
    summary = _summary(total, "articles", f, len(rows))
    if f.q and (total or 0) > queries.COUNT_CAP:
        summary += f" (best matches among the {queries.RANK_CANDIDATES} most recently added, then older ones)"
    content = render("list.html", heading="Search articles", filters=filter_form("/search", f, facets), summary=summary,
                     table=Markup('<ol class="results" id="results">') + join(items) + Markup("</ol>"),
                     pager=_pager("/search", f, len(rows), total), **_links("/search", f))
    return page("Search", content)


def _wire_badges(wires: list) -> Markup:
    return join(fmt('<span class="badge wire">{}</span> ', w) for w in wires)


def api_search(db: sqlite3.Connection, params: Params) -> Response:
    f = Filters.from_params({"limit": str(PAGE_SIZE), **params})
    if params.get("format"):
        return search(db, params, {})
    rows, total = queries.search_articles(db, f)
    return as_json({**_total(total), "limit": f.limit, "offset": f.offset, "filters": f.params(),
                    "results": [_clean_article_row(r) for r in rows]})


# --- events ---------------------------------------------------------------------------

EVENT_HEAD = ("date", "type", "mode", "source", "target", "location", "outlet", "reports", "sentence")


def events(db: sqlite3.Connection, params: Params, facets: dict) -> Response:
    f = Filters.from_params({"limit": str(PAGE_SIZE), **params})
    if params.get("format"):
        return download(queries.iter_events(db, f), params["format"], "events")
    rows, total = queries.filter_events(db, f)
    head = join(fmt("<th>{}</th>", h) for h in EVENT_HEAD)
    body = join(fmt('<tr id="row-{}"><td>{}</td><td><span class="badge">{}</span></td><td>{}</td><td>{}</td><td>{}</td>'
                    '<td>{}</td><td>{}</td><td>{}</td><td><a class="evlink" href="/article/{}#ev-{}">{}</a></td></tr>',
                    r["id"], r["date"] or "", r["type"], " ".join(x for x in (r["mode"], r["aux"]) if x),
                    _actor(r, "source"), _actor(r, "target"), r["location"] or "", r["article_outlet"] or "", r["mentions"],
                    r["article_id"], r["id"], _short(r["sentence"], 180)) for r in rows)
    table = (Markup('<table class="data" id="events-table"><thead><tr>') + head + Markup("</tr></thead><tbody>")
             + body + Markup("</tbody></table>"))
    summary = _summary(total, "events", f, len(rows))
    content = render("list.html", heading="Events", filters=filter_form("/events", f, facets), summary=summary,
                     table=table, pager=_pager("/events", f, len(rows), total), **_links("/events", f))
    return page("Events", content)


def _short(text: Optional[str], n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def api_events(db: sqlite3.Connection, params: Params) -> Response:
    f = Filters.from_params({"limit": str(PAGE_SIZE), **params})
    if params.get("format"):
        return download(queries.iter_events(db, f), params["format"], "events")
    rows, total = queries.filter_events(db, f)
    return as_json({**_total(total), "limit": f.limit, "offset": f.offset, "filters": f.params(), "results": rows})


# --- charts ---------------------------------------------------------------------------

def _chart_data(kind: str, db: sqlite3.Connection, f: Filters) -> tuple[list[dict], Any]:
    """(rows for downloads and tables, the JSON the API gives) of one chart."""
    if kind == "timeline":
        rows = queries.timeline(db, f)
        return rows, {"buckets": rows}
    if kind == "network":
        graph = queries.network(db, f)
        return [{k: v for k, v in e.items() if k != "types"} | {"types": json.dumps(e["types"])} for e in graph["edges"]], graph
    if kind == "outlets":
        rows = queries.outlet_wires(db, f)
        return rows, {"outlets": rows}
    rows = queries.country_counts(db, f)
    locations = charts.locate(queries.location_counts(db, f))
    known = charts.capitals()
    for r in rows + locations:
        lat, lon, name = known.get(r["country"], (None, None, None))
        r.update(name=name, lat=lat, lon=lon)
    return rows, {"countries": rows, "locations": locations}


CHARTS: dict[str, tuple[str, Callable]] = {
    "outlets": ("Outlets: wire dependence and copies", lambda data: charts.outlet_bars(data["outlets"])),
    "timeline": ("Timeline: events per month", lambda data: charts.timeline_svg(data["buckets"])),
    "network": ("Actor network", charts.network_svg),
    "map": ("World map of actor countries and event locations",
            lambda data: charts.map_svg(data["countries"], locations=data["locations"])),
}


def _no_cache(key: tuple, compute: Callable[[], Any]) -> Any:
    return compute()


def chart(kind: str, db: sqlite3.Connection, params: Params, facets: dict, cache=_no_cache) -> Response:
    f = Filters.from_params(params)
    rows, data = cache((kind, *sorted(f.params().items())), lambda: _chart_data(kind, db, f))
    if params.get("format"):
        return download(iter(rows), params["format"], kind)
    heading, draw = CHARTS[kind]
    table = _chart_table(rows[:100])
    content = render("chart.html", heading=heading, filters=filter_form(f"/{kind}", f, facets),
                     summary=f"{len(rows)} rows", svg=draw(data), table=table, **_links(f"/{kind}", f))
    return page(heading, content)


def _chart_table(rows: list[dict]) -> Markup:
    if not rows:
        return Markup("")
    cols = [c for c in rows[0] if c not in ("lat", "lon")]
    head = join(fmt("<th>{}</th>", c) for c in cols)
    body = join(Markup("<tr>") + join(fmt("<td>{}</td>", r.get(c)) for c in cols) + Markup("</tr>") for r in rows)
    return (Markup('<table class="data chart-table"><thead><tr>') + head + Markup("</tr></thead><tbody>")
            + body + Markup("</tbody></table>"))


def api_chart(kind: str, db: sqlite3.Connection, params: Params, cache=_no_cache) -> Response:
    f = Filters.from_params(params)
    rows, data = cache((kind, *sorted(f.params().items())), lambda: _chart_data(kind, db, f))
    if params.get("format"):
        return download(iter(rows), params["format"], kind)
    return as_json({"filters": f.params(), **data})


def api_facets(facets: dict) -> Response:
    return as_json(facets)
