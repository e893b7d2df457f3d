"""PLOVER events from an Indonesian predicate lexicon and syntax-light clause structure.

For each sentence: find lexicon triggers (longest match), drop those inside the complement
of a controlling predicate ("siap membantu" is one AGREE, "meminta ... untuk memerangi" one
REQUEST), then read the roles off the clause by the trigger's voice:
- act:  source = the subject before the predicate; target = its object, or the object of
        dengan/kepada/terhadap/ke/untuk after it ("pp" entries only take the latter);
- pas:  target = the subject, source = "oleh X";
- nom:  "invasi Moskow ke Ukraina" (possessor source, prepositional target); after a light
        verb ("melakukan pembicaraan dengan") it behaves like act;
- recv: "Mali menerima bantuan dari Moskow" (source after dari, target the subject).
An event is emitted only when its source resolves to an actor; unknown targets stay None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional, Sequence

from ..model import Actor, Event, Quote, TimeExpr
from .actors import Resolver, Table, longest_match, places, roles, split
from .backrefs import GENERIC_ACTS, STANCE_TYPES, ArticleContext
from .phrases import _nominal  # noqa: the phrase finder's notion of a nominal word
from .phrases import (AUX, CLAUSE_WORDS, DETERMINERS, FUTURE, HYPOTHETICAL, NEGATORS, PUNCT_STOP, QUOTE_CHARS, TARGET_PREPS,
                      is_verb, is_word, phrase_after, subject_before, verb_form)
from .timex import date_for_span
from .tokens import Sentence, Token

LIGHT_VERBS = frozenset("""
melakukan mengadakan menggelar menyelenggarakan melangsungkan menjalin memberikan memberi
melancarkan menjatuhkan mengumumkan menyampaikan menunjukkan menyatakan mengungkapkan
mengajukan meluncurkan memulai melanjutkan menawarkan menegaskan menekankan
""".split())
NOT_AN_ACT = frozenset({"berkomentar", "menjawab", "menanggapi", "memberikan", "dikonfirmasi"})
SUBORDINATORS = ("setelah", "sesudah", "sebelum", "usai", "sambil", "seraya", "sejak", "dengan",
                 "untuk", "guna", "demi", "agar")
CONTROL_WORDS = frozenset({"siap", "bersedia", "berencana", "mulai", "berupaya", "berusaha", "sepakat", "berjanji", "berkomitmen"})
HOSTILE_ACTS = frozenset({"SANCTION", "COERCE", "ASSAULT", "THREATEN"})
AUDIENCE = frozenset({"wartawan", "jurnalis", "awak", "media", "pers", "publik", "hadirin"})
NEED_TARGET = frozenset({"ASSAULT", "AID", "THREATEN", "COERCE"})   # an attack, aid, threat or arrest is always of someone
STATE_OF = frozenset({"hubungan", "sejarah", "tradisi"})
CONTINUATION = frozenset({"tetap", "terus", "melanjutkan", "mempertahankan"})
DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
# verbs that take another verb as their complement and share its subject
# ("Jepang mengumumkan akan memberikan bantuan", "Thailand memutuskan untuk mengusir")
CATENATIVE = frozenset({"siap", "bersedia", "berencana", "mulai", "mengumumkan", "memutuskan", "berupaya", "berusaha",
                        "mencoba", "berniat", "bermaksud", "berharap", "memilih", "enggan", "menyatakan", "berhasil",
                        "gagal"})
# words after which a noun trigger is a topic, an assessment or a plan, not an event
TOPIC_VERBS = frozenset({"membahas", "mendiskusikan", "menilai", "memperkirakan", "memprediksi", "mengkhawatirkan",
                         "khawatir", "tentang", "mengenai", "soal", "terkait", "perihal", "isu", "menyelidiki",
                         "menganalisis", "mempertimbangkan", "mengantisipasi", "mencegah", "menghindari"})
PLANNED = frozenset({"upaya", "rencana", "kemungkinan", "wacana", "gagasan", "usulan", "proposal", "ide", "tawaran", "ajakan"})
# heads of phrases that name a thing or an act, not someone ("tujuan teroris", "pertukaran
# intelijen militer"); pe-/per-/ke-...-an nominalisations are caught by their shape
ABSTRACT_HEADS = frozenset({"tujuan", "rencana", "upaya", "isu", "masalah", "hal", "soal", "program", "proyek",
                            "langkah", "sikap", "kasus", "situasi", "kondisi", "topik", "agenda", "target"})
_NOMINALISATION = re.compile(r"^(pe|ke)[a-z]{3,}an$")
VICTIM_VERBS = frozenset({"tewas", "terbunuh", "terluka", "cedera", "luka-luka", "meninggal", "gugur", "menjadi korban"})
ENVOY = re.compile(r"\b(duta besar|dubes|diplomat|kuasa usaha)")
PROTEST_AIMS = frozenset({"menuntut", "menolak", "mendesak", "memprotes", "mengecam", "menentang", "melawan"})
VENUES = frozenset({"gedung", "kantor", "istana", "kedutaan", "markas", "kompleks"})
OWNED_NOUNS = frozenset({"negara", "pemerintah", "pasukan", "tentara", "militer", "pihak", "kementerian", "delegasi"})
QUANTIFIERS = frozenset({"ribuan", "ratusan", "puluhan", "jutaan", "sebagian", "beberapa", "sejumlah", "seluruh",
                         "semua", "lebih", "dari", "sekitar", "hingga", "tambahan", "ribu", "ratus", "puluh", "juta"})
CONDEMNING = frozenset("""kejahatan provokasi provokatif pelanggaran agresi terorisme teroris genosida pembantaian
propaganda kebohongan bohong ilegal tidak berdasar berbahaya ancaman biadab brutal penjajah penjajahan bermusuhan permusuhan
tersangka terdakwa pengkhianat tirani diktator penjahat pembohong koruptor musuh""".split())
INTENSIFIERS = frozenset({"keras", "tegas", "habis-habisan", "sekeras-kerasnya", "sepenuhnya", "penuh"})
STANCES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "CONSULT", "PROTEST"})   # not AGREE: agreeing to sanctions is the sanction
FRONTED = frozenset({"menurut", "pada", "tanggal", "sejak", "dalam", "di", "saat", "ketika", "sebelumnya", "kemudian"})
TIME_WORDS = frozenset("""senin selasa rabu kamis jumat sabtu minggu ahad januari februari maret april mei juni
juli agustus september oktober november desember pagi siang sore malam pekan lalu kemarin""".split())
SPEECH_TAGS = frozenset({"kata", "ujar", "ucap", "tutur", "lanjut", "imbuh", "menurut", "katanya", "ujarnya"})
READINESS = frozenset({"siap", "bersedia"})
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})   # "A dan B sepakat": A -> B
PRONOUN_SOURCES = frozenset({"ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku", "keduanya", "nya",
                             "kedua pihak", "kedua negara", "kedua pemimpin", "kedua menteri"})
STATE_HEADS = frozenset({"negara", "negara-negara", "pemerintah", "pemerintahan", "pemimpin", "pihak", "rekan-rekannya"})
COUNTED = frozenset({"dua", "tiga", "empat", "lima", "kedua", "ketiga", "keempat", "kelima"})
FIRST_PERSON = frozenset({"kami", "kita", "saya", "aku"})
CONTEXT_WORDS = {
    "terrorism": ("teroris", "terorisme", "kontraterorisme", "anti-teroris", "ekstremisme", "isis", "jihadis"),
    "cyber": ("siber", "peretas", "peretasan", "serangan siber"),
    "military": ("militer", "pasukan", "tentara", "senjata", "pertahanan", "rudal", "angkatan", "perang"),
    "economic": ("ekonomi", "perdagangan", "investasi", "tarif", "ekspor", "impor", "energi"),
    "diplomatic": ("diplomatik", "diplomasi", "duta", "kedutaan", "bilateral", "menlu", "luar negeri"),
    "rights": ("hak asasi", "ham"),
    "election": ("pemilu", "pemilihan"),
    "refugee": ("pengungsi", "mengungsi"),
    "cbrn": ("nuklir", "kimia", "biologi"),
}


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    type: str
    mode: Optional[str]
    context: Optional[str]
    voice: str
    flags: frozenset[str]


@functools.cache
def lexicon() -> Table:
    text = resources.files("warta.resources.events").joinpath("triggers.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        words = tuple(cols[0].lower().split())
        out[words] = Trigger(words, cols[1], cols[2] or None, cols[3] or None, cols[4] or "act",
                             frozenset(f for f in cols[5].split(",") if f))
    return Table(out)


@dataclass(slots=True)
class Match:
    trigger: Trigger
    start: int                        # token index of the first trigger word
    end: int                          # token index after the last
    anchor: int                       # where the subject is looked for (light verb or start)
    voice: str
    nya: bool = False                 # the trigger word carries -nya ("mendesaknya": its object)


def find_triggers(toks: Sequence[Token]) -> list[Match]:
    return _drop_controlled(toks, all_triggers(toks))


def all_triggers(toks: Sequence[Token]) -> list[Match]:
    """Every lexicon trigger of a sentence, also those inside a controlling predicate's
    complement (which ``find_triggers`` drops)."""
    words = [t.low for t in toks]
    lex = lexicon()
    first = lex.first
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w not in first and not (len(w) > 7 and w.endswith("nya")):
            i += 1                         # no key starts here, no -nya form (speed only)
            continue
        n, trig = longest_match(words, i, lex, max_len=4)
        if trig is None and i + 2 < len(words) and _quantity(words[i + 1]):
            n, trig = _across_quantity(words, i, lex)   # "mengirim ribuan tentara", "menarik sebagian pasukannya"
        nya = False
        if trig is None and words[i].endswith("nya") and len(words[i]) > 7:
            trig = lex.get((words[i][:-3],))          # "kesediaannya", "mendesaknya"
            n, nya = 1, trig is not None
        if trig is None:
            i += 1
            continue
        out.append(_with_light_verb(toks, Match(trig, i, i + n, i, trig.voice, nya)))
        i += n
    return out


def _quantity(word: str) -> bool:
    return word[:1].isdigit() or word in QUANTIFIERS


def _across_quantity(words: Sequence[str], i: int, lex: Table) -> tuple[int, Optional[Trigger]]:
    """A two-word trigger with a quantity between its verb and its noun: (span, trigger)."""
    j = i + 1
    while j < len(words) and j - i <= 3 and _quantity(words[j]):
        j += 1
    if j >= len(words):
        return 0, None
    for noun in (words[j], words[j][:-3] if words[j].endswith("nya") else None):
        trig = lex.get((words[i], noun)) if noun else None
        if trig is not None:
            return j + 1 - i, trig
    return 0, None


def _with_light_verb(toks: Sequence[Token], m: Match) -> Match:
    if m.voice != "nom":
        return m
    j = m.start - 1
    while j >= 0 and (toks[j].low in AUX or toks[j].low in ("sebuah", "suatu", "aksi")):
        j -= 1
    if j >= 0 and toks[j].low in LIGHT_VERBS:
        return Match(m.trigger, m.start, m.end, j, "act", m.nya)
    return m


def _drop_controlled(toks: Sequence[Token], ms: list[Match]) -> list[Match]:
    """A trigger inside the complement of an earlier controlling one is not its own event."""
    out: list[Match] = []
    for m in ms:
        ctrl = next((c for c in out if "ctrl" in c.trigger.flags and c.end <= m.start
                     and not (c.voice == "modal" and _self_exhortation(toks, c.start))), None)
        coordinated = ctrl is not None and _after_conjunction(toks, m.start) and not _inside_complement(toks, ctrl.end, m.start)
        if ctrl is not None and _same_clause(toks, ctrl.end, m.start) and m.start - ctrl.end <= 8 and not coordinated:
            if ctrl.trigger.type == "AGREE" and m.trigger.type in HOSTILE_ACTS and m.start - ctrl.end <= 2:
                out[out.index(ctrl)] = Match(m.trigger, m.start, m.end, ctrl.anchor, "act")
            continue                       # "sepakat memperpanjang sanksi" is the sanction
        out.append(m)
    return out


def _inside_complement(toks: Sequence[Token], a: int, b: int) -> bool:
    """"menuduh Iran menggerakkan kekerasan serta membantu pemberontak": a verb of the
    complement before the conjunction makes the coordinated verb part of the complement
    (unless the complement is a "bahwa" clause, which the conjunction closes)."""
    span = toks[a:b]
    return any(is_verb(t) for t in span[1:]) and not any(t.low == "bahwa" for t in span)


def _after_conjunction(toks: Sequence[Token], i: int) -> bool:
    """"... membantah bahwa ... dan telah meminta": a predicate coordinated with the
    controlling one (auxiliaries between) is its own event, not part of the complement."""
    j = i - 1
    while j >= 0 and toks[j].low in AUX:
        j -= 1
    return j >= 0 and toks[j].low in ("dan", "serta", "tetapi", "namun")


def _self_exhortation(toks: Sequence[Token], i: int) -> bool:
    """"Kita harus bekerja sama dengan Jepang": a "must" said of oneself is no demand, so
    the act it governs stays an event of its own."""
    j = i - 1
    while j >= 0 and toks[j].low in AUX:
        j -= 1
    return j < 0 or toks[j].low in FIRST_PERSON or toks[j].text in PUNCT_STOP | QUOTE_CHARS


def _same_clause(toks: Sequence[Token], a: int, b: int) -> bool:
    return not any(toks[k].text in ".;" for k in range(a, b))


# --- events ------------------------------------------------------------------------------

def find_events(body: str, resolver: Resolver, quotes: Sequence[Quote] = (),
                times: Sequence[TimeExpr] = (), published: Optional[str] = None) -> list[Event]:
    resolver.context = ArticleContext(resolver, quotes, [])   # earlier sentences, for back-references
    try:
        return _article_events(body, resolver, quotes, times, published)
    finally:
        resolver.context = None            # only while this runs; and no cycle resolver <-> context
                                           # keeping the article's actors for the garbage collector


def _article_events(body: str, resolver: Resolver, quotes: Sequence[Quote],
                    times: Sequence[TimeExpr], published: Optional[str]) -> list[Event]:
    out = resolver.context.events
    seen = set()                           # one event per type, source and target (state) per article
    for sent, all_toks in split(body):
        toks = list(all_toks[:400])        # a run-on "sentence": code its beginning only
        by_trigger: dict[tuple, int] = {}  # (type, source state, target state) -> trigger start
        found = all_triggers(toks)
        matches = _drop_controlled(toks, list(found))
        repeated = _repeated_acts(toks, resolver) if "melakukan hal" in sent.text.lower() else []
        for m in matches + repeated:
            for ev in _events_for(body, sent, toks, m, resolver, quotes, times, published):
                _answer_accusation(ev, out)
                key = (ev.type, _key(ev.source), _key(ev.target))
                local = (ev.type, _key(ev.source), _target_state(ev.target))
                states = (ev.type, _state(ev.source), _state(ev.target))
                restated = by_trigger.get(states, m.start) != m.start   # a second trigger restating the event
                if key not in seen and local not in seen and not restated and not _empty(ev):
                    seen.update((key, local))
                    if states[1] and states[2]:
                        by_trigger[states] = m.start
                    out.append(ev)
        resolver.context.acts += [(toks, m) for m in found if m.trigger.type not in STANCE_TYPES]
    return _drop_untargeted_repeats(out)


REPEATED_ACT = frozenset({"tersebut", "itu", "serupa", "ini"})


def _repeated_acts(toks: Sequence[Token], res: Resolver) -> list[Match]:
    """"Prancis tak berencana melakukan hal tersebut": doing "that" is the latest act told
    in an earlier sentence (its type; its target when the sentence names none)."""
    acts = res.context.acts
    out = []
    for i in range(len(toks) - 2):
        if toks[i].low == "melakukan" and toks[i + 1].low == "hal" and toks[i + 2].low in REPEATED_ACT and acts:
            prev = acts[-1][1].trigger
            trig = Trigger(tuple(t.low for t in toks[i:i + 3]), prev.type, prev.mode, prev.context, "act", frozenset({"repeat"}))
            out.append(Match(trig, i, i + 3, i, "act"))
    return out


def _drop_untargeted_repeats(events: list[Event]) -> list[Event]:
    """"Kami siap bekerja sama" beside "Senegal berkomitmen ... dengan Rusia": an event with
    no target restates one of the same type by the same side that has a target."""
    def side(a: Optional[Actor]) -> Optional[str]:
        return None if a is None else (a.country or _key(a))
    targeted = {(e.type, side(e.source)) for e in events if e.target is not None}
    return [e for e in events if e.target is not None or (e.type, side(e.source)) not in targeted]


def _state(actor: Optional[Actor]) -> Optional[str]:
    return actor.country if actor is not None else None


def _target_state(target: Optional[Actor]) -> Optional[str]:
    """A place target counts as its state ("Riyadh" = "pejabat Saudi"); a person as itself."""
    if target is None:
        return None
    if target.country and (tuple(target.text.lower().split()) in places() or not target.canonical):
        return target.country
    return _key(target)


def _answer_accusation(ev: Event, earlier: list[Event]) -> None:
    """A denial with no named target answers the latest accusation against its source's
    state ("Washington menuduh Moskow ..." / "Kremlin telah membantah ...")."""
    if ev.type != "REJECT" or ev.target is not None or ev.source is None or not ev.source.country:
        return
    for prev in reversed(earlier):
        if prev.type == "ACCUSE" and prev.target is not None and prev.target.country == ev.source.country and prev.source:
            ev.target = prev.source
            ev.confidence = round(ev.confidence * 0.8, 2)
            return


def _empty(ev: Event) -> bool:
    """A bare pronoun doing something to nobody says nothing an analyst can use; a state or
    leader referred back to ("kedua menteri", "ketiga negara tersebut") that resolved to
    nobody is a side the sentence does not name, so the event cannot be coded."""
    src = ev.source
    unresolved = src is not None and not (src.canonical or src.country) and src.text.lower() in PRONOUN_SOURCES
    return (unresolved and ev.target is None) or _unnamed_state(src) or _unnamed_state(ev.target)


def _unnamed_state(actor: Optional[Actor]) -> bool:
    if actor is None or actor.canonical or actor.country:
        return False
    words = actor.text.lower().split()
    back = any(w in DEMONSTRATIVES for w in words) or words[0] in COUNTED
    return back and any(w in STATE_HEADS or getattr(roles().get((w,)), "kind", "") == "person" for w in words)


def _key(a: Optional[Actor]) -> Optional[str]:
    return None if a is None else (a.canonical or a.text).lower()


def _events_for(body: str, sent: Sentence, toks: list[Token], m: Match, res: Resolver,
                quotes: Sequence[Quote], times: Sequence[TimeExpr], published: Optional[str]) -> Iterable[Event]:
    nxt = toks[m.end].low if m.end < len(toks) else ""
    after = toks[m.end + 1].low if nxt == "untuk" and m.end + 1 < len(toks) else nxt   # "menolak untuk berkomentar"
    if (m.trigger.type == "REJECT" and after in NOT_AN_ACT) or (nxt == "diri" and len(m.trigger.words) == 1 and m.trigger.type != "AGREE"):
        return []                          # "menolak berkomentar", "menahan diri"
    prev = toks[m.start - 1].low if m.start else ""
    if m.voice == "nom" and (nxt in DEMONSTRATIVES or prev in STATE_OF or _owner_referred_back(toks, m.end)):
        return []                          # "dalam pertemuan itu" refers back; "hubungan kerja sama" is a state
    if _topic_of(toks, m):
        return []                          # "membahas upaya gencatan senjata": talked about, not done
    if m.trigger.words[0] in READINESS and not (nxt in ("untuk", "akan") or verb_form(nxt) or nxt.startswith("be")):
        return []                          # "stoknya sudah siap": ready, not willing to act
    quote = _quote_at(quotes, toks[m.start].start)
    claimant = quote.speaker if quote is not None else None
    if quote is not None:                  # roles come from the quoted words, not the attribution
        toks = [t for t in toks if t.end <= quote.content_end]
    roles = _roles(toks, m, res, claimant)
    if roles is None:
        return []
    source, targets = roles
    if not _actor_head(source):
        return []
    targets = [t for t in targets if _actor_head(t)]
    targets = [side for t in targets for side in (res.context and res.context.sides_of(t)) or [t]]
    targets = [t for t in targets if not _own_country(source, t) and t.text.lower().split()[0] not in AUDIENCE]
    if not targets:
        targets = _referred_back(toks, m, res, source)
    if not targets and m.trigger.type == "THREATEN":
        targets = _warned_about(toks, m.end, res, source) or _states_behind(toks, m.end, res, source)
    if not targets and m.trigger.type == "ASSAULT" and "goal" not in m.trigger.flags:
        place = _place_target(toks, m.end, res)
        targets = [place] if place is not None else []
    if not targets and m.trigger.type == "PROTEST":
        targets = _protested(toks, m.end, res, source)
    if not targets:
        targets = _pair_partner(toks, m.end, source)
    if "goal" in m.trigger.flags and _quantity_object(toks, m.end):
        return []                          # "menargetkan 3 juta turis": a goal figure, not a victim
    if "person" in m.trigger.flags:        # "menerima Menlu China": a host receives people, not reports
        targets = [t for t in targets if (_is_person(t, res) or _person_title(t)) and not _taken_as(toks, t)]
    if "label" in m.trigger.flags:         # "menyebut serangan Israel sebagai kejahatan"
        if not _labelled_badly(toks, m.end):
            return []
        targets = _labelled(toks, m, res, source) or _referred_back(toks, m, res, source)
        if not targets:
            return []
    if "envoy" in m.trigger.flags:         # "duta besar Israel dipanggil oleh Turki", not "dipanggil polisi"
        targets = [t for t in targets if ENVOY.search(t.text.lower())]
        if not targets:
            return []
    if "state" in m.trigger.flags:         # "mengakui Palestina", not "mengakui citra artis itu"
        targets = [t for t in targets if t.country]
    if not _enough(toks, m, targets):
        return []
    events = []
    for src in _conjoined(toks, source, res) if m.trigger.type not in MUTUAL or targets else [source]:
        for target in targets or [None]:
            if target is None or _key(target) != _key(src):
                events.append(_event(body, sent, toks, m, src, target, claimant, times, published))
    return events


def _owner_referred_back(toks: Sequence[Token], i: int) -> bool:
    """"serangan kedua negara tersebut": an act whose doer is referred back to is the act
    told before, not a new one."""
    k = i
    while k < len(toks) and k < i + 4 and _nominal(toks[k]) and toks[k].low not in DEMONSTRATIVES:
        k += 1
    return k > i and k < len(toks) and toks[k].low in DEMONSTRATIVES and toks[i].low in ("kedua", "ketiga", "negara", "kelompok", "pihak")


def _cooperation_after(toks: Sequence[Token], i: int) -> bool:
    """"siap bekerja sama", "kesiapan Prancis untuk bekerja sama": an intent to cooperate."""
    words = [t.low for t in toks[i:i + 6]]
    return "bekerjasama" in words or any(a in ("bekerja", "kerja") and b == "sama" for a, b in zip(words, words[1:]))


def _referred_back(toks: list[Token], m: Match, res: Resolver, source: Actor) -> list[Actor]:
    """A side the sentence leaves to the article: what is criticised is an act named before
    ("mengutuk serangan itu", "menyebut langkah tersebut sebagai ..."), whose doer is the
    target; an untargeted intent to cooperate or agree is towards the partner of the talks
    its source's side took part in ("kesiapan Prancis untuk bekerja sama")."""
    ctx = res.context
    if ctx is None:
        return []
    if "repeat" in m.trigger.flags and ctx.acts:
        prev_toks, prev = ctx.acts[-1]
        return _targets(prev_toks, prev, res)[:1]
    if m.trigger.type in ("ACCUSE", "REJECT") and m.end + 1 < len(toks) and toks[m.end + 1].low in DEMONSTRATIVES:
        noun = toks[m.end].low
        kind = lexicon().get((noun,))
        if kind is not None or noun in GENERIC_ACTS:
            doer = ctx.doer_of(noun, kind.type if kind else None, toks[m.start].start, source)
            return [doer] if doer is not None else []
    if m.trigger.type == "COOPERATE" or (m.trigger.type == "AGREE" and _cooperation_after(toks, m.end)):
        partner = ctx.partner_of(source, toks[m.start].start, m.trigger.type)
        return [partner] if partner is not None else []
    return []


