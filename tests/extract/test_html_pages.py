"""HTML extraction on Antara/Kompas/Detik-like pages written for these tests (our own text)."""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.model import Article, RawDoc
from warta.stages import pipeline

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = {
    "antara_like.html": dict(title="Petani Garam Madura Panen Lebih Awal karena Kemarau Panjang",
                             published="2024-08-12T10:25:00+07:00", outlet="ANTARA News", authors=["Siti Rahmawati"],
                             editors=["Bambang Wijaya"], dateline="Sumenep", wire_sources=[],
                             first="Petani garam di Kabupaten Sumenep", last="saat panen raya."),
    "kompas_like.html": dict(title="Warga Bantaran Kali Ciliwung Diminta Waspada Banjir Kiriman",
                             published="2023-12-04T15:39:00+07:00", outlet="KOMPAS.com", authors=["Rina Kusuma"],
                             editors=["Dodi Prasetyo"], dateline="JAKARTA", wire_sources=[],
                             first="Badan Penanggulangan Bencana Daerah", last="kenaikan air di Katulampa."),
    "detik_like.html": dict(title="Menlu Bertemu Mitra Malaysia Bahas Perlintasan Batas",
                            published="2024-03-05T08:12:00+07:00", outlet="detikNews", authors=["Fajar Nugraha"],
                            editors=["fjr", "rdp"], dateline="Jakarta", wire_sources=["Bernama"],
                            first="Menteri Luar Negeri bertemu", last="dalam keterangan tertulis."),
    "cnnindonesia_like.html": dict(title="Pemerintah Siapkan Insentif Mobil Listrik Produksi Lokal",
                                   published="2024-07-05T07:30:00+07:00", outlet="CNN Indonesia", authors=[],
                                   editors=["rds", "agt"], dateline="Jakarta", wire_sources=[],
                                   first="Pemerintah menyiapkan insentif pajak", last="investasi tidak terganggu."),
    "tempo_like.html": dict(title="Gempa Magnitudo 5,2 Guncang Sulawesi Tengah, Warga Berhamburan",
                            published="2024-07-05T14:05:00+08:00", outlet="TEMPO.CO", authors=["Andi Saputra"],
                            editors=["Maria Ulfa"], dateline="Palu", wire_sources=["Reuters"],
                            first="Gempa bermagnitudo 5,2", last="mengutip pejabat setempat."),
}
FURNITURE = ["Baca juga", "Berita Terkait", "Terpopuler", "IKLAN", "Komentar", "Copyright", "Hak Cipta",
             "Pewarta", "Editor", "Bagikan", "Tag", "Grup Telegram", "fjr/rdp", "ANTARA FOTO", "Semoga warga",
             "ADVERTISEMENT", "SCROLL", "Gambas", "Lihat Juga", "Ilustrasi", "rds/agt", "Pilihan Editor", "Salin tautan",
             "Artikel Terkait", "Facebook"]


@pytest.fixture(scope="module")
def run():
    return pipeline("extract")


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_indonesian_page(run, name):
    want = EXPECT[name]
    a = run.run(RawDoc(source=name, data=(FIXTURES / name).read_bytes()))
    assert isinstance(a, Article), a
    assert a.body.startswith(want["first"]) and a.body.endswith(want["last"])
    for cue in FURNITURE:
        assert cue not in a.body, cue
    for key in ("title", "published", "outlet", "authors", "editors", "dateline", "wire_sources"):
        assert getattr(a, key) == want[key], key
    assert a.language == "id" and a.notes == []
