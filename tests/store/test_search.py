"""`store.search` (the CLI's search) is the web's search: same rows, same ranking rules."""
import sqlite3

import pytest

import warta
from warta.errors import InputError
from warta.model import Article
from warta.store import browse, open_store


def article(title: str, body: str, outlet: str, published: str) -> Article:
    return Article(source=f"{title}.txt", title=title, body=body, outlet=outlet, published=published,
                   content_hash=warta.model.content_hash(title + body))


ARTICLES = [
    article("Lavrov di Mali", "Menteri Lavrov tiba di Bamako.", "Kabar Kini", "2023-02-07"),
    article("Kunjungan ke Afrika", "Lavrov, Lavrov dan Lavrov: kata Lavrov.", "Harian Lintas", "2023-02-08"),
    article("Berita lain", "Menlu Rusia Lavrov bertemu mitranya.", "Harian Lintas Timur", "2023-02-09"),
]


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        s.write([(a.source, a) for a in ARTICLES])
        yield s


def web_connection(store):
    """A connection as the web app opens it (not the store's own)."""
    if getattr(store, "dialect", "") == "postgresql":
        from warta.store.postgres import connect
        return connect(store.url)
    db = sqlite3.connect(store.path)
    db.row_factory = sqlite3.Row
    return db


@pytest.mark.parametrize("filters", [{}, {"since": "2023-02-08"}, {"until": "2023-02-08"},
                                     {"outlet": "Harian Lintas"}, {"limit": 1, "offset": 1}])
def test_cli_search_gives_the_web_search_rows_in_the_same_order(store, filters):
    web, _ = browse.search_articles(web_connection(store), browse.Filters(q="Lavrov", **filters), count=False)
    cli = store.search("Lavrov", **filters)
    assert [r["id"] for r in cli] == [r["id"] for r in web] and cli
    assert all("[Lavrov]" in r["snippet"] and "\x02" not in r["snippet"] for r in cli)
    assert all(isinstance(r["wire_sources"], list) for r in cli)


def test_a_title_match_outranks_body_repetition(store):
    assert store.search("Lavrov")[0]["title"] == "Lavrov di Mali"


def test_only_the_most_recently_added_matches_are_ranked_then_older_ones(store, monkeypatch):
    monkeypatch.setattr(browse, "RANK_CANDIDATES", 2)
    assert [r["id"] for r in store.search("Lavrov")][-1] == 1      # the best match, but the oldest added


def test_outlet_is_a_name_or_a_part_of_exactly_one_name(store):
    assert store.outlet_named("kabar") == "Kabar Kini"
    assert store.outlet_named("harian lintas") == "Harian Lintas"
    assert {r["outlet"] for r in store.search("Lavrov", outlet="timur")} == {"Harian Lintas Timur"}
    assert store.search("Lavrov", outlet="nope") == []
    with pytest.raises(InputError, match="could be any of Harian Lintas, Harian Lintas Timur"):
        store.search("Lavrov", outlet="lintas")


def test_an_empty_query_finds_nothing(store):
    assert store.search("") == [] and store.search("   ") == [] and store.search("!!!") == []
