"""Shared fixtures (where the seed and the PolNeAR corpus live) and the Hypothesis
profile every run uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests must not depend on machine speed: CI shares its two cores with other
# work, and a busy machine tripped the too_slow health check (issue 14). No deadline and
# no timing health check; the other health checks (filtering, data size) still guard
# the strategies. Tests set only what they mean (max_examples), never the timing.
settings.register_profile(
    "quotetrack",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("quotetrack")

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
