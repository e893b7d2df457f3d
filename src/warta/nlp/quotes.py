"""Quotes: direct (“...”, "...", '...') and reported speech, each with its speaker.

Works per sentence on tokens, so it behaves the same on running text and on tokenised
lines without quote marks (``Kami siap bekerja sama , kata Lavrov .``). Patterns:
- pre-posed cue:  SPEAKER mengatakan/menegaskan/... (bahwa) CONTENT
- post-posed cue: CONTENT , kata/ujar/imbuh/... SPEAKER   |   CONTENT , ujarnya/katanya
- inverted:       CONTENT , SPEAKER mengatakan (pada hari Selasa) .
- menurut:        menurut SPEAKER , CONTENT   |   CONTENT , menurut SPEAKER
A direct quote takes its speaker from the cue after it, else before it, else from the
sentence's speech verb, else (a paragraph that is only a quotation) from the quote just
before. A quote whose speaker cannot be found is not reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import Actor, Quote
from .actors import PLURAL_PRONOUNS, PRONOUNS, Resolver, split
from .phrases import AUX, CLAUSE_WORDS, PREPOSITIONS, QUOTE_CHARS, is_verb, is_word, phrase_after, subject_before
from .tokens import Sentence, Token, sentences, tokenize

PRE_CUES = frozenset("""
mengatakan menyatakan menegaskan menjelaskan mengungkapkan menekankan mencatat menambahkan
menyebutkan menyebut memperingatkan mengklaim mengeklaim membantah menuturkan menyampaikan
berkata mengingatkan menilai mengumumkan melaporkan mengakui menjawab berpendapat meyakini
menuduh menuding mengemukakan memaparkan menerangkan mengimbuhkan menandaskan mengutarakan
berujar berucap mengaku memastikan menulis menyimpulkan mengisyaratkan mensinyalir
menganggap menolak menanggapi menyoroti mengeluhkan berharap menginformasikan
mengonfirmasi mengkonfirmasi memprediksi memperkirakan mencontohkan
""".split())
POST_CUES = frozenset("""
kata ujar ucap imbuh tutur jelas ungkap tegas pungkas lanjut tambah sebut terang papar
tulis yakin klaim lapor
""".split())
NYA_CUES = frozenset(w + "nya" for w in POST_CUES)
# verbs that report speech only with a "bahwa" clause ("membantah bahwa ..."), otherwise
# they are acts (membantah tuduhan, menolak permintaan)
WEAK_CUES = frozenset("""
menuduh menuding membantah menolak memperingatkan menyampaikan menanggapi
menilai menganggap mengakui mengingatkan berharap menyebut
""".split())
# verbs of saying: whatever follows is what was said
SAY_CUES = frozenset("""
mengatakan berkata menuturkan berujar berucap menambahkan mengimbuhkan menandaskan
""".split())
# words that open a predicate: a complement "NP + one of these" is a clause (something said),
# while a bare noun phrase ("menyatakan kekecewaannya", "mengumumkan formasi kabinet") is not
PREDICATE_WORDS = frozenset("""
akan telah sudah sedang masih tidak tak belum bukan harus dapat bisa mampu perlu pernah
tengah ingin hendak mau bakal segera sempat tetap adalah merupakan menjadi ialah ada siap
sangat cukup terus kian makin semakin hanya akibat mundur setuju sepakat ikut kalah menang
lolos gagal puas kecewa optimistis optimis pesimistis sanggup hadir maju
""".split())
# words that open a purpose or relative phrase inside a noun phrase
PHRASE_OPENERS = frozenset({"untuk", "guna", "agar", "supaya", "demi"})
# speech that did not (yet) happen: "akan mengumumkan", "tidak menjelaskan"
UNSAID = frozenset({"akan", "bakal", "hendak", "tidak", "tak", "belum", "enggan", "urung", "bisa", "dapat",
                    "harus", "perlu", "mau", "ingin", "sebaiknya", "seharusnya", "jangan"})
BACK_REFERENCES = frozenset({"hal", "itu", "ini", "tersebut", "demikian", "begitu"})
# "menurut rencana/jadwal/aturan ...": a plan or a rule, not a speaker
NOT_SOURCES = frozenset("""
rencana rencananya jadwal jadwalnya aturan ketentuan peraturan undang-undang hukum pasal
kebiasaan tradisi adat kalender perhitungan perkiraan prakiraan versi standar kriteria
""".split())
# weak cues that still report an opinion or a claim when a clause follows ("menilai X akan ...")
CLAUSE_CUES = frozenset({"menilai", "menganggap", "mengakui", "menyebut", "mengonfirmasi", "mengkonfirmasi",
                         "memprediksi", "memperkirakan"})
REGARD_CUES = frozenset({"menilai", "menganggap", "menyebut", "menyebutkan"})   # "menyebut X sebagai Y"
CUE_PHRASES = (("bunyi", "pernyataan"), ("demikian", "pernyataan"), ("menurut",), ("demikian", "menurut"))
TIME_WORDS = frozenset("""
pada hari senin selasa rabu kamis jumat jum'at sabtu minggu kemarin lalu ini itu pagi siang
sore malam waktu setempat baru-baru
""".split())
PASSIVE_CUES = frozenset("""
dikatakan dinyatakan dijelaskan disebut disebutkan digambarkan diungkapkan disampaikan ditegaskan
dilaporkan diklaim
""".split())
SPEECH_NOUNS = frozenset("""
ide gagasan pendapat usulan klaim pernyataan kekhawatiran harapan peringatan pesan keyakinan
""".split())
MAX_JOINED = 1500    # characters: the longest run of unmarked sentences one cue may take
REACH = 40          # tokens: how far back a cue's speaker or a quote's cue may be looked for
SPEAKER_PRONOUNS = frozenset({"saya", "aku", "kami", "kita", "dia", "ia", "beliau", "mereka"})
NESTED_PRONOUNS = frozenset({"ia", "dia", "beliau", "kami", "kita", "saya", "aku", "nya"})
CONNECTIVES = frozenset("""
namun tetapi tapi dan sementara itu selain lebih lanjut kemudian selanjutnya bahkan padahal
meski meskipun begitu demikian oleh karena adapun akan tetapi sedangkan lalu juga pun
""".split())
NO_SPEAKER_NP = frozenset({"hal", "itu", "ini", "tersebut", "data", "hasil"})


@dataclass(slots=True)
class Found:
    speaker: Optional[Actor]
    cue: Optional[str]
    content: tuple[int, int]         # character span
    span: tuple[int, int]
    direct: bool
    confidence: float
    cue_at: int = -1                 # character offset of a pre-posed cue verb


def find_quotes(body: str, resolver: Resolver) -> list[Quote]:
    out: list[Quote] = []
    prev: Optional[Found] = None
    bare: Optional[Sentence] = None        # the run of sentences before without a quote or quote mark
    for sent, toks in split(body):
        toks = list(toks)
        found = _sentence_quotes(body, sent, toks, resolver, prev)
        if not found and bare is not None and "\n" not in body[bare.end:sent.start]:
            found = _cue_only(toks, bare, resolver)
        for f in found:
            _join_unmarked(body, f, sent, bare)
            out.append(_to_quote(body, f))
        prev = found[-1] if found else (None if _has_text_outside_quotes(toks) else prev)
        bare = _extend_bare(body, bare, sent, toks) if not found else None
    return out


def _cue_only(toks: Sequence[Token], bare: Sentence, res: Resolver) -> list[Found]:
    """"Mengapa kami tak boleh ? katanya .": a sentence that is only a cue (and its speaker)
    quotes the unquoted sentences just before it."""
    words = [t for t in toks if is_word(t)]
    if not words or len(words) > 12 or toks[0] is not words[0]:
        return []
    low = words[0].low
    if low in NYA_CUES:
        speaker = res.pronoun(words[0], suffix=True, before=bare.start)
    elif low in POST_CUES:
        span = _speaker_phrase(toks, 1)
        speaker = (_actor(toks, span, res) or _plain(toks, span, res)) if span else None
    else:
        return []
    if speaker is None:
        return []
    return [Found(speaker, words[0].text, (bare.start, bare.end), (bare.start, toks[-1].end), False, 0.7)]


def _extend_bare(body: str, bare: Optional[Sentence], sent: Sentence, toks: Sequence[Token]) -> Optional[Sentence]:
    """The paragraph's run of sentences with no quote found and no quote mark, up to ``sent``."""
    if any(t.text in QUOTE_CHARS for t in toks):
        return None
    if bare is None or "\n" in body[bare.end:sent.start] or sent.end - bare.start > MAX_JOINED:
        return sent
    return Sentence(body[bare.start:sent.end], bare.start, sent.end)


