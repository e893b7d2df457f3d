"""The SQLite store, the embedded default: WAL mode, migrations, FTS5 search, one writer
with batched transactions, idempotent re-ingest."""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from ..errors import StoreError
from ..model import Article, Rejection
from . import rows
from .schema import MIGRATIONS, VERSION


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class WriteCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    ids: list[int] = field(default_factory=list)

    def add(self, other: "WriteCounts") -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        self.ids.extend(other.ids)


def fts_query(text: str) -> str:
    """A safe FTS5 query from what a person types: words are ANDed, "quoted phrases" kept,
    OR/NOT kept, a trailing * means prefix. Never raises on odd punctuation."""
    parts = []
    for tok in re.findall(r'"[^"]*"|\S+', text):
        if tok in ("OR", "NOT", "AND"):
            parts.append(tok)
            continue
        prefix = tok.endswith("*")
        words = re.findall(r"\w+", tok)
        if words:
            parts.append('"' + " ".join(words) + '"' + ("*" if prefix and len(words) == 1 else ""))
    while parts and parts[0] in ("OR", "NOT", "AND"):
        parts.pop(0)
    while parts and parts[-1] in ("OR", "NOT", "AND"):
        parts.pop()
    return " ".join(parts)


class SQLiteStore:
    """Articles, annotations and rejections in one SQLite file."""

    def __init__(self, path: Union[str, Path], create: bool = True):
        self.path = str(path)
        if self.path != ":memory:":
            self._check_path(Path(self.path), create)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000"):
                self.db.execute(f"PRAGMA {pragma}")
            self._migrate()
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot open or write database {self.path} ({e}); check that its folder "
                             "is writable or choose another --db") from e
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot use database {self.path} ({e}); is it an SQLite file warta wrote?") from e

    @staticmethod
    def _check_path(path: Path, create: bool) -> None:
        if not path.exists():
            if not create:
                raise StoreError(f"no database at {path}; run `warta ingest PATH --db {path}` first")
            parent = path.resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {path}: folder {parent} does not exist")
            if not os.access(parent, os.W_OK):
                raise StoreError(f"cannot create database {path}: folder {parent} is not writable; choose another --db")
        elif create and not os.access(path, os.W_OK):
            raise StoreError(f"database {path} is read-only; make it writable or choose another --db")

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            raise StoreError(f"database {self.path} has schema {version}, newer than this warta "
                             f"({VERSION}); upgrade warta")
        for number in range(version, VERSION):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------

    def status(self, doc_key: str, content_hash: Optional[str]) -> str:
        """new | unchanged (same key, same content) | duplicate (content stored under
        another key) | changed (same key, new content)."""
        row = self.db.execute("SELECT content_hash FROM articles WHERE doc_key = ?", (doc_key,)).fetchone()
        if row and row[0] == content_hash:
            return "unchanged"
        if content_hash and self.db.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,)).fetchone():
            return "duplicate"
        return "changed" if row else "new"

    def write(self, batch: Iterable[tuple[str, Union[Article, Rejection]]]) -> WriteCounts:
        """Store one batch of (doc_key, result) in a single transaction."""
        counts = WriteCounts()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for key, item in batch:
                if isinstance(item, Rejection):
                    self._reject(key, item)
                    counts.rejected += 1
                else:
                    self._put(key, item, counts)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return counts

    def _reject(self, key: str, r: Rejection) -> None:
        t = now()
        self.db.execute(
            "INSERT INTO rejections (doc_key, source, line, stage, reason, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_key, stage, reason) DO UPDATE SET last_seen = ?",
            (key, r.source, r.line, r.stage, r.reason, t, t, t))

    def _put(self, key: str, a: Article, counts: WriteCounts) -> None:
        state = self.status(key, a.content_hash)
        if state in ("unchanged", "duplicate"):
            counts.unchanged += 1
            return
        row, t = rows.article_row(a, key), now()
        if state == "changed":
            article_id = self.db.execute("SELECT id FROM articles WHERE doc_key = ?", (key,)).fetchone()[0]
            sets = ", ".join(f"{c} = ?" for c in row)
            self.db.execute(f"UPDATE articles SET {sets}, updated_at = ? WHERE id = ?", (*row.values(), t, article_id))
            for table in rows.CHILDREN:
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            counts.updated += 1
        else:
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            article_id = self.db.execute(
                f"INSERT INTO articles ({cols}, ingested_at, updated_at) VALUES ({marks}, ?, ?)",
                (*row.values(), t, t)).lastrowid
            counts.inserted += 1
        a.id = article_id
        counts.ids.append(article_id)
        self._put_children(article_id, a)
        self.db.execute("DELETE FROM rejections WHERE doc_key = ?", (key,))

    def _put_children(self, article_id: int, a: Article) -> None:
        for table, to_row in rows.CHILDREN.items():
            items = [to_row(x) for x in getattr(a, table)]
            if not items:
                continue
            cols = ["article_id", *items[0]]
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            self.db.executemany(sql, [(article_id, *r.values()) for r in items])

    # --- reading ----------------------------------------------------------------------

    def count(self, table: str) -> int:
        assert table in ("articles", "rejections", *rows.CHILDREN)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def stats(self) -> dict[str, Any]:
        q = self.db.execute
        span = q("SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL").fetchone()
        return {
            "articles": self.count("articles"), "rejected": self.count("rejections"),
            "entities": self.count("entities"), "quotes": self.count("quotes"),
            "times": self.count("times"), "events": self.count("events"),
            "published_from": span[0], "published_to": span[1],
            "outlets": {r[0] or "(unknown)": r[1] for r in q(
                "SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY count(*) DESC LIMIT 20")},
            "languages": {r[0] or "(unknown)": r[1] for r in q(
                "SELECT language, count(*) FROM articles GROUP BY language ORDER BY count(*) DESC")},
            "event_types": {r[0]: r[1] for r in q(
                "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC")},
            "rejections_by_stage": {r[0]: r[1] for r in q(
                "SELECT stage, count(*) FROM rejections GROUP BY stage ORDER BY count(*) DESC")},
        }

    def search(self, query: str, limit: int = 20, offset: int = 0, outlet: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
        """Articles matching ``query`` (full text over title and body), best first."""
        match = fts_query(query)
        if not match:
            return []
        where, args = ["articles_fts MATCH ?"], [match]
        where, args = _article_filters(where, args, outlet, since, until)
        sql = ("SELECT a.id, a.title, a.published, a.outlet, a.source, "
               "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS score "
               "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
               f"WHERE {' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?")
        return [dict(r) for r in self.db.execute(sql, (*args, limit, offset))]

    def article(self, article_id: int) -> Optional[Article]:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        children = {t: [dict(r) for r in self.db.execute(
            f"SELECT * FROM {t} WHERE article_id = ? ORDER BY {'start_char' if t != 'events' else 'start_char, id'}",
            (article_id,))] for t in rows.CHILDREN}
        a = rows.article_from_rows(dict(row), children)
        a.id = article_id
        return a

    def article_ids(self, limit: Optional[int] = None, **filters) -> list[int]:
        where, args = _article_filters([], [], filters.get("outlet"), filters.get("since"),
                                       filters.get("until"), alias="")
        sql = f"SELECT id FROM articles {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, args)]

    def articles(self, **filters) -> Iterator[Article]:
        for article_id in self.article_ids(**filters):
            yield self.article(article_id)

    def rejections(self, limit: int = 100) -> list[dict]:
        return [dict(r) for r in self.db.execute(
            "SELECT id, source, line, stage, reason, last_seen FROM rejections ORDER BY id LIMIT ?", (limit,))]

    def table_rows(self, table: str, where: str = "", args: Iterable = (), limit: Optional[int] = None,
                   order: str = "t.id") -> list[dict]:
        """Rows of an annotation table joined with their article's metadata."""
        assert table in rows.CHILDREN
        sql = (f"SELECT t.*, a.title AS article_title, a.published AS article_published, a.outlet AS article_outlet "
               f"FROM {table} t JOIN articles a ON a.id = t.article_id {('WHERE ' + where) if where else ''} "
               f"ORDER BY {order}")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.db.execute(sql, tuple(args))]


def _article_filters(where: list[str], args: list, outlet, since, until,
                     alias: str = "a.") -> tuple[list[str], list]:
    """Add outlet (substring) and publication date range (inclusive days) conditions."""
    if outlet:
        where.append(f"{alias}outlet LIKE ?")
        args.append(f"%{outlet}%")
    if since:
        where.append(f"{alias}published >= ?")
        args.append(since)
    if until:
        where.append(f"{alias}published < ?")
        args.append(_next_day(until))
    return where, args


def _next_day(day: str) -> str:
    """The exclusive upper bound for an inclusive ``until`` date ("2024-04-04" → "2024-04-05")."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return day


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    out, buf = [], ""
    for line in script.splitlines():
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out