def _topic_of(toks: Sequence[Token], m: Match) -> bool:
    """A noun trigger that is what someone talks, thinks or plans about ("membahas upaya
    gencatan senjata", "menilai serangan balasan Israel ... akan terbatas", "kemungkinan
    mengirim pasukan") names no event that took place."""
    j = m.start - 1
    while j >= 0 and toks[j].low in ("untuk", "sebuah", "suatu", "aksi", "para"):
        j -= 1
    if j < 0:
        return False
    if toks[j].low in PLANNED:
        return True
    return m.voice == "nom" and toks[j].low in TOPIC_VERBS


def _actor_head(actor: Actor) -> bool:
    """"tujuan teroris", "pertukaran intelijen militer": a phrase headed by a thing or an
    act, with a role word only as a modifier and no state or name, is no actor."""
    if actor.country or actor.canonical:
        return True
    words = actor.text.lower().split()
    k = next((k for k, w in enumerate(words) if w not in DETERMINERS and not w.isdigit()), None)
    if k is None:
        return True
    head = words[k]
    if actor.text.split()[k][:1].isupper() or _role_at(words, k):
        return True
    if _NOMINALISATION.match(head):        # "pemulangan para teroris": the act's patient is named
        k2 = next((j for j in range(k + 1, len(words)) if words[j] not in DETERMINERS and not words[j].isdigit()), None)
        return k2 is not None and _role_at(words, k2)
    return head not in ABSTRACT_HEADS


