"""Running the stages on Dask (an existing distributed engine) when one machine is too small.

The driver still reads, decodes and writes (one SQLite writer); Dask workers run the
stages on chunks of articles. ``scheduler`` is a scheduler address ("tcp://host:8786") or
"local" for a cluster of local worker processes.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..errors import WartaError
from ..model import Article
from ..pipeline import Pipeline, Result
from .local import _chunks


def _run_chunk(pipeline: Pipeline, chunk: list[Article]) -> list[Result]:
    return [pipeline.run_article(a) for a in chunk]


def client(scheduler: str, workers: int = 2):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise WartaError("Dask is not installed; pip install 'warta[dask]'") from e
    if scheduler == "local":
        return Client(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None))
    return Client(scheduler)


def run_articles(pipeline: Pipeline, articles: Iterable[Article], scheduler: str = "local",
                 workers: int = 2, chunk: int = 32) -> Iterator[Result]:
    """Results in input order; at most 4 chunks per worker are in flight (bounded memory)."""
    with client(scheduler, workers) as c:
        remote = c.scatter(pipeline, broadcast=True)
        pending = []
        for part in _chunks(articles, chunk):
            pending.append(c.submit(_run_chunk, remote, part, pure=False))
            if len(pending) >= 4 * workers:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
