"""Programmatic rewrites of real articles for the near-duplicate benchmark (bench/dedup.py).

A variant imitates what another outlet or scraper makes of the same report: a different
page frame (lines cut at the edges, new masthead, byline, teasers, ads and footer), a
light rewrite (sentences reordered, synonyms swapped, filler words and a sentence or two
dropped) and truncation. The intensity of each step is drawn per variant.
"""
from __future__ import annotations

import random
import re

from warta.nlp.tokens import sentences

# Substitutions Indonesian editors make when rewriting a wire story (both directions used).
SYNONYMS = [
    ("mengatakan", "menyatakan"), ("kata", "ujar"), ("menurut", "berdasarkan"),
    ("setelah", "usai"), ("seusai", "setelah"), ("akan", "bakal"), ("sangat", "amat"),
    ("tersebut", "itu"), ("mengungkapkan", "menyampaikan"), ("bertemu", "berjumpa"),
    ("membahas", "mendiskusikan"), ("sejumlah", "beberapa"), ("meningkatkan", "memperkuat"),
    ("Menteri Luar Negeri", "Menlu"), ("Menteri Pertahanan", "Menhan"),
    ("Amerika Serikat", "AS"), ("Perserikatan Bangsa-Bangsa", "PBB"), ("juga", "pun"),
    ("pembicaraan", "perundingan"), ("kerja sama", "kolaborasi"), ("negara", "bangsa"),
    ("menegaskan", "menekankan"), ("mendesak", "meminta"), ("sebelumnya", "terdahulu"),
    ("wartawan", "awak media"), ("pemerintah", "otoritas"), ("bantuan", "pertolongan"),
    ("kunjungan", "lawatan"), ("ancaman", "bahaya"), ("tentara", "prajurit"),
]
FILLERS = ["telah", "pun", "juga", "sendiri", "yang", "para", "pula", "sementara itu,"]

OUTLETS = ["Kabar Pagi", "Lintas Berita", "Warta Kini", "Suara Rakyat Online", "Jurnal Global",
           "Detak Dunia", "Nusa Update", "Pena Nusantara"]
MENUS = ["Home | News | Internasional | Politik | Ekonomi | Video",
         "Beranda  Nasional  Dunia  Hukum  Olahraga  Indeks", "Terkini Terpopuler Pilihan Editor",
         "Masuk | Daftar | Langganan"]
PEOPLE = ["Rina Kusuma", "Agus Salim Putra", "Dewi Lestari Anwar", "Fajar Nugroho", "Tika Ramadhani"]
DATES = ["Senin, 3 Maret 2025, 09:14 WIB", "12/6/2024 18:02", "4 April 2024, 14:43 WIB",
         "Jumat, 8 November 2024 | 20:15 WITA", "Rabu, 15 Januari 2025 07:30 WIT"]
FOOTERS = ["Bagikan artikel ini: Facebook | X | WhatsApp | Telegram", "IKLAN",
           "GULIR UNTUK MELANJUTKAN KONTEN", "ADVERTISEMENT", "Simak berita lainnya di Google News",
           "Copyright © 2025. All rights reserved.", "Editor: {p}", "BERITA TERKAIT", "(afp/rds)",
           "Dapatkan update berita pilihan dan breaking news setiap hari."]


def paragraphs(text: str) -> list[list[str]]:
    return [[s.text for s in sentences(p)] for p in text.split("\n") if p.strip()]


def swap_words(text: str, rng: random.Random, rate: float) -> str:
    for a, b in SYNONYMS:
        src, dst = (a, b) if rng.random() < 0.5 else (b, a)
        text = re.sub(rf"\b{re.escape(src)}\b", lambda m: dst if rng.random() < rate else m.group(), text)
    return text


def drop_fillers(text: str, rng: random.Random, rate: float) -> str:
    for word in FILLERS:
        text = re.sub(rf"\b{re.escape(word)} ", lambda m: "" if rng.random() < rate else m.group(), text)
    return text


def reorder(paras: list[list[str]], rng: random.Random, swaps: int) -> list[list[str]]:
    paras = [list(p) for p in paras]
    for _ in range(swaps):
        if len(paras) > 2 and rng.random() < 0.5:
            i = rng.randrange(1, len(paras) - 1)
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
        else:
            p = rng.choice(paras)
            if len(p) > 1:
                i = rng.randrange(len(p) - 1)
                p[i], p[i + 1] = p[i + 1], p[i]
    return paras


def cut(paras: list[list[str]], rng: random.Random, drop: int, keep_share: float) -> list[list[str]]:
    """Drop ``drop`` random sentences, then keep the first ``keep_share`` of the sentences."""
    flat = [(i, s) for i, p in enumerate(paras) for s in p]
    for _ in range(min(drop, len(flat) - 3)):
        flat.pop(rng.randrange(len(flat)))
    flat = flat[:max(3, round(len(flat) * keep_share))]
    out: dict[int, list[str]] = {}
    for i, s in flat:
        out.setdefault(i, []).append(s)
    return list(out.values())


def frame(body_lines: list[str], rng: random.Random, titles: list[str], strip: int) -> list[str]:
    """Cut ``strip`` short lines at each edge and wrap the body in a new outlet's page."""
    lines = list(body_lines)
    for _ in range(strip):
        if lines and len(lines[0].split()) < 12:
            lines.pop(0)
        if lines and len(lines[-1].split()) < 12:
            lines.pop()
    outlet, person = rng.choice(OUTLETS), rng.choice(PEOPLE)
    head = [outlet.upper(), rng.choice(MENUS), rng.choice(DATES), f"Penulis : {person} | Editor : {rng.choice(PEOPLE)}"]
    for _ in range(rng.randint(1, 3)):
        pos = rng.randrange(1, max(2, len(lines)))
        lines.insert(pos, rng.choice([f"Baca juga: {rng.choice(titles)}", "IKLAN", "ADVERTISEMENT"]))
    tail = [f.format(p=person) for f in rng.sample(FOOTERS, rng.randint(2, 5))]
    tail += [rng.choice(titles) for _ in range(rng.randint(0, 3))]
    return head + lines + tail


def variant(body: str, rng: random.Random, titles: list[str]) -> str:
    """One rewrite of ``body``: intensity drawn at random from light to heavy."""
    level = rng.random()
    paras = reorder(paragraphs(body), rng, swaps=round(level * 6))
    paras = cut(paras, rng, drop=round(level * 3), keep_share=rng.uniform(0.5, 1.0))
    text = "\n".join(" ".join(p) for p in paras)
    text = drop_fillers(swap_words(text, rng, rate=0.15 + 0.35 * level), rng, rate=0.15 * level)
    return "\n".join(frame(text.split("\n"), rng, titles, strip=rng.randint(0, 4)))
