"""Shared test fixtures. Tests that need ../shared skip with a reason when it is absent."""
from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"

needs_shared = pytest.mark.skipif(not GOLD.exists(), reason="../shared (seeds and gold) is not beside the repository")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    if not GOLD.exists():
        pytest.skip("../shared/gold/seeds.json is not beside the repository")
    return json.loads(GOLD.read_text())


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is not beside the repository")
    return sorted(SEEDS.glob("*.txt"))


# --- a real PostgreSQL server for the store tests, started once per session on loopback.
# The server binaries come from scripts/install-test-deps.sh (run by `make test`). As root,
# the server runs as the `postgres` system user, which refuses to run as root.


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries not found; run scripts/install-test-deps.sh")
    data = tempfile.mkdtemp(prefix="warta-pg-")
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(data, user.pw_uid, user.pw_gid)
    port = _free_port()
    subprocess.run(_as_server_user([initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                    "--no-locale"]), check=True, capture_output=True)
    opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([pg_ctl, "-D", data, "-o", opts, "-l", f"{data}/log", "-w", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", data, "-m", "immediate", "-W", "stop"]), capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def new_postgres_db(server_url: str) -> str:
    """The URL of a fresh, empty database on the server at ``server_url``."""
    import psycopg
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return f"{server_url}/{name}"


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the session's server."""
    return new_postgres_db(postgres_server)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """The same test against both backends, each a real database."""
    return str(tmp_path / "t.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