def _join_unmarked(body: str, f: Found, sent: Sentence, bare: Optional[Sentence]) -> None:
    """Without quote marks, "A. B. C, lanjut Ryabkov." quotes all three sentences: a
    post-posed cue whose words open its sentence also takes the sentences just before it
    in the same paragraph that have no quote of their own."""
    if (bare is not None and not f.direct and f.cue_at < 0 and f.content[0] == sent.start
            and "\n" not in body[bare.end:sent.start]):
        f.content = (bare.start, f.content[1])
        f.span = (min(f.span[0], bare.start), f.span[1])


def _has_cue(toks: Sequence[Token]) -> bool:
    return any(t.low in PRE_CUES or t.low in POST_CUES or t.low in NYA_CUES or t.low in PASSIVE_CUES
               or t.low in ("menurut", "menurutnya") or t.text in QUOTE_CHARS for t in toks)


def _to_quote(body: str, f: Found) -> Quote:
    cs, ce = f.content
    while cs < ce and (body[cs] in QUOTE_CHARS or body[cs].isspace()):
        cs += 1
    while ce > cs and (body[ce - 1] in QUOTE_CHARS or body[ce - 1].isspace()):
        ce -= 1
    return Quote(body[cs:ce], f.span[0], f.span[1], cs, ce, f.direct, f.speaker, f.cue, f.confidence)


def _has_text_outside_quotes(toks: Sequence[Token]) -> bool:
    return bool(toks) and toks[0].text not in QUOTE_CHARS


# --- direct quotes ----------------------------------------------------------------------

def quote_marks(toks: Sequence[Token]) -> list[tuple[int, Optional[int]]]:
    """Pairs of token indices (open, close) of quotation marks; close None when unbalanced."""
    pairs: list[tuple[int, Optional[int]]] = []
    open_at: Optional[int] = None
    for i, t in enumerate(toks):
        ch = t.text
        if open_at is None and (ch in "“‘" or (ch in "\"'`" and _opens(toks, i))):
            open_at = i
        elif open_at is not None and ch in CLOSERS.get(toks[open_at].text, ""):
            if i > open_at + 1:
                pairs.append((open_at, i))
            open_at = None if i > open_at + 1 else open_at
    if open_at is not None and open_at < len(toks) - 2 and not _orphan_closer(toks, open_at):
        pairs.append((open_at, None))
    return pairs


def _orphan_closer(toks: Sequence[Token], i: int) -> bool:
    """A straight quote after ", " and before a cue that nothing opens closes a quotation
    begun on an earlier line: ``Para diplomat harus sepakat , " lanjut Ryabkov .``"""
    if i == 0 or toks[i - 1].text not in ",.!?" or i + 1 >= len(toks) or toks[i].text not in "\"'":
        return False
    low = toks[i + 1].low
    if low in POST_CUES or low in NYA_CUES:
        return True
    span = phrase_after(toks, i + 1, max_len=10)
    return span is not None and _is_cue_verb(toks, span[1])


CLOSERS = {"“": "”\"", "\"": "\"”", "‘": "’'", "'": "'’", "`": "'’"}


def _opens(toks: Sequence[Token], i: int) -> bool:
    """A straight quote opens when a word follows it (not a closing quote after a word)."""
    return i + 1 < len(toks) and is_word(toks[i + 1]) and (i == 0 or not is_word(toks[i - 1]) or toks[i - 1].end < toks[i].start)


def _sentence_quotes(body: str, sent: Sentence, toks: list[Token], res: Resolver,
                     prev: Optional[Found]) -> list[Found]:
    out: list[Found] = []
    pairs = quote_marks(toks)
    inside = set()
    for a, b in pairs:
        f = _direct(body, sent, toks, a, b, res, prev)
        if f is not None or b is not None:     # a stray open mark hides nothing
            inside.update(range(a, (b if b is not None else len(toks)) + 1))
        if f is not None:
            out.append(f)
    out.extend(_reported(toks, inside, res))
    out.sort(key=lambda f: f.content[0])
    return _drop_nested(_cut_at_post_cue(_cut_at_next_cue(out, toks), toks), toks)


def _cut_at_post_cue(found: list[Found], toks: Sequence[Token]) -> list[Found]:
    """"Kami menilai A, kami akan ..., tambah dia": a pre-posed quote's words end before the
    comma of a post-posed cue that follows them."""
    post = [_start_of(g.speaker) for g in found if g.cue_at < 0]
    if not post:
        return found
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    for f in found:
        inside = [at for at in post if f.cue_at >= 0 and f.content[0] < at <= f.content[1]]
        if not inside:
            continue
        before = [k for k in commas if f.content[0] < toks[k].start < min(inside)]
        kept = [t for t in toks[:before[-1]] if is_word(t) and t.start >= f.content[0]] if before else []
        if kept:
            f.content = (f.content[0], kept[-1].end)
    return found


def _start_of(actor: Optional[Actor]) -> int:
    return actor.start if actor is not None and actor.start is not None else -1


