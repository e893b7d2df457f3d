"""Storage behind one interface: SQLite (default, embedded); the URL picks the backend."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from ..errors import StoreError
from .base import BaseStore, WriteCounts
from .sqlite import SQLiteStore

Store = BaseStore


def open_store(url: Union[str, Path] = "warta.db", create: bool = True) -> Store:
    """Open (and create or migrate) a store: a file path or ``sqlite:///path`` for SQLite,
    ``postgresql://user@host/db`` for PostgreSQL."""
    url = str(url)
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # optional backend (the postgres extra)
        return PostgresStore(url)
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError(f"unknown database URL {url!r}; use a file path, sqlite:///path or postgresql://...")
    return SQLiteStore(url.removeprefix("sqlite:///"), create=create)


def require_sqlite(url: Union[str, Path], what: str) -> None:
    """Refuse a PostgreSQL URL for features that exist only on SQLite so far."""
    if str(url).startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{what} works on SQLite databases only in this version; "
                         "use `warta export` to move the data into an SQLite file")


__all__ = ["open_store", "require_sqlite", "Store", "BaseStore", "SQLiteStore", "WriteCounts"]
