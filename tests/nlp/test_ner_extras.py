"""The optional model extras: multi-word training names, the domain guess and the
domain-conjoined feature copies."""
from warta.nlp import ner
from warta.nlp.domain import DomainModel
from warta.nlp.features import SpanLexicon, domain_features, sentence_features, span_lexicon_features


def test_span_lexicon_takes_the_longest_multiword_match():
    lex = SpanLexicon({"liga|indonesia": "ORG", "liga|super|indonesia": "ORG", "jawa|barat": "LOC", "jakarta": "LOC",
                       "abdel|fattah|al sisi": "PER"})
    tags = lex.tag(["main", "di", "liga", "super", "indonesia", "dan", "jawa", "barat", "jakarta"])
    assert tags == [None, None, "B-ORG", "I-ORG", "I-ORG", None, "B-LOC", "I-LOC", None]
    assert lex.tag(["abdel", "fattah", "al sisi"]) == ["B-PER", "I-PER", "I-PER"]


def test_span_lexicon_features_mark_token_and_neighbours():
    words = ["Persib", "di", "Liga", "Indonesia", "."]
    feats = span_lexicon_features(sentence_features(words), words, SpanLexicon({"liga|indonesia": "ORG"}))
    assert "sx=B-ORG" in feats[2] and "sx=I-ORG" in feats[3]
    assert "1sx=B-ORG" in feats[1] and "-1sx=I-ORG" in feats[4]
    assert not any(f.startswith("sx=") for f in feats[0])


def test_domain_copies_every_feature_or_none():
    feats = [["b", "w=a"], ["b", "w=b"]]
    assert domain_features(feats, "n") == [["b", "w=a", "n:b", "n:w=a"], ["b", "w=b", "n:b", "n:w=b"]]
    assert domain_features(feats, "") == feats and domain_features(feats, None) == feats


def test_domain_model_sums_word_weights():
    model = DomainModel("n", "w", 0.1, {"kata": 1.0, "adalah": -2.0})
    assert model.guess("Ia kata begitu".split()) == "n"
    assert model.guess("Kota ini adalah ibu kota".split()) == "w"
    assert DomainModel.from_json(model.to_json()) == model and DomainModel.from_json(None) is None


def test_shipped_model_features_include_its_extras():
    m = ner.load_model()
    words = "Presiden Joko Widodo tiba di Jakarta .".split()
    feats = ner.model_features(m, words, m.domain.guess(words) if m.domain else None)
    base = sentence_features(words, m.clusters, m.lexicon, m.names)
    assert all(f[:len(b)] == b for f, b in zip(feats, base))
    if m.domain:
        assert any(x.startswith(m.domain.guess(words) + ":") for x in feats[0])


def test_kb_name_after_a_lowercase_generic_word_is_found_alone():
    from warta.nlp.kb import load_kb
    from warta.nlp.mentions import _gazetteer_spans
    from warta.nlp.tokens import tokenize
    toks = tokenize("paramiliter dari kelompok Wagner , kata mereka")
    got = [(s.tokens[0].text, s.label) for s in _gazetteer_spans(toks, [False] * len(toks), 0, load_kb())]
    assert got == [("Wagner", "ORG")]


def test_seat_of_power_tagged_as_person_becomes_the_kb_organisation():
    from warta.nlp.kb import load_kb
    from warta.nlp.mentions import Span, _kb_label
    from warta.nlp.tokens import tokenize
    kb = load_kb()
    seats = [k for k in kb.capitals if (r := kb.by_name.get(k)) and r.kind == "ORG" and len(k.split()) == 1]
    cities = [k for k in kb.capitals if k not in kb.by_name and len(k.split()) == 1]
    assert seats and cities
    for key, want in ((seats[0], "ORG"), (cities[0], "LOC")):
        toks = tokenize(key.capitalize())
        assert _kb_label(Span(0, toks[-1].end, "PER", toks, 0), kb) == want
