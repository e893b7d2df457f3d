"""Our quotes and events against the two naive peers named in issue 5, on our dev set.

- quotes peer: a short regular expression over the cue words (speaker = the capitalised
  name next to kata/ujar/... or before mengatakan/menyatakan/...);
- events peer: every lexicon trigger word is an event, source = the nearest capitalised
  name before it, target = the nearest one after it, countries from our gazetteer.
Both are scored with the same matcher as `warta eval` (type+source+target; speaker).
Usage: PYTHONPATH=src python bench/baselines.py [--split heldout | --seeds]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from warta.evaluate.events import analyze_texts, read_gold, score_documents
from warta.nlp.actors import places
from warta.nlp.events import lexicon

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "events_dev.jsonl"
NAME = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
POST = re.compile(rf"^(.*?)\s*,\s*(?:kata|ujar|ucap|imbuh|tutur|jelas|ungkap|tegas|pungkas|lanjut)\s+({NAME})")
PRE = re.compile(rf"({NAME})\s+(?:mengatakan|menyatakan|menegaskan|menjelaskan|mengungkapkan|menekankan|mencatat)\s+(?:bahwa\s+)?(.*)")
NYA = re.compile(r"^(.*?)\s*,\s*(?:katanya|ujarnya|tambahnya|imbuhnya|tuturnya)")


def regex_quotes(text: str) -> list[dict]:
    text = text.replace("“", "").replace("”", "").replace('"', "")
    if m := POST.search(text):
        return [{"speaker": {"text": m.group(2)}, "content": m.group(1)}]
    if m := PRE.search(text):
        return [{"speaker": {"text": m.group(1)}, "content": m.group(2)}]
    if m := NYA.search(text):
        return [{"speaker": {"text": "nya"}, "content": m.group(1)}]
    return []


def _side(name: str | None) -> dict | None:
    if not name:
        return None
    words = name.lower().split()
    code = next((p.code for k in range(len(words)) for n in range(len(words) - k, 0, -1)
                 if (p := places().get(tuple(words[k:k + n]))) is not None), None)
    return {"text": name, "country": code}


def lexicon_events(text: str) -> list[dict]:
    single = {w[0]: t for w, t in lexicon().items() if len(w) == 1}
    names = [(m.start(), m.group()) for m in re.finditer(NAME, text)]
    out = []
    for m in re.finditer(r"\w+", text):
        trig = single.get(m.group().lower())
        if trig is None:
            continue
        before = [n for s, n in names if s < m.start()]
        after = [n for s, n in names if s > m.end()]
        out.append({"type": trig.type, "source": _side(before[-1] if before else None),
                    "target": _side(after[0] if after else None)})
    return out


def seeds() -> None:
    """The same comparison on the five real seed articles (peers run sentence by sentence)."""
    import json
    from warta.evaluate.events import analyze_files
    from warta.nlp.tokens import sentences
    gold_path = DEV.parents[2].parent / "shared" / "gold" / "seeds.json"
    gold = json.loads(gold_path.read_text())
    paths = [gold_path.parent.parent / "corpus" / "seeds" / name for name in gold]
    preds = analyze_files(paths)
    ours = score_documents((n, gold[n], p) for n, p in zip(gold, preds))
    peer = score_documents((n, gold[n], {
        "quotes": [q for s in sentences(p.get("body") or "") for q in regex_quotes(s.text)],
        "events": [e for s in sentences(p.get("body") or "") for e in lexicon_events(s.text)]})
        for n, p in zip(gold, preds))
    print(f"seeds: {len(gold)} articles")
    for part in ("quotes", "events"):
        o, p = ours[part], peer[part]
        print(f"{part:7s} warta P {o.precision:.2f} R {o.recall:.2f} F1 {o.f1:.3f} | "
              f"peer P {p.precision:.2f} R {p.recall:.2f} F1 {p.f1:.3f}")


def main() -> None:
    if "--seeds" in sys.argv:
        return seeds()
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "heldout"
    _, recs = read_gold(DEV)
    recs = [(k, r) for k, r in recs if r.get("split") == split]
    ours = score_documents((k, r, p) for (k, r), p in zip(recs, analyze_texts([r["text"] for _, r in recs])))
    peer = score_documents((k, r, {"quotes": regex_quotes(r["text"]), "events": lexicon_events(r["text"])})
                           for k, r in recs)
    print(f"dev split {split!r}: {len(recs)} sentences")
    for part in ("quotes", "events"):
        o, p = ours[part], peer[part]
        print(f"{part:7s} warta P {o.precision:.2f} R {o.recall:.2f} F1 {o.f1:.3f} | "
              f"peer P {p.precision:.2f} R {p.recall:.2f} F1 {p.f1:.3f}")


if __name__ == "__main__":
    main()
