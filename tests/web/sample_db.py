"""A web test database: the seeds (when ../shared is there) and the demo corpus ingested
with the analyze pipeline and run through `warta corpus`, plus hostile articles whose title,
body, URL and outlet carry markup and script that must be shown as text."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from warta import ingestion
from warta.model import Actor, Article, Entity, Event, content_hash
from warta.settings import DEFAULTS
from warta.stages import pipeline
from warta.store import open_store
from warta.store.corpus import update_corpus

XSS_TITLE = '<script>window.__xss = "title"</script>Berita <b>tebal</b>'
XSS_BODY = ('Menteri Luar Negeri Retno Marsudi bertemu delegasi Jepang di Jakarta. '
            '<img src=x onerror="window.__xss = \'img\'"> dan <a href="javascript:window.__xss=\'link\'">klik</a>\n'
            '<svg onload="window.__xss=\'svg\'"></svg> "Kami sepakat," katanya. </textarea><script>window.__xss="body"</script>')
XSS_URL = "javascript:window.__xss='url'"
XSS_OUTLET = '"><script>window.__xss="outlet"</script>'


def hostile_article() -> Article:
    body = XSS_BODY
    who = body.index("Retno Marsudi")
    a = Article(source="hostile.txt", title=XSS_TITLE, url=XSS_URL, outlet=XSS_OUTLET, body=body,
                published="2024-05-01T10:00:00+07:00", language="id", wire_sources=["<b>RT</b>"],
                boilerplate=['<script>window.__xss="boilerplate"</script>'])
    a.content_hash = content_hash(body)
    script = body.index("<script>")
    a.entities = [Entity(text="Retno Marsudi", start=who, end=who + 13, label="PER", canonical="Retno Marsudi", country="IDN"),
                  Entity(text=body[script:script + 8], start=script, end=script + 8, label="ORG",
                         canonical='<img src=x onerror="window.__xss=\'canon\'">', country="XSS")]
    a.events = [Event(type="CONSULT", sentence=body[:body.index(".") + 1], start=0, end=body.index(".") + 1,
                      source=Actor(text="Retno Marsudi", canonical="Retno Marsudi", country="IDN"),
                      target=Actor(text="<script>", canonical='<script>window.__xss="actor"</script>', country="JPN"),
                      date="2024-05-01", location='<img src=x onerror="window.__xss=\'loc\'">', trigger="bertemu")]
    return a


def build_db(path: Path, seeds: Optional[list[Path]], demo: Path) -> dict:
    """Ingest the seeds and demo corpus into ``path``, add the hostile article, and
    compute near-copies and stories. Returns the ingest summary."""
    store = open_store(path)
    paths = [str(p) for p in (seeds or [])] + [str(demo)]
    report = ingestion.ingest(paths, store, DEFAULTS, pipeline=pipeline("analyze"))
    store.write([("hostile-test-article", hostile_article())])
    update_corpus(store)
    store.close()
    return report.summary()
