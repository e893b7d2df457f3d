"""HTML main-text extraction with selectolax (lexbor): page structure picks the article
container, the shared line classifier then drops teasers, promos, credits and captions.

Scoring follows the usual content-density idea: every text block adds to its parent and
grandparent a score that grows with its length and commas; link-heavy blocks and
containers whose class/id say "comment", "related", "share"... count against; the best
container and its strong siblings give the body blocks in document order.
"""
from __future__ import annotations

import functools
import html as html_lib
import re
from datetime import datetime
from typing import Optional

from selectolax.lexbor import LexborHTMLParser

from . import credits, dates, heap, lang, lexicon, outlet
from .htmlmeta import PageMeta, best_title, read_meta
from .lines import (BODY, CAPTION, CREDIT, DATE, LABEL, OTHER, PROMO, SLUG, TEASER, Line, _key,
                    classify, is_body_like, words)
from .result import NO_ARTICLE, Extraction
from .text import is_outlet, read_body, read_credits

DROP = ("script, style, iframe, frame, frameset, svg, nav, footer, aside, button, "
        "select, input, textarea, template, figcaption, object, embed, canvas, video, audio, map, dialog")
WRAPPERS = "form, noscript"  # dropped when small; whole pages sometimes sit inside one
WRAPPER_KEEP = 2000
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dd", "dt",
              "div", "section", "article", "main", "center", "font", "span", "figure", "address", "summary"}
INLINE_BREAKS = {"table", "ul", "ol", "dl", "hr", "img", "figure", "tr", "tbody"}
INNER_BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, table, ul, ol, blockquote, pre, section, article, dl, br"
POSITIVE = re.compile(r"article|body|content|entry|main|post|story|text|detail|read|isi|berita|news|blog|prose", re.I)
NEGATIVE = re.compile(r"comment|komentar|footer|sidebar|widget|related|terkait|share|social|sosmed|nav|menu|"
                      r"breadcrumb|banner|promo|advert|iklan|\bads?\b|sponsor|popular|populer|trending|newsletter|"
                      r"subscribe|cookie|consent|modal|popup|tags?\b|author-?(?:box|bio|info)|about-?(?:the-?)?author|\bbio\b|recommend|rekomendasi|baca-?juga|"
                      r"masthead|login|signup|pagination|caption|credit|teaser|\bcta\b|notice|toolbar|overlay|flyout|dropdown|off-?canvas|mega-?menu", re.I)
KEEP_KINDS = {BODY, OTHER}
PHOTO_CREDIT = re.compile(r"\b(?:foto|sumber|dok|ilustrasi|photo|antara|reuters|afp|ap|getty|istimewa|ist|net|tass|ria)\b", re.I)
# CMS classes that describe the post, not the box ("tag-politik", "category-news", "node-promoted")
CMS_TOKENS = ("tag-", "category-", "has-", "node-", "post-", "status-", "format-", "type-", "page-", "single-",
              "hentry", "elementor", "wp-block", "ce_", "mod_", "et_pb", "vc_", "fl-", "widget_text", "textwidget")
ARTICLE_ROOT = ("article", "main")
MIN_BLOCK = 25
END_SHARE = 0.5  # an end heading counts only in the second half of the text
FACT = re.compile(r"^[^:|]{2,40}:\s*\S")  # "Art der Aufnahme: Digitalfoto"
LD_MIN, LD_FACTOR = 200, 2.0
LD_TAGS = re.compile(r"<[^>]{0,300}>")
LINK_MAX = 0.4
SENTENCE_LEN = 80  # a paragraph this long ending a sentence may be mostly link text
NEAR_BEFORE, NEAR_AFTER, NEAR_LEN, NEAR_LEAD = 4, 15, 150, 40  # date texts around the headline
STRUCTURES = ("ul", "ol", "dl", "table")
STRUCT_LINKS, STRUCT_REACH = 0.3, 3
STRONG_LEN = 200
AFTER_REACH = 0  # blocks after the container's last text still open to the rules below
STRONG_REACH = 50  # blocks before the container where a strong paragraph still counts; none after it
GAP = 6
SECOND = 0.6
SIBLING = 0.3  # a sibling box of the container with this share of its score is part of the article
MAJORITY = 0.7
TAIL_WORDS = 8
TAIL_CHARS = 60
BACKUP_LEN, BACKUP_SHARE = 80, 0.4
CLIMB_STEPS, CLIMB_RATIO = 3, 1.3
ROOT_STEPS, ROOT_GROWTH = 2, 3.0
LEVEL_SHARES = (1.0, 0.5, 1 / 6, 1 / 9)  # a block's score shared with its parent, grandparent, ...


