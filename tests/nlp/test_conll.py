from warta.nlp.conll import map_tag, read_conll, repair, score, spans


def test_read_conll_handles_columns_and_blank_lines():
    text = "A NOUN B-PER\nB NOUN I-PER\n\n\nC O\n"
    sents = read_conll(text)
    assert [[r[0] for r in s] for s in sents] == [["A", "B"], ["C"]]
    assert sents[0][0] == ["A", "NOUN", "B-PER"]


def test_label_mapping_and_repair():
    assert map_tag("B-PERSON") == "B-PER"
    assert map_tag("I-PLC") == "I-LOC"
    assert map_tag("B-EVT") == "O"
    assert map_tag("B-GPE") == "B-LOC" and map_tag("B-GPE", keep_gpe=True) == "B-GPE"
    assert repair(["O", "I-ORG", "I-ORG", "I-PER"]) == ["O", "B-ORG", "I-ORG", "B-PER"]


def test_spans_and_exact_scoring():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    assert spans(gold[0]) == {(0, 2, "PER"), (3, 4, "LOC")}
    sc = score(gold, pred)
    assert sc.prf("LOC") == (1.0, 1.0, 1.0)
    assert sc.prf("PER") == (0.0, 0.0, 0.0)
    assert sc.prf() == (0.5, 0.5, 0.5)
