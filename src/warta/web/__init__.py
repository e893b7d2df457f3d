"""The local web app: search, article pages, events, charts and a JSON API over a store."""
from .app import App, make_server

__all__ = ["App", "make_server"]
