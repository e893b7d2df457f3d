"""The stages in their order. Each module holds one stage function (see pipeline.stage)."""
from __future__ import annotations

from ..pipeline import Pipeline, build
from ..settings import DEFAULTS, Settings
from . import clean, entities, lines, link

EXTRACT = (clean.clean,)
ANALYZE = EXTRACT + (
    entities.entities,
    link.link,
)

PIPELINES = {"extract": EXTRACT, "analyze": ANALYZE}


def pipeline(name: str = "analyze", settings: Settings = DEFAULTS) -> Pipeline:
    """The named pipeline: ``extract`` (clean text and metadata) or ``analyze`` (everything).
    With ``settings.lines`` each input line is already clean: extraction is skipped."""
    stages = PIPELINES[name]
    if settings.lines:
        stages = (lines.as_is,) + stages[len(EXTRACT):]
    return build(stages, settings)