def _role_at(words: Sequence[str], k: int) -> bool:
    return any(roles().get(tuple(words[k:k + n])) is not None for n in (1, 2, 3))


def _hyphen_pair(tok: Token) -> Optional[tuple[Actor, Actor]]:
    """"Rusia-ASEAN", "Indonesia-Jepang": two states or bodies joined by a hyphen."""
    parts = tok.text.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return None
    found = [places().get(tuple(p.lower().split())) for p in parts]
    if not all(f is not None and f.code for f in found):
        return None
    mid = tok.start + len(parts[0])
    return (Actor(parts[0], tok.start, mid, country=found[0].code, sector=found[0].sector),
            Actor(parts[1], mid + 1, tok.end, country=found[1].code, sector=found[1].sector))


def _pair_partner(toks: Sequence[Token], i: int, source: Actor) -> list[Actor]:
    """"Lavrov memuji hubungan Rusia-ASEAN": the member of a hyphenated pair named in the
    clause that is not the source's own state."""
    for k in range(i, min(len(toks), i + 10)):
        if toks[k].text in PUNCT_STOP or toks[k].low in ("bahwa", "yang"):
            break
        pair = _hyphen_pair(toks[k])
        if pair is not None and source.country in (pair[0].country, pair[1].country) and pair[0].country != pair[1].country:
            return [pair[1] if pair[0].country == source.country else pair[0]]
    return []