def extract_html(html: str, url: Optional[str] = None, now: Optional[datetime] = None) -> Extraction:
    heap.fix_malloc_thresholds()  # resident memory flat over a stream of pages
    out = _extract(html, url, now)
    heap.release_after(len(html))  # the page's tree is gone by now
    return out


RESUME_LEN, RESUME_SHARE = 150, 0.5  # prose after a "Related" heading that is still the article
INTRO_REACH, INTRO_LEN = 8, 80  # blocks back from the container to a <h1>; intro prose length
LEAD_KEY = 40  # letters of the meta description that must open the lead paragraph


def _extract(html: str, url: Optional[str], now: Optional[datetime]) -> Extraction:
    tree = LexborHTMLParser(html)
    meta = read_meta(tree)
    strip_furniture(tree)
    every = text_blocks(tree)
    blocks = _with_lead(every, main_blocks(every), meta.description)
    out = Extraction()
    paras, removed = clean_blocks(blocks)
    paras = _script_body(meta.body, paras, removed)
    out.boilerplate = removed
    read_body(out, paras)
    meta.near_title = _near_title(every)
    apply_meta(out, meta, url, now)
    read_page_credits(out, every, set(map(id, blocks)), removed)
    return out


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _with_lead(every: list[Block], chosen: list[Block], description: str) -> list[Block]:
    """Add the paragraph that opens with the page's meta description (the lead, which often
    sits in a box of its own above the container) when the container left it out."""
    chosen = _with_intro(every, chosen)
    key = _letters(html_lib.unescape(description))[:LEAD_KEY]
    if len(key) < LEAD_KEY or any(_letters(b.text).startswith(key) for b in chosen):
        return chosen
    for b in every:
        if b.tag != "h1" and b.links <= 0.1 * len(b.text) and _letters(b.text).startswith(key):
            picked = set(map(id, chosen)) | {id(b)}
            return [x for x in every if id(x) in picked]
    return chosen


def _with_intro(every: list[Block], chosen: list[Block]) -> list[Block]:
    """Prose between the headline (<h1>) and the container: an intro in a box of its own."""
    if not chosen:
        return chosen
    ids = {id(b): i for i, b in enumerate(every)}
    first = ids[id(chosen[0])]
    heads = [i for i in range(max(0, first - INTRO_REACH), first) if every[i].tag == "h1"]
    if not heads:
        return chosen
    intro = [b for b in every[heads[-1] + 1:first] if len(b.text) >= INTRO_LEN and _clean_lead(b)]
    return intro + chosen


def _clean_lead(b: Block) -> bool:
    return b.tag != "h1" and b.links <= 0.1 * len(b.text)


def _script_body(ld_body: str, paras: list[str], removed: list[str]) -> list[str]:
    """The JSON-LD article text when the visible page holds far less of it (text rendered by
    a script, or the container choice failed)."""
    text = html_lib.unescape(LD_TAGS.sub("\n", ld_body))
    if len(text) < LD_MIN or len(text) < LD_FACTOR * sum(len(p) for p in paras):
        return paras
    fake = [Block(_NoNode, " ".join(line.split()), 0) for line in text.split("\n") if line.strip()]
    ld_paras, ld_removed = clean_blocks(fake)
    removed.extend(paras + ld_removed)
    return ld_paras


class _NoNode:
    tag, parent = "p", None


def strip_furniture(tree) -> None:
    for node in tree.css(DROP):
        node.decompose()
    for node in tree.css(WRAPPERS):
        if len(node.text(strip=True)) > WRAPPER_KEEP:
            node.unwrap()
        else:
            node.decompose()


