"""The app over HTTP on loopback: pages, API, downloads, filters, errors and security."""
from __future__ import annotations

import csv
import http.client
import io
import json
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit

import pytest

from tests.web.sample_db import XSS_OUTLET, XSS_TITLE


def get(base: str, path: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def raw_get(base: str, path: str) -> int:
    """A request whose path is sent exactly as written (no client-side normalisation)."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    conn.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


def api(base: str, path: str) -> dict:
    status, headers, body = get(base, path)
    assert status == 200 and headers["Content-Type"].startswith("application/json"), (path, status)
    return json.loads(body)


def test_server_binds_loopback(server):
    assert server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("path", ["/search", "/search?q=menteri", "/events", "/timeline", "/network", "/map",
                                  "/article/1", "/static/app.css", "/static/app.js"])
def test_pages_answer_with_security_headers(base_url, path):
    status, headers, body = get(base_url, path)
    assert status == 200 and body
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/article/999999", "/article/abc", "/article/99999999999999999999999",
                                  "/article/-1", "/api/articles/424242", "/nope", "/static/missing.css",
                                  "/static/app.css/x"])
def test_unknown_ids_and_paths_are_404(base_url, path):
    assert get(base_url, path)[0] == 404


@pytest.mark.parametrize("path", ["/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
                                  "/static/%2e%2e/%2e%2e/etc/passwd", "/static/../app.py", "/static//etc/passwd",
                                  "/../../etc/passwd", "/static/.", "/static/"])
def test_no_path_traversal(base_url, path):
    assert raw_get(base_url, path) == 404


def test_api_404_is_json(base_url):
    status, headers, body = get(base_url, "/api/articles/424242")
    assert status == 404 and json.loads(body)["error"]["status"] == 404


def test_search_finds_and_filters(base_url):
    hits = api(base_url, "/api/search?q=menteri&limit=5")
    assert hits["total"] >= 1 and 1 <= len(hits["results"]) <= 5
    assert all(isinstance(r["wire_sources"], list) for r in hits["results"])
    outlet = hits["results"][0]["outlet"]
    if outlet:
        narrowed = api(base_url, "/api/search?q=menteri&outlet=" + quote(outlet))
        assert narrowed["total"] >= 1 and all(r["outlet"] == outlet for r in narrowed["results"])
    assert api(base_url, "/api/search?q=zzxqv")["total"] == 0


@pytest.mark.parametrize("q", ['"', "NOT", "a OR", "'; DROP TABLE articles; --", "*", "(", "title:x", "\x00"])
def test_odd_queries_never_fail(base_url, q):
    status, _, _ = get(base_url, "/search?q=" + quote(q))
    assert status == 200
    assert api(base_url, "/api/stats")["articles"] > 0


def test_event_filters_apply(base_url):
    all_events = api(base_url, "/api/events?limit=500")
    assert all_events["total"] == len(all_events["results"]) > 0
    kind = all_events["results"][0]["type"]
    typed = api(base_url, f"/api/events?type={kind}&limit=500")
    assert 0 < typed["total"] <= all_events["total"]
    assert all(r["type"] == kind for r in typed["results"])
    country = next(r["source_country"] for r in all_events["results"] if r["source_country"])
    by_country = api(base_url, f"/api/events?country={country}")["results"]
    assert by_country and all(country in (r["source_country"], r["target_country"]) for r in by_country)
    dated = [r["date"] for r in all_events["results"] if r["date"]]
    day = sorted(dated)[len(dated) // 2][:10]
    since = api(base_url, f"/api/events?since={day}&limit=500")["results"]
    assert since and all(r["date"] >= day for r in since)


def test_event_rows_link_to_their_sentence(base_url):
    _, _, body = get(base_url, "/events")
    row = api(base_url, "/api/events?limit=1")["results"][0]
    assert f'href="/article/{row["article_id"]}#ev-{row["id"]}"'.encode() in body
    _, _, page = get(base_url, f"/article/{row['article_id']}")
    assert f'id="ev-{row["id"]}"'.encode() in page


def test_downloads_of_filtered_views(base_url):
    status, headers, body = get(base_url, "/events?format=csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert len(rows) == api(base_url, "/api/events")["total"] and {"type", "sentence", "article_id"} <= set(rows[0])
    status, _, body = get(base_url, "/search?q=menteri&format=jsonl")
    lines = [json.loads(x) for x in body.decode().splitlines()]
    assert len(lines) == api(base_url, "/api/search?q=menteri")["total"]
    for chart in ("timeline", "network", "map"):
        assert get(base_url, f"/{chart}?format=csv")[0] == 200
    assert get(base_url, "/events?format=xml")[0] == 400


def test_article_api_has_annotations_and_provenance(base_url):
    first = api(base_url, "/api/events?limit=1")["results"][0]
    art = api(base_url, f"/api/articles/{first['article_id']}")
    assert art["events"] and art["entities"]
    for e in art["entities"]:
        assert art["body"][e["start_char"]:e["end_char"]] == e["text"]
    assert {"near_copies", "story"} <= set(art["provenance"])
    assert "doc_key" not in art


def test_charts_api(base_url):
    assert api(base_url, "/api/timeline")["buckets"]
    graph = api(base_url, "/api/network")
    names = {n["id"] for n in graph["nodes"]}
    assert graph["edges"] and all(e["source"] in names and e["target"] in names for e in graph["edges"])
    assert all(-1 <= e["balance"] <= 1 for e in graph["edges"])
    countries = api(base_url, "/api/map")["countries"]
    assert countries and any(c["lat"] is not None for c in countries)


def test_openapi_describes_every_api_route(base_url):
    doc = api(base_url, "/api/openapi.json")
    assert doc["openapi"].startswith("3.")
    for path in doc["paths"]:
        concrete = path.replace("{id}", "1")
        assert get(base_url, concrete)[0] == 200, path


def test_hostile_metadata_is_escaped_in_html(base_url):
    hit = api(base_url, "/api/search?q=tebal")["results"][0]
    assert hit["title"] == XSS_TITLE
    _, _, page = get(base_url, f"/article/{hit['id']}")
    text = page.decode()
    assert "<script>window" not in text and "onerror=\"window" not in text
    assert 'href="javascript:' not in text.lower()
    assert "&lt;script&gt;window.__xss" in text
    _, _, listing = get(base_url, "/search?q=tebal")
    assert "<script>window" not in listing.decode()
    _, _, facets = get(base_url, "/search")
    assert XSS_OUTLET not in facets.decode()


def test_head_request(base_url):
    req = urllib.request.Request(base_url + "/search", method="HEAD")
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200 and r.read() == b""


def test_map_places_event_locations(base_url):
    data = api(base_url, "/api/map")
    located = {c["country"]: c for c in data["locations"]}
    events = api(base_url, "/api/events?limit=500")["results"]
    if any((e["location"] or "").lower() == "jakarta" for e in events):
        assert "IDN" in located and "Jakarta" in located["IDN"]["places"]
    assert all(c["lat"] is not None for c in data["locations"] if c["country"] in ("IDN", "JPN"))
    _, _, page = get(base_url, "/map")
    assert b'class="location"' in page or not located


def test_outlet_wire_dependence(base_url):
    outlets = api(base_url, "/api/outlets")["outlets"]
    assert outlets and sum(o["articles"] for o in outlets) == api(base_url, "/api/stats")["articles"]
    assert all(0 <= o["state_media_share"] <= o["wire_share"] <= 1 for o in outlets)
    assert any(o["wire_share"] > 0 for o in outlets)
    status, _, page = get(base_url, "/outlets")
    assert status == 200 and b"wire dependence" in page


def test_foreign_host_header_is_refused(base_url):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the app."""
    parts = urlsplit(base_url)
    for host, expected in (("evil.example", 421), (f"evil.example:{parts.port}", 421),
                           (f"localhost:{parts.port}", 200), (f"127.0.0.1:{parts.port}", 200)):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
        conn.request("GET", "/api/stats", headers={"Host": host})
        assert conn.getresponse().status == expected, host
        conn.close()


def test_no_page_escapes_our_own_markup(base_url):
    """Our fragments are never escaped twice (it would show tags as text)."""
    ids = [r["id"] for r in api(base_url, "/api/search?limit=500")["results"]]
    for path in [f"/article/{i}" for i in ids] + ["/events", "/search", "/timeline", "/network", "/map", "/outlets"]:
        text = get(base_url, path)[2].decode()
        for own in ('&lt;span class=&quot;', '&lt;a href=&quot;/article', '&lt;a href=&quot;#ev-', '&lt;li&gt;',
                    '&lt;option', '&lt;td&gt;', '&lt;mark&gt;', '&lt;defs', '&lt;rect'):
            assert own not in text, (path, own)
