"""Parser choice: selectolax (lexbor) vs lxml on the 990 evaluation pages, same run.

Measures what the extractor does with the parser: parse, drop script/style/nav..., walk the
elements and collect text of the <p> elements. Pages are decoded once beforehand.
Usage: PYTHONPATH=src /work/venv-dev/bin/python bench/parsers.py  (after bench/extraction.py unpacked the pages)
"""
from __future__ import annotations

import time
from pathlib import Path

from warta.read.decode import normalise, to_text

PAGES = Path("/tmp/warta-bench-extraction/pages")
DROP = ["script", "style", "nav", "footer", "aside", "iframe"]


def with_selectolax(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser
    tree = LexborHTMLParser(html)
    for node in tree.css(", ".join(DROP)):
        node.decompose()
    n = sum(1 for _ in tree.root.traverse(include_text=False)) if tree.root else 0
    return n + sum(len(p.text()) for p in tree.css("p"))


def with_lxml(html: str) -> int:
    import lxml.html
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml refuses some pages (e.g. an encoding declaration in a str)
        tree = lxml.html.document_fromstring(html.encode("utf-8"))
    for node in tree.iter(*DROP):
        node.drop_tree()
    n = sum(1 for _ in tree.iter())
    return n + sum(len(p.text_content()) for p in tree.iter("p"))


def main() -> None:
    files = sorted(p for p in PAGES.rglob("*.html"))
    docs = [normalise(to_text(p.read_bytes(), str(p))) for p in files]
    for name, fn in (("selectolax", with_selectolax), ("lxml", with_lxml)):
        start = time.perf_counter()
        for d in docs:
            fn(d)
        took = time.perf_counter() - start
        print(f"{name:>10}: {len(docs)} pages in {took:.2f} s = {len(docs) / took:.0f} pages/s")


if __name__ == "__main__":
    main()
