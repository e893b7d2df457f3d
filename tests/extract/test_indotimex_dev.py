"""Title and date on the IndoTimex dev articles laid out in our page templates (bench/indotimex_dev.py)."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT, SHARED

ZIP = SHARED / "data" / "dates-indotimex-dev" / "kompas_development.zip"


@pytest.mark.skipif(not ZIP.exists(), reason="../shared/data/dates-indotimex-dev is not beside the repository")
def test_title_and_day_on_indotimex_dev():
    spec = importlib.util.spec_from_file_location("indotimex_dev", ROOT / "bench" / "indotimex_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scores = module.check()
    for kind in ("text", "html"):
        assert scores[kind]["docs"] == 50
        assert scores[kind]["title_exact"] >= 0.95, scores[kind]
        assert scores[kind]["date_day"] >= 0.95, scores[kind]
