"""Storage behind one interface: SQLite (default, embedded); the URL picks the backend."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from ..errors import StoreError
from .sqlite import SQLiteStore, WriteCounts

Store = SQLiteStore


def open_store(url: Union[str, Path] = "warta.db", create: bool = True) -> Store:
    """Open (and create or migrate) a store: a file path or ``sqlite:///path`` for SQLite."""
    url = str(url)
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL is not supported by this version yet; use an SQLite file path")
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError(f"unknown database URL {url!r}; use a file path or sqlite:///path")
    return SQLiteStore(url.removeprefix("sqlite:///"), create=create)


__all__ = ["open_store", "Store", "SQLiteStore", "WriteCounts"]
