"""Wire credits and copy links (warta.corpus.provenance)."""
from __future__ import annotations

import json

import pytest

from warta.corpus import provenance
from warta.corpus.samples import demo_gold, load_demo, rough_body
from warta.model import Article

from pathlib import Path as _Path

SHARED = _Path(__file__).resolve().parents[2].parent / "shared"  # ../shared beside the repository
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
needs_shared = pytest.mark.skipif(not GOLD.exists(), reason="../shared (seeds and gold) is not beside the repository")



@pytest.mark.parametrize("text, wires", [
    ("kata Lavrov, seperti dikutip dari RT, Kamis (27/1).", ["RT"]),
    ("Hal itu dilansir kantor berita Reuters pada Senin.", ["Reuters"]),
    ("menurut laporan kantor berita resmi KCNA.", ["KCNA"]),
    ("Jakarta (ANTARA) - Pemerintah menyalurkan bantuan.", ["ANTARA"]),
    ("Pihak yang bertanggung jawab belum diketahui. (AFP/Reuters)", ["AFP", "Reuters"]),
    ("Menlu RI di Tokyo. (ANTARA/HO-Kemlu RI)", ["ANTARA"]),
    ("Sumber : TASS/RT", ["TASS", "RT"]),
    ("mengutip Xinhua, pejabat itu menyebut", ["Xinhua"]),
    ("Warga RT 05/RW 03 bergotong royong membersihkan selokan.", []),
    ("seperti dikutip dari laman resmi Kementerian Luar Negeri.", []),
    ("Jakarta (Warta Nusantara) - Ribuan orang berunjuk rasa.", []),
    ("Ketua DPR (PDI-P) menyatakan dukungan.", []),
])
def test_body_credits(text, wires):
    assert list(dict.fromkeys(c.wire for c in provenance.body_credits(text))) == wires


def test_credit_offsets_point_at_the_name():
    body = "Lavrov menjawab, seperti dikutip dari Kantor Berita Xinhua."
    (credit,) = provenance.body_credits(body)
    assert body[credit.start:credit.end] == "Xinhua" and credit.kind == "quoted"


def test_demo_credits_match_gold_from_the_body_alone():
    for article, gold in zip(load_demo(), demo_gold()):
        article.wire_sources = []
        wires, _ = provenance.credited_wires(article)
        assert sorted(wires) == sorted(gold["wire_sources"]), article.source


@needs_shared
def test_seed_credits_match_the_seed_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for path in sorted(SEEDS.glob("*.txt")):
        article = Article(source=path.name, body=rough_body(path.read_text(encoding="utf-8")))
        wires, _ = provenance.credited_wires(article)
        assert sorted(wires) == sorted(gold[path.name]["wire_sources"]), path.name


def test_metadata_credits_are_normalised_and_come_first():
    article = Article(source="a", wire_sources=["Antara"], body="dilansir AFP, Senin.")
    wires, credits = provenance.credited_wires(article)
    assert wires == ["ANTARA", "AFP"] and credits[0].kind == "metadata"


def test_an_uncredited_later_copy_is_flagged_and_linked_to_the_earliest():
    articles = load_demo()
    tass = next(a for a in articles if a.source.startswith("03_"))
    lines = [l for l in tass.body.splitlines() if "TASS" not in l]
    copy = Article(source="copy", outlet="Portal Salin", published="2025-10-17T08:00:00+07:00",
                   body="\n".join(lines))
    records = {r.key: r for r in provenance.provenance(articles + [copy])}
    assert records["copy"].wires == [] and records["copy"].uncredited_copy
    assert records["copy"].earliest.startswith("04_")
    assert set(records["copy"].group_wires) == {"TASS", "RT"}
    assert records["04_menhan_rusia_india_harianlintas.txt"].copied_by[-1] == "copy"
    assert not records["03_menhan_rusia_india_suarakhatulistiwa.txt"].uncredited_copy
    assert records["04_menhan_rusia_india_harianlintas.txt"].state_media == ["TASS", "RT"]


def test_articles_without_copies_are_their_own_earliest_version():
    records = provenance.provenance(load_demo())
    lone = next(r for r in records if r.key.startswith("05_"))
    assert lone.earliest == lone.key and lone.copy_of == [] and lone.copied_by == []