def read_page_credits(out: Extraction, every: list[Block], in_body: set[int], removed: list[str]) -> None:
    """Bylines, editors and source credits from short texts around the body."""
    lines = [Line(t, t) for t in removed]
    lines += [Line(b.text, b.text) for b in every if len(b.text) <= 120 and not (id(b) in in_body and len(b.text) > 60)]
    for line in lines:
        line.kind = CREDIT
        if not out.outlet and (m := credits.BYLINE_OUTLET.match(line.text)):
            out.outlet = m.group(2)
    read_credits(out, lines, [], out.title)


class Block:
    __slots__ = ("node", "text", "links", "tag", "parent", "grand")

    def __init__(self, node, text: str, links: int, loose: bool = False):
        self.node, self.text, self.links, self.tag = node, text, links, node.tag
        self.parent = node if loose else node.parent
        self.grand = self.parent.parent if self.parent is not None else None


def text_blocks(tree) -> list[Block]:
    """Leaf text blocks in document order: block elements with no block inside, plus the
    loose text directly inside a non-leaf block (text beside nested paragraphs)."""
    root = tree.body or tree.root
    if root is None:
        return []
    for br in root.css("br"):
        br.replace_with("\n")
    order = [n for n in root.traverse(include_text=False) if n.tag in BLOCK_TAGS]
    inner = _has_block_inside(order)
    blocks = []
    for node in order:
        if node.mem_id in inner:
            blocks.extend(_loose_text(node))
            continue
        text = _block_text(node)
        if text:
            links = len(text) if _in_link(node) else sum(len(a.text(strip=True)) for a in node.css("a"))
            blocks.append(Block(node, text, links))
    return blocks


def _in_link(node, depth: int = 4) -> bool:
    for _ in range(depth):
        node = node.parent
        if node is None:
            return False
        if node.tag == "a":
            return True
    return False


def _has_block_inside(order) -> set[int]:
    marked: set[int] = set()
    for node in order:
        parent = node.parent
        while parent is not None and parent.mem_id not in marked:
            marked.add(parent.mem_id)
            parent = parent.parent
    return marked


def _loose_text(node) -> list[Block]:
    """Runs of text and inline elements between the block children of a mixed block
    ("<strong>Jakarta</strong> - Menteri ...<br><br><div>...</div> Dalam ...")."""
    out, run, links = [], [], 0

    def flush() -> None:
        text = "\n".join(" ".join(p.split()) for p in "".join(run).split("\n") if p.strip())
        if text.strip():
            out.append(Block(node, text, links, loose=True))

    for child in node.iter(include_text=True):
        if child.is_text_node:
            run.append(child.text_content or "")
        elif child.tag in BLOCK_TAGS or child.tag in INLINE_BREAKS:
            flush()
            run, links = [], 0
        else:
            text = child.text(separator="", strip=False)
            run.append(text)
            links += len(text.strip()) if child.tag == "a" else 0
    flush()
    return out


def _block_text(node) -> str:
    text = node.text(separator="", strip=False)
    return "\n".join(" ".join(part.split()) for part in text.split("\n") if part.strip())


def _class_weight(node) -> int:
    if node is None or node.tag in ("html", "body", "article", "main"):
        return 0
    return _label_weight(_label(node))


def _label(node) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''} {attrs.get('role') or ''}"


def _label_good(blocks: list[Block]) -> dict[str, int]:
    """Substantial text under each furniture-labelled box (up to 3 levels above a block),
    summed over the boxes sharing a label."""
    out: dict[str, int] = {}
    for b in blocks:
        if len(b.text) < MIN_BLOCK or b.links > 0.3 * len(b.text):
            continue
        node = b.node
        for _ in range(3):
            if node is None or node.tag in ("html", "body"):
                break
            if _class_weight(node) < 0:
                label = _label(node)
                out[label] = out.get(label, 0) + len(b.text)
                break
            node = node.parent
    return out


@functools.lru_cache(maxsize=4096)
def _label_weight(label: str) -> int:
    # CMS post classes and BEM modifiers ("Section--Ads": a section that carries ads) describe
    # the box's state, not what the box is
    tokens = [t.split("--")[0] for t in label.split() if not t.lower().startswith(CMS_TOKENS)]
    tokens = [t for t in tokens if t]
    if not tokens:
        return 0
    label = " ".join(tokens)
    if POSITIVE.search(label):
        return 1
    return -2 if NEGATIVE.search(label) else 0


