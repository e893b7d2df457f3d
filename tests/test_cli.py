"""The command as a person meets it: real processes, exit codes, one-line errors."""
import gzip
import json
import subprocess
import sys

import pytest

from warta.cli import cli

ARTICLE = ("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Rusia Sergey Lavrov di Jakarta "
           "pada hari Selasa. Keduanya membahas kerja sama keamanan kawasan.\n")


def warta(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "warta", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def bad_inputs(folder):
    (folder / "ok.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "cut.html.gz").write_bytes(gzip.compress(ARTICLE.encode() * 100)[:-25])
    (folder / "dump.jsonl").write_text(json.dumps({"text": ARTICLE.replace("Jakarta", "Bogor")}) + "\n{oops\n")
    (folder / "garbled.txt").write_bytes(bytes((i * 37 + 128) % 128 + 128 for i in range(3000)))


def test_every_command_has_help():
    names = list(cli.commands) + [f"eval {n}" for n in cli.commands["eval"].commands]
    for name in names:
        r = warta(*name.split(), "--help")
        assert r.returncode == 0 and "Usage:" in r.stdout, name


def test_ingest_bad_inputs_one_line_each_and_the_rest_is_stored(tmp_path):
    bad_inputs(tmp_path)
    db = tmp_path / "w.db"
    r = warta("ingest", tmp_path, tmp_path / "missing.txt", "--db", db)
    assert r.returncode == 1
    errors = [l for l in r.stderr.splitlines() if l.startswith("warta: rejected")]
    assert len(errors) == 6  # empty, image, invalid UTF-8, truncated gzip, bad JSON line, missing path
    for name in ("empty.txt", "image.txt", "garbled.txt", "cut.html.gz", "dump.jsonl:2", "missing.txt"):
        assert any(name in e for e in errors), name
    stats = json.loads(warta("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 2 and stats["rejected"] == 5
    again = warta("ingest", tmp_path, "--db", db)
    assert json.loads(warta("stats", "--db", db, "--format", "json").stdout)["articles"] == 2
    assert again.returncode == 1 and "2 unchanged" in again.stderr


def test_all_good_input_exits_zero_and_search_show_export_work(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "w.db"
    assert warta("ingest", tmp_path / "a.txt", "--db", db).returncode == 0
    rows = [json.loads(l) for l in warta("search", "Lavrov", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert [r["id"] for r in rows] == [1]
    csv_lines = warta("search", "Lavrov", "--db", db, "--format", "csv").stdout.splitlines()
    assert csv_lines[0].startswith("id,title,published") and csv_lines[1].startswith("1,")
    assert "Retno Marsudi" in warta("show", 1, "--db", db).stdout
    missing = warta("show", 42, "--db", db)
    assert missing.returncode != 0 and "no article with id 42" in missing.stderr
    out = warta("export", "--format", "jsonl", "--db", db)
    assert json.loads(out.stdout.splitlines()[0])["body"].startswith("Menteri")


def test_unwritable_database_path_is_one_clear_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = warta("ingest", tmp_path / "a.txt", "--db", tmp_path / "no" / "such" / "w.db")
    assert r.returncode == 3 and r.stderr.count("\n") == 1 and "does not exist" in r.stderr


def test_read_commands_on_a_missing_database(tmp_path):
    r = warta("stats", "--db", tmp_path / "none.db")
    assert r.returncode == 3 and "warta ingest" in r.stderr


def test_extract_and_analyze_print_one_json_object_per_document(tmp_path):
    bad_inputs(tmp_path)
    r = warta("extract", tmp_path / "ok.txt", tmp_path / "empty.txt")
    objs = [json.loads(l) for l in r.stdout.splitlines()]
    assert r.returncode == 1 and len(objs) == 2
    assert objs[0]["body"].startswith("Menteri") and "entities" not in objs[0]
    assert objs[1]["rejected"]["stage"] == "decode"
    r = warta("analyze", "-", stdin=ARTICLE)
    assert r.returncode == 0 and json.loads(r.stdout)["source"] == "-"


def test_lines_mode_adds_line_numbers(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("Kalimat pertama .\nKalimat kedua .\n")
    objs = [json.loads(l) for l in warta("analyze", "--lines", p).stdout.splitlines()]
    assert [(o["line"], o["body"]) for o in objs] == [(1, "Kalimat pertama ."), (2, "Kalimat kedua .")]
