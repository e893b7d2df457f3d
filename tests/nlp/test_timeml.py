from __future__ import annotations

import zipfile

import pytest

from warta.errors import InputError
from warta.nlp.timeml import Timex, apply_standoff, load_timeml, read_timeml, same_value, score, split

DOC = """<?xml version="1.0" ?>
<TimeML><DOCID>doc-1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2014-12-6" functionInDocument="CREATION_TIME">Sabtu, 6 Desember 2014</TIMEX3></DCT>
<TITLE>Harga &amp; minyak</TITLE>
<TEXT>
Harga turun <TIMEX3 tid="t1" type="DATE" value="2014-12-05">kemarin</TIMEX3> &amp; naik <TIMEX3 tid="t2" type="DURATION" value="P2Y">dua tahun</TIMEX3> lalu, kata dia <EVENT eid="e1">Jumat</EVENT>.
</TEXT></TimeML>
"""


def test_inline_gold_offsets_index_the_plain_text():
    doc = read_timeml(DOC.encode("cp1252"), "x.tml")
    assert doc.name == "doc-1" and doc.dct == "2014-12-06" and doc.title == "Harga & minyak"
    assert "<" not in doc.text and "&amp;" not in doc.text
    assert [(g.text, g.type, g.value) for g in doc.gold] == [("kemarin", "DATE", "2014-12-05"), ("dua tahun", "DURATION", "P2Y")]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)


def test_not_timeml_is_a_clear_error(tmp_path):
    (tmp_path / "a.tml").write_text("just text")
    with pytest.raises(InputError, match="no <TEXT>"):
        load_timeml(tmp_path / "a.tml")
    with pytest.raises(InputError, match="no such file"):
        load_timeml(tmp_path / "missing.tml")


def test_zip_and_folder_are_read(tmp_path):
    with zipfile.ZipFile(tmp_path / "d.zip", "w") as z:
        z.writestr("a/x.tml", DOC)
        z.writestr("readme.txt", "ignored")
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "y.tml").write_text(DOC)
    assert [d.name for d in load_timeml(tmp_path / "d.zip")] == ["doc-1"]
    assert len(load_timeml(tmp_path)) == 2


def test_standoff_gold_finds_the_nth_occurrence(tmp_path):
    doc = read_timeml(DOC.encode(), "x.tml")
    tsv = tmp_path / "g.tsv"
    tsv.write_text("# comment\ndoc-1\tdua tahun lalu\t1\tDATE\t2012\ndoc-1\tJumat\t1\tDATE\t2014-12-05\n")
    apply_standoff([doc], tsv)
    assert [(g.text, g.value) for g in doc.gold] == [("dua tahun lalu", "2012"), ("Jumat", "2014-12-05")]
    tsv.write_text("doc-1\tJumat\t2\tDATE\t2014-12-05\n")
    with pytest.raises(InputError, match="fewer than 2"):
        apply_standoff([doc], tsv)


def test_scores_overlap_strict_and_values():
    doc = read_timeml(DOC.encode(), "x.tml")

    def finder(text, dct):  # one exact and right, one overlapping with a wrong value, one spurious
        k, d, j = text.index("kemarin"), text.index("dua tahun"), text.index("Jumat")
        return [Timex(k, k + 7, "kemarin", "DATE", "2014-12-05"), Timex(d, d + 14, "dua tahun lalu", "DATE", "2012"),
                Timex(j, j + 5, "Jumat", "DATE", "2014-12-05")]

    report, tally = score([doc], finder)
    assert report["overlap"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert report["strict"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4}
    assert report["value_accuracy"] == 0.5 and report["type_accuracy"] == 0.5
    assert tally.errors == [("doc-1", "dua tahun", "P2Y", "dua tahun lalu", "2012")]


def test_values_compare_zero_padded():
    assert same_value("2013-12-6", "2013-12-06", None)
    assert not same_value("2013-12", "2013-12-06", None)
    assert not same_value(None, "2013", None)


def test_split_is_fixed_and_disjoint():
    docs = [read_timeml(DOC.replace("doc-1", f"doc-{i:02d}").encode(), "x") for i in range(50)]
    tune, check = split(docs, "tune"), split(docs, "check")
    assert (len(tune), len(check)) == (35, 15)
    assert not {d.name for d in tune} & {d.name for d in check}
