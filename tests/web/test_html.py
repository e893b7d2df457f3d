"""The escaping helpers and the highlighter, without a server."""
from warta.web.highlight import Span, highlight
from warta.web.html import Markup, escape, fmt, render, safe_href


def test_escape_by_default_and_markup_passes():
    assert escape('<script>"x"&\'') == "&lt;script&gt;&quot;x&quot;&amp;&#x27;"
    assert fmt("<b>{}</b>", "<i>") == "<b>&lt;i&gt;</b>"
    assert fmt("<b>{}</b>", Markup("<i>ok</i>")) == "<b><i>ok</i></b>"
    assert escape(None) == ""


def test_template_slots_are_escaped():
    out = render("error.html", status=404, reason="<x>", message='"><script>alert(1)</script>')
    assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;x&gt;" in out


def test_only_http_urls_become_links():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil", ""):
        assert safe_href(bad) is None


def test_overlapping_spans_become_flat_pieces():
    body = "Retno bertemu Hayashi <di> Tokyo."
    spans = [Span(0, 5, "ent", "ent-PER", "PER"), Span(0, 32, "event", "ev-7", "CONSULT", anchor="ev-7"),
             Span(14, 21, "ent", "ent-PER", "PER"), Span(27, 32, "ent", "ent-GPE", "GPE")]
    html = highlight(body, spans)
    assert html.count('id="ev-7"') == 1
    assert '<span class="ent ent-PER ev-7 event" title="PER\nCONSULT">Retno</span>' in html
    assert "&lt;di&gt;" in html and "<di>" not in html
    # the text survives intact once the tags are removed
    import re, html as h
    assert h.unescape(re.sub(r"<[^>]+>", "", html)) == body


def test_offsets_outside_the_body_are_ignored():
    assert highlight("abc", [Span(2, 10, "ent", "", "x"), Span(-1, 2, "ent", "", "x")]) == "abc"


def test_timeline_months_include_empty_ones():
    from warta.web.charts import months_between
    assert months_between(["2023-11", "2024-02"]) == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert months_between(["2024", "2025"]) == ["2024", "2025"]
    assert months_between(["x-y", "2025-01"]) == ["x-y", "2025-01"]


def test_markup_concatenation_escapes_plain_text_and_stays_markup():
    joined = fmt("<b>{}</b>", "x") + Markup("<i>y</i>")
    assert isinstance(joined, Markup) and joined == "<b>x</b><i>y</i>"
    assert fmt("<b>{}</b>", "x") + "<script>" == "<b>x</b>&lt;script&gt;"
    assert "<script>" + Markup("<br>") == "&lt;script&gt;<br>"
    assert escape(fmt("<b>{}</b>", "x") + Markup("<i>")) == "<b>x</b><i>"