def _labelled_badly(toks: Sequence[Token], i: int) -> bool:
    k = next((k for k in range(i, min(len(toks), i + 10)) if toks[k].low == "sebagai"), None)
    return k is not None and any(t.low in CONDEMNING for t in toks[k + 1:k + 4])


def _labelled(toks: list[Token], m: Match, res: Resolver, source: Actor) -> list[Actor]:
    """What is called a crime or a provocation: the doer of the act named ("serangan
    Israel"), the actor named, or for "menyebutnya" the nearest other actor before."""
    if m.nya:
        return _nya_object(toks, m, res, source)
    span = phrase_after(toks, m.end, max_len=6, allow_pp=False)
    if span is None:
        return []
    agent = _agent_of_nominal(toks, span, res)
    if agent:
        return agent
    for a in range(span[0], span[1]):
        actor = _resolve(toks, (a, span[1]), res)
        if actor is not None and (actor.country or actor.canonical) and _key(actor) != _key(source):
            return [actor]
    return []


def _protested(toks: list[Token], i: int, res: Resolver, source: Actor) -> list[Actor]:
    """"berunjuk rasa di Beograd menuntut pengunduran diri pemerintah", "... di depan gedung
    DPR menolak ...": a protest is aimed at the object of the demand that follows it, else
    at the institution it is held in front of."""
    for k in range(i, min(len(toks) - 1, i + 12)):
        if toks[k].text in ";." or toks[k].low in ("yang", "bahwa"):
            break
        if toks[k].low in PROTEST_AIMS:
            span = phrase_after(toks, k + 1, max_len=6, allow_pp=False)
            actor = _resolve(toks, span, res) if span else None
            if actor is not None and (actor.country or actor.canonical or actor.sector) and _key(actor) != _key(source):
                return [actor]
            tail = _last_actor(toks, span, res) if span and toks[k].low in ("menuntut", "mendesak") else None
            if tail is not None:
                return [tail]
        if toks[k].low == "depan" and k + 1 < len(toks):
            span = phrase_after(toks, k + 1 + (toks[k + 1].low in VENUES), max_len=5, allow_pp=False)
            actor = _resolve(toks, span, res) if span else None
            if actor is not None and (actor.country or actor.canonical):
                return [actor]
    return []


def _last_actor(toks: list[Token], span: tuple[int, int], res: Resolver) -> Optional[Actor]:
    """"pengunduran diri pemerintah": the actor word closing a phrase about an act."""
    for a in range(span[0] + 1, span[1]):
        actor = _resolve(toks, (a, span[1]), res)
        if actor is not None and (actor.country or actor.canonical or actor.sector):
            return actor
    return None


CONDITIONALS = ("jika", "apabila", "kalau", "bila")


def _states_behind(toks: list[Token], i: int, res: Resolver, source: Actor) -> list[Actor]:
    """"mengancam ... terhadap latihan militer gabungan Amerika Serikat dan Korea Selatan":
    a threat against an act or a thing is aimed at the states that own it."""
    k = next((k for k in range(i, min(len(toks), i + 12)) if toks[k].low in ("terhadap", "kepada")
              or toks[k].text in ";." or toks[k].low in ("bahwa", "jika")), None)
    if k is None or toks[k].low not in ("terhadap", "kepada"):
        return []
    end = next((j for j in range(k + 1, min(len(toks), k + 12)) if toks[j].low in CLAUSE_ENDS), min(len(toks), k + 12))
    out: list[Actor] = []
    for e in res.inside(toks[k + 1].start if k + 1 < len(toks) else toks[k].end, toks[end - 1].end):
        if e.label in ("GPE", "ORG") and e.country and e.country != source.country and all(a.country != e.country for a in out):
            span = [j for j in range(k + 1, end) if toks[j].start >= e.start and toks[j].end <= e.end]
            actor = _resolve(toks, (span[0], span[-1] + 1), res) if span else None
            if actor is not None and actor.country:
                out.append(actor)
    return out


CLAUSE_ENDS = frozenset({"yang", "bahwa", ",", ".", ";", "jika", "karena", "agar", "untuk"})


def _warned_about(toks: list[Token], i: int, res: Resolver, source: Actor) -> list[Actor]:
    """"memperingatkan, Prancis akan ...": a warning's target is the subject of what it says."""
    while i < len(toks) and (toks[i].text in ",:" or toks[i].low in ("bahwa",) + CONDITIONALS):
        i += 1                             # "tidak akan tinggal diam jika Israel terus menyerang"
    if i < len(toks) and toks[i].low in ("itu", "hal") and res.context is not None and toks[i - 1].low in CONDITIONALS:
        ref = res.context.named_state_before(toks[i].start, {source.country} if source.country else set())
        return [ref] if ref is not None else []   # "akan bertindak tegas jika itu terjadi": what was told before
    span = phrase_after(toks, i, max_len=6, allow_pp=False)
    actor = _resolve(toks, span, res) if span else None
    if actor is not None and actor.country and actor.country != source.country:
        return [actor]
    return []


def _enough(toks: Sequence[Token], m: Match, targets: list[Actor]) -> bool:
    """Attacks need a victim, "needtarget" predicates a known one, and a predicate whose
    subject was carried over from another clause ("untuk memprotes", "dan menuduh") needs
    its own target to be worth a separate event."""
    if "needtarget" in m.trigger.flags:
        return bool(targets)
    return bool(targets) or not (m.trigger.type in NEED_TARGET or _inherits(toks, m.anchor))


def _inherits(toks: Sequence[Token], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].low in AUX:
        j -= 1
    return j >= 0 and toks[j].low in ("dan", "serta", "lalu", "kemudian", "yang") + SUBORDINATORS


