"""Web app benchmark: a synthetic 100k-article database, p50/p95 of search and filtered
event queries through the HTTP API (with the same queries run directly on the database as
the peer in this run), and a bounded load test of concurrent requests on loopback.

    PYTHONPATH=src python bench/web.py [--articles 100000] [--db /tmp/warta-bench.db] [--concurrency 200]
    PYTHONPATH=src python bench/web.py --db /tmp/warta-bench.db --db postgresql://user@host/benchdb

``--db`` may be given several times (SQLite files and postgresql:// URLs): the same
articles are built into each and each is measured in turn, so the backends compare in one run.

Articles are generated from sentence templates with varied actors, countries, event types,
outlets and dates, plus filler vocabulary taken from the demo corpus (no text is copied
into the repository); they are written with executemany in large transactions.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.corpus.samples import load_demo  # noqa: E402
from warta.store import open_store  # noqa: E402
from warta.store import browse as queries  # noqa: E402
from warta.store.browse import Filters  # noqa: E402

ACTORS = [  # (canonical, label, country, sector)
    ("Indonesia", "GPE", "IDN", None), ("Jepang", "GPE", "JPN", None), ("Rusia", "GPE", "RUS", None),
    ("Tiongkok", "GPE", "CHN", None), ("Amerika Serikat", "GPE", "USA", None), ("India", "GPE", "IND", None),
    ("Australia", "GPE", "AUS", None), ("Malaysia", "GPE", "MYS", None), ("Filipina", "GPE", "PHL", None),
    ("Vietnam", "GPE", "VNM", None), ("Korea Utara", "GPE", "PRK", None), ("Korea Selatan", "GPE", "KOR", None),
    ("Ukraina", "GPE", "UKR", None), ("Prancis", "GPE", "FRA", None), ("Jerman", "GPE", "DEU", None),
    ("Inggris", "GPE", "GBR", None), ("Arab Saudi", "GPE", "SAU", None), ("Iran", "GPE", "IRN", None),
    ("Israel", "GPE", "ISR", None), ("Myanmar", "GPE", "MMR", None), ("Singapura", "GPE", "SGP", None),
    ("Thailand", "GPE", "THA", None), ("Turki", "GPE", "TUR", None), ("Mesir", "GPE", "EGY", None),
    ("Kementerian Luar Negeri", "ORG", "IDN", "GOV"), ("TNI", "ORG", "IDN", "MIL"), ("ASEAN", "ORG", None, "IGO"),
    ("PBB", "ORG", None, "IGO"), ("Uni Eropa", "ORG", None, "IGO"), ("NATO", "ORG", None, "IGO"),
    ("Kremlin", "ORG", "RUS", "GOV"), ("Pentagon", "ORG", "USA", "MIL"), ("DPR", "ORG", "IDN", "LEG"),
] + [(f"Tokoh {i}", "PER", random.Random(i).choice(["IDN", "JPN", "RUS", "CHN", "USA", "IND", "AUS", "MYS"]), "GOV")
     for i in range(200)]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
VERBS = {"AGREE": "sepakat dengan", "CONSULT": "bertemu dengan", "SUPPORT": "mendukung", "CONCEDE": "mengalah kepada",
         "COOPERATE": "bekerja sama dengan", "AID": "mengirim bantuan kepada", "RETREAT": "menarik pasukan dari",
         "REQUEST": "meminta", "ACCUSE": "menuding", "REJECT": "menolak usulan", "THREATEN": "mengancam",
         "PROTEST": "memprotes", "SANCTION": "menjatuhkan sanksi kepada", "MOBILIZE": "menyiagakan pasukan terhadap",
         "COERCE": "menahan kapal", "ASSAULT": "menyerang"}
OUTLETS = [f"Outlet {name}" for name in ("Nusantara", "Kini", "Khatulistiwa", "Lintas", "Dunia", "Merdeka", "Pagi",
                                         "Senja", "Raya", "Timur", "Barat", "Utama", "Jaya", "Bangsa", "Rakyat",
                                         "Pos", "Kabar", "Warta", "Suara", "Harian")]
WIRES = [[], [], [], ["ANTARA"], ["Reuters"], ["AFP"], ["TASS"], ["RT"], ["Xinhua"], ["TASS", "RT"]]


def vocabulary() -> list[str]:
    words = []
    for a in load_demo():
        words += re.findall(r"[a-zA-Z]{4,}", a.body.lower())
    return sorted(set(words))


def make_article(i: int, rng: random.Random, vocab: list[str]) -> tuple[tuple, list[tuple], list[tuple]]:
    """(article row, entity rows, event rows) with offsets into the generated body."""
    day = f"{2023 + i % 3}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
    parts, entities, events, pos = [], [], [], 0
    for _ in range(rng.randint(2, 4)):
        src, tgt, kind = rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(TYPES)
        filler = " ".join(rng.choice(vocab) for _ in range(rng.randint(12, 30)))
        sentence = f"{src[0]} {VERBS[kind]} {tgt[0]} pada {day}, {filler}."
        s_at, t_at = pos, pos + len(src[0]) + 1 + len(VERBS[kind]) + 1
        entities += [(s_at, s_at + len(src[0]), src[0], src[1], src[0], src[2], src[3]),
                     (t_at, t_at + len(tgt[0]), tgt[0], tgt[1], tgt[0], tgt[2], tgt[3])]
        events.append((kind, src[0], src[0], src[2], tgt[0], tgt[0], tgt[2], day, VERBS[kind].split()[0],
                       sentence, pos, pos + len(sentence)))
        parts.append(sentence)
        pos += len(sentence) + 1
    body = "\n".join(parts)
    title = f"{events[0][1]} {VERBS[events[0][0]]} {events[0][4]}"
    row = (f"bench:{i}", f"h{i}", f"bench/{i}.txt", title, f"{day}T{rng.randrange(24):02d}:00:00+07:00",
           OUTLETS[i % len(OUTLETS)], "id", json.dumps(rng.choice(WIRES)), body, "now", "now")
    return row, entities, events


def batches(n: int, seed: int = 7, size: int = 10_000):
    """The generated articles in batches of (first id, [(article, entities, events)])."""
    rng, vocab = random.Random(seed), vocabulary()
    for start in range(0, n, size):
        yield start, [make_article(i, rng, vocab) for i in range(start, min(n, start + size))]


ARTICLE_INSERT = ("articles (id, doc_key, content_hash, source, title, published, outlet, language, wire_sources, "
                  "body, ingested_at, updated_at)")
ENTITY_INSERT = "entities (article_id, start_char, end_char, text, label, canonical, country, sector)"
EVENT_INSERT = ("events (article_id, type, source_text, source_canonical, source_country, target_text, "
                "target_canonical, target_country, date, trigger, sentence, start_char, end_char, confidence)")


def build_postgres(url: str, n: int, seed: int = 7) -> float:
    """The same articles as build() into an emptied PostgreSQL database, with COPY."""
    import psycopg
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    open_store(url).close()
    with psycopg.connect(url) as db:
        for start, batch in batches(n, seed):
            with db.cursor() as cur:
                with cur.copy(f"COPY {ARTICLE_INSERT} FROM STDIN") as copy:
                    for k, b in enumerate(batch):
                        copy.write_row((start + k + 1, *b[0]))
                with cur.copy(f"COPY {ENTITY_INSERT} FROM STDIN") as copy:
                    for k, b in enumerate(batch):
                        for e in b[1]:
                            copy.write_row((start + k + 1, *e))
                with cur.copy(f"COPY {EVENT_INSERT} FROM STDIN") as copy:
                    for k, b in enumerate(batch):
                        for e in b[2]:
                            copy.write_row((start + k + 1, *e, 0.8))
            db.commit()
        for table in ("articles", "entities", "events"):
            db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        db.commit()
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    return time.monotonic() - started


def build(path: Path, n: int, seed: int = 7) -> float:
    started = time.monotonic()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_store(path).close()                       # schema and indexes, all migrations
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    for start, batch in batches(n, seed):
        db.execute("BEGIN")
        db.executemany(f"INSERT INTO {ARTICLE_INSERT} VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       [(start + k + 1, *b[0]) for k, b in enumerate(batch)])
        db.executemany(f"INSERT INTO {ENTITY_INSERT} VALUES (?,?,?,?,?,?,?,?)",
                       [(start + k + 1, *e) for k, b in enumerate(batch) for e in b[1]])
        db.executemany(f"INSERT INTO {EVENT_INSERT} VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0.8)",
                       [(start + k + 1, *e) for k, b in enumerate(batch) for e in b[2]])
        db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    db.close()
    return time.monotonic() - started


SEARCHES = [
    {"q": "menteri"}, {"q": "rusia"}, {"q": "jepang sepakat"}, {"q": '"bertemu dengan"'}, {"q": "sanksi OR ancam"},
    {"q": "indonesia", "outlet": "Outlet Kini"}, {"q": "bantuan", "since": "2024-03-01", "until": "2024-06-30"},
    {"q": "tiongkok", "actor": "Filipina"}, {"q": "pasukan", "country": "RUS"}, {"q": "kerja*", "type": "ASSAULT"},
    {}, {"outlet": "Outlet Raya"}, {"actor": "Tokoh 17"}, {"country": "PRK", "since": "2024-01-01"}, {"type": "AID"},
]
EVENTS = [
    {}, {"type": "CONSULT"}, {"actor": "Jepang"}, {"actor": "Tokoh 5"}, {"country": "IDN"}, {"outlet": "Outlet Pagi"},
    {"since": "2024-05-01", "until": "2024-05-31"}, {"type": "THREATEN", "country": "PRK"},
    {"actor": "Indonesia", "type": "AGREE", "since": "2023-06-01"}, {"q": "rusia"}, {"q": "menteri", "type": "AID"},
    {"offset": "400"},
]


DEFAULT_DB = Path("/tmp/warta-bench-web.db")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed_http(base: str, path: str, params: dict) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(base + path + ("?" + urlencode(params) if params else ""), timeout=60) as r:
        r.read()
        assert r.status == 200
    return (time.perf_counter() - started) * 1000


def timed_direct(db: sqlite3.Connection, func, params: dict) -> float:
    started = time.perf_counter()
    func(db, Filters.from_params({"limit": "50", **params}))
    return (time.perf_counter() - started) * 1000


def measure(base: str, db: sqlite3.Connection, repeats: int) -> dict:
    out = {}
    for name, path, func, cases in (("search", "/api/search", queries.search_articles, SEARCHES),
                                    ("events", "/api/events", queries.filter_events, EVENTS)):
        http_ms, direct_ms, worst = [], [], {}
        for params in cases:
            timed_http(base, path, params)                       # warm the page cache once
            for _ in range(repeats):
                http_ms.append(timed_http(base, path, params))
                direct_ms.append(timed_direct(db, func, params))
            worst[json.dumps(params, ensure_ascii=False)] = round(percentile(http_ms[-repeats:], 95), 1)
        out[name] = {"http_p50_ms": round(statistics.median(http_ms), 1), "http_p95_ms": round(percentile(http_ms, 95), 1),
                     "direct_p50_ms": round(statistics.median(direct_ms), 1),
                     "direct_p95_ms": round(percentile(direct_ms, 95), 1),
                     "http_over_direct_p95": round(percentile(http_ms, 95) / max(percentile(direct_ms, 95), 1e-3), 2),
                     "slowest_cases_p95_ms": dict(sorted(worst.items(), key=lambda kv: -kv[1])[:4])}
    return out


def charts_once(base: str) -> dict:
    """Chart aggregates over the whole database, first (uncached) request each."""
    return {path: round(timed_http(base, path, {}), 1) for path in
            ("/api/timeline?type=AID", "/api/network?outlet=Outlet+Senja", "/api/map?actor=Tokoh+3",
             "/api/timeline", "/api/network", "/api/map")}


LOAD_PATHS = ["/api/search?q=menteri", "/api/events?type=CONSULT", "/search?q=rusia", "/events?country=IDN",
              "/article/12345", "/api/articles/777", "/timeline", "/api/network?country=RUS", "/map", "/static/app.css"]


def load_test(base: str, concurrency: int, rounds: int, deadline_s: float, paths: list[str] = LOAD_PATHS) -> dict:
    """``rounds`` waves of ``concurrency`` simultaneous requests (threads released together)."""
    errors, latencies, lock = [], [], threading.Lock()
    started = time.monotonic()

    def one(path: str, barrier: threading.Barrier) -> None:
        barrier.wait()
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=deadline_s) as r:
                r.read()
                ok = r.status == 200
        except Exception as e:  # noqa: BLE001 - every failure counts as an error
            ok, path = False, f"{path}: {type(e).__name__}: {e}"
        with lock:
            latencies.append((time.perf_counter() - t) * 1000)
            if not ok:
                errors.append(path)

    for wave in range(rounds):
        if time.monotonic() - started > deadline_s:
            break
        barrier = threading.Barrier(concurrency)
        threads = [threading.Thread(target=one, args=(paths[(wave + k) % len(paths)], barrier)) for k in range(concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(deadline_s)
    elapsed = time.monotonic() - started
    return {"concurrency": concurrency, "requests": len(latencies), "errors": len(errors), "error_examples": errors[:5],
            "seconds": round(elapsed, 2), "requests_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies), 1), "p95_ms": round(percentile(latencies, 95), 1),
            "max_ms": round(max(latencies), 1)}


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "platform": platform.platform(), "loadavg": os.getloadavg()}


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_direct(db: str):
    """A connection like the server's own (the peer of the HTTP measurements)."""
    if is_postgres(db):
        from warta.store.postgres import connect
        return connect(db)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    for pragma in ("mmap_size = 1073741824", "cache_size = -32768"):   # as the server's connections
        conn.execute(f"PRAGMA {pragma}")
    return conn


