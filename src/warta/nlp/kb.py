"""The shipped knowledge base: countries (CLDR names + our aliases), curated people and
organisations with office terms, and the role lexicon. Loaded once per process.

Lookups are by a normalised key (lower case, no diacritics, single spaces), so
"Türk", "Turk" and "TURK" meet; person names also have a looser *fold* for
transliteration variants (Sergey/Sergei, Shoygu/Shoigu, Zelenskyy/Zelensky).
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from ..errors import ModelError

_NON_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lower case, diacritics removed, punctuation folded to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", plain.replace("’", "'").replace("'", "").lower()).strip()


_FOLDS = ((re.compile(r"oe"), "u"), (re.compile(r"dj"), "j"), (re.compile(r"tj"), "c"),
          (re.compile(r"y"), "i"), (re.compile(r"(\w)\1+"), r"\1"))


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A loose key for one name word: transliteration variants map to one spelling."""
    key = norm(name)
    for pattern, repl in _FOLDS:
        key = pattern.sub(repl, key)
    return key


@dataclass(slots=True)
class Term:
    role: str
    country: Optional[str]
    start: str
    end: Optional[str]

    def covers(self, day: str) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(slots=True)
class Record:
    """One KB entity: a country, organisation or person."""
    id: str
    kind: str                          # GPE | ORG | PER
    name: str
    names: list[str]
    country: Optional[str] = None
    sector: Optional[str] = None
    qid: Optional[str] = None
    terms: list[Term] = field(default_factory=list)
    org: Optional[str] = None          # for people: the organisation they serve (UN, NATO)


@dataclass(slots=True)
class RoleInfo:
    code: str
    label: str
    cues: list[str]
    by_country: dict


class KB:
    def __init__(self, countries: dict, entities: dict, roles: dict) -> None:
        self.records: dict[str, Record] = {}
        self.by_name: dict[str, Record] = {}        # norm(name) -> record
        self.capitals: dict[str, str] = {}           # norm(capital) -> ISO3
        self.country_names: dict[str, str] = {}      # norm(name) -> ISO3
        self.people_by_fold: dict[str, list[Record]] = {}
        self.roles = {code: RoleInfo(code, r["label"], r["cues"], r.get("by_country", {}))
                      for code, r in roles["roles"].items()}
        self.role_cues = {cue: code for code, r in self.roles.items() for cue in r.cues}
        self.counterpart_cues = frozenset(roles["counterpart_cues"])
        self.titles = frozenset(roles["titles"])
        for code, c in countries.items():
            self._add_country(code, c)
        for o in entities["orgs"]:
            self._add(Record(o["id"], "ORG", o["name"], [o["name"], o.get("en", o["name"]), *o["variants"]],
                             o.get("country"), o.get("sector"), o.get("qid")))
        for p in entities["people"]:
            terms = [Term(*t) for t in p["terms"]]
            self._add(Record(p["id"], "PER", p["name"], [p["name"], *p["variants"]], p.get("country"),
                             None, p.get("qid"), terms, p.get("org")))

    def _add_country(self, code: str, c: dict) -> None:
        names = [c["name_id"], c["name_en"], *c["aliases"]]
        rec = Record(c["id"], "GPE", c["name_id"], names, code, "GOV", c.get("qid"))
        self.records[rec.id] = rec
        for n in names:
            self.country_names.setdefault(norm(n), code)
            self.by_name.setdefault(norm(n), rec)
        for n in c["capital"] + c["seats"]:
            self.capitals.setdefault(norm(n), code)

    def _add(self, rec: Record) -> None:
        self.records[rec.id] = rec
        for n in rec.names:
            self.by_name.setdefault(norm(n), rec)
            if rec.kind == "PER":
                key = " ".join(fold(w) for w in norm(n).split())
                self.people_by_fold.setdefault(key, []).append(rec)

    @functools.cached_property
    def surnames(self) -> frozenset[str]:
        """Folded last names that point to exactly one KB person (at least four letters)."""
        seen: dict[str, set[str]] = {}
        for key, recs in self.people_by_fold.items():
            last = key.split()[-1]
            if len(key.split()) > 1 and len(last) >= 4:
                seen.setdefault(last, set()).update(r.id for r in recs)
        return frozenset(k for k, ids in seen.items() if len(ids) == 1)

    def people_with_surname(self, last: str) -> dict[str, Record]:
        """The KB people (by id) with a folded name ending in the folded word ``last``: what
        scanning every ``people_by_fold`` key would give, from an index built once."""
        index = self.__dict__.get("_by_surname")
        if index is None:
            index = {}
            for key, recs in self.people_by_fold.items():
                for rec in recs:         # same order as the scan: a repeated id keeps its last record
                    index.setdefault(key.split()[-1], {})[rec.id] = rec
            self.__dict__["_by_surname"] = index
        return index.get(last, {})

    def country_name(self, code: Optional[str]) -> Optional[str]:
        rec = self.records.get(f"country:{code}") if code else None
        return rec.name if rec else None

    def holder(self, role: str, country: Optional[str], day: str) -> Optional[Record]:
        """The KB person holding ``role`` for ``country`` on ``day`` (YYYY-MM-DD)."""
        for rec in self._office_holders().get((role, country), ()):
            if any(t.role == role and t.country == country and t.covers(day) for t in rec.terms):
                return rec
        return None

    def _office_holders(self) -> dict[tuple[str, Optional[str]], list[Record]]:
        """(role, country) -> the people who ever held it, in record order (built once)."""
        index = self.__dict__.get("_holders")
        if index is None:
            index = {}
            for rec in self.records.values():
                if rec.kind == "PER":
                    for key in dict.fromkeys((t.role, t.country) for t in rec.terms):
                        index.setdefault(key, []).append(rec)
            self.__dict__["_holders"] = index
        return index

    def role_label(self, code: str, country: Optional[str]) -> str:
        info = self.roles.get(code)
        label = info.by_country.get(country or "", info.label) if info else code.replace("_", " ")
        place = self.country_name(country)
        return f"{label} {place}" if place and "PBB" not in label and "NATO" not in label else label


def _read(name: str) -> dict:
    try:
        return json.loads(resources.files("warta.resources.kb").joinpath(name).read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"knowledge base file resources/kb/{name} is missing or corrupt ({e}); "
                         "rebuild it with `python training/kb/build_countries.py` or restore it from git") from e


@functools.cache
def load_kb() -> KB:
    return KB(_read("countries.json"), _read("entities.json"), _read("roles.json"))
