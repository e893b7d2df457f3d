"""Core commands: ingest, extract, analyze, stats, search, show, export, rejections, demo."""
from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click

from .. import ingestion
from ..model import Article, Rejection
from ..progress import Progress
from ..read import read
from ..settings import DEFAULT_DB, DEFAULTS, Settings
from ..stages import pipeline
from ..store import SQLiteStore, open_store
from ..store import export as exporting
from ._format import emit, format_option

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE",
                         help="SQLite database file (created if missing) or a postgresql://user@host/db URL")
paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")
max_mb_option = click.option("--max-mb", type=click.FloatRange(min=0.001), default=None,
                             help=f"largest document to accept, in MB [default: {DEFAULTS.max_bytes // 2**20}]")
lines_option = click.option("--lines", is_flag=True,
                            help="each line of a text file is its own already-clean document")

EXTRACT_FIELDS = {"source", "url", "line", "language", "title", "published", "outlet", "authors",
                  "editors", "dateline", "wire_sources", "body", "boilerplate", "notes"}


def _settings(max_mb=None, lines=False) -> Settings:
    return DEFAULTS.with_(max_bytes=int(max_mb * 2**20) if max_mb else None, lines=lines or None)


def _output(result, fields=None) -> dict:
    if isinstance(result, Rejection):
        click.echo(f"warta: rejected {result.message()}", err=True)
        out = {"source": result.source, "rejected": {"stage": result.stage, "reason": result.reason}}
        return out | ({"line": result.line} if result.line else {})
    out = result.to_dict(fields)
    for k in ("id", "line"):
        if out.get(k) is None:
            out.pop(k, None)
    return out


def _print_jsonl(paths, name: str, settings: Settings, fields=None) -> None:
    pipe = pipeline(name, settings)
    rejected = 0
    for result in pipe.run_all(read(paths, settings)):
        rejected += isinstance(result, Rejection)
        click.echo(json.dumps(_output(result, fields), ensure_ascii=False))
    sys.exit(1 if rejected else 0)


@click.command()
@paths_argument
@max_mb_option
@lines_option
def extract(paths, max_mb, lines):
    """Clean articles and their metadata as JSON Lines on stdout (no database).

    PATH is a file (.txt, .html, .htm, .jsonl, .warc, optionally .gz), a folder (read
    recursively) or - for standard input. Exit status 1 when any document was rejected.
    """
    _print_jsonl(paths, "extract", _settings(max_mb, lines), EXTRACT_FIELDS)


@click.command()
@paths_argument
@max_mb_option
@lines_option
def analyze(paths, max_mb, lines):
    """Everything warta finds, as JSON Lines on stdout (no database): clean text and
    metadata, entities, quotes, times and events, with character offsets into the body.

    Exit status 1 when any document was rejected.
    """
    _print_jsonl(paths, "analyze", _settings(max_mb, lines))


@click.command()
@paths_argument
@db_option
@max_mb_option
@lines_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="worker processes for the analysis stages")
@click.option("--dask", metavar="SCHEDULER", help="run the stages on Dask: a scheduler address "
              "(tcp://host:8786) or 'local' for local worker processes (--jobs of them)")
