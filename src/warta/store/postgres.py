"""The PostgreSQL store, for teams: the same interface and tables as SQLite, full-text
search with a generated tsvector column. Needs the ``postgres`` extra (psycopg)."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..errors import StoreError
from .base import BaseStore, article_filters
from .pg_schema import MIGRATIONS, VERSION

_LOCK = 7_201_554  # advisory lock id serialising migrations of one database


def _pg(sql: str) -> str:
    """Portable ``?`` placeholders to psycopg's ``%s`` (literal % doubled first)."""
    return sql.replace("%", "%%").replace("?", "%s")


def ts_query(text: str) -> str:
    """Words of what a person types, ANDed, for ``websearch_to_tsquery``-free safety."""
    words = re.findall(r"\w+", text.lower())
    return " & ".join(words)


class PostgresStore(BaseStore):
    def __init__(self, url: str):
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as e:
            raise StoreError("PostgreSQL support needs psycopg: pip install 'warta[postgres]'") from e
        self.path = re.sub(r"//[^@/]*@", "//***@", url)  # never print a password
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.OperationalError as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else "connection failed"
            raise StoreError(f"cannot connect to {self.path} ({first}); is the server running?") from e
        self._migrate()

    def _migrate(self) -> None:
        self._begin()
        try:
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            self.db.execute("CREATE TABLE IF NOT EXISTS warta_schema (version INTEGER NOT NULL)")
            row = self.db.execute("SELECT max(version) AS v FROM warta_schema").fetchone()
            version = row["v"] or 0
            if version > VERSION:
                raise StoreError(f"database has schema {version}, newer than this warta ({VERSION}); upgrade warta")
            for number in range(version, VERSION):
                self.db.execute(MIGRATIONS[number])
                self.db.execute("INSERT INTO warta_schema (version) VALUES (%s)", (number + 1,))
            self._commit()
        except BaseException:
            self._rollback()
            raise

    def _execute(self, sql: str, args: Iterable = ()):
        return self.db.execute(_pg(sql), tuple(args))

    def _many(self, sql: str, seq: list[tuple]) -> None:
        with self.db.cursor() as cur:
            cur.executemany(_pg(sql), seq)

    def _insert(self, sql: str, args: Iterable = ()) -> int:
        return self.db.execute(_pg(sql) + " RETURNING id", tuple(args)).fetchone()["id"]

    def _begin(self) -> None:
        self.db.execute("BEGIN")

    def _commit(self) -> None:
        self.db.execute("COMMIT")

    def _rollback(self) -> None:
        self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def columns(self, table: str) -> list[tuple[str, str]]:
        return [(r["column_name"], r["data_type"].upper()) for r in self._all(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "AND column_name <> 'fts' ORDER BY ordinal_position", (table,))]

    def search(self, query: str, limit: int = 20, offset: int = 0, outlet: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
        q = ts_query(query)
        if not q:
            return []
        where, args = article_filters(outlet, since, until)
        sql = ("SELECT a.id, a.title, a.published, a.outlet, a.source, "
               "ts_headline('simple', a.body, to_tsquery('simple', ?), "
               "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet, "
               "-ts_rank(a.fts, to_tsquery('simple', ?)) AS score FROM articles a "
               f"WHERE {' AND '.join(['a.fts @@ to_tsquery(' + repr('simple') + ', ?)', *where])} "
               "ORDER BY score LIMIT ? OFFSET ?")
        return self._all(sql, (q, q, q, *args, limit, offset))
