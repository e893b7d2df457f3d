"""In-process and multi-process execution of a pipeline over decoded articles.

The driver reads, decodes and writes; workers only run stages, so SQLite keeps one writer.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from typing import Iterable, Iterator

from ..model import Article
from ..pipeline import Pipeline, Result

_PIPELINE: Pipeline | None = None


def _init(pipeline: Pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline


def _run(article: Article) -> Result:
    return _PIPELINE.run_article(article)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run_articles(pipeline: Pipeline, articles: Iterable[Article], jobs: int = 1) -> Iterator[Result]:
    """Results in input order; ``jobs`` > 1 uses that many worker processes."""
    if jobs <= 1:
        for a in articles:
            yield pipeline.run_article(a)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(pipeline,)) as pool:
        # The input is consumed here, in the caller's thread (it may read the store),
        # a chunk at a time; workers only see articles.
        for chunk in _chunks(articles, jobs * 16):
            yield from pool.imap(_run, chunk, chunksize=4)
