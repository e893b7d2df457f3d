import json
import sqlite3

import pyarrow.parquet as pq
import pytest

import warta
from warta.errors import StoreError
from warta.model import Actor, Article, Entity, Event, Rejection
from warta.store import export, open_store
from warta.store.schema import VERSION
from warta.store.sqlite import fts_query

TEXT = "Menteri Luar Negeri Sergey Lavrov tiba di Mali pada hari Selasa.\n"


def article(body=TEXT, source="a.txt") -> Article:
    a = Article(source=source, body=body, title="Lavrov di Mali", content_hash=warta.model.content_hash(body),
                authors=["Penulis Satu"], published="2023-02-07T16:33:00+07:00", outlet="Media")
    a.entities = [Entity("Sergey Lavrov", 20, 33, "PER", canonical="Sergey Lavrov", country="RUS")]
    a.events = [Event("CONSULT", body.strip(), 0, len(body) - 1, source=Actor("Lavrov", 27, 33, country="RUS"),
                      target=Actor("Mali", 42, 46, country="MLI"), mode="visit", date="2023-02-07")]
    return a


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s


def test_sqlite_schema_is_versioned_and_in_wal_mode(tmp_path):
    store = open_store(tmp_path / "t.db")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_postgres_schema_is_versioned_and_reopening_migrates_nothing(postgres_url):
    from warta.store.postgres import MIGRATIONS
    PG_VERSION = len(MIGRATIONS)
    open_store(postgres_url).close()
    with open_store(postgres_url) as s:
        assert s._one("SELECT max(version) AS v FROM warta_schema")["v"] == PG_VERSION
        assert s._one("SELECT count(*) AS n FROM warta_schema")["n"] == PG_VERSION


def test_same_content_is_stored_once_even_under_another_name(store):
    store.write([("k1", article())])
    counts = store.write([("k1", article()), ("k2", article(source="copy.txt"))])
    assert counts.unchanged == 2 and store.count("articles") == 1


def test_changed_document_replaces_its_old_version_and_annotations(store):
    store.write([("k1", article())])
    counts = store.write([("k1", article(body=TEXT + "Ia bertemu Goita.\n"))])
    assert counts.updated == 1 and store.count("articles") == 1
    assert store.count("events") == 1 and store.count("entities") == 1
    assert store.search("Goita")[0]["id"] == 1


def test_article_round_trips_with_annotations(store):
    store.write([("k1", article())])
    back = store.article(1)
    assert back.authors == ["Penulis Satu"] and back.entities[0].country == "RUS"
    assert back.events[0].target.country == "MLI" and back.events[0].mode == "visit"
    assert store.article(999) is None


def test_rejections_are_kept_once_and_cleared_when_the_document_succeeds(store):
    r = Rejection("a.txt", "decode", "empty document")
    store.write([("k1", r)])
    store.write([("k1", r)])
    assert store.count("rejections") == 1 and store.stats()["rejected"] == 1
    store.write([("k1", article())])
    assert store.count("rejections") == 0


def test_search_is_safe_with_odd_queries_and_filters(store):
    store.write([("k1", article())])
    assert [r["id"] for r in store.search("lavrov")] == [1]
    for q in ['"', "AND", "Lavrov)", "-", "*", "NEAR(", "'; DROP TABLE articles; --"]:
        store.search(q)  # never raises
    assert store.count("articles") == 1
    assert store.search("Lavrov", outlet="nope") == []
    assert store.search("Lavrov", since="2023-02-07", until="2023-02-07")[0]["id"] == 1
    assert store.search("Lavrov", since="2023-02-08") == []


def test_unreachable_postgres_is_one_clear_error():
    with pytest.raises(StoreError, match="is the server running"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")


def test_fts_query_quotes_words():
    assert fts_query('Sergey "Lavrov Mali" OR Putin*') == '"Sergey" "Lavrov Mali" OR "Putin"*'
    assert fts_query("OR") == ""


def test_unwritable_or_missing_folder_gives_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(blocker / "sub" / "w.db")
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "absent.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(junk)


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "future.db"
    sqlite3.connect(p).execute(f"PRAGMA user_version = {VERSION + 5}")
    with pytest.raises(StoreError, match="upgrade warta"):
        open_store(p)


def test_exports(store, tmp_path):
    store.write([("k1", article())])
    with open(tmp_path / "a.jsonl", "w") as out:
        assert export.write_jsonl(store, "articles", out) == 1
    row = json.loads((tmp_path / "a.jsonl").read_text())
    assert row["events"][0]["type"] == "CONSULT" and row["id"] == 1
    with open(tmp_path / "e.csv", "w") as out:
        assert export.write_csv(store, "events", out) == 1
    assert "CONSULT" in (tmp_path / "e.csv").read_text()
    assert export.write_parquet(store, "articles", str(tmp_path / "a.parquet")) == 1
    t = pq.read_table(tmp_path / "a.parquet")
    assert t.column("authors").to_pylist() == [["Penulis Satu"]]
    assert export.write_parquet(store, "quotes", str(tmp_path / "q.parquet")) == 0
    assert pq.read_table(tmp_path / "q.parquet").num_rows == 0


def test_ingest_search_and_listings_end_to_end(store_url, tmp_path):
    import subprocess
    import sys
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT + "Lavrov juga bertemu Presiden Assimi Goita.\n")
    run = lambda *a: subprocess.run([sys.executable, "-m", "warta", *a, "--db", store_url],
                                    capture_output=True, text=True, timeout=120)
    assert run("ingest", str(tmp_path / "in")).returncode == 0
    assert run("ingest", str(tmp_path / "in")).returncode == 0
    hits = [json.loads(l) for l in run("search", "Goita", "--format", "jsonl").stdout.splitlines()]
    assert len(hits) == 1 and "Goita" in hits[0]["snippet"]
    assert json.loads(run("stats", "--format", "json").stdout)["articles"] == 1