def _conjoined(toks: Sequence[Token], actor: Actor, res: Resolver) -> list[Actor]:
    """"Amerika Serikat dan Inggris menyerang ...": one event for each named state."""
    if actor.start is None:
        return [actor]
    sides = res.context.sides_of(actor) if res.context is not None else []
    if sides:                              # "Kedua menteri mengecam ...": each side
        return sides
    idx = [k for k, t in enumerate(toks) if actor.start <= t.start and t.end <= (actor.end or 0)]
    conj = [k for k in idx if toks[k].low == "dan"]
    listed = _listed_before(toks, idx[0], res) if idx and actor.country else []
    if listed:                             # "Inggris , Prancis , dan Jerman mendesak ..."
        return listed + [actor]
    if len(conj) != 1:
        return [actor]
    left = _resolve(toks, (idx[0], conj[0]), res)
    right = _resolve(toks, (conj[0] + 1, idx[-1] + 1), res)
    if left and right and left.country and right.country:
        return [left, right]
    return [actor]


def _listed_before(toks: Sequence[Token], i: int, res: Resolver) -> list[Actor]:
    """The states listed before the last conjunct ``toks[i]`` of "A , B , dan C"."""
    j = i - 1
    if j < 1 or toks[j].low not in ("dan", "serta"):
        return []
    j -= 1 + (toks[j - 1].text == ",")
    found: list[Actor] = []
    while j >= 0 and _nominal(toks[j]):
        a = j
        while a > 0 and _nominal(toks[a - 1]) and j - a < 3:
            a -= 1
        actor = _resolve(toks, (a, j + 1), res)
        if actor is None or not actor.country:
            return []
        found.insert(0, actor)
        if a < 2 or toks[a - 1].text != ",":
            break
        j = a - 2
    starts_clause = not found or (toks[_index_of(toks, found[0])].start == toks[0].start
                                  or toks[_index_of(toks, found[0]) - 1].text in PUNCT_STOP)
    return found if found and starts_clause else []


def _index_of(toks: Sequence[Token], actor: Actor) -> int:
    return next(k for k, t in enumerate(toks) if t.start >= (actor.start or 0))


def _place_target(toks: Sequence[Token], i: int, res: Resolver) -> Optional[Actor]:
    """An attack "di Moskow" (or "ke sebuah desa di wilayah Sagaing") with no named victim
    targets the state it happened in."""
    words = [t.low for t in toks]
    for k in range(i, min(len(toks) - 1, i + 10)):
        if toks[k].text in ",;" or words[k] in ("bahwa", "dan"):
            break
        if words[k] == "di":
            n, place = longest_match(words, k + 1, places())
            if place is not None and place.code and place.code != "IGO":
                a, b = toks[k + 1], toks[k + n]
                return Actor(a.text if n == 1 else f"{a.text} {b.text}", a.start, b.end, country=place.code)
            located = [e for e in res.inside(toks[k + 1].start, toks[min(k + 4, len(toks) - 1)].end) if e.country]
            if located:
                e = located[0]
                return Actor(e.text, e.start, e.end, country=e.country)
    return None


def _own_country(source: Actor, target: Actor) -> bool:
    """"Lecornu mengungkapkan kesiapan Prancis": a person's own state is not its target."""
    return (target.country is not None and target.country == source.country
            and (target.canonical or target.text).lower() == target.text.lower()
            and tuple(target.text.lower().split()) in places())


def _roles(toks: list[Token], m: Match, res: Resolver, claimant: Optional[Actor]):
    voice = m.voice
    owned = _possessed_intent(toks, m, res) if voice == "act" and m.trigger.voice == "nom" else None
    if owned is not None:
        return owned
    if voice == "act":
        source = _subject(toks, m.anchor, res)
        targets = _nya_object(toks, m, res, source) if m.nya and m.trigger.voice == "act" else _targets(toks, m, res)
        targets = [t for t in targets if _actor_head(t)]
        if source is not None and not targets and ("pair" in m.trigger.flags or m.trigger.type in MUTUAL):
            members = res.members(source)
            if len(members) == 2:
                source, targets = members[0], [members[1]]
            else:
                source, targets = _split_pair(toks, m, res, source)
    elif voice == "modal":                 # "X mengatakan bahwa Israel harus ...": X demands of Israel
        return _demand_roles(toks, m, res, claimant)
    elif voice == "pas":
        targets = [a for a in [_subject(toks, m.anchor, res)] if a]
        source = _pp_actor(toks, m.end, res, ("oleh",)) or (_bare_agent(toks, m.end, res) if targets else None)
        if source is None and targets and claimant is not None and m.trigger.type == "ACCUSE":
            source = claimant              # "X mengatakan bahwa Y ... yang telah dituduh ...": X accuses
    elif voice == "recv":                  # "menerima dukungan Rusia", "... dari Moskow"
        targets = [a for a in [_subject(toks, m.anchor, res)] if a]
        possessor = phrase_after(toks, m.end, max_len=4, allow_pp=False)
        source = _resolve(toks, possessor, res) if possessor else None
        source = source if source is not None and source.country else _pp_actor(toks, m.end, res, ("dari",))
    else:
        return _nominal_roles(toks, m, res)
    source = _first_person(source, claimant)
    if source is None and claimant is not None and voice == "act" and _opens_clause(toks, m.anchor):
        source = claimant                  # "X mengklaim telah menembak jatuh ...": X did it
    if source is None:
        return None
    return source, targets


def _nya_object(toks: list[Token], m: Match, res: Resolver, source: Optional[Actor]) -> list[Actor]:
    """"Biden menelepon Netanyahu dan mendesaknya ...": the -nya object of a verb is the
    nearest person or state named before it that is not the verb's own subject."""
    if not m.start:
        return []
    named = res.inside(toks[0].start, toks[m.start - 1].end)
    for e in sorted(named, key=lambda e: e.end, reverse=True):
        if e.label in ("PER", "PERSON", "GPE") and (e.country or e.kb_id):
            actor = Actor(e.text, e.start, e.end, e.canonical or e.text, e.kb_id, e.country, e.sector)
            inside_source = source is not None and source.start is not None and source.start <= e.start < (source.end or 0)
            if source is None or (_key(actor) != _key(source) and not inside_source):
                return [actor]
    return []


def _bare_agent(toks: list[Token], i: int, res: Resolver) -> Optional[Actor]:
    """"Rumah sakit di Gaza dikepung pasukan Israel": the agent of a di- verb may follow it
    without "oleh" when it is a named or titled actor."""
    span = phrase_after(toks, i, max_len=6, allow_pp=False)
    actor = _resolve(toks, span, res) if span else None
    return actor if actor is not None and (actor.country or actor.canonical) and _actor_head(actor) else None


def _possessed_intent(toks: list[Token], m: Match, res: Resolver):
    """"Lecornu mengungkapkan kesiapan Prancis untuk bekerja sama dengan Rusia": an intent
    noun after a light verb whose possessor is a state or body is that possessor's intent;
    the target is the object (or the prepositional object) of its complement verb."""
    if "ctrl" not in m.trigger.flags:
        return None
    span = phrase_after(toks, m.end, max_len=4, allow_pp=False)
    owner = _resolve(toks, span, res) if span else None
    if owner is None or not owner.country or _is_person(owner, res):
        return None
    k = span[1]
    while k < len(toks) and toks[k].low in AUX | {"untuk", "agar", "guna"}:
        k += 1
    targets: list[Actor] = []
    n = longest_match([t.low for t in toks], k, lexicon(), max_len=4)[0] if k < len(toks) else 0
    if n or (k < len(toks) and is_verb(toks[k])):
        k += max(1, n)
        obj = phrase_after(toks, k, max_len=6, allow_pp=False)
        found = _conjuncts(toks, obj, res) if obj else []
        targets = [a for a in found if a.country or a.canonical] or _pp_targets(toks, k, res, TARGET_PREPS)
    return owner, targets


def _quantity_object(toks: Sequence[Token], i: int) -> bool:
    return i < len(toks) and (toks[i].low in ("sebanyak", "sekitar", "hingga", "mencapai", "minimal") or toks[i].text[0].isdigit())


def _taken_as(toks: Sequence[Token], actor: Actor) -> bool:
    """"menerima Angel sebagai calon legislator": accepted into a role, not received as a guest."""
    k = next((k for k, t in enumerate(toks) if t.start >= (actor.end or 0)), len(toks))
    return k < len(toks) and toks[k].low in ("sebagai", "menjadi")


