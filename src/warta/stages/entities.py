"""Stage `entities`: named-entity mentions (PER, ORG, LOC, GPE) in the clean body."""
from __future__ import annotations

from ..model import Article, Entity
from ..nlp.mentions import find_spans
from ..pipeline import stage
from ..settings import Settings


@stage("entities", requires={"body"}, provides={"entities"})
def entities(article: Article, settings: Settings) -> None:
    body = article.body or ""
    article.entities = [Entity(body[s.start:s.end], s.start, s.end, s.label) for s in find_spans(body)]
