from warta.model import Article
from warta.settings import DEFAULTS
from warta.stages import ANALYZE, pipeline
from warta.stages.entities import entities
from warta.stages.link import link


def analyse(body: str, published: str | None = "2024-03-01T10:00:00+07:00") -> Article:
    art = Article(source="t", body=body, published=published)
    entities(art, DEFAULTS)
    link(art, DEFAULTS)
    return art


def test_registered_after_extraction_in_order():
    names = pipeline("analyze").names
    assert names.index("entities") == names.index("link") - 1
    assert names.index("clean") < names.index("entities")
    assert entities in ANALYZE and link in ANALYZE


def test_offsets_index_the_body_and_labels_are_known():
    art = analyse("Presiden Prancis Emmanuel Macron tiba di Jakarta.\nIa bertemu pejabat Kementerian Luar Negeri RI.")
    assert art.entities
    for e in art.entities:
        assert art.body[e.start:e.end] == e.text
        assert e.label in ("PER", "ORG", "LOC", "GPE")
    macron = [e for e in art.entities if e.text == "Emmanuel Macron"][0]
    assert macron.kb_id == "per:emmanuel-macron" and macron.role == "Presiden Prancis"


def test_bad_input_gives_sensible_output():
    assert analyse("").entities == []
    assert analyse("hari ini hujan turun deras sejak pagi dan jalan-jalan tergenang.").entities == []
    caps = analyse("PRESIDEN JOKO WIDODO BERTEMU PERDANA MENTERI ANWAR IBRAHIM DI KUALA LUMPUR")
    assert {e.canonical for e in caps.entities if e.label == "PER"} >= {"Joko Widodo", "Anwar Ibrahim"}
    mixed = analyse("Volker Türk dan Владимир Путин serta 習近平 berbicara. Türk mengecam serangan itu.")
    turk = [e for e in mixed.entities if "rk" in e.text]
    assert turk and {e.canonical for e in turk} == {"Volker Türk"}
    long = analyse(("Menteri Luar Negeri Retno Marsudi bertemu mitranya di Jakarta. " * 2000).strip(), None)
    assert len({e.canonical for e in long.entities if e.label == "PER"}) == 1


def test_title_of_an_official_is_kept_as_role():
    art = analyse("Kepala Badan Pusat Statistik (BPS) Suhariyanto mengatakan inflasi turun.")
    (e,) = [e for e in art.entities if e.label == "PER"]
    assert e.text == "Suhariyanto" and e.role.startswith("Kepala Badan Pusat Statistik")
