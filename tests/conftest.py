"""Shared fixtures: where the seed and the PolNeAR corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
SEED = ROOT / "seeds" / "000_f3ec5699876e8cf6.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's seed article, as shipped under seeds/."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def polnear_dev() -> Path:
    """The PolNeAR dev split beside the clone, or a skip saying why it is absent."""
    split = POLNEAR / "dev"
    if not (split / "text").is_dir():
        pytest.skip(
            f"PolNeAR is not at {split} (it ships beside the repo in CI, not with the package)"
        )
    return split
