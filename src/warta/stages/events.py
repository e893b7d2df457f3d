"""Events stage: PLOVER events with actors, date, location, claimant and confidence."""
from __future__ import annotations

from ..model import Article
from ..nlp.actors import resolver_for
from ..nlp.events import find_events
from ..pipeline import stage
from ..settings import Settings


@stage("events", requires={"body", "entities", "quotes", "times"}, provides={"events"})
def events(article: Article, settings: Settings) -> None:
    resolver = resolver_for(article.body, article.entities)
    article.events = find_events(article.body, resolver, article.quotes, article.times, article.published)
