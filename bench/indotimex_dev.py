"""Dev check for title and publication date on the IndoTimex dev articles (50 Kompas articles
in TimeML with creation date and title; Mirza 2015, ../shared/data/dates-indotimex-dev).

Each article is laid out in page templates we wrote (scraped plain text, and HTML without
any meta tags so that title and date must come from the visible page), then extracted; the
title must match exactly and the day must equal the TimeML creation date.

Usage: PYTHONPATH=src /work/venv-dev/bin/python bench/indotimex_dev.py
"""
from __future__ import annotations

import html
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZIP = ROOT.parent / "shared" / "data" / "dates-indotimex-dev" / "kompas_development.zip"


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def articles(path: Path = ZIP):
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if n.endswith(".tml")):
            xml = z.read(name).decode("utf-8", errors="replace") if _utf8(z.read(name)) else z.read(name).decode("cp1252")
            dct = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"[^>]*>([^<]+)</TIMEX3>', xml)
            title = re.search(r"<TITLE>(.*?)</TITLE>", xml, re.S)
            text = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
            clock = re.search(r"-(\d{2})(\d{2})\d*$", name.rsplit(".", 1)[0])
            if dct and title and text:
                y, m, d = (int(x) for x in dct.group(1).split("-")[:3])
                yield {"name": name, "day": f"{y:04d}-{m:02d}-{d:02d}", "shown": dct.group(2).strip(),
                       "clock": f"{clock.group(1)}:{clock.group(2)}" if clock else "",
                       "title": " ".join(title.group(1).split()),
                       "paras": [re.sub(r"<[^>]+>", "", p).strip() for p in text.group(1).split("\n\n") if p.strip()]}


def as_text(a: dict) -> str:
    return "\n".join(["Kompas.com", "News", "Ekonomi", "", a["title"], f"{a['shown']} | {a['clock']} WIB",
                      "Penulis : Redaksi Contoh | Editor : Editor Contoh", ""] + a["paras"][:2]
                     + ["Baca juga: Harga Cabai Naik Lagi di Pasar Induk"] + a["paras"][2:]
                     + ["", "Berita Terkait", "Dapatkan update berita pilihan setiap hari dari Kompas.com.",
                        "Copyright 2008 - 2015 PT. Kompas Cyber Media"])


def as_html(a: dict) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in a["paras"])
    return (f"<html><head><title>{html.escape(a['title'])} - Kompas.com</title></head><body>"
            f"<div class='nav'><a href='/'>Home</a> <a href='/ekonomi'>Ekonomi</a></div>"
            f"<div class='read'><h1 class='read__title'>{html.escape(a['title'])}</h1>"
            f"<div class='read__time'>{a['shown']} | {a['clock']} WIB</div>"
            f"<div class='read__content'>{body}</div></div>"
            f"<div class='related'><h3>Berita Terkait</h3><a href='/x'>Harga Cabai Naik Lagi</a></div></body></html>")


def check() -> dict:
    from warta.extract import extract
    scores = {}
    for kind, layout in (("text", as_text), ("html", as_html)):
        right_title = right_day = n = 0
        misses = []
        for a in articles():
            e = extract(layout(a), kind)
            n += 1
            right_title += e.title == a["title"]
            right_day += (e.published or "")[:10] == a["day"]
            if e.title != a["title"] or (e.published or "")[:10] != a["day"]:
                misses.append((a["name"], e.title, e.published))
        scores[kind] = {"docs": n, "title_exact": round(right_title / max(1, n), 3),
                        "date_day": round(right_day / max(1, n), 3), "misses": misses[:5]}
    return scores


if __name__ == "__main__":
    if not ZIP.exists():
        sys.exit(f"{ZIP} is missing")
    print(json.dumps(check(), indent=1, ensure_ascii=False))
