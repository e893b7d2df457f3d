"""Quote gold kept apart from third-party text: speakers for sentences of a CoNLL file in
../shared, so the sentences themselves are never copied into the repository.

TSV columns: file, sentence (0-based index in the CoNLL file), split, speaker,
content_start, kind (direct | reported); speaker "-" marks a sentence with no quote.
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


def standoff_records(tsv: Path, conll_dir: Path, split: str) -> list[dict]:
    """Gold records (id, text, quotes) of one split, texts read from ``conll_dir``."""
    recs: dict[tuple[str, int], dict] = {}
    texts: dict[str, list[str]] = {}
    for line in Path(tsv).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, idx, part, speaker, content, kind = line.split("\t")
        if part != split:
            continue
        if name not in texts:
            texts[name] = conll_sentences(Path(conll_dir) / name)
        rec = recs.setdefault((name, int(idx)), {"id": f"{name}:{idx}", "text": texts[name][int(idx)],
                                                 "quotes": [], "events": []})
        if speaker != "-":
            rec["quotes"].append({"speaker": speaker, "content_start": content, "direct": kind == "direct"})
    return list(recs.values())
