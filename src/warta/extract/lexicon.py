"""The shipped boilerplate/credit lexicon (resources/extract/lexicon.json), compiled once."""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

from .. import wires


@functools.cache
def data() -> dict:
    path = resources.files("warta.resources").joinpath("extract/lexicon.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def label_line() -> re.Pattern:
    """A whole line that is only a label ("BACA JUGA:", "Berita Terkait", "IKLAN")."""
    return re.compile(rf"^\W*(?:{_alternation(data()['label_cues'])})\W*$", re.I)


@functools.cache
def end_line() -> re.Pattern:
    """A heading that closes the article ("Related posts", "Kommentare (3)", "Zum Weiterlesen:")."""
    return re.compile(rf"^[\W\d]*(?:{_alternation(data()['end_cues'])})[\W\d]*$", re.I)


@functools.cache
def label_prefix() -> re.Pattern:
    """A teaser label opening a line ("Baca juga: ...", "SIMAK JUGA - ...")."""
    cues = [c for c in data()["label_cues"] if " " in c or c in ("iklan", "advertisement")]
    return re.compile(rf"^\W*(?:{_alternation(cues)})\s*[:\-–—|»>\"“]", re.I)


@functools.cache
def glued_label() -> re.Pattern:
    """An upper-case label glued to the next sentence: "ARTIKEL LAINNYAPada kesempatan"."""
    cues = [c.upper() for c in data()["label_cues"] if len(c) >= 4]
    return re.compile(rf"(?:^|(?<=[.!?”\"]))\s*({_alternation(cues)}):?\s*(?=[A-Z][a-z])")


@functools.cache
def promo() -> re.Pattern:
    return re.compile(rf"\b(?:{_alternation(data()['promo_cues'])})\b", re.I)


@functools.cache
def _promo_phrases() -> tuple[str, ...]:
    return tuple(sorted({c.split()[0] for c in data()["promo_cues"]}))


def has_promo(text: str) -> bool:
    """A promo cue in ``text``: a cheap substring screen first, the word-bounded regex after."""
    low = text.lower()
    return any(p in low for p in _promo_phrases()) and promo().search(text) is not None


@functools.cache
def wire_names() -> dict[str, str]:
    """Lower-case alias -> canonical agency name (from the shared list, warta.wires)."""
    return {alias.lower(): w.name for w in wires.wire_list().values() for alias in wires.spellings(w)}


@functools.cache
def wire_alias_pattern() -> str:
    return _alternation(wire_names())


@functools.cache
def credit_label() -> re.Pattern:
    labels = data()["credit_labels"]
    allv = [(role, l) for role in labels for l in labels[role]]
    alt = _alternation(l for _, l in allv)
    return re.compile(rf"(?:^|(?<=[|•·/]))\s*({alt})\s*(?::|：|\s-\s)\s*", re.I)


def credit_role(label: str) -> str:
    label = " ".join(label.lower().split())
    for role, labels in data()["credit_labels"].items():
        if label in labels:
            return role
    return "ignore"
