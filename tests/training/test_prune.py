"""training/ner/prune.py rewrites crfsuite model files: with nothing dropped it must give
crfsuite's own bytes back, and a pruned model must tag like the original wherever the
dropped attributes do not occur (and find the attributes it kept)."""
from __future__ import annotations

import sys
from pathlib import Path

import pycrfsuite
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training" / "ner"))

import prune  # noqa: E402

SENTS = [
    (["Menlu", "Retno", "tiba", "di", "Tokyo"], ["O", "B-PER", "O", "O", "B-LOC"]),
    (["KPK", "memeriksa", "Budi", "di", "Jakarta"], ["B-ORG", "O", "B-PER", "O", "B-LOC"]),
    (["Presiden", "Joko", "Widodo", "bertemu", "PBB"], ["O", "B-PER", "I-PER", "O", "B-ORG"]),
]


def feats(words: list[str], prefix: str = "") -> list[list[str]]:
    out = []
    for i, w in enumerate(words):
        f = ["w=" + w.lower(), "cap" if w[:1].isupper() else "low", "prev=" + (words[i - 1].lower() if i else "<s>")]
        out.append(f + [prefix + x for x in f] if prefix else f)
    return out


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    """A small model whose first and third sentences train with "p:" copies."""
    path = tmp_path_factory.mktemp("crf") / "m.model"
    trainer = pycrfsuite.Trainer(verbose=False)
    for k, (words, tags) in enumerate(SENTS * 3):
        trainer.append(feats(words, "p:" if k % 2 == 0 else ""), tags)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(str(path))
    return path


def test_hashlittle_known_values() -> None:
    # lookup3's own self-test values (driver5: "" and "Four score and seven years ago")
    assert prune.hashlittle(b"") == 0xDEADBEEF
    assert prune.hashlittle(b"Four score and seven years ago") == 0x17770551


def test_rewrite_without_dropping_is_byte_identical(model: Path) -> None:
    data = model.read_bytes()
    assert prune.prune(data, lambda a: True) == data


def test_pruned_model_tags_the_same_without_the_dropped_attributes(model: Path, tmp_path: Path) -> None:
    out = tmp_path / "pruned.model"
    out.write_bytes(prune.prune(model.read_bytes(), prune.drop_prefixes(("p:",))))
    full, small = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    full.open(str(model))
    small.open(str(out))
    assert any(a.startswith("p:") for a, _ in full.info().state_features)
    assert not any(a.startswith("p:") for a, _ in small.info().state_features)
    assert out.stat().st_size < model.stat().st_size
    for words, _ in SENTS + [(["Retno", "memeriksa", "Tokyo"], [])]:
        f = feats(words)
        assert small.tag(f) == full.tag(f)
        small.set(f)
        full.set(f)
        assert [small.marginal(y, i) for i in range(len(words)) for y in small.labels()] == \
               [full.marginal(y, i) for i in range(len(words)) for y in full.labels()]
