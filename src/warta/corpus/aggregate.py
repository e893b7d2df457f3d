"""Aggregates over coded events: actors, actor pairs, countries and outlets over time.

Events are counted by PLOVER type and by quad class, the 2x2 of verbal/material and
cooperation/conflict that the PLOVER documentation defines (its DEMAND and DISAPPROVE are
our REQUEST and ACCUSE). The balance of a cell is (cooperation - conflict) /
(cooperation + conflict), from -1 (all conflict) to +1 (all cooperation). Negated and
hypothetical events are left out unless asked for. With ``stories`` given, an event
reported by several articles of one story counts once.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator, Optional, Sequence

from ..model import Actor, Article, Event
from ..wires import wire_list
from .provenance import credited_wires
from .stories import Story, story_events
from .text import article_keys

QUADS = {
    "verbal-cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material-cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal-conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"),
    "material-conflict": ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_OF = {t: quad for quad, types in QUADS.items() for t in types}
SKIPPED_AUX = ("negated", "hypothetical")
PERIODS = ("day", "week", "month", "year", "all")
_PREFIX = {4: re.compile(r"\d{4}"), 7: re.compile(r"\d{4}-\d{2}"), 10: re.compile(r"\d{4}-\d{2}-\d{2}")}


@dataclass(slots=True)
class Cell:
    """Counts for one key (actor, pair or country) in one period."""
    key: tuple[str, ...]
    period: str
    types: Counter = field(default_factory=Counter)
    quads: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.types.values())

    @property
    def balance(self) -> Optional[float]:
        coop = self.quads["verbal-cooperation"] + self.quads["material-cooperation"]
        conflict = self.quads["verbal-conflict"] + self.quads["material-conflict"]
        return round((coop - conflict) / (coop + conflict), 4) if coop + conflict else None

    def to_dict(self) -> dict:
        return {"key": list(self.key), "period": self.period, "total": self.total,
                "types": dict(self.types), "quads": dict(self.quads), "balance": self.balance}


@dataclass(slots=True)
class OutletWires:
    outlet: str
    articles: int = 0
    crediting: int = 0                                # articles crediting at least one wire
    state_media: int = 0                              # articles crediting a state-owned wire
    wires: Counter = field(default_factory=Counter)   # articles per credited wire

    @property
    def dependence(self) -> float:
        return round(self.crediting / self.articles, 4) if self.articles else 0.0

    def to_dict(self) -> dict:
        return {"outlet": self.outlet, "articles": self.articles, "crediting": self.crediting,
                "dependence": self.dependence, "state_media": self.state_media, "wires": dict(self.wires)}


def period_of(day: Optional[str], period: str) -> str:
    """A date as its day, ISO week ('2025-W42'), month, year or 'all'; 'unknown' when the
    date is missing or coarser than the period (a '2025-10' event has no day)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    if period == "all":
        return "all"
    size = {"year": 4, "month": 7}.get(period, 10)
    if not day or not _PREFIX[size].match(day):
        return "unknown"
    if period == "week":
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    return day[:size]


def occurrences(articles: Sequence[Article], stories: Optional[Sequence[Story]] = None,
                include_aux: bool = False) -> Iterator[tuple[Event, Article]]:
    """Each counted event with its article: all events, or one per merged story event."""
    keep = (lambda e: True) if include_aux else (lambda e: e.aux not in SKIPPED_AUX)
    if stories is None:
        for article in articles:
            yield from ((e, article) for e in article.events if keep(e))
        return
    by_key = dict(zip(article_keys(articles), articles))
    for merged in story_events(stories, articles):
        for key, n in merged.mentions:
            event = by_key[key].events[n]
            if keep(event):
                yield event, by_key[key]
                break


def event_day(event: Event, article: Article) -> Optional[str]:
    return event.date or (article.published[:10] if article.published else None)


def name(actor: Optional[Actor]) -> Optional[str]:
    return (actor.canonical or actor.text.strip() or None) if actor else None


def _add(cells: dict, key: tuple, period: str, event: Event) -> None:
    cell = cells.get((key, period))
    if cell is None:
        cell = cells[(key, period)] = Cell(key, period)
    cell.types[event.type] += 1
    if event.type in QUAD_OF:
        cell.quads[QUAD_OF[event.type]] += 1


def _cells(articles, stories, period, include_aux, keys_of) -> list[Cell]:
    cells: dict = {}
    for event, article in occurrences(articles, stories, include_aux):
        when = period_of(event_day(event, article), period)
        for key in keys_of(event):
            _add(cells, key, when, event)
    return sorted(cells.values(), key=lambda c: (c.period, -c.total, c.key))


def by_actor(articles: Sequence[Article], period: str = "month", stories: Optional[Sequence[Story]] = None,
             include_aux: bool = False) -> list[Cell]:
    """Events each actor takes part in (as source or target), by period."""
    def keys(e: Event):
        return {(n,) for n in (name(e.source), name(e.target)) if n}
    return _cells(articles, stories, period, include_aux, keys)


def by_pair(articles: Sequence[Article], period: str = "month", stories: Optional[Sequence[Story]] = None,
            include_aux: bool = False, directed: bool = True) -> list[Cell]:
    """Events between two actors (source, target), by period; sorted pair when undirected."""
    def keys(e: Event):
        source, target = name(e.source), name(e.target)
        if not source or not target:
            return set()
        return {(source, target) if directed else tuple(sorted((source, target)))}
    return _cells(articles, stories, period, include_aux, keys)


def by_country(articles: Sequence[Article], period: str = "month", stories: Optional[Sequence[Story]] = None,
               include_aux: bool = False) -> list[Cell]:
    """Events by the countries of their actors (ISO alpha-3), by period."""
    def keys(e: Event):
        return {(c,) for c in (e.source and e.source.country, e.target and e.target.country) if c}
    return _cells(articles, stories, period, include_aux, keys)


_DOMAIN_END = re.compile(r"\.(?:co\.id|or\.id|go\.id|web\.id|id|com|net|org)$")


def outlet_key(outlet: str) -> str:
    """One key for the spellings of an outlet: "BERITAMERDEKA.ID", "Berita Merdeka",
    "beritamerdeka.id" all give "beritamerdeka"."""
    name = outlet.strip().casefold()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name)
    return re.sub(r"[\W_]+", "", _DOMAIN_END.sub("", name)) or name


def outlet_wires(articles: Sequence[Article]) -> list[OutletWires]:
    """Per outlet (spellings merged, shown by its most common one): how many articles credit
    a wire service, which, and how many a state-owned one."""
    states = {w.name for w in wire_list().values() if w.ownership == "state"}
    table: dict[str, OutletWires] = defaultdict(lambda: OutletWires(""))
    spellings: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        outlet = article.outlet or "unknown"
        key = outlet_key(outlet)
        spellings[key][outlet] += 1
        row = table[key]
        row.outlet = spellings[key].most_common(1)[0][0]
        wires, _ = credited_wires(article)
        row.articles += 1
        row.crediting += bool(wires)
        row.state_media += any(w in states for w in wires)
        row.wires.update(wires)
    return sorted(table.values(), key=lambda r: (-r.articles, r.outlet))
