"""Charts as server-rendered SVG (no script needed, nothing fetched): a timeline of events
per month and type, an actor network and a world map of actor countries."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..store.browse import COOPERATIVE, CONFLICTUAL, PLOVER_TYPES
from .html import Markup, fmt, join

# Cooperative types in greens/blues, conflictual in reds/oranges, REQUEST in grey.
_COOP = ("#1b7837", "#5aae61", "#a6dba0", "#2166ac", "#4393c3", "#92c5de", "#35978f")
_CONF = ("#b2182b", "#d6604d", "#f4a582", "#8c510a", "#bf812d", "#e08214", "#762a83", "#c51b7d")


def type_colour(event_type: str) -> str:
    coop = [t for t in PLOVER_TYPES if t in COOPERATIVE]
    conf = [t for t in PLOVER_TYPES if t in CONFLICTUAL]
    if event_type in coop:
        return _COOP[coop.index(event_type) % len(_COOP)]
    if event_type in conf:
        return _CONF[conf.index(event_type) % len(_CONF)]
    return "#888888"


def balance_colour(balance: float) -> str:
    """Green for cooperation (+1), red for conflict (-1), grey in between."""
    if balance > 0.2:
        return "#1b7837"
    if balance < -0.2:
        return "#b2182b"
    return "#777777"


def _svg(width: int, height: int, label: str, body: Iterable[str]) -> Markup:
    return Markup(fmt('<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" '
                      'width="{}" height="{}" role="img" aria-label="{}">', width, height, width, height, label)
                  + join(body) + Markup("</svg>"))


def _empty(label: str) -> Markup:
    return _svg(600, 60, label, [fmt('<text x="10" y="35" class="empty">No events match these filters: {}</text>', label)])


def months_between(periods: list[str]) -> list[str]:
    """Every month from the first to the last period (gaps shown as empty), when they are
    all YYYY-MM and span at most 30 years; else the periods as given."""
    try:
        (y0, m0), (y1, m1) = (map(int, periods[0].split("-")), map(int, periods[-1].split("-")))
    except ValueError:
        return periods
    span = (y1 - y0) * 12 + m1 - m0
    if not 0 <= span <= 360 or not all(len(p) == 7 for p in periods):
        return periods
    return [f"{y0 + (m0 - 1 + k) // 12:04d}-{(m0 - 1 + k) % 12 + 1:02d}" for k in range(span + 1)]


def timeline_svg(rows: list[dict], width: int = 900, height: int = 320) -> Markup:
    """Stacked bars: events per month, coloured by type, with a legend."""
    if not rows:
        return _empty("timeline")
    periods = months_between(sorted({r["period"] for r in rows}))
    types = [t for t in PLOVER_TYPES if any(r["type"] == t for r in rows)] + sorted(
        {r["type"] for r in rows} - set(PLOVER_TYPES))
    totals = {p: sum(r["count"] for r in rows if r["period"] == p) for p in periods}
    top = max(totals.values())
    left, bottom, plot_h = 50, height - 60, height - 90
    step = (width - left - 150) / len(periods)
    parts = [fmt('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#444"/>', left, bottom, left + step * len(periods), bottom),
             fmt('<text x="{}" y="{}" class="axis" text-anchor="end">{}</text>', left - 6, bottom - plot_h + 4, top),
             fmt('<text x="{}" y="{}" class="axis" text-anchor="end">0</text>', left - 6, bottom + 4)]
    for i, p in enumerate(periods):
        y, x = bottom, left + i * step
        for t in types:
            n = sum(r["count"] for r in rows if r["period"] == p and r["type"] == t)
            if n:
                h = n / top * plot_h
                y -= h
                parts.append(fmt('<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {}: {}</title></rect>',
                                 round(x + 1, 1), round(y, 1), round(max(step - 2, 1), 1), round(h, 1),
                                 type_colour(t), p, t, n))
        if len(periods) <= 24 or i % math.ceil(len(periods) / 24) == 0:
            parts.append(fmt('<text x="{}" y="{}" class="axis" transform="rotate(45 {} {})">{}</text>',
                             round(x + step / 2, 1), bottom + 14, round(x + step / 2, 1), bottom + 14, p))
    for j, t in enumerate(types):
        ly = 20 + j * 16
        parts.append(fmt('<rect x="{}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" class="legend">{}</text>',
                         width - 140, ly, type_colour(t), width - 125, ly + 9, t))
    return _svg(width, height, "timeline of events per month", parts)


def network_svg(graph: dict, size: int = 720) -> Markup:
    """Actors on a circle (the busiest first), edges source → target coloured by the pair's
    cooperation balance and as thick as their event count."""
    nodes, edges = graph["nodes"], graph["edges"]
    if not edges:
        return _empty("actor network")
    c, radius = size / 2, size / 2 - 150
    pos = {n["id"]: (c + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                     c + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i, n in enumerate(nodes)}
    heaviest = max(e["count"] for e in edges)
    parts = [Markup('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>')]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        parts.append(fmt('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}" stroke-opacity="0.7" '
                         'marker-end="url(#arrow)"><title>{} → {}: {} events, balance {}</title></line>',
                         round(x1, 1), round(y1, 1), round(x2, 1), round(y2, 1), balance_colour(e["balance"]),
                         round(1 + 5 * e["count"] / heaviest, 1), e["source"], e["target"], e["count"], e["balance"]))
    top = max(n["count"] for n in nodes)
    for n in nodes:
        x, y = pos[n["id"]]
        anchor = "start" if x >= c else "end"
        dx = 10 if x >= c else -10
        parts.append(fmt('<circle cx="{}" cy="{}" r="{}" fill="#2c5d8a" class="node"><title>{} ({}): {} events</title></circle>'
                         '<text x="{}" y="{}" text-anchor="{}" class="label">{}</text>',
                         round(x, 1), round(y, 1), round(4 + 8 * math.sqrt(n["count"] / top), 1), n["id"],
                         n["country"] or "?", n["count"], round(x + dx, 1), round(y + 4, 1), anchor, _short(n["id"], 24)))
    return _svg(size, size, "actor network", parts)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


@lru_cache(maxsize=1)
def capitals() -> dict[str, tuple[float, float, str]]:
    """ISO alpha-3 → (latitude, longitude, name) from resources/geo/capitals.tsv."""
    text = resources.files("warta").joinpath("resources/geo/capitals.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso, lat, lon, name = line.split("\t")
            out[iso] = (float(lat), float(lon), name)
    return out


@lru_cache(maxsize=1)
def place_countries() -> dict[str, str]:
    """Lower-cased country and capital names (English, Indonesian, aliases) → ISO alpha-3,
    from the shipped knowledge base when present, else from our capitals table."""
    out = {name.lower(): iso for iso, (_, _, name) in capitals().items()}
    kb = resources.files("warta").joinpath("resources/kb/countries.json")
    if kb.is_file():
        for iso, c in json.loads(kb.read_text(encoding="utf-8")).items():
            for name in [c.get("name_en"), c.get("name_id"), *c.get("aliases", []), *c.get("capital", [])]:
                if name:
                    out.setdefault(name.lower(), iso)
    return out


def locate(rows: list[dict]) -> list[dict]:
    """Event locations grouped by the country they name or lie in (unknown places dropped)."""
    by_country: dict[str, dict] = {}
    names = place_countries()
    for r in rows:
        iso = names.get((r["location"] or "").strip().lower())
        if iso:
            entry = by_country.setdefault(iso, {"country": iso, "count": 0, "places": []})
            entry["count"] += r["count"]
            entry["places"].append(r["location"])
    return sorted(by_country.values(), key=lambda e: (-e["count"], e["country"]))


def map_svg(rows: list[dict], width: int = 900, height: int = 450, locations: list[dict] = ()) -> Markup:
    """Equirectangular world: every known capital as a faint dot, actor countries as red
    circles sized by their event count, event locations as blue squares."""
    def xy(lat: float, lon: float) -> tuple[float, float]:
        return round((lon + 180) / 360 * width, 1), round((90 - lat) / 180 * height, 1)
    parts = [fmt('<rect x="0" y="0" width="{}" height="{}" fill="#eef4f8"/>', width, height)]
    for lon in range(-180, 181, 30):
        parts.append(fmt('<line x1="{}" y1="0" x2="{}" y2="{}" stroke="#d5e1ea"/>', xy(0, lon)[0], xy(0, lon)[0], height))
    for lat in range(-60, 61, 30):
        parts.append(fmt('<line x1="0" y1="{}" x2="{}" y2="{}" stroke="#d5e1ea"/>', xy(lat, 0)[1], width, xy(lat, 0)[1]))
    for iso, (lat, lon, name) in capitals().items():
        x, y = xy(lat, lon)
        parts.append(fmt('<circle cx="{}" cy="{}" r="1.8" fill="#9bb0c0"><title>{}</title></circle>', x, y, name))
    top = max((r["count"] for r in rows), default=1)
    for r in rows:
        if r["country"] in capitals():
            lat, lon, name = capitals()[r["country"]]
            x, y = xy(lat, lon)
            parts.append(fmt('<circle cx="{}" cy="{}" r="{}" fill="#c0392b" fill-opacity="0.6" stroke="#7b241c" class="country">'
                             '<title>{} ({}): {} events ({} as source, {} as target)</title></circle>',
                             x, y, round(3 + 17 * math.sqrt(r["count"] / top), 1), name, r["country"], r["count"],
                             r["source"], r["target"]))
    top_loc = max((r["count"] for r in locations), default=1)
    for r in locations:
        if r["country"] in capitals():
            lat, lon, name = capitals()[r["country"]]
            x, y = xy(lat, lon)
            side = round(4 + 12 * math.sqrt(r["count"] / top_loc), 1)
            parts.append(fmt('<rect x="{}" y="{}" width="{}" height="{}" fill="#1f5f99" fill-opacity="0.55" class="location">'
                             '<title>events located in {}: {} ({})</title></rect>', round(x - side / 2, 1),
                             round(y - side / 2, 1), side, side, name, r["count"], ", ".join(r["places"][:5])))
    parts.append(fmt('<circle cx="20" cy="{}" r="6" fill="#c0392b" fill-opacity="0.6"/><text x="32" y="{}" class="legend">'
                     'actor countries</text><rect x="14" y="{}" width="12" height="12" fill="#1f5f99" fill-opacity="0.55"/>'
                     '<text x="32" y="{}" class="legend">event locations</text>', height - 40, height - 36, height - 26, height - 16))
    return _svg(width, height, "world map of actor countries and event locations", parts)


def outlet_bars(rows: list[dict], width: int = 900) -> Markup:
    """Per outlet, a bar of its share of articles crediting a wire (state media darker)."""
    rows = rows[:30]
    if not rows:
        return _empty("outlets")
    height, left, bar_w = 30 + 22 * len(rows), 230, width - 330
    parts = []
    for i, r in enumerate(rows):
        y = 20 + i * 22
        parts.append(fmt('<text x="{}" y="{}" text-anchor="end" class="label">{}</text>'
                         '<rect x="{}" y="{}" width="{}" height="14" fill="#e3e8ee"/>'
                         '<rect x="{}" y="{}" width="{}" height="14" fill="#92c5de" class="bar"><title>{}: {} of {} articles credit a wire</title></rect>'
                         '<rect x="{}" y="{}" width="{}" height="14" fill="#b2182b"><title>{}: {} credit state media</title></rect>'
                         '<text x="{}" y="{}" class="axis">{}% wire · {}% state · {} articles</text>',
                         left - 8, y + 11, _short(r["outlet"] or "(unknown)", 32), left, y, bar_w,
                         left, y, round(bar_w * r["wire_share"], 1), r["outlet"], r["wire_share"], r["articles"],
                         left, y, round(bar_w * r["state_media_share"], 1), r["outlet"], r["state_media_share"],
                         left + bar_w + 6, y + 11, round(100 * r["wire_share"]), round(100 * r["state_media_share"]), r["articles"]))
    return _svg(width, height, "wire dependence per outlet", parts)
