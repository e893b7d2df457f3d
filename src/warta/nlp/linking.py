"""Linking and in-document coreference for entity mentions.

- Countries, capitals/seats of power, KB organisations and people resolve to KB records.
- Person mentions cluster within a document: spelling variants fold together (Sergey /
  Sergei, Shoygu / Shoigu, Türk / Turk) and a bare surname joins the full name it refers to.
- Titles around a name give role and country ("Presiden Senegal X", "X, Menlu Rusia");
  "mitranya (dari Y) X" gives X the counterpart's role for country Y (or the host country).
- A title with a country and no name ("Menlu Rusia") becomes a mention of the office
  holder on the article's date, when the KB knows the holder.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from ..model import Entity
from .features import gazetteer
from .kb import KB, Record, fold, load_kb, norm
from .tokens import Token, body_tokens, sentences, tokenize

CONNECTORS = frozenset("dari untuk asal negara urusan tetap permanen khusus senior baru wakil kepala "
                       "kementerian kemlu kemenlu ham hak asasi manusia pbb nato asean uni eropa the of".split())
APPOSITION = frozenset({"", "sebagai", "selaku", "yakni", "yaitu"})   # "" is the comma
FUNCTION_WORDS = frozenset("dan and of the di da de du la le el al".split())
STOP_PUNCT = frozenset(".;:!?()\"“”")
ORG_SECTORS = [("MED", "kantor berita"), ("GOV", "kementerian kemlu kemenlu pemerintah pemerintahan istana kabinet"),
               ("MIL", "angkatan tentara militer pasukan armada brigade batalion junta"),
               ("COP", "polisi kepolisian polda polres polsek"), ("PTY", "partai"),
               ("JUD", "pengadilan mahkamah kejaksaan"), ("LEG", "parlemen dpr dprd duma kongres senat majelis"),
               ("EDU", "universitas institut sekolah"), ("BUS", "pt bank perusahaan tbk")]
MILITARY_TITLES = frozenset("jenderal letjen mayjen brigjen kolonel letkol mayor kapten panglima laksamana marsekal komandan".split())


@dataclass(slots=True)
class RoleGuess:
    code: Optional[str] = None       # KB role code (foreign_minister...) when a cue matched
    country: Optional[str] = None
    title: Optional[str] = None      # the title words as written, when no cue matched
    counterpart: bool = False


@dataclass(slots=True)
class Cluster:
    keys: list[list[str]] = field(default_factory=list)   # folded name words per full mention
    members: list[int] = field(default_factory=list)      # entity indices
    record: Optional[Record] = None
    guesses: list[RoleGuess] = field(default_factory=list)
    canonical: str = ""


class _ClusterIndex:
    """Clusters by the folded words of their full names (keeps coreference linear)."""

    def __init__(self) -> None:
        self.by_last: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}
        self.by_any: dict[str, list[Cluster]] = {}

    def add(self, c: Cluster, keys: list[str]) -> None:
        c.keys.append(keys)
        groups = [(self.by_any, k) for k in keys]
        if len(keys) > 1:
            groups += [(self.by_last, keys[-1]), (self.by_first, keys[0])]
        for table, k in groups:
            lst = table.setdefault(k, [])
            if not any(x is c for x in lst):     # identity: clusters never compare equal, and == on them is slow
                lst.append(c)


class Doc:
    """A body with its tokens and sentence index, for context windows around mentions."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.tokens = body_tokens(body)
        self.starts = [t.start for t in self.tokens]
        self.sent_starts = [s.start for s in sentences(body)] or [0]

    def token_at(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)


def _zone_words(kb: KB) -> frozenset[str]:
    words = set(CONNECTORS) | set(kb.titles) | set(kb.counterpart_cues)
    for cue in kb.role_cues:
        words.update(cue.split())
    for name in kb.country_names:
        words.update(w for w in name.split() if w not in FUNCTION_WORDS)
    return frozenset(words)


