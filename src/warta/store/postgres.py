"""The PostgreSQL store, for teams: the same interface and tables as SQLite, full-text
search with a generated tsvector column. Needs the ``postgres`` extra (psycopg).

Also ``connect(url)``: a read-only connection for the web app's queries (store/browse.py),
which are written for SQLite's ``sqlite3.Connection``; ``PgConnection`` accepts the same
calls and rows (by index and by name) and adapts the SQL as described on ``adapt``.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable

from ..errors import StoreError
from .base import BaseStore
from .schema import VERSION, migrations

_LOCK = 7_201_554  # advisory lock id serialising migrations of one database
MIGRATIONS = migrations("postgresql")


def _pg(sql: str) -> str:
    """Portable ``?`` placeholders to psycopg's ``%s`` (literal % doubled first)."""
    return sql.replace("%", "%%").replace("?", "%s")


# --- full-text queries ----------------------------------------------------------------

_JOINERS = {"OR": "|", "AND": "&", "NOT": "& !"}   # what a typed operator puts before the next term


def ts_query(text: str) -> str:
    """A safe ``to_tsquery('simple', ...)`` string with the meaning fts_query gives on
    SQLite: words ANDed, "quoted phrases" in order, OR and NOT, a trailing * for a prefix.
    Only \\w+ words reach the query, so nothing a person types is tsquery syntax."""
    terms: list[str] = []
    joiner = "&"
    for tok in re.findall(r'"[^"]*"|\S+', text):
        if tok in _JOINERS:
            joiner = _JOINERS[tok]
            continue
        words = [w.lower() for w in re.findall(r"\w+", tok)]
        if not words:
            continue
        term = " <-> ".join(words)
        if tok.endswith("*") and len(words) == 1:
            term += ":*"
        if terms:             # a leading operator is dropped, as on SQLite
            terms.append(joiner)
        terms.append(f"({term})" if len(words) > 1 else term)
        joiner = "&"
    return " ".join(terms).replace("& ! ", "& !")


# --- the read-only connection of the web app ------------------------------------------

_UNARY_PLUS = re.compile(r"(?<=[\s(,])\+(?=[a-z_]+\.[a-z_]+)")
_DESC = re.compile(r"\bDESC\b(?!\s+NULLS)")


@functools.lru_cache(maxsize=512)
def adapt(sql: str) -> str:
    """SQLite-flavoured SQL of browse.py for PostgreSQL: ``?`` placeholders; SQLite's
    planner hints dropped, as PostgreSQL plans on its own statistics (a unary ``+col``
    keeps SQLite off an index, a ``CROSS JOIN ... ON`` fixes its join order: a plain JOIN
    here); and NULLs sorted last in descending order, as SQLite does."""
    sql = _UNARY_PLUS.sub("", _pg(sql)).replace(" CROSS JOIN ", " JOIN ")
    return _DESC.sub("DESC NULLS LAST", sql)


class Row(tuple):
    """A result row readable by position and by column name, like ``sqlite3.Row``."""
    names: tuple[str, ...] = ()

    def keys(self) -> tuple[str, ...]:
        return self.names

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)


@functools.lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type:
    return type("Row", (Row,), {"names": names})


def _row_factory(cursor):
    return _row_class(tuple(c.name for c in cursor.description or ()))


class PgConnection:
    """What browse.py and the web layer call on a connection: ``execute`` (with ``?``
    placeholders), rows by index or name, ``close``."""
    dialect = "postgresql"

    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql: str, args: Iterable = ()) -> Any:
        return self.conn.cursor(row_factory=_row_factory).execute(adapt(sql), tuple(args))

    @property
    def broken(self) -> bool:
        """True once the server has gone (restarted, connection lost): open a new one."""
        return self.conn.broken or self.conn.closed

    def close(self) -> None:
        self.conn.close()


def _import_psycopg():
    try:
        import psycopg
    except ImportError as e:
        raise StoreError("PostgreSQL support needs psycopg: pip install 'warta[postgres]'") from e
    return psycopg


def _connect(url: str, **kwargs):
    psycopg = _import_psycopg()
    try:
        return psycopg.connect(url, autocommit=True, **kwargs)
    except psycopg.OperationalError as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else "connection failed"
        raise StoreError(f"cannot connect to {safe_url(url)} ({first}); is the server running?") from e


def safe_url(url: str) -> str:
    return re.sub(r"//[^@/]*@", "//***@", url)  # never print a password


def connect(url: str, statement_timeout_ms: int = 30_000) -> PgConnection:
    """A read-only connection for queries (the web app's)."""
    conn = _connect(url, row_factory=_row_factory)
    conn.execute("SET default_transaction_read_only = on")
    conn.execute("SET jit = off")          # compiling costs more than these short queries take
    conn.execute(f"SET statement_timeout = {int(statement_timeout_ms)}")
    return PgConnection(conn)


def query_errors() -> tuple[type[Exception], ...]:
    """Errors of a query that could not run (timeout, bad input reaching the server)."""
    psycopg = _import_psycopg()
    return (psycopg.errors.QueryCanceled, psycopg.DataError, psycopg.ProgrammingError)


# --- the store --------------------------------------------------------------------------

class PostgresStore(BaseStore):
    dialect = "postgresql"

    def __init__(self, url: str):
        _import_psycopg()
        from psycopg.rows import dict_row
        self.path = safe_url(url)
        self.url = url
        self.db = _connect(url, row_factory=dict_row)
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

    def _browse_db(self) -> PgConnection:
        return PgConnection(self.db)

    def columns(self, table: str) -> list[tuple[str, str]]:
        return [(r["column_name"], r["data_type"].upper()) for r in self._all(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "AND column_name <> 'fts' ORDER BY ordinal_position", (table,))]
