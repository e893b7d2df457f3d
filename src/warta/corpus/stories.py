"""Stories: articles about the same event, grouped across outlets.

Articles are taken in publication order and each joins the open story it is most similar
to, or starts a new one. Similarity mixes two IDF-weighted cosines, over content words and
over entities (canonical names from ``Article.entities`` when the pipeline has linked
them, else proper-name candidates from the text), and is scaled down with the time gap;
a story closes to an article published more than ``window_hours`` after its latest one.
Events of one story that agree on type, actors and day are merged into one event with
several mentions.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import resources
from typing import Optional, Sequence

from ..model import Article, Event
from .dedup import published_utc, seen_order
from .text import article_keys, article_text, words

ENTITY_LABELS = {"PER", "ORG", "GPE", "LOC", "NORP", "FAC", "EVT"}
_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]+|bin|al|van|de))*")


def _stopwords() -> frozenset[str]:
    text = resources.files("warta").joinpath("resources/corpus/stopwords-id.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


STOPWORDS = _stopwords()


@dataclass(frozen=True, slots=True)
class StorySettings:
    window_hours: float = 96.0    # a story stays open this long after its latest article
    min_score: float = 0.35       # similarity needed to join a story
    entity_weight: float = 0.5    # share of the entity cosine in the score (when both have entities)
    undated_factor: float = 0.8   # time factor when a publication time is missing


@dataclass(slots=True)
class Story:
    id: str                                  # key of the earliest article
    members: list[str] = field(default_factory=list)   # article keys, earliest first
    title: Optional[str] = None              # the earliest article's title
    first_published: Optional[str] = None
    last_published: Optional[str] = None
    entities: list[str] = field(default_factory=list)  # most shared first
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryEvent:
    """One real-world event reported by several articles of a story."""
    story: str
    type: str
    source: Optional[str]
    target: Optional[str]
    date: Optional[str]
    mentions: list[tuple[str, int]] = field(default_factory=list)  # (article key, index in its events)


def name_candidates(text: str) -> list[str]:
    """Capitalised word sequences that are not sentence-initial function words."""
    out = []
    for match in _NAME.finditer(text):
        parts = match.group().split()
        while parts and parts[0].lower() in STOPWORDS:
            parts.pop(0)
        if parts and not (len(parts) == 1 and len(parts[0]) < 3):
            out.append(" ".join(parts))
    return out


def entity_names(article: Article) -> list[str]:
    """Linked canonical names when the pipeline found entities; else the words of the
    proper-name candidates, so that "Menhan Agus Santoso" and "Menteri Pertahanan RI Agus
    Santoso" still share "Agus" and "Santoso"."""
    if article.entities:
        return [e.canonical or e.text for e in article.entities if e.label in ENTITY_LABELS]
    return [w for name in name_candidates(article_text(article)) for w in name.split()
            if w.lower() not in STOPWORDS]


def content_words(article: Article) -> list[str]:
    return [w for w in words(article_text(article)) if w not in STOPWORDS and not w.isdigit() and len(w) > 2]


def tfidf(bags: list[Counter], top: int = 100) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (log-scaled term frequency, smoothed IDF + 1), each cut
    to its ``top`` heaviest terms: enough to tell stories apart, and fast to compare."""
    df = Counter(t for bag in bags for t in bag)
    n = len(bags)
    vectors = []
    for bag in bags:
        vec = {t: (1 + math.log(c)) * (1 + math.log((1 + n) / (1 + df[t]))) for t, c in bag.items()}
        if len(vec) > top:
            vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:top])
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


def cosine(a: dict[str, float], b: dict[str, float], norm_a: Optional[float] = None,
           norm_b: Optional[float] = None) -> float:
    if len(a) > len(b):
        a, b, norm_a, norm_b = b, a, norm_b, norm_a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na = norm(a) if norm_a is None else norm_a
    nb = norm(b) if norm_b is None else norm_b
    return dot / (na * nb) if na and nb else 0.0


def time_factor(a: Optional[datetime], b: Optional[datetime], settings: StorySettings) -> float:
    """1 at the same moment, falling linearly to 0.5 at the window's edge, 0 beyond it."""
    if a is None or b is None:
        return settings.undated_factor
    gap = abs((a - b).total_seconds()) / 3600
    return 0.0 if gap > settings.window_hours else 1.0 - 0.5 * gap / settings.window_hours


class _Open:
    """A story being built: summed vectors (with cached norms) and its latest time."""

    def __init__(self, index: int, words_vec: dict, names_vec: dict, when: Optional[datetime]):
        self.members: list[int] = []
        self.words: dict[str, float] = {}
        self.names: dict[str, float] = {}
        self.latest: Optional[datetime] = None
        self.add(index, words_vec, names_vec, when)

    def add(self, index: int, words_vec: dict, names_vec: dict, when: Optional[datetime]) -> None:
        self.members.append(index)
        for mine, other in ((self.words, words_vec), (self.names, names_vec)):
            for t, v in other.items():
                mine[t] = mine.get(t, 0.0) + v
        self.words_norm, self.names_norm = norm(self.words), norm(self.names)
        if when and (self.latest is None or when > self.latest):
            self.latest = when


