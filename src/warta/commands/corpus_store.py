"""`warta corpus`: near-copies, stories and wire provenance over the stored articles."""
from __future__ import annotations

import click

from ..settings import DEFAULT_DB


@click.command("corpus")
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE|URL",
              help="database written by `warta ingest`: an SQLite file or postgresql://user@host/db")
def corpus(db):
    """Find near-duplicate articles (MinHash/LSH), group articles into stories across
    outlets and record which wire services each article credits; the results replace
    earlier ones and show on the article pages of `warta serve`.

    Run it after `warta ingest` whenever new articles arrived.
    """
    from ..store import open_store
    from ..store.corpus import update_corpus
    store = open_store(db, create=False)
    try:
        r = update_corpus(store)
    finally:
        store.close()
    click.echo(f"{r.articles} articles in {r.seconds:.1f}s: {r.pairs} near-copy pairs, {r.stories} stories "
               f"({r.multi_article_stories} with more than one article), {r.merged_events} events reported "
               f"by several articles → {db}", err=True)


commands = [corpus]
