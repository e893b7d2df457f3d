"""Stage `link`: canonical names, KB ids, countries, roles and sectors for the entities,
with in-document coreference (see nlp/linking.py)."""
from __future__ import annotations

from ..model import Article
from ..nlp.linking import link_entities
from ..pipeline import stage
from ..settings import Settings


@stage("link", requires={"body", "entities"}, provides={"canonical", "kb_id", "country", "role", "sector"})
def link(article: Article, settings: Settings) -> None:
    day = article.published[:10] if article.published else None
    article.entities = link_entities(article.body or "", article.entities, day)
