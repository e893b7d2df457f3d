"""Corpus results in the store (near-copies, stories, provenance) on the demo corpus, checked
against the demo's own gold (copy_of, story) and shown on the article pages."""
from __future__ import annotations

import json
import shutil
import urllib.request

from click.testing import CliRunner

from tests.conftest import new_postgres_db
from tests.web.conftest import build_web_db, connect
from warta.cli import cli
from warta.corpus.samples import demo_gold
from warta.store import is_postgres_url


def _ids_by_file(db) -> dict[str, int]:
    out = {}
    for article_id, source, line in db.execute("SELECT id, source, line FROM articles"):
        name = source.rsplit("/", 1)[-1]
        out[name if line is None else f"{name}#{line}"] = article_id
    return out


def _gold_key(item: dict) -> str:
    return item["file"] if item.get("record") is None else f"{item['file']}#{item['record']}"


def test_near_copies_and_earliest_versions_match_the_demo_gold(web_db):
    db = connect(web_db)
    ids = _ids_by_file(db)
    pairs = {(a, b): earliest for a, b, earliest in db.execute("SELECT a, b, earliest FROM duplicates")}
    checked = 0
    for item in demo_gold():
        if item.get("copy_of") and _gold_key(item) in ids and item["copy_of"] in ids:
            copy, original = ids[_gold_key(item)], ids[item["copy_of"]]
            assert pairs.get(tuple(sorted((copy, original)))) == original, item["file"]
            checked += 1
    assert checked >= 2
    gold_pairs = {tuple(sorted((ids[_gold_key(i)], ids[i["copy_of"]]))) for i in demo_gold()
                  if i.get("copy_of") and _gold_key(i) in ids and i["copy_of"] in ids}
    demo_ids = {ids[_gold_key(i)] for i in demo_gold() if _gold_key(i) in ids}
    spurious = [p for p in pairs if set(p) <= demo_ids and p not in gold_pairs]
    assert not spurious


def test_gold_story_pairs_share_a_story(web_db):
    db = connect(web_db)
    ids = _ids_by_file(db)
    story = dict(db.execute("SELECT article_id, story FROM stories"))
    assert set(story) == {r[0] for r in db.execute("SELECT id FROM articles")}
    by_gold: dict[str, list[int]] = {}
    for item in demo_gold():
        if _gold_key(item) in ids:
            by_gold.setdefault(item["story"], []).append(ids[_gold_key(item)])
    together = [members for members in by_gold.values() if len(members) > 1]
    assert together and all(len({story[m] for m in members}) == 1 for members in together)


def test_article_page_shows_near_copy_and_wire_credits(web_db, base_url):
    db = connect(web_db)
    a, b, earliest = db.execute("SELECT a, b, earliest FROM duplicates ORDER BY a LIMIT 1").fetchone()
    later = b if earliest == a else a
    with urllib.request.urlopen(f"{base_url}/article/{later}", timeout=20) as r:
        page = r.read().decode()
    assert f'href="/article/{earliest}"' in page and "earliest version" in page
    with urllib.request.urlopen(f"{base_url}/api/articles/{later}", timeout=20) as r:
        prov = json.load(r)["provenance"]
    assert prov["computed"] and prov["earliest"] == earliest and prov["wires"]
    for credit in prov["credits"]:
        if credit["start"] is not None:
            assert f'wire credit: {credit["wire"]}' in page


def test_corpus_command_recomputes(web_db, tmp_path, request):
    if is_postgres_url(web_db):
        copy = build_web_db(new_postgres_db(request.getfixturevalue("postgres_server")))
    else:
        copy = str(tmp_path / "copy.db")
        shutil.copy(web_db, copy)
    from warta.store import open_store
    with open_store(copy) as store:
        store._execute("DELETE FROM duplicates")
        assert store.count("articles") > 10 and not store._all("SELECT a FROM duplicates")
    result = CliRunner().invoke(cli, ["corpus", "--db", copy])
    assert result.exit_code == 0, result.output
    assert "near-copy pairs" in result.output
    assert connect(copy).execute("SELECT count(*) FROM duplicates").fetchone()[0] >= 2
    missing = CliRunner().invoke(cli, ["corpus", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0


def test_events_reported_by_several_articles_are_merged(web_db, base_url):
    db = connect(web_db)
    groups = db.execute("SELECT m.first_event, count(*), count(DISTINCT e.article_id), count(DISTINCT e.type), max(m.mentions) "
                        "FROM event_mentions m JOIN events e ON e.id = m.event_id GROUP BY m.first_event").fetchall()
    assert groups, "the demo near-copies report the same events"
    for first, n, articles, types, mentions in groups:
        assert types == 1 and articles == mentions >= 2 and n >= articles
    def total(q):
        with urllib.request.urlopen(f"{base_url}/api/events?limit=500{q}", timeout=20) as r:
            return json.load(r)["total"]
    assert total("&distinct=1") == total("") - sum(n - 1 for _, n, *_ in groups)
    first = groups[0][0]
    article_id = db.execute("SELECT article_id FROM events WHERE id = ?", (first,)).fetchone()[0]
    with urllib.request.urlopen(f"{base_url}/article/{article_id}", timeout=20) as r:
        assert "also reported by" in r.read().decode()
