"""Gold kept apart from third-party text: quotes or events for sentences of a CoNLL file in
../shared, so the sentences themselves are never copied into the repository.

Quote TSV columns: file, sentence (0-based index in the CoNLL file), split, speaker,
content_start, kind (direct | reported); speaker "-" marks a sentence with no quote.
Event TSV columns: file, sentence, split, type, source, source_country, target,
target_country; type "-" marks a sentence with no event, "-" elsewhere an empty value.
Records come out in the JSON Lines gold shape that ``warta eval`` scores.
"""
from __future__ import annotations

from pathlib import Path


def conll_sentences(path: Path) -> list[str]:
    """The sentences of a CoNLL file (first column), tokens joined by spaces."""
    out, cur = [], []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            cur.append(line.split()[0])
        elif cur:
            out.append(" ".join(cur))
            cur = []
    return out + ([" ".join(cur)] if cur else [])


def _rows(tsv: Path, conll_dir: Path, split: str):
    """(record, remaining columns) for each TSV row of ``split``; one record per sentence."""
    recs: dict[tuple[str, int], dict] = {}
    texts: dict[str, list[str]] = {}
    for line in Path(tsv).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, idx, part, *rest = line.split("\t")
        if part != split:
            continue
        if name not in texts:
            texts[name] = conll_sentences(Path(conll_dir) / name)
        rec = recs.setdefault((name, int(idx)), {"id": f"{name}:{idx}", "text": texts[name][int(idx)],
                                                 "quotes": [], "events": []})
        yield rec, rest


def standoff_records(tsv: Path, conll_dir: Path, split: str) -> list[dict]:
    """Quote gold records (id, text, quotes) of one split, texts read from ``conll_dir``."""
    recs = {}
    for rec, (speaker, content, kind) in _rows(tsv, conll_dir, split):
        recs[rec["id"]] = rec
        if speaker != "-":
            rec["quotes"].append({"speaker": speaker, "content_start": content, "direct": kind == "direct"})
    return list(recs.values())


def standoff_events(tsv: Path, conll_dir: Path, split: str) -> list[dict]:
    """Event gold records (id, text, events) of one split, texts read from ``conll_dir``."""
    def value(v: str):
        return None if v == "-" else v

    recs = {}
    for rec, (etype, source, s_country, target, t_country) in _rows(tsv, conll_dir, split):
        recs[rec["id"]] = rec
        if etype != "-":
            rec["events"].append({"type": etype, "source": value(source) or "", "source_country": value(s_country),
                                  "target": value(target) or "", "target_country": value(t_country)})
    return list(recs.values())