def stored_articles(db: str) -> int:
    try:
        conn = open_direct(db)
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except Exception:  # noqa: BLE001 - no database or no table yet: build it
        return 0


def database_info(db: str, conn) -> dict:
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "entities", "events")}
    if is_postgres(db):
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        server = conn.execute("SELECT version()").fetchone()[0].split(" on ")[0]
        settings = {k: conn.execute(f"SHOW {k}").fetchone()[0] for k in ("shared_buffers", "work_mem", "jit")}
        return {"database": re.sub(r"//[^@/]*@", "//***@", db), "mb": round(size / 2**20), "server": server,
                **settings, **counts}
    return {"database": db, "mb": round(Path(db).stat().st_size / 2**20), **counts}


def serve(db: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", action="append", metavar="FILE|URL",
                    help=f"an SQLite file or a postgresql:// URL (emptied and rebuilt); repeat to compare "
                         f"backends in one run (default {DEFAULT_DB})")
    ap.add_argument("--reuse", action="store_true", help="keep an existing database of the right size")
    ap.add_argument("--port", type=int, default=8911)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(json.dumps({"machine": machine()}))
    for db in args.db or [str(DEFAULT_DB)]:
        run(db, args)


def run(db: str, args) -> None:
    """Build (unless --reuse finds it complete) and measure one database."""
    if not (args.reuse and stored_articles(db) == args.articles):
        seconds = build_postgres(db, args.articles) if is_postgres(db) else build(Path(db), args.articles)
        print(json.dumps({"database": db.split("@")[-1], "built_articles": args.articles,
                          "build_seconds": round(seconds, 1)}))
    conn = open_direct(db)
    print(json.dumps(database_info(db, conn)))
    proc = serve(db, args.port)
    try:
        base = f"http://127.0.0.1:{args.port}"
        print(json.dumps({"latency": measure(base, conn, args.repeats)}, ensure_ascii=False))
        print(json.dumps({"charts_uncached_ms": charts_once(base)}))
        print(json.dumps({"load": load_test(base, args.concurrency, args.rounds, 120.0)}))
        print(json.dumps({"loadavg_after": os.getloadavg()}))
    finally:
        proc.terminate()
        proc.wait(10)
        conn.close()


if __name__ == "__main__":
    main()
