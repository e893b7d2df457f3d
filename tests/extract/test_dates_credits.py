from __future__ import annotations

from datetime import datetime, timezone

import pytest

from warta.extract import credits, dates, lang

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("text,expected", [
    ("Kamis, 27 Januari 2022, 14:52 WIB", "2022-01-27T14:52:00+07:00"),
    ("07/2/2023 16:33", "2023-02-07T16:33:00+07:00"),
    ("Metro - 4 April 2024, 14:43 WIB", "2024-04-04T14:43:00+07:00"),
    ("Rabu (3/4/2024)", "2024-04-03T00:00:00+07:00"),
    ("Selasa, 07 Feb 2023 | 16:33 WITA", "2023-02-07T16:33:00+08:00"),
    ("Jumat, 9 Agt 2024 pukul 08.05 WIT", "2024-08-09T08:05:00+09:00"),
    ("2024-04-04T14:43:00+07:00", "2024-04-04T14:43:00+07:00"),
    ("March 5, 2021", "2021-03-05T00:00:00+07:00"),
])
def test_publication_date_forms(text, expected):
    assert dates.parse_date(text, now=NOW).value == expected


@pytest.mark.parametrize("text,reason", [("31 Februari 2022", "impossible"), ("2 Mei 2030", "future"),
                                         ("12 Juni 1901", "implausible")])
def test_bad_dates_have_reasons(text, reason):
    found = dates.parse_date(text, now=NOW)
    assert found.value is None and reason in found.reason


def test_credit_fields_and_codes():
    assert credits.credit_fields("Penulis : Ani Wijaya | Editor : Budi Santoso") == [
        ("author", "Ani Wijaya"), ("editor", "Budi Santoso")]
    assert credits.names("ANI WIJAYA dan Budi Santoso") == ["Ani Wijaya", "Budi Santoso"]
    text, code = credits.closing_code("Hujan turun lagi. (AFP/XY-3)")
    assert text == "Hujan turun lagi." and credits.code_parts(code) == (["AFP"], ["XY-3"])


def test_wire_credits_need_a_cue_and_capitals():
    assert credits.wires_in("kata dia, seperti dikutip dari RT, Senin.") == ["RT"]
    assert credits.wires_in("warga RT 05 berkumpul") == []
    assert credits.wires_in_source_line("TASS/RT") == ["TASS", "RT"]


def test_dateline_forms():
    assert credits.parse_dateline("Jakarta (ANTARA) - Presiden meresmikan jalan.")[:2] == ("Jakarta", "ANTARA")
    assert credits.parse_dateline("Liputan9.com, Bandung - Hujan deras.")[:2] == ("Bandung", "Liputan9.com")
    assert credits.parse_dateline("JAKARTA - Hujan deras.")[:2] == ("JAKARTA", None)
    assert credits.parse_dateline("Presiden Joko Widodo - yang hadir - berkata.") is None


@pytest.mark.parametrize("text,code", [
    ("Pemerintah mengatakan bahwa harga beras tidak akan naik karena stok masih cukup.", "id"),
    ("Kerajaan berkata bahawa harga beras tidak akan naik kerana stok masih mencukupi.", "ms"),
    ("The government said that the price of rice will not rise because stocks are sufficient.", "en"),
    ("Die Regierung sagte, dass der Preis nicht steigen wird, weil die Vorräte reichen.", "de"),
])
def test_language(text, code):
    assert lang.identify(text) == code


@pytest.mark.parametrize("raw, name", [
    ("Author Andreas Kalt", "Andreas Kalt"), ("Par Barbara Stiegler", "Barbara Stiegler"),
    ("Erstellt von Andri Bryner", "Andri Bryner"), ("Klaus Quibeldey-Cirkel", "Klaus Quibeldey-Cirkel"),
    ("Christoph von Eichhorn", "Christoph von Eichhorn"), ("Fajar Nugraha - detikNews", "Fajar Nugraha"),
    ("Ahmad bin Yusuf", "Ahmad bin Yusuf"),
])
def test_person_name_prefixes_particles_and_hyphens(raw, name):
    from warta.extract.credits import person_name
    assert person_name(raw) == name


def test_name_then_role_byline():
    from warta.extract.credits import credit_fields
    assert ("author", "Bagas Wicaksono") in credit_fields("Bagas Wicaksono, Jurnalis · Kamis, 29 Agustus 2024")


def test_html_date_next_to_the_headline_without_markup():
    from warta.extract.html import extract_html
    body = "".join(f"<p>Der Rat hat am Abend lange über die Brücke beraten und dann beschlossen, sie zu sanieren {i}.</p>"
                   for i in range(4))
    page = f"<html><body><h1>Neue Brücke</h1><p>Pressemitteilung vom 20.01.2022</p><div>{body}</div></body></html>"
    assert (extract_html(page).published or "").startswith("2022-01-20")


def test_json_ld_author_reference_resolved():
    from warta.extract.html import extract_html
    ld = ('{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"X",'
          '"author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Irmela Schwab"}]}')
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body><p>Text.</p></body></html>'
    assert extract_html(page).authors == ["Irmela Schwab"]
