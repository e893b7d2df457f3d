"""Corpus results in the store: near-copies, stories and wire provenance computed over all
stored articles with warta.corpus, written in one transaction (replacing earlier results)."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Optional

from ..corpus.dedup import DedupSettings, near_duplicates
from ..corpus.provenance import provenance
from ..corpus.stories import StorySettings, cluster, story_events
from ..model import Actor, Article, Entity, Event
from .base import now
from .sqlite import SQLiteStore


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


def load_articles(store: SQLiteStore, limit: Optional[int] = None) -> tuple[list[Article], dict[int, list[int]]]:
    """Every stored article with the fields the corpus features read (body, title, time,
    outlet, wires, entities, events); ``source`` is ``id:N`` so results map back to ids.
    Also returns, per article id, the stored ids of its events in the order loaded."""
    db = store.db
    sql = "SELECT id, title, body, published, outlet, wire_sources FROM articles ORDER BY id"
    rows = db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
    entities: dict[int, list[Entity]] = {}
    for r in db.execute("SELECT article_id, text, start_char, end_char, label, canonical FROM entities"):
        entities.setdefault(r[0], []).append(Entity(r[1], r[2], r[3], r[4], canonical=r[5]))
    events: dict[int, list[Event]] = {}
    event_ids: dict[int, list[int]] = {}
    for r in db.execute("SELECT article_id, type, sentence, start_char, end_char, date, source_text, "
                        "source_canonical, target_text, target_canonical, id FROM events ORDER BY article_id, id"):
        event_ids.setdefault(r[0], []).append(r[10])
        events.setdefault(r[0], []).append(Event(
            r[1], r[2], r[3], r[4], date=r[5], source=Actor(r[6] or "", canonical=r[7]) if r[6] or r[7] else None,
            target=Actor(r[8] or "", canonical=r[9]) if r[8] or r[9] else None))
    return [Article(source=_key(r[0]), title=r[1], body=r[2], published=r[3], outlet=r[4],
                    wire_sources=json.loads(r[5] or "[]"), entities=entities.get(r[0], []),
                    events=events.get(r[0], [])) for r in rows], event_ids


def update_corpus(store: SQLiteStore, dedup: DedupSettings = DedupSettings(),
                  stories: StorySettings = StorySettings()) -> CorpusReport:
    """Recompute near-copies, stories and provenance for the whole store."""
    started = time.monotonic()
    articles, event_ids = load_articles(store)
    pairs = near_duplicates(articles, dedup)
    records = provenance(articles, pairs, dedup)
    clusters = cluster(articles, stories)
    mentions = _mention_rows(story_events(clusters, articles), event_ids)
    db = store.db
    db.execute("BEGIN IMMEDIATE")
    try:
        for table in ("duplicates", "stories", "provenance", "event_mentions"):
            db.execute(f"DELETE FROM {table}")
        db.executemany("INSERT OR REPLACE INTO duplicates (a, b, jaccard, containment, exact, earliest) VALUES (?, ?, ?, ?, ?, ?)",
                       [(*sorted((_id(p.a), _id(p.b))), p.jaccard, p.containment, int(p.exact), _id(p.earliest)) for p in pairs])
        db.executemany("INSERT INTO stories (article_id, story, rank) VALUES (?, ?, ?)",
                       [(_id(k), _id(s.id), rank) for s in clusters for rank, k in enumerate(s.members)])
        db.executemany("INSERT INTO provenance (article_id, wires, credits, state_media, group_wires, earliest, uncredited_copy) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", [_provenance_row(p) for p in records])
        db.executemany("INSERT INTO event_mentions (event_id, first_event, mentions) VALUES (?, ?, ?)", mentions)
        seconds = time.monotonic() - started
        report = CorpusReport(len(articles), len(pairs), len(clusters), sum(len(s.members) > 1 for s in clusters),
                             len({first for _, first, _ in mentions}), seconds)
        db.execute("INSERT INTO corpus_runs (finished_at, articles, pairs, stories, seconds) VALUES (?, ?, ?, ?, ?)",
                   (now(), report.articles, report.pairs, report.stories, round(seconds, 3)))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
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
