"""Resolved-speaker accuracy floors on GGT dev, scored by the shared scorer (skips where
the Gender Gap Tracker evaluation data is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import benchmarks

ROOT = Path(__file__).resolve().parents[1]
GGT_DEV = ROOT.parent / "shared" / "data" / "ggt" / "dev"

# Floors reached by the resolution of issue 11, rounded down (0.698 all, 0.706 direct
# before it; measured 0.880 all, 0.915 direct on 2026-11-30, then 0.900 and 0.926 after the
# robustness fixes of the same day); the quote F1 floor keeps the
# 0.763 printed before the issue (0.76287 measured on 2026-11-30, rounded down). The rules are
# deterministic, so floors this close to the measured values fail only when a change moves
# what is found or resolved: then either the change is wrong or the floor is re-measured.
SPEAKER_ALL = 0.88
SPEAKER_DIRECT = 0.91
ALL_F1 = 0.7628


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    """The GGT scorer's result for the default parser on dev."""
    if not (GGT_DEV / "text").is_dir():
        pytest.skip(f"GGT dev is not at {GGT_DEV} (it ships beside the repo, not with the package)")
    res: dict[str, Any] = benchmarks.load("ggt").evaluate(GGT_DEV)
    return res


def test_resolved_speaker_accuracy_floor(result: dict[str, Any]) -> None:
    """The resolved name is right for at least 85% of matched quotes (SFU's published
    figure for its spaCy + neuralcoref tool is 86.0% on the full set)."""
    assert result["rows"]["all"]["speaker_acc"] >= SPEAKER_ALL, result["rows"]["all"]


def test_resolved_speaker_accuracy_floor_direct(result: dict[str, Any]) -> None:
    """The resolved name is right for at least 90% of matched direct quotes (the issue's
    floor is 88%)."""
    assert result["rows"]["direct"]["speaker_acc"] >= SPEAKER_DIRECT, result["rows"]["direct"]


def test_quote_f1_does_not_regress(result: dict[str, Any]) -> None:
    """Resolving speakers costs no quotes: all-quote F1 stays at 0.7628 or above (0.763 as
    printed before issue 11; 0.76287 measured on 2026-11-30)."""
    assert result["rows"]["all"]["F1"] >= ALL_F1, result["rows"]["all"]
