"""Times stage: temporal expressions in the body, normalised against the publication date."""
from __future__ import annotations

from ..model import Article
from ..nlp.timex import find_times
from ..pipeline import stage
from ..settings import Settings


@stage("times", requires={"body", "published"}, provides={"times"})
def times(article: Article, settings: Settings) -> None:
    article.times = find_times(article.body, article.published)
    if article.published is None and any(t.value is None for t in article.times):
        article.notes.append("times: no publication date, so relative dates are left without a value")
