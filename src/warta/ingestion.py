"""Ingest: read → decode → skip what is stored → stages → store, in batches.

Re-running is idempotent: unchanged documents are recognised by key and content hash
before any stage runs; a changed file replaces its old version; the same content under a
second name is stored once. Each batch is one transaction, so an interrupted run leaves a
consistent database that the next run completes.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from .errors import WartaError
from .model import Article, RawDoc, Rejection
from .pipeline import Pipeline
from .read import read
from .read.decode import decode
from .scale.local import run_articles
from .settings import DEFAULTS, Settings
from .stages import pipeline as named_pipeline
from .store import Store


@dataclass
class IngestReport:
    documents: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    bad_paths: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)   # one line per rejection
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.bad_paths

    def summary(self) -> dict:
        return {"documents": self.documents, "inserted": self.inserted, "updated": self.updated,
                "unchanged": self.unchanged, "rejected": self.rejected, "bad_paths": len(self.bad_paths),
                "seconds": round(self.seconds, 2)}


def doc_key(source: str, line: Optional[int], url: Optional[str], digest: str) -> str:
    """Where a document came from, stable across runs and working directories."""
    if source == "-":
        return f"stdin:{digest}"
    if url and line is not None:
        return url
    path = os.path.abspath(source)
    return f"{path}#{line}" if line is not None else path


def _key(item: Union[RawDoc, Rejection, Article]) -> str:
    if isinstance(item, Article):
        return doc_key(item.source, item.line, item.url, item.content_hash or "")
    data = getattr(item, "data", b"") or b""
    return doc_key(item.source, item.line, getattr(item, "url", None), hashlib.sha256(data).hexdigest()[:32])


def _decoded(items: Iterable[Union[RawDoc, Rejection]], store: Store, settings: Settings,
             report: IngestReport) -> Iterator[Union[Article, Rejection]]:
    """Decode documents and drop those already stored (counted as unchanged)."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            article = decode(item, settings)
        except WartaError as e:
            yield Rejection(item.source, "decode", str(e), item.line)
            continue
        if store.status(_key(article), article.content_hash) in ("unchanged", "duplicate"):
            report.documents += 1
            report.unchanged += 1
            continue
        yield article


def ingest(paths: Iterable[str], store: Store, settings: Settings = DEFAULTS,
           pipeline: Optional[Pipeline] = None, jobs: int = 1, dask: Optional[str] = None,
           progress: Optional[Callable[[IngestReport], None]] = None) -> IngestReport:
    """Read every document under ``paths`` into ``store``; never stops at a bad document.
    Stages run in-process, in ``jobs`` local processes, or on Dask (``dask`` = scheduler
    address or "local")."""
    pipeline = pipeline or named_pipeline("analyze", settings)
    report, batch = IngestReport(), []
    items = read(paths, settings)
    # Path errors and read rejections pass through unchanged; articles go to the stages.
    pending_rejections: list[Rejection] = []

    def articles() -> Iterator[Article]:
        for x in _decoded(items, store, settings, report):
            if isinstance(x, Rejection):
                pending_rejections.append(x)
            else:
                yield x

    def flush() -> None:
        if batch:
            counts = store.write(batch)
            report.inserted += counts.inserted
            report.updated += counts.updated
            report.unchanged += counts.unchanged
            batch.clear()

    def take(result: Union[Article, Rejection]) -> None:
        if isinstance(result, Rejection) and result.stage == "path":
            report.bad_paths.append(result.source)
            report.messages.append(result.message())
        else:
            report.documents += 1
            if isinstance(result, Rejection):
                report.rejected += 1
                report.messages.append(result.message())
            batch.append((_key(result), result))
        if len(batch) >= settings.batch_size:
            flush()
        if progress:
            progress(report)

    try:
        if dask:
            from .scale import dask as on_dask
            results = on_dask.run_articles(pipeline, articles(), dask, workers=max(jobs, 1))
        else:
            results = run_articles(pipeline, articles(), jobs)
        for result in results:
            while pending_rejections:
                take(pending_rejections.pop(0))
            take(result)
        while pending_rejections:
            take(pending_rejections.pop(0))
    finally:
        flush()  # what finished is complete: keep it even when interrupted
    if progress:
        progress(report)
    return report
