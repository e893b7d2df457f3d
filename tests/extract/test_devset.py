"""Our eight Indonesian outlet-style dev pages (tests/extract/devset, written by us) through
the `warta eval extraction` library path; floors at the issue's targets for HTML news."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from warta.cli import cli
from warta.extract.evaluate import evaluate_extraction

DEVSET = Path(__file__).parent / "devset"


def test_devset_meets_targets():
    scores = evaluate_extraction(DEVSET / "gold.json", [DEVSET])
    assert scores["docs"] == 8 and scores["missing"] == 0
    assert scores["f1"] >= 0.95
    assert scores["title_exact"] >= 0.95 and scores["date_day"] >= 0.95
    assert scores["authors"] >= 0.85


def test_devset_eval_command():
    out = CliRunner().invoke(cli, ["eval", "extraction", str(DEVSET / "gold.json"), str(DEVSET), "--json"])
    assert out.exit_code == 0, out.output
    assert '"title_exact"' in out.output
