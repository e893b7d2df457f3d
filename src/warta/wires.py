"""The shipped list of wire services (resources/wires.tsv), shared by the metadata extractor
and by corpus provenance so both know the same agencies under the same canonical names."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Wire:
    name: str                     # canonical name, as stored in wire_sources and provenance
    country: str                  # ISO 3166 alpha-3
    ownership: str                # state | public | private
    aliases: tuple[str, ...] = () # other spellings in their usual case (the name not repeated)


@functools.cache
def wire_list() -> dict[str, Wire]:
    """Canonical name -> Wire, in file order."""
    text = resources.files("warta.resources").joinpath("wires.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, aliases, country, ownership = line.split("\t")
            others = tuple(a for a in aliases.split("|") if a and a != name)
            out[name] = Wire(name, country, ownership, others)
    return out


def spellings(wire: Wire) -> tuple[str, ...]:
    """The canonical name and every alias."""
    return (wire.name, *wire.aliases)
