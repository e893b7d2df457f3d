"""Actors: resolve a span of text (a speaker, an event's source or target) to an entity.

Shared by quotes and events. A span resolves, in this order, to
1. a linked entity inside it (a person before an organisation before a place), with the
   country taken from the entity or from a country named in the same phrase
   ("Menteri Luar Negeri Rusia Sergey Lavrov" -> Lavrov, RUS, GOV);
2. a pronoun (ia, dia, beliau, -nya) -> the nearest preceding person mention;
3. a title with a country ("Menlu Rusia", "Diplomat Rusia") -> the nearest preceding person
   of that country, else the title itself with its country and sector;
4. a state or body from our gazetteer ("Rusia", "Kremlin", "PBB");
5. a collective actor word ("pemerintah Mali", "kelompok Islamis", "warga sipil").
Anything else is not an actor: unknown stays unknown (``None``).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional, Sequence

from ..model import Actor, Entity
from .tokens import Sentence, Token, sentence_tokens, sentences

PRONOUNS = frozenset({"ia", "dia", "beliau", "nya"})
PLURAL_PRONOUNS = frozenset({"mereka", "kami", "kita"})
GROUP_ANAPHORS = frozenset({"mereka", "keduanya", "kedua pihak", "kedua negara", "kedua pemimpin", "kedua menteri"})
TITLE_EXPANSIONS = {"menlu": "menteri luar negeri", "menhan": "menteri pertahanan", "pm": "perdana menteri",
                    "dubes": "duta besar", "jubir": "juru bicara"}
HEAD_WORDS = frozenset({"para", "negara-negara", "negara", "pihak", "kaum", "bangsa", "rakyat"})
_LED_BY = re.compile(r"\s*,?\s*yang\s+(?:di|ter)?(?:pimpin|kuasai|kendalikan)(?:nya)?\s+(?:oleh\s+)?", re.I)
PLURAL_MARKERS = frozenset({"dan", "beserta", "berserta", "para", "negara-negara", "kedua"})
PERSON_LABELS = ("PER", "PERSON", "PPL")
ORG_LABELS = ("ORG", "ORGANISATION", "ORGANIZATION", "NOR")
PLACE_LABELS = ("GPE", "LOC", "PLACE", "PLC")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    code: Optional[str]
    sector: Optional[str]


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str
    sector: str
    kind: str                        # person | group


def _rows(name: str) -> list[list[str]]:
    text = resources.files("warta.resources.events").joinpath(name).read_text("utf-8")
    return [l.rstrip("\n").split("\t") for l in text.splitlines() if l.strip() and not l.startswith("#")]


class Table(dict):
    """A phrase table keyed by word tuples, indexed by first word for fast longest match."""

    def __init__(self, items=()):
        super().__init__(items)
        self.first: dict[str, int] = {}
        for key in self:
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))


Tok = Token       # tokens carry their lower-cased text (``Token.low``); the old name stays


@functools.lru_cache(maxsize=4)
def split(body: str) -> tuple[tuple[Sentence, tuple[Tok, ...]], ...]:
    """Sentences of ``body`` with their tokens; cached so quotes, events and coreference
    share one pass over the text (the tokens are those the entities stage tagged)."""
    return tuple((s, sentence_tokens(s.text, s.start)) for s in sentences(body))


def toks_of(text: str) -> list[Tok]:
    """Tokens of one text (tests and callers outside the stages)."""
    return [t for _, ts in split(text) for t in ts]


@functools.cache
def places() -> Table:
    """Gazetteer keyed by lower-cased word tuples."""
    out = {}
    for row in _rows("countries.tsv"):
        name, code, sector = (row + ["", ""])[:3]
        out[tuple(name.lower().split())] = Place(name, code.strip() or None, sector.strip() or None)
    return Table(out)


@functools.cache
def roles() -> Table:
    return Table({tuple(r[0].split()): Role(r[0], r[1], r[2]) for r in _rows("roles.tsv")})


def longest_match(words: Sequence[str], i: int, table: Table, max_len: int = 4):
    """The longest key of ``table`` starting at ``words[i]``: (length, value) or (0, None)."""
    longest = table.first.get(words[i])
    if longest is None:
        return 0, None
    for n in range(min(longest, max_len, len(words) - i), 0, -1):
        hit = table.get(tuple(words[i:i + n]))
        if hit is not None:
            return n, hit
    return 0, None


def strip_nya(word: str) -> str:
    return word[:-3] if word.endswith("nya") and len(word) > 5 else word


def resolver_for(body: str, entities: Sequence[Entity]) -> "Resolver":
    """One resolver per article, shared by the quotes and events stages."""
    key = (body, tuple((e.start, e.end, e.label, e.canonical, e.country) for e in entities))
    if _LAST.get("key") != key:
        _LAST["key"], _LAST["resolver"] = key, Resolver(body, entities)
    return _LAST["resolver"]


_LAST: dict = {}          # the last article's resolver (per process; stages run in sequence)


DOMESTIC_ROLES = frozenset({"bupati", "camat", "lurah"})
COUNTS = {"dua": 2, "kedua": 2, "tiga": 3, "ketiga": 3, "empat": 4, "keempat": 4, "lima": 5, "kelima": 5}
STATE_NOUNS = frozenset({"negara", "pemerintah", "pemerintahan", "negara-negara"})


def _coordinated(body: str, run: Sequence[Entity]) -> bool:
    """Entities listed with commas and a final "dan"/"serta" and nothing else between."""
    gaps = [body[a.end:b.start].strip().lower() for a, b in zip(run, run[1:])]
    return all(g in (",", "dan", ", dan", "serta", ", serta") for g in gaps) and any("dan" in g or "serta" in g for g in gaps)


@dataclass(slots=True)
class Group:
    """A plural actor in the text and, when it is "A dan B", its two members."""
    start: int
    end: int
    actor: Actor
    members: list[Actor]


def _group_in(groups: Sequence[Group], pos: int, words: Sequence[str]) -> Optional[Group]:
    head = set(words[1:]) if words and words[0] == "para" else None
    for g in reversed(groups):
        if g.end <= pos and (head is None or head & set((g.actor.canonical or g.actor.text).lower().split())):
            return g
    return None


_PAIR_GAP = re.compile(r"\s+dan\s+[\w\s]{0,60}")     # "A dan B": a pair of people
_CLAUSE_STOP = re.compile(r"[,.;]")


class Resolver:
    """Resolves spans of one article's body to actors using its entities."""

    def __init__(self, body: str, entities: Sequence[Entity]):
        self.body = body
        self.lower = body.lower()
        if not entities:
            entities = guess_people(body)
        self.entities = sorted(entities, key=lambda e: e.start)
        self.starts = [e.start for e in self.entities]
        self.people = [e for e in self.entities if e.label in PERSON_LABELS]
        self._plurals: Optional[list[Group]] = None
        self._members: dict[tuple[int, int], list[Actor]] = {}
        self._memo: dict[tuple[int, int], Optional[Actor]] = {}
        self.context = None              # the events stage's ArticleContext while it runs

    # --- looking up ---------------------------------------------------------------
    def inside(self, start: int, end: int) -> list[Entity]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end:
                out.append(self.entities[i])
            i += 1
        return out

    def person_before(self, pos: int, country: Optional[str] = None) -> Optional[Entity]:
        """The nearest person mention ending before ``pos`` (of ``country`` when given)."""
        for e in reversed(self.people):
            if e.end <= pos and (country is None or e.country == country):
                return e
        return None

    # --- resolving ----------------------------------------------------------------
    def resolve(self, toks: Sequence[Token]) -> Optional[Actor]:
        """The actor a phrase (its tokens) refers to, or None when it names no actor.

        A trailing place phrase ("para pemimpin junta di Mali") only lends its country to a
        head that is an actor by itself; "undang-undang di Tbilisi" is no actor.
        """
        toks = [t for t in toks if t.text not in "\"“”'‘’`"]
        if not toks:
            return None
        key = (toks[0].start, toks[-1].end)
        if key not in self._memo:
            self._memo[key] = self._resolve_phrase(toks)
        actor = self._memo[key]
        return None if actor is None else Actor(actor.text, actor.start, actor.end, actor.canonical,
                                                actor.kb_id, actor.country, actor.sector)

    def _resolve_phrase(self, toks: Sequence[Token]) -> Optional[Actor]:
        cut = next((k for k, t in enumerate(toks) if k and t.text in ("di", "dari", "asal")), None)
        if cut is not None and not any(e.label in PERSON_LABELS for e in self.inside(toks[cut].start, toks[-1].end)):
            head = self._resolve(toks[:cut])
            if head is None:
                return None
            if head.country is None:
                tail = self._resolve(toks[cut + 1:])
                located = [e.country for e in self.inside(toks[cut].start, toks[-1].end) if e.country]
                head.country = tail.country if tail and tail.country else (located[0] if located else None)
            head.end = toks[-1].end
            head.text = self.body[head.start:head.end]
            return head
        return self._resolve(toks)

    def _resolve(self, toks: Sequence[Token]) -> Optional[Actor]:
        if not toks:
            return None
        start, end = toks[0].start, toks[-1].end
        text = self.body[start:end]
        words = [t.low for t in toks]
        country, place_sector, role = self._country_and_role(words)
        if country is None and role is not None and role.phrase in DOMESTIC_ROLES:
            country = "IDN"                # "Bupati Bogor": an office only Indonesia has
        ents = [e for i, e in enumerate(self.inside(start, end)) if self._actor_entity(e)
                and (e.country or e.label in PERSON_LABELS or e.label in ORG_LABELS or self._at_head(e, start))]
        person = next((e for e in reversed(ents) if e.label in PERSON_LABELS), None)
        other = next((e for e in ents if e.label in ORG_LABELS), None)
        if person is not None:             # "politisi PDI-P X": the party's state when X has none
            return self._from_entity(person, text, start, end, country or (other and other.country), role)
        if len(words) == 1 and words[0] in PRONOUNS:
            return self.pronoun(toks[0])
        if " ".join(words) in GROUP_ANAPHORS or (words[0] == "para" and not country and not ents):
            group = self.group_before(start, words)
            if group is not None:
                g = group.actor
                self._members[(start, end)] = group.members
                return Actor(text, start, end, g.canonical or g.text, g.kb_id, g.country, g.sector)
        if role is not None and role.kind == "person" and country and not other:
            ref = self.person_before(start, country) or self.office_holder_after(end, country, role)
            if ref is not None:
                return self._from_entity(ref, text, start, end, country, role)
        if other is not None:
            return self._from_entity(other, text, start, end, country, role)
        sector = role.sector if role else place_sector
        if country is None and role is not None and role.kind == "group" and not ents:
            country = self._group_country(text, start, end)
        if country or role or ents or self._named_place:
            canonical = ents[0].canonical if ents and not role else None
            return Actor(text, start, end, canonical=canonical, country=country or (ents[0].country if ents else None), sector=sector)
        if words[0] in PLURAL_PRONOUNS and len(words) == 1:
            return Actor(text, start, end)
        return None

    def _group_country(self, text: str, start: int, end: int) -> Optional[str]:
        """A body or group named without its state takes the state of its leader
        ("junta militer yang dipimpin oleh Kolonel Assimi Goita") or of its earlier full
        mention in the article ("junta militer Mali" ... "junta militer")."""
        led = _LED_BY.match(self.body, end)
        if led is not None:
            found = [e.country for e in self.inside(led.end(), min(len(self.body), led.end() + 80)) if e.country]
            if found:
                return found[0]
        low, phrase = self.lower, text.lower()
        k = low.rfind(phrase, 0, start)
        while k >= 0:                      # nearest earlier mention first
            after = low[k + len(phrase):k + len(phrase) + 40].split()[:3]
            n, place = longest_match(after, 0, places()) if after else (0, None)
            if place is not None and place.code and place.code != "IGO" and low[k + len(phrase):][:1].isspace():
                return place.code
            k = low.rfind(phrase, 0, k)
        return None

    def _at_head(self, e: Entity, start: int) -> bool:
        """A region without a state ("Eropa") names an actor only at the head of a phrase
        ("negara-negara Eropa"), not as a modifier ("kerja sama pertahanan Eropa")."""
        before = self.body[start:e.start].lower().split()
        return all(w in HEAD_WORDS for w in before)

    def _actor_entity(self, e: Entity) -> bool:
        """People, organisations and states act; a mosque or a street does not."""
        if e.label in PERSON_LABELS or e.label in ORG_LABELS or e.label == "GPE":
            return True
        return tuple(e.text.lower().split()) in places()

    def pronoun(self, tok: Token, suffix: bool = False, before: Optional[int] = None) -> Actor:
        """A pronoun (or a -nya suffix) -> the nearest person mentioned before ``before``
        (default: the pronoun itself; a quote's speaker is looked for before the quote)."""
        start = tok.end - 3 if suffix else tok.start
        text = self.body[start:tok.end]
        ref = self.person_before(tok.start if before is None else before)
        if ref is None:
            return Actor(text, start, tok.end)
        return Actor(text, start, tok.end, canonical=ref.canonical or ref.text, kb_id=ref.kb_id,
                     country=ref.country, sector=ref.sector)

    def office_holder_after(self, pos: int, country: str, role: Role) -> Optional[Entity]:
        """A lead's "Menlu Rusia" named only later ("Sergey Lavrov, Menlu Rusia"): the first
        later person of that country whose linked role is that office."""
        office = TITLE_EXPANSIONS.get(role.phrase, role.phrase)
        for e in self.people:
            if e.start >= pos and e.country == country and e.role and office in e.role.lower():
                return e
        return None

    def group_before(self, pos: int, words: Sequence[str]) -> Optional["Group"]:
        """The nearest earlier plural subject ("Menlu Rusia dan negara-negara ASEAN")
        for "mereka"/"keduanya", or one sharing the head word for "para Menlu"."""
        if self._plurals is None:
            self._plurals = []
            self._plurals = self._plural_subjects()
        return _group_in(self._plurals, pos, words)

    def set_members(self, actor: Actor, members: list[Actor]) -> None:
        """Records the sides a back-reference ("kedua pemimpin") was resolved to."""
        self._members[(actor.start, actor.end)] = members

    def members(self, actor: Actor) -> list[Actor]:
        """The conjuncts of the group an anaphor ("keduanya", "mereka") was resolved to."""
        return self._members.get((actor.start, actor.end), [])

    def _plural_subjects(self) -> list["Group"]:
        from .phrases import is_verb, subject_before
        out: list[Group] = []
        for sent, toks in split(self.body):
            v = next((k for k, t in enumerate(toks) if k and is_verb(t)), None)
            span = subject_before(toks, v) if v else None
            if span is not None:
                words = [t.low for t in toks[span[0]:span[1]]]
                if " ".join(words) in GROUP_ANAPHORS or (words[0] == "para" and len(words) <= 3):
                    ante = _group_in(out, toks[span[0]].start, words)
                    if ante is not None:
                        out.append(Group(toks[span[0]].start, toks[span[1] - 1].end, ante.actor, ante.members))
                    continue
                if PLURAL_MARKERS & set(words):
                    out.append(self._group(toks[span[0]:span[1]]))
                    continue
            pair = self._person_pair(toks)
            if pair is not None:
                out.append(pair)
        return out

    def _group(self, toks: Sequence[Token]) -> "Group":
        words = [t.low for t in toks]
        k = next((i for i, w in enumerate(words) if i and w in ("dan", "beserta", "berserta", "serta")), None)
        whole = self._resolve(toks) or Actor(self.body[toks[0].start:toks[-1].end], toks[0].start, toks[-1].end)
        whole.canonical = self.body[toks[0].start:toks[-1].end]
        members = []
        if k is not None:
            left, right = self._resolve(toks[:k]), self._resolve(toks[k + 1:])
            members = [left, right] if left and right else []
        return Group(toks[0].start, toks[-1].end, whole, members)

    def _person_pair(self, toks: Sequence[Token]) -> Optional["Group"]:
        """"Menteri Pertahanan Rusia Sergey Shoigu dan Menteri Pertahanan Prancis Sebastien
        Lecornu" anywhere in a sentence: a pair "keduanya" can refer to."""
        ppl = [e for e in self.inside(toks[0].start, toks[-1].end) if e.label in PERSON_LABELS]
        for a, b in zip(ppl, ppl[1:]):
            gap = self.body[a.end:b.start]
            if _PAIR_GAP.fullmatch(gap) and not _CLAUSE_STOP.search(gap):
                pa = Actor(a.text, a.start, a.end, a.canonical or a.text, a.kb_id, a.country, a.sector)
                pb = Actor(b.text, b.start, b.end, b.canonical or b.text, b.kb_id, b.country, b.sector)
                whole = Actor(self.body[a.start:b.end], a.start, b.end, self.body[a.start:b.end], country=a.country)
                return Group(a.start, b.end, whole, [pa, pb])
        return None

    def listed_states(self, toks: Sequence[Token], pos: int) -> list[Actor]:
        """"ketiga negara tersebut", "tiga pemerintah ini" -> the last list of that many
        states named before ``pos`` ("Kuba, Venezuela, dan Nikaragua")."""
        words = [t.low for t in toks]
        k = next((i for i, w in enumerate(words[:-1]) if w in COUNTS and words[i + 1] in STATE_NOUNS), None)
        if k is None:
            return []
        n = COUNTS[words[k]]
        states = [e for e in self.entities if e.label == "GPE" and e.country and e.end <= pos]
        for i in range(len(states) - n, -1, -1):
            run = states[i:i + n]
            if len({e.country for e in run}) == n and _coordinated(self.body, run):
                return [Actor(e.text, e.start, e.end, e.canonical, e.kb_id, e.country, e.sector) for e in run]
        return []

    def _from_entity(self, e: Entity, text: str, start: int, end: int,
                     country: Optional[str], role: Optional[Role]) -> Actor:
        sector = e.sector or (role.sector if role else None)
        return Actor(text, start, end, canonical=e.canonical or e.text, kb_id=e.kb_id,
                     country=e.country or country, sector=sector)

    def _country_and_role(self, words: list[str]) -> tuple[Optional[str], Optional[str], Optional[Role]]:
        country, place_sector, role, self._named_place = _country_and_role(tuple(words))
        return country, place_sector, role


