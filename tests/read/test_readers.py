import gzip
import io
import json

from warta.model import RawDoc, Rejection
from warta.read import read
from warta.settings import DEFAULTS

ARTICLE = "Menteri Luar Negeri Retno Marsudi bertemu mitranya di Jakarta pada hari Selasa.\n"


def kinds(items):
    return [(type(i).__name__, getattr(i, "kind", getattr(i, "stage", None))) for i in items]


def test_folder_is_read_recursively_in_order_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "c.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "notes.docx").write_bytes(b"PK\3\4")
    items = list(read(str(tmp_path)))
    assert [i.source.rsplit("/", 1)[1] for i in items] == ["a.txt", "c.html"]
    assert [i.kind for i in items] == ["text", "html"]


def test_gzipped_html_and_truncated_gzip(tmp_path):
    good = tmp_path / "p.html.gz"
    good.write_bytes(gzip.compress(b"<html><body>Berita</body></html>"))
    bad = tmp_path / "q.html.gz"
    bad.write_bytes(gzip.compress(ARTICLE.encode() * 50)[:-30])
    got = list(read([str(good), str(bad)]))
    assert isinstance(got[0], RawDoc) and got[0].data.startswith(b"<html>")
    assert isinstance(got[1], Rejection) and "truncated gzip" in got[1].reason


def test_jsonl_records_trusted_fields_and_malformed_lines(tmp_path):
    p = tmp_path / "dump.jsonl"
    p.write_text("\n".join([
        json.dumps({"text": ARTICLE, "title": "Judul", "url": "https://x.id/1", "published": "2024-04-04"}),
        "{not json",
        json.dumps({"html": "<p>isi</p>"}),
        json.dumps({"title": "tanpa isi"}),
        json.dumps([1, 2]),
    ]))
    items = list(read(str(p)))
    assert isinstance(items[0], RawDoc) and items[0].given["title"] == "Judul" and items[0].line == 1
    assert isinstance(items[1], Rejection) and items[1].line == 2 and "malformed JSON" in items[1].reason
    assert items[2].kind == "html"
    assert isinstance(items[3], Rejection) and "text" in items[3].reason
    assert isinstance(items[4], Rejection) and "object" in items[4].reason


def test_missing_path_is_a_path_error_and_reading_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    items = list(read([str(tmp_path / "nope.txt"), str(tmp_path / "a.txt")]))
    assert isinstance(items[0], Rejection) and items[0].stage == "path" and "no such file" in items[0].reason
    assert isinstance(items[1], RawDoc)


def test_huge_file_is_rejected_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)   # a 50 MB sparse file
    (r,) = read(str(p))
    assert isinstance(r, Rejection) and "50" in r.reason and "--max-mb" in r.reason


def test_warc_responses_become_html_documents(tmp_path):
    def record(kind, uri, payload):
        head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n").encode()
        return head + payload + b"\r\n\r\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>Berita</p></html>"
    data = record("request", "https://a.id/1", b"GET / HTTP/1.1\r\n\r\n") + record("response", "https://a.id/1", http)
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(gzip.compress(data))
    (doc,) = read(str(p))
    assert doc.kind == "html" and doc.url == "https://a.id/1" and doc.data.endswith(b"</html>")
    p2 = tmp_path / "cut.warc"
    p2.write_bytes(data[:-40])
    assert isinstance(list(read(str(p2)))[-1], Rejection)


def test_rss_items_become_documents_with_given_metadata(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text("""<?xml version="1.0"?><rss><channel>
      <item><title>Judul satu</title><link>https://a.id/1</link>
      <pubDate>Thu, 04 Apr 2024 14:43:00 +0700</pubDate><description>&lt;p&gt;Isi&lt;/p&gt;</description></item>
      </channel></rss>""")
    (doc,) = read(str(p))
    assert doc.given["title"] == "Judul satu" and doc.given["published"] == "2024-04-04T14:43:00+07:00"
    assert doc.data == b"<p>Isi</p>"


def test_xml_entity_declarations_are_refused(tmp_path):
    p = tmp_path / "bomb.xml"
    p.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    (r,) = read(str(p))
    assert isinstance(r, Rejection) and "entities" in r.reason


def test_lines_mode_makes_one_document_per_line(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("Kalimat satu .\n\nKalimat dua .\n")
    docs = list(read(str(p), DEFAULTS.with_(lines=True)))
    assert [(d.line, d.data) for d in docs] == [(1, b"Kalimat satu ."), (3, b"Kalimat dua .")]


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    (doc,) = read("-")
    assert doc.source == "-" and doc.data == ARTICLE.encode()