def _read_zone(kb: KB, toks: list[Token], body: str) -> RoleGuess:
    """Role, country and counterpart flag from title words like 'Menteri Luar Negeri Rusia'."""
    lowers = [norm(t.text) for t in toks]
    guess = RoleGuess(counterpart=any(w in kb.counterpart_cues for w in lowers))
    text = " ".join(lowers)
    best = max((cue for cue in _cues_starting_with(kb, text.split()) if f" {cue} " in f" {text} "), key=len, default=None)
    if best:
        after = f" {text} ".split(f" {best} ", 1)[1].split()
        # "Menteri Luar Negeri Rusia" is the office; "Vice President Corporate Communication PT X" is not
        if all(w in CONNECTORS or w in kb.country_names or w in kb.titles for w in after):
            guess.code = kb.role_cues[best]
    gaz = gazetteer().tag(lowers)
    for i, tag in enumerate(gaz):
        if tag == "B-CTRY":
            j = i + 1
            while j < len(gaz) and gaz[j] == "I-CTRY":
                j += 1
            guess.country = kb.country_names.get(" ".join(lowers[i:j]), guess.country)
    words = [t.text for t in toks if t.text != ","]
    if words and not guess.code and not guess.counterpart and any(norm(w) not in kb.country_names for w in words):
        guess.title = body[toks[0].start:toks[-1].end].strip(" ,")   # "Kolonel", "wakil permanen Rusia untuk ASEAN"
    return guess


_CUES_BY_FIRST: dict[int, tuple[KB, dict[str, list[tuple[int, str]]]]] = {}


def _cues_starting_with(kb: KB, words: list[str]) -> list[str]:
    """The role cues whose first word is among ``words``, in ``kb.role_cues`` order: the
    only ones that can occur in their text (a cue matches at word boundaries)."""
    entry = _CUES_BY_FIRST.get(id(kb))
    if entry is None or entry[0] is not kb:
        index: dict[str, list[tuple[int, str]]] = {}
        for n, cue in enumerate(kb.role_cues):
            index.setdefault((cue.split() or [""])[0], []).append((n, cue))   # "": blank cues, always tried
        entry = _CUES_BY_FIRST[id(kb)] = (kb, index)
    found = [c for w in set(words) | {""} for c in entry[1].get(w, ())]
    return [cue for _, cue in sorted(found)]


