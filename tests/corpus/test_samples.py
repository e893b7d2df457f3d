"""The shipped demo corpus: complete, well-formed and of the promised shape."""
from __future__ import annotations

import json

from warta.corpus.samples import demo_dir, demo_gold, load_demo


def test_every_demo_file_has_gold_and_every_gold_entry_a_file():
    files = {p.name for p in demo_dir().iterdir() if p.suffix in (".txt", ".html", ".jsonl")}
    assert files == {g["file"] for g in demo_gold()}
    assert (demo_dir() / "README.md").read_text(encoding="utf-8").count("CC0") >= 1


def test_jsonl_records_carry_the_reader_fields():
    path = demo_dir() / "13_kiriman_feed.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert 2 <= len(records) <= 3
    for record in records:
        assert ("text" in record) != ("html" in record)
        assert {"url", "title", "published", "outlet"} <= record.keys()


def test_articles_are_short_news_pieces_with_tz_aware_dates():
    articles = load_demo()
    assert 12 <= len(articles) <= 14
    for article in articles:
        assert 150 <= len(article.body.split()) <= 350, article.source
        assert article.published[-6] in "+-"
        assert article.title.split()[0] in article.body