# A pure function of the words and the shipped tables: cached across articles, since the same
# phrases ("Presiden Joko Widodo", "pemerintah Rusia") recur in quotes, events and articles.
@functools.lru_cache(maxsize=1 << 14)
def _country_and_role(words: tuple[str, ...]) -> tuple[Optional[str], Optional[str], Optional[Role], bool]:
    """The first country (with its sector) and role named in a phrase's words, and
    whether the place stands at its head."""
    country = place_sector = role = None
    named_place = False
    table, rtable = places(), roles()
    pfirst, rfirst = table.first, rtable.first
    i = 0
    while i < len(words):
        w = words[i]
        if w not in pfirst and w not in rfirst and w == strip_nya(w):
            i += 1                       # nothing starts here (speed only)
            continue
        n, place = longest_match(words, i, table)
        if place is not None and country is None:
            country, place_sector = place.code, place.sector
            named_place = named_place or all(w in HEAD_WORDS for w in words[:i])
        m, r = longest_match(words, i, rtable)
        if r is None and words[i] != strip_nya(words[i]):
            m, r = (1, rtable.get((strip_nya(words[i]),)))
        if r is not None and role is None:
            role = r
        i += max(n, m, 1)
    return country, place_sector, role, named_place


# --- fallback when no entities stage ran ------------------------------------------------