def _person_title(actor: Actor) -> bool:
    words = actor.text.lower().split()
    return any(getattr(roles().get(tuple(words[k:k + n])), "kind", "") == "person"
               for k in range(len(words)) for n in (1, 2, 3))


def _is_person(actor: Actor, res: Resolver) -> bool:
    return actor.start is not None and any(e.label in ("PER", "PERSON") for e in res.inside(actor.start, actor.end or actor.start))


def _demand_roles(toks: list[Token], m: Match, res: Resolver, claimant: Optional[Actor]):
    """A "must" said of another state or body is a demand on it: the target is the subject
    of harus/perlu, the source whoever says it (the verb before "bahwa", else the quote's
    speaker). Said of oneself ("kita harus") it is no event."""
    nxt = next((t.low for t in toks[m.end:] if t.low not in ("segera", "dapat", "bisa")), "")
    if nxt in CONTINUATION:
        return None                        # "ASEAN harus tetap bersatu": urging, not a demand
    target = _subject(toks, m.start, res)
    if target is None or not (target.country or target.canonical) or target.text.lower() in FIRST_PERSON:
        return None
    source = _sayer(toks, m.start, res) or claimant
    if source is None or not (source.country or source.canonical) or source.country == target.country:
        return None
    return source, [target]


def _sayer(toks: list[Token], i: int, res: Resolver) -> Optional[Actor]:
    """The subject of the saying verb whose "bahwa" clause holds token ``i``."""
    k = next((k for k in range(i - 1, -1, -1) if toks[k].low == "bahwa"), None)
    if k is None or not _same_clause(toks, k, i):
        return None
    for v in range(k - 1, max(-1, k - 4), -1):
        if is_verb(toks[v]):
            return _subject(toks, v, res)
    return None


def _nominal_roles(toks: list[Token], m: Match, res: Resolver):
    span = phrase_after(toks, m.end, max_len=6, allow_pp=False)
    pair = _hyphen_pair(toks[span[0]]) if span and m.trigger.type in MUTUAL else None
    if pair is not None:                   # "perundingan Rusia-AS"
        return pair[0], [pair[1]]
    agent = _agent_of_nominal(toks, (m.start, span[1] if span else m.end), res)
    patient = _resolve(toks, span, res) if span else None
    if agent and patient is not None:      # "penangkapan dua nelayan Malaysia oleh otoritas Thailand"
        return agent[0], [patient]
    source = _resolve(toks, span, res) if span else None
    targets = _pp_targets(toks, span[1] if span else m.end, res, ("ke", "terhadap", "atas", "dengan", "melawan"))
    if source is None and _in_fronted_clause(toks, m.start):
        source = _main_clause_subject(toks, res)
    if source is None:
        source = _governing_subject(toks, m.start, res)
    if not targets and m.trigger.type == "ASSAULT":
        targets = _victims(toks, m.start, res)
    if not targets and m.trigger.type == "ASSAULT":
        place = _place_target(toks, span[1] if span else m.end, res)
        targets = [place] if place is not None else []
    if source is None or not targets:
        return None
    return source, targets


def _victims(toks: list[Token], i: int, res: Resolver) -> list[Actor]:
    """"Seorang pejabat Hamas tewas dalam serangan Israel": who died in an attack is its target."""
    if i < 2 or toks[i - 1].low not in ("dalam", "akibat", "saat", "ketika") or toks[i - 2].low not in VICTIM_VERBS:
        return []
    victim = _resolve(toks, subject_before(toks, i - 2), res)
    return [victim] if victim is not None and (victim.country or victim.canonical) else []


def _governing_subject(toks: list[Token], i: int, res: Resolver) -> Optional[Actor]:
    """"Israel membalas dengan serangan udara ke Lebanon": the subject of the verb that
    governs a bare nominal trigger a few words before it."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if toks[k].text in PUNCT_STOP:
            return None
        if is_verb(toks[k]):
            judged = lexicon().get((toks[k].low,))
            if toks[k].low in TOPIC_VERBS or (judged is not None and judged.type in STANCES):
                return None                # "mengecam serangan terhadap warga sipil": the critic did not attack
            return _subject(toks, k, res)
    return None


def _opens_clause(toks: Sequence[Token], i: int) -> bool:
    """Only auxiliaries (at least one: "telah menembak", not a bare "mengirim tentara ...")
    between a clause start (or a speech cue) and ``i``."""
    j = i - 1
    while j >= 0 and toks[j].low in AUX:
        j -= 1
    return j < i - 1 and (j < 0 or toks[j].text in ",:" or toks[j].low == "bahwa")


def _first_person(source: Optional[Actor], claimant: Optional[Actor]) -> Optional[Actor]:
    """"Kami siap ..." inside a quotation: the speaker's side."""
    if source is not None and claimant is not None and source.text.lower() in FIRST_PERSON:
        unresolved = not (claimant.canonical or claimant.country) and claimant.text.lower() in PRONOUN_SOURCES
        if unresolved:
            return source                  # "Kami ..., kata dia": still nobody we know
        return Actor(source.text, source.start, source.end, claimant.canonical or claimant.text, claimant.kb_id,
                     claimant.country, claimant.sector)
    return source


def _resolve(toks: Sequence[Token], span: Optional[tuple[int, int]], res: Resolver) -> Optional[Actor]:
    span = _trimmed(toks, span) if span is not None else None
    if span is None:
        return None
    actor = res.resolve(toks[span[0]:span[1]])
    ctx = getattr(res, "context", None)
    return ctx.refine(actor, toks, span) if ctx is not None else actor


def _trimmed(toks: Sequence[Token], span: tuple[int, int]) -> Optional[tuple[int, int]]:
    """A phrase without what the phrase finder swept in around the actor: a fronted
    "Menurut X ," or "Pada Juni ,", the "ini"/"itu" of "saat ini"/"ketika itu", and a
    trailing day name ("Robert Gates , Selasa"); a bare day or month is no actor."""
    a, b = span
    if toks[a].low in FRONTED or toks[a].low in TIME_WORDS:
        comma = next((k for k in range(a, b) if toks[k].text == ","), None)
        if comma is not None:
            a = comma + 1
    tag = next((k for k in range(a + 1, b - 1) if toks[k].text == "," and toks[k + 1].low in SPEECH_TAGS), None)
    if tag is not None:
        b = tag                            # "Kader-kader Partai Demokrat , kata dia , mendukung"
    while a < b and (toks[a].low in ("ini", "itu") or toks[a].text == ","):
        a += 1
    while b > a and (toks[b - 1].low in TIME_WORDS or toks[b - 1].text == ","):
        b -= 1
    return (a, b) if b > a else None


def _subject(toks: list[Token], i: int, res: Resolver) -> Optional[Actor]:
    j = i - 1
    while j >= 0 and (toks[j].low in AUX or toks[j].low in CATENATIVE):
        if toks[j].low in CATENATIVE:
            i = j                          # the subject is looked for before the catenative verb
        j -= 1
    if j == 0 and toks[0].low in SUBORDINATORS and _in_fronted_clause(toks, i):
        return _main_clause_subject(toks, res)   # "Setelah bertemu X, Y mengatakan ..."
    if j >= 1 and toks[j].low == "untuk" and toks[j - 1].low in CONTROL_WORDS:
        j -= 1                             # "siap untuk membantu"
        while j >= 0 and toks[j].low in AUX | CONTROL_WORDS:
            j -= 1
        i = j + 1
    if j >= 0 and toks[j].low == "yang":           # "kelompok Islamis yang menargetkan"
        return _resolve(toks, subject_before(toks, j) or _head_of_relative(toks, j), res)
    y = _relative_closed_at(toks, j)
    if y is not None:                      # "Operasi militer Israel yang dimulai 8 Juli , telah merenggut"
        opening = phrase_after(toks, 0, max_len=8, allow_pp=False) if all(t.text != "," for t in toks[:y]) else None
        actor = _resolve(toks, subject_before(toks, y) or _head_of_relative(toks, y) or opening, res)
        if actor is not None:
            return actor
    if j >= 0 and toks[j].low in ("dan", "serta", "lalu", "kemudian") + SUBORDINATORS:
        for k in range(1, j):              # the first earlier predicate with a subject
            if is_verb(toks[k]) or toks[k].low in LIGHT_VERBS:
                actor = _resolve(toks, subject_before(toks, k), res)
                if actor is None and toks[k].low.startswith("di") and toks[k - 1].low != "yang":   # "disampaikan Menlu Retno"
                    agent = phrase_after(toks, k + 1 + (k + 1 < len(toks) and toks[k + 1].low == "oleh"), max_len=8)
                    actor = _resolve(toks, agent, res) if agent else None
                if actor is not None:
                    return actor
        return None
    span = subject_before(toks, i)
    actor = _owned_by_nya(toks, span, res) or _resolve(toks, span, res)
    if actor is None and _in_fronted_clause(toks, i):
        actor = _main_clause_subject(toks, res)
    return actor


