"""Golden cases grouped by origin: synthetic patterns, negatives, and known failures.

``known_failures.json`` runs as ``xfail(strict=True)``: when a fix makes one pass, the
suite fails and asks for the case to be promoted to ``synthetic.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotetrack

GOLDEN = Path(__file__).parent / "golden"


def load(name: str) -> list[dict[str, Any]]:
    """The cases of one golden file."""
    cases: list[dict[str, Any]] = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    return cases


def observed(text: str) -> list[dict[str, Any]]:
    """The parse of ``text`` in the golden files' shape."""
    return [
        {
            "spans": [s.text for s in q.spans],
            "speaker": q.speaker.name if q.speaker else None,
            "mention": q.speaker.mention.text if q.speaker else None,
            "cue": q.cue.text if q.cue else None,
            "addressee": q.addressee.text if q.addressee else None,
            "kind": q.kind.value,
        }
        for q in quotetrack.parse(text)
    ]


@pytest.mark.parametrize("case", load("synthetic.json"), ids=lambda c: c["name"])
def test_synthetic(case: dict[str, Any]) -> None:
    """Each hand-written pattern gives exactly the expected quotes and attributions."""
    assert observed(case["text"]) == case["quotes"]


@pytest.mark.parametrize("case", load("negative.json"), ids=lambda c: c["name"])
def test_negative(case: dict[str, Any]) -> None:
    """Text that looks like it holds a quote but does not gives no quote."""
    assert observed(case["text"]) == case["quotes"] == []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["why"]))
        for c in load("known_failures.json")
    ],
    ids=lambda c: c["name"],
)
def test_known_failure(case: dict[str, Any]) -> None:
    """A documented failure: passes only once the parser learns this case."""
    assert observed(case["text"]) == case["quotes"]


def test_extra_cue_verbs_stay_with_their_parser() -> None:
    """A parser's extra cue verb attributes quotes for it alone, not for the default parse."""
    text = "“The numbers lie,” Smith griped."
    custom = quotetrack.QuoteParser(cue_verbs=["griped"])
    assert [q.speaker.name for q in custom.parse(text) if q.speaker] == ["Smith"]
    assert [q.cue.text for q in custom.parse(text) if q.cue] == ["griped"]
    assert all(q.cue is None for q in quotetrack.parse(text))
