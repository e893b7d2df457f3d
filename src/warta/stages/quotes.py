"""Quotes stage: direct and reported speech with speakers resolved to entities."""
from __future__ import annotations

from ..model import Article
from ..nlp.actors import resolver_for
from ..nlp.quotes import find_quotes
from ..pipeline import stage
from ..settings import Settings


@stage("quotes", requires={"body", "entities"}, provides={"quotes"})
def quotes(article: Article, settings: Settings) -> None:
    article.quotes = find_quotes(article.body, resolver_for(article.body, article.entities))
