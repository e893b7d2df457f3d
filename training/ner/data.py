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


def relabel_kb_orgs(sent: Sentence, common: frozenset[str] = frozenset(), cased: bool = False) -> Sentence:
    """Tag O spans that the KB knows as organisations (DPR, KPK, Golkar...) as ORG; a
    one-word match in ``common`` (words mostly written in lower case: "antara",
    "bernama") is left alone, and in ``cased`` text so is a match not written as a name
    (see _written_as_name)."""
    words, tags = sent
    gaz = gazetteer().tag([norm(w) or w for w in words])
    out = list(tags)
    i = 0
    while i < len(words):
        if gaz[i] == "B-ORG" and tags[i] == "O":
            j = i + 1
            while j < len(words) and gaz[j] == "I-ORG" and tags[j] == "O":
                j += 1
            if (j == i + 1 and words[i].lower() in common) or (cased and not _written_as_name(words[i:j])):
                i = j
                continue
            out[i:j] = ["B-ORG"] + ["I-ORG"] * (j - i - 1)
            i = j
        else:
            i += 1
    return words, out


# --- label-convention cleanup of a training set (never of a validation part) ---

def clean_labels(sents: list[Sentence], steps: str) -> list[Sentence]:
    """Apply the comma-listed cleanup ``steps`` in order: "types" (a name's minority types
    become its majority type), "missing" (untagged uses of a name that is mostly tagged
    get its type), "kb" (untagged KB organisations become ORG, as for NERP), "heads"
    (LOC/ORG names starting with the same generic word, "SMA", "Universitas", take that
    word's majority type)."""
    for step in [s for s in steps.split(",") if s]:
        if step == "kb":
            common = frozenset(w for w, f in TrueCaser(sents).best.items() if f.islower())
            sents = [relabel_kb_orgs(s, common, cased=True) for s in sents]
        elif step == "heads":
            sents = _head_relabel(sents)
        elif step in ("types", "missing"):
            sents = _majority_relabel(sents, step == "missing")
        else:
            raise ValueError(f"unknown cleanup step {step!r}")
    return sents


def _written_as_name(words: list[str]) -> bool:
    """Capitalised, and a one-word name an acronym of 3+ letters or a word of 4+ ("RT",
    "Bpk", "Is" are not organisations in these sets)."""
    w = words[0]
    if len(words) > 1:
        return w[:1].isupper()
    return (w.isupper() and len(w) >= 3) or (w[:1].isupper() and len(w) >= 4)


def _name_labels(sents: list[Sentence]) -> dict[tuple[str, ...], Counter]:
    from warta.nlp.conll import spans
    seen: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for words, tags in sents:
        for s, e, label in spans(tags):
            seen[tuple(words[s:e])][label] += 1
    return seen


def _untagged_uses(sents: list[Sentence], names: set) -> list[tuple[int, int, int]]:
    """(sentence, start, end) of all-O occurrences of ``names`` standing alone (no
    capitalised word right before or after, so not a piece of a longer name)."""
    longest = max((len(n) for n in names), default=0)
    out = []
    for k, (words, tags) in enumerate(sents):
        for i in range(len(words)):
            for n in range(1, min(longest, len(words) - i) + 1):
                if tuple(words[i:i + n]) in names and all(t == "O" for t in tags[i:i + n]) \
                        and not (i > 0 and words[i - 1][:1].isupper()) \
                        and not (i + n < len(words) and words[i + n][:1].isupper()):
                    out.append((k, i, i + n))
    return out


def _majority_relabel(sents: list[Sentence], missing: bool, min_uses: int = 3, share: float = 0.7,
                      tagged_share: float = 0.8) -> list[Sentence]:
    """Relabel a name's minority-type spans ("types") or its untagged uses ("missing") with
    its majority type; countries and capitals are left alone under "missing" (the sets
    differ on purpose about a country used as a modifier: the domain copies learn it)."""
    from warta.nlp.conll import spans
    seen = _name_labels(sents)
    major = {k: c.most_common(1)[0][0] for k, c in seen.items()
             if sum(c.values()) >= min_uses and c.most_common(1)[0][1] / sum(c.values()) >= share}
    out = [(list(w), list(t)) for w, t in sents]
    if not missing:
        for words, tags in out:
            for s, e, label in spans(tags):
                want = major.get(tuple(words[s:e]))
                if want and want != label:
                    tags[s:e] = ["B-" + want] + ["I-" + want] * (e - s - 1)
        return out
    gaz = gazetteer()
    uses = _untagged_uses(sents, set(major))
    untagged = Counter(tuple(sents[k][0][s:e]) for k, s, e in uses)
    for k, s, e in uses:
        name = tuple(sents[k][0][s:e])
        tagged = sum(seen[name].values())
        kb = gaz.tag([norm(w) or w.lower() for w in name])[0]
        if tagged / (tagged + untagged[name]) >= tagged_share and kb not in ("B-CTRY", "B-CAP"):
            out[k][1][s:e] = ["B-" + major[name]] + ["I-" + major[name]] * (e - s - 1)
    return out


def _head_relabel(sents: list[Sentence], min_uses: int = 10, share: float = 0.6) -> list[Sentence]:
    """Multi-word LOC/ORG names take the majority type of the names with the same first
    word, where that word starts >= ``min_uses`` of them ("Universitas", "SMA", "Desa":
    NERGrit tags schools LOC 46 times and ORG 28 times)."""
    from warta.nlp.conll import spans
    heads: dict[str, Counter] = defaultdict(Counter)
    for words, tags in sents:
        for s, e, label in spans(tags):
            if e - s > 1 and label in ("LOC", "ORG"):
                heads[words[s].lower()][label] += 1
    major = {h: c.most_common(1)[0][0] for h, c in heads.items()
             if sum(c.values()) >= min_uses and c.most_common(1)[0][1] / sum(c.values()) >= share}
    out = [(list(w), list(t)) for w, t in sents]
    for words, tags in out:
        for s, e, label in spans(tags):
            want = major.get(words[s].lower()) if e - s > 1 and label in ("LOC", "ORG") else None
            if want and want != label:
                tags[s:e] = ["B-" + want] + ["I-" + want] * (e - s - 1)
    return out