def similarity(words_vec: dict, names_vec: dict, story: _Open, settings: StorySettings) -> float:
    text = cosine(words_vec, story.words, 1.0, story.words_norm)
    if not names_vec or not story.names:
        return text
    names = cosine(names_vec, story.names, 1.0, story.names_norm)
    return (1 - settings.entity_weight) * text + settings.entity_weight * names


class _Postings:
    """Which open stories hold a term: only those sharing a word with an article are scored."""

    def __init__(self):
        self.index: dict[str, set[int]] = {}

    def add(self, story: int, vec: dict) -> None:
        for term in vec:
            self.index.setdefault(term, set()).add(story)

    def candidates(self, vec: dict) -> set[int]:
        found: set[int] = set()
        for term in vec:
            found |= self.index.get(term, set())
        return found

    def remove(self, story: int, vec: dict) -> None:
        for term in vec:
            self.index.get(term, set()).discard(story)


class _Index:
    """Postings of the stories still open to dated articles, and of every story for undated
    ones. Articles come in time order, so a story whose latest article is more than the
    window before the current one can never be joined by a dated article again: it is
    retired, and the candidates to score stay those of the last few days, not of all time."""

    def __init__(self, window: timedelta):
        self.window, self.open, self.every = window, _Postings(), _Postings()
        self.closing: list[tuple[datetime, int]] = []   # heap of (latest, story)
        self.closed: set[int] = set()

    def candidates(self, vec: dict, when: Optional[datetime], stories: list) -> set[int]:
        if when is None:
            return self.every.candidates(vec)
        while self.closing and self.closing[0][0] < when - self.window:
            latest, n = heapq.heappop(self.closing)
            if stories[n].latest == latest and n not in self.closed:   # not a stale entry
                self.closed.add(n)
                self.open.remove(n, stories[n].words)
        return self.open.candidates(vec)

    def add(self, n: int, vec: dict, story) -> None:
        self.every.add(n, vec)
        if n not in self.closed:
            self.open.add(n, vec)
        if story.latest is not None:
            heapq.heappush(self.closing, (story.latest, n))


def cluster(articles: Sequence[Article], settings: StorySettings = StorySettings()) -> list[Story]:
    """Stories over ``articles`` (every article in exactly one story), earliest story first."""
    word_vecs = tfidf([Counter(content_words(a)) for a in articles])
    name_vecs = tfidf([Counter(entity_names(a)) for a in articles])
    times = [published_utc(a) for a in articles]
    stories: list[_Open] = []
    index = _Index(timedelta(hours=settings.window_hours))
    for i in seen_order(articles):
        best, best_score = None, settings.min_score
        for n in sorted(index.candidates(word_vecs[i], times[i], stories)):
            story = stories[n]
            factor = time_factor(times[i], story.latest, settings)
            score = factor * similarity(word_vecs[i], name_vecs[i], story, settings) if factor else 0.0
            if score >= best_score:
                best, best_score = n, score
        if best is None:
            best = len(stories)
            stories.append(_Open(i, word_vecs[i], name_vecs[i], times[i]))
        else:
            stories[best].add(i, word_vecs[i], name_vecs[i], times[i])
        index.add(best, word_vecs[i], stories[best])
    keys = article_keys(articles)
    return [_describe(s.members, articles, keys) for s in stories]


def _describe(members: list[int], articles: Sequence[Article], keys: list[str]) -> Story:
    first, last = articles[members[0]], articles[members[-1]]
    shared = Counter(n for i in members for n in set(entity_names(articles[i])))
    top = [n for n, c in shared.most_common(8) if c > 1 or len(members) == 1]
    outlets = list(dict.fromkeys(articles[i].outlet for i in members if articles[i].outlet))
    return Story(keys[members[0]], [keys[i] for i in members], first.title, first.published,
                 last.published, top, outlets)


def _actor_name(actor) -> Optional[str]:
    """The actor's identity for merging: linked name, else its country (surface forms like
    "Lavrov" and "Menlu Rusia" differ between outlets), else its lower-cased text."""
    if actor is None:
        return None
    return actor.canonical or actor.country or actor.text.strip().lower() or None


def story_events(stories: Sequence[Story], articles: Sequence[Article]) -> list[StoryEvent]:
    """Events merged within each story: same type, source, target and day make one event."""
    by_key = dict(zip(article_keys(articles), articles))
    merged: list[StoryEvent] = []
    for story in stories:
        seen: dict[tuple, StoryEvent] = {}
        for key in story.members:
            for n, event in enumerate(by_key[key].events):
                ident = _event_identity(event)
                if ident not in seen:
                    seen[ident] = StoryEvent(story.id, *ident)
                    merged.append(seen[ident])
                seen[ident].mentions.append((key, n))
    return merged


def _event_identity(event: Event) -> tuple:
    day = event.date[:10] if event.date else None
    return event.type, _actor_name(event.source), _actor_name(event.target), day
