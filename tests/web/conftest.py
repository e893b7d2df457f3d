"""Fixtures for the web tests: one database built from the seeds and the demo corpus (plus
hostile articles), and a live server on 127.0.0.1 with an ephemeral port."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.web.sample_db import build_db
from warta.corpus.samples import demo_dir
from warta.web import make_server


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else None
    build_db(path, seeds, demo_dir())
    return path


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
