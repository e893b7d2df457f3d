"""Story clustering and event merging (warta.corpus.stories)."""
from __future__ import annotations

import pytest

from itertools import combinations

from warta.corpus import stories
from warta.corpus.samples import demo_gold, load_demo, rough_body
from warta.corpus.text import article_keys
from warta.model import Actor, Article, Entity, Event

from pathlib import Path as _Path

SHARED = _Path(__file__).resolve().parents[2].parent / "shared"  # ../shared beside the repository
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
needs_shared = pytest.mark.skipif(not GOLD.exists(), reason="../shared (seeds and gold) is not beside the repository")



def _same_story_pairs(groups: list[list[str]]) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in combinations(g, 2)}


def test_demo_stories_match_the_gold_grouping():
    articles = load_demo()
    keys = article_keys(articles)
    expected: dict[str, list[str]] = {}
    for key, gold in zip(keys, demo_gold()):
        expected.setdefault(gold["story"], []).append(key)
    found = stories.cluster(articles)
    assert sorted(k for s in found for k in s.members) == sorted(keys)
    assert _same_story_pairs([s.members for s in found]) == _same_story_pairs(list(expected.values()))


def test_story_lists_members_earliest_first_with_outlets():
    found = stories.cluster(load_demo())
    quake = next(s for s in found if len(s.members) == 2 and "12_" in s.members[0])
    assert quake.first_published.startswith("2025-10-23T10:40") and quake.outlets == ["Berita Merdeka", "Suara Khatulistiwa"]


def _article(source: str, published: str | None, body: str) -> Article:
    return Article(source=source, published=published, body=body)


BODY = ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di Tokyo untuk membahas patroli "
        "maritim, hibah kapal patroli untuk Bakamla, dan dialog dua tambah dua di Jakarta.")


def test_time_window_separates_the_same_topic_weeks_apart():
    near = [_article("a", "2025-10-14T10:00:00+07:00", BODY), _article("b", "2025-10-14T20:00:00+07:00", BODY)]
    far = [_article("a", "2025-10-14T10:00:00+07:00", BODY), _article("b", "2025-11-04T10:00:00+07:00", BODY)]
    assert len(stories.cluster(near)) == 1
    assert len(stories.cluster(far)) == 2


def test_unrelated_articles_on_the_same_day_stay_apart():
    other = ("Harga beras medium di Pasar Induk Cipinang turun dua ratus rupiah per kilogram karena pasokan "
             "dari sentra produksi di Jawa Tengah dan Jawa Timur meningkat menjelang panen raya.")
    found = stories.cluster([_article("a", "2025-10-14T10:00:00+07:00", BODY),
                             _article("b", "2025-10-14T11:00:00+07:00", other)])
    assert len(found) == 2


def test_linked_entities_are_used_when_present():
    article = Article(source="a", body="Menlu Lavrov tiba di Bamako.", entities=[
        Entity("Menlu Lavrov", 0, 12, "PER", canonical="Sergey Lavrov"),
        Entity("Bamako", 22, 28, "GPE", canonical="Bamako"),
        Entity("Selasa", 0, 0, "DATE")])
    assert stories.entity_names(article) == ["Sergey Lavrov", "Bamako"]
    assert stories.entity_names(Article(source="b", body="Kemarin Menlu Lavrov tiba.")) == ["Menlu", "Lavrov"]


def test_name_candidates_skip_function_words_and_do_not_cross_lines():
    names = stories.name_candidates("Menurut Ratna Prameswari, kunjungan itu penting.\nJepang siap membantu.")
    assert "Ratna Prameswari" in names and "Jepang" in names
    assert not any("\n" in n or n.startswith("Menurut") for n in names)


def _event(kind: str, source: str, target: str, date: str | None = "2025-10-15") -> Event:
    return Event(type=kind, sentence="...", start=0, end=3, source=Actor(source, canonical=source),
                 target=Actor(target, canonical=target), date=date)


