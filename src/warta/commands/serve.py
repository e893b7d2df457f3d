"""`warta serve`: the local web app over a database."""
from __future__ import annotations

import click

from ..settings import DEFAULT_DB


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE|URL",
              help="database written by `warta ingest`: an SQLite file or postgresql://user@host/db")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to bind; the default serves this machine only (0.0.0.0 exposes the app to the network)")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="TCP port (0: any free port)")
@click.option("--workers", type=click.IntRange(1, 256), default=16, show_default=True, help="request-handling threads")
@click.option("--verbose", "-v", is_flag=True, help="log every request to stderr")
def serve(db, host, port, workers, verbose):
    """Open the web app: search, article pages with highlights and provenance, the event
    table, timeline, actor network, world map and a JSON API (see /api/openapi.json).

    Read-only: the app never changes the database. Stop it with Ctrl-C.
    """
    from ..web import make_server
    try:
        server = make_server(db, host, port, workers, verbose)
    except OSError as e:
        raise click.ClickException(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another --port")
    bound_host, bound_port = server.server_address[:2]
    from ..store.postgres import safe_url
    click.echo(f"warta: serving {safe_url(str(db))} at http://{bound_host}:{bound_port}/ (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("warta: stopped", err=True)
    finally:
        server.server_close()


commands = [serve]
