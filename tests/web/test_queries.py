"""The store's read queries: counts are capped, filters combine, the cache (the plans
against a reference query: test_query_reference.py)."""
import pytest

from tests.web.conftest import connect
from warta.store import browse as queries
from warta.store.browse import Filters


@pytest.fixture(scope="module")
def db(web_db):
    conn = connect(web_db)
    yield conn
    conn.close()


def test_counts_are_capped(db, monkeypatch):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    rows, total = queries.filter_events(db, Filters(limit=2))
    assert len(rows) == 2 and total == 4          # cap + 1 means "more than cap"
    _, total = queries.search_articles(db, Filters(q="zzxqv"))
    assert total == 0


def test_search_filters_combine(db):
    row = db.execute("SELECT e.canonical, a.outlet FROM entities e JOIN articles a ON a.id = e.article_id "
                     "WHERE e.canonical IS NOT NULL AND a.outlet IS NOT NULL LIMIT 1").fetchone()
    rows, total = queries.search_articles(db, Filters(actor=row[0], outlet=row[1]))
    assert rows and all(r["outlet"] == row[1] for r in rows)
    for r in rows:
        assert db.execute("SELECT 1 FROM entities WHERE article_id = ? AND canonical = ?", (r["id"], row[0])).fetchone()
    assert queries.search_articles(db, Filters(actor=row[0], outlet=row[1] + "x"))[0] == []


def test_cache_computes_once_per_key_and_expires(web_db, monkeypatch):
    import threading
    from warta.web import app as app_module
    app = app_module.App(str(web_db))
    calls = []

    def slow():
        calls.append(1)
        threading.Event().wait(0.2)
        return len(calls)
    threads = [threading.Thread(target=app.cached, args=(("k",), slow)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1] and app.cached(("k",), slow) == 1
    monkeypatch.setattr(app_module, "CACHE_TTL", 0.0)
    assert app.cached(("k",), slow) == 2