def test_story_events_merge_mentions_of_the_same_event():
    a = _article("a", "2025-10-16T10:00:00+07:00", BODY)
    b = _article("b", "2025-10-16T11:00:00+07:00", BODY)
    a.events = [_event("CONSULT", "Rusia", "India"), _event("ACCUSE", "Rusia", "NATO")]
    b.events = [_event("CONSULT", "Rusia", "India"), _event("CONSULT", "Rusia", "India", "2025-10-20")]
    (story,) = stories.cluster([a, b])
    merged = stories.story_events([story], [a, b])
    consult = next(e for e in merged if e.type == "CONSULT" and e.date == "2025-10-15")
    assert consult.mentions == [("a", 0), ("b", 0)]
    assert len(merged) == 3


@needs_shared
def test_the_five_seeds_are_five_stories():
    seeds = [Article(source=p.name, body=rough_body(p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))]
    assert len(stories.cluster(seeds)) == len(seeds)


def _same_event_articles() -> list[Article]:
    import json
    from pathlib import Path
    path = Path(__file__).parent / "data" / "same_event.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [Article(source=f"{r['story']}/{n}", title=r["title"], published=r["published"], outlet=r["outlet"],
                    body=r["text"]) for n, r in enumerate(records)]


def test_independent_reports_of_one_event_form_one_story_beside_the_demo():
    extra = _same_event_articles()
    found = stories.cluster(load_demo() + extra)
    expected: dict[str, list[str]] = {}
    for article in extra:
        expected.setdefault(article.source.split("/")[0], []).append(article.source)
    groups = [s.members for s in found if any(m in {a.source for a in extra} for m in s.members)]
    assert _same_story_pairs(groups) == _same_story_pairs(list(expected.values()))
    assert all(set(g) <= {a.source for a in extra} for g in groups)


def test_unlinked_actors_merge_by_country():
    a = _article("a", "2025-10-16T10:00:00+07:00", BODY)
    b = _article("b", "2025-10-16T11:00:00+07:00", BODY)
    a.events = [Event(type="CONSULT", sentence="...", start=0, end=3, date="2025-10-15",
                      source=Actor("Samsonov", country="RUS"), target=Actor("Varma", country="IND"))]
    b.events = [Event(type="CONSULT", sentence="...", start=0, end=3, date="2025-10-15",
                      source=Actor("Menhan Rusia", country="RUS"), target=Actor("Menhan India", country="IND"))]
    (story,) = stories.cluster([a, b])
    (merged,) = stories.story_events([story], [a, b])
    assert merged.source == "RUS" and len(merged.mentions) == 2


def _brute_force(articles, settings=stories.StorySettings()):
    """The reference: every article scored against every story so far."""
    from warta.corpus.dedup import published_utc, seen_order
    word_vecs = stories.tfidf([stories.Counter(stories.content_words(a)) for a in articles])
    name_vecs = stories.tfidf([stories.Counter(stories.entity_names(a)) for a in articles])
    times = [published_utc(a) for a in articles]
    open_: list = []
    for i in seen_order(articles):
        best, best_score = None, settings.min_score
        for n, story in enumerate(open_):
            factor = stories.time_factor(times[i], story.latest, settings)
            score = factor * stories.similarity(word_vecs[i], name_vecs[i], story, settings) if factor else 0.0
            if score >= best_score:
                best, best_score = n, score
        if best is None:
            open_.append(stories._Open(i, word_vecs[i], name_vecs[i], times[i]))
        else:
            open_[best].add(i, word_vecs[i], name_vecs[i], times[i])
    return [s.members for s in open_]


def test_retiring_closed_stories_changes_nothing():
    import random
    from datetime import datetime, timedelta, timezone
    base = load_demo()
    rng = random.Random(3)
    articles = []
    for k in range(6):   # the demo six times over, weeks apart, some copies undated
        for a in base:
            b = Article(source=f"{a.source}#{k}", body=a.body, title=a.title, outlet=a.outlet,
                        entities=a.entities)
            when = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(days=9 * k, hours=rng.randrange(72))
            b.published = None if rng.random() < 0.1 else when.isoformat()
            articles.append(b)
    got = stories.cluster(articles)
    index = {key: i for i, key in enumerate(article_keys(articles))}
    assert [[index[m] for m in s.members] for s in got] == _brute_force(articles)
    assert len(got) > len(base)   # copies nine days apart are separate stories
