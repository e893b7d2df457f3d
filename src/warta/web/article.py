"""One article: the page (highlighted text, metadata, provenance) and its JSON."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..store import browse as queries
from .highlight import entity_spans, event_spans, highlight, quote_spans, time_spans, wire_spans
from .html import Markup, escape, fmt, join, render, safe_href
from .responses import NotFound, Response, as_json, page

META_FIELDS = ("outlet", "published", "authors", "editors", "dateline", "wire_sources", "language", "source", "url")
MAX_ID = 2**63 - 1


def load(db: sqlite3.Connection, raw_id: str) -> dict[str, Any]:
    """The article row and its annotation rows, or NotFound."""
    if not raw_id.isdigit() or int(raw_id) > MAX_ID:
        raise NotFound(f"no article {raw_id!r}")
    article_id = int(raw_id)
    row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    data = dict(row)
    data.pop("fts", None)                                  # PostgreSQL's search vector
    for c in ("authors", "editors", "wire_sources", "boilerplate", "notes"):
        data[c] = json.loads(data[c] or "[]")
    for table in ("entities", "quotes", "times", "events"):
        data[table] = [dict(r) for r in db.execute(
            f"SELECT * FROM {table} WHERE article_id = ? ORDER BY start_char, id", (article_id,))]
    data["provenance"] = queries.provenance(db, article_id)
    queries.add_mentions(db, data["events"])
    for event in data["events"]:
        event["also_reported"] = queries.other_mentions(db, event["id"]) if event["mentions"] > 1 else []
    return data


def api_article(db: sqlite3.Connection, raw_id: str) -> Response:
    data = load(db, raw_id)
    data.pop("doc_key", None)
    return as_json(data)


def article_page(db: sqlite3.Connection, raw_id: str) -> Response:
    a = load(db, raw_id)
    spans = (entity_spans(a["entities"]) + quote_spans(a["quotes"]) + time_spans(a["times"])
             + event_spans(a["events"]) + wire_spans(a["provenance"].get("credits", [])))
    content = render(
        "article.html", id=a["id"], title=a["title"] or "(untitled)", meta=_meta(a), body=highlight(a["body"], spans),
        n_entities=len(a["entities"]), n_quotes=len(a["quotes"]), n_events=len(a["events"]), n_times=len(a["times"]),
        n_boilerplate=len(a["boilerplate"]), boilerplate=_ul(a["boilerplate"]), provenance=_provenance(a),
        events=_events(a), quotes=_quotes(a), entities=_entities(a), api=f"/api/articles/{a['id']}")
    return page(a["title"] or "Article", content)


def _meta(a: dict) -> Markup:
    parts = []
    for key in META_FIELDS:
        value = a.get(key)
        if value in (None, "", []):
            continue
        if key == "url":
            href = safe_href(value)
            shown = fmt('<a href="{}" rel="noopener noreferrer nofollow">{}</a>', href, value) if href else escape(value)
        else:
            shown = escape(", ".join(value) if isinstance(value, list) else value)
        parts.append(fmt("<dt>{}</dt><dd>{}</dd>", key.replace("_", " "), shown))
    return join(parts)


def _ul(items: list, css: str = "") -> Markup:
    if not items:
        return Markup('<p class="none">none</p>')
    return fmt('<ul class="{}">', css) + join(fmt("<li>{}</li>", x) for x in items) + Markup("</ul>")


def _article_link(r: dict) -> Markup:
    return fmt('<a href="/article/{}">{}</a> <span class="info">{} · {}</span>', r["id"], r["title"] or "(untitled)",
               r.get("outlet") or "unknown outlet", r.get("published") or "undated")


def _provenance(a: dict) -> Markup:
    p = a["provenance"]
    credited = p.get("wires", a["wire_sources"])
    wires = fmt('<p id="wires">Wire credits: {}</p>', ", ".join(credited) or "none found")
    if p.get("state_media"):
        wires += fmt('<p class="state">State media credited: {}</p>', ", ".join(p["state_media"]))
    if p.get("uncredited_copy"):
        wires += fmt('<p class="state">Copies an article crediting {} without crediting it.</p>', ", ".join(p["group_wires"]))
    if not p.get("computed"):
        wires += Markup('<p class="none">Near-copies and stories not computed yet: run <code>warta corpus</code>.</p>')
    copies = []
    for c in p["near_copies"]:
        first = "earliest version" if c["earliest"] == c["id"] else ("this article is the earliest version" if c["earliest"] == a["id"] else "")
        if c["direct"]:
            similarity = fmt('<span class="badge">Jaccard {} · containment {}{}</span>', c["jaccard"], c["containment"],
                             " · exact" if c["exact"] else "")
        else:
            similarity = Markup('<span class="badge">same group, through another version</span>')
        copies.append(Markup(_article_link(c) + Markup(" ") + similarity + fmt(" {}", first)))
    parts = [wires, Markup("<h3>Near-copies</h3>"), _ul(copies, "near-copies")]
    if len(p["story"]) > 1:
        parts += [Markup("<h3>Same story</h3>"), _ul([_article_link(s) for s in p["story"] if s["id"] != a["id"]], "story")]
    return join(parts)


def _events(a: dict) -> Markup:
    items = []
    for e in a["events"]:
        item = fmt('<a href="#ev-{}" class="evlink"><span class="badge">{}</span></a> {} → {} {}', e["id"], e["type"],
                   e.get("source_canonical") or e.get("source_text") or "?",
                   e.get("target_canonical") or e.get("target_text") or "?", e.get("date") or "")
        if e.get("also_reported"):
            item += Markup(' <span class="also">also reported by ') + join(
                (fmt('<a href="/article/{}#ev-{}">{}</a>', o["article_id"], o["event_id"], o["outlet"] or f"article {o['article_id']}")
                 for o in e["also_reported"]), ", ") + Markup("</span>")
        items.append(item)
    return _ul(items, "event-list")


def _quotes(a: dict) -> Markup:
    return _ul([fmt("<b>{}</b>: “{}”", q.get("speaker_canonical") or q.get("speaker_text") or "?", q["content"][:200])
                for q in a["quotes"]], "quote-list")


def _entities(a: dict) -> Markup:
    seen: dict[tuple, int] = {}
    for e in a["entities"]:
        key = (e.get("canonical") or e["text"], e["label"], e.get("country"))
        seen[key] = seen.get(key, 0) + 1
    return _ul([fmt('{} <span class="badge">{}</span> {} ×{}', name, label, country or "", n)
                for (name, label, country), n in sorted(seen.items(), key=lambda kv: -kv[1])], "entity-list")
