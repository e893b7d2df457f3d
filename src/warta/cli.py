"""The ``warta`` command: thin wrappers over the library.

Commands live in ``warta.commands.*``; each module lists its click commands in
``commands`` (top level) and ``eval_commands`` (under ``warta eval``).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from . import __version__, commands as _commands_pkg
from .errors import WartaError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="warta")
def cli() -> None:
    """warta: Indonesian news to trustworthy event data.

    Read articles (text, HTML, JSONL, WARC), clean them, find who did what to whom, when
    and where, and keep it all in a searchable database (SQLite by default).
    """


@cli.group("eval")
def eval_group() -> None:
    """Score warta against gold files (extraction, ner, dates, quotes, events)."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(_commands_pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_commands_pkg.__name__}.{info.name}")
        for command in getattr(module, "commands", ()):
            cli.add_command(command)
        for command in getattr(module, "eval_commands", ()):
            eval_group.add_command(command)


_register()


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("warta: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except WartaError as e:
        click.echo(f"warta: {e}", err=True)
        sys.exit(e.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("warta: interrupted", err=True)
        sys.exit(130)
