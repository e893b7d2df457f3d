"""``warta eval events`` and ``warta eval quotes``: score analyze output against gold."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from ..evaluate.events import Score, evaluate
from ..listing import EVENT_COLUMNS, QUOTE_COLUMNS, list_events, list_quotes
from ..settings import DEFAULT_DB
from ..store import open_store
from ._format import emit, format_option

_GOLD = click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
_PRED = click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="`warta analyze` JSON Lines to score; default: analyse the gold texts now")
_SPLIT = click.option("--split", help="only gold records of this split (e.g. tune, heldout)")
_FORMAT = click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
_ERRORS = click.option("--errors", is_flag=True, help="also list misses and spurious predictions")


def _report(name: str, score: Score, fmt: str, errors: bool) -> None:
    if fmt == "json":
        out = {name: score.as_dict()}
        if errors:
            out["misses"], out["spurious"] = score.misses, score.spurious
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    d = score.as_dict()
    click.echo(f"{name}: P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
               f"(matched {d['tp']}, predicted {d['pred']}, gold {d['gold']})")
    if errors:
        for m in score.misses:
            click.echo(f"  miss      {m}")
        for m in score.spurious:
            click.echo(f"  spurious  {m}")


@click.command("events")
@_GOLD
@_PRED
@_SPLIT
@_FORMAT
@_ERRORS
def events(gold: Path, pred: Optional[Path], split: Optional[str], fmt: str, errors: bool) -> None:
    """Score events (type + source + target) against GOLD: warta's JSONL gold
    (tests/data/events_dev.jsonl) or the seeds gold (../shared/gold/seeds.json)."""
    _report("events", evaluate(gold, pred, split)["events"], fmt, errors)


@click.command("quotes")
@_GOLD
@_PRED
@_SPLIT
@_FORMAT
@_ERRORS
def quotes(gold: Path, pred: Optional[Path], split: Optional[str], fmt: str, errors: bool) -> None:
    """Score quote speaker attribution against GOLD (same formats as `warta eval events`)."""
    _report("quotes", evaluate(gold, pred, split)["quotes"], fmt, errors)


_DB = click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="SQLite database file")
_SINCE = click.option("--since", metavar="DATE", help="on or after this day (YYYY-MM-DD)")
_UNTIL = click.option("--until", metavar="DATE", help="on or before this day (YYYY-MM-DD)")
_OUTLET = click.option("--outlet", help="only articles from outlets whose name contains this")
_COUNTRY = click.option("--country", metavar="ISO3", help="an actor's country (e.g. RUS)")
_LIMIT = click.option("--limit", type=click.IntRange(1, 100000), default=100, show_default=True)


@click.command("events")
@_DB
@click.option("--actor", help="source or target whose name contains this")
@_COUNTRY
@click.option("--type", "type_", metavar="TYPE", help="PLOVER type (e.g. CONSULT, ASSAULT)")
@_SINCE
@_UNTIL
@_OUTLET
@_LIMIT
@format_option
def list_events_command(db, actor, country, type_, since, until, outlet, limit, fmt):
    """List stored PLOVER events (who did what to whom, when), newest first."""
    rows = list_events(open_store(db, create=False), actor, country, type_, since, until, outlet, limit)
    emit(rows, fmt, EVENT_COLUMNS if fmt != "jsonl" else None,
         {"sentence": 60, "source": 28, "target": 28, "trigger": 20})


@click.command("quotes")
@_DB
@click.option("--speaker", help="speakers whose name contains this")
@_COUNTRY
@_SINCE
@_UNTIL
@_OUTLET
@_LIMIT
@format_option
def list_quotes_command(db, speaker, country, since, until, outlet, limit, fmt):
    """List stored quotes with their speakers (who said what), newest first."""
    rows = list_quotes(open_store(db, create=False), speaker, country, since, until, outlet, limit)
    emit(rows, fmt, QUOTE_COLUMNS if fmt != "jsonl" else None, {"content": 70, "speaker": 30})


commands = [list_events_command, list_quotes_command]
eval_commands = [events, quotes]
