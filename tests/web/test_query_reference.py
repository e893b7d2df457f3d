"""The planned search and event queries (sets driving or probed, bounded BM25 ranking)
return exactly what a straightforward reference query returns, on the small web database,
whichever plan the size thresholds choose; on both backends (ts_rank on PostgreSQL)."""
import itertools

import pytest

from tests.web.conftest import connect
from warta.store import browse as queries
from warta.store.base import next_day
from warta.store.browse import Filters
from warta.store.postgres import ts_query
from warta.store.sqlite import fts_query

PLANS = {"probe sets, drive small ones": dict(SMALL_SET=10**9, SIZE_CAP=10**9),
         "check row by row, walk indexes": dict(SMALL_SET=0, SIZE_CAP=0),
         "mixed": dict(SMALL_SET=8, SIZE_CAP=30)}


@pytest.fixture(scope="module")
def db(web_db):
    conn = connect(web_db)
    yield conn
    conn.close()


def _most_common(db, sql: str, n: int = 2) -> list[str]:
    return [r[0] for r in db.execute(f"{sql} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT {n}")]


@pytest.fixture(scope="module")
def values(db) -> dict[str, list[str]]:
    published = sorted(r[0][:10] for r in db.execute("SELECT published FROM articles WHERE published IS NOT NULL"))
    return {
        "actor": _most_common(db, "SELECT canonical FROM entities WHERE canonical IS NOT NULL"),
        "country": _most_common(db, "SELECT country FROM entities WHERE country IS NOT NULL"),
        "type": _most_common(db, "SELECT type FROM events"),
        "outlet": _most_common(db, "SELECT outlet FROM articles WHERE outlet IS NOT NULL"),
        "since": [published[len(published) // 3]],
        "until": [published[2 * len(published) // 3]],
        "q": ["menteri", "presiden OR jakarta", '"luar negeri"', "indo*"],
    }


def _combinations(values: dict, keys: tuple[str, ...]) -> list[Filters]:
    """Every filter alone and every pair of filters, with the first one or two values."""
    out = []
    for size in (1, 2):
        for chosen in itertools.combinations(keys, size):
            for picked in itertools.product(*(values[k] for k in chosen)):
                out.append(Filters(**dict(zip(chosen, picked))))
    return out


# --- references -------------------------------------------------------------------------

def _ref_article_where(f: Filters) -> tuple[str, list]:
    where, args = ["1 = 1"], []
    for key, sql in (("actor", "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.canonical = ?)"),
                     ("country", "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.country = ?)"),
                     ("type", "EXISTS (SELECT 1 FROM events v WHERE v.article_id = a.id AND v.type = ?)"),
                     ("outlet", "a.outlet = ?"), ("since", "a.published >= ?")):
        if getattr(f, key):
            where.append(sql)
            args.append(getattr(f, key))
    if f.until:
        where.append("a.published < ?")
        args.append(next_day(f.until))
    return " AND ".join(where), args


def ref_search(db, f: Filters, candidates: int) -> list[int]:
    """Every match in product order: the ``candidates`` most recently added matches by BM25
    (ties: newer first), then the older matches newest first."""
    where, args = _ref_article_where(f)
    if not f.q:
        return [r[0] for r in db.execute(f"SELECT a.id FROM articles a WHERE {where} "
                                         "ORDER BY a.published DESC, a.id DESC", args)]
    if queries.dialect(db) is queries.POSTGRES:      # ts_rank: higher is better
        rows = db.execute(f"SELECT a.id, -ts_rank(a.fts, to_tsquery('simple', ?)) FROM articles a "
                          f"WHERE a.fts @@ to_tsquery('simple', ?) AND {where} ORDER BY a.id DESC",
                          [ts_query(f.q), ts_query(f.q), *args]).fetchall()
    else:
        rows = db.execute(f"SELECT a.id, bm25(articles_fts, 5.0, 1.0) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                          f"WHERE articles_fts MATCH ? AND {where} ORDER BY a.id DESC", [fts_query(f.q), *args]).fetchall()
    ranked = sorted(rows[:candidates], key=lambda r: (r[1], -r[0]))
    return [r[0] for r in ranked + rows[candidates:]]


def ref_events(db, f: Filters) -> list[int]:
    where, args = ["1 = 1"], []
    if f.type:
        where.append("ev.type = ?")
        args.append(f.type)
    for key, column in (("actor", "canonical"), ("country", "country")):
        if getattr(f, key):
            where.append(f"(ev.source_{column} = ? OR ev.target_{column} = ?)")
            args += [getattr(f, key)] * 2
    if f.outlet:
        where.append("ev.article_id IN (SELECT id FROM articles WHERE outlet = ?)")
        args.append(f.outlet)
    if f.q:
        where.append(f"ev.article_id IN ({queries.dialect(db).fts_ids})")
        args.append(queries.dialect(db).match(f.q))
    for key, op in (("since", ">="), ("until", "<")):
        if getattr(f, key):
            where.append(f"ev.date {op} ?")
            args.append(getattr(f, key) if key == "since" else next_day(f.until))
    if f.distinct:
        where.append("ev.id NOT IN (SELECT event_id FROM event_mentions WHERE first_event != event_id)")
    return [r[0] for r in db.execute(f"SELECT ev.id FROM events ev WHERE {' AND '.join(where)} "
                                     "ORDER BY ev.date DESC, ev.id DESC", args)]


# --- checks -------------------------------------------------------------------------------

def _pages(func, db, f: Filters, limit: int, pages: int = 3) -> tuple[list[int], list]:
    ids, totals = [], []
    for n in range(pages):
        rows, total = func(db, f.page(limit, n * limit))
        ids += [r["id"] for r in rows]
        totals.append(total)
    return ids, totals


@pytest.mark.parametrize("plan", PLANS)
def test_search_equals_the_reference(db, values, monkeypatch, plan):
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(queries, name, value)
    monkeypatch.setattr(queries, "COUNT_CAP", 4)
    checked = 0
    for candidates in (2000, 3):
        monkeypatch.setattr(queries, "RANK_CANDIDATES", candidates)
        for f in _combinations(values, ("q", "actor", "country", "type", "outlet", "since", "until")):
            want = ref_search(db, f, candidates)
            got, totals = _pages(queries.search_articles, db, f, limit=2)
            assert got == want[:6], f
            assert totals[0] == min(len(want), 5), f
            checked += bool(want)
    assert checked > 50                   # the combinations do find articles


@pytest.mark.parametrize("plan", PLANS)
def test_events_equal_the_reference(db, values, monkeypatch, plan):
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(queries, name, value)
    monkeypatch.setattr(queries, "COUNT_CAP", 4)
    checked = 0
    for f in _combinations(values, ("q", "actor", "country", "type", "outlet", "since", "until")):
        for f in (f, Filters(**{**f.params(), "distinct": "1"})):
            want = ref_events(db, f)
            got, totals = _pages(queries.filter_events, db, f, limit=3)
            assert got == want[:9], f
            assert totals[0] == min(len(want), 5), f
            assert [r["id"] for r in queries.iter_events(db, f)] == want, f
            checked += bool(want)
    assert checked > 50


def test_downloads_follow_search_order(db, values, monkeypatch):
    monkeypatch.setattr(queries, "RANK_CANDIDATES", 3)
    for f in (Filters(q=values["q"][0]), Filters(actor=values["actor"][0])):
        assert [r["id"] for r in queries.iter_articles(db, f)] == ref_search(db, f, 3)


class _PlanSpy:
    """A connection that records the EXPLAIN QUERY PLAN lines of every statement it runs."""

    def __init__(self, db):
        self.db, self.lines = db, []

    def execute(self, sql, args=()):
        self.lines += [(row[-1], sql) for row in self.db.execute("EXPLAIN QUERY PLAN " + sql, args)]
        return self.db.execute(sql, args)


@pytest.mark.parametrize("plan", PLANS)
def test_no_query_reads_a_whole_table_row_by_row(db, values, monkeypatch, plan):
    """Articles, entities and events are only ever searched or walked on an index (a
    walk stops after one page or at the count cap), never scanned as tables."""
    if queries.dialect(db) is queries.POSTGRES:
        pytest.skip("reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL plans on its own statistics")
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(queries, name, value)
    spy = _PlanSpy(db)
    for f in _combinations(values, ("q", "actor", "country", "type", "outlet", "since")):
        queries.search_articles(spy, f)
        queries.filter_events(spy, f)
    assert spy.lines and not _table_scans(spy.lines), _table_scans(spy.lines)[:3]
    bad = _PlanSpy(db)
    bad.execute("SELECT count(*) FROM events ev WHERE ev.sentence LIKE '%pasukan%'")
    assert _table_scans(bad.lines)                  # the check does see a table scan


TABLES = {"articles", "a", "r", "x", "entities", "e", "events", "ev"}   # the big tables, as the queries name them


def _table_scans(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(line, sql) for line, sql in lines
            if line.startswith("SCAN ") and line.split()[1] in TABLES and " INDEX " not in line]
