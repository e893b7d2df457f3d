"""`warta eval extraction`: score article extraction against a gold file."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import WartaError


@click.command("extraction")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def extraction(gold: Path, pages: tuple[Path, ...], as_json: bool) -> None:
    """Score extraction of PAGES (files or folders) against GOLD.

    GOLD is either the seeds gold (shared/gold/seeds.json: body first/last words,
    boilerplate lines, title, date, outlet, authors, editors, dateline, wire sources) or a
    trafilatura-style evaldata.json (must-include / must-exclude snippets per page, counted
    as body precision/recall/F1, plus title, author and date where given).

    \b
    Examples:
      warta eval extraction ../shared/gold/seeds.json ../shared/corpus/seeds
      warta eval extraction evaldata.json /tmp/eval-html/
    """
    from ..extract.evaluate import evaluate_extraction
    try:
        scores = evaluate_extraction(gold, pages)
    except WartaError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False))
        return
    for key, value in scores.items():
        if key == "failures":
            value = ", ".join(value) or "-"
        click.echo(f"{key:>14}  {value}")


eval_commands = [extraction]
