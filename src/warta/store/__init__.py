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
    if is_postgres_url(url):
        from .postgres import PostgresStore  # optional backend (the postgres extra)
        return PostgresStore(url)
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError(f"unknown database URL {url!r}; use a file path, sqlite:///path or postgresql://...")
    return SQLiteStore(url.removeprefix("sqlite:///"), create=create)


def is_postgres_url(url: Union[str, Path]) -> bool:
    return str(url).startswith(("postgresql://", "postgres://"))


__all__ = ["open_store", "is_postgres_url", "Store", "BaseStore", "SQLiteStore", "WriteCounts"]