def _drop_nested(found: list[Found], toks: Sequence[Token]) -> list[Found]:
    """A cue inside another quote's words is part of that quote, not a new one, when its
    speaker is a pronoun ("Alasannya, kata Gus Dur, ia menilai ...", "Kami menilai ..., tambah
    dia") or it sits in a relative clause ("Menurut X, rumor yang menyebut A ...")."""
    if len(found) < 2:
        return found
    relative = {t.start for k, t in enumerate(toks) if k and _after_yang(toks, k)}

    def after_speaker(f: Found) -> bool:
        """", kata X yang mengaku ...": a cue describing another quote's speaker."""
        ends = {g.speaker.end for g in found if g is not f and g.speaker is not None}
        k = next((m for m, t in enumerate(toks) if t.start == f.cue_at), None)
        return k is not None and _after_yang(toks, k) and any(
            toks[m].low == "yang" and toks[m - 1].end in ends for m in range(max(1, k - 3), k))

    def nested(f: Found) -> bool:
        if after_speaker(f):
            return True
        sp = f.speaker
        pronoun = sp is not None and (sp.text or "").lower() in NESTED_PRONOUNS
        at = _start_of(sp) if pronoun else (f.cue_at if f.cue_at in relative else None)
        if at is None:
            return False
        return any(g is not f and g.content[0] <= at < g.content[1]
                   and (not pronoun or sp.canonical is None or sp.canonical == (g.speaker.canonical if g.speaker else None))
                   for g in found)
    return [f for f in found if not nested(f)]


