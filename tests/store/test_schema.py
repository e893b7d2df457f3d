"""One schema description, two backends: the tables, columns and indexes of a fresh SQLite
and a fresh PostgreSQL database agree, and databases made by older versions migrate."""
from __future__ import annotations

import sqlite3

import pytest

from warta.model import Article, content_hash
from warta.store import browse, open_store
from warta.store.browse import Filters
from warta.store.corpus import update_corpus
from warta.store.schema import MIGRATIONS, VERSION, migrations
from warta.store.sqlite import _statements

PG_TYPES = {"INTEGER": {"integer", "bigint"}, "TEXT": {"text"}, "REAL": {"double precision"}}


def _sqlite_schema(path) -> tuple[dict[str, list[tuple[str, str]]], set[str]]:
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'")]
    columns = {t: [(r[1], r[2]) for r in db.execute(f"PRAGMA table_info({t})")] for t in tables}
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    return columns, indexes


def _pg_schema(url) -> tuple[dict[str, list[tuple[str, str]]], set[str]]:
    import psycopg
    with psycopg.connect(url) as db:
        rows = db.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                          "WHERE table_schema = 'public' AND table_name <> 'warta_schema' "
                          "ORDER BY table_name, ordinal_position").fetchall()
        indexes = {r[0] for r in db.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        if column != "fts":                       # the search vector: FTS5's own table on SQLite
            columns.setdefault(table, []).append((column, kind))
    return columns, indexes


def test_both_backends_have_the_same_tables_columns_and_indexes(tmp_path, postgres_url):
    open_store(tmp_path / "t.db").close()
    open_store(postgres_url).close()
    lite, lite_indexes = _sqlite_schema(tmp_path / "t.db")
    pg, pg_indexes = _pg_schema(postgres_url)
    assert set(lite) == set(pg) and {"articles", "duplicates", "stories", "provenance", "event_mentions"} <= set(lite)
    for table in lite:
        assert [c for c, _ in lite[table]] == [c for c, _ in pg[table]], table
        for (column, lite_type), (_, pg_type) in zip(lite[table], pg[table]):
            assert pg_type in PG_TYPES[lite_type], (table, column, lite_type, pg_type)
    assert lite_indexes <= pg_indexes and "articles_fts" in pg_indexes


def test_the_sqlite_rendering_is_plain_sqlite_and_the_postgres_one_plain_postgres():
    lite, pg = "\n".join(migrations("sqlite")), "\n".join(migrations("postgresql"))
    assert MIGRATIONS == migrations("sqlite") and VERSION == len(migrations("postgresql")) >= 3
    assert "fts5" in lite and "tsvector" not in lite and "IDENTITY" not in lite
    assert "tsvector" in pg and "fts5" not in pg and "WITHOUT ROWID" not in pg and " REAL" not in pg
    assert "{" not in lite.replace("[{wire", "") and "{" not in pg.replace("[{wire", "")


def _article(body: str, source: str) -> Article:
    a = Article(source=source, title="Judul uji", body=body, published="2024-05-01T10:00:00+07:00", outlet="Uji")
    a.content_hash = content_hash(body)
    return a


def test_sqlite_database_of_schema_1_migrates_and_keeps_its_articles(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO articles (doc_key, content_hash, source, title, body, ingested_at, updated_at) "
               "VALUES ('old.txt', 'h1', 'old.txt', 'Lama', 'Kapal patroli berlayar ke utara.', 'now', 'now')")
    db.close()
    with open_store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert [r["title"] for r in store.search("patroli")] == ["Lama"]
        store.write([("new.txt", _article("Kapal patroli kembali ke pelabuhan.", "new.txt"))])
        assert update_corpus(store).articles == 2
    with open_store(path) as store:                     # reopening at 2 changes nothing
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION and store.count("articles") == 2


def test_postgres_database_of_schema_1_migrates_and_its_articles_become_searchable(postgres_url):
    import psycopg
    from warta.store.postgres import connect
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(migrations("postgresql")[0])
        db.execute("CREATE TABLE warta_schema (version INTEGER NOT NULL); INSERT INTO warta_schema VALUES (1)")
        db.execute("INSERT INTO articles (doc_key, content_hash, source, title, body, ingested_at, updated_at) "
                   "VALUES ('old.txt', 'h1', 'old.txt', 'Patroli', 'Kapal berlayar ke utara.', 'now', 'now'), "
                   "('old2.txt', 'h2', 'old2.txt', 'Kapal', 'Kapal patroli berlayar ke utara.', 'now', 'now')")
    with open_store(postgres_url) as store:
        assert store._one("SELECT max(version) AS v FROM warta_schema")["v"] == VERSION
        report = update_corpus(store)
        assert report.articles == 2
    conn = connect(postgres_url)
    rows, total = browse.search_articles(conn, Filters(q="patroli"))
    assert total == 2 and rows[0]["title"] == "Patroli"     # a title match outranks a body match
    assert "\x02patroli\x03" in rows[1]["snippet"].lower()
    conn.close()


@pytest.mark.parametrize("typed, expected", [
    ('Sergey "Lavrov Mali" OR Putin*', "sergey & (lavrov <-> mali) | putin:*"),
    ("a NOT b", "a & !b"), ("NOT b", "b"), ("OR", ""), ("x:y & | ! ')", "(x <-> y)"), ("Menteri", "menteri"),
])
def test_ts_query_keeps_only_words_and_our_operators(typed, expected):
    from warta.store.postgres import ts_query
    assert ts_query(typed) == expected


def test_ts_query_is_accepted_by_postgres_for_odd_input(postgres_url):
    from warta.store.postgres import connect, ts_query
    open_store(postgres_url).close()
    conn = connect(postgres_url)
    for typed in ("_", "'; DROP TABLE articles; --", "a & b | !c", "((", "\\", "日本 東京*", "2024-05-01", '"'):
        query = ts_query(typed)
        if query:
            conn.execute("SELECT count(*) FROM articles WHERE fts @@ to_tsquery('simple', ?)", (query,)).fetchone()
    conn.close()


def test_adapt_turns_sqlite_hints_into_plain_postgres():
    from warta.store.postgres import adapt
    sql = ("SELECT ev.id FROM (SELECT id FROM x) s CROSS JOIN events ev ON ev.id = s.id WHERE +ev.type = ? "
           "AND (+ev.source_country = ? OR ev.date LIKE '5%') AND ev.n = 1+2 ORDER BY ev.date DESC, 1 DESC NULLS FIRST")
    assert adapt(sql) == ("SELECT ev.id FROM (SELECT id FROM x) s JOIN events ev ON ev.id = s.id WHERE ev.type = %s "
                          "AND (ev.source_country = %s OR ev.date LIKE '5%%') AND ev.n = 1+2 "
                          "ORDER BY ev.date DESC NULLS LAST, 1 DESC NULLS FIRST")