_FUNCTION = frozenset("""
di ke dari pada dan yang ini itu dalam untuk dengan oleh para sang menurut namun tetapi
sejak setelah selama saat ketika jika meski meskipun sementara selain bulan tahun hari
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
agustus september oktober november desember baca juga berita ia dia mereka kami kita
""".split())


def guess_people(body: str) -> list[Entity]:
    """Person-like capitalised names (two or more words, or a surname of one seen before).

    Used only when no entities stage ran: a low-confidence stand-in so that pronouns and
    titles can still find their antecedent.
    """
    toks = [t for _, ts in split(body) for t in ts]
    out: list[Entity] = []
    full: dict[str, Entity] = {}
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and _name_word(toks[j]) and (j == i or "\n" not in body[toks[j - 1].end:toks[j].start]):
            j += 1
        if j > i + 1 or (j == i + 1 and _initial_subject(toks, i)):
            out.extend(_person(body, toks[i:j], full))
        elif j == i + 1 and toks[i].text in full:
            out.extend(_person(body, toks[i:j], full))
        i = max(j, i + 1)
    return out


def _initial_subject(toks: list[Token], i: int) -> bool:
    """A lone capitalised word opening a sentence and followed by a verb ("Erdogan mengancam")."""
    from .phrases import is_verb
    starts = i == 0 or toks[i - 1].text in ".!?\"“”"
    return starts and i + 1 < len(toks) and is_verb(toks[i + 1])


def _name_word(t: Token) -> bool:
    w = t.text
    return w[:1].isupper() and (w[1:2].islower() or len(w) > 3) and w.lower() not in _FUNCTION


def _person(body: str, run: list[Token], full: dict[str, Entity]) -> list[Entity]:
    words = [t.low for t in run]
    k, country = 0, None
    while k < len(words):                       # strip leading titles and countries
        n, hit = longest_match(words, k, roles())
        m, place = longest_match(words, k, places())
        if not (n or m):
            break
        country = place.code if place is not None and m >= n else country
        k += max(n, m)
    if k and len(run) - k == 1 and not any(longest_match(words, i, roles())[0] for i in range(k)):
        return []                                # "Amerika Latin": a place, not a person
    run = run[k:]
    if not run or longest_match([t.low for t in run], 0, places())[0] == len(run):
        return []
    text = body[run[0].start:run[-1].end]
    if len(run) == 1 and run[0].text in full:
        ref = full[run[0].text]
        return [Entity(text, run[0].start, run[-1].end, "PER", canonical=ref.canonical, country=ref.country, confidence=0.3)]
    e = Entity(text, run[0].start, run[-1].end, "PER", canonical=text, country=country, confidence=0.3)
    full[run[-1].text] = e
    return [e]