def _after_yang(toks: Sequence[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].low in AUX:
        j -= 1
    return j >= 0 and toks[j].low == "yang"


def _cut_at_next_cue(found: list[Found], toks: Sequence[Token]) -> list[Found]:
    """"X menyoroti A dan menekankan B": A ends where the next speech verb's clause starts."""
    if len(found) < 2:
        return found
    starts = {t.start: k for k, t in enumerate(toks)}
    out = []
    for f in found:
        nxt = [g.cue_at for g in found if g is not f and f.content[0] <= g.cue_at < f.content[1]]
        if nxt and f.cue_at >= 0 and min(nxt) in starts:
            k = starts[min(nxt)] - 1
            while k >= 0 and (toks[k].low in ("dan", "tetapi", "tapi", "namun", "serta", "juga", "lalu") or not is_word(toks[k])):
                k -= 1
            if k < 0 or toks[k].end <= f.content[0]:
                continue                   # nothing of its own left: the cue just introduces the next
            f.content = (f.content[0], toks[k].end)
        out.append(f)
    return out


def _direct(body: str, sent: Sentence, toks: list[Token], a: int, b: Optional[int],
            res: Resolver, prev: Optional[Found]) -> Optional[Found]:
    end = b if b is not None else len(toks)
    content_toks = toks[a + 1:end]
    while content_toks and not is_word(content_toks[-1]) and content_toks[-1].text not in ".!?":
        content_toks = content_toks[:-1]     # "Kami siap , " -> "Kami siap"
    if not content_toks:
        return None
    content = (content_toks[0].start, content_toks[-1].end)
    hit = _speaker_after(toks, end + 1, res, toks[a].start) if b is not None else None
    if hit is None:
        hit = _speaker_before(toks, a, res)
    if hit is None:
        hit = _sentence_speaker(toks, a, res)
    if hit is None:
        if prev is not None and prev.speaker is not None and a == 0:
            return Found(prev.speaker, None, content, (toks[a].start, toks[end - 1].end if b is None else toks[b].end), True, 0.6)
        return None
    speaker, cue, conf = hit
    lo = min(toks[a].start, speaker.start if speaker.start is not None else toks[a].start)
    hi = max(toks[min(end, len(toks) - 1)].end, speaker.end or 0)
    return Found(speaker, cue, content, (lo, hi), True, conf if b is not None else conf * 0.7)


def _skip_marks(toks: Sequence[Token], i: int) -> int:
    while i < len(toks) and (toks[i].text in QUOTE_CHARS or toks[i].text in ",."):
        i += 1
    return i


Hit = tuple[Actor, str, float]


def _speaker_after(toks: list[Token], i: int, res: Resolver, quote_start: int) -> Optional[Hit]:
    """``” kata Lavrov``, ``” katanya``, ``” Menteri luar negeri Rusia menyatakan``."""
    i = _skip_marks(toks, i)
    if i >= len(toks):
        return None
    low = toks[i].low
    if low in POST_CUES or low in ("bunyi", "demikian"):
        return _post_cue_speaker(toks, i, res)
    if low in NYA_CUES:
        return res.pronoun(toks[i], suffix=True, before=quote_start), toks[i].text, 0.8
    span = phrase_after(toks, i, max_len=10)
    if span and span[1] < len(toks) and _is_cue_verb(toks[span[1]:], 0):
        actor = _actor(toks, span, res)
        if actor is not None:
            return actor, toks[span[1]].text, 0.9
    return None


def _with_apposition(toks: Sequence[Token], span: tuple[int, int], res: Resolver) -> tuple[int, int]:
    """"juru bicara Kemlu, Roy Soemirat": a title followed by the person's name."""
    a, b = span
    if b + 1 < len(toks) and toks[b].text == "," and toks[b + 1].text[:1].isupper():
        titles = b + 1                   # ", Mayor Arye Shalicar": a rank or title before the name
        while titles < min(b + 4, len(toks)) and toks[titles].text[:1].isupper():
            titles += 1
        first = {t.start for t in toks[b + 1:titles]}
        names = [e for e in res.inside(toks[b + 1].start, toks[min(b + 6, len(toks) - 1)].end)
                 if e.label in ("PER", "PERSON") and e.start in first]
        named = any(e.label in ("PER", "PERSON") for e in res.inside(toks[a].start, toks[b - 1].end))
        if names and not named:
            end = next((k for k in range(b + 1, len(toks)) if toks[k].end >= names[0].end), b)
            after = toks[end + 1] if end + 1 < len(toks) else None
            if after is None or not is_word(after) or after.low in ADJUNCT_OPENERS:
                return a, end + 1        # not ", Jokowi memiliki ...": a name that starts the next clause
    return span


def _post_cue_speaker(toks: list[Token], i: int, res: Resolver) -> Optional[Hit]:
    cue_end = i + 1
    if toks[i].low in ("bunyi", "demikian") and cue_end < len(toks) and toks[cue_end].low in ("pernyataan", "menurut", "kata"):
        cue_end += 1
    elif toks[i].low in ("bunyi", "demikian"):
        return None
    span = _speaker_phrase(toks, cue_end)
    if span is None:
        return None
    actor = _actor(toks, _with_apposition(toks, span, res), res) or _plain(toks, span, res)
    return (actor, " ".join(t.text for t in toks[i:cue_end]), 0.9) if actor else None


def _is_cue_verb(toks: Sequence[Token], j: int) -> bool:
    return j < len(toks) and toks[j].low in PRE_CUES


def _speaker_before(toks: list[Token], a: int, res: Resolver) -> Optional[Hit]:
    """``Lavrov menjawab, “...`` / ``X mengatakan bahwa “...``."""
    j = a - 1
    while j >= 0 and toks[j].text in ",:":
        j -= 1
    if j >= 0 and toks[j].low == "bahwa":
        j -= 1
    if j < 0 or toks[j].low not in PRE_CUES:
        return None
    return _subject_of_cue(toks, j, res)


def _subject_of_cue(toks: list[Token], j: int, res: Resolver, said: bool = False) -> Optional[Hit]:
    """The speaker of the cue verb at ``j``: its subject, or that of the first of coordinated
    predicates ("X tidak menjelaskan A, namun menyatakan B": X said B)."""
    if not said and _unsaid(toks, j):    # "tidak mengatakan apa-apa soal “rencana B”"
        return None
    span = _relative_head(toks, j) or _apposed_subject(toks, j, adjuncts=False) \
        or subject_before(toks, _before_adjuncts(toks, j)) or _apposed_subject(toks, j)
    if span is not None and span[0] > 1 and toks[span[0] - 1].low in ("dalam", "melalui", "lewat"):
        span = subject_before(toks, span[0] - 1) or span   # "SBY dalam cuitannya di Twitter menganggap"
    if span is not None and span[1] - span[0] > 1 and toks[span[1] - 1].low in PRONOUNS | PLURAL_PRONOUNS:
        span = (span[1] - 1, span[1])    # "hingga saat ini mereka mengaku": the pronoun
    between = toks[span[1]:j] if span is not None else []
    if span is not None and span[0] > 0 and is_verb(toks[span[0] - 1]) \
            and any(t.text == "," for t in between) and all(t.text == "," or t.low in AUX for t in between):
        span = None                      # "X berjanji menghadapi Barat secara diplomatis , mengatakan"
    if span is None:
        k = j - 1
        while k >= 0 and toks[k].low in ("dan", "juga", "serta", "lalu", "kemudian", "tetapi", "tapi", "namun", ","):
            k -= 1
        post = _post_cue_before(toks, k + 1) if k < j - 1 else None
        if post is not None:             # "..., kata surat kabar X, dan menambahkan, ..."
            hit = _post_cue_speaker(toks, post, res)
            return (hit[0], toks[j].text, hit[2]) if hit else None
        if k < j - 1:
            first = _first_cue_or_verb(toks, k + 1, max(0, j - REACH))
            hit = _subject_of_cue(toks, first, res, said=True) if first is not None else None
            return (hit[0], toks[j].text, hit[2]) if hit else None
        return None
    actor = _actor(toks, _with_alias(toks, span, j), res) or _speaking_noun(toks, span, res)
    return (actor, toks[j].text, 0.85) if actor else None


SEGMENT_OPENERS = frozenset({"yang", "saat", "ketika", "usai", "seusai", "seperti", "sebagaimana", "sebelum",
                             "setelah", "dalam", "di", "pada", "kepada", "dari"})


def _before_adjuncts(toks: Sequence[Token], j: int, max_segments: int = 3) -> int:
    """Where the predicate would stand without the comma-bound adjuncts and relative clauses
    between subject and cue: "Rofikoh Rokhim, dalam acara ... di Jakarta, Senin, mengatakan",
    "PM Inggris itu, yang berada di ... (EU), mengatakan"."""
    k = j - 1
    while k >= 0 and toks[k].low in AUX:
        k -= 1
    at = j
    for _ in range(max_segments):
        if k < 1 or toks[k].text != ",":
            break
        start = _segment_start(toks, k, 24)
        if start is None or start < 1 or toks[start - 1].text != ",":
            break
        first = toks[start]
        if not (first.low in SEGMENT_OPENERS or first.low in WEEKDAYS or first.text[0].isdigit()):
            break
        at, k = start - 1, start - 1
    return at


def _with_alias(toks: Sequence[Token], span: tuple[int, int], j: int) -> tuple[int, int]:
    """"KH Abdurrahman Wahid (Gus Dur) menyatakan": the bracketed alias is part of the name."""
    a, b = span
    if b < j and toks[b].text == "(":
        close = next((k for k in range(b + 1, min(j, b + 6)) if toks[k].text == ")"), None)
        if close is not None:
            return a, close + 1
    return span


MEDIA_NOUNS = frozenset("""
kelompok organisasi harian surat suratkabar koran media majalah televisi radio laporan
""".split())
PEOPLE_NOUNS = frozenset("""
panitia warga polisi pejabat pengamat saksi petugas aparat pemerintah tim peneliti
dokter jaksa hakim pengacara kuasa juru pengurus pengelola penyidik relawan pedagang
calon kader anggota ketua menteri pemimpin pimpinan analis ilmuwan ahli pakar
nelayan petani buruh guru siswa mahasiswa korban keluarga tersangka terdakwa militer
""".split())


def _speaking_noun(toks: Sequence[Token], span: tuple[int, int], res: Resolver) -> Optional[Actor]:
    """An unnamed subject headed by a noun for people, bodies or media ("beberapa saat
    panitia", "kelompok ini", "harian bisnis tersebut")."""
    words = [t for t in toks[span[0]:span[1]] if is_word(t)]
    head = next((k for k, t in enumerate(words) if t.low in PEOPLE_NOUNS or t.low in INSTITUTIONS
                 or t.low in MEDIA_NOUNS), None)
    if head is None:
        return None
    return Actor(res.body[words[head].start:words[-1].end], words[head].start, words[-1].end)


def _post_cue_before(toks: Sequence[Token], end: int) -> Optional[int]:
    """Index of a post-posed cue (", kata X") whose speaker phrase ends at ``end``."""
    for p in range(end - 1, max(0, end - 14), -1):
        if toks[p].text in ".;:" or toks[p].low in PRE_CUES:
            return None
        if toks[p].low in POST_CUES and p > 0 and toks[p - 1].text == ",":
            return p
    return None


def _apposed_subject(toks: Sequence[Token], j: int, max_len: int = 14, adjuncts: bool = True) -> Optional[tuple[int, int]]:
    """"Dewi, salah seorang pedagang di Pasar Senen, mengaku ..." and "Ketua Umum PPP ...,
    M Romahurmuziy, telah menyatakan ...": a name and its description between commas."""
    k = j - 1
    while k >= 0 and toks[k].low in AUX:
        k -= 1
    if k < 1 or toks[k].text != ",":
        return None
    inner = _segment_start(toks, k, max_len)
    if inner is None or inner < 2 or toks[inner - 1].text != ",":
        return None
    if not adjuncts and (toks[inner].low in SEGMENT_OPENERS or toks[inner].low in WEEKDAYS or toks[inner].text[0].isdigit()):
        return None                      # ", dalam seminar di Bogor, Senin," is an adjunct, not an apposition
    outer = _segment_start(toks, inner - 1, max_len)
    if outer is None:
        return None
    words = [t for t in toks[outer:k] if is_word(t)]
    if not any(t.text[0].isupper() and t.low not in CONNECTIVES for t in words) \
            or _has_verb(toks[outer:inner - 1]) or _has_verb(toks[inner:k]):
        return None
    return outer, k


def _has_verb(segment: Sequence[Token]) -> bool:
    """A verb outside the segment's relative clause ("tokoh yang terpilih" has none)."""
    for t in segment:
        if t.low == "yang":
            return False
        if is_verb(t) and t.low not in CLAUSE_WORDS and t.low[:2] in ("me", "di"):
            return True                  # ber-/ter- words describe ("berbasis Paris", "terpilih")
    return False


def _initial_dot(toks: Sequence[Token], k: int) -> bool:
    """The dot of an initial or abbreviation ("S.A.", "Dr .", "H.M.")."""
    return toks[k].text == "." and k > 0 and len(toks[k - 1].text) <= 2 and toks[k - 1].text[0].isupper()


def _segment_start(toks: Sequence[Token], comma: int, max_len: int) -> Optional[int]:
    """Index after the comma (or the sentence start) that opens the segment ending at ``comma``."""
    k = comma - 1
    while k >= 0 and (toks[k].text not in ",;:.!?\"“”" or _initial_dot(toks, k)) and comma - k <= max_len:
        k -= 1
    if comma - k > max_len or k == comma - 1:
        return None
    return k + 1


def _first_cue_or_verb(toks: Sequence[Token], upto: int, since: int = 0) -> Optional[int]:
    """The first cue, else the first verb with a subject of its own, before ``upto``: the
    head of coordinated predicates ("panitia menganulir A dan menyatakan B")."""
    for k in range(since, upto):
        if toks[k].low in PRE_CUES:
            return k
    for k in range(max(1, since), upto):
        if is_verb(toks[k]) and toks[k].low not in CLAUSE_WORDS and (subject_before(toks, k) or _apposed_subject(toks, k)):
            return k
    return None


def _name_before(toks: Sequence[Token], k: int) -> Optional[tuple[int, int]]:
    """The run of capitalised words right before ``k`` ("seperti PKS yang ...": PKS)."""
    a = k
    while a > 0 and k - a < 6 and is_word(toks[a - 1]) and toks[a - 1].text[0].isupper():
        a -= 1
    return (a, k) if a < k and not (a == 0 and k - a == 1 and toks[0].low in CONNECTIVES) else None


def _relative_head(toks: Sequence[Token], j: int) -> Optional[tuple[int, int]]:
    """"Presiden Yudhoyono yang juga Ketua Umum Partai Demokrat mengatakan": the head before
    "yang" speaks, not the title inside the relative clause; "PKS yang menyatakan": PKS."""
    k = j - 1
    while k >= 0 and toks[k].low in AUX:
        k -= 1
    if k >= 1 and toks[k].low == "yang":
        head = subject_before(toks, k) or _name_before(toks, k)
        return head if head and head[1] == k else None
    y = next((m for m in range(k, max(-1, k - 10), -1) if toks[m].low == "yang" or not is_word(toks[m])), None)
    if y is None or toks[y].low != "yang" or y < 1 or not all(t.text[0].isupper() or t.low in AUX for t in toks[y + 1:k + 1]):
        return None
    head = subject_before(toks, y)
    return head if head and head[1] == y else None


def _sentence_speaker(toks: list[Token], a: int, res: Resolver) -> Optional[Hit]:
    """A quote embedded in a sentence whose speech verb comes earlier: its subject."""
    for j in range(a - 1, max(0, a - REACH), -1):
        if toks[j].low in PRE_CUES:
            hit = _subject_of_cue(toks, j, res)
            if hit:
                return hit[0], hit[1], 0.7
    return None


def _plain(toks: Sequence[Token], span: tuple[int, int], res: Resolver) -> Optional[Actor]:
    """After "kata"/"ujar" any noun phrase is the speaker, known or not ("kelompok pemantau")."""
    words = toks[span[0]:span[1]]
    if not words or all(w.low in NO_SPEAKER_NP for w in words):
        return None
    return Actor(res.body[words[0].start:words[-1].end], words[0].start, words[-1].end)


INSTITUTIONS = frozenset("""
kementerian kantor badan dinas lembaga komisi dewan partai kepolisian polisi militer
universitas pemerintah departemen kedutaan pengadilan kejaksaan rumah perusahaan bank
""".split())


def _speaker_phrase(toks: Sequence[Token], i: int) -> Optional[tuple[int, int]]:
    """The speaker named after a cue: a noun phrase (through a bracketed acronym: "Badan
    Pengatur Hilir Minyak dan Gas Bumi (BPH Migas) Fanshurullah Asa"), an unnamed one with
    its institution."""
    span = phrase_after(toks, i, max_len=16, allow_pp=False)
    if span is None:
        return None
    b = span[1]
    close = next((k for k in range(b + 1, min(b + 6, len(toks))) if toks[k].text == ")"), None) \
        if b < len(toks) and toks[b].text == "(" else None
    if close is not None:
        more = phrase_after(toks, close + 1, max_len=8, allow_pp=False) if close + 1 < len(toks) \
            and toks[close + 1].text[:1].isupper() else None
        span = (span[0], more[1] if more else close + 1)   # "Kepala Balai X (BTNK) , Erly S"
    return _with_institution(toks, span)


def _with_institution(toks: Sequence[Token], span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    if any(t.text[0].isupper() for t in toks[a:b]) or b + 1 >= len(toks) or toks[b].low not in ("pada", "dari", "di"):
        return span
    nxt = toks[b + 1]
    if nxt.low not in INSTITUTIONS and not nxt.text[0].isupper():
        return span
    tail = phrase_after(toks, b + 1, max_len=6, allow_pp=False)
    return (a, tail[1]) if tail else span


def _actor(toks: Sequence[Token], span: tuple[int, int], res: Resolver) -> Optional[Actor]:
    """The speaker a phrase names; capitalised unknown names stay as plain text actors."""
    words = toks[span[0]:span[1]]
    if not words or all(w.low in NO_SPEAKER_NP for w in words):
        return None
    actor = res.resolve(words)
    if actor is None and any(w.text[0].isupper() for w in words):
        actor = Actor(res.body[words[0].start:words[-1].end], words[0].start, words[-1].end)
    return actor


# --- reported speech --------------------------------------------------------------------

ANY_CUE = PRE_CUES | POST_CUES | NYA_CUES | PASSIVE_CUES | {"menurut", "menurutnya", "demikian", "bunyi"}


def _reported(toks: list[Token], inside: set[int], res: Resolver) -> list[Found]:
    out: list[Found] = []
    for i, t in enumerate(toks):
        low = t.low
        if i in inside or not (low in ANY_CUE or low.startswith("di") or low.endswith("nya")
                               or (i + 1 < len(toks) and toks[i + 1].low in SPEECH_NOUNS)):
            continue                     # a quick filter: most words cannot be a cue
        f = None
        if (low in PRE_CUES and _reports_speech(toks, i)) or _voices_idea(toks, i) or _cue_with_object(toks, i):
            f = _pre_posed(toks, i, inside, res)
        elif _passive_opener(toks, i):
            f = _opening_passive(toks, i, res)
        elif _nya_passive(toks, i):
            f = _passive_by_nya(toks, i, res)
        elif low in PASSIVE_CUES:
            f = _passive(toks, i, res)
        elif (low in POST_CUES or low in NYA_CUES or low == "bunyi" or _demikian_cue(toks, i)) and _after_comma(toks, i) \
                and i - 1 not in inside:         # a direct quote's own cue is read by _direct
            f = _post_posed(toks, i, res)
        elif low in ("kata", "ujar", "lanjut", "tutur", "imbuh") and _parenthetical_cue(toks, i) \
                and not any(t.text in QUOTE_CHARS for t in toks[max(0, i - 2):i]):
            f = _post_posed(toks, i, res)
        elif low in ("menurut", "menurutnya"):
            f = _menurut(toks, i, res)
        if f is not None:
            out.append(f)
    return _dedupe(out)


def _reports_speech(toks: Sequence[Token], i: int) -> bool:
    """A pre-posed cue verb that reports something said: not unsaid ("akan mengumumkan",
    "tidak menjelaskan"), not a back reference ("mengungkapkan hal itu"); verbs of saying
    take any complement, act verbs (menolak, membantah) only a bahwa clause or a colon,
    the rest a bahwa clause, a colon or a complement that is a clause or a verb phrase."""
    if _unsaid(toks, i) or _back_reference(toks, i + 1):
        return False
    low = toks[i].low
    if low in SAY_CUES or _bahwa_follows(toks, i):
        return True
    if low in WEAK_CUES - CLAUSE_CUES:
        return False
    clause = _clause_follows(toks, i + 1, regard=low in REGARD_CUES)
    return clause or (low not in CLAUSE_CUES and clause is None)


def _cue_with_object(toks: Sequence[Token], i: int) -> bool:
    """"Ruhut menilainya tak mampu ...": an assessment of someone named before, with a clause."""
    low = toks[i].low
    return (low.endswith("nya") and low[:-3] in REGARD_CUES and not _unsaid(toks, i)
            and _clause_follows(toks, i + 1, regard=True) is True)


def _unsaid(toks: Sequence[Token], i: int) -> bool:
    k = i - 1
    while k >= 0 and toks[k].low in ("juga", "pun", "lagi", "sendiri"):
        k -= 1
    return k >= 0 and toks[k].low in UNSAID


def _back_reference(toks: Sequence[Token], k: int) -> bool:
    """"mengungkapkan hal itu kepada X", "menegaskan hal tersebut.": what was said is elsewhere."""
    words = []
    while k < len(toks) and is_word(toks[k]) and toks[k].low not in PREPOSITIONS and not is_verb(toks[k]) and len(words) < 3:
        words.append(toks[k].low)
        k += 1
    return bool(words) and all(w in BACK_REFERENCES for w in words) and (
        k >= len(toks) or not is_word(toks[k]) or toks[k].low in PREPOSITIONS or is_verb(toks[k]))


def _clause_follows(toks: Sequence[Token], k: int, regard: bool = False) -> Optional[bool]:
    """True when the complement at ``k`` is a verb phrase ("mengaku telah menerima") or a
    noun phrase with its own predicate ("menilai kebijakan itu akan menekan"); False when
    it is a bare noun phrase headed by an abstract noun, a number or a purpose phrase
    ("menyatakan kekecewaannya atas ...", "mengumumkan tiga calon"); None when unsure
    ("menyatakan seluruh WNI dalam kondisi aman" has no predicate word)."""
    if k >= len(toks):
        return False
    if toks[k].low in PREDICATE_WORDS or is_verb(toks[k]):
        return True
    first = toks[k]
    noun = comma = False
    limit = k + 30
    while k < min(len(toks), limit) and toks[k].text not in ";:.!?":
        if toks[k].text == ",":          # "persiapan di Pulau X , Cilacap , ... telah mencapai"
            if k + 1 < len(toks) and toks[k + 1].low in ("dan", "serta", "tetapi", "tapi", "namun", "sedangkan"):
                break
            k, comma = k + 1, True       # after a comma a bare verb is a participle ("..., disebabkan oleh")
            continue
        if comma and is_verb(toks[k]):
            k += 1
            continue
        low = toks[k].low
        if low == "yang":                # a relative clause belongs to the noun phrase
            k += 1
            while k < len(toks) and (toks[k].low in AUX or toks[k].low in PREDICATE_WORDS) and not is_verb(toks[k]):
                k += 1
            k += 1 if k < len(toks) and is_verb(toks[k]) else 0
            continue
        if low in PHRASE_OPENERS or low in ("atas", "terhadap"):
            return _stance(first)        # "menyatakan kesiapan Seoul untuk ...", "keprihatinan atas ..."
        if low == "dengan" and _stance(first):
            return True                  # "menyatakan keberatan dengan ..."
        if noun and (low in PREDICATE_WORDS or (is_verb(toks[k]) and not _participle(toks, k))
                     or (regard and low == "sebagai")):
            return True
        noun = noun or is_word(toks[k])
        k += 1
    return False if _bare_noun_head(first) else None


def _participle(toks: Sequence[Token], k: int) -> bool:
    """"bentuk tertulis", "pihak terkait": a ter- word right after a noun modifies it."""
    return toks[k].low.startswith("ter") and k > 0 and is_word(toks[k - 1]) and toks[k - 1].low not in AUX


_ABSTRACT = re.compile(r"^(ke|pe|per|pen|pem|peng|peny)[a-z]{3,}an(nya)?$|^[a-z]{4,}nya$")
STANCE_NOUNS = frozenset("""
solidaritas dukungan simpati belasungkawa sikap perang komitmen apresiasi rasa duka
""".split())


STANCE_HEADS = frozenset("""
kesiapan kesediaan komitmen keinginan tekad niat keprihatinan kekhawatiran kekecewaan
penolakan dukungan keberatan protes keyakinan kecaman penyesalan apresiasi
""".split())


def _stance(t: Token) -> bool:
    """A stance or intent toward something is a statement of it (the gold of the seeds and of
    our dev set count "menyatakan kesiapannya untuk ..." as a quote)."""
    low = t.low[:-3] if t.low.endswith("nya") else t.low
    return low in STANCE_HEADS


def _bare_noun_head(t: Token) -> bool:
    low = t.low
    return (t.text[0].isdigit() or low in STANCE_NOUNS or low in COUNT_WORDS
            or (not t.text[0].isupper() and bool(_ABSTRACT.match(low)) and low not in PRONOUN_FORMS))


COUNT_WORDS = frozenset("""
satu dua tiga empat lima enam tujuh delapan sembilan sepuluh belasan puluhan ratusan
ribuan beberapa sejumlah berbagai
""".split())
PRONOUN_FORMS = frozenset({"dirinya", "pihaknya", "mereka", "dia", "ia", "beliau", "nya"})


def _after_comma(toks: Sequence[Token], i: int) -> bool:
    """The cue follows a comma (or the ? or ! of a quoted question), possibly with a closing
    quote mark between (``, " kata``, ``? katanya``)."""
    k = i - 1
    while k >= 0 and toks[k].text in QUOTE_CHARS:
        k -= 1
    return k >= 0 and toks[k].text in ",?!"


DEMIKIAN_NEXT = frozenset({"pernyataan", "keterangan", "kata", "laporan", "dikatakan", "disampaikan",
                           "dilaporkan", "diungkapkan", "disebutkan"})


def _demikian_cue(toks: Sequence[Token], i: int) -> bool:
    """", demikian pernyataan/keterangan X": the statement's source after its words."""
    return toks[i].low == "demikian" and i + 1 < len(toks) and toks[i + 1].low in DEMIKIAN_NEXT


def _voices_idea(toks: Sequence[Token], i: int) -> bool:
    """"mengapungkan ide bahwa", "menyampaikan kekhawatiran bahwa": verb + speech noun + bahwa."""
    return (i + 2 < len(toks) and toks[i + 1].low in SPEECH_NOUNS and toks[i + 2].low == "bahwa"
            and is_verb(toks[i]))


OPENING_PASSIVES = frozenset("""
dikatakan ditambahkan dijelaskan diungkapkan ditegaskan disampaikan dituturkan disebutkan
diakui dipaparkan diterangkan diuraikan
""".split())


def _passive_opener(toks: Sequence[Token], i: int) -> bool:
    """"Ditambahkannya, ...", "Dikatakan Bahlil, ...": a passive cue opening the sentence."""
    low = toks[i].low
    base = low[:-3] if low.endswith("nya") else low
    return base in OPENING_PASSIVES and all(t.low in CONNECTIVES or t.low in ("seperti", "sebagaimana") or t.text == ","
                                            for t in toks[:i])


def _nya_passive(toks: Sequence[Token], i: int) -> bool:
    """"insiden itu dinilainya sebagai ...", "hal itu dikatakannya bahwa ..."."""
    low = toks[i].low
    return (i > 0 and low.endswith("nya") and (low[:-3] in PASSIVE_CUES or low[:-3] in ("dinilai", "dianggap"))
            and i + 1 < len(toks) and toks[i + 1].low in ("sebagai", "bahwa"))


def _passive_by_nya(toks: list[Token], i: int, res: Resolver) -> Optional[Found]:
    c = 0
    while c < i and (toks[c].low in CONNECTIVES or not is_word(toks[c])):
        c += 1
    e = _content_end(toks, i)
    if c >= i or e <= i + 2:
        return None
    speaker = res.pronoun(toks[i], suffix=True, before=toks[0].start)
    return Found(speaker, toks[i].text, (toks[c].start, toks[e - 1].end), (toks[0].start, toks[e - 1].end), False, 0.75)


def _opening_passive(toks: list[Token], i: int, res: Resolver) -> Optional[Found]:
    if toks[i].low.endswith("nya"):
        speaker, b = res.pronoun(toks[i], suffix=True, before=toks[0].start), i + 1
    else:                                # "Dikatakan Hendra, ...", "Seperti dikatakan, X di Y, Jumat, ..."
        at = i + 2 if i + 1 < len(toks) and toks[i + 1].text == "," else i + 1
        span = _speaker_phrase(toks, at)
        if span is None:
            return None
        span = _with_apposition(toks, span, res)
        speaker, b = _actor(toks, span, res) or _plain(toks, span, res), _skip_adjuncts(toks, span[1])
    if speaker is None or b >= len(toks) or toks[b].text not in ",:":
        return None
    c, e = b + 1, _content_end(toks, b + 1)
    if e <= c:
        return None
    return Found(speaker, toks[i].text, (toks[c].start, toks[e - 1].end), (toks[0].start, toks[e - 1].end), False, 0.8)


def _passive(toks: list[Token], i: int, res: Resolver) -> Optional[Found]:
    """"digambarkan oleh para pemimpin Mali sebagai ...", "Dalam situs X dijelaskan bahwa ..."."""
    if i + 1 < len(toks) and toks[i + 1].low == "oleh":
        span = phrase_after(toks, i + 2, max_len=8)
        speaker = _actor(toks, span, res) if span else None
        c = span[1] if span else i + 2
        if c < len(toks) and toks[c].low in ("sebagai", "bahwa"):
            c += 1
    elif i + 1 < len(toks) and toks[i + 1].low == "bahwa" and toks[0].low in ("dalam", "menurut", "di"):
        comma = next((k for k in range(1, i) if toks[k].text == ","), i)
        span = (1, comma)
        speaker = _actor(toks, span, res) or _plain(toks, span, res)
        c = i + 2
    else:
        return None
    e = _content_end(toks, c)
    if speaker is None or c >= e:
        return None
    return Found(speaker, toks[i].text, (toks[c].start, toks[e - 1].end), (toks[0].start, toks[e - 1].end), False, 0.75)


def _bahwa_follows(toks: Sequence[Token], i: int) -> bool:
    for k in range(i + 1, min(i + 7, len(toks))):
        if toks[k].low == "bahwa" or (k == i + 1 and toks[k].text in ",:"):
            return True
        if toks[k].text in ",;.":
            return False
    return False


def _pre_posed(toks: list[Token], i: int, inside: set[int], res: Resolver) -> Optional[Found]:
    hit = _subject_of_cue(toks, i, res)
    if hit is None:
        return None
    speaker, cue, conf = hit
    c = _content_start(toks, i + 1)
    content_end = _content_end(toks, c)
    if c < content_end and c in inside:
        return None                              # the quotation itself is a direct quote
    timed = c >= content_end or all(t.low in TIME_WORDS or not is_word(t) for t in toks[c:content_end])
    if not timed and toks[i].low not in SAY_CUES and toks[c].low in PREPOSITIONS and not _clause_follows(toks, c + 1) \
            and not any(t.text == "," for t in toks[c:content_end]):
        return None                  # "melaporkan dalam situs webnya Ahad", "menyatakan dalam bentuk tertulis X"
    if timed:
        lead = _leading_content(toks, speaker)
        if lead is None:
            return None
        return Found(speaker, cue, lead, (toks[0].start, toks[content_end - 1].end), False, conf * 0.9)
    return Found(speaker, cue, (toks[c].start, toks[content_end - 1].end),
                 (speaker.start or toks[c].start, toks[content_end - 1].end), False, conf, toks[i].start)


def _content_start(toks: Sequence[Token], c: int) -> int:
    # "memperingatkan Lecornu bahwa", "menuduh Moskow berencana": skip to "bahwa" if near
    for k in range(c, min(c + 6, len(toks))):
        if toks[k].low == "bahwa":
            c = k + 1
            break
        if toks[k].text in ",;" or (k > c and (is_verb(toks[k]) or toks[k].low in PREDICATE_WORDS)) \
                or (k == c and is_verb(toks[k])):
            break                    # "menyatakan terdapat bukti nyata bahwa ...": bahwa belongs to bukti
    while c < len(toks) and toks[c].text in ",:":
        c += 1
    return c


def _content_end(toks: Sequence[Token], c: int) -> int:
    e = len(toks)
    while e > c and not is_word(toks[e - 1]) and toks[e - 1].text not in QUOTE_CHARS:
        e -= 1
    return e


def _leading_content(toks: Sequence[Token], speaker: Actor) -> Optional[tuple[int, int]]:
    """Inverted order: the clause before ``, SPEAKER cue``."""
    k = next((i for i, t in enumerate(toks) if t.start >= (speaker.start or 0)), 0)
    if k < 2 or toks[k - 1].text not in ",":
        return None
    first = 0
    while first < k - 1 and toks[first].text in QUOTE_CHARS:
        first += 1
    last = k - 2
    while last > first and (toks[last].text in QUOTE_CHARS or toks[last].text == ","):
        last -= 1
    return (toks[first].start, toks[last].end) if last > first else None


def _parenthetical_cue(toks: Sequence[Token], i: int) -> bool:
    """"Kata Ali, ..." or "Dengan itu kata dia, ...": a cue and speaker followed by a comma."""
    span = phrase_after(toks, i + 1, max_len=6, allow_pp=False)
    return span is not None and span[1] < len(toks) - 2 and toks[span[1]].text == ","


def _post_posed(toks: list[Token], i: int, res: Resolver) -> Optional[Found]:
    low = toks[i].low
    if low in NYA_CUES:                  # the antecedent is before the quoted words
        speaker, conf = res.pronoun(toks[i], suffix=True, before=toks[0].start), 0.8
    else:
        at = i + 2 if low == "demikian" and toks[i + 1].low.startswith("di") else i + 1   # "demikian dikatakan X"
        span = _speaker_phrase(toks, at)
        speaker = (_actor(toks, _with_apposition(toks, span, res), res) or _plain(toks, span, res)) if span else None
        if span and span[1] - span[0] == 1 and toks[span[0]].low in PRONOUNS:
            speaker = res.pronoun(toks[span[0]], before=toks[0].start)
        conf = 0.9
    if speaker is None or (low in AMBIGUOUS_POST_CUES and _predicate_after_speaker(toks, speaker)):
        return None                      # ", yakin Golkar akan ...": a verb of belief, not a cue
    first, last = 0, i - 2
    while last > first and not is_word(toks[last]):
        last -= 1
    after = _after_speaker(toks, i, speaker)
    named = any(t.text.isupper() and len(t.text) > 1 for t in toks[first:last + 1]) or \
        bool(res.inside(toks[first].start, toks[last].end))
    if after is not None and all(t.low in CONNECTIVES or not is_word(t) for t in toks[first:last + 1]) and not named:
        first, last = after                # "Namun, kata Ali, PT INTI mengalami kendala."
    elif after is not None:
        last = after[1]                    # "OPEC, kata Bambang, bukan ...", "Sejak awal, kata Agung, ..."
    if last <= first:
        return None
    return Found(speaker, toks[i].text, (toks[first].start, toks[last].end), (toks[0].start, toks[last].end), False, conf)


AMBIGUOUS_POST_CUES = frozenset({"yakin", "jelas", "tegas", "lanjut", "tambah", "terang", "klaim", "sebut"})


def _predicate_after_speaker(toks: Sequence[Token], speaker: Actor) -> bool:
    k = next((j for j, t in enumerate(toks) if t.start >= (speaker.end or 0)), len(toks))
    return k < len(toks) and toks[k].low in PREDICATE_WORDS and toks[k].low not in ("hanya", "terus")


def _after_speaker(toks: Sequence[Token], i: int, speaker: Actor) -> Optional[tuple[int, int]]:
    """The words after ", kata X ," when the cue sits inside the sentence."""
    k = next((j for j in range(i + 1, len(toks)) if toks[j].start >= (speaker.end or toks[i].end)), len(toks))
    k = _skip_adjuncts(toks, k)
    if k >= len(toks) - 1 or toks[k].text != ",":
        return None
    last = len(toks) - 1
    while last > k and not is_word(toks[last]):
        last -= 1
    return (k + 1, last) if last > k + 1 else None


ADJUNCT_OPENERS = frozenset({"di", "pada", "kepada", "saat", "ketika", "dalam", "usai", "seusai", "seperti", "sebagaimana"})
WEEKDAYS = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"})


def _skip_adjuncts(toks: Sequence[Token], k: int, window: int = 12) -> int:
    """After a speaker, step over "di Jakarta" or "kepada wartawan" and ", Selasa (7/7)" to
    the comma that ends the parenthetical cue (``k`` itself when there is none)."""
    j = k
    if j < len(toks) and toks[j].low in ADJUNCT_OPENERS:
        j = _next_punct(toks, j, k + window)
        if j >= len(toks) or toks[j].text != ",":
            return k
    if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].low in WEEKDAYS:
        n = _next_punct(toks, j + 1, j + 8)
        if n < len(toks) and toks[n].text == ",":
            return n
    return j


def _next_punct(toks: Sequence[Token], j: int, limit: int) -> int:
    while j < min(len(toks), limit) and toks[j].text not in ",.;:!?":
        j += 1
    return j


def _not_source(t: Token) -> bool:
    low = t.low
    return low in NOT_SOURCES or (low.endswith("nya") and low[:-3] in NOT_SOURCES)


def _name_then_clause(toks: Sequence[Token], span: tuple[int, int]) -> tuple[int, int]:
    """"menurut POTM biaya itu ...": without a comma the speaker is the capitalised run;
    "menurut saya kita tidak perlu ...": the pronoun."""
    a, b = span
    if b < len(toks) and toks[b].text == ",":
        return span
    if toks[a].low in SPEAKER_PRONOUNS and b > a + 1:
        return a, a + 1
    k = a
    while k < b and toks[k].text[0].isupper():
        k += 1
    return (a, k) if a < k < b else span


def _menurut(toks: list[Token], i: int, res: Resolver) -> Optional[Found]:
    if toks[i].low == "menurutnya":      # "Menurutnya, ...": the person named before
        span = (i + 1, i + 1)
        speaker = res.pronoun(toks[i], suffix=True, before=toks[0].start)
    else:
        span = _speaker_phrase(toks, i + 1)
        span = _name_then_clause(toks, span) if span else None
        speaker = (_actor(toks, _with_apposition(toks, span, res), res) or _plain(toks, span, res)) if span else None
    if speaker is None or (span[1] > span[0] and _not_source(toks[span[0]])):
        return None
    opening = all(t.text in QUOTE_CHARS or t.text == "," or t.low in CONNECTIVES or t.low == "masih" for t in toks[:i])
    if span[1] < len(toks) and is_word(toks[span[1]]) and _clause_follows(toks, span[1]):
        c = span[1] if opening else 0          # "Menurut POTM biaya itu sangat tinggi": no comma
        e = _content_end(toks, span[1])         # "Untuk X , menurut dia diperkirakan ...": both sides
        return Found(speaker, "menurut", (toks[c].start, toks[e - 1].end), (toks[0].start, toks[-1].end), False, 0.8)
    b = _with_apposition(toks, span, res)[1]
    if b < len(toks) and toks[b].text == "," and opening:
        c, e = b + 1, _content_end(toks, b + 1)
    elif i >= 2 and toks[i - 1].text == "," or (i >= 2 and toks[i - 1].low == "demikian"):
        c, e = 0, i - 1 if toks[i - 1].text == "," else i - 2
        while e > c and not is_word(toks[e - 1]):
            e -= 1
    elif i >= 2 and is_word(toks[i - 1]) and b < len(toks) - 1 and toks[b].text == ",":
        c, e = 0, _content_end(toks, b + 1)      # "Ide itu menurut Riefky , lahir dari ..."
    else:
        return None
    if e <= c:
        return None
    return Found(speaker, "menurut", (toks[c].start, toks[e - 1].end), (toks[0].start, toks[-1].end), False, 0.85)


def _dedupe(found: list[Found]) -> list[Found]:
    """One quote per content start and speaker: the first (outermost) cue wins; another
    speaker of the same words is kept for the nesting rules to judge ("..., ini menurut
    kami, ucap Nurul")."""
    seen, out = set(), []
    for f in found:
        key = (f.content[0], _start_of(f.speaker))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
