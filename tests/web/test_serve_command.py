"""`warta serve`: help, a clear error for a missing database or a busy port."""
import socket

import pytest

from click.testing import CliRunner

from warta.cli import cli


def test_help_mentions_loopback_default():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--port" in result.output


def test_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--port", "0"])
    assert result.exit_code != 0
    assert "no database" in (result.output + str(result.exception))


def test_busy_port_is_a_clear_error(web_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--port", str(port)])
    assert result.exit_code == 1 and "cannot listen" in result.output


def test_serve_command_answers_on_either_backend(web_db):
    """`warta serve --db FILE|postgresql://...` as a user runs it, in its own process."""
    import json
    import os
    import subprocess
    import sys
    import time
    import urllib.request
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", str(web_db), "--port", str(port)],
                            env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=menteri", timeout=5) as r:
                    found = json.load(r)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("server did not answer")
        assert found["total"] >= 3 and all("menteri" in (r["snippet"] or "").lower() for r in found["results"])
    finally:
        proc.terminate()
        proc.wait(10)


def test_app_reconnects_after_losing_its_postgres_connection(web_db):
    from warta.store import is_postgres_url
    from warta.web.app import App
    if not is_postgres_url(web_db):
        pytest.skip("an SQLite file has no server connection to lose")
    app = App(web_db)
    first = app.connection()
    first.close()                                # as when the server restarts
    assert app.handle("/api/search?q=menteri").status == 200
    assert app.connection() is not first
