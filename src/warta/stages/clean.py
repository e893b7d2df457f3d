"""Clean stage (first cut): body lines and metadata; replaced by the extraction work."""
from __future__ import annotations

from ..model import Article
from ..pipeline import stage
from ..settings import Settings


@stage("clean", requires={"text"}, provides={"body", "boilerplate", "title", "published"})
def clean(article: Article, settings: Settings) -> None:
    lines = [l.strip() for l in article.text.split("\n")]
    article.body = "\n".join(l for l in lines if l)
    article.title = article.given.get("title") or article.title
    article.published = article.given.get("published") or article.published
