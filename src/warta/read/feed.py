"""RSS and Atom feeds: each item's content (or summary) becomes an HTML document."""
from __future__ import annotations

import email.utils
import xml.etree.ElementTree as ET
from typing import Iterator, Optional, Union

from ..model import RawDoc, Rejection

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_ATOM = "{http://www.w3.org/2005/Atom}"


def _text(el: Optional[ET.Element]) -> Optional[str]:
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def _rfc822(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value if value[:4].isdigit() else None


def _rss_items(root: ET.Element):
    for item in root.iter("item"):
        body = _text(item.find(_CONTENT)) or _text(item.find("description"))
        yield body, _text(item.find("link")), _text(item.find("title")), _rfc822(_text(item.find("pubDate")))


def _atom_entries(root: ET.Element):
    for entry in root.iter(_ATOM + "entry"):
        link = entry.find(_ATOM + "link")
        body = _text(entry.find(_ATOM + "content")) or _text(entry.find(_ATOM + "summary"))
        published = _text(entry.find(_ATOM + "published")) or _text(entry.find(_ATOM + "updated"))
        yield body, link.get("href") if link is not None else None, _text(entry.find(_ATOM + "title")), published


def read(source: str, data: bytes) -> Iterator[Union[RawDoc, Rejection]]:
    if b"<!ENTITY" in data[:4096]:
        yield Rejection(source, "read", "feed declares XML entities, which warta refuses (entity expansion attacks)")
        return
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        yield Rejection(source, "read", f"not a well-formed RSS/Atom feed ({e}); check the file")
        return
    items = _atom_entries(root) if root.tag.startswith(_ATOM) else _rss_items(root)
    for n, (body, url, title, published) in enumerate(items, start=1):
        if not body:
            yield Rejection(source, "read", "feed item has no content or description", n)
            continue
        given = {k: v for k, v in (("url", url), ("title", title), ("published", published)) if v}
        yield RawDoc(source=source, data=body.encode("utf-8"), kind="html", url=url, line=n, given=given)
