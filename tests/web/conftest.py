"""Fixtures for the web tests: one database built from the seeds and the demo corpus (plus
hostile articles), and a live server on 127.0.0.1 with an ephemeral port. The database is
built on each backend in turn (an SQLite file, then a PostgreSQL database on the test
server), so every test using ``web_db``, ``server`` or ``base_url`` runs on both."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from tests.conftest import SEEDS, new_postgres_db
from tests.web.sample_db import build_db
from warta.corpus.samples import demo_dir
from warta.store import is_postgres_url
from warta.web import make_server


def build_web_db(url: str) -> str:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else None
    build_db(url, seeds, demo_dir())
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def web_db(request, tmp_path_factory) -> str:
    """The database as a path (SQLite) or a postgresql:// URL."""
    if request.param == "sqlite":
        return build_web_db(str(tmp_path_factory.mktemp("web") / "web.db"))
    return build_web_db(new_postgres_db(request.getfixturevalue("postgres_server")))


def connect(url: str):
    """A read connection to the web database, rows by index or name, ``?`` placeholders."""
    if is_postgres_url(url):
        from warta.store.postgres import connect as pg_connect
        return pg_connect(url)
    db = sqlite3.connect(url)
    db.row_factory = sqlite3.Row
    return db


@pytest.fixture(scope="session")
def server(web_db):
    srv = make_server(str(web_db), "127.0.0.1", 0, workers=8)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="session")
def base_url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"
