"""`warta tag FILE.conll` and `warta eval ner FILE.conll`."""
from __future__ import annotations

from pathlib import Path

import click

from ..nlp import conll
from ..nlp.mentions import POST_MODES, bio_for_words


def _read(path: Path) -> list[list[list[str]]]:
    try:
        sents = conll.read_conll(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise click.ClickException(f"cannot read {path}: {e}") from e
    if not sents:
        raise click.ClickException(f"{path} has no tokens (expected CoNLL: one token per line, blank lines between sentences)")
    return sents


@click.command("tag")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gpe", is_flag=True, help="Tag countries as GPE instead of folding them into LOC.")
@click.option("--post", type=click.Choice(POST_MODES), default="raw", show_default=True,
              help="raw: the model alone (best on idner dev and NERGrit valid); rules: trim titles, split country+name, institution names; kb: also add KB names (what `warta analyze` uses).")
def tag(path: Path, gpe: bool, post: str) -> None:
    """Append a predicted BIO column (PER/ORG/LOC) to a CoNLL file.

    PATH has one token per line (first column), any further columns, and blank lines
    between sentences. Output goes to stdout.
    """
    for rows in _read(path):
        tags = bio_for_words([r[0] for r in rows], gpe=gpe, post=post)
        click.echo("\n".join("\t".join(r + [t]) for r, t in zip(rows, tags)) + "\n")


@click.command("ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--post", type=click.Choice(POST_MODES), default="raw", show_default=True,
              help="Post-processing to score (see `warta tag --help`).")
def ner(path: Path, post: str) -> None:
    """Entity-level exact-match P/R/F1 per type and micro average.

    PATH is CoNLL with the tokens in the first column and gold BIO tags in the last
    (PER/ORG/LOC; NERGrit and NERP label names are mapped, other types count as O).
    """
    sents = _read(path)
    if any(len(r) < 2 for rows in sents for r in rows):
        raise click.ClickException(f"{path}: every token line needs a gold tag in its last column")
    gold = [conll.repair([conll.map_tag(r[-1]) for r in rows]) for rows in sents]
    pred = [bio_for_words([r[0] for r in rows], post=post) for rows in sents]
    click.echo(conll.score(gold, pred).table())


commands = [tag]
eval_commands = [ner]
