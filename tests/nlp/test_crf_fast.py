"""The numpy CRF tagger must give python-crfsuite's tags exactly: same attribute ids in
the same order as the feature strings, same Viterbi arithmetic."""
import json
from pathlib import Path

import numpy as np
import pytest

from warta.nlp import ner
from warta.nlp.crf import read_model, state_scores, viterbi
from warta.nlp.crf_fast import FastTagger

DEV = Path(__file__).resolve().parents[1] / "data" / "events_dev.jsonl"


def _sentences() -> list[list[str]]:
    texts = [json.loads(l)["text"] for l in DEV.read_text("utf-8").splitlines() if l.strip()]
    odd = ["ÉCOLE Türk d'Arc 3/4/2024 --- “Kata” 'x' KPK-RI", "A", "PRESIDEN JOKO WIDODO DI JAKARTA",
           "Menlu Retno Marsudi - Menlu Retno Marsudi , Retno Retno Retno .", "a | b || | Jakarta | PBB"]
    return [t.split() for t in texts + odd]


@pytest.fixture(scope="module")
def fast() -> FastTagger:
    m = ner.load_model()
    return _tagger(read_model(ner.model_path()))


def _tagger(weights) -> FastTagger:
    m = ner.load_model()
    return FastTagger(weights, m.clusters, m.lexicon, m.names, m.spans, m.domain, m.domain_prefixes)


def _domain(words):
    m = ner.load_model()
    return m.domain.guess(words) if m.domain else None


def test_model_file_read_like_crfsuite(fast):
    m = ner.load_model()
    assert list(fast.w.labels) == m.tagger.labels()
    info = m.tagger.info()
    some = list(info.state_features.items())[:500]
    for (attr, label), weight in some:       # crfsuite's dump prints weights to 6 decimals
        assert abs(fast.w.state[fast.w.attributes[attr], fast.w.labels.index(label)] - weight) < 1e-6
    assert not fast.w.state[fast.w.zero].any()


def test_attribute_ids_follow_the_feature_strings(fast):
    m = ner.load_model()
    sents = [ner.recase(w, m.lower) for w in _sentences()]
    ids = fast.attribute_ids(sents).tolist()
    row = 0
    for words in sents:
        for feats in ner.model_features(m, words, _domain(words)):
            assert [a for a in ids[row] if a != fast.w.zero] == \
                [fast.w.attributes[f] for f in feats if f in fast.w.attributes], words
            row += 1
    assert row == len(ids)


def test_tags_equal_crfsuite(fast):
    m = ner.load_model()
    sents = [ner.recase(w, m.lower) for w in _sentences()]
    want = [m.tagger.tag(ner.model_features(m, w, _domain(w))) for w in sents]
    assert fast.tag(sents) == want                       # all in one batch
    assert [fast.tag([w])[0] for w in sents[:40]] == want[:40]   # one by one
    assert any(t != "O" for tags in want for t in tags)


def test_viterbi_ties_go_to_the_first_label(fast):
    scores = np.zeros((3, len(fast.w.labels)))
    flat = type(fast.w)(fast.w.labels, {}, np.zeros((1, len(fast.w.labels))), np.zeros_like(fast.w.trans))
    assert viterbi(flat, scores, [3]) == [[fast.w.labels[0]] * 3]
    assert state_scores(flat, np.zeros((2, 4), dtype=np.int32)).shape == (2, len(fast.w.labels))


def test_not_a_model_is_refused(tmp_path):
    bad = tmp_path / "crf.model"
    bad.write_bytes(b"lCRF" + bytes(60))
    with pytest.raises(ValueError):
        read_model(bad)


def test_probe_check_catches_a_changed_feature(fast, monkeypatch):
    m = ner.load_model()
    assert fast.check(m.tagger) is None
    other = _tagger(fast.w)
    monkeypatch.setattr(other, "_bos", np.full_like(fast._bos, fast.w.zero))   # as if "BOS" had been renamed
    assert "differ" in other.check(m.tagger)


def test_probe_check_catches_a_changed_domain_copy_or_span_feature(fast, monkeypatch):
    m = ner.load_model()
    if not (m.domain and m.spans):
        pytest.skip("the shipped model has no domain copies or span features")
    other = _tagger(fast.w)
    monkeypatch.setattr(other, "_cc", np.where(np.arange(len(other._cc))[:, None, None, None] > 0,
                                               fast.w.zero, other._cc))      # the domain copies of "cc="
    assert "differ" in other.check(m.tagger)
    other = _tagger(fast.w)
    monkeypatch.setattr(other, "_span_codes", lambda low, starts, lens: np.zeros(len(low), dtype=np.intp))
    assert "differ" in other.check(m.tagger)


def test_domain_is_guessed_per_sentence_over_its_chunks(fast):
    m = ner.load_model()
    if not m.domain:
        pytest.skip("the shipped model has no domain copies")
    sents = [ner.recase(w, m.lower) for w in _sentences()]
    words = [w for s in sents for w in s]
    parts = [words[i:i + 50] for i in range(0, len(words), 50)]
    groups = [0] * len(parts)
    one = [m.tagger.tag(ner.model_features(m, p, m.domain.guess(words))) for p in parts]
    assert fast.tag(parts, groups) == one
    assert fast.tag(parts[:3], domains=[m.domain.first] * 3) == \
        [m.tagger.tag(ner.model_features(m, p, m.domain.first)) for p in parts[:3]]


