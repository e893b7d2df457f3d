"""training/ner/data.py's label preparation: KB organisations relabelled in NERP without
turning common words into organisations, and the cleanup steps for the cased sets."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "ner"))

import data  # noqa: E402


def test_kb_relabel_skips_common_lowercase_words() -> None:
    words = ["kata", "ketua", "dpr", "antara", "lain"]
    tags = ["O"] * 5
    assert data.relabel_kb_orgs((words, tags))[1][2] == "B-ORG"
    assert data.relabel_kb_orgs((words, tags), frozenset({"antara"}))[1] == ["O", "O", "B-ORG", "O", "O"]


def test_kb_relabel_in_cased_text_needs_a_written_name() -> None:
    words = ["Ketua", "RT", "dan", "DPR", "hadir"]
    out = data.relabel_kb_orgs((words, ["O"] * 5), cased=True)[1]
    assert out[3] == "B-ORG" and out[1] == "O"


def test_majority_relabel_fixes_minority_types_and_untagged_uses() -> None:
    named = (["Kata", "Golkar", "kemarin"], ["O", "B-ORG", "O"])
    odd = (["Kata", "Golkar", "tadi"], ["O", "B-PER", "O"])
    untagged = (["kata", "Golkar", "tadi"], ["O", "O", "O"])
    sents = [named] * 4 + [odd] + [untagged]
    fixed = data.clean_labels(sents, "types")
    assert fixed[4][1] == ["O", "B-ORG", "O"] and fixed[5][1] == untagged[1]
    fixed = data.clean_labels(sents, "types,missing")
    assert fixed[5][1] == ["O", "B-ORG", "O"]
    assert sents[4][1] == ["O", "B-PER", "O"]          # the input is not changed
