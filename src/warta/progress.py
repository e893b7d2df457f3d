"""A one-line progress display on stderr for long runs (only on a terminal)."""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


class Progress:
    """Call ``update(done, rejected)``; redraws at most 5 times a second; ``close()`` ends the line."""

    def __init__(self, label: str, total: Optional[int] = None, stream: TextIO = sys.stderr,
                 enabled: Optional[bool] = None):
        self.label, self.total, self.stream = label, total, stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, done: int, rejected: int = 0, force: bool = False) -> None:
        t = time.monotonic()
        if not self.enabled or (not force and t - self.last < 0.2):
            return
        self.last = t
        rate = done / max(t - self.start, 1e-9)
        of = f"/{self.total}" if self.total else ""
        bar = ""
        if self.total:
            filled = int(20 * min(done, self.total) / self.total)
            bar = "[" + "#" * filled + "." * (20 - filled) + "] "
        self.stream.write(f"\r{self.label}: {bar}{done}{of} docs, {rejected} rejected, {rate:.1f} docs/s ")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
