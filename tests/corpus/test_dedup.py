"""Exact and near-duplicate detection (warta.corpus.dedup)."""
from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest

from warta.corpus import dedup
from warta.corpus.samples import demo_gold, load_demo, rough_body
from warta.corpus.text import article_keys
from warta.model import Article

from pathlib import Path as _Path

SHARED = _Path(__file__).resolve().parents[2].parent / "shared"  # ../shared beside the repository
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
needs_shared = pytest.mark.skipif(not GOLD.exists(), reason="../shared (seeds and gold) is not beside the repository")



def _pairs(found) -> set[frozenset]:
    return {frozenset((p.a, p.b)) for p in found}


def test_exact_duplicates_ignore_case_punctuation_and_spacing():
    a = Article(source="a", body="Menlu RI bertemu Menlu Jepang di Tokyo, Selasa.")
    b = Article(source="b", body="menlu ri  bertemu menlu jepang di tokyo selasa")
    c = Article(source="c", body="Menlu RI bertemu Menlu Korea di Seoul, Senin.")
    groups = dedup.exact_duplicates([a, b, c])
    assert [g.keys for g in groups] == [("a", "b")]


def test_demo_near_duplicates_are_exactly_the_designed_pairs():
    articles = load_demo()
    gold = demo_gold()
    keys = {g["file"] + (f":{g['record']}" if g.get("record") else ""): i for i, g in enumerate(gold)}
    found = dedup.near_duplicates(articles)
    names = article_keys(articles)
    expected = {frozenset((names[i], names[keys[g["copy_of"]]])) for i, g in enumerate(gold) if g["copy_of"]}
    assert _pairs(found) == expected
    assert all(not p.exact and 0 < p.jaccard < 1 for p in found)


def test_earliest_version_compares_times_across_time_zones():
    articles = load_demo()
    pair = next(p for p in dedup.near_duplicates(articles) if "03_" in p.a or "03_" in p.b)
    # 04 is stamped 10:55 WITA (UTC+8), 03 10:12 WIB (UTC+7): 04 came first.
    assert pair.earliest.startswith("04_")


def _rewrite(body: str, rng: random.Random) -> str:
    lines = [l for l in body.splitlines() if l.strip()]
    middle = lines[2:-2]
    head = middle[:4]
    rng.shuffle(head)
    middle = head + middle[4:]
    kept = middle[: max(4, int(len(middle) * 0.6))]
    text = "\n".join(["PORTAL BERITA CONTOH", "Beranda | Dunia | Politik", "Senin, 3 Maret 2025 09:14 WIB"] + kept +
                     ["Baca juga: Harga Cabai Naik Menjelang Lebaran di Pasar Induk", "Bagikan: Facebook X WhatsApp"])
    return text.replace("mengatakan", "menyatakan").replace("tersebut", "itu")


