"""One settings object with shipped defaults; CLI flags map onto it in one place."""
from __future__ import annotations

from dataclasses import dataclass, replace

DEFAULT_DB = "warta.db"


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = 20 * 1024 * 1024    # one document; larger files are rejected
    max_line_bytes: int = 5 * 1024 * 1024  # one JSONL record
    batch_size: int = 200                # documents per SQLite transaction
    lines: bool = False                  # --lines: each text line is a clean document
    min_body_chars: int = 1              # shorter bodies are flagged "no article found"

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


DEFAULTS = Settings()
