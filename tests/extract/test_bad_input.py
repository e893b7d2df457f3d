"""Bad input gives a clear result (empty body flagged, null date with a reason), never a crash."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

from warta.extract import NO_ARTICLE, extract
from warta.model import Article, RawDoc
from warta.stages import pipeline

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)
PARA = ("<p>Pemerintah kota mengumumkan bahwa jalan utama akan ditutup selama dua pekan untuk "
        "perbaikan saluran air, sehingga warga diminta memakai jalur alternatif.</p>")


def run(data: bytes) -> Article:
    result = pipeline("extract").run(RawDoc(source="page.html", data=data))
    assert isinstance(result, Article), result
    return result


def test_page_without_article():
    a = run(b"<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a></nav>"
            b"<div class='menu'>Berita | Olahraga | Hiburan</div></body></html>")
    assert a.body == "" and NO_ARTICLE in a.notes


def test_page_of_links_only():
    links = "".join(f"<li><a href='/b/{i}'>Judul berita nomor {i} tentang banjir di kota</a></li>" for i in range(60))
    a = run(f"<html><body><ul>{links}</ul></body></html>".encode())
    assert a.body == "" and NO_ARTICLE in a.notes


def test_frameset():
    a = run(b"<html><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'></frameset></html>")
    assert a.body == "" and NO_ARTICLE in a.notes


def test_ten_megabytes_of_inline_script():
    script = "<script>" + "var x = 'Pemerintah kota mengumumkan, bahwa jalan';" * 230_000 + "</script>"
    html = f"<html><head>{script}</head><body><article>{PARA * 3}</article></body></html>"
    assert len(html) > 10_000_000
    start = time.perf_counter()
    e = extract(html, "html", now=NOW)
    assert time.perf_counter() - start < 10
    assert e.body.count("Pemerintah kota") == 1 and "var x" not in e.body


def test_broken_markup():
    html = ("<html><body><div class='content'><p>Pemerintah kota mengumumkan <b>bahwa jalan utama <i>akan "
            "ditutup selama dua pekan untuk perbaikan saluran air, sehingga warga diminta memakai jalur."
            "<p>Kedua</div></span></table><<<>>> <div <p>Warga, sementara itu, mengeluhkan kemacetan panjang di "
            "jalur alternatif sejak pagi hari.")
    e = extract(html, "html", now=NOW)
    assert "jalan utama akan ditutup" in e.body and "kemacetan panjang" in e.body


def test_wrong_charset_declaration():
    text = "Warga Cianjur menerima bantuan senilai Rp 5 juta, kata kepala desa — “ini sangat membantu” ujarnya."
    declared_utf8_but_cp1252 = f"<html><head><meta charset='utf-8'></head><body><p>{text}</p></body></html>".encode("cp1252")
    a = run(declared_utf8_but_cp1252)
    assert "“ini sangat membantu”" in a.body
    declared_latin1_but_utf8 = f"<html><head><meta charset='iso-8859-1'></head><body><p>{text}</p></body></html>".encode()
    assert "—" in run(declared_latin1_but_utf8).body


@pytest.mark.parametrize("value,reason", [("2099-05-01T10:00:00+07:00", "future"),
                                          ("2023-02-30T10:00:00+07:00", "impossible")])
def test_future_or_impossible_meta_date(value, reason):
    html = (f"<html><head><meta property='article:published_time' content='{value}'></head>"
            f"<body><article>{PARA}</article></body></html>")
    e = extract(html, "html", now=NOW)
    assert e.published is None
    assert any(n.startswith("published:") and reason in n for n in e.notes), e.notes


def test_given_metadata_is_trusted_over_extraction():
    raw = RawDoc(source="x.jsonl", data=f"<html><body><h1>Judul Halaman</h1>{PARA}</body></html>".encode(),
                 given={"title": "Judul Dari JSONL", "published": "2024-01-02T03:04:00+07:00", "outlet": "Contoh"})
    a = pipeline("extract").run(raw)
    assert (a.title, a.published, a.outlet) == ("Judul Dari JSONL", "2024-01-02T03:04:00+07:00", "Contoh")


def test_given_bad_date_becomes_null_with_reason():
    raw = RawDoc(source="x.jsonl", data=PARA.encode(), given={"published": "kemarin sore"})
    a = pipeline("extract").run(raw)
    assert a.published is None and any("kemarin sore" in n for n in a.notes)
