from warta.model import Entity
from warta.nlp.linking import link_entities
from warta.nlp.mentions import find_spans


def run(text: str, day: str | None = "2023-05-10") -> list[Entity]:
    ents = [Entity(text[s.start:s.end], s.start, s.end, s.label) for s in find_spans(text)]
    return link_entities(text, ents, day)


def by_text(ents: list[Entity], text: str) -> list[Entity]:
    return [e for e in ents if e.text == text]


def test_spelling_variants_and_surnames_join_one_canonical():
    text = ("Menteri Pertahanan Rusia Sergei Shoygu tiba di Beijing. "
            "Sergey Shoigu kemudian bertemu pejabat setempat. Shoigu mengatakan kerja sama akan diperluas.")
    ents = [e for e in run(text) if e.label == "PER"]
    assert {e.canonical for e in ents} == {"Sergey Shoigu"}
    assert all(e.country == "RUS" and e.kb_id == "per:sergey-shoigu" for e in ents)
    assert len(ents) >= 3


def test_unknown_person_takes_role_and_country_from_the_text():
    text = "Presiden Kenya William Ruto menerima kunjungan itu. Ruto menyebut pertemuan tersebut penting."
    ents = [e for e in run(text) if e.label == "PER"]
    assert {e.canonical for e in ents} == {"William Ruto"}
    assert all(e.country == "KEN" for e in ents)
    assert ents[0].role == "Presiden Kenya"


def test_counterpart_gets_the_subjects_role_for_the_named_country():
    text = ("Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan mitranya dari Kenya Musalia Mudavadi "
            "di Moskow pada Rabu.")
    ents = run(text)
    (m,) = [e for e in ents if "Mudavadi" in e.text]
    assert m.country == "KEN"
    assert m.role == "Menteri Luar Negeri Kenya"


def test_title_with_country_resolves_to_office_holder_on_the_date():
    text = "Menhan Prancis mengatakan bantuan akan dikirim bulan depan."
    (e,) = [e for e in run(text, "2023-05-10") if e.label == "PER"]
    assert e.canonical == "Sébastien Lecornu" and e.country == "FRA"
    (e,) = [e for e in run(text, "2020-05-10") if e.label == "PER"]
    assert e.canonical == "Florence Parly"
    assert not [e for e in run(text, None) if e.label == "PER"]


def test_countries_capitals_and_organisations_are_linked():
    text = "Kremlin menolak usulan NATO, sementara Amerika Serikat dan PBB meminta gencatan senjata."
    ents = run(text)
    assert by_text(ents, "Kremlin")[0].country == "RUS"
    assert by_text(ents, "NATO")[0].kb_id == "org:nato"
    usa = by_text(ents, "Amerika Serikat")[0]
    assert usa.label == "GPE" and usa.country == "USA"
    assert by_text(ents, "PBB")[0].canonical == "PBB"


def test_ministry_gets_country_and_sector():
    text = "Kementerian Pertahanan Jepang mengumumkan latihan bersama."
    (e,) = [e for e in run(text) if e.label == "ORG"]
    assert e.country == "JPN" and e.sector == "GOV"


def test_a_title_with_an_unknown_place_does_not_borrow_an_earlier_country():
    text = "Menteri Pertahanan Amerika Serikat , Robert Gates , bertemu dengan Raja Zembla Abdullah II ."
    ents = run(text, None)
    king = [e for e in ents if e.label == "PER" and "Abdullah" in e.text]
    assert king and king[0].country is None
    gates = [e for e in ents if e.label == "PER" and "Gates" in e.text]
    assert gates and gates[0].country == "USA"