def test_long_sentences_are_tagged_in_chunks_like_before():
    m = ner.load_model()
    words = ("Presiden Joko Widodo bertemu Vladimir Putin di Moskow , Rusia , kemarin dan".split()) * 30
    want = []
    for i in range(0, len(words), ner.MAX_TOKENS):
        want += m.tagger.tag(ner.model_features(m, words[i:i + ner.MAX_TOKENS], _domain(words)))
    assert ner.tag_words(words) == want
    assert ner.tag_sentences([words, [], ["Jakarta"]])[1] == []


def test_crfsuite_fallback_gives_the_same_tags(monkeypatch):
    sents = _sentences()[:30]
    fast = ner.tag_sentences(sents)
    monkeypatch.setenv("WARTA_NER_CRFSUITE", "1")
    ner.fast_tagger.cache_clear()
    try:
        assert ner.fast_tagger() is None
        assert ner.tag_sentences(sents) == fast
    finally:
        monkeypatch.delenv("WARTA_NER_CRFSUITE")
        ner.fast_tagger.cache_clear()
    assert ner.fast_tagger() is not None


def test_an_unreadable_model_falls_back_with_a_warning(monkeypatch, tmp_path):
    bad = tmp_path / "crf.model"
    bad.write_bytes(b"lCRF" + bytes(60))
    monkeypatch.setattr(ner, "model_path", lambda: bad)
    ner.fast_tagger.cache_clear()
    try:
        with pytest.warns(UserWarning, match="python-crfsuite"):
            assert ner.fast_tagger() is None
    finally:
        monkeypatch.undo()
        ner.fast_tagger.cache_clear()


def test_a_model_with_features_of_another_kind_is_refused(fast):
    m = ner.load_model()
    attrs = dict(fast.w.attributes, **{"span=PER": len(fast.w.attributes)})
    other = type(fast.w)(fast.w.labels, attrs, fast.w.state, fast.w.trans)
    with pytest.raises(ValueError, match="span"):
        _tagger(other)
    if m.spans or m.domain:                       # extras the tagger is not told about
        with pytest.raises(ValueError, match="does not build"):
            FastTagger(fast.w, m.clusters, m.lexicon, m.names)



def test_domain_copies_limited_to_some_feature_kinds_follow_the_strings(fast):
    m = ner.load_model()
    if not m.domain:
        pytest.skip("the shipped model has no domain copies")
    some = FastTagger(fast.w, m.clusters, m.lexicon, m.names, m.spans, m.domain, frozenset({"w", "bg-", "sx", "cc"}))
    sents = [ner.recase(w, m.lower) for w in _sentences()[:60]]
    assert some.check(m.tagger, sents) is None            # ids and tags, in both domains
    ids = some.attribute_ids(sents[:5], [m.domain.first] * 5)
    assert (ids[:, 43:] != fast.w.zero).sum() < (fast.attribute_ids(sents[:5], [m.domain.first] * 5)[:, 43:] != fast.w.zero).sum()


def test_scores_summed_per_word_type_give_the_exact_tags(fast):
    """``tag`` sums weights per word type (``_score``); ``tag_exact`` attribute by attribute
    as crfsuite. Scores agree to rounding and tags exactly, in every copy of the features
    (the third copy once overflowed an int8 index)."""
    m = ner.load_model()
    sents = [ner.recase(w, m.lower) for w in _sentences()]
    for domains in [None] + [[d] * len(sents) for d in fast.domains]:
        exact = state_scores(fast.w, fast.attribute_ids(sents, domains))
        assert np.allclose(fast.state_scores(sents, domains), exact, rtol=0, atol=1e-9)
        assert fast.tag(sents, domains=domains) == fast.tag_exact(sents, domains=domains)


def test_word_types_added_in_a_batch_equal_adding_them_one_by_one():
    """``_add_types`` fills the per-type tables of a whole batch of new words at once: the
    same rows, "nx+" ids, capitalisation codes and (bit for bit) score sums as one word at
    a time, each score sum as the plain reduceat over that type's own rows."""
    from warta.nlp.crf_fast import _PART_STARTS
    words = list(dict.fromkeys(w for s in _sentences() for w in s))
    batch, single = _tagger(read_model(ner.model_path())), _tagger(read_model(ner.model_path()))
    batch._reset_types(), single._reset_types()
    batch._add_types(words)
    for w in words:
        single._add_type(w)
    n = len(words) + 1
    assert batch._types == single._types and batch._lows == single._lows
    for table in ("_rows", "_nxp", "_cap", "_has_nx", "_scores"):
        assert np.array_equal(getattr(batch, table)[:n], getattr(single, table)[:n]), table
    for k in range(1, n):
        plain = np.add.reduceat(batch.w.state[batch._rows[k]], _PART_STARTS, axis=1)
        assert np.array_equal(batch._scores[k], plain)
    assert batch._has_nx[:n].sum() > 10 and len(words) > 1024       # the batch outgrew the first 1024 rows
