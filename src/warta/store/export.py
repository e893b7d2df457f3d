"""Exports of a store: JSONL (full articles), CSV and Parquet (flat tables), streamed."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterator

from .rows import CHILDREN, LIST_COLUMNS
from .base import BaseStore

TABLES = ("articles", *CHILDREN, "rejections")
ARTICLE_EXPORT = ("id", "source", "url", "title", "published", "outlet", "language", "dateline",
                  "authors", "editors", "wire_sources", "body", "content_hash")


def table_rows(store: BaseStore, table: str) -> Iterator[dict]:
    """Flat rows of one table; list columns of articles decoded from JSON."""
    if table == "articles":
        cols = ", ".join(ARTICLE_EXPORT)
        for row in store._all(f"SELECT {cols} FROM articles ORDER BY id"):
            for c in LIST_COLUMNS:
                if c in row:
                    row[c] = json.loads(row[c] or "[]")
            yield row
    elif table == "rejections":
        yield from store._all("SELECT * FROM rejections ORDER BY id")
    else:
        yield from store._all(f"SELECT * FROM {table} ORDER BY article_id, id")


def write_jsonl(store: BaseStore, table: str, out: IO[str]) -> int:
    n = 0
    if table == "articles":  # whole articles with their annotations, the analyze contract
        for article in store.articles():
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            n += 1
        return n
    for row in table_rows(store, table):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(store: BaseStore, table: str, out: IO[str]) -> int:
    writer, n = None, 0
    for row in table_rows(store, table):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        n += 1
    return n


def parquet_schema(store: BaseStore, table: str):
    """Arrow schema from the table's declared SQLite types (lists for JSON list columns)."""
    import pyarrow as pa
    types = {"INTEGER": pa.int64(), "BIGINT": pa.int64(), "REAL": pa.float64(), "DOUBLE PRECISION": pa.float64()}
    declared = dict(store.columns(table))
    names = ARTICLE_EXPORT if table == "articles" else list(declared)
    return pa.schema([(c, pa.list_(pa.string()) if c in LIST_COLUMNS else types.get(declared.get(c), pa.string()))
                      for c in names])


def write_parquet(store: BaseStore, table: str, path: str, batch: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema, rows, n = parquet_schema(store, table), [], 0
    with pq.ParquetWriter(path, schema) as writer:
        for row in table_rows(store, table):
            rows.append(row)
            n += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows.clear()
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n
