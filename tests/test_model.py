import json

from warta.model import Actor, Article, Entity, Event, Quote, Rejection, TimeExpr


def sample() -> Article:
    a = Article(source="x.txt", text="RAW", body="Lavrov tiba di Mali.", title="T", authors=["A"])
    a.entities = [Entity("Lavrov", 0, 6, "PER", canonical="Sergey Lavrov", country="RUS")]
    a.quotes = [Quote("tiba", 0, 20, 7, 11, False, speaker=Actor("Lavrov", 0, 6, country="RUS"), cue="kata")]
    a.times = [TimeExpr("Selasa", 0, 6, "2023-02-07", "day")]
    a.events = [Event("CONSULT", "Lavrov tiba di Mali.", 0, 20, source=Actor("Lavrov", 0, 6), mode="visit")]
    return a


def test_round_trip_through_json_keeps_nested_types():
    a = sample()
    back = Article.from_dict(json.loads(json.dumps(a.to_dict())))
    assert back.entities[0] == a.entities[0]
    assert isinstance(back.quotes[0].speaker, Actor) and back.quotes[0].speaker.country == "RUS"
    assert back.events[0].source.text == "Lavrov" and back.events[0].mode == "visit"
    assert back.times == a.times and back.authors == ["A"]


def test_internal_fields_stay_out_of_json():
    d = sample().to_dict()
    assert "text" not in d and "given" not in d and "kind" not in d
    assert d["body"] == "Lavrov tiba di Mali."


def test_to_dict_can_limit_fields():
    assert set(sample().to_dict({"title", "body"})) == {"title", "body"}


def test_rejection_message_names_source_line_and_stage():
    assert Rejection("a.jsonl", "read", "malformed JSON", 3).message() == "a.jsonl:3: malformed JSON [read]"
