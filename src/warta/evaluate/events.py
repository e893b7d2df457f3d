"""Scoring quotes (speaker attribution) and events (type + source + target) against gold.

Two gold formats are read:

1. warta's own JSON Lines (``tests/data/events_dev.jsonl``), one sentence or article a line::

     {"id": "dev-001", "split": "tune" | "heldout", "tokenised": false,
      "text": "Menlu ... bertemu dengan ...",
      "quotes": [{"speaker": "Retno Marsudi", "content_start": "Indonesia menolak segala",
                  "direct": false}],
      "events": [{"type": "CONSULT", "source": "Retno Marsudi", "source_country": "IDN",
                  "target": "Wang Yi", "target_country": "CHN"}]}

   ``text`` is analysed like ``warta analyze --lines`` (one clean document per record).
   Empty ``source``/``target`` with a null country means "no actor on that side".
2. the seeds gold (``../shared/gold/seeds.json``): a dict from file name to a record with
   ``quotes`` and ``events`` as above; predictions come from an ``analyze`` JSONL file
   (matched by the basename of ``source``) or from running the pipeline on the seed files
   beside the gold (``../corpus/seeds/<name>``).

Matching is one-to-one within a document. A quote matches when its speaker names the gold
speaker (the gold speaker's last word is among the words of the predicted speaker's text or
canonical name) and its content contains the first three words of the gold content. An
event matches when the type is equal and each side matches: same country when the gold side
has one, else a shared word with the gold name, and no actor when the gold side is empty.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import InputError
from . import prf

_WORD = re.compile(r"\w+")
STOP = frozenset({"para", "dan", "yang", "di", "dari", "ke", "untuk", "the", "of"})


def words(text: Optional[str]) -> list[str]:
    return _WORD.findall((text or "").lower())


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return prf(self.tp, self.pred, self.gold)[2]

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        self.misses += other.misses
        self.spurious += other.spurious

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "pred": self.pred, "gold": self.gold}


# --- matching ---------------------------------------------------------------------------

def _actor_words(actor: Optional[dict]) -> list[str]:
    if not actor:
        return []
    return words(actor.get("text")) + words(actor.get("canonical"))


def quote_matches(gold: dict, pred: dict) -> bool:
    sur = (words(gold.get("speaker")) or [""])[-1]
    speaker_ok = sur in _actor_words(pred.get("speaker"))
    if sur == "nya":                     # an unresolved -nya speaker in an isolated sentence
        speaker_ok = speaker_ok or "nya" in words((pred.get("speaker") or {}).get("text"))
    head = set(words(gold.get("content_start"))[:3])
    return speaker_ok and head <= set(words(pred.get("content")))


def side_matches(name: Optional[str], country: Optional[str], actor: Optional[dict]) -> bool:
    if not name and not country:
        return not actor or not (actor.get("text") or actor.get("canonical"))
    if not actor:
        return False
    if country and actor.get("country") == country:
        return True
    return bool((set(words(name)) - STOP) & set(_actor_words(actor)))


def event_matches(gold: dict, pred: dict) -> bool:
    return (pred.get("type") == gold.get("type")
            and side_matches(gold.get("source"), gold.get("source_country"), pred.get("source"))
            and side_matches(gold.get("target"), gold.get("target_country"), pred.get("target")))


def match(gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool], label: Callable[[dict], str]) -> Score:
    """Greedy one-to-one matching of gold items to predicted ones."""
    score = Score(pred=len(pred), gold=len(gold))
    used: set[int] = set()
    for g in gold:
        k = next((i for i, p in enumerate(pred) if i not in used and same(g, p)), None)
        if k is None:
            score.misses.append(label(g))
        else:
            used.add(k)
            score.tp += 1
    score.spurious = [label(p) for i, p in enumerate(pred) if i not in used]
    return score


def _event_label(e: dict) -> str:
    def side(x):
        if isinstance(x, dict):
            return f"{x.get('canonical') or x.get('text')}/{x.get('country')}"
        return str(x)
    src = e.get("source") if isinstance(e.get("source"), dict) else f"{e.get('source')}/{e.get('source_country')}"
    tgt = e.get("target") if isinstance(e.get("target"), dict) else f"{e.get('target')}/{e.get('target_country')}"
    return f"{e.get('type')} {side(src)} -> {side(tgt)}"


def _quote_label(q: dict) -> str:
    sp = q.get("speaker")
    name = (sp.get("canonical") or sp.get("text")) if isinstance(sp, dict) else sp
    content = q.get("content_start") if isinstance(q.get("content_start"), str) else q.get("content")
    return f"{name}: {(content or '')[:40]}"


def score_documents(pairs: Iterable[tuple[str, dict, dict]]) -> dict[str, Score]:
    """``pairs`` of (doc id, gold record, predicted analyze dict) -> quote and event scores."""
    quotes, events = Score(), Score()
    for doc, gold, pred in pairs:
        q = match(gold.get("quotes", []), pred.get("quotes") or [], quote_matches, _quote_label)
        e = match(gold.get("events", []), pred.get("events") or [], event_matches, _event_label)
        q.misses = [f"{doc}: {m}" for m in q.misses]
        q.spurious = [f"{doc}: {m}" for m in q.spurious]
        e.misses = [f"{doc}: {m}" for m in e.misses]
        e.spurious = [f"{doc}: {m}" for m in e.spurious]
        quotes.add(q)
        events.add(e)
    return {"quotes": quotes, "events": events}


# --- reading gold and predictions -------------------------------------------------------

def read_gold(path: Path) -> tuple[str, list[tuple[str, dict]]]:
    """("jsonl" | "seeds", [(doc id, record)]) from a gold file."""
    text = Path(path).read_text("utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{") and "\n{" not in stripped.strip():
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}: not valid JSON ({e.msg} at line {e.lineno})") from None
        if isinstance(data, dict) and all(isinstance(v, dict) and "events" in v for v in data.values()):
            return "seeds", list(data.items())
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        if not isinstance(rec, dict) or "text" not in rec:
            raise InputError(f"{path}:{n}: a gold record needs at least 'text', 'quotes' and 'events'")
        records.append((str(rec.get("id") or n), rec))
    return "jsonl", records


def analyze_texts(texts: list[str]) -> list[dict]:
    """Run the analyze pipeline on clean texts (as ``--lines`` does): one dict per text."""
    from ..model import RawDoc
    from ..settings import DEFAULTS
    from ..stages import pipeline
    pipe = pipeline("analyze", DEFAULTS.with_(lines=True))
    out = []
    for i, text in enumerate(texts, 1):
        result = pipe.run(RawDoc("gold", text.encode("utf-8"), kind="text", line=i))
        out.append(result.to_dict() if hasattr(result, "to_dict") else {})
    return out


def analyze_files(paths: list[Path]) -> list[dict]:
    from ..model import RawDoc
    from ..stages import pipeline
    pipe = pipeline("analyze")
    out = []
    for p in paths:
        result = pipe.run(RawDoc(str(p), p.read_bytes()))
        out.append(result.to_dict() if hasattr(result, "to_dict") else {"source": str(p)})
    return out


def read_predictions(path: Path) -> dict[str, dict]:
    out = {}
    for n, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not valid JSON ({e.msg})") from None
            key = str(d["line"]) if d.get("line") else Path(d.get("source") or "").name
            out[key] = d
    return out


def evaluate(gold_path: Path, pred_path: Optional[Path] = None, split: Optional[str] = None) -> dict[str, Score]:
    """Score predictions (or a fresh analyze run) against a gold file."""
    kind, records = read_gold(gold_path)
    if split:
        records = [(k, r) for k, r in records if r.get("split") == split]
    if kind == "seeds":
        if pred_path:
            preds = read_predictions(pred_path)
            pairs = [(name, rec, preds.get(name, {})) for name, rec in records]
        else:
            seeds = Path(gold_path).resolve().parent.parent / "corpus" / "seeds"
            missing = [name for name, _ in records if not (seeds / name).exists()]
            if missing:
                raise InputError(f"seed files not found beside the gold (looked in {seeds}); pass --pred ANALYZE.jsonl")
            results = analyze_files([seeds / name for name, _ in records])
            pairs = [(name, rec, res) for (name, rec), res in zip(records, results)]
    elif pred_path:
        preds = read_predictions(pred_path)
        pairs = [(doc, rec, preds.get(str(i), {})) for i, (doc, rec) in enumerate(records, 1)]
    else:
        results = analyze_texts([rec["text"] for _, rec in records])
        pairs = [(doc, rec, res) for (doc, rec), res in zip(records, results)]
    return score_documents(pairs)
