"""Stages and the runner.

A stage is a plain top-level function ``f(article, settings) -> None`` that fills in
fields of the article, declared with what it requires and provides. The runner checks the
order once, then runs each document through the stages; a stage that raises turns the
document into a ``Rejection`` and the batch goes on. Everything here pickles, so the same
pipeline runs in-process or on Dask workers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Union

from .errors import PipelineError, WartaError
from .model import Article, RawDoc, Rejection
from .settings import DEFAULTS, Settings

StageFunc = Callable[[Article, Settings], None]
Result = Union[Article, Rejection]

BASE_FIELDS = frozenset({"text", "source", "url", "line", "content_hash", "given"})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: StageFunc
    requires: frozenset[str]
    provides: frozenset[str]


def stage(name: str, requires: Iterable[str] = (), provides: Iterable[str] = ()):
    """Decorator: attach a ``Stage`` description to a stage function as ``.stage``."""
    def wrap(func: StageFunc) -> StageFunc:
        func.stage = Stage(name, func, frozenset(requires), frozenset(provides))
        return func
    return wrap


@dataclass(frozen=True, slots=True)
class Pipeline:
    stages: tuple[Stage, ...]
    settings: Settings = DEFAULTS

    def __post_init__(self) -> None:
        have = set(BASE_FIELDS)
        for s in self.stages:
            missing = s.requires - have
            if missing:
                raise PipelineError(
                    f"stage {s.name!r} needs {sorted(missing)}, which no earlier stage provides")
            have |= s.provides

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, raw: RawDoc) -> Result:
        """Decode one raw document and run every stage over it."""
        from .read.decode import decode  # local import: read/ depends on the model only
        try:
            article = decode(raw, self.settings)
        except WartaError as e:
            return Rejection(raw.source, "decode", str(e), raw.line)
        return self.run_article(article)

    def run_article(self, article: Article) -> Result:
        for s in self.stages:
            try:
                s.func(article, self.settings)
            except Exception as e:  # noqa: BLE001 - any failure becomes a stored rejection
                reason = str(e) if isinstance(e, WartaError) else f"{type(e).__name__}: {e}"
                return Rejection(article.source, s.name, reason.splitlines()[0][:500] if reason else type(e).__name__, article.line)
        return article

    def run_all(self, items: Iterable[Union[RawDoc, Rejection]]) -> Iterator[Result]:
        for item in items:
            yield item if isinstance(item, Rejection) else self.run(item)


def build(stage_funcs: Iterable[StageFunc], settings: Settings = DEFAULTS) -> Pipeline:
    return Pipeline(tuple(f.stage for f in stage_funcs), settings)
