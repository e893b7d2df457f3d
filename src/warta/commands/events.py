"""``warta eval events`` and ``warta eval quotes``: score analyze output against gold."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from ..evaluate.events import Score, evaluate

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


eval_commands = [events, quotes]
