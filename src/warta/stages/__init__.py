"""The stages in their order. Each module holds one stage function (see pipeline.stage)."""
from __future__ import annotations

from ..pipeline import Pipeline, build
from ..settings import DEFAULTS, Settings
from . import clean, entities, link, times

EXTRACT = (clean.clean,)
ANALYZE = EXTRACT + (
    entities.entities,
    link.link,
    times.times,
)

PIPELINES = {"extract": EXTRACT, "analyze": ANALYZE}


def pipeline(name: str = "analyze", settings: Settings = DEFAULTS) -> Pipeline:
    """The named pipeline: ``extract`` (clean text and metadata) or ``analyze`` (everything).
    With ``settings.lines`` the clean stage takes each line as already-clean text."""
    return build(PIPELINES[name], settings)