class Weights:
    """Class/id weights and "inside a comment/related/share box" flags, cached per node."""

    def __init__(self, good: dict[int, int] | None = None, blocks: list[Block] = ()) -> None:
        self.own: dict[int, int] = {}
        self.neg: dict[int, bool] = {}
        self.good = good or {}
        self.total = max(self.good.values(), default=0)
        self.label_good = _label_good(blocks)

    def weight(self, node) -> int:
        key = node.mem_id
        if key not in self.own:
            weight = _class_weight(node)
            if weight < 0 and self._holds_article(node):
                weight = 0  # a "banner"/"report" box holding most of the page's text is the article
            self.own[key] = weight
        return self.own[key]

    def _holds_article(self, node) -> bool:
        """Most of the page's text is in this box, its parent box, or the boxes sharing its
        label (a live ticker's "comment" entries, a slideshow's "caption" texts)."""
        parent = node.parent
        if parent is not None and _class_weight(parent) < 0 and self._holds_article(parent):
            return True  # the entries of a majority "comments" box (a live ticker)
        return max(self.good.get(node.mem_id, 0), self.label_good.get(_label(node), 0)) > MAJORITY * self.total

    def negative(self, node, depth: int = 4) -> bool:
        """True when the node or one of its nearest ancestors is marked as furniture
        (a comment, share box, related list); far-up layout wrappers do not count."""
        for _ in range(depth):
            if node is None:
                return False
            if self.weight(node) < 0:
                return True
            node = node.parent
        return False


def main_blocks(blocks: list[Block]) -> list[Block]:
    w = Weights(_good_text(blocks), blocks)
    blocks = [b for b in blocks if not w.negative(b.node)]
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for b in blocks:
        if len(b.text) < MIN_BLOCK or b.links > 0.5 * len(b.text):
            continue
        s = 1 + b.text.count(",") + b.text.count("，") + min(len(b.text) / 100, 3)
        node = b.parent
        for share in LEVEL_SHARES:
            if node is None or node.tag == "html":
                break
            key = node.mem_id
            if key not in nodes:
                nodes[key], scores[key] = node, 0.0
            scores[key] += s * share
            node = node.parent
    if not scores:
        return []
    for key, node in nodes.items():
        scores[key] *= 1.25 if w.weight(node) > 0 else 1.0
    best_id = max(scores, key=scores.get)
    good = _good_text(blocks)
    best = _climb(nodes[best_id], good)
    best_id = best.mem_id
    nodes[best_id] = best
    scores.setdefault(best_id, 0.0)
    keep = {best_id} | {k for k, v in scores.items() if v >= SIBLING * scores[best_id] and _sibling(nodes[k], best)}
    keep |= {k for k, v in scores.items() if v >= SECOND * scores[best_id]}  # articles split in sections
    root = _article_root(best, good)
    explicit = _is_article(root)
    core = [i for i, b in enumerate(blocks) if b.tag != "h1" and _inside_any(b, keep) and _block_ok(b)]
    first, last = (core[0], core[-1] + AFTER_REACH) if core else (0, len(blocks))
    core = set(core)
    same_box = _continuation(best, root)
    chosen = [b for i, b in enumerate(blocks) if b.tag != "h1" and (i in core or (
        (_inside_any(b, {root.mem_id}) and (_good_outside(b) or (explicit and _plain(b))) and (i <= last or same_box(b)))
        or (first - STRONG_REACH <= i <= last and _strong_anywhere(b) and not w.negative(b.node, 8))))]
    chosen = _fill_gaps(blocks, chosen, w)
    chosen = _fill_structures(blocks, chosen, w)
    backup = [b for b in blocks if b.tag != "h1" and len(b.text) >= BACKUP_LEN
              and b.links <= 0.1 * len(b.text) and not w.negative(b.node, 8)]
    if sum(len(b.text) for b in chosen) < BACKUP_SHARE * sum(len(b.text) for b in backup):
        picked = set(map(id, chosen)) | set(map(id, backup))
        chosen = [b for b in blocks if id(b) in picked]  # the container missed most of the text
    return chosen


