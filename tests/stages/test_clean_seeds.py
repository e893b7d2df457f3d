"""Golden test: the five seeds through the library's extract pipeline against the gold file."""
from __future__ import annotations

import re

import pytest

from warta.model import Article, RawDoc
from warta.stages import pipeline

from conftest import needs_shared


def words(text):
    return re.findall(r"\w+", (text or "").lower())


def squash(outlet):
    return re.sub(r"(com|co|id|tv|net)$", "", re.sub(r"[^a-z0-9]", "", (outlet or "").lower()))


@pytest.fixture(scope="module")
def results(seed_paths):
    run = pipeline("extract")
    out = {}
    for path in seed_paths:
        result = run.run(RawDoc(source=str(path), data=path.read_bytes()))
        assert isinstance(result, Article), result
        out[path.name] = result
    return out


@needs_shared
def test_every_gold_boilerplate_line_removed(results, seed_gold):
    for name, gold in seed_gold.items():
        body_lines = {l.strip() for l in results[name].body.split("\n")}
        left = [b for b in gold["boilerplate_lines"] if b.strip() and b.strip() in body_lines]
        assert not left, (name, left)


@needs_shared
def test_body_first_and_last_words(results, seed_gold):
    for name, gold in seed_gold.items():
        body = words(results[name].body)
        first, last = words(gold["body_first"]), words(gold["body_last"])
        assert body[:len(first)] == first, name
        assert body[-len(last):] == last, name


@needs_shared
def test_metadata(results, seed_gold):
    for name, gold in seed_gold.items():
        a = results[name]
        assert words(a.title) == words(gold["title"]), name
        assert (a.published or "")[:10] == (gold["published"] or "")[:10], name
        if gold["outlet"]:
            assert squash(gold["outlet"]) in squash(a.outlet) or squash(a.outlet) in squash(gold["outlet"]), name
        else:
            assert a.outlet is None, name
        assert words(a.dateline) == words(gold["dateline"]), name
        for key in ("authors", "editors", "wire_sources"):
            want = {" ".join(words(x)) for x in gold[key]}
            got = {" ".join(words(x)) for x in getattr(a, key)}
            assert want <= got, (name, key, got)
            assert all(x in want or re.search(r"\d", x) for x in got), (name, key, got)
        assert a.language == "id"
