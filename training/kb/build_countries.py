"""Build src/warta/resources/kb/countries.json from CLDR (via babel) plus our curated aliases.

Run: /work/venv-dev/bin/python training/kb/build_countries.py
babel is a build-time dependency only; the shipped output is plain JSON. Country names come
from the Unicode CLDR (Unicode licence, see resources/kb/LICENSE-CLDR.txt); aliases,
capitals and seats of power are our own curation in training/kb/country_extras.json.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from babel.core import Locale, get_global

ROOT = Path(__file__).resolve().parents[2]
EXTRAS = Path(__file__).with_name("country_extras.json")
OUT = ROOT / "src" / "warta" / "resources" / "kb" / "countries.json"


def alpha3_codes() -> dict[str, str]:
    """ISO alpha-3 -> alpha-2 from CLDR's territory aliases (only real, current countries)."""
    names = Locale("en").territories
    out = {}
    for code, targets in get_global("territory_aliases").items():
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and targets[0] in names:
            out.setdefault(code, targets[0])
    return out


def build() -> dict:
    extras = json.loads(EXTRAS.read_text())
    id_names, en_names = Locale("id").territories, Locale("en").territories
    countries = {}
    for a3, a2 in sorted(alpha3_codes().items()):
        if a2 in ("EU", "UN", "EZ", "QO", "ZZ"):
            continue
        extra = extras.get(a3, {})
        countries[a3] = {
            "id": f"country:{a3}",
            "alpha2": a2,
            "name_id": re.sub(r"\s*\(.*?\)", "", id_names[a2]),
            "name_en": re.sub(r"\s*\(.*?\)", "", en_names[a2]),
            "aliases": extra.get("aliases", []),
            "capital": extra.get("capital", []),
            "seats": extra.get("seats", []),
            "qid": extra.get("qid"),
        }
    return countries


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"wrote {len(data)} countries to {OUT}")
