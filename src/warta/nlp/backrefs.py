"""Article context for events: what earlier sentences said, for later back-references.

When a whole article is analysed, a sentence often names its sides only by referring back:
"Kedua pemimpin sepakat ...", "memanggil duta besar negara itu", "mengutuk serangan itu",
"Ia juga menuduh ...". The events stage keeps an ``ArticleContext`` while it walks the
sentences in order and asks it to resolve such phrases:
- "kedua negara/pemimpin/menteri/pihak (itu/tersebut)", "keduanya" -> the two sides of the
  latest event with two sides (or the latest plural subject "A dan B", whichever is later);
- "negara/pemerintah itu/tersebut/ini" -> the latest state that was a side of an event and
  is not named in the sentence before the phrase (else the latest such state named);
  "kelompok/badan/organisasi ... itu/tersebut" -> the latest organisation named;
- a subject "Ia/Dia/Beliau" -> the person who was the subject (event source or quote
  speaker) of the latest earlier sentence with a person as its subject;
- "serangan itu", "langkah tersebut" as what is criticised -> the doer of the latest event
  of that kind; "(keluarga) korban" -> of the state attacked in the latest attack.
In an isolated line (``warta analyze --lines``) nothing precedes the sentence, so a pronoun
stays a pronoun and an unresolved back-reference still drops the event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..model import Actor, Event, Quote
from .actors import PERSON_LABELS, Resolver
from .tokens import Token

DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
PAIR_HEADS = frozenset({"negara", "pemimpin", "menteri", "menlu", "pihak", "pemerintah", "delegasi", "presiden",
                        "kepala", "diplomat", "tokoh", "perdana", "pejabat"})
STATE_HEADS = frozenset({"negara", "pemerintah", "pemerintahan"})
BODY_HEADS = frozenset({"kelompok", "organisasi", "badan", "lembaga", "milisi", "faksi", "gerakan", "aliansi"})
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
SUBJECT_PRONOUNS = frozenset({"ia", "dia", "beliau"})
GENERIC_ACTS = frozenset({"langkah", "tindakan", "keputusan", "kebijakan", "aksi", "hal"})
CUES = frozenset({"kedua", "keduanya", "korban"}) | SUBJECT_PRONOUNS | DEMONSTRATIVES   # words a back-reference needs
STANCE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "CONSULT", "PROTEST", "AGREE"})


def actor_of(e) -> Actor:
    return Actor(e.text, e.start, e.end, e.canonical or e.text, e.kb_id, e.country, e.sector)


@dataclass
class ArticleContext:
    res: Resolver
    quotes: Sequence[Quote] = ()
    events: list[Event] = field(default_factory=list)
    acts: list = field(default_factory=list)        # (tokens, Match) of the acts told so far
    referred: set = field(default_factory=set)      # spans of "kedua X" resolved to two sides
    _cue_sentence: tuple = (None, [])

    # --- what a phrase refers back to --------------------------------------------------
    def refine(self, actor: Optional[Actor], toks: Sequence[Token], span: tuple[int, int]) -> Optional[Actor]:
        """The actor a back-referring phrase stands for (``actor`` when it is not one)."""
        if not any(span[0] <= k < span[1] for k in self._cues_in(toks)):
            return actor
        words = [t.low for t in toks[span[0]:span[1]]]
        pos = toks[span[0]].start
        if words == ["keduanya"] or any(w == "kedua" and n in PAIR_HEADS for w, n in zip(words, words[1:])):
            if actor is not None and len(self.res.members(actor)) == 2:
                self.referred.add((actor.start, actor.end))     # "A dan B ... keduanya"
                return actor
            return self._pair(actor, toks, span) or actor
        if actor is not None and self.res.members(actor):
            return actor
        if actor is not None and (actor.country or actor.canonical) and not _pronoun(words):
            return actor
        if len(words) == 1 and words[0] in SUBJECT_PRONOUNS:
            ref = self.subject_before(pos)
            if ref is None:
                return actor
            tok = toks[span[0]]
            return Actor(tok.text, tok.start, tok.end, ref.canonical, ref.kb_id, ref.country or self._country_of(ref), ref.sector)
        if "korban" in words and actor is not None and not actor.country:
            return self._victims(actor, pos)
        back = any(w in DEMONSTRATIVES for w in words[1:])
        if back and STATE_HEADS & set(words) and not {"kedua", "ketiga"} & set(words):
            return self._with_referent(actor, toks, span, self.state_before(pos, self._named_before(toks, pos)))
        if back and BODY_HEADS & set(words):
            return self._with_referent(actor, toks, span, self.body_before(pos))
        return actor

    def _cues_in(self, toks: Sequence[Token]) -> list[int]:
        """Where the sentence has a word a back-reference needs (found once per sentence)."""
        if self._cue_sentence[0] is not toks:
            self._cue_sentence = (toks, [k for k, t in enumerate(toks) if t.low in CUES])
        return self._cue_sentence[1]

    def _pair(self, actor: Optional[Actor], toks: Sequence[Token], span: tuple[int, int]) -> Optional[Actor]:
        pos = toks[span[0]].start
        pair = self.pair_before(pos)
        group = self.res.group_before(pos, ["kedua", "negara"])
        if group is not None and len(group.members) == 2 and (not pair or group.end > pair[0]):
            pair = (group.end, group.members)
        if not pair:
            return None
        a, b = pair[1]
        start, end = toks[span[0]].start, toks[span[1] - 1].end
        text = self.res.body[start:end]
        whole = Actor(text, start, end, f"{a.canonical or a.text} dan {b.canonical or b.text}",
                      country=a.country if a.country == b.country else None)
        self.res.set_members(whole, [a, b])
        self.referred.add((start, end))
        return whole

    def sides_of(self, actor: Actor) -> list[Actor]:
        """The two sides a "kedua X" phrase of this article was resolved to (each acts)."""
        return self.res.members(actor) if (actor.start, actor.end) in self.referred else []

    def _with_referent(self, actor: Optional[Actor], toks: Sequence[Token], span: tuple[int, int],
                       ref: Optional[Actor]) -> Optional[Actor]:
        if ref is None:
            return actor
        start, end = toks[span[0]].start, toks[span[1] - 1].end
        text = self.res.body[start:end]
        if actor is not None and actor.sector and not _head_is(toks, span, STATE_HEADS | BODY_HEADS):
            return Actor(text, start, end, None, None, ref.country, actor.sector)   # "duta besar negara itu"
        return Actor(text, start, end, ref.canonical or ref.text, ref.kb_id, ref.country, ref.sector)

    def _victims(self, actor: Actor, pos: int) -> Actor:
        """"keluarga korban", "para korban": the victims of the latest attack told, of the
        attacked side's state."""
        for ev in reversed(self.events):
            if ev.end <= pos and ev.type == "ASSAULT" and ev.target is not None and ev.target.country:
                return Actor(actor.text, actor.start, actor.end, actor.canonical, actor.kb_id, ev.target.country, actor.sector)
        return actor

    def _named_before(self, toks: Sequence[Token], pos: int) -> set[str]:
        """States named in the sentence before ``pos``: "Manila memanggil duta besar negara
        itu" cannot mean Manila's own state."""
        return {e.country for e in self.res.inside(toks[0].start, pos) if e.country}

    # --- referents ----------------------------------------------------------------------
    def pair_before(self, pos: int) -> Optional[tuple[int, list[Actor]]]:
        """The sides of the latest talks or joint act, else of the latest two-sided event."""
        sided = [ev for ev in self.events if ev.end <= pos and ev.source is not None
                 and ev.target is not None and _distinct(ev.source, ev.target)]
        mutual = [ev for ev in sided if ev.type in MUTUAL_TYPES]
        for ev in reversed(mutual or sided):
            return ev.start, [ev.source, ev.target]
        return None

    def state_before(self, pos: int, exclude: set[str]) -> Optional[Actor]:
        for ev in reversed(self.events):
            if ev.end > pos:
                continue
            for side in (ev.target, ev.source):
                if side is not None and side.country and side.country not in exclude and side.country != "IGO":
                    return Actor(side.text, side.start, side.end, side.country, None, side.country, None)
        return self.named_state_before(pos, exclude)

    def named_state_before(self, pos: int, exclude: set[str]) -> Optional[Actor]:
        for e in reversed(self.res.entities):
            if e.end <= pos and e.label == "GPE" and e.country and e.country not in exclude and e.country != "IGO":
                return Actor(e.text, e.start, e.end, e.country, None, e.country, None)
        return None

    def body_before(self, pos: int) -> Optional[Actor]:
        for e in reversed(self.res.entities):
            if e.end <= pos and e.label in ("ORG", "NOR", "ORGANIZATION"):
                return actor_of(e)
        return None

    def subject_before(self, pos: int) -> Optional[Actor]:
        """The latest earlier sentence's person subject: an event source or a quote speaker."""
        best: Optional[tuple[int, Actor]] = None
        for ev in self.events:
            if ev.end <= pos and ev.source is not None and self._person(ev.source):
                best = max(best or (ev.start, ev.source), (ev.start, ev.source), key=lambda x: x[0])
        for q in self.quotes:
            sp = q.speaker
            if sp is not None and q.end <= pos and sp.start is not None and self._person(sp):
                if best is None or q.start > best[0]:
                    best = (q.start, sp)
        return best[1] if best else None

    def _country_of(self, person: Actor) -> Optional[str]:
        """A short mention ("Lecornu") takes the country of a fuller one of the same person."""
        return next((e.country for e in self.res.people if e.country and (e.canonical or e.text) == person.canonical), None)

    def _person(self, actor: Actor) -> bool:
        if not actor.canonical or actor.start is None:
            return False
        return any(e.label in PERSON_LABELS for e in self.res.inside(actor.start, actor.end or actor.start))

    def doer_of(self, noun: str, trigger_type: Optional[str], pos: int, critic: Actor) -> Optional[Actor]:
        """"mengutuk serangan itu": the source of the latest event of that kind (any act for
        "langkah tersebut") that is not the critic's own side."""
        for ev in reversed(self.events):
            if ev.end > pos or ev.source is None:
                continue
            kind_ok = ev.type == trigger_type if trigger_type else ev.type not in STANCE_TYPES
            own = critic.country is not None and ev.source.country == critic.country
            if kind_ok and not own:
                return ev.source
        return None


    def partner_of(self, actor: Actor, pos: int, kind: str) -> Optional[Actor]:
        """The other side of the latest talks (CONSULT) the actor's side took part in, unless
        an event of this kind between the two states is already told."""
        side = actor.country or (actor.canonical or actor.text).lower()
        partner = self._partner(side, pos)
        told = any(ev.type == kind and ev.source is not None and ev.target is not None and partner is not None
                   and ev.source.country == actor.country and ev.target.country == partner.country for ev in self.events)
        return None if told else partner

    def _partner(self, side: str, pos: int) -> Optional[Actor]:
        for ev in reversed(self.events):
            if ev.end > pos or ev.type != "CONSULT" or ev.source is None or ev.target is None:
                continue
            src, tgt = ev.source, ev.target
            keys = [(a, a.country or (a.canonical or a.text).lower()) for a in (src, tgt)]
            if keys[0][1] == side and keys[1][1] != side:
                return tgt
            if keys[1][1] == side and keys[0][1] != side:
                return src
        return None


def _pronoun(words: Sequence[str]) -> bool:
    return len(words) == 1 and words[0] in SUBJECT_PRONOUNS


def _head_is(toks: Sequence[Token], span: tuple[int, int], heads: frozenset[str]) -> bool:
    return toks[span[0]].low in heads


def _distinct(a: Actor, b: Actor) -> bool:
    if a.country and b.country:
        return a.country != b.country
    return (a.canonical or a.text).lower() != (b.canonical or b.text).lower()