@click.option("--quiet", "-q", is_flag=True, help="no progress line and no summary")
def ingest(paths, db, max_mb, lines, jobs, dask, quiet):
    """Read, analyse and store articles in the database.

    Re-running is safe: unchanged documents are skipped, changed files are updated, and
    the same content under another name is stored once. Documents that cannot be read or
    processed are stored as rejections (see `warta rejections`) and the rest goes on.
    Exit status: 0 all stored, 1 something was rejected or a path was missing.
    """
    store = open_store(db)
    settings = _settings(max_mb, lines)
    bar = Progress("ingest", enabled=False if quiet else None)
    try:
        report = ingestion.ingest(paths, store, settings, jobs=jobs, dask=dask,
                                  progress=lambda r: bar.update(r.documents, r.rejected))
    except KeyboardInterrupt:
        bar.close()
        click.echo(f"warta: interrupted; what finished is stored in {db}; run the same command "
                   "again to complete", err=True)
        sys.exit(130)
    bar.close()
    for message in report.messages:
        click.echo(f"warta: rejected {message}", err=True)
    if not quiet:
        s = report.summary()
        click.echo(f"{s['documents']} documents in {s['seconds']:.1f}s: {s['inserted']} new, "
                   f"{s['updated']} updated, {s['unchanged']} unchanged, {s['rejected']} rejected"
                   + (f", {s['bad_paths']} bad paths" if s["bad_paths"] else "") + f" → {db}", err=True)
    sys.exit(0 if report.ok else 1)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json", "jsonl", "csv")), default="table",
              show_default=True, help="table for people; json, jsonl or csv for scripts")
def stats(db, fmt):
    """Counts: articles, rejections, entities, quotes, events, outlets, languages."""
    s = open_store(db, create=False).stats()
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False))
        return
    flat = [{"what": k, "count": v} for k, v in s.items() if not isinstance(v, dict)]
    for group, counts in s.items():
        if isinstance(counts, dict):
            flat += [{"what": f"{group}: {k}", "count": v} for k, v in counts.items()]
    emit(flat, fmt, ["what", "count"], {"what": 60})


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True)
@click.option("--outlet", help="only articles from this outlet (its name, or part of exactly one name)")
@click.option("--since", metavar="DATE", help="published on or after this day (YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="published on or before this day (YYYY-MM-DD)")
@format_option
def search(query, db, limit, outlet, since, until, fmt):
    """Full-text search over titles and bodies, best matches first.

    Words are all required; "quoted phrases", OR, NOT and prefix* work. Ranked as the
    web's search ranks: the 2000 most recently added matches by relevance (title
    weighted), then older matches, newest first.
    """
    rows = open_store(db, create=False).search(query, limit=limit, outlet=outlet, since=since, until=until)
    emit(rows, fmt, ["id", "published", "outlet", "title", "snippet"] if fmt == "table" else None,
         {"title": 50, "snippet": 70, "published": 25})


@click.command()
@click.argument("article_id", type=int, metavar="ID")
@db_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--boilerplate", is_flag=True, help="also print the lines removed as boilerplate")
def show(article_id, db, fmt, boilerplate):
    """One stored article: metadata, clean text and what was found in it."""
    article = open_store(db, create=False).article(article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id} in {db}; `warta search` lists ids")
    if fmt == "json":
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=1))
        return
    _show_text(article, boilerplate)


def _show_text(a: Article, boilerplate: bool) -> None:
    click.secho(a.title or "(no title)", bold=True)
    for label, value in (("published", a.published), ("outlet", a.outlet), ("authors", ", ".join(a.authors)),
                         ("editors", ", ".join(a.editors)), ("dateline", a.dateline),
                         ("wire", ", ".join(a.wire_sources)), ("language", a.language), ("source", a.source),
                         ("notes", "; ".join(a.notes))):
        if value:
            click.echo(f"{label:>10}: {value}")
    click.echo()
    click.echo(a.body)
    if boilerplate and a.boilerplate:
        click.secho("\nremoved as boilerplate:", dim=True)
        for line in a.boilerplate:
            click.secho(f"  {line}", dim=True)
    if a.entities:
        names = sorted({(e.canonical or e.text, e.label, e.country or "") for e in a.entities})
        click.secho("\nentities:", bold=True)
        for name, label, country in names:
            click.echo(f"  {label:<4} {name}" + (f" ({country})" if country else ""))
    if a.quotes:
        click.secho("\nquotes:", bold=True)
        for q in a.quotes:
            who = (q.speaker.canonical or q.speaker.text) if q.speaker else "?"
            click.echo(f"  {who}: {'“' if q.direct else ''}{q.content[:120]}{'”' if q.direct else ''}")
    if a.events:
        click.secho("\nevents:", bold=True)
        for e in a.events:
            src = (e.source.canonical or e.source.text) if e.source else "?"
            tgt = (e.target.canonical or e.target.text) if e.target else "-"
            click.echo(f"  {e.date or '?':<10} {e.type:<9} {src} → {tgt}  [{e.trigger or ''}]")


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(("csv", "jsonl", "parquet")), required=True)
@click.option("--table", type=click.Choice(exporting.TABLES), default="articles", show_default=True,
              help="what to export (jsonl articles carry all their annotations)")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="file to write (default: stdout; required for parquet)")
