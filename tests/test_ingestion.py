"""Ingest as a whole: seeds golden checks, idempotence, interruption."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import warta
from warta.store import open_store

from conftest import needs_shared, SEEDS


@needs_shared
def test_seeds_twice_store_five_and_search_finds_each_that_names_lavrov(tmp_path, seed_paths):
    store = open_store(tmp_path / "w.db")
    first = warta.ingest([str(SEEDS)], store)
    second = warta.ingest([str(SEEDS)], store)
    assert (first.inserted, second.inserted, second.unchanged) == (5, 0, 5)
    assert store.count("articles") == 5
    naming = {p.name for p in seed_paths if "Lavrov" in p.read_text()}
    found = {os.path.basename(r["source"]) for r in store.search("Lavrov", limit=50)}
    assert found == naming and len(found) == 4


@needs_shared
def test_same_seeds_from_another_working_directory_are_not_stored_again(tmp_path, monkeypatch):
    store = open_store(tmp_path / "w.db")
    warta.ingest([str(SEEDS)], store)
    monkeypatch.chdir(SEEDS.parent)
    assert warta.ingest(["seeds"], store).inserted == 0


def test_changed_file_is_updated_not_duplicated(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Bogor.\n")
    store = open_store(tmp_path / "w.db")
    warta.ingest([str(p)], store)
    p.write_text("Presiden Joko Widodo bertemu Perdana Menteri Singapura di Bogor.\n")
    report = warta.ingest([str(p)], store)
    assert report.updated == 1 and store.count("articles") == 1
    assert store.search("Singapura") and not store.search("Malaysia")


def test_parallel_ingest_matches_serial(tmp_path):
    for i in range(12):
        (tmp_path / f"{i}.txt").write_text(f"Berita nomor {i} tentang kerja sama Indonesia dan Jepang.\n")
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    warta.ingest([str(tmp_path)], a, jobs=1)
    warta.ingest([str(tmp_path)], b, jobs=2)
    bodies = lambda s: sorted(r[0] for r in s.db.execute("SELECT body FROM articles"))
    assert bodies(a) == bodies(b) and len(bodies(a)) == 12


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_interrupted_ingest_leaves_a_consistent_database_that_a_rerun_completes(tmp_path, sig):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"text": f"Artikel {i}: Menteri Pertahanan bertemu mitranya di Jakarta. " * 3})
             for i in range(1500)]
    (corpus / "big.jsonl").write_text("\n".join(lines))
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "warta", "ingest", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:   # wait until at least one batch is committed
        time.sleep(0.05)
        try:
            if db.exists() and sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]:
                break
        except sqlite3.OperationalError:
            pass
    if proc.poll() is not None:   # a starved poller can miss the whole run on a loaded machine
        pytest.skip("the ingest finished before the interrupt could be sent")
    proc.send_signal(sig)
    code = proc.wait()
    assert code == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < partial
    subprocess.run(cmd, check=True, timeout=300)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1500
    assert con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Artikel'").fetchone()[0] == 1500


def test_dask_ingest_matches_serial(tmp_path):
    for i in range(40):
        (tmp_path / f"{i}.txt").write_text(f"Berita nomor {i}: Menteri Luar Negeri bertemu mitranya di Jakarta.\n")
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    warta.ingest([str(tmp_path)], a)
    report = warta.ingest([str(tmp_path)], b, dask="local", jobs=2)
    assert report.inserted == 40
    rows = lambda s: sorted(tuple(r) for r in s.db.execute("SELECT source, body, title FROM articles"))
    assert rows(a) == rows(b)
