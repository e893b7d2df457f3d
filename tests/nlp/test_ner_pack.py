"""The NER model ships xz-packed and is unpacked once into a cache folder."""
import lzma

import pytest

from warta.errors import ModelError
from warta.nlp import ner


def test_the_shipped_model_unpacks_to_a_crfsuite_file_once(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    packed = ner.resource_dir() / ner.PACKED_NAME
    if (ner.resource_dir() / ner.MODEL_NAME).exists():
        pytest.skip("an unpacked training run's crf.model is in the package and takes precedence")
    path = ner.model_path()
    assert path.parent == tmp_path and path.read_bytes()[:4] == b"lCRF"
    assert path.read_bytes() == lzma.decompress(packed.read_bytes())
    stamp = path.stat().st_mtime_ns
    assert ner.model_path() == path and path.stat().st_mtime_ns == stamp   # reused, not rewritten


def test_a_corrupt_or_missing_pack_says_how_to_rebuild(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    bad = tmp_path / "crf.model.xz"
    bad.write_bytes(b"\xfd7zXZ\x00 truncated")
    with pytest.raises(ModelError, match="corrupt.*training/ner/train.py"):
        ner._unpacked(bad)
    with pytest.raises(ModelError, match="missing.*training/ner/train.py"):
        ner._unpacked(tmp_path / "absent.xz")