def _continuation(best, root):
    """A test for text after the container: does it sit in a box of the container's own
    class (the next page-section of a paged article body: "item-page" 2, 3 ...)?"""
    labels, node = set(), best
    while node is not None and node.mem_id != root.mem_id:
        labels.add(node.attributes.get("class") or "")
        node = node.parent
    labels.discard("")
    chain = set()
    while node is not None:  # the root and everything above it: shared by the whole page
        chain.add(node.mem_id)
        node = node.parent
    node = best
    while node is not None and node.mem_id != root.mem_id:
        chain.add(node.mem_id)
        node = node.parent

    def test(b: Block) -> bool:
        node = b.node.parent
        while node is not None and node.mem_id not in chain:
            if node.attributes.get("class") in labels:
                return True
            node = node.parent
        return False
    return test


def _article_root(best, good: dict[int, int]):
    """The <article> holding the container, else the highest ancestor (up to ROOT_STEPS)
    that adds little article-like text: lead and headings often sit in a sibling box."""
    node = best
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in ARTICLE_ROOT or _is_article(node):
            return node
        node = node.parent
    node, base = best, max(1, good.get(best.mem_id, 0))
    for _ in range(ROOT_STEPS):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html") or good.get(parent.mem_id, 0) > ROOT_GROWTH * base:
            break
        node = parent
    return node


def _is_article(node) -> bool:
    return node.tag == "article" or (node.attributes.get("itemprop") or "") == "articleBody"


def _plain(b: Block) -> bool:
    """Link-free text inside the page's own <article>: list items (ingredients, fact boxes)."""
    if b.links or b.tag == "h1":
        return False
    node = b.node
    for _ in range(3):
        node = node.parent
        if node is None:
            return False
        if node.tag in ("ul", "ol", "dl"):
            return True
    return False


def _fill_gaps(blocks: list[Block], chosen: list[Block], w: Weights) -> list[Block]:
    """Take link-poor text blocks that sit between two chosen blocks (within GAP blocks)."""
    picked = {id(b) for b in chosen}
    index = [i for i, b in enumerate(blocks) if id(b) in picked]
    for a, z in zip(index, index[1:]):
        if 1 < z - a <= GAP:
            for b in blocks[a + 1:z]:
                if b.tag != "h1" and len(b.text) >= 40 and b.links <= 0.1 * len(b.text) and not w.negative(b.node, 8):
                    picked.add(id(b))
    return [b for b in blocks if id(b) in picked]


def _fill_structures(blocks: list[Block], chosen: list[Block], w: Weights) -> list[Block]:
    """Whole link-poor lists and tables standing between chosen text (spec tables, fact
    lists, ingredients): their short cells are too small to be picked one by one."""
    picked = {id(b) for b in chosen}
    groups: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        if (box := _structure(b.node)) is not None:
            groups.setdefault(box.mem_id, []).append(i)
    for members in groups.values():
        items = [blocks[i] for i in members]
        if all(id(b) in picked for b in items) or sum(b.links for b in items) > STRUCT_LINKS * sum(len(b.text) for b in items):
            continue
        first, last = members[0], members[-1]
        before = any(id(b) in picked for b in blocks[max(0, first - STRUCT_REACH):first])
        after = any(id(b) in picked for b in blocks[last + 1:last + 1 + STRUCT_REACH])
        if before and after:
            picked |= {id(b) for b in items if b.tag != "h1" and b.links <= 0.5 * len(b.text)}
    return [b for b in blocks if id(b) in picked]


def _structure(node, depth: int = 4):
    """The nearest list or table around a block."""
    for _ in range(depth):
        node = node.parent
        if node is None:
            return None
        if node.tag in STRUCTURES:
            return node
    return None


def _strong_anywhere(b: Block) -> bool:
    return len(b.text) >= STRONG_LEN and b.links <= 0.05 * len(b.text) and b.text.count(". ") >= 2


def _good_outside(b: Block) -> bool:
    n = len(b.text)
    if b.tag in ("h2", "h3", "h4"):
        return b.links == 0 and 10 <= n <= 200 and len(words(b.text)) >= 3 and b.text[-1] not in "?:"
    return n >= 60 and b.links <= 0.2 * n and len(words(b.text)) >= 8


