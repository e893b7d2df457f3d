"""warta: Indonesian news to trustworthy event data.

The library API (the ``warta`` command only wraps it)::

    import warta
    for doc in warta.read("articles/"):          # RawDoc, or Rejection for unreadable input
        result = warta.process(doc)              # Article, or Rejection naming stage and reason
    store = warta.open_store("warta.db")         # SQLite file (created and migrated)
    report = warta.ingest(["articles/"], store)  # idempotent, batched, never stops on bad input
"""
from __future__ import annotations

from typing import Union

__version__ = "0.1.0"

from .errors import WartaError  # noqa: E402
from .model import Article, RawDoc, Rejection  # noqa: E402
from .read import read  # noqa: E402
from .settings import DEFAULTS, Settings  # noqa: E402
from .store import open_store  # noqa: E402


def process(doc: Union[RawDoc, str, bytes], stages: str = "analyze",
            settings: Settings = DEFAULTS) -> Union[Article, Rejection]:
    """Run one document through the named pipeline. ``doc`` may be a RawDoc or raw
    text/HTML (str or bytes)."""
    if not isinstance(doc, RawDoc):
        data = doc.encode("utf-8") if isinstance(doc, str) else doc
        doc = RawDoc(source="<string>", data=data)
    from .stages import pipeline as named_pipeline
    return named_pipeline(stages, settings).run(doc)


def ingest(paths, store, settings: Settings = DEFAULTS, **kwargs):
    """Read, process and store everything under ``paths``; returns an IngestReport."""
    from .ingestion import ingest as _ingest
    if isinstance(paths, str):
        paths = [paths]
    return _ingest(paths, store, settings, **kwargs)


__all__ = ["Article", "RawDoc", "Rejection", "Settings", "DEFAULTS", "WartaError",
           "read", "process", "open_store", "ingest", "__version__"]
