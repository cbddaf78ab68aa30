"""Accuracy floors on PolNeAR dev, scored by the shared scorer (skips where it is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import benchmarks

# Floors from issue #2 (direct quotes) and issue #3 (reported and mixed speech).
DIRECT_F1 = 0.80
DIRECT_SPEAKER = 0.93
DIRECT_MIXED_F1 = 0.78
DIRECT_MIXED_SPEAKER = 0.92
EXACT_ALL_F1 = 0.40
ALL_F1 = 0.60


@pytest.fixture(scope="module")
def result(polnear_dev: Path) -> dict[str, Any]:
    """The scorer's result for the default parser on dev."""
    res: dict[str, Any] = benchmarks.load("polnear").evaluate(polnear_dev)
    return res


def test_direct_f1_floor(result: dict[str, Any]) -> None:
    """Direct-quote content F1 on dev stays at or above issue #2's floor (0.80)."""
    assert result["rows"]["direct"]["F1"] >= DIRECT_F1, result["rows"]["direct"]


def test_direct_speaker_accuracy_floor(result: dict[str, Any]) -> None:
    """Speaker accuracy on matched direct quotes stays at or above issue #2's floor (0.93)."""
    assert result["rows"]["direct"]["speaker_acc"] >= DIRECT_SPEAKER, result["rows"]["direct"]


def test_direct_and_mixed_floor(result: dict[str, Any]) -> None:
    """Direct+mixed F1 and its speaker accuracy stay at or above issue #3's floors."""
    row = result["rows"]["direct+mixed"]
    assert row["F1"] >= DIRECT_MIXED_F1, row
    assert row["speaker_acc"] >= DIRECT_MIXED_SPEAKER, row


def test_exact_match_floor(result: dict[str, Any]) -> None:
    """Exact-match F1 over all attributions stays at or above issue #3's floor."""
    assert result["rows"]["all"]["exact_F1"] >= EXACT_ALL_F1, result["rows"]["all"]


def test_all_attribution_floor(result: dict[str, Any]) -> None:
    """F1 over every attribution (direct, mixed and reported) stays at or above issue
    #3's floor (0.60; Citron 0.482, textacy 0.278)."""
    assert result["rows"]["all"]["F1"] >= ALL_F1, result["rows"]["all"]
