from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import GOLD, SEEDS, needs_shared
from warta.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


def test_snippet_gold_counts_like_trafilatura(tmp_path):
    gold = {"https://example.id/a": {"file": "kompas_like.html",
                                     "with": ["mewaspadai banjir kiriman", "kenaikan air di Katulampa"],
                                     "without": ["Terpopuler", "Grup Telegram", "Tanggul Jebol"],
                                     "title": "Warga Bantaran Kali Ciliwung Diminta Waspada Banjir Kiriman",
                                     "date": "2023-12-04", "author": "Rina Kusuma"},
            "https://example.id/b": {"file": "missing.html", "with": ["x"], "without": []}}
    path = tmp_path / "evaldata.json"
    path.write_text(json.dumps(gold))
    result = CliRunner().invoke(cli, ["eval", "extraction", str(path), str(FIXTURES), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["precision"] == 1.0 and scores["recall"] == 1.0 and scores["missing"] == 1
    assert scores["title_exact"] == 1.0 and scores["date_day"] == 1.0 and scores["authors"] == 1.0


def test_bad_gold_is_a_clean_error(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("[1, 2]")
    result = CliRunner().invoke(cli, ["eval", "extraction", str(path), str(FIXTURES)])
    assert result.exit_code != 0 and "not a gold file" in result.output


@needs_shared
def test_seeds_gold_all_checks_pass():
    result = CliRunner().invoke(cli, ["eval", "extraction", str(GOLD), str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["checks"] == "50/50", scores["failures"]
