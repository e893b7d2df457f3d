import pytest

from warta.errors import InputError
from warta.model import RawDoc
from warta.read.decode import decode, normalise, to_text
from warta.settings import DEFAULTS


def test_normalise_spaces_zero_width_and_nfc():
    assert normalise("a\u00a0b\u200bc\ufeffd\u00ade") == "a bcde"
    assert normalise("Tu\u0308rk") == "T\u00fcrk"          # NFC composes the diaeresis
    assert normalise("x\r\ny") == "x\ny"


def test_windows_1252_text_is_detected_not_rejected():
    text = "Menteri Luar Negeri Prancis mengatakan « kami siap » pada hari Selasa. " * 20
    assert "« kami siap »" in to_text(text.encode("cp1252"), "x.txt")


@pytest.mark.parametrize("data, word", [(b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "PNG"), (b"%PDF-1.4\n", "PDF"),
                                        (b"\0\1\2\3" * 100, "binary")])
def test_binary_input_is_refused_with_its_kind(data, word):
    with pytest.raises(InputError, match=word):
        to_text(data, "x.txt")


def test_invalid_utf8_garbage_is_refused_clearly():
    import random
    rnd = random.Random(7)
    data = bytes(rnd.choice(range(0x80, 0x100)) for _ in range(3000))
    with pytest.raises(InputError, match="UTF-8"):
        to_text(data, "x.txt")


def test_empty_document_is_refused():
    with pytest.raises(InputError, match="empty"):
        decode(RawDoc("e.txt", "  \n\u200b\n".encode()), DEFAULTS)


def test_html_is_sniffed_by_content():
    assert decode(RawDoc("page", b"<!DOCTYPE html><html><p>x</p></html>"), DEFAULTS).kind == "html"
    assert decode(RawDoc("page", b"Berita biasa."), DEFAULTS).kind == "text"


def test_oversized_document_is_refused_with_what_to_do():
    with pytest.raises(InputError, match="max-mb"):
        decode(RawDoc("big.txt", b"a" * 2000), DEFAULTS.with_(max_bytes=1000))
