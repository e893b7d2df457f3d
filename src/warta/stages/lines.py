"""--lines input: each line is already a clean document (no boilerplate removal)."""
from __future__ import annotations

from ..model import Article
from ..pipeline import stage
from ..settings import Settings


@stage("as_is", requires={"text"}, provides={
    "body", "boilerplate", "notes", "title", "published", "outlet", "authors", "editors",
    "dateline", "wire_sources", "language"})
def as_is(article: Article, settings: Settings) -> None:
    article.body = article.text.strip()
    given = article.given
    article.title = given.get("title")
    article.published = given.get("published")
    article.outlet = given.get("outlet")
    article.language = given.get("language")
