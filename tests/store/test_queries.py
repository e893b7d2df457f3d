import pytest

from warta.model import Actor, Article, Event, Quote, content_hash
from warta.store import open_store
from warta.store.queries import Filters, events, quotes


def art(body, published, outlet, evs, qs=()):
    a = Article(source=outlet, body=body, published=published, outlet=outlet, content_hash=content_hash(body))
    a.events, a.quotes = list(evs), list(qs)
    return a


def ev(t, src, sc, tgt, tc, date=None):
    return Event(t, "kalimat", 0, 7, source=Actor(src, country=sc, canonical=src),
                 target=Actor(tgt, country=tc, canonical=tgt), date=date)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    s.write([
        ("a", art("satu", "2024-04-04T10:00:00+07:00", "Kompas TV",
                  [ev("CONSULT", "Sergey Shoigu", "RUS", "Sebastien Lecornu", "FRA", "2024-04-03"),
                   ev("THREATEN", "Sergey Shoigu", "RUS", "Prancis", "FRA", "2024-04-03")],
                  [Quote("kami siap", 0, 4, 0, 4, True, speaker=Actor("Lecornu", canonical="Sebastien Lecornu", country="FRA"))])),
        ("b", art("dua", "2023-02-07T16:33:00+07:00", "Media Indonesia",
                  [ev("CONSULT", "Sergey Lavrov", "RUS", "Abdoulaye Diop", "MLI")])),
    ])
    return s


def test_event_filters_combine(store):
    assert len(events(store)) == 3
    assert {r["target_country"] for r in events(store, Filters(country="mli"))} == {"MLI"}
    assert [r["type"] for r in events(store, Filters(actor="shoigu", type="threaten"))] == ["THREATEN"]
    assert len(events(store, Filters(type="CONSULT,THREATEN", since="2024-01-01"))) == 2
    # an event without its own date falls back to the article's publication day
    assert [r["source_text"] for r in events(store, Filters(until="2023-12-31"))] == ["Sergey Lavrov"]
    assert events(store, Filters(outlet="kompas", country="MLI")) == []


def test_quote_filters(store):
    assert [r["speaker_canonical"] for r in quotes(store, Filters(actor="lecornu"))] == ["Sebastien Lecornu"]
    assert quotes(store, Filters(country="RUS")) == []