def _relative_closed_at(toks: Sequence[Token], j: int) -> Optional[int]:
    """The "yang" opening a relative clause that the comma at ``j`` closes, if any."""
    if j < 2 or toks[j].text != ",":
        return None
    first = None                           # the outermost "yang": "X , yang memimpin delegasi yang ..."
    for k in range(j - 1, max(-1, j - 20), -1):
        if toks[k].low in ("bahwa", "kata", "ujar"):
            return None
        if toks[k].text in ",;.:":
            return first if first == k + 1 and toks[k].text == "," else None
        if toks[k].low == "yang" and k > 0:
            first = k
    return first


def _owned_by_nya(toks: list[Token], span: Optional[tuple[int, int]], res: Resolver) -> Optional[Actor]:
    """"negaranya siap berunding", "pasukannya menembak jatuh": the state or force of the
    person the -nya refers to (the nearest person named before it)."""
    if span is None or span[1] - span[0] != 1:
        return None
    tok = toks[span[0]]
    if not tok.low.endswith("nya") or tok.low[:-3] not in OWNED_NOUNS:
        return None
    owner = res.pronoun(tok, suffix=True)
    if not owner.country:
        return None
    return Actor(tok.text, tok.start, tok.end, None, None, owner.country, roles().get((tok.low[:-3],), None) and roles()[(tok.low[:-3],)].sector)


def _head_of_relative(toks: Sequence[Token], j: int) -> Optional[tuple[int, int]]:
    """"melawan kelompok Islamis yang ...": the noun phrase a relative clause hangs on, even
    inside a prepositional phrase (which ``subject_before`` rightly refuses as a subject)."""
    if j > 1 and toks[j - 1].text == ",":
        j -= 1                             # "kelompok Wagner , yang telah dituduh"
    a = j
    while a > 0 and j - a < 6 and _nominal(toks[a - 1]):
        a -= 1
    prep = toks[a - 1].low if a > 0 else ""
    if a == j or prep in ("di", "ke") or (prep == "dari" and tuple(t.low for t in toks[a:j]) in places()):
        return None                        # "serangan ke Kyiv yang menewaskan": the place is no doer
    return a, j


def _in_fronted_clause(toks: Sequence[Token], i: int) -> bool:
    """True when ``i`` lies before the first comma of a sentence that opens with a verb or
    a subordinator ("Berbicara setelah pembicaraan ..., Lavrov menyoroti")."""
    if not toks or not any(t.text == "," for t in toks[i:]):
        return False
    first = toks[0].low
    opener = verb_form(first) or first in ("setelah", "usai", "sebelum", "saat", "ketika", "sejak", "selama", "dalam")
    return opener and all(t.text != "," for t in toks[:i])


def _main_clause_subject(toks: list[Token], res: Resolver) -> Optional[Actor]:
    comma = next(k for k, t in enumerate(toks) if t.text == ",")
    span = phrase_after(toks, comma + 1, max_len=8, allow_pp=False)
    if span is None or span[1] >= len(toks) or not (is_verb(toks[span[1]]) or toks[span[1]].low in AUX):
        return None
    return _resolve(toks, span, res)


def _targets(toks: list[Token], m: Match, res: Resolver) -> list[Actor]:
    start = m.end
    if "ctrl" in m.trigger.flags and m.trigger.type in ("AGREE", "THREATEN", "REQUEST"):   # "siap membantu Senegal"
        while start < len(toks) and toks[start].low in AUX | {"untuk", "agar", "supaya"}:
            start += 1
        if start < len(toks) and is_verb(toks[start]):
            start += 1
    while start < len(toks) and toks[start].low in INTENSIFIERS:
        start += 1                         # "mengecam keras X"
    obj: list[Actor] = []
    owned = False
    if m.trigger.voice == "nom" and "pp" not in m.trigger.flags:
        owner = phrase_after(toks, start, max_len=4, allow_pp=False)
        owned = owner is not None and _possessor(toks, owner, res)
        start = owner[1] if owned else start   # "menyampaikan dukungan Indonesia terhadap X": Indonesia owns it
    if "pp" not in m.trigger.flags and not owned:
        span = phrase_after(toks, start, max_len=8)
        if span is not None:
            agent = _agent_of_nominal(toks, span, res)
            if agent:
                return agent
            obj = _conjuncts(toks, span, res)
            if obj and all(a.country or a.canonical for a in obj):
                return obj
            if m.trigger.type == "ACCUSE" and _harm_noun(toks[span[0]].low):
                return obj                 # "mengecam penangkapan terhadap X": X suffered it; only a doer named
                                           # in the act's own phrase ("serangan teroris") is the target
            start = span[0] + 1
    preps = TARGET_PREPS + ("bersama", "oleh")
    if m.trigger.type == "ACCUSE":         # "menggugat ke Mahkamah Konstitusi": the court is where, not whom
        preps = tuple(p for p in preps if p != "ke")
    found = _pp_targets(toks, start, res, preps) or obj or _agent_of_relative(toks, start, res)
    addressed = any(t.low == "kepada" for t in toks[m.end:m.end + 3])   # "memerintahkan kepada semua kader agar ..."
    if not found and m.trigger.type in ("REQUEST", "AGREE") and not addressed:
        found = _named_in_complement(toks, start, res)
    return found


def _possessor(toks: list[Token], span: tuple[int, int], res: Resolver) -> bool:
    """A state right after a noun trigger used with a light verb, followed by its real
    object's preposition: the noun's owner, not its target."""
    actor = _resolve(toks, span, res)
    follows = toks[span[1]].low if span[1] < len(toks) else ""
    return actor is not None and tuple(actor.text.lower().split()) in places() and follows in TARGET_PREPS


def _named_in_complement(toks: list[Token], i: int, res: Resolver) -> list[Actor]:
    """"meminta jaminan tertulis bahwa NATO ...", "bersedia mengirim tim untuk melatih aparat
    ASEAN": an intent or a demand is about the first state or body its clause names."""
    for k in range(i, min(len(toks), i + 15)):
        if toks[k].text in ";" or (toks[k].text == "," and toks[k - 1].text != ","):
            break
        if toks[k].low in CLAUSE_WORDS and toks[k].low not in ("bahwa", "untuk", "agar", "supaya", "guna", "demi"):
            break                          # "menawarkan diskon setelah Arab Saudi ...": another clause
        if k > 1 and toks[k - 1].low in ("di", "dari", "ke") and is_verb(toks[k - 2]):
            continue                       # "perjanjian yang dicapai di Nigeria": a place, not a party
        for e in res.inside(toks[k].start, toks[k].end):
            if e.start == toks[k].start and (e.label in ("GPE", "ORG") or e.label in ("PER",)) and (e.country or e.kb_id):
                return [Actor(e.text, e.start, e.end, e.canonical or e.text, e.kb_id, e.country, e.sector)]
    return []


def _harm_noun(word: str) -> bool:
    """A noun naming an attack or a coercion ("serangan", "penangkapan", "pemukulan")."""
    trig = lexicon().get((word,))
    return (trig is not None and trig.voice == "nom" and trig.type in ("ASSAULT", "COERCE")) or word in HARM_NOUNS


HARM_NOUNS = frozenset({"pemukulan", "pembunuhan", "penculikan", "penganiayaan", "kekerasan", "penindasan"})


