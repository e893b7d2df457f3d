"""The seeds as the held-out test sees real news: one sentence per line, tokenised with
spaces around punctuation and without quote marks, analysed like `warta analyze --lines`.

Gold events are placed in the sentence that holds their evidence start, gold quotes in the
sentence that holds the start of their content; then scored with `warta eval`'s matcher.
Usage: PYTHONPATH=src python bench/seeds_lines.py [--keep-quotes] [--tolerant] [--errors]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from warta.evaluate.events import analyze_files, analyze_texts, score_documents, words
from warta.nlp.tokens import sentences, tokenize

SHARED = Path(__file__).resolve().parents[2] / "shared"


def tokenised(text: str, keep_quotes: bool) -> str:
    toks = [t.text for t in tokenize(text) if keep_quotes or t.text not in "“”\"'‘’"]
    return " ".join(toks)


def place(items: list[dict], key: str, sents: list[str]) -> list[list[dict]]:
    """Each gold item goes to the first sentence whose words start with its key's words."""
    out = [[] for _ in sents]
    for item in items:
        head = words(item[key])[:4]
        for k, s in enumerate(sents):
            w = words(s)
            if any(w[j:j + len(head)] == head for j in range(len(w))):
                out[k].append(item)
                break
    return out


def main() -> None:
    keep = "--keep-quotes" in sys.argv
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())
    bodies = analyze_files([SHARED / "corpus" / "seeds" / n for n in gold])
    pairs = []
    for (name, g), art in zip(gold.items(), bodies):
        sents = [s.text for s in sentences(art.get("body") or "")]
        evs = place(g["events"], "evidence_start", sents)
        qs = place(g["quotes"], "content_start", sents)
        lines = [tokenised(s, keep) for s in sents]
        for k, (line, pred) in enumerate(zip(lines, analyze_texts(lines))):
            pairs.append((f"{name}:{k + 1}", {"events": evs[k], "quotes": qs[k]}, pred))
    if "--tolerant" in sys.argv:         # an isolated line cannot name who "dia"/"Menlu Rusia" is
        for _, g, pred in pairs:
            for q in pred.get("quotes") or []:
                sp = q.get("speaker") or {}
                if not sp.get("canonical") and (words(sp.get("text"))[:1] in (["ia"], ["dia"], ["nya"], ["mereka"], ["beliau"])
                                                 or not any(w[:1].isupper() for w in (sp.get("text") or "").split()[1:])):
                    for gq in g["quotes"]:
                        if set(words(gq["content_start"])[:3]) <= set(words(q.get("content"))):
                            sp["canonical"] = gq["speaker"]
    scores = score_documents(pairs)
    print(f"seeds as {len(pairs)} tokenised lines{' (quote marks kept)' if keep else ' (no quote marks)'}"
          f"{', unresolvable pronoun/title speakers accepted' if '--tolerant' in sys.argv else ''}")
    for part, s in scores.items():
        print(f"{part:7s} P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.3f} ({s.tp} matched, {s.pred} predicted, {s.gold} gold)")



def errors() -> None:
    keep = "--keep-quotes" in sys.argv
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())
    bodies = analyze_files([SHARED / "corpus" / "seeds" / n for n in gold])
    for (name, g), art in zip(gold.items(), bodies):
        sents = [s.text for s in sentences(art.get("body") or "")]
        qs = place(g["quotes"], "content_start", sents)
        evs = place(g["events"], "evidence_start", sents)
        lines = [tokenised(s, keep) for s in sents]
        for k, (line, pred) in enumerate(zip(lines, analyze_texts(lines))):
            sc = score_documents([(f"{name[:3]}:{k + 1}", {"events": evs[k], "quotes": qs[k]}, pred)])
            for part in ("quotes", "events"):
                for m in sc[part].misses:
                    print(f"{part} miss     {m}")
                for m in sc[part].spurious:
                    print(f"{part} spurious {m}")


if __name__ == "__main__":
    errors() if "--errors" in sys.argv else main()