class Linker:
    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.zone = _zone_words(kb)
        self.role_words = frozenset(w for cue in kb.role_cues for w in cue.split()) | kb.titles

    # --- context -------------------------------------------------------------------
    def left_zone(self, doc: Doc, ent: Entity, per_ends: set[int]) -> list[Token]:
        i = doc.token_at(ent.start) - 1
        out: list[Token] = []
        while i >= 0 and len(out) < 12:
            t = doc.tokens[i]
            if t.end in per_ends or "\n" in doc.body[t.end:(out[0].start if out else ent.start)]:
                break
            inside_title = t.text[:1].isupper() or t.text in "()" or t.text == "dan"
            if t.text in STOP_PUNCT and t.text not in "()" or (t.text != "," and norm(t.text) not in self.zone and not inside_title):
                break
            out.insert(0, t)
            i -= 1
        while out and norm(out[0].text) not in self.role_words | self.kb.counterpart_cues:   # a title starts with a title word
            out.pop(0)
        return out

    def right_zone(self, doc: Doc, ent: Entity, per_starts: set[int]) -> list[Token]:
        i = doc.token_at(ent.end)
        if i >= len(doc.tokens) or norm(doc.tokens[i].text) not in APPOSITION:
            return []
        out: list[Token] = []
        for t in doc.tokens[i + 1:i + 11]:
            if t.start in per_starts:
                return []                       # an enumeration of names, not an apposition
            if t.text in STOP_PUNCT or t.text == "," or norm(t.text) not in self.zone:
                break
            out.append(t)
        while out and (norm(out[-1].text) in CONNECTORS - {"pbb", "nato", "asean"} or
                       (out[-1].text.islower() and norm(out[-1].text) not in self.role_words)):
            out.pop()
        return out

    def guess_role(self, doc: Doc, ent: Entity, per_starts: set[int], per_ends: set[int]) -> RoleGuess:
        left = _read_zone(self.kb, self.left_zone(doc, ent, per_ends), doc.body)
        if left.code or left.title or left.country or left.counterpart:
            return left
        return _read_zone(self.kb, self.right_zone(doc, ent, per_starts), doc.body)

    # --- non-person mentions -----------------------------------------------------------
    def link_place_or_org(self, ent: Entity) -> None:
        key = norm(ent.text)
        rec = self.kb.by_name.get(key)
        if rec and rec.kind != "PER":
            ent.canonical, ent.kb_id, ent.country, ent.sector = rec.name, rec.id, rec.country, rec.sector
            if rec.kind == "GPE" and ent.label == "LOC":
                ent.label = "GPE"
            return
        if key in self.kb.capitals:
            ent.country = self.kb.capitals[key]
            ent.canonical = ent.text
            return
        ent.canonical = " ".join(ent.text.split())
        if ent.label == "ORG":
            ent.country = self.country_inside(ent.text)
            ent.sector = next((s for s, words in ORG_SECTORS if set(key.split()) & set(words.split())), None)

    def country_inside(self, text: str) -> Optional[str]:
        lowers = [norm(t.text) for t in tokenize(text)]
        gaz = gazetteer().tag(lowers)
        found = None
        for i, tag in enumerate(gaz):
            if tag == "B-CTRY":
                j = i + 1
                while j < len(gaz) and gaz[j] == "I-CTRY":
                    j += 1
                found = self.kb.country_names.get(" ".join(lowers[i:j]), found)
        return found

    # --- people ----------------------------------------------------------------------
    def name_keys(self, text: str) -> list[str]:
        words = [w for w in norm(text).split() if w not in self.kb.titles]
        return [fold(w) for w in words] or [fold(text)]

    def kb_person(self, keys: list[str]) -> Optional[Record]:
        recs = self.kb.people_by_fold.get(" ".join(keys))
        if recs:
            return recs[0]
        if len(keys) == 1:                      # a bare surname the KB knows uniquely
            hits = self.kb.people_with_surname(keys[0])
            return next(iter(hits.values())) if len(hits) == 1 else None
        return None

    def cluster_people(self, ents: list[Entity], idx: list[int]) -> list[Cluster]:
        """Full names first (same surname, compatible first name), then bare names."""
        clusters: list[Cluster] = []
        index = _ClusterIndex()
        singles = []
        for i in idx:
            keys = self.name_keys(ents[i].text)
            if len(keys) == 1:
                singles.append((i, keys))
                continue
            c = next((c for c in index.by_last.get(keys[-1], ())
                      if any(k[0] == keys[0] or k[0][:1] == keys[0][:1] for k in c.keys)), None)
            if c is None:
                c = Cluster(record=self.kb_person(keys))
                clusters.append(c)
            index.add(c, keys)
            c.members.append(i)
        for i, keys in singles:
            c = self.best_cluster(index, keys[0], ents[i].start, ents)
            if c is None:
                c = Cluster(record=self.kb_person(keys))
                clusters.append(c)
            index.add(c, keys)
            c.members.append(i)
        return clusters

    def best_cluster(self, index: "_ClusterIndex", key: str, start: int, ents: list[Entity]) -> Optional[Cluster]:
        """The cluster a bare name refers to: surname match first, nearest preceding mention."""
        def distance(c: Cluster) -> int:
            before = [ents[m].start for m in c.members if ents[m].start <= start]
            return start - max(before) if before else 10**9 + min(ents[m].start for m in c.members)
        for hits in (index.by_last.get(key), index.by_first.get(key), index.by_any.get(key)):
            if hits:
                return min(hits, key=distance)
        return None

    def resolve(self, c: Cluster, ents: list[Entity], day: Optional[str], subject: Optional[RoleGuess]) -> RoleGuess:
        """Role and country of a cluster: KB office on ``day`` first, then what the text says."""
        text = next((g for g in c.guesses if g.code or g.title), RoleGuess())
        country = next((g.country for g in c.guesses if g.country), None)
        counter = next((g for g in c.guesses if g.counterpart), None)
        if counter and not text.code and subject and subject.code:
            text = RoleGuess(subject.code, counter.country)
            country = counter.country
        rec = c.record
        if rec:
            terms = [t for t in rec.terms if day and t.covers(day)] or ([] if day or text.code else rec.terms[-1:])
            if terms:
                return RoleGuess(terms[0].role, terms[0].country or None)
            return RoleGuess(text.code, None if rec.org else rec.country, text.title)
        return RoleGuess(text.code, country, text.title)

    def apply(self, c: Cluster, ents: list[Entity], role: RoleGuess) -> None:
        rec = c.record
        names = [ents[m].text for m in c.members]
        c.canonical = rec.name if rec else max(names, key=lambda n: (len(n.split()), -names.index(n)))
        country = (None if rec.org else rec.country) if rec else role.country
        label = self.kb.role_label(role.code, role.country) if role.code else role.title
        sector = "IGO" if rec and rec.org else ("MIL" if label and set(norm(label).split()) & MILITARY_TITLES else ("GOV" if role.code else None))
        for m in c.members:
            e = ents[m]
            e.canonical, e.kb_id, e.country, e.role, e.sector = c.canonical, rec.id if rec else None, country, label, sector