def _agent_of_nominal(toks: list[Token], span: tuple[int, int], res: Resolver) -> list[Actor]:
    """"menyambut baik pembebasan jurnalis X oleh China": the doer of the welcomed act."""
    head = toks[span[0]].low
    if not (head.startswith("pe") and head.endswith("an")) and head not in ("keputusan", "kebijakan", "tindakan", "serangan"):
        return []
    for k in range(span[0] + 1, min(len(toks) - 1, span[0] + 10)):
        if toks[k].text in ",;" or toks[k].low in ("yang", "bahwa"):
            break
        if toks[k].low == "oleh":
            agent = phrase_after(toks, k + 1, max_len=6)
            actor = _resolve(toks, agent, res) if agent else None
            return [actor] if actor is not None and (actor.country or actor.canonical) else []
    return []


def _agent_of_relative(toks: list[Token], i: int, res: Resolver) -> list[Actor]:
    """"menolak proposal yang diajukan Israel": the author of the rejected thing."""
    for k in range(i, min(len(toks) - 2, i + 6)):
        if toks[k].text in ",;":
            break
        if toks[k].low == "yang" and toks[k + 1].low.startswith("di"):
            j = k + 2 + (toks[k + 2].low == "oleh")
            span = phrase_after(toks, j, max_len=6)
            actor = _resolve(toks, span, res) if span else None
            return [actor] if actor is not None and (actor.country or actor.canonical) else []
    return []


def _pp_targets(toks: list[Token], i: int, res: Resolver, preps: Sequence[str]) -> list[Actor]:
    """Actors of the first prepositional phrase (within the clause) that names any."""
    for k in range(i, min(len(toks), i + 12)):
        low = toks[k].low
        if toks[k].text in ";" or low in ("yang", "bahwa", "jika", "karena", "sehingga") or (toks[k].text == "," and k > i + 1 and not _list_comma(toks, k)):
            break
        if low in ("untuk", "agar", "guna", "demi") and k + 1 < len(toks) and (is_verb(toks[k + 1]) or toks[k + 1].low in AUX):
            break                          # "kesepakatannya untuk kembali ke ...": a purpose clause of its own
        if low in preps:
            span = phrase_after(toks, k + 1, max_len=10)
            agent = _agent_of_nominal(toks, span, res) if span else []
            if agent:                      # "keprihatinan atas penangkapan X oleh Thailand": the doer
                return agent
            found = _conjuncts(toks, span, res) if span else []
            if found:
                return found + _repeated_pp(toks, span[1], low, res)
    return []


def _repeated_pp(toks: list[Token], i: int, prep: str, res: Resolver) -> list[Actor]:
    """"dengan Goita , serta dengan Menteri Luar Negeri Diop": the same preposition again
    after a conjunction adds another target."""
    k = i + (i < len(toks) and toks[i].text == ",")
    if k + 1 < len(toks) and toks[k].low in ("serta", "dan") and toks[k + 1].low == prep:
        span = phrase_after(toks, k + 2, max_len=10)
        return _conjuncts(toks, span, res) if span else []
    return []


def _list_comma(toks: Sequence[Token], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].text[0].isupper()


def _pp_actor(toks: list[Token], i: int, res: Resolver, preps: Sequence[str]) -> Optional[Actor]:
    found = _pp_targets(toks, i, res, preps)
    return found[0] if found else None


def _conjuncts(toks: list[Token], span: tuple[int, int], res: Resolver) -> list[Actor]:
    """"Kuba, Venezuela, dan Nikaragua" -> three actors; a single phrase -> one."""
    a, b = span
    end = b
    while end + 1 < len(toks) and toks[end].text == ",":
        nxt_start = end + 2 if toks[end + 1].low in ("dan", "serta") else end + 1
        if nxt_start >= len(toks) or not toks[nxt_start].text[0].isupper():
            break
        nxt = phrase_after(toks, nxt_start, max_len=6)
        if nxt is None:
            break
        end = nxt[1]
    if end > b and any(t.low in ("dan", "serta") for t in toks[b:end]):
        b = end                            # "Kuba, Venezuela, dan Nikaragua"
    parts, cur = [], a
    for k in range(a, b):
        if toks[k].text == "," or toks[k].low in ("dan", "serta"):
            parts.append((cur, k))
            cur = k + 1
    parts.append((cur, b))
    actors = [_resolve(toks, p, res) for p in parts if p[1] > p[0]]
    if len(parts) > 1 and all(actors) and all(x.country for x in actors):
        return actors
    whole = _resolve(toks, span, res)
    if whole is not None and not whole.country:
        listed = res.listed_states(toks[a:b], toks[a].start)
        if listed:
            return listed
    return [whole] if whole else []


def _split_pair(toks: list[Token], m: Match, res: Resolver, source: Actor):
    """"Rusia dan AS bertemu": a reciprocal predicate with a conjoined subject."""
    if source.start is None:
        return source, []
    idx = [k for k, t in enumerate(toks) if source.start <= t.start and t.end <= (source.end or 0)]
    conj = [k for k in idx if toks[k].low in ("dan", "beserta", "berserta")]
    if not conj:
        return source, []
    left = _resolve(toks, (idx[0], conj[0]), res)
    right = _resolve(toks, (conj[0] + 1, idx[-1] + 1), res)
    if left and right:
        return left, [right]
    return source, []


def _quote_at(quotes: Sequence[Quote], pos: int) -> Optional[Quote]:
    for q in quotes:
        if q.content_start <= pos < q.content_end and q.speaker is not None:
            return q
    return None


# --- attributes ----------------------------------------------------------------------------

def _event(body: str, sent: Sentence, toks: list[Token], m: Match, source: Actor,
           target: Optional[Actor], claimant: Optional[Actor], times: Sequence[TimeExpr],
           published: Optional[str]) -> Event:
    trig = m.trigger
    clause_end = next((t.start for t in toks[m.end:] if t.text in ",;"), sent.end)
    date, inferred = _date(sent, clause_end, toks[m.start].start, times, published)
    ev = Event(type=trig.type, sentence=sent.text, start=sent.start, end=sent.end,
               trigger=" ".join(t.text for t in toks[m.start:m.end]), mode=trig.mode,
               aux=_aux(toks, m), context=trig.context or _context(sent.text),
               source=source, target=target, claimant=claimant, date=date,
               date_inferred=inferred, location=_location(toks), confidence=_confidence(source, target))
    return ev


def _aux(toks: Sequence[Token], m: Match) -> Optional[str]:
    lo = m.anchor
    if _hypothetical_clause(toks, lo):
        return "hypothetical"
    window = [t.low for t in toks[max(0, lo - 4):lo]]
    if any(w in NEGATORS for w in window) or "membantah" in window:
        return "negated"
    if any(w in FUTURE for w in window):
        return "future"
    return None


def _hypothetical_clause(toks: Sequence[Token], lo: int) -> bool:
    """A "jika"-like word between the trigger and the punctuation before it."""
    for k in range(lo - 1, -1, -1):       # stops at the first hit (speed only)
        if toks[k].text in PUNCT_STOP:
            return False
        if toks[k].low in HYPOTHETICAL:
            return True
    return False


_CONTEXT = [(name, re.compile("|".join(re.escape(w) for w in words))) for name, words in CONTEXT_WORDS.items()]


@functools.lru_cache(maxsize=16)         # a sentence's events share it (speed only)
def _context(text: str) -> Optional[str]:
    low = text.lower()
    return next((name for name, pattern in _CONTEXT if pattern.search(low)), None)


def _location(toks: Sequence[Token]) -> Optional[str]:
    words = [t.low for t in toks]
    table = places()
    for k, w in enumerate(words[:-1]):
        if w == "di" and toks[k + 1].text[0].isupper():
            n, place = longest_match(words, k + 1, table)
            if place is not None:
                return " ".join(t.text for t in toks[k + 1:k + 1 + n])
    return None


def _date(sent: Sentence, pos: int, act: int, times: Sequence[TimeExpr],
          published: Optional[str]) -> tuple[Optional[str], bool]:
    """The governing time expression of the sentence (times' ``date_for_span``), else the
    publication day flagged as inferred, else None."""
    value, inferred = date_for_span(list(times), sent.start, sent.end, published, trigger=pos, act=act)
    return value, bool(inferred and value)


def _confidence(source: Actor, target: Optional[Actor]) -> float:
    c = 0.4
    c += 0.2 if (source.canonical or source.country) else 0.0
    c += 0.2 if target is not None and (target.canonical or target.country) else 0.0
    c += 0.1 if target is not None else 0.0
    return round(min(c, 0.95), 2)