def _good_text(blocks: list[Block]) -> dict[int, int]:
    """Length of substantial, link-poor text under every ancestor."""
    good: dict[int, int] = {}
    for b in blocks:
        if len(b.text) < MIN_BLOCK or b.links > 0.3 * len(b.text):
            continue
        node = b.parent
        while node is not None:
            good[node.mem_id] = good.get(node.mem_id, 0) + len(b.text)
            node = node.parent
    return good


def _climb(best, good: dict[int, int]):
    """Widen the container while its parent holds clearly more article-like text."""
    for _ in range(CLIMB_STEPS):
        parent = best.parent
        if parent is None or parent.tag in ("body", "html"):
            break
        mine, theirs = good.get(best.mem_id, 0), good.get(parent.mem_id, 0)
        if theirs < CLIMB_RATIO * mine:
            break
        best = parent
    return best


def _sibling(node, best) -> bool:
    return node.parent is not None and best.parent is not None and node.parent.mem_id == best.parent.mem_id


def _inside_any(block: Block, keep: set[int]) -> bool:
    node = block.node
    while node is not None:
        if node.mem_id in keep:
            return True
        node = node.parent
    return False


def _block_ok(b: Block) -> bool:
    n = len(b.text)
    if b.tag == "h1":
        return False  # the headline: metadata, not body
    if b.links > LINK_MAX * n and b.tag not in ("h1", "h2", "h3") and not _linked_sentence(b):
        return False
    return True


def _linked_sentence(b: Block) -> bool:
    """A paragraph that is a sentence with a link in it (not a bare link): prose, not a menu."""
    n = len(b.text)
    return b.tag == "p" and b.links < n and n >= SENTENCE_LEN and b.text.rstrip()[-1:] in ".!?"


def clean_blocks(blocks: list[Block]) -> tuple[list[str], list[str]]:
    """Body paragraphs and removed lines, by the shared line classifier."""
    lines = [Line(t, t) for b in blocks for t in b.text.split("\n")]
    classify(lines)
    for line in lines:  # captions proper are <figcaption>, gone already; keep only credited ones out
        if line.kind == CAPTION and not PHOTO_CREDIT.search(line.text):
            line.kind = BODY if is_body_like(line.text) else OTHER
    paras, removed = [], []
    kept = [l for l in lines if l.kind in KEEP_KINDS or (l.kind == DATE and _dated_sentence(l.text))]
    kept = _cut_at_end_heading(lines, kept)
    while kept and _menu_tail(kept[-1]) and not _fact_run(kept[-2:]):
        kept.pop()  # trailing short non-sentences: "Mehr zum Thema", "Teilen", a menu
    keep_ids = set(map(id, kept))
    for line in lines:
        (paras if id(line) in keep_ids else removed).append(line.text)
        removed.extend(line.cut)
    return _drop_duplicates(paras, removed), removed


def _dated_sentence(text: str) -> bool:
    """A line with a date that is prose: long, or a sentence ("ab 1. Januar 2024 gilt ...")."""
    n = len(words(text))
    return n > 8 or (n >= 5 and text.rstrip().endswith("."))


def _cut_at_end_heading(lines: list[Line], kept: list[Line]) -> list[Line]:
    """Drop what follows a "Related posts" / "Kommentare" heading in the last part of the text;
    earlier, such a line is a link to the comments ("71 Kommentare") and goes alone."""
    total, seen = sum(len(l.text) for l in kept), 0
    kept_ids, dropped = set(map(id, kept)), set()
    for i, line in enumerate(lines):
        if len(line.text) <= 60 and lexicon.end_line().match(line.text):
            if seen >= END_SHARE * total and not _prose_resumes(lines[i + 1:], seen):
                dropped |= set(map(id, lines[i:]))
                break
            dropped.add(id(line))
        seen += len(line.text) if id(line) in kept_ids else 0
    return [l for l in kept if id(l) not in dropped]


