"""Container choice and body trimming on small hand-written pages (general page shapes)."""
from __future__ import annotations

from warta.extract.html import extract_html

PARA = ("Der Stadtrat hat am {} nach langer Debatte beschlossen, die alte Brücke über den Fluss "
        "zu sanieren, und die Kosten werden auf rund {} Millionen Euro geschätzt. ")
DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag")
SUMS = ("zwölf", "zehn", "acht", "neun")


def para(i: int) -> str:
    return PARA.format(DAYS[i], SUMS[i])


def page(article: str) -> str:
    return f"<html><head><title>T</title></head><body><nav>Start | Politik</nav>{article}</body></html>"


def test_bem_modifier_does_not_mark_a_content_section_as_ads():
    sections = "".join(f'<section class="Report__Section Report__Section--Ads"><p>{para(i)}</p></section>'
                       for i in range(4))
    body = extract_html(page(f'<article class="Report"><h1>Titel</h1>{sections}</article>')).body
    assert body.count("Stadtrat") == 4


def test_text_after_a_closing_heading_is_dropped():
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    tail = "<p>Zum Weiterlesen</p><p>Ein ganz anderer Bericht über das Wetter in den Bergen, mit vielen Wörtern.</p>"
    body = extract_html(page(f"<article><div>{paras}{tail}</div></article>")).body
    assert body.count("Stadtrat") == 4
    assert "Wetter" not in body


def test_trailing_labelled_facts_and_article_lists_are_kept():
    paras = "".join(f"<p>{para(i)}</p>" for i in range(3))
    facts = "<p>Ort: Kasberg</p><p>Belichtung: 30 s</p>"
    ingredients = "<ul><li>200 g Mehl</li><li>2 Eier</li><li>Salz</li></ul>"
    body = extract_html(page(f"<article><section>{ingredients}</section><div>{paras}{facts}</div></article>")).body
    assert "Ort: Kasberg" in body and "Belichtung: 30 s" in body
    assert "200 g Mehl" in body


def test_json_ld_article_body_fills_a_script_rendered_page():
    text = " ".join(para(i) for i in range(4))
    ld = '{"@type": "NewsArticle", "headline": "T", "articleBody": "%s"}' % text
    html = f'<html><head><script type="application/ld+json">{ld}</script></head><body><div id="app"></div></body></html>'
    assert "Stadtrat" in extract_html(html).body


def test_paged_body_sections_kept_and_prose_after_the_container_dropped():
    first = "".join(f"<p>{para(i)}</p>" for i in range(3))
    pages = (f'<div class="body-page"><div class="page-text">{first}</div></div>'
             f'<div class="ad-slot">Anzeige</div>'
             f'<div class="body-page"><div class="page-text"><p>{para(3)}</p></div></div>')
    promo = ("<div class='signup'><p>Werden Sie jetzt Mitglied unserer Community und schreiben Sie eigene "
             "Beiträge, kommentieren Sie und stimmen Sie mit, jeden Tag und ganz ohne Kosten.</p></div>")
    body = extract_html(page(f"<div class='wrap'><h1>Titel</h1>{pages}{promo}</div>")).body
    assert body.count("Stadtrat") == 4
    assert "Mitglied" not in body


def test_spec_table_between_paragraphs_is_kept():
    rows = "".join(f"<tr><td>Gewicht {i}</td><td>{i} kg</td></tr>" for i in range(4))
    article = f"<article><p>{para(0)}</p><p>{para(1)}</p><table>{rows}</table><p>{para(2)}</p></article>"
    body = extract_html(page(article)).body
    assert "Gewicht 2" in body and body.count("Stadtrat") == 3


def test_lead_outside_the_container_is_added_when_it_opens_with_the_meta_description():
    lead = "Die alte Brücke wird saniert: Der Stadtrat hat entschieden, und die Bürger sind erleichtert."
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    article = f'<div class="teaser"><p>{lead}</p></div><div class="content">{paras}</div>'
    plain = page(article)
    described = plain.replace("<title>T</title>", f'<title>T</title><meta name="description" content="{lead[:60]}">')
    assert "erleichtert" not in extract_html(plain).body  # the container alone leaves the lead out
    body = extract_html(described).body
    assert body.startswith("Die alte Brücke") and body.count("Stadtrat") == 5


def test_article_resuming_after_an_inline_related_box_is_kept_but_a_closing_one_still_cuts():
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    more = "".join(f"<p>{para(i).replace('Stadtrat', 'Gemeinderat')}</p>" for i in range(3))
    box = "<p>Zum Weiterlesen</p><p>Ein anderer Bericht</p>"
    body = extract_html(page(f"<article><div>{paras}{box}{more}</div></article>")).body
    assert body.count("Gemeinderat") == 3 and "Zum Weiterlesen" not in body
    short = "<p>Ein ganz anderer Bericht über das Wetter in den Bergen, mit vielen Wörtern.</p>"
    body = extract_html(page(f"<article><div>{paras}{box}{short}</div></article>")).body
    assert "Wetter" not in body


def test_a_sentence_that_is_mostly_link_text_stays_in_the_body():
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    linked = ('<p>Er folgt auf <a href="/a">die Bürgermeisterin, die das Amt acht Monate lang neben '
              'ihren anderen Aufgaben geführt hat.</a></p>')
    menu = '<p><a href="/b">Politik</a> <a href="/c">Sport und Kultur in der Region</a></p>'
    body = extract_html(page(f"<article><div><p>{para(0)}</p>{linked}{menu}{paras}</div></article>")).body
    assert "acht Monate" in body and "Sport und Kultur" not in body


def test_intro_between_the_headline_and_the_container_is_kept():
    intro = "Die Stadt will die alte Brücke retten, und nach monatelangem Streit steht nun der Plan fest."
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    html = page(f'<div class="head"><h1>Brücke</h1><div class="intro"><p>{intro}</p></div></div>'
                f'<div class="content">{paras}</div>')
    body = extract_html(html).body
    assert body.startswith("Die Stadt will") and body.count("Stadtrat") == 4


def test_a_short_closing_sentence_stays_but_a_trailing_menu_goes():
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    body = extract_html(page(f"<article><div>{paras}<p>Die Arbeiten beginnen im Mai.</p><p>Teilen</p></div></article>")).body
    assert body.endswith("Die Arbeiten beginnen im Mai.")


def test_a_dated_sentence_stays_but_a_bare_dateline_goes():
    paras = "".join(f"<p>{para(i)}</p>" for i in range(4))
    body = extract_html(page(f"<article><div><p>Montag, 5. Mai 2022</p>{paras}"
                             "<p>Ab 1. Januar 2024 gilt die neue Regel.</p></div></article>")).body
    assert "Ab 1. Januar 2024 gilt die neue Regel." in body and "Montag, 5. Mai 2022" not in body
