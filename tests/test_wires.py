"""The one wire-service list (warta.wires) and its two readers: extraction and provenance."""
from warta.corpus.provenance import wire_name
from warta.extract.credits import wire_agency, wires_in_source_line
from warta.wires import spellings, wire_list


def test_every_row_has_a_country_an_ownership_and_no_alias_claimed_twice():
    seen: dict[str, str] = {}
    for wire in wire_list().values():
        assert len(wire.country) == 3 and wire.ownership in {"state", "public", "private"}
        for alias in spellings(wire):
            assert seen.setdefault(alias.casefold(), wire.name) == wire.name, alias


def test_extraction_and_provenance_give_the_same_canonical_name_for_every_spelling():
    for wire in wire_list().values():
        for alias in spellings(wire):
            assert wire_name(alias) == wire.name, alias
            written = alias if len(alias) > 4 else alias.upper()   # the extractor's capitals rule
            assert wire_agency(written) == wire.name, alias


def test_names_once_known_to_one_reader_only_are_known_to_both():
    assert wire_name("NYT") == wire_agency("NYT") == "New York Times"
    assert wire_name("Philippine News Agency") == wire_agency("philippine news agency") == "PNA"
    assert wires_in_source_line("ANTARA/Kyodo News") == ["ANTARA", "Kyodo"]


def test_short_acronyms_stay_case_sensitive_in_both_readers():
    assert wire_name("rt") is None and wire_agency("rt") is None
    assert wire_name("ap") is None and wire_agency("ap") is None
