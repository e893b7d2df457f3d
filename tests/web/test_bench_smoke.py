"""bench/web.py stays runnable: its generator writes a consistent database, and its load
test (bounded threads, released together) finds no error against the test server."""
import importlib.util
from pathlib import Path

import pytest

from warta.store import browse
from warta.store.browse import Filters

BENCH = Path(__file__).resolve().parents[2] / "bench" / "web.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_web", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(params=["sqlite", "postgres"])
def bench_db(request, bench, tmp_path) -> str:
    """300 generated articles in an SQLite file or a PostgreSQL database (COPY)."""
    if request.param == "sqlite":
        db = str(tmp_path / "bench.db")
        bench.build(Path(db), 300)
    else:
        db = request.getfixturevalue("postgres_url")
        bench.build_postgres(db, 300)
    return db


def test_generated_articles_have_consistent_offsets(bench, bench_db):
    db = bench.open_direct(bench_db)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 300
    for r in db.execute("SELECT e.text, e.start_char, e.end_char, a.body FROM entities e JOIN articles a ON a.id = e.article_id LIMIT 200"):
        assert r["body"][r["start_char"]:r["end_char"]] == r["text"]
    rows, total = browse.filter_events(db, Filters(type="CONSULT", limit=500))
    assert rows and all(r["type"] == "CONSULT" for r in rows) and total == len(rows)
    assert browse.search_articles(db, Filters(q="sepakat"))[0]
    assert bench.database_info(bench_db, db)["articles"] == 300


def test_concurrent_requests_without_errors(bench, base_url):
    paths = [p for p in bench.LOAD_PATHS if "/article" not in p] + ["/article/1", "/api/articles/2"]
    result = bench.load_test(base_url, concurrency=40, rounds=2, deadline_s=60, paths=paths)
    assert result["requests"] == 80 and result["errors"] == 0, result["error_examples"]
