"""The OpenAPI 3.1 description of the JSON API (served at /api/openapi.json)."""
from __future__ import annotations

from typing import Any

_FILTERS = [
    ("q", "full text over titles and bodies: words are ANDed, \"phrases\", OR, NOT, prefix*"),
    ("actor", "canonical actor name (an event's source or target; for articles, an entity)"),
    ("country", "ISO 3166 alpha-3 country of an actor"),
    ("type", "PLOVER event type, e.g. CONSULT"),
    ("outlet", "outlet name, exactly"),
    ("since", "from this day on (YYYY-MM-DD); publication day for articles, event date for events"),
    ("until", "up to and including this day (YYYY-MM-DD)"),
    ("distinct", "1: events reported by several articles of a story appear once (their first report)"),
]
_PAGING = [("limit", "rows per page (at most 500)", "integer"), ("offset", "rows to skip", "integer")]
_FORMAT = ("format", "csv or jsonl: download every matching row instead of JSON", "string")


def _param(name: str, text: str, kind: str = "string", where: str = "query") -> dict:
    schema: dict[str, Any] = {"type": kind}
    if name == "format":
        schema["enum"] = ["csv", "jsonl"]
    return {"name": name, "in": where, "required": where == "path", "description": text, "schema": schema}


def _filters(paging: bool = True) -> list[dict]:
    out = [_param(n, t) for n, t in _FILTERS]
    if paging:
        out += [_param(*p) for p in _PAGING]
    return out + [_param(*_FORMAT)]


def _get(summary: str, params: list[dict], schema: str) -> dict:
    return {"get": {"summary": summary, "parameters": params, "responses": {
        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}},
                                                 "text/csv": {}, "application/x-ndjson": {}}},
        "400": {"description": "a parameter cannot be used"}, "404": {"description": "no such resource"}}}}


_OBJ = {"type": "object"}


def openapi() -> dict[str, Any]:
    rows = {"type": "object", "properties": {"total": {"type": "integer", "description": "matches, counted up to 1000"},
                                             "more": {"type": "boolean", "description": "more than 1000 match"}, "limit": {"type": "integer"},
                                             "offset": {"type": "integer"}, "filters": _OBJ,
                                             "results": {"type": "array", "items": _OBJ}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "warta", "version": "1", "description": "Indonesian news as event data: articles, "
                 "entities, quotes and PLOVER events traced to their sentences. Read-only."},
        "paths": {
            "/api/search": _get("Articles matching the filters: with q, the 2000 most recently added matches "
                                "ranked by BM25 (all when fewer), then older matches newest first; "
                                "without q, newest first", _filters(), "Rows"),
            "/api/events": _get("Events matching the filters, newest first", _filters(), "Rows"),
            "/api/articles/{id}": _get("One article: body, metadata, annotations with offsets, provenance",
                                       [_param("id", "article id", "integer", "path")], "Article"),
            "/api/timeline": _get("Event counts per month and type", _filters(False), "Timeline"),
            "/api/network": _get("Actor pairs with event counts and cooperation balance", _filters(False), "Network"),
            "/api/map": _get("Events per actor country and per event location country, with capital coordinates", _filters(False), "Countries"),
            "/api/outlets": _get("Per outlet: articles, wire and state-media credit shares, near-copies",
                                 _filters(False), "Outlets"),
            "/api/facets": _get("Filter choices: outlets, event types, frequent actors, countries", [], "Facets"),
            "/api/stats": _get("Counts of articles, annotations and rejections", [], "Stats"),
        },
        "components": {"schemas": {
            "Rows": rows,
            "Article": {"type": "object", "properties": {
                "id": {"type": "integer"}, "title": {"type": ["string", "null"]}, "body": {"type": "string"},
                "entities": {"type": "array"}, "quotes": {"type": "array"}, "times": {"type": "array"},
                "events": {"type": "array"}, "provenance": _OBJ}},
            "Timeline": {"type": "object", "properties": {"buckets": {"type": "array", "items": {
                "type": "object", "properties": {"period": {"type": "string"}, "type": {"type": "string"},
                                                 "count": {"type": "integer"}}}}}},
            "Network": {"type": "object", "properties": {"nodes": {"type": "array"}, "edges": {"type": "array"}}},
            "Countries": {"type": "object", "properties": {"countries": {"type": "array"}, "locations": {"type": "array"}}},
            "Outlets": {"type": "object", "properties": {"outlets": {"type": "array"}}},
            "Facets": _OBJ, "Stats": _OBJ,
        }},
    }
