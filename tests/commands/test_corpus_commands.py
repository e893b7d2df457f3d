"""warta dupes / stories / wires / counts over files and over warta's own JSON Lines."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from warta.cli import cli
from warta.corpus.samples import demo_dir
from warta.model import Actor, Article, Event

PAIRS = ["01_menlu_ri_jepang_wartanusantara.txt", "02_menlu_ri_jepang_kabarkini.txt",
         "03_menhan_rusia_india_suarakhatulistiwa.txt", "04_menhan_rusia_india_harianlintas.txt",
         "05_asean_kuala_lumpur_jurnaldunia.txt"]


def _corpus(tmp_path):
    for name in PAIRS:
        shutil.copy(demo_dir() / name, tmp_path / name)
    return str(tmp_path)


def _jsonl(invoke_args):
    result = CliRunner().invoke(cli, invoke_args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_dupes_lists_the_copies_with_the_earliest_first(tmp_path):
    rows = _jsonl(["dupes", _corpus(tmp_path), "--format", "jsonl"])
    pairs = {(r["earliest"].rsplit("/", 1)[-1], r["other"].rsplit("/", 1)[-1]) for r in rows}
    assert pairs == {(PAIRS[0], PAIRS[1]), (PAIRS[3], PAIRS[2])}
    assert all(0 < r["containment"] <= 1 and r["exact"] is False for r in rows)


def test_stories_and_wires(tmp_path):
    path = _corpus(tmp_path)
    stories = _jsonl(["stories", path, "--format", "jsonl"])
    assert sorted(r["articles"] for r in stories) == [1, 2, 2]
    wires = {r["article"].rsplit("/", 1)[-1]: r for r in _jsonl(["wires", path, "--format", "jsonl"])}
    assert wires[PAIRS[3]]["wires"] == ["RT", "TASS"] and wires[PAIRS[2]]["copy_of"][0].endswith(PAIRS[3])
    outlets = _jsonl(["wires", "--by-outlet", path, "--format", "jsonl"])
    assert sum(r["articles"] for r in outlets) == len(PAIRS)


def test_counts_read_analyze_output_with_events(tmp_path):
    def article(source, kind):
        event = Event(type=kind, sentence="...", start=0, end=3, date="2025-10-15",
                      source=Actor("Rusia", canonical="Rusia", country="RUS"),
                      target=Actor("India", canonical="India", country="IND"))
        return Article(source=source, published="2025-10-16T10:00:00+07:00", body="teks berita", events=[event])
    out = tmp_path / "analyzed.jsonl"
    out.write_text("\n".join(json.dumps(a.to_dict()) for a in (article("a", "CONSULT"), article("b", "THREATEN"))))
    rows = _jsonl(["counts", str(out), "--by", "pair", "--period", "month", "--format", "jsonl"])
    assert rows == [{"key": ["Rusia", "India"], "period": "2025-10", "total": 2,
                     "types": {"CONSULT": 1, "THREATEN": 1},
                     "quads": {"verbal-cooperation": 1, "verbal-conflict": 1}, "balance": 0.0}]


def test_missing_path_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["dupes", str(tmp_path / "nothing-here")])
    assert result.exit_code != 0 and "no such file or folder" in result.output


def test_nothing_readable_is_an_error(tmp_path):
    bad = tmp_path / "out.jsonl"
    bad.write_text('{"body": "x", "source": "a"}\nnot json\n')
    result = CliRunner().invoke(cli, ["stories", str(bad), "--format", "jsonl"])
    assert result.exit_code == 0 and "not JSON" in result.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"body": "x", "source": "a", "rejected": {"stage": "clean", "reason": "r"}}\n')
    assert CliRunner().invoke(cli, ["stories", str(empty)]).exit_code != 0
