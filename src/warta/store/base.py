"""What every store backend shares: idempotent batched writes, reads, listings.

Backends supply the connection, migrations and a few dialect hooks; full-text search is
the web's (browse.search_articles), so the CLI and the web rank alike;
all SQL here is portable and uses ``?`` placeholders, bound, never interpolated values.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..model import Article, Rejection
from . import rows


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def next_day(day: str) -> str:
    """The exclusive upper bound for an inclusive ``until`` day ("2024-04-04" → "2024-04-05")."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return day


@dataclass
class WriteCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0


TABLES = ("articles", "rejections", *rows.CHILDREN)


class BaseStore:
    """Subclasses set ``self.path`` and ``self.db`` (a connection with ``execute`` and
    ``close``) and implement ``_execute``, ``_insert`` and ``_begin``."""

    path: str
    db: Any

    # --- dialect hooks ------------------------------------------------------------------
    def _execute(self, sql: str, args: Iterable = ()) -> Any: ...          # returns a cursor of dict-like rows
    def _insert(self, sql: str, args: Iterable = ()) -> int: ...           # INSERT ... returning the new id
    def _many(self, sql: str, seq: list[tuple]) -> None:
        for args in seq:
            self._execute(sql, args)
    def _begin(self) -> None: ...
    def _browse_db(self) -> Any:                                           # the connection browse.py queries
        return self.db

    def _commit(self) -> None:
        self.db.execute("COMMIT")

    def _rollback(self) -> None:
        self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def _all(self, sql: str, args: Iterable = ()) -> list[dict]:
        return [dict(r) for r in self._execute(sql, tuple(args))]

    def _one(self, sql: str, args: Iterable = ()) -> Optional[dict]:
        r = self._execute(sql, tuple(args)).fetchone()
        return dict(r) if r is not None else None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------

    def status(self, doc_key: str, content_hash: Optional[str]) -> str:
        """new | unchanged (same key, same content) | duplicate (content stored under
        another key) | changed (same key, new content)."""
        row = self._one("SELECT content_hash FROM articles WHERE doc_key = ?", (doc_key,))
        if row and row["content_hash"] == content_hash:
            return "unchanged"
        if content_hash and self._one("SELECT 1 AS x FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,)):
            return "duplicate"
        return "changed" if row else "new"

    def write(self, batch: Iterable[tuple[str, Union[Article, Rejection]]]) -> WriteCounts:
        """Store one batch of (doc_key, result) in a single transaction."""
        counts = WriteCounts()
        self._begin()
        try:
            for key, item in batch:
                if isinstance(item, Rejection):
                    self._reject(key, item)
                    counts.rejected += 1
                else:
                    self._put(key, item, counts)
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return counts

    def _reject(self, key: str, r: Rejection) -> None:
        t = now()
        self._execute(
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
            article_id = self._one("SELECT id FROM articles WHERE doc_key = ?", (key,))["id"]
            sets = ", ".join(f"{c} = ?" for c in row)
            self._execute(f"UPDATE articles SET {sets}, updated_at = ? WHERE id = ?", (*row.values(), t, article_id))
            for table in rows.CHILDREN:
                self._execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            counts.updated += 1
        else:
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            article_id = self._insert(f"INSERT INTO articles ({cols}, ingested_at, updated_at) VALUES ({marks}, ?, ?)",
                                      (*row.values(), t, t))
            counts.inserted += 1
        a.id = article_id
        self._put_children(article_id, a)
        self._execute("DELETE FROM rejections WHERE doc_key = ?", (key,))

    def _put_children(self, article_id: int, a: Article) -> None:
        for table, to_row in rows.CHILDREN.items():
            items = [to_row(x) for x in getattr(a, table)]
            if items:
                cols = ["article_id", *items[0]]
                self._many(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                           [(article_id, *r.values()) for r in items])

    # --- reading ----------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, offset: int = 0, outlet: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
        """Articles matching ``query``, ranked as the web's search ranks them
        (browse.search_articles): the most recently added matches by relevance, title
        weighted, then older matches. ``outlet`` is an outlet's name or a part of exactly
        one name (any case). Matches in the snippet are marked [like this]."""
        from . import browse
        if not query.strip():
            return []
        f = browse.Filters(q=query, outlet=self.outlet_named(outlet) if outlet else "", since=since or "",
                           until=until or "", limit=limit, offset=offset)
        return [_plain_row(r) for r in browse.search_articles(self._browse_db(), f, count=False)[0]]

    def outlet_named(self, text: str) -> str:
        """The outlet ``text`` names: an outlet's name in any case, or a part of exactly one
        name; ``text`` itself when no outlet matches (so nothing is found)."""
        names = [r["outlet"] for r in self._all("SELECT DISTINCT outlet FROM articles WHERE lower(outlet) LIKE ? "
                                                 "ORDER BY outlet", (f"%{text.lower()}%",))]
        exact = [n for n in names if n.lower() == text.lower()]
        if len(exact) == 1 or len(names) == 1:
            return (exact or names)[0]
        if names:
            raise InputError(f"outlet {text!r} could be any of {', '.join(names[:8])}"
                             f"{' ...' if len(names) > 8 else ''}; give one name")
        return text

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return self._one(f"SELECT count(*) AS n FROM {table}")["n"]

    def _grouped(self, sql: str) -> dict:
        return {r["k"] if r["k"] is not None else "(unknown)": r["n"] for r in self._all(sql)}

    def stats(self) -> dict[str, Any]:
        span = self._one("SELECT min(published) AS lo, max(published) AS hi FROM articles WHERE published IS NOT NULL")
        return {
            "articles": self.count("articles"), "rejected": self.count("rejections"),
            "entities": self.count("entities"), "quotes": self.count("quotes"),
            "times": self.count("times"), "events": self.count("events"),
            "published_from": span["lo"], "published_to": span["hi"],
            "outlets": self._grouped("SELECT outlet AS k, count(*) AS n FROM articles GROUP BY outlet "
                                     "ORDER BY count(*) DESC LIMIT 20"),
            "languages": self._grouped("SELECT language AS k, count(*) AS n FROM articles GROUP BY language "
                                       "ORDER BY count(*) DESC"),
            "event_types": self._grouped("SELECT type AS k, count(*) AS n FROM events GROUP BY type "
                                         "ORDER BY count(*) DESC"),
            "rejections_by_stage": self._grouped("SELECT stage AS k, count(*) AS n FROM rejections "
                                                 "GROUP BY stage ORDER BY count(*) DESC"),
        }

    def article(self, article_id: int) -> Optional[Article]:
        row = self._one("SELECT * FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        children = {t: self._all(f"SELECT * FROM {t} WHERE article_id = ? ORDER BY start_char, id", (article_id,))
                    for t in rows.CHILDREN}
        a = rows.article_from_rows(row, children)
        a.id = article_id
        return a

    def article_ids(self, limit: Optional[int] = None, outlet: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None) -> list[int]:
        where, args = article_filters(outlet, since, until, alias="")
        sql = f"SELECT id FROM articles {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [r["id"] for r in self._all(sql, args)]

    def articles(self, **filters) -> Iterator[Article]:
        for article_id in self.article_ids(**filters):
            yield self.article(article_id)

    def rejections(self, limit: int = 100) -> list[dict]:
        return self._all("SELECT id, source, line, stage, reason, last_seen FROM rejections ORDER BY id LIMIT ?",
                         (limit,))

    def table_rows(self, table: str, where: str = "", args: Iterable = (), limit: Optional[int] = None,
                   order: str = "t.id") -> list[dict]:
        """Rows of an annotation table joined with their article's metadata."""
        if table not in rows.CHILDREN:
            raise ValueError(f"unknown table {table!r}")
        sql = (f"SELECT t.*, a.title AS article_title, a.published AS article_published, "
               f"a.outlet AS article_outlet FROM {table} t JOIN articles a ON a.id = t.article_id "
               f"{('WHERE ' + where) if where else ''} ORDER BY {order}")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._all(sql, args)


def article_filters(outlet, since, until, alias: str = "a.") -> tuple[list[str], list]:
    """Outlet (case-insensitive substring) and publication day range (inclusive) conditions."""
    where, args = [], []
    if outlet:
        where.append(f"lower({alias}outlet) LIKE ?")
        args.append(f"%{outlet.lower()}%")
    dates, date_args = day_range(f"{alias}published", since, until)
    return where + dates, args + date_args


def day_range(column: str, since: Optional[str], until: Optional[str]) -> tuple[list[str], list]:
    """``column`` from the day ``since`` up to and including the day ``until`` (either may be absent)."""
    where, args = [], []
    if since:
        where.append(f"{column} >= ?")
        args.append(since)
    if until:
        where.append(f"{column} < ?")
        args.append(next_day(until))
    return where, args


def _plain_row(row: dict) -> dict:
    """A search row for scripts and the terminal: [marked] matches, wire_sources a list."""
    row = dict(row)
    row["snippet"] = (row.get("snippet") or "").replace("\x02", "[").replace("\x03", "]")
    if isinstance(row.get("wire_sources"), str):
        row["wire_sources"] = json.loads(row["wire_sources"] or "[]")
    return row
