"""Corpus results in the store: near-copies, stories and wire provenance computed over all
stored articles with warta.corpus, written in one transaction (replacing earlier results).
Portable SQL through the store's hooks, so it runs on SQLite and PostgreSQL alike."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Optional

from ..corpus.dedup import DedupSettings, near_duplicates
from ..corpus.provenance import provenance
from ..corpus.stories import StorySettings, cluster, story_events
from ..model import Actor, Article, Entity, Event
from .base import BaseStore, now


@dataclass
class CorpusReport:
    articles: int
    pairs: int
    stories: int
    multi_article_stories: int
    merged_events: int            # events reported by several articles of a story
    seconds: float


def _key(article_id: int) -> str:
    return f"id:{article_id}"


def _id(key: str) -> int:
    return int(key.split(":", 1)[1])


def load_articles(store: BaseStore, limit: Optional[int] = None) -> tuple[list[Article], dict[int, list[int]]]:
    """Every stored article with the fields the corpus features read (body, title, time,
    outlet, wires, entities, events); ``source`` is ``id:N`` so results map back to ids.
    Also returns, per article id, the stored ids of its events in the order loaded."""
    sql = "SELECT id, title, body, published, outlet, wire_sources FROM articles ORDER BY id"
    rows = store._execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
    entities: dict[int, list[Entity]] = {}
    for r in store._execute("SELECT article_id, text, start_char, end_char, label, canonical FROM entities"):
        entities.setdefault(r["article_id"], []).append(
            Entity(r["text"], r["start_char"], r["end_char"], r["label"], canonical=r["canonical"]))
    events: dict[int, list[Event]] = {}
    event_ids: dict[int, list[int]] = {}
    for r in store._execute("SELECT article_id, type, sentence, start_char, end_char, date, source_text, "
                            "source_canonical, target_text, target_canonical, id FROM events ORDER BY article_id, id"):
        event_ids.setdefault(r["article_id"], []).append(r["id"])
        events.setdefault(r["article_id"], []).append(_event(r))
    return [Article(source=_key(r["id"]), title=r["title"], body=r["body"], published=r["published"],
                    outlet=r["outlet"], wire_sources=json.loads(r["wire_sources"] or "[]"),
                    entities=entities.get(r["id"], []), events=events.get(r["id"], [])) for r in rows], event_ids


def _event(r) -> Event:
    def actor(side: str) -> Optional[Actor]:
        text, canonical = r[f"{side}_text"], r[f"{side}_canonical"]
        return Actor(text or "", canonical=canonical) if text or canonical else None
    return Event(r["type"], r["sentence"], r["start_char"], r["end_char"], date=r["date"],
                 source=actor("source"), target=actor("target"))


def update_corpus(store: BaseStore, dedup: DedupSettings = DedupSettings(),
                  stories: StorySettings = StorySettings()) -> CorpusReport:
    """Recompute near-copies, stories and provenance for the whole store."""
    started = time.monotonic()
    articles, event_ids = load_articles(store)
    pairs = near_duplicates(articles, dedup)
    records = provenance(articles, pairs, dedup)
    clusters = cluster(articles, stories)
    mentions = _mention_rows(story_events(clusters, articles), event_ids)
    store._begin()
    try:
        for table in ("duplicates", "stories", "provenance", "event_mentions"):
            store._execute(f"DELETE FROM {table}")
        store._many("INSERT INTO duplicates (a, b, jaccard, containment, exact, earliest) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (a, b) DO UPDATE SET jaccard = excluded.jaccard, containment = excluded.containment, "
                    "exact = excluded.exact, earliest = excluded.earliest",
                    [(*sorted((_id(p.a), _id(p.b))), p.jaccard, p.containment, int(p.exact), _id(p.earliest)) for p in pairs])
        store._many("INSERT INTO stories (article_id, story, rank) VALUES (?, ?, ?)",
                    [(_id(k), _id(s.id), rank) for s in clusters for rank, k in enumerate(s.members)])
        store._many("INSERT INTO provenance (article_id, wires, credits, state_media, group_wires, earliest, "
                    "uncredited_copy) VALUES (?, ?, ?, ?, ?, ?, ?)", [_provenance_row(p) for p in records])
        store._many("INSERT INTO event_mentions (event_id, first_event, mentions) VALUES (?, ?, ?)", mentions)
        seconds = time.monotonic() - started
        report = CorpusReport(len(articles), len(pairs), len(clusters), sum(len(s.members) > 1 for s in clusters),
                              len({first for _, first, _ in mentions}), seconds)
        store._execute("INSERT INTO corpus_runs (finished_at, articles, pairs, stories, seconds) VALUES (?, ?, ?, ?, ?)",
                       (now(), report.articles, report.pairs, report.stories, round(seconds, 3)))
        store._commit()
    except BaseException:
        store._rollback()
        raise
    return report


def _mention_rows(merged, event_ids: dict[int, list[int]]) -> list[tuple[int, int, int]]:
    """(event id, id of the first mention, number of articles reporting it) for events
    reported by more than one article of a story."""
    rows = []
    for story_event in merged:
        ids = [event_ids[_id(key)][n] for key, n in story_event.mentions]
        articles = len({key for key, _ in story_event.mentions})
        if articles > 1:
            rows += [(event_id, ids[0], articles) for event_id in ids]
    return rows


def _provenance_row(p) -> tuple:
    credits = [{"wire": c.wire, "kind": c.kind, "start": c.start, "end": c.end} for c in p.credits]
    return (_id(p.key), json.dumps(p.wires, ensure_ascii=False), json.dumps(credits, ensure_ascii=False),
            json.dumps(p.state_media), json.dumps(p.group_wires, ensure_ascii=False), _id(p.earliest),
            int(p.uncredited_copy))
