"""The web app: routing, security headers, static files and a threaded HTTP server with a
fixed pool of workers, each holding its own read-only connection (SQLite or PostgreSQL)."""
from __future__ import annotations

import mimetypes
import queue
import re
import sqlite3
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, HTTPServer
from importlib import resources
from typing import Any, Callable, Optional
from urllib.parse import parse_qsl, urlsplit

from ..store import browse as queries
from ..store import is_postgres_url, open_store
from . import views
from .article import api_article, article_page
from .openapi import openapi
from .responses import BadRequest, NotFound, Response, as_json, error

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CACHE_TTL = 120.0
CACHE_SIZE = 256
MAX_QUERY = 4096


def static_files() -> dict[str, tuple[bytes, str]]:
    """The files of src/warta/web/static by name: the only files the server ever sends."""
    folder = resources.files("warta.web").joinpath("static")
    out = {}
    for entry in folder.iterdir():
        if entry.is_file() and not entry.name.startswith("."):
            ctype = mimetypes.guess_type(entry.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith("javascript"):
                ctype += "; charset=utf-8"
            out[entry.name] = (entry.read_bytes(), ctype)
    return out


class App:
    """Maps (path, query) to a Response over one database (an SQLite file or a
    postgresql:// URL). Thread-safe: each thread gets its own connection (opened read-only
    on first use)."""

    def __init__(self, db_path: str):
        open_store(db_path, create=False).close()          # exists, and migrated to this schema
        self.db_path = db_path
        self.postgres = is_postgres_url(db_path)
        self.query_errors: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
        if self.postgres:
            from ..store.postgres import query_errors
            self.query_errors += query_errors()
        self.static = static_files()
        self._local = threading.local()
        self._cache: dict[tuple, tuple[float, Any]] = {}
        self._cache_lock = threading.Lock()
        self._computing: dict[tuple, threading.Lock] = {}
        self.routes: list[tuple[re.Pattern, Callable[..., Response]]] = [
            (re.compile(p), f) for p, f in (
                (r"/", lambda db, q: Response(302, b"", headers={"Location": "/search"})),
                (r"/search", lambda db, q: views.search(db, q, self.facets(db))),
                (r"/events", lambda db, q: views.events(db, q, self.facets(db))),
                (r"/(timeline|network|map|outlets)", lambda db, q, kind: views.chart(kind, db, q, self.facets(db), self.cached)),
                (r"/article/([^/]+)", lambda db, q, i: article_page(db, i)),
                (r"/api/search", views.api_search),
                (r"/api/events", views.api_events),
                (r"/api/(timeline|network|map|outlets)", lambda db, q, kind: views.api_chart(kind, db, q, self.cached)),
                (r"/api/articles/([^/]+)", lambda db, q, i: api_article(db, i)),
                (r"/api/facets", lambda db, q: views.api_facets(self.facets(db))),
                (r"/api/stats", lambda db, q: as_json(_stats(db))),
                (r"/api/openapi\.json", lambda db, q: as_json(openapi())),
                (r"/static/([^/]+)", lambda db, q, name: self.static_file(name)),
            )]

    def connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is not None and getattr(db, "broken", False):
            db = None                                      # the PostgreSQL server went away: reconnect
        if db is None and self.postgres:
            from ..store.postgres import connect
            db = self._local.db = connect(self.db_path)
        if db is None:
            db = sqlite3.connect(self.db_path, timeout=30, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA query_only = ON")
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA mmap_size = 1073741824")   # read through the OS page cache
            db.execute("PRAGMA cache_size = -32768")      # 32 MB per connection
            self._local.db = db
        return db

    def facets(self, db: sqlite3.Connection) -> dict:
        """Filter choices, recomputed at most every CACHE_TTL seconds."""
        return self.cached(("facets",), lambda: queries.facets(db))

    def cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """Aggregates (charts, facets) are kept CACHE_TTL seconds: the app never writes, and
        a result at most that old is fine for an overview. One thread computes a missing
        key while the others asking for it wait for its result."""
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit and time.monotonic() - hit[0] < CACHE_TTL:
                return hit[1]
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            with self._cache_lock:
                hit = self._cache.get(key)
                if hit and time.monotonic() - hit[0] < CACHE_TTL:
                    return hit[1]
            value = compute()
            with self._cache_lock:
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = (time.monotonic(), value)
                self._computing.pop(key, None)
        return value

    def static_file(self, name: str) -> Response:
        if name not in self.static:
            raise NotFound(f"no static file {name!r}")
        body, ctype = self.static[name]
        return Response(200, body, ctype, {"Cache-Control": "max-age=3600"})

    def handle(self, target: str) -> Response:
        """Answer a GET for ``target`` (path and query string)."""
        api = target.startswith("/api/")
        try:
            if len(target) > MAX_QUERY:
                raise BadRequest("request too long")
            parts = urlsplit(target)
            params = dict(parse_qsl(parts.query, keep_blank_values=True))
            for pattern, view in self.routes:
                m = pattern.fullmatch(parts.path)
                if m:
                    return view(self.connection(), params, *m.groups())
            raise NotFound(f"no page at {parts.path}")
        except NotFound as e:
            return error(404, "Not Found", str(e), api)
        except BadRequest as e:
            return error(400, "Bad Request", str(e), api)
        except self.query_errors as e:
            return error(400, "Bad Request", f"the query could not run: {e}", api)
        except Exception as e:  # a bug: answer 500 rather than dropping the connection
            traceback.print_exc(file=sys.stderr)
            return error(500, "Internal Server Error", f"{type(e).__name__}; see the server log", api)


def _stats(db: sqlite3.Connection) -> dict:
    q = db.execute
    counts = {t: q(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "entities", "quotes", "times", "events", "rejections", "duplicates", "stories")}
    span = q("SELECT min(published), max(published) FROM articles").fetchone()
    return {**counts, "published_from": span[0], "published_to": span[1]}


# --- HTTP -----------------------------------------------------------------------------

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def host_allowed(host_header: Optional[str], bound_host: str) -> bool:
    """On a loopback-bound server only loopback names are accepted in the Host header, so
    that a web page whose DNS name is rebound to 127.0.0.1 cannot read the app."""
    if bound_host not in LOOPBACK_NAMES:
        return True                                   # served on purpose beyond this machine
    name = (host_header or "").strip().lower()
    name = name.rsplit(":", 1)[0] if not name.endswith("]") else name
    return name in LOOPBACK_NAMES


def handler_for(app: App, verbose: bool = False, bound_host: str = "127.0.0.1") -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "warta"
        sys_version = ""
        timeout = 30

        def _answer(self) -> Response:
            if not host_allowed(self.headers.get("Host"), bound_host):
                return error(421, "Misdirected Request", "this server answers to localhost and 127.0.0.1 only",
                             self.path.startswith("/api/"))
            return app.handle(self.path)

        def do_GET(self) -> None:
            self._send(self._answer(), head=False)

        def do_HEAD(self) -> None:
            self._send(self._answer(), head=True)

        def _send(self, response: Response, head: bool) -> None:
            self.send_response(response.status)
            for name, value in {**SECURITY_HEADERS, "Content-Type": response.content_type, **response.headers}.items():
                self.send_header(name, value)
            if isinstance(response.body, bytes):
                self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            if head:
                return
            chunks = [response.body] if isinstance(response.body, bytes) else response.body
            for chunk in chunks:
                self.wfile.write(chunk)

        def log_message(self, format: str, *args) -> None:
            if verbose:
                super().log_message(format, *args)

    return Handler


class PooledHTTPServer(HTTPServer):
    """An HTTP server whose requests are handled by a fixed number of worker threads
    (connections beyond them wait in the accept queue instead of spawning threads)."""
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type, workers: int = 16):
        self.jobs: queue.Queue = queue.Queue()
        self.workers: list[threading.Thread] = []       # server_close() runs if binding fails
        super().__init__(address, handler)
        self.workers = [threading.Thread(target=self._work, daemon=True, name=f"warta-web-{i}") for i in range(workers)]
        for w in self.workers:
            w.start()

    def process_request(self, request, client_address) -> None:
        self.jobs.put((request, client_address))

    def _work(self) -> None:
        while True:
            request, client_address = self.jobs.get()
            if request is None:
                return
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        for _ in self.workers:
            self.jobs.put((None, None))


def make_server(db_path: str, host: str = "127.0.0.1", port: int = 8765, workers: int = 16,
                verbose: bool = False) -> PooledHTTPServer:
    """A server for the database at ``db_path``, bound (not yet serving): call serve_forever()."""
    return PooledHTTPServer((host, port), handler_for(App(db_path), verbose, host), workers)
