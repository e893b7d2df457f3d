"""Metadata from HTML: JSON-LD, OpenGraph and other meta tags, <time>, byline elements."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .credits import names as person_names

TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—»·]|-|::)\s+")
DATE_META = ("article:published_time", "og:published_time", "published_time", "datepublished",
             "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
             "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
             "content_publishedtime", "content_publisheddate", "article_date_original", "originalpublicationdate", "cxenseparse:recs:publishtime",
             "og:article:published_time", "date.release")
MODIFIED_META = ("article:modified_time", "og:updated_time", "last-modified", "dcterms.modified", "datemodified")
VISIBLE_DATE = ('[class*="date"], [class*="time"], [class*="publish"], [class*="posted"], [class*="tanggal"], '
                '[class*="waktu"], [id*="date"], [class*="byline"], [class*="meta"], [class*="created"], [class*="datum"]')
CREATED = '[property$="dateCreated"][content], [itemprop="dateCreated"][content], [property$="datePublished"][content]'
AUTHOR_BOXES = ('[rel="author"], [itemprop="author"], [class*="author"], [id*="author"], [class*="byline"], '
                '[class*="autor"], [class*="penulis"]')
AUTHOR_TRIES = 6
NEWS_TYPES = re.compile(r"Article|Posting|Report|BlogPosting|WebPage", re.I)


@dataclass(slots=True)
class PageMeta:
    titles: list[str] = field(default_factory=list)     # best first
    h1: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)      # machine-readable values, best first
    visible_dates: list[str] = field(default_factory=list)  # short texts of date-like elements
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    site: Optional[str] = None
    lang: Optional[str] = None
    body: str = ""    # JSON-LD articleBody/text, for pages that render their text by script
    near_title: list[str] = field(default_factory=list)  # short texts around the <h1>
    description: str = ""  # meta/og description: often the article's lead paragraph


DESCRIPTION_META = ("og:description", "description", "twitter:description")


def read_meta(tree) -> PageMeta:
    meta = PageMeta()
    props = _meta_props(tree)
    _from_json_ld(tree, meta)
    for key in ("og:title", "twitter:title", "dc.title", "headline", "title"):
        if props.get(key):
            meta.titles.append(props[key])
    node = tree.css_first("title")
    if node is not None and node.text(strip=True):
        meta.titles.append(node.text(strip=True))
    meta.h1 = [n.text(separator=" ", strip=True) for n in tree.css("h1")[:5]]
    meta.dates += [props[k] for k in DATE_META if props.get(k)]
    meta.dates += [n.attributes.get("datetime") or "" for n in tree.css("time[datetime], [itemprop=datePublished]")[:3]]
    meta.dates += [n.attributes.get("content") or "" for n in tree.css("[itemprop=datePublished][content]")[:1]]
    meta.dates += [n.attributes.get("content") or "" for n in tree.css(CREATED)[:1]]
    meta.dates = [d for d in meta.dates if d and d.strip()]
    meta.modified = [props[k] for k in MODIFIED_META if props.get(k)]
    meta.visible_dates = _visible_dates(tree)
    if not meta.authors:
        meta.authors = _meta_authors(tree, props)
    meta.description = next((props[k] for k in DESCRIPTION_META if props.get(k)), "")
    meta.site = meta.site or props.get("og:site_name") or props.get("application-name") or props.get("publisher")
    html = tree.css_first("html")
    meta.lang = (html.attributes.get("lang") or "")[:2].lower() or None if html is not None else None
    return meta


def _visible_dates(tree, limit: int = 12) -> list[str]:
    out = []
    for node in tree.css(VISIBLE_DATE):
        if node.tag in ("html", "body", "script", "style", "meta"):
            continue
        text = node.text(separator=" ", strip=True)
        if 6 <= len(text) <= 120 and any(ch.isdigit() for ch in text):
            out.append(text)
            if len(out) >= limit:
                break
    return out


def _meta_props(tree) -> dict[str, str]:
    props: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        value = (attrs.get("content") or "").strip()
        if key and value and key not in props:
            props[key] = value
    return props


def _from_json_ld(tree, meta: PageMeta) -> None:
    for node in tree.css('script[type="application/ld+json"]'):
        items = _ld_items(node.text())
        people = {str(i["@id"]): i for i in items if "@id" in i and "person" in str(i.get("@type", "")).lower()}
        for item in items:
            text = item.get("articleBody") or item.get("text")
            if isinstance(text, str) and len(text) > len(meta.body):
                meta.body = text
            if not NEWS_TYPES.search(str(item.get("@type", ""))):
                continue
            if item.get("headline"):
                meta.titles.append(str(item["headline"]))
            if item.get("datePublished"):
                meta.dates.append(str(item["datePublished"]))
            meta.authors += _ld_names(item.get("author"), people)
            pub = item.get("publisher")
            if isinstance(pub, dict) and pub.get("name") and not meta.site:
                meta.site = str(pub["name"])


def _ld_items(text: str) -> Iterable[dict]:
    try:
        data = json.loads(text.strip().rstrip(";"))
    except (ValueError, RecursionError):
        return []
    stack, out = [data], []
    while stack and len(out) < 50:
        x = stack.pop(0)
        if isinstance(x, list):
            stack.extend(x)
        elif isinstance(x, dict):
            out.append(x)
            if "@graph" in x:
                stack.append(x["@graph"])
    return out


def _ld_names(value: Any, people: dict[str, dict]) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v, people)]
    if isinstance(value, dict):
        value = people.get(str(value.get("@id")), value) if "name" not in value else value  # {"@id": ...} reference
        if "organization" in str(value.get("@type", "")).lower():
            return []
        value = value.get("name")
    return person_names(str(value)) if isinstance(value, str) and value.strip() else []


def _meta_authors(tree, props: dict[str, str]) -> list[str]:
    for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "content_author"):
        value = props.get(key, "")
        if value and not value.startswith("http"):
            return person_names(re.sub(r"^(?:by|oleh)\s+", "", value, flags=re.I))
    for node in [n for n in tree.css(AUTHOR_BOXES) if not _in_comments(n)][:AUTHOR_TRIES]:
        text = node.text(separator=" ", strip=True)
        found = person_names(text) if 0 < len(text) < 80 else []
        if found:
            return found
    return []


def _in_comments(node, depth: int = 4) -> bool:
    for _ in range(depth):
        if node is None:
            return False
        if "comment" in f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower():
            return True
        node = node.parent
    return False


def best_title(meta: PageMeta, site: Optional[str]) -> Optional[str]:
    """An <h1> that agrees with the meta titles, else the first meta title without the site name."""
    cleaned = [strip_site(t, site) for t in meta.titles if t.strip()]
    keys = {_key(t) for t in cleaned} | {_key(t) for t in meta.titles}
    for h in meta.h1:
        if h and (_key(h) in keys or any(_key(h) and _key(h) in k for k in keys)):
            return h
    if cleaned:
        return cleaned[0]
    return meta.h1[0] if meta.h1 and meta.h1[0] else None


def strip_site(title: str, site: Optional[str]) -> str:
    parts = TITLE_SEPARATORS.split(title.strip())
    if len(parts) == 1:
        return title.strip()
    site_key = _key(site or "")
    keep = [p for p in parts if not (site_key and (_key(p) in site_key or site_key in _key(p)))]
    if len(keep) == len(parts):
        keep = parts[:-1] if len(parts[-1]) < len(parts[0]) else parts[1:]
    return " - ".join(keep).strip() if keep else parts[0]


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
