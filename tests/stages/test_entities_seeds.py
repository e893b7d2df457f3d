"""Acceptance on the five seed articles (../shared/gold/seeds.json): people found with all
their variants merged into one canonical entity and the right country; every listed
country found; every listed organisation that the body names found."""
import re

import pytest

from warta.model import RawDoc
from warta.stages import pipeline


def words(s):
    return re.findall(r"\w+", (s or "").lower())


@pytest.fixture(scope="module")
def analysed(seed_paths):
    p = pipeline("analyze")
    return {path.name: p.run(RawDoc(str(path), path.read_bytes())) for path in seed_paths}


def person_mentions(article, name):
    surname = words(name)[-1]
    return [e for e in article.entities if surname in words(e.text) or surname in words(e.canonical)]


def test_every_person_found_with_variants_merged(analysed, seed_gold):
    for fname, gold in seed_gold.items():
        art = analysed[fname]
        for person in gold["people"]:
            ms = person_mentions(art, person["name"])
            assert ms, f"{fname}: {person['name']} not found"
            assert len({e.canonical for e in ms}) == 1, f"{fname}: {person['name']} split into {[e.canonical for e in ms]}"
            for v in person["variants"]:
                assert any(words(v)[-1] in words(e.text) for e in ms), f"{fname}: variant {v} not found"


def test_people_have_the_right_country(analysed, seed_gold):
    people = [(f, p) for f, g in seed_gold.items() for p in g["people"] if p["country"]]
    right = [(f, p["name"]) for f, p in people
             if any(e.country == p["country"] for e in person_mentions(analysed[f], p["name"]))]
    assert len(right) / len(people) >= 0.9, f"right: {len(right)}/{len(people)}"


def test_every_country_found(analysed, seed_gold):
    for fname, gold in seed_gold.items():
        found = {e.country for e in analysed[fname].entities}
        assert set(gold["countries"]) <= found, f"{fname}: missing {set(gold['countries']) - found}"


def test_every_named_organisation_found(analysed, seed_gold):
    for fname, gold in seed_gold.items():
        art = analysed[fname]
        body = " ".join(words(art.body))
        names = {" ".join(words(e.text)) for e in art.entities if e.label == "ORG"} | \
                {" ".join(words(e.canonical)) for e in art.entities if e.label == "ORG"}
        for org in gold["organizations"]:
            key = " ".join(words(org))
            if f" {key} " in f" {body} ":
                assert any(key == n or f" {key} " in f" {n} " for n in names), f"{fname}: {org} not found"