@needs_shared
def test_truncated_reframed_rewrites_of_seeds_are_found_and_different_seeds_are_not():
    rng = random.Random(7)
    bodies = [rough_body(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    articles = [Article(source=f"seed{i}", body=b) for i, b in enumerate(bodies)]
    articles += [Article(source=f"copy{i}", body=_rewrite(b, rng)) for i, b in enumerate(bodies)]
    found = _pairs(dedup.near_duplicates(articles))
    assert found == {frozenset((f"seed{i}", f"copy{i}")) for i in range(len(bodies))}


def test_minhash_estimate_tracks_exact_jaccard():
    rng = random.Random(3)
    vocab = [f"kata{i}" for i in range(400)]
    base = [rng.choice(vocab) for _ in range(300)]
    hasher = dedup.MinHasher(dedup.DedupSettings(min_line_words=0))
    errors = []
    for keep in (0.2, 0.4, 0.6, 0.8, 0.95):
        other = [w if rng.random() < keep else rng.choice(vocab) for w in base]
        a, b = hasher.shingle_set(" ".join(base)), hasher.shingle_set(" ".join(other))
        exact, _ = dedup.overlap(a, b)
        errors.append(abs(dedup.estimate(hasher.signature(a), hasher.signature(b)) - exact))
    assert max(errors) < 0.12 and sum(errors) / len(errors) < 0.06


def test_signatures_are_deterministic_and_bands_cover_the_signature():
    settings = dedup.DedupSettings()
    text = "Rusia siap membantu Senegal memperkuat kemampuan pertahanan dan kontraterorisme."
    one = dedup.MinHasher(settings).signature(dedup.MinHasher(settings).shingle_set(text))
    two = dedup.MinHasher(settings).signature(dedup.MinHasher(settings).shingle_set(text))
    assert np.array_equal(one, two)
    keys = dedup.band_keys(one, settings.rows)
    assert len(keys) == settings.bands and len(set(keys)) == settings.bands
    index = dedup.LSHIndex(settings.rows)
    index.add(5, one)
    assert index.query(two) == {5}


def test_content_lines_leave_out_page_furniture_and_headlines():
    text = "\n".join([
        "Baca juga: Komisi I DPR Minta Kemlu Perkuat Perlindungan WNI di Timur Tengah",
        "Presiden Terima Kunjungan Kehormatan Dubes Baru dari Lima Negara",
        "Menteri luar negeri kedua negara membahas kerja sama keamanan maritim di Tokyo pada Selasa.",
        "Kedua menteri juga sepakat memperkuat patroli bersama dan pertukaran informasi di laut.",
        "Jepang siap menyalurkan hibah dua kapal patroli kepada Badan Keamanan Laut RI tahun depan.",
    ])
    kept = dedup.content_lines(text, 8)
    assert kept.splitlines() == text.splitlines()[2:]
    single = "Satu kalimat pendek saja"
    assert dedup.content_lines(single, 8) == single


def test_groups_are_transitive_and_start_with_the_earliest():
    body = "\n".join(f"Kalimat nomor {i} tentang pertemuan menteri luar negeri di kota yang sama." for i in range(30))
    lines = body.splitlines()
    a = Article(source="a", published="2025-10-14T12:00:00+07:00", body="\n".join(lines[:20]))
    b = Article(source="b", published="2025-10-14T09:00:00+07:00", body="\n".join(lines[5:25]))
    c = Article(source="c", published="2025-10-15T09:00:00+07:00", body="\n".join(lines[10:30]))
    d = Article(source="d", body="Berita lain sama sekali tentang harga beras di pasar induk Cipinang hari ini.")
    groups = dedup.duplicate_groups([a, b, c, d], dedup.near_duplicates([a, b, c, d]))
    assert [g.keys for g in groups] == [("b", "a", "c")]
    assert groups[0].earliest == "b"


def test_repeated_urls_still_get_distinct_keys():
    body = "Isi berita yang sama persis dimuat dua kali oleh pengumpul berita yang sama hari ini."
    articles = [Article(source="x", url="https://contoh.id/a", body=body) for _ in range(2)]
    (pair,) = dedup.near_duplicates(articles)
    assert pair.exact and pair.a != pair.b and pair.earliest == "https://contoh.id/a"


def test_empty_bodies_are_neither_duplicates_nor_errors():
    articles = [Article(source="a", body=""), Article(source="b", body=""), Article(source="c", body="teks")]
    assert dedup.near_duplicates(articles) == []
    assert dedup.exact_duplicates(articles) == []


@pytest.mark.parametrize("keep", [True, False])
def test_incremental_index_finds_the_same_demo_pairs(keep):
    articles = load_demo()
    names = article_keys(articles)
    batch = _pairs(dedup.near_duplicates(articles))
    index = dedup.DedupIndex(keep_shingles=keep)
    found = set()
    for key, article in zip(names, articles):
        found |= {frozenset((key, earlier)) for earlier, _, _ in index.add(key, article.body)}
    assert len(index) == len(articles)
    assert found == batch
