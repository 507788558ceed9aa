from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_page() -> Path:
    """The newspaper page of nine pieces."""
    return sorted(SEEDS.glob("000_*.txt"))[0]


@pytest.fixture(scope="session")
def seed_feature() -> Path:
    """The long single feature, double-spaced by its PDF converter."""
    return sorted(SEEDS.glob("004_*.txt"))[0]