def _prose_resumes(after: list[Line], before: int) -> bool:
    """Long body paragraphs after the heading, as much as RESUME_SHARE of the text before it:
    the heading labelled a box of links inside the article, and the article goes on."""
    prose = sum(len(l.text) for l in after if l.kind == BODY and len(l.text) >= RESUME_LEN)
    return prose >= RESUME_SHARE * before


def _menu_tail(line: Line) -> bool:
    n = len(words(line.text))
    sentence = n >= 3 and line.text.rstrip().endswith(".")  # a short closing sentence, not a menu
    return line.kind == OTHER and n < TAIL_WORDS and len(line.text) < TAIL_CHARS and not sentence


def _fact_run(last: list[Line]) -> bool:
    """The text ends in a list of labelled facts ("Ort: Kasberg", "Belichtung: 30 s")."""
    return len(last) == 2 and all(FACT.match(l.text) for l in last)


def _drop_duplicates(paras: list[str], removed: list[str]) -> list[str]:
    seen, out = set(), []
    for p in paras:
        k = " ".join(re.findall(r"\w+", p.lower()))  # digits count: "Gewicht 1" and "Gewicht 2" differ
        if k in seen and len(k) > 0:
            removed.append(p)
            continue
        seen.add(k)
        out.append(p)
    return out


def apply_meta(out: Extraction, meta: PageMeta, url: Optional[str],
               now: Optional[datetime]) -> None:
    out.outlet = meta.site or out.outlet or outlet.from_url(url)
    out.title = best_title(meta, out.outlet)
    if out.title and out.body:
        first, _, rest = out.body.partition("\n")
        if _key(first) == _key(out.title):
            out.boilerplate.append(first)
            out.body = rest
    _apply_date(out, meta, url, now)
    out.authors = [a for a in credits.unique(out.authors + meta.authors) if not is_outlet(a, out.outlet)]
    if not out.language:
        out.language = meta.lang
    if not out.body:
        out.body = ""
        if NO_ARTICLE not in out.notes:
            out.notes.append(NO_ARTICLE)


def _apply_date(out: Extraction, meta: PageMeta, url: Optional[str], now: Optional[datetime]) -> None:
    reasons = []
    candidates = [dates.parse_machine_date(d, now=now) for d in meta.dates]
    candidates += [dates.parse_date(d, now=now) for d in meta.visible_dates]
    candidates += [_url_date(url, now)]
    candidates += [_leading_date(t, now) for t in meta.near_title]
    candidates += [dates.parse_machine_date(d, now=now) for d in meta.modified]
    for found in candidates:
        if found and found.value:
            out.published = found.value
            return
        if found and found.reason:
            reasons.append(found.reason)
    text_date = _date_from_lines(out.boilerplate, now)
    if text_date and text_date.value:
        out.published = text_date.value
    elif reasons or text_date:
        out.notes.append(f"published: {(reasons or [text_date.reason])[0]}")


def _near_title(every: list[Block]) -> list[str]:
    """Short texts just around the first <h1> ("01. November 2021 | Naturschutz",
    "Pressemitteilung vom 20.01.2022"), where pages without date markup show the date."""
    at = next((i for i, b in enumerate(every) if b.tag == "h1"), None)
    if at is None:
        return []
    around = every[max(0, at - NEAR_BEFORE):at] + every[at + 1:at + 1 + NEAR_AFTER]
    return [b.text[:NEAR_LEN] for b in around if any(ch.isdigit() for ch in b.text[:NEAR_LEN])]


def _leading_date(text: str, now) -> Optional[dates.DateResult]:
    """A date in a short text, or opening a longer one ("01.02.2022 Der Arbeitsmarkt ...")."""
    found = dates.parse_date(text, now=now)
    if found and (len(text) < NEAR_LEN or found.span[0] <= NEAR_LEAD):
        return found
    return None


def _url_date(url: Optional[str], now) -> Optional[dates.DateResult]:
    m = re.search(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)", url or "")
    if not m:
        return None
    return dates.parse_machine_date(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", now=now)


def _date_from_lines(lines: list[str], now) -> Optional[dates.DateResult]:
    for text in lines[:40]:
        if len(words(text)) <= 14:
            found = dates.parse_date(text, now=now)
            if found:
                return found
    return None
