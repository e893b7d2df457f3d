"""Listing output shared by commands: table (for people), jsonl and csv (for scripts)."""
from __future__ import annotations

import csv
import json
import sys
from typing import Iterable, Optional, Sequence

import click

FORMATS = ("table", "jsonl", "csv")
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                             show_default=True, help="table for people; jsonl or csv for scripts")


def _cell(value, width: int) -> str:
    text = "" if value is None else (", ".join(map(str, value)) if isinstance(value, list) else str(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(rows: Iterable[dict], fmt: str, columns: Optional[Sequence[str]] = None,
         widths: Optional[dict[str, int]] = None) -> int:
    """Print rows in ``fmt``; returns how many were printed."""
    rows = list(rows)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return len(rows)
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                        for k, v in r.items()})
        return len(rows)
    if not rows:
        click.echo("(nothing found)", err=True)
        return 0
    widths = widths or {}
    cells = [[_cell(r.get(c), widths.get(c, 40)) for c in columns] for r in rows]
    size = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(size[i]) for i, c in enumerate(columns)).rstrip())
    click.echo("  ".join("-" * s for s in size))
    for row in cells:
        click.echo("  ".join(v.ljust(size[i]) for i, v in enumerate(row)).rstrip())
    return len(rows)
