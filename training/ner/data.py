"""Read and normalise the shared NER sets (../shared/data/ner) for training and validation.

All sets map to PER / ORG / LOC (BIO). NERP is lower-cased and tags government bodies and
parties as O; `truecase` restores casing from the cased sets' word statistics and
`relabel_kb_orgs` tags O-labelled spans that are KB organisations as ORG.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from pathlib import Path

from warta.nlp.conll import map_tag, read_conll, repair
from warta.nlp.features import gazetteer
from warta.nlp.kb import norm

ROOT = Path(__file__).resolve().parents[2]
NER = ROOT.parent / "shared" / "data" / "ner"

FILES = {
    "idner": {"train": "idner-news-2k/train.txt", "dev": "idner-news-2k/dev.txt"},
    "nergrit": {"train": "nergrit_ner-grit/train_preprocess.txt", "dev": "nergrit_ner-grit/valid_preprocess.txt"},
    "nerp": {"train": "nerp_ner-prosa/train_preprocess.txt", "dev": "nerp_ner-prosa/valid_preprocess.txt"},
}
Sentence = tuple[list[str], list[str]]


def load(name: str, part: str) -> list[Sentence]:
    sents = read_conll((NER / FILES[name][part]).read_text("utf-8"))
    return [([r[0] for r in rows], repair([map_tag(r[-1]) for r in rows])) for rows in sents]


TUNE_BLOCK = 20          # sentences per block; every 5th block is the tuning part
TUNE_FOLD = 0            # which of the 5 block positions is held out


def tune_part(sents: list[Sentence]) -> list[Sentence]:
    """Every fifth block of 20 consecutive training sentences: held out for tuning, so the
    validation parts are scored only once, at the end (blocks keep a document's sentences
    mostly on one side)."""
    return [s for i, s in enumerate(sents) if (i // TUNE_BLOCK) % 5 == TUNE_FOLD]


def fit_part(sents: list[Sentence]) -> list[Sentence]:
    return [s for i, s in enumerate(sents) if (i // TUNE_BLOCK) % 5 != TUNE_FOLD]


def file_hashes() -> dict[str, str]:
    return {rel: hashlib.sha256((NER / rel).read_bytes()).hexdigest()
            for parts in FILES.values() for rel in parts.values()}


class TrueCaser:
    """Most frequent cased form of each word in cased text; entity words get capitals."""

    def __init__(self, sents: list[Sentence]) -> None:
        forms: dict[str, Counter] = defaultdict(Counter)
        for words, _ in sents:
            for i, w in enumerate(words):
                if i > 0:                                   # sentence starts say nothing
                    forms[w.lower()][w] += 1
        self.best = {low: c.most_common(1)[0][0] for low, c in forms.items()}
        self.entity_best = {low: max((f for f in c if f[:1].isupper()), key=c.__getitem__)
                            for low, c in forms.items() if any(f[:1].isupper() for f in c)}

    def word(self, w: str, tag: str, first: bool) -> str:
        if tag != "O":
            return self.entity_best.get(w, w[:1].upper() + w[1:])
        out = self.best.get(w, w)
        return out[:1].upper() + out[1:] if first else out

    def sentence(self, sent: Sentence) -> Sentence:
        words, tags = sent
        starts = [i == 0 or words[i - 1] in (".", "!", "?") for i in range(len(words))]
        return [self.word(w, t, first) for w, t, first in zip(words, tags, starts)], tags


def relabel_kb_orgs(sent: Sentence) -> Sentence:
    """Tag O spans that the KB knows as organisations (DPR, KPK, Golkar...) as ORG."""
    words, tags = sent
    gaz = gazetteer().tag([norm(w) or w for w in words])
    out = list(tags)
    i = 0
    while i < len(words):
        if gaz[i] == "B-ORG" and tags[i] == "O":
            j = i + 1
            while j < len(words) and gaz[j] == "I-ORG" and tags[j] == "O":
                j += 1
            out[i:j] = ["B-ORG"] + ["I-ORG"] * (j - i - 1)
            i = j
        else:
            i += 1
    return words, out
