"""Duplicate groups as the product reports them: two versions that share no words (the
opposite halves of one text) are still one group with the full text, in the library, in
`warta dupes` and in the store's provenance (the article page's near-copies)."""
from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from warta.cli import cli
from warta.corpus import dedup
from warta.corpus.samples import load_demo
from warta.model import Article, content_hash
from warta.store import browse, open_store
from warta.store.corpus import update_corpus


def _halves_and_whole() -> list[Article]:
    """The first half (published first), the whole text, the second half (last)."""
    body = max((a.body for a in load_demo()), key=len)
    lines = body.split("\n")
    first, second = "\n".join(lines[:len(lines) // 2]), "\n".join(lines[len(lines) // 2:])
    out = []
    for n, (name, text) in enumerate((("first-half", first), ("whole", body), ("second-half", second))):
        a = Article(source=f"{name}.txt", body=text, title=name, published=f"2024-05-0{n + 1}T08:00:00+07:00")
        a.content_hash = content_hash(text)
        out.append(a)
    return out


def test_halves_sharing_no_words_are_one_group_with_the_earliest_first():
    articles = _halves_and_whole()
    pairs = dedup.near_duplicates(articles)
    direct = {frozenset((p.a, p.b)) for p in pairs}
    assert direct == {frozenset(("first-half.txt", "whole.txt")), frozenset(("second-half.txt", "whole.txt"))}
    groups = dedup.duplicate_groups(articles, pairs)
    assert [g.keys for g in groups] == [("first-half.txt", "whole.txt", "second-half.txt")]
    assert dedup.group_pairs(groups) == direct | {frozenset(("first-half.txt", "second-half.txt"))}
    rows = {r["other"]: r for r in dedup.group_rows(articles, pairs)}
    assert set(rows) == {"whole.txt", "second-half.txt"}
    assert all(r["earliest"] == "first-half.txt" and r["size"] == 3 for r in rows.values())
    assert rows["whole.txt"]["direct"] and rows["whole.txt"]["containment"] > 0.9
    assert not rows["second-half.txt"]["direct"] and rows["second-half.txt"]["jaccard"] is None


def test_dupes_command_lists_groups_and_pairs_on_request(tmp_path):
    for a in _halves_and_whole():
        (tmp_path / a.source).with_suffix(".jsonl").write_text(json.dumps(
            {"title": a.title, "published": a.published, "text": a.body}) + "\n")
    def run(*extra):
        result = CliRunner().invoke(cli, ["dupes", str(tmp_path), "--format", "jsonl", *extra])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    groups = run()
    assert len(groups) == 2 and len({r["group"] for r in groups}) == 1
    assert {r["direct"] for r in groups} == {True, False}
    assert all("first-half" in r["earliest"] for r in groups), groups
    assert len(run("--pairs")) == 2


def test_store_shows_the_whole_group_on_each_version(tmp_path):
    store = open_store(tmp_path / "g.db")
    store.write([(a.source, a) for a in _halves_and_whole()])
    update_corpus(store)
    store.close()
    db = sqlite3.connect(tmp_path / "g.db")
    db.row_factory = sqlite3.Row
    ids = {r["title"]: r["id"] for r in db.execute("SELECT id, title FROM articles")}
    copies = {c["title"]: c for c in browse.near_copies(db, ids["second-half"])}
    assert set(copies) == {"first-half", "whole"}
    assert copies["whole"]["direct"] and not copies["first-half"]["direct"]
    assert {c["earliest"] for c in copies.values()} == {ids["first-half"]}
    assert {c["title"] for c in browse.provenance(db, ids["first-half"])["near_copies"]} == {"whole", "second-half"}
    assert browse.near_copies(db, 10**6) == []
