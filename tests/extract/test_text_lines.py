"""Line classifier and plain-text metadata on pages written for these tests."""
from __future__ import annotations

from datetime import datetime, timezone

from warta.extract import NO_ARTICLE, extract_text
from warta.extract.lines import split_lines

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)

PAGE = """Beranda
Nasional
Banjir Rob Genangi Pesisir Utara, Warga Mengungsi ke Balai Desa
Dewi Lestari Putri
Senin, 13 Mei 2024, 09:15 WITA
Banjir Rob Genangi Pesisir Utara, Warga Mengungsi ke Balai Desa
Warga menyelamatkan barang di Desa Sukamaju. (ANTARA/Budi Santoso)

MAKASSAR, SUARAKITA.COM - Banjir rob kembali menggenangi permukiman di pesisir utara kota itu sejak Minggu malam, memaksa ratusan warga mengungsi.

Kepala desa mengatakan air mulai naik sekitar pukul 21.00 dan belum surut hingga pagi, seperti dilansir Reuters.
BACA JUGA:
Harga Cabai Naik Jelang Lebaran
Petugas gabungan membagikan makanan dan selimut kepada pengungsi di balai desa, sementara sekolah diliburkan.
ARTIKEL LAINNYAPada kesempatan yang sama, bupati meminta warga tetap waspada karena pasang tinggi diperkirakan berlangsung tiga hari lagi.
"Kami sudah siapkan posko dan perahu karet," katanya. (dls/rmd)

Editor : Rahmat Hidayat
Ikuti berita terbaru di Google News dan saluran WhatsApp kami
Hak Cipta 2024 SuaraKita.com
"""


def test_plain_page_body_and_furniture():
    e = extract_text(PAGE, now=NOW)
    paras = e.body.split("\n")
    assert paras[0].startswith("Banjir rob kembali")
    assert paras[-1].endswith('katanya.')
    assert "Pada kesempatan yang sama, bupati meminta warga tetap waspada" in e.body
    assert "ARTIKEL LAINNYA" not in e.body and "Harga Cabai" not in e.body
    assert "Google News" not in e.body and "Editor" not in e.body
    assert e.title == "Banjir Rob Genangi Pesisir Utara, Warga Mengungsi ke Balai Desa"
    assert e.published == "2024-05-13T09:15:00+08:00"
    assert e.authors == ["Dewi Lestari Putri"]
    assert e.editors[0] == "Rahmat Hidayat"
    assert e.dateline == "MAKASSAR"
    assert e.wire_sources == ["Reuters"]
    assert e.outlet and e.outlet.lower() == "suarakita.com"
    assert e.language == "id"


def test_glued_label_is_split_and_sentence_kept():
    lines = [l.text for l in split_lines("BERITA TERKAITSementara itu, harga beras stabil.")]
    assert lines == ["BERITA TERKAIT", "Sementara itu, harga beras stabil."]


def test_no_article_in_link_list():
    page = "\n".join(["Beranda", "Berita Terkait"] + [f"Judul Berita Nomor {i} Hari Ini" for i in range(30)])
    e = extract_text(page, now=NOW)
    assert e.body == "" and NO_ARTICLE in e.notes


def test_future_date_is_null_with_reason():
    page = "Judul Yang Cukup Panjang Untuk Sebuah Berita\nRabu, 1 Januari 2031, 10:00 WIB\n" + \
        "Pemerintah daerah mengumumkan rencana pembangunan jalan baru yang akan dimulai tahun depan.\n"
    e = extract_text(page, now=NOW)
    assert e.published is None
    assert any("future" in n for n in e.notes)


def test_lines_mode_keeps_text_as_is():
    from warta.model import RawDoc
    from warta.settings import DEFAULTS
    from warta.stages import pipeline
    run = pipeline("extract", DEFAULTS.with_(lines=True))
    a = run.run(RawDoc(source="s.txt", data="Baca juga: ini kalimat yang sudah bersih dari korpus.".encode()))
    assert a.body == "Baca juga: ini kalimat yang sudah bersih dari korpus." and a.boilerplate == []


def test_photo_caption_with_hyphenated_credit_is_not_the_title():
    from warta.extract.text import extract_text
    page = ("Internasional\n\nMenteri Bertemu Mitranya di Tokyo Bahas Patroli Laut\n\n"
            "Selasa, 14 Oktober 2025, 16:20 WIB\n"
            "Menlu Jepang (kiri) berjabat tangan dengan tamunya di Tokyo pada Selasa sore. (ANTARA/HO-Kemlu RI)\n\n"
            + "Kedua menteri sepakat memperkuat patroli laut bersama di perairan regional tahun depan. " * 3 + "\n"
            + "Mereka juga membahas investasi infrastruktur dan pelatihan aparat penjaga pantai kedua negara. " * 3 + "\n")
    out = extract_text(page)
    assert out.title == "Menteri Bertemu Mitranya di Tokyo Bahas Patroli Laut"
    assert not any("berjabat" in p for p in out.body.split("\n"))


def test_outlet_from_copyright_footer():
    from warta.extract.outlet import from_copyright
    assert from_copyright(["Copyright © 2025 Harian Lintas. All Rights Reserved."]) == "Harian Lintas"
    assert from_copyright(["Hak Cipta 2010-2024 Tempo Media Group"]) == "Tempo Media Group"
    assert from_copyright(["hak cipta dilindungi undang-undang"]) is None
