"""HTML that escapes by default: every value put into a template or a fragment is escaped
unless it is already ``Markup`` (HTML we built ourselves from escaped parts)."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable
from urllib.parse import urlencode

_SLOT = re.compile(r"\{\{\s*(\w+)\s*\}\}")


class Markup(str):
    """A string of trusted HTML: inserted as is. Adding a plain string escapes it, so
    concatenation keeps the result trusted and safe."""

    def __add__(self, other: Any) -> "Markup":
        return Markup(str.__add__(self, escape(other)))

    def __radd__(self, other: Any) -> "Markup":
        return Markup(str.__add__(escape(other), self))


def escape(value: Any) -> Markup:
    """The value as HTML text: Markup passes through, None becomes empty, the rest is
    converted to str and escaped (quotes included, so it is safe in attributes too)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def fmt(template: str, *args: Any, **kwargs: Any) -> Markup:
    """``str.format`` for HTML fragments: the template is trusted, every argument is escaped."""
    return Markup(template.format(*(escape(a) for a in args), **{k: escape(v) for k, v in kwargs.items()}))


def join(parts: Iterable[Any], sep: str = "") -> Markup:
    return Markup(sep.join(escape(p) for p in parts))


def query(params: dict[str, Any]) -> str:
    """A URL query string (``?a=1&b=2``) of the non-empty parameters, percent-encoded."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


@lru_cache(maxsize=None)
def _template(name: str) -> str:
    return resources.files("warta.web").joinpath("templates", name).read_text(encoding="utf-8")


def render(name: str, **values: Any) -> Markup:
    """Fill a template from src/warta/web/templates: ``{{ key }}`` slots, values escaped."""
    def fill(m: re.Match) -> str:
        return escape(values[m.group(1)])
    return Markup(_SLOT.sub(fill, _template(name)))


def safe_href(url: Any) -> str | None:
    """The URL when it is http(s), else None (javascript:, data: and the like are never links)."""
    text = str(url or "").strip()
    return text if re.match(r"(?i)^https?://[^\s]+$", text) else None
