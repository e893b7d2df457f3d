"""The corpus features on articles made by warta's own reading and extraction pipeline."""
from __future__ import annotations

import warta
from warta.corpus import dedup, provenance, stories
from warta.corpus.samples import demo_dir, demo_gold
from warta.model import Article
from warta.stages import pipeline as named_pipeline


def _extracted_text_pages() -> list[Article]:
    """The demo's plain-text pages through warta.read and the extract pipeline."""
    out = []
    extract = named_pipeline("extract")   # warta.process is shadowed by the warta.pipeline module
    for doc in warta.read(str(demo_dir())):
        if str(getattr(doc, "source", "")).endswith(".txt"):
            result = extract.run(doc)
            if isinstance(result, Article):
                out.append(result)
    return out


def test_extracted_demo_pages_give_the_designed_copies_stories_and_credits():
    articles = _extracted_text_pages()
    gold = {g["file"]: g for g in demo_gold() if g["file"].endswith(".txt")}
    assert len(articles) == len(gold)
    name = {a.source: a.source.rsplit("/", 1)[-1] for a in articles}
    pairs = {frozenset((name[p.a], name[p.b])) for p in dedup.near_duplicates(articles)}
    assert pairs == {frozenset((f, g["copy_of"])) for f, g in gold.items() if g["copy_of"]}
    story_pairs = {frozenset(name[m] for m in s.members) for s in stories.cluster(articles) if len(s.members) > 1}
    assert story_pairs == pairs
    for record in provenance.provenance(articles):
        expected = gold[name[record.key]]
        assert sorted(record.wires) == sorted(expected["wire_sources"]), record.key
        assert name[record.earliest] == (expected["copy_of"] or name[record.key]), record.key
