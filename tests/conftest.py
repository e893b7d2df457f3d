"""Shared test fixtures. Tests that need ../shared skip with a reason when it is absent."""
from __future__ import annotations

import json
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
