"""Responses: HTML pages, JSON, CSV/JSONL downloads (streamed) and errors."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Union

from .html import render

Body = Union[bytes, Iterator[bytes]]


@dataclass
class Response:
    status: int = 200
    body: Body = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class NotFound(Exception):
    """Unknown page or id: answered with 404."""


class BadRequest(Exception):
    """A parameter that cannot be used: answered with 400 and the message."""


def page(title: str, content: Any, footer: str = "", status: int = 200) -> Response:
    html = render("base.html", title=title, content=content, footer=footer)
    return Response(status, html.encode("utf-8"))


def as_json(data: Any, status: int = 200) -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")


def error(status: int, reason: str, message: str, api: bool) -> Response:
    if api:
        return as_json({"error": {"status": status, "reason": reason, "message": message}}, status)
    return page(f"{status} {reason}", render("error.html", status=status, reason=reason, message=message), status=status)


def _cell(value: Any) -> Any:
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def _csv_lines(rows: Iterable[dict]) -> Iterator[bytes]:
    buf = io.StringIO()
    writer = None
    for n, row in enumerate(rows):
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        if n % 500 == 499:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def _jsonl_lines(rows: Iterable[dict]) -> Iterator[bytes]:
    for row in rows:
        yield (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def download(rows: Iterable[dict], fmt: str, name: str) -> Response:
    """A streamed CSV or JSON Lines file of ``rows`` named ``name.csv|jsonl``."""
    if fmt == "csv":
        body, ctype = _csv_lines(rows), "text/csv; charset=utf-8"
    elif fmt == "jsonl":
        body, ctype = _jsonl_lines(rows), "application/x-ndjson; charset=utf-8"
    else:
        raise BadRequest(f"unknown format {fmt!r}; use csv or jsonl")
    return Response(200, body, ctype, {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
