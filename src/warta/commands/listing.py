"""Listings of stored events and quotes with filters."""
from __future__ import annotations

import click

from ..store import open_store
from ..store.queries import Filters, events as event_rows, quotes as quote_rows
from ._format import emit, format_option
from .core import db_option


def filter_options(func):
    for option in reversed([
        click.option("--actor", help="source or target (speaker for quotes) whose name contains this"),
        click.option("--country", metavar="ISO3", help="either side's country, e.g. RUS"),
        click.option("--outlet", help="outlet name contains this"),
        click.option("--since", metavar="DATE", help="on or after this day (YYYY-MM-DD)"),
        click.option("--until", metavar="DATE", help="on or before this day (YYYY-MM-DD)"),
        click.option("--limit", type=click.IntRange(1, 1_000_000), default=200, show_default=True),
    ]):
        func = option(func)
    return func


def _side(row: dict, prefix: str) -> str:
    name = row.get(f"{prefix}_canonical") or row.get(f"{prefix}_text") or ""
    country = row.get(f"{prefix}_country")
    return f"{name} ({country})" if country and name else (country or name)


@click.command()
@db_option
@filter_options
@click.option("--type", "type_", metavar="TYPE[,TYPE]", help="PLOVER event type(s), e.g. CONSULT,ACCUSE")
@format_option
def events(db, actor, country, outlet, since, until, limit, type_, fmt):
    """Stored events (PLOVER), with filters: who did what to whom, when, where."""
    rows = event_rows(open_store(db, create=False),
                      Filters(actor, country, type_, outlet, since, until), limit)
    if fmt == "table":
        rows = [{"date": r["date"], "type": r["type"], "mode": r["mode"] or r["aux"],
                 "source": _side(r, "source"), "target": _side(r, "target"), "article": r["article_id"],
                 "sentence": r["sentence"]} for r in rows]
    emit(rows, fmt, None, {"sentence": 60, "source": 30, "target": 30})


@click.command()
@db_option
@filter_options
@format_option
def quotes(db, actor, country, outlet, since, until, limit, fmt):
    """Stored quotes with their speakers, with filters."""
    rows = quote_rows(open_store(db, create=False), Filters(actor, country, None, outlet, since, until), limit)
    if fmt == "table":
        rows = [{"published": (r["article_published"] or "")[:10], "speaker": _side(r, "speaker"),
                 "direct": "yes" if r["direct"] else "", "cue": r["cue"], "article": r["article_id"],
                 "content": r["content"]} for r in rows]
    emit(rows, fmt, None, {"content": 70, "speaker": 30})


commands = [events, quotes]