def export_(db, fmt, table, output):
    """Export the database as CSV, JSON Lines or Parquet."""
    store = open_store(db, create=False)
    if fmt == "parquet":
        if not output:
            raise click.UsageError("parquet needs --output FILE")
        n = exporting.write_parquet(store, table, output)
    else:
        writer = exporting.write_csv if fmt == "csv" else exporting.write_jsonl
        with (open(output, "w", encoding="utf-8", newline="") if output else _stdout()) as out:
            n = writer(store, table, out)
    click.echo(f"exported {n} {table} rows" + (f" to {output}" if output else ""), err=True)


class _stdout:
    def __enter__(self):
        return sys.stdout

    def __exit__(self, *exc):
        sys.stdout.flush()


@click.command()
@db_option
@format_option
@click.option("--limit", type=click.IntRange(1, 100000), default=100, show_default=True)
def rejections(db, fmt, limit):
    """Documents that could not be processed, with the stage and the reason."""
    emit(open_store(db, create=False).rejections(limit), fmt,
         ["id", "source", "line", "stage", "reason"] if fmt == "table" else None, {"source": 50, "reason": 70})


def demo_path() -> Path:
    return Path(str(resources.files("warta") / "resources" / "demo"))


@click.command()
@db_option
def demo(db):
    """Ingest the demo corpus shipped with warta and show what was found."""
    from ..store.corpus import update_corpus
    from ..store.queries import events as event_rows
    store = open_store(db)
    report = ingestion.ingest([str(demo_path())], store)
    corpus = update_corpus(store) if isinstance(store, SQLiteStore) else None  # corpus tables: SQLite
    s = store.stats()
    click.echo(f"Ingested the demo corpus ({report.documents} documents, {report.inserted} new, "
               f"{report.unchanged} already stored, {report.rejected} rejected) into {db}\n")
    click.echo(f"articles {s['articles']} · entities {s['entities']} · quotes {s['quotes']} · "
               f"events {s['events']} · rejected {s['rejected']}"
               + (f" · near-copies {corpus.pairs} · stories told by several articles "
                  f"{corpus.multi_article_stories}" if corpus else "") + "\n")
    rows = [{"id": a.id, "published": (a.published or "")[:16], "outlet": a.outlet, "title": a.title,
             "events": len(a.events)} for a in store.articles()]
    emit(rows, "table", ["id", "published", "outlet", "title", "events"], {"title": 60})
    click.echo("\nSome events (who did what to whom):")
    sample = [{"date": r["date"], "type": r["type"], "source": _actor_name(r, "source"),
               "target": _actor_name(r, "target"), "article": r["article_id"]}
              for r in sorted(event_rows(store, limit=None), key=lambda r: -(r["confidence"] or 0))[:8]]
    emit(sample, "table", None, {"source": 35, "target": 35})
    click.echo(f"\nNext: warta search ASEAN --db {db} · warta show 1 --db {db} · warta events --db {db} · "
               f"warta serve --db {db}")


def _actor_name(row: dict, side: str) -> str:
    name = row.get(f"{side}_canonical") or row.get(f"{side}_text") or ""
    return f"{name} ({row[f'{side}_country']})" if row.get(f"{side}_country") and name else name


commands = [ingest, extract, analyze, stats, search, show, export_, rejections, demo]
