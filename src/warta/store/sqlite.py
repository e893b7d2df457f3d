"""The SQLite store, the embedded default: WAL mode, migrations, FTS5 search, one writer
with batched transactions, idempotent re-ingest."""
from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import Iterable, Union

from ..errors import StoreError
from .base import BaseStore
from .schema import MIGRATIONS, VERSION


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


class SQLiteStore(BaseStore):
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
            self._begin()
            try:
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")
                self._commit()
            except BaseException:
                self._rollback()
                raise

    # --- dialect hooks ------------------------------------------------------------------
    def _execute(self, sql: str, args: Iterable = ()):
        return self.db.execute(sql, tuple(args))

    def _many(self, sql: str, seq: list[tuple]) -> None:
        self.db.executemany(sql, seq)

    def _insert(self, sql: str, args: Iterable = ()) -> int:
        return self.db.execute(sql, tuple(args)).lastrowid

    def _begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def columns(self, table: str) -> list[tuple[str, str]]:
        return [(r["name"], r["type"].upper()) for r in self._all(f"PRAGMA table_info({table})")]


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
