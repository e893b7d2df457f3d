import pytest

from warta.errors import ModelError
from warta.nlp import ner
from warta.nlp.features import sentence_features, shape
from warta.nlp.mentions import bio_for_words, find_spans


def test_shape_and_features():
    assert shape("Jakarta") == "Xx" and shape("KPK") == "X" and shape("2024") == "d"
    feats = sentence_features(["Presiden", "Joko", "Widodo", "di", "Jakarta"])
    assert "w=joko" in feats[1] and "-1w=presiden" in feats[1]
    assert any(f.startswith("gz=") for f in feats[4])


def test_tags_people_places_and_organisations():
    text = "Ketua Umum Partai Golkar Airlangga Hartarto bertemu Presiden Joko Widodo di Istana Bogor, Jawa Barat."
    got = {(text[s.start:s.end], s.label) for s in find_spans(text)}
    assert ("Joko Widodo", "PER") in got
    assert ("Airlangga Hartarto", "PER") in got
    assert any(label == "ORG" and "Golkar" in t for t, label in got)


def test_title_words_are_not_part_of_names():
    tags = bio_for_words("Menag Lukman Hakim Saefuddin mengatakan hal itu kepada wartawan .".split())
    assert tags[:4] == ["O", "B-PER", "I-PER", "I-PER"]


def test_odd_input_does_not_crash():
    assert find_spans("") == []
    assert find_spans("tidak ada nama di sini sama sekali") == []
    find_spans("MENTERI LUAR NEGERI RUSIA SERGEI LAVROV TIBA DI JAKARTA")
    find_spans("Владимир Путин и Си Цзиньпин 習近平 Škoda Müller — " * 20)
    long = " ".join(["kata"] * 3000)
    assert find_spans(long) == []


def test_missing_or_corrupt_model_says_how_to_rebuild(tmp_path, monkeypatch):
    bad = tmp_path / "crf.model"
    bad.write_bytes(b"not a model")
    (tmp_path / "crf.lex.json").write_text("{}")
    monkeypatch.setattr(ner, "model_path", lambda: bad)
    ner.load_model.cache_clear()
    try:
        with pytest.raises(ModelError, match="training/ner/train.py"):
            ner.load_model()
        bad.unlink()
        with pytest.raises(ModelError, match="missing"):
            ner.load_model()
    finally:
        ner.load_model.cache_clear()
