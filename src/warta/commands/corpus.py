"""Across-article commands: near-duplicates, stories, wire provenance and event counts.

Each reads news files (processed on the fly) or the JSON Lines of ``warta extract`` /
``warta analyze``, and prints a listing (table, jsonl or csv).
"""
from __future__ import annotations

import click

from ..corpus import aggregate, dedup, provenance, stories
from ..corpus.load import load_articles
from ..errors import WartaError
from ._format import emit, format_option

paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


def _load(paths, stages: str = "extract"):
    try:
        articles, rejected = load_articles(paths, stages)
    except WartaError as e:
        raise click.ClickException(str(e)) from e
    for r in rejected:
        click.echo(f"warta: skipped {r.message()}", err=True)
    if not articles:
        raise click.ClickException("no article could be read from the given paths")
    return articles


@click.command()
@paths_argument
@format_option
@click.option("--min-containment", type=click.FloatRange(0, 1), default=dedup.DedupSettings().min_containment,
              show_default=True, help="share of the smaller text found in the larger")
@click.option("--pairs", "pairs_only", is_flag=True,
              help="list the directly similar pairs instead of the duplicate groups")
def dupes(paths, fmt, min_containment, pairs_only):
    """Near-duplicate groups (MinHash/LSH, verified on word shingles): one row per later
    version, with the group's earliest version. Versions joined only through another one
    (two halves of one text) are in the group with direct = false.

    PATH: news files or folders, or the JSON Lines of `warta extract`/`warta analyze`.
    """
    articles = _load(paths)
    pairs = dedup.near_duplicates(articles, dedup.DedupSettings(min_containment=min_containment))
    if pairs_only:
        rows = [{"earliest": p.earliest, "other": p.b if p.earliest == p.a else p.a, "jaccard": p.jaccard,
                 "containment": p.containment, "exact": p.exact} for p in pairs]
    else:
        rows = dedup.group_rows(articles, pairs)
    emit(rows, fmt, widths={"earliest": 50, "other": 50})


@click.command("stories")
@paths_argument
@format_option
@click.option("--window-hours", type=click.FloatRange(min=1), default=stories.StorySettings().window_hours,
              show_default=True, help="how long a story stays open after its latest article")
def stories_(paths, fmt, window_hours):
    """Stories: articles about the same event across outlets (text, entities and time).

    PATH: news files or folders, or the JSON Lines of `warta extract`/`warta analyze`.
    """
    found = stories.cluster(_load(paths), stories.StorySettings(window_hours=window_hours))
    rows = [{"story": s.id, "articles": len(s.members), "first": s.first_published, "title": s.title,
             "outlets": s.outlets, "members": s.members} for s in found]
    emit(sorted(rows, key=lambda r: -r["articles"]), fmt, widths={"story": 40, "title": 50, "members": 60})


@click.command()
@paths_argument
@format_option
@click.option("--by-outlet", is_flag=True, help="one row per outlet: how much it depends on wire services")
def wires(paths, fmt, by_outlet):
    """Wire provenance: credited services (TASS, RT, AFP, ANTARA...), copies, earliest version.

    PATH: news files or folders, or the JSON Lines of `warta extract`/`warta analyze`.
    """
    articles = _load(paths)
    if by_outlet:
        emit([r.to_dict() for r in aggregate.outlet_wires(articles)], fmt)
        return
    rows = [{"article": r.key, "outlet": r.outlet, "wires": r.wires, "state_media": r.state_media,
             "earliest": r.earliest, "copy_of": r.copy_of, "uncredited_copy": r.uncredited_copy}
            for r in provenance.provenance(articles)]
    emit(rows, fmt, widths={"article": 45, "earliest": 45, "copy_of": 45})


@click.command()
@paths_argument
@format_option
@click.option("--by", "by", type=click.Choice(["actor", "pair", "country"]), default="actor", show_default=True)
@click.option("--period", type=click.Choice(aggregate.PERIODS), default="month", show_default=True)
@click.option("--merge-stories", is_flag=True, help="count an event reported by several articles of a story once")
def counts(paths, fmt, by, period, merge_stories):
    """Event counts by PLOVER type and quad class, with the cooperation/conflict balance.

    PATH: news files (run through `analyze`) or the JSON Lines of `warta analyze`.
    """
    articles = _load(paths, stages="analyze")
    grouped = stories.cluster(articles) if merge_stories else None
    cells = {"actor": aggregate.by_actor, "pair": aggregate.by_pair, "country": aggregate.by_country}[by](
        articles, period, stories=grouped)
    emit([c.to_dict() for c in cells], fmt)


commands = [dupes, stories_, wires, counts]
