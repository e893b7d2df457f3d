"""Articles for the corpus features: from news files (read and processed) or from the
JSON Lines that ``warta extract`` / ``warta analyze`` print (parsed, not processed again)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..model import Article, Rejection
from ..read import read
from ..settings import DEFAULTS, Settings
from ..stages import pipeline


def is_warta_output(path: Path) -> bool:
    """True for a .jsonl file whose first record is a processed article (has ``body``)."""
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "body" in record and "text" not in record and "html" not in record


def parse_output(path: Path) -> tuple[list[Article], list[Rejection]]:
    articles, rejected = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            rejected.append(Rejection(str(path), "load", f"not JSON ({e.msg})", n))
            continue
        if "rejected" in record:
            continue
        articles.append(Article.from_dict(record))
    return articles, rejected


def load_articles(paths: Iterable[str], stages: str = "extract",
                  settings: Settings = DEFAULTS) -> tuple[list[Article], list[Rejection]]:
    """Articles from ``paths`` and the documents that could not be used."""
    articles: list[Article] = []
    rejected: list[Rejection] = []
    raw: list[str] = []
    for path in paths:
        if path != "-" and not Path(path).exists():
            raise InputError(f"{path}: no such file or folder")
        if path != "-" and is_warta_output(Path(path)):
            parsed, bad = parse_output(Path(path))
            articles += parsed
            rejected += bad
        else:
            raw.append(path)
    if raw:
        for result in pipeline(stages, settings).run_all(read(raw, settings)):
            (rejected if isinstance(result, Rejection) else articles).append(result)
    return articles, rejected