def _subject_role(linker: Linker, doc: Doc, ents: list[Entity], roles: dict[int, RoleGuess], i: int) -> Optional[RoleGuess]:
    """The role of the nearest earlier person with a role code, within two sentences."""
    sent = doc.sentence_of(ents[i].start)
    for j in range(i - 1, -1, -1):
        if doc.sentence_of(ents[j].start) < sent - 2:
            break
        r = roles.get(j)
        if ents[j].label == "PER" and r and r.code:
            return r
    return None


def _unknown_place_in(kb: KB, title: Optional[str]) -> bool:
    """"Raja Zembla": a capitalised word in the title that is no title word names a place
    we do not know, so the country named earlier in the sentence is not the title's."""
    words = (title or "").replace(",", " ").split()[1:]
    return any(w[:1].isupper() and norm(w) not in kb.titles and norm(w) not in CONNECTORS for w in words)


def _host_country(doc: Doc, ents: list[Entity], i: int, own: Optional[str]) -> Optional[str]:
    sent = doc.sentence_of(ents[i].start)
    for j in range(i - 1, -1, -1):
        e = ents[j]
        if doc.sentence_of(e.start) != sent:
            break
        if e.label in ("GPE", "LOC") and e.country and e.country != own:
            return e.country
    return None


def role_phrase_entities(linker: Linker, doc: Doc, ents: list[Entity], day: Optional[str]) -> list[Entity]:
    """'Menlu Rusia' with no name after it: a mention of the office holder on ``day``."""
    if not day:
        return []
    kb, toks = linker.kb, doc.tokens
    lowers = [norm(t.text) for t in toks]
    starts = _cue_starts(kb, lowers)
    if not starts:
        return []
    covered = {t for e in ents for t in range(doc.token_at(e.start), doc.token_at(e.end))}
    per_starts = {doc.token_at(e.start) for e in ents if e.label == "PER"}
    gaz = gazetteer().tag(lowers)
    out = []
    for i in starts:
        for n in (4, 3, 2, 1):
            code = kb.role_cues.get(" ".join(lowers[i:i + n]))
            j = i + n
            if not code or j >= len(toks) or gaz[j] != "B-CTRY" or covered & set(range(i, j)):
                continue
            k = j + 1
            while k < len(toks) and gaz[k] == "I-CTRY":
                k += 1
            country = kb.country_names.get(" ".join(lowers[j:k]))
            nxt = k + 1 if k < len(toks) and toks[k].text == "," else k
            holder = kb.holder(code, country, day)
            if holder and nxt not in per_starts and (i == 0 or lowers[i - 1] != "mantan"):
                text = doc.body[toks[i].start:toks[k - 1].end]
                out.append(Entity(text, toks[i].start, toks[k - 1].end, "PER", holder.name, holder.id,
                                  holder.country, kb.role_label(code, country), "GOV"))
            break
    return out


def _cue_starts(kb: KB, lowers: list[str]) -> list[int]:
    """Indices where a role cue can begin: words joined by spaces equal a cue (cues are
    single-spaced) only from a word whose first part is the cue's first word."""
    _cues_starting_with(kb, [])                        # builds the first-word index
    firsts = _CUES_BY_FIRST[id(kb)][1]
    if "" in firsts:                                   # a blank cue: anything may match
        return list(range(len(lowers)))
    return [i for i, w in enumerate(lowers) if w and w.split(" ", 1)[0] in firsts]


