"""Aggregates over events (warta.corpus.aggregate)."""
from __future__ import annotations

import pytest

from warta.corpus import aggregate, stories
from warta.corpus.samples import load_demo
from warta.model import Actor, Article, Event


def _event(kind: str, source: tuple[str, str], target: tuple[str, str], date: str | None = None,
           aux: str | None = None) -> Event:
    return Event(type=kind, sentence="...", start=0, end=3, date=date, aux=aux,
                 source=Actor(source[0], canonical=source[0], country=source[1]),
                 target=Actor(target[0], canonical=target[0], country=target[1]))


RI, JP, PH, CN = ("Indonesia", "IDN"), ("Jepang", "JPN"), ("Filipina", "PHL"), ("China", "CHN")


def _articles() -> list[Article]:
    a = Article(source="a", published="2025-10-14T16:20:00+07:00", body="...", events=[
        _event("CONSULT", RI, JP), _event("AGREE", RI, JP), _event("AID", JP, RI, date="2025-11-02")])
    b = Article(source="b", published="2025-10-19T14:27:00+07:00", body="...", events=[
        _event("ACCUSE", PH, CN), _event("REJECT", CN, PH), _event("THREATEN", CN, PH, aux="negated")])
    return [a, b]


def _cell(cells, key, period):
    return next(c for c in cells if c.key == key and c.period == period)


def test_actor_counts_by_month_with_balance():
    cells = aggregate.by_actor(_articles(), period="month")
    indonesia = _cell(cells, ("Indonesia",), "2025-10")
    assert indonesia.types == {"CONSULT": 1, "AGREE": 1} and indonesia.balance == 1.0
    assert _cell(cells, ("Indonesia",), "2025-11").types == {"AID": 1}
    china = _cell(cells, ("China",), "2025-10")
    assert china.total == 2 and china.balance == -1.0
    assert china.quads == {"verbal-conflict": 2}


def test_negated_events_count_only_when_asked():
    with_aux = aggregate.by_actor(_articles(), period="all", include_aux=True)
    assert _cell(with_aux, ("China",), "all").types["THREATEN"] == 1
    assert "THREATEN" not in _cell(aggregate.by_actor(_articles(), period="all"), ("China",), "all").types


def test_pairs_directed_and_undirected():
    directed = aggregate.by_pair(_articles(), period="all")
    assert _cell(directed, ("Filipina", "China"), "all").types == {"ACCUSE": 1}
    assert _cell(directed, ("China", "Filipina"), "all").types == {"REJECT": 1}
    undirected = aggregate.by_pair(_articles(), period="all", directed=False)
    assert _cell(undirected, ("China", "Filipina"), "all").total == 2


def test_countries_by_week():
    cells = aggregate.by_country(_articles(), period="week")
    assert _cell(cells, ("JPN",), "2025-W42").total == 2
    assert _cell(cells, ("PHL",), "2025-W42").to_dict()["balance"] == -1.0


def test_events_of_one_story_count_once_when_stories_are_given():
    body = "Menteri Luar Negeri Indonesia dan Jepang bertemu di Tokyo membahas keamanan maritim dan hibah kapal patroli."
    one = Article(source="x", published="2025-10-14T16:20:00+07:00", body=body, events=[_event("CONSULT", RI, JP, "2025-10-14")])
    two = Article(source="y", published="2025-10-14T17:05:00+07:00", body=body, events=[_event("CONSULT", RI, JP, "2025-10-14")])
    grouped = stories.cluster([one, two])
    assert _cell(aggregate.by_pair([one, two], "all"), ("Indonesia", "Jepang"), "all").total == 2
    assert _cell(aggregate.by_pair([one, two], "all", stories=grouped), ("Indonesia", "Jepang"), "all").total == 1


def test_outlet_wire_dependence_on_the_demo():
    rows = {r.outlet: r for r in aggregate.outlet_wires(load_demo())}
    merdeka = rows["Berita Merdeka"]
    assert (merdeka.articles, merdeka.crediting) == (3, 2) and merdeka.dependence == pytest.approx(0.6667)
    assert rows["Harian Lintas"].state_media == 2 and rows["Harian Lintas"].wires["TASS"] == 1
    assert rows["Jurnal Dunia"].dependence == 0.0


def test_periods():
    assert aggregate.period_of("2025-10-14T10:00:00+07:00", "week") == "2025-W42"
    assert aggregate.period_of("2025-10", "day") == "unknown"
    assert aggregate.period_of("P3D", "month") == "unknown"
    with pytest.raises(ValueError):
        aggregate.period_of("2025-10-14", "fortnight")


def test_outlet_spellings_are_merged():
    assert aggregate.outlet_key("BERITAMERDEKA.ID") == aggregate.outlet_key("Berita Merdeka") == "beritamerdeka"
    assert aggregate.outlet_key("https://www.kompas.tv") == aggregate.outlet_key("Kompas TV") == "kompastv"
    assert aggregate.outlet_key("kompas.com") != aggregate.outlet_key("Kompas.tv")
    articles = [Article(source="a", outlet="Berita Merdeka", body="dilansir AFP."),
                Article(source="b", outlet="BERITAMERDEKA.ID", body="tanpa kredit"),
                Article(source="c", outlet="Berita Merdeka", body="tanpa kredit")]
    (row,) = aggregate.outlet_wires(articles)
    assert row.outlet == "Berita Merdeka" and row.articles == 3 and row.crediting == 1
