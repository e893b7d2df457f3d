"""Syntax-light phrase finding over tokens: the noun phrase before a predicate (its subject)
and after it (its object), bounded by clause markers.

Indonesian is SVO with little inflection, so a subject is the run of nominal words right
before the verb (after skipping auxiliaries like "telah", "akan", "juga"), and an object the
run right after it. Verbs are recognised by their prefixes (me-, ber-, di-, ter-) unless
capitalised; clause words (yang, bahwa, jika...) and punctuation end a phrase.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from .tokens import Token

AUX = frozenset("""
akan telah sudah sedang masih juga pun tidak tak belum bukan tengah baru kembali terus
lalu kemudian pernah harus dapat bisa mampu ingin hendak mau bakal segera sempat
sebelumnya sebelum sempat secara resmi langsung bersama-sama bersama saling lebih
dijadwalkan direncanakan diperkirakan diharapkan dikabarkan dilaporkan diyakini berencana
nantinya tadinya semula awalnya lanjut selanjutnya
tetap hanya jelas tegas dengan sangat sekali
bahkan justru malah memang selalu sering kerap senantiasa akhirnya lantas turut ikut
""".split())
NEGATORS = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "tanpa"})
FUTURE = frozenset({"akan", "bakal", "hendak", "berencana", "berniat", "rencananya"})
HYPOTHETICAL = frozenset({"jika", "apabila", "kalau", "bila", "seandainya", "andaikan", "jikalau"})
CLAUSE_WORDS = frozenset("""
yang bahwa jika apabila kalau bila karena sebab sehingga agar supaya ketika saat sewaktu
setelah sesudah sebelum sejak hingga sampai sementara meski meskipun walau walaupun namun
tetapi tapi sedangkan serta atau demi guna untuk seraya sambil selagi dimana mana apakah
selama termasuk usai seusai lantaran akankah
""".split())
PREPOSITIONS = frozenset("""
di ke dari pada kepada terhadap dengan untuk bagi oleh atas tentang mengenai dalam
antara melawan menuju sebagai seperti oleh_karena via melalui soal terkait
""".split())
TARGET_PREPS = ("dengan", "kepada", "terhadap", "ke", "untuk", "bagi", "atas", "melawan", "pada", "dari", "antara")
DETERMINERS = frozenset({"para", "sang", "kaum", "pihak", "seorang", "sebuah", "beberapa", "sejumlah", "semua", "seluruh", "kedua", "ketiga", "berbagai"})
DISCOURSE = frozenset("""
sementara itu selain itu namun demikian meski begitu meskipun begitu oleh karena itu
dengan demikian pada gilirannya di sisi lain sebaliknya adapun kemudian selanjutnya lebih lanjut
""".split())
PUNCT_STOP = frozenset(",;:()[]!?.")
QUOTE_CHARS = frozenset("\"“”'‘’`")
_VERB = re.compile(r"^(me|ber|di|ter)[a-z]{3,}$")
NOT_VERBS = frozenset("""
menteri menlu menhan mendagri menkeu menko menpora merdeka dinas dirut direktur diplomat
perdana pertahanan pertama pertemuan perdagangan perang pernyataan persatuan perserikatan
perwakilan pemerintah pemerintahan memori mereka dia beliau berita dirinya bersama
terorisme teroris tersebut terakhir tertinggi terbesar dini dinamika diskusi direksi
terkait terhadap permanen pertahanannya terduga tersangka tertuduh terdakwa terpidana
meriam berita dinas bersenjata bersatu bersejarah berdaulat berkuasa berwenang bersengketa
berserta beserta terorganisir terlarang terdekat tertentu diskusi
media mesin metode medan menara meja meter mentor merek berkas diktator dinasti diploma
distrik divisi dialog terminal diplomatik diplomasi digital dimensi disiplin distribusi
""".split())


def is_word(t: Token) -> bool:
    return t.text[0].isalnum()


def is_capitalised(t: Token) -> bool:
    return t.text[0].isupper() or (t.text[0].isdigit() is False and t.text.isupper() and len(t.text) > 1)


def verb_form(low: str) -> bool:
    """A lower-cased word shaped like a prefixed verb, whatever its case in the text."""
    return low not in NOT_VERBS and bool(_VERB.match(low))


def is_verb(t: Token) -> bool:
    """A lower-case word that looks like a prefixed verb (menyerang, bertemu, diserang)."""
    low = t.low
    return not t.text[0].isupper() and low not in NOT_VERBS and bool(_VERB.match(low))


def ends_phrase(t: Token) -> bool:
    low = t.low
    return (t.text in PUNCT_STOP or low in CLAUSE_WORDS or low in AUX
            or (low in PREPOSITIONS and low not in ("dari",)) or is_verb(t))


def subject_before(toks: Sequence[Token], i: int, max_len: int = 12) -> Optional[tuple[int, int]]:
    """Token range [a, b) of the noun phrase ending just before the predicate at ``i``.

    Auxiliaries right before the predicate are skipped; a fronted discourse marker between
    commas ("Kremlin, sementara itu, telah membantah") and an apposition of a name and a
    title ("Sergey Lavrov, Menlu Rusia, mengadakan") are stepped over.
    """
    j = i - 1
    while j >= 0:
        if toks[j].low in AUX or toks[j].text in QUOTE_CHARS:
            j -= 1
        elif j > 0 and toks[j].low == "ini" and toks[j - 1].low in ("baru-baru", "hari", "pekan", "bulan", "tahun"):
            j -= 2                       # "Rusia dan AS baru-baru ini mengadakan"
        else:
            break
    j = _skip_time_phrase(toks, j)
    if j >= 0 and toks[j].text == ",":
        k = _discourse_before(toks, j)
        if k is None:
            k = _relative_before(toks, j)
        if k is None:
            app = _apposition_comma(toks, j, max_len)
            if app is not None:
                return app
        if k is not None:
            j = k
    b = j + 1
    a = _extend_left(toks, j, max_len)
    if a is None or a >= b:
        return None
    a = _apposition(toks, a, max_len)
    if a > 0 and toks[a - 1].low in PREPOSITIONS:
        rel = _relative_head(toks, a - 1)
        if rel is not None:
            return subject_before(toks, rel, max_len)
        head = _extend_left(toks, a - 2, max_len) if toks[a - 1].low in ("di", "dari") and a >= 2 else None
        return (head, b) if head is not None and head < a - 1 else None   # "Analis di kelompok riset X Tom Pugh"
        # "di depan gedung DPR menolak": not a subject; "junta yang dipimpin oleh X menerima": the junta
    return a, b


JOINERS = frozenset({"dan", "beserta", "berserta", "bersama", "dari"})


def _extend_left(toks: Sequence[Token], j: int, max_len: int) -> Optional[int]:
    """Leftmost index of the nominal run ending at ``j`` (``j + 1`` when there is none)."""
    b = a = j + 1
    while j >= 0 and b - j <= max_len:
        t = toks[j]
        low = t.low
        if t.text in QUOTE_CHARS:
            break                        # a subject does not reach back across a quote mark
        if (low in JOINERS or low == "untuk" and toks[j + 1].text[:1].isupper()) and a < b and j > 0 and _nominal(toks[j - 1]):
            a = j - 1             # keep the joiner and the word before it
            j -= 2
            continue
        if not _nominal(t):
            break
        a = j
        j -= 1
    return a


def _nominal(t: Token) -> bool:
    """A word that can sit inside a noun phrase."""
    if not is_word(t):
        return False
    low = t.low
    if low in CLAUSE_WORDS or low in AUX or low in PREPOSITIONS or low in JOINERS:
        return False
    return t.text[0].isupper() or not is_verb(t)


def _skip_time_phrase(toks: Sequence[Token], j: int) -> int:
    """Step back over "pada hari Selasa", "pada Rabu (26/1)" right before a predicate."""
    k = j
    if k >= 0 and toks[k].text == ")":
        while k >= 0 and toks[k].text != "(":
            k -= 1
        k -= 1
        j = k                     # "Kementerian Luar Negeri (Kemlu) mengatakan"
    for back in range(1, 5):
        p = k - back + 1
        if p < 0 or (toks[p].text in PUNCT_STOP and toks[p].text not in "()"):
            break
        if toks[p].low == "pada":
            return p - 1
    return j


def _discourse_before(toks: Sequence[Token], comma: int) -> Optional[int]:
    """If ", X Y ," before ``comma`` is a discourse marker, the index before its first comma."""
    k = comma - 1
    words = []
    while k >= 0 and toks[k].text not in PUNCT_STOP and len(words) < 15:
        words.insert(0, toks[k].low)
        k -= 1
    parenthetical = bool(words) and (words[0] in PREPOSITIONS or words[0] in ("melalui", "termasuk", "seperti"))
    if words and (" ".join(words) in DISCOURSE_PHRASES or parenthetical) and k >= 0 and toks[k].text == ",":
        return k - 1
    return None


def _relative_head(toks: Sequence[Token], k: int) -> Optional[int]:
    """Index of the "yang" opening the relative clause that ends at ``k`` (no punctuation)."""
    for j in range(k - 1, max(-1, k - 8), -1):
        if toks[j].text in PUNCT_STOP:
            return None
        if toks[j].low == "yang":
            return j
    return None


def _apposition_comma(toks: Sequence[Token], comma: int, max_len: int) -> Optional[tuple[int, int]]:
    """"Sergey Lavrov, Menlu Rusia, mengadakan": name, title, predicate."""
    s = _extend_left(toks, comma - 1, max_len)
    if s is None or s >= comma or s < 2 or toks[s - 1].text != ",":
        return None
    n = s - 1
    while n > 0 and toks[n - 1].text[0].isupper() and is_word(toks[n - 1]):
        n -= 1
    if n == s - 1 or not (n == 0 or _sentence_start(toks, n) or toks[n - 1].text in ",:"):
        return None
    return n, comma


def _relative_before(toks: Sequence[Token], comma: int) -> Optional[int]:
    """", yang menang telak dalam pemilihan ," before a predicate: the index before it."""
    k = comma - 1
    while k >= 0 and comma - k < 20 and toks[k].text not in PUNCT_STOP:
        if toks[k].low == "yang" and k >= 1 and toks[k - 1].text == ",":
            return k - 2
        k -= 1
    return None


DISCOURSE_PHRASES = frozenset({
    "sementara itu", "selain itu", "namun demikian", "meski begitu", "meskipun begitu",
    "oleh karena itu", "dengan demikian", "pada gilirannya", "di sisi lain", "sebaliknya",
    "kemudian", "selanjutnya", "lebih lanjut", "pada kesempatan itu", "dalam kesempatan itu",
    "di akhir", "akhirnya", "bagaimanapun", "dalam pernyataannya",
})


def _apposition(toks: Sequence[Token], a: int, max_len: int) -> int:
    """Extend over ", Title ," or "Name ," before the phrase: "Sergey Lavrov, Menlu Rusia,"."""
    if a >= 2 and toks[a - 1].text == "," and toks[a - 2].text[0].isupper():
        k = a - 2
        while k > 0 and toks[k - 1].text[0].isupper() and is_word(toks[k - 1]):
            k -= 1
        if a - 1 - k == 1 and _sentence_start(toks, k):
            return a                     # "Tadinya, Pertamina ...": an opening adverb, no name
        if a - k <= max_len and (k == 0 or toks[k - 1].text in ",:" or toks[k - 1].low in CLAUSE_WORDS or _sentence_start(toks, k)):
            return k
    return a


def _sentence_start(toks: Sequence[Token], k: int) -> bool:
    return k == 0 or toks[k - 1].text in ".!?\"“”"


TIME_STOP = frozenset("""
tahun bulan pekan minggu hari lalu ini baru-baru kemarin besok pagi siang sore malam
sekarang kini
""".split())


def phrase_after(toks: Sequence[Token], i: int, max_len: int = 10, allow_pp: bool = True) -> Optional[tuple[int, int]]:
    """Token range of the noun phrase starting at ``i`` (an object or a prepositional object).

    A following "di/dari X" is kept when X is capitalised ("para pemimpin junta di Mali").
    """
    j = i
    while j < len(toks) and (toks[j].text in QUOTE_CHARS or toks[j].low in ("arah", "hadapan")):
        j += 1                            # "ke arah kapal dagang", "di hadapan parlemen"
    a = j
    while j < len(toks) and j - a < max_len:
        t = toks[j]
        low = t.low
        if t.text[0].isupper() and is_word(t):
            j += 1
            continue
        if low in ("dan", "serta") and j + 1 < len(toks) and toks[j + 1].text[0].isupper() and j > a:
            j += 1
            continue
        if allow_pp and low in ("di", "dari", "asal") and j > a and j + 1 < len(toks) and toks[j + 1].text[0].isupper():
            j += 1
            continue
        if not is_word(t) or (ends_phrase(t) and low not in DETERMINERS) or low in TIME_STOP:
            break
        j += 1
    if j > a and toks[j - 1].low in ("dan", "serta", "di", "dari"):
        j -= 1
    return (a, j) if j > a else None
