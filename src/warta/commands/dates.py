"""``warta eval dates``: score temporal expressions against TimeML gold."""
from __future__ import annotations

import json

import click

from ..errors import InputError
from ..nlp.timeml import apply_standoff, load_timeml, score, split, warta_finder


def format_report(report: dict) -> str:
    """A small table: found (overlap and strict spans), values and speed."""
    rows = [("documents", report["documents"]), ("gold expressions", report["gold"]),
            ("system expressions", report["system"])]
    for kind in ("overlap", "strict"):
        s = report[kind]
        rows.append((f"found ({kind}) P / R / F1", f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}"))
    rows += [("value right (matched, with gold value)", f"{report['value_accuracy']:.3f} of {report['valued_pairs']}"),
             ("calendar dates right (matched)", f"{report['date_value_accuracy']:.3f} of {report['dated_pairs']}"),
             ("type right (matched)", f"{report['type_accuracy']:.3f}"),
             ("speed", f"{report['docs_per_second']} docs/s")]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


@click.command("dates")
@click.argument("path", type=click.Path(exists=True, dir_okay=True))
@click.option("--gold", "gold_tsv", type=click.Path(exists=True, dir_okay=False),
              help="Stand-off gold (TSV: doc, expression, occurrence, type, value) for files without inline TIMEX3.")
@click.option("--part", type=click.Choice(["all", "tune", "check"]), default="all", show_default=True,
              help="Score all documents or one side of the fixed tuning/check split.")
@click.option("--errors", is_flag=True, help="Also list matched expressions whose value is wrong.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def dates(path: str, gold_tsv: str | None, part: str, errors: bool, fmt: str) -> None:
    """Score warta's temporal expressions on TimeML files (.tml, a folder or a .zip of them).

    Reports expressions found (precision, recall, F1 with overlapping and with exact
    spans) and, among matched expressions, the share with the right normalised value.
    Each document is normalised against its creation time (DCT).
    """
    docs = load_timeml(path)
    if gold_tsv:
        apply_standoff(docs, gold_tsv)
    docs = split(docs, part)
    if not docs:
        raise click.ClickException(f"{path}: no TimeML documents found")
    if not any(d.gold for d in docs):
        raise InputError(f"{path}: no TIMEX3 gold in the text; give stand-off gold with --gold FILE.tsv")
    report, tally = score(docs, warta_finder)
    if errors:
        report["value_errors"] = [dict(zip(("doc", "gold_text", "gold_value", "text", "value"), e)) for e in tally.errors]
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(format_report(report))
    for e in report.get("value_errors", []):
        click.echo(f"  {e['doc']}: {e['gold_text']!r} gold {e['gold_value']} / warta {e['text']!r} {e['value']}")


eval_commands = [dates]
