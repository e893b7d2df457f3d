"""Clean stage: body, removed boilerplate and metadata, from plain text or HTML.

Trusted input metadata (``article.given``: title, published, outlet, url from JSONL) wins
over anything extracted; what extraction found is used for the rest.
"""
from __future__ import annotations

from ..extract import extract
from ..extract.dates import parse_machine_date
from ..model import Article
from ..pipeline import stage
from ..settings import Settings

PROVIDES = ("body", "boilerplate", "title", "published", "outlet", "authors", "editors",
            "dateline", "wire_sources", "language", "notes")
TRUSTED = ("title", "outlet", "authors", "editors", "dateline", "wire_sources", "language")


@stage("clean", requires={"text"}, provides=PROVIDES)
def clean(article: Article, settings: Settings) -> None:
    url = article.url or article.given.get("url")
    if settings.lines:
        found = extract(article.text, "lines", url)
    else:
        found = extract(article.text, article.kind, url)
    for name in PROVIDES:
        setattr(article, name, getattr(found, name))
    article.url = url
    _apply_given(article)
    if len(article.body) < settings.min_body_chars and "no article found" not in article.notes:
        article.notes.append("no article found")


def _apply_given(article: Article) -> None:
    given = article.given
    for name in TRUSTED:
        if given.get(name):
            setattr(article, name, given[name])
    if given.get("published"):
        parsed = parse_machine_date(str(given["published"]))
        if parsed and parsed.value:
            article.published = parsed.value
        else:
            article.published = None
            article.notes.append(f"published: given value {given['published']!r} is not a date"
                                 + (f" ({parsed.reason})" if parsed and parsed.reason else ""))
