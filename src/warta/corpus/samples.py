"""The shipped demo corpus as Articles, for tests, benchmarks and examples.

The body here is a rough one (every non-empty line of the page text, boilerplate left in),
which is what the corpus features must cope with when extraction is imperfect. The
metadata comes from the corpus's own gold.json, standing in for the meta stage.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..model import Article

DEMO = "resources/demo"


def demo_dir() -> Path:
    return Path(str(resources.files("warta").joinpath(DEMO)))


def html_text(html: str) -> str:
    """Visible text of an HTML page, one block per line."""
    tree = HTMLParser(html)
    tree.strip_tags(["script", "style", "noscript"])
    root = tree.body or tree.root
    return root.text(separator="\n") if root else ""


def rough_body(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _raw_text(path: Path, record: int | None) -> tuple[str, str | None]:
    if record is None:
        raw = path.read_text(encoding="utf-8")
        return (html_text(raw) if path.suffix == ".html" else raw), None
    data = json.loads(path.read_text(encoding="utf-8").splitlines()[record - 1])
    return data.get("text") or html_text(data.get("html", "")), data.get("url")


def load_demo() -> list[Article]:
    """The demo articles in file order, with body, title, published, outlet, wire_sources."""
    root = demo_dir()
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))["articles"]
    articles = []
    for item in gold:
        text, url = _raw_text(root / item["file"], item.get("record"))
        articles.append(Article(
            source=item["file"], line=item.get("record"), url=url, title=item["title"],
            published=item["published"], outlet=item["outlet"], body=rough_body(text),
            wire_sources=list(item["wire_sources"]), language="id"))
    return articles


def demo_gold() -> list[dict]:
    return json.loads((demo_dir() / "gold.json").read_text(encoding="utf-8"))["articles"]