def _retype_person_names(ents: list[Entity]) -> None:
    """A one-word LOC/ORG mention that is the surname of a person named in full is that person."""
    surnames = {fold(e.text.split()[-1]) for e in ents if e.label == "PER" and len(e.text.split()) > 1}
    for e in ents:
        if e.label in ("LOC", "ORG") and e.kb_id is None and len(e.text.split()) == 1 and fold(e.text) in surnames:
            e.label = "PER"
            e.canonical = e.country = e.sector = None


STATE_BODY_HEADS = frozenset("kementerian badan komisi fraksi dewan majelis mahkamah kejaksaan kepolisian "
                             "pemerintah pemprov pemkab pemkot dpr dprd mpr polda polres".split())
NOT_DOMESTIC = frozenset("internasional dunia global eropa asia afrika amerika pbb asean uni".split())


def _domestic_bodies(doc: Doc, ents: list[Entity]) -> None:
    """An Indonesian news text's "Kementerian Sosial", "Kemensos", "Badan Kehormatan" or
    "Fraksi PDI Perjuangan" with no state named in it or in its sentence is Indonesia's
    (flagged with confidence 0.5: a guess from the language of the news, not from the text)."""
    foreign = {doc.sentence_of(e.start) for e in ents if e.country and e.country != "IDN" and e.label in ("GPE", "LOC", "PER")}
    for e in ents:
        words = norm(e.text).split()
        if e.label != "ORG" or e.country or not words or set(words) & NOT_DOMESTIC:
            continue
        if (words[0] in STATE_BODY_HEADS or words[0].startswith("kemen")) and doc.sentence_of(e.start) not in foreign:
            e.country, e.confidence = "IDN", min(e.confidence, 0.5)
            e.sector = e.sector or "GOV"


def link_entities(body: str, ents: list[Entity], day: Optional[str]) -> list[Entity]:
    """Fill canonical, kb_id, country, role and sector; returns the (extended) mention list."""
    linker = _linker()
    doc = Doc(body)
    ents = sorted(ents, key=lambda e: (e.start, -e.end))
    for e in ents:
        if e.label != "PER":
            linker.link_place_or_org(e)
    ents = sorted(ents + role_phrase_entities(linker, doc, ents, day), key=lambda e: (e.start, -e.end))
    _domestic_bodies(doc, ents)
    _retype_person_names(ents)
    _link_people(linker, doc, ents, day)
    return ents


def _link_people(linker: Linker, doc: Doc, ents: list[Entity], day: Optional[str]) -> None:
    """Cluster person mentions and give each cluster its canonical name, role and country;
    clusters introduced as someone's counterpart are resolved after everyone else."""
    people = [i for i, e in enumerate(ents) if e.label == "PER" and e.kb_id is None]
    per_starts = {ents[i].start for i in people}
    per_ends = {ents[i].end for i in people}
    guesses = {i: linker.guess_role(doc, ents[i], per_starts, per_ends) for i in people}
    roles: dict[int, RoleGuess] = {}
    for c in sorted(linker.cluster_people(ents, people), key=lambda c: any(guesses[m].counterpart for m in c.members)):
        c.guesses = [guesses[m] for m in sorted(c.members)]
        role = _cluster_role(linker, doc, ents, c, roles, day)
        linker.apply(c, ents, role)
        roles.update({m: role for m in c.members})


def _cluster_role(linker: Linker, doc: Doc, ents: list[Entity], c: Cluster, roles: dict, day: Optional[str]) -> RoleGuess:
    first = min(c.members)
    subject = _subject_role(linker, doc, ents, roles, first) if any(g.counterpart for g in c.guesses) else None
    for g in c.guesses:
        if g.counterpart and not g.country:
            g.country = _host_country(doc, ents, first, subject.country if subject else None)
    role = linker.resolve(c, ents, day, subject)
    if not c.record and not role.country and (role.title or role.code) and not _unknown_place_in(linker.kb, role.title):
        role.country = _host_country(doc, ents, first, None)     # an official with no country given:
        if role.country:                                         # the country named just before, flagged
            for m in c.members:
                ents[m].confidence = 0.5
    return role


_LINKER: Optional[Linker] = None


def _linker() -> Linker:
    global _LINKER
    if _LINKER is None:
        _LINKER = Linker(load_kb())
    return _LINKER
