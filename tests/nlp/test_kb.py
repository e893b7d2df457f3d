from warta.nlp.kb import fold, load_kb, norm


def test_norm_and_fold_merge_spelling_variants():
    assert norm("Türk") == norm("Turk") == "turk"
    assert fold("Sergey") == fold("Sergei")
    assert fold("Shoygu") == fold("Shoigu")
    assert fold("Zelenskyy") == fold("Zelensky")
    assert fold("Lavrov") != fold("Lavrova")


def test_countries_have_indonesian_names_and_aliases():
    kb = load_kb()
    assert kb.country_names[norm("Rusia")] == "RUS"
    assert kb.country_names[norm("Amerika Serikat")] == "USA"
    assert kb.country_names[norm("AS")] == "USA"
    assert kb.country_names[norm("Prancis")] == "FRA"
    assert kb.capitals[norm("Moskow")] == "RUS"
    assert kb.capitals[norm("Gedung Putih")] == "USA"


def test_office_holder_depends_on_the_date():
    kb = load_kb()
    assert kb.holder("defence_minister", "RUS", "2020-06-01").name == "Sergey Shoigu"
    assert kb.holder("defence_minister", "RUS", "2024-06-01").name == "Andrei Belousov"
    assert kb.holder("head_of_state", "USA", "2022-01-01").name == "Joe Biden"
    assert kb.holder("foreign_minister", "RUS", "1990-01-01") is None


def test_role_label_is_indonesian_with_country():
    kb = load_kb()
    assert kb.role_label("foreign_minister", "RUS") == "Menteri Luar Negeri Rusia"
    assert kb.role_label("head_of_government", "DEU") == "Kanselir Jerman"


def test_kb_ids_are_unique_and_organisations_known():
    kb = load_kb()
    for name in ("PBB", "NATO", "ASEAN", "UE", "OKI", "Golkar", "BNN", "Kepolisian RI", "TASS"):
        assert norm(name) in kb.by_name, name
    ids = [r.id for r in kb.records.values()]
    assert len(ids) == len(set(ids))
