"""Helpers shared by the spaCy NER training script and tagger: word resources as token
attributes (LEMMA = word cluster, TAG = lexicon labels, MORPH = KB gazetteer category)
and BIO tags read back from a tagged Doc."""
from __future__ import annotations

from warta.nlp.features import gazetteer
from warta.nlp.kb import norm


def annotate(doc, clusters: dict[str, str], lexicon: dict[str, str], names: dict[str, str],
             crf_tags: list[str] | None = None) -> None:
    """Write the CRF's word resources (and, if given, its BIO tags as DEP) onto ``doc``'s
    tokens for the hash embedding."""
    lowers = [norm(t.text) or t.text.lower() for t in doc]
    gaz = gazetteer().tag(lowers)
    for tok, low, g in zip(doc, lowers, gaz):
        tok.lemma_ = clusters.get(low, "-")
        tok.tag_ = f"{lexicon.get(low, '-')}/{names.get(low, '-')}"
        if crf_tags:
            tok.dep_ = crf_tags[tok.i]
        if g:
            tok.set_morph(f"Gz={g.replace('-', '_')}")


def bio_tags(doc) -> list[str]:
    """PER/ORG/LOC BIO tags of a tagged Doc."""
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
