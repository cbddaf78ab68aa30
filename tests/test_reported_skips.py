"""The reported pass leaves unread the clauses the merge would drop (``_skip_dropped``):
random texts built from cue words, names, addressees and clause links parse to the same
quotes with the shortcut as without it."""

from __future__ import annotations

import random

import pytest

import quotetrack.reported as reported
import quotetrack.reported.dropped as dropped
from quotetrack import QuoteParser

# Pieces that make the shortcut's sentences (cues, names, titles, pronouns, "that", time
# words) and pieces that must turn it off or change what it reads (commas, semicolons,
# quotation marks, relative pronouns, participles, "asked", "according to", infinitives).
_PIECES = """
said says told tells asked believes thinks added wrote announced called warned urged
Smith Jones Sen. Mr. Lee Gov. Brown Said Told reporters him her them the a officials
he she they it who that which what to for about of on Monday last week also later
saying telling according wants plans expects , ; and but . " “ ” '' the plan was bad
its new rules will fail us
""".split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_PIECES) for _ in range(words))


def _shaped(rng: random.Random) -> str:
    """An endless sentence of cue clauses, as the dense benchmark cases are, with asides
    between commas and some noise words mixed in."""
    clause = [
        rng.choice(["", ",", ", and", ";"]),
        rng.choice(["Smith", "Sen.", "who", "the officials", "Mr. Lee", "she"]),
        rng.choice(["said", "told Jones", "says", "believes", "told reporters", "asked"]),
        rng.choice(["", "", ",", "that", "on Monday that", "the plan"]),
    ]
    parts: list[str] = []
    for _ in range(rng.randint(5, 120)):
        parts.append(" ".join(w for w in clause if w))
        if rng.random() < 0.15:
            parts.append(rng.choice(_PIECES))
    return " ".join(parts) + rng.choice([".", "", " ok."])


def _parse_both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Every field of the quotes (their reprs), with the shortcut and without it."""
    parser = QuoteParser()
    with_skip = parser.parse(text)
    with monkeypatch.context() as patch:
        patch.setattr(reported, "_skip_dropped", lambda *_: False)
        without = parser.parse(text)
    return repr(with_skip), repr(without)


def test_random_texts_parse_the_same_with_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(20261130)
    for _ in range(1500):
        text = _text(rng, rng.randint(3, 60))
        with_skip, without = _parse_both(text, monkeypatch)
        assert with_skip == without, text


def test_shaped_texts_parse_the_same_with_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    calls: list[int] = []
    original = reported.read_subject_cue

    def counting(*args: object) -> object:
        calls.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reported, "read_subject_cue", counting)
    monkeypatch.setattr(dropped, "read_subject_cue", counting)
    skipped = 0
    for _ in range(800):
        text = _shaped(rng)
        calls.clear()
        with_skip = repr(QuoteParser().parse(text))
        read_with = len(calls)
        with monkeypatch.context() as patch:
            patch.setattr(reported, "_skip_dropped", lambda *_: False)
            calls.clear()
            without = repr(QuoteParser().parse(text))
        assert with_skip == without, text
        assert read_with <= len(calls)
        skipped += len(calls) - read_with
    assert skipped > 1_000  # the shortcut did leave clauses unread


@pytest.mark.parametrize(
    "text",
    [
        "Sen. said Sen. said Sen. said Sen. said Sen. said the plan was bad and it will fail.",
        "Smith told Jones that Smith told Jones that Smith told Jones that it was over.",
        "The aides who said that who said that who said that the plan was bad left.",
        ",Smith said ,Smith said ,Smith said ,Smith said ,Smith said the plan was bad.",
        "It was bad, Smith said, and worse, Jones said, and it will fail, Lee said, today.",
        # cues in an addressee ("told Said Smith"): the sentence is read whole
        "Smith told Said Smith that Jones said the plan was bad and Lee said it was not.",
    ],
)
def test_dense_cue_sentences_parse_the_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_skip, without = _parse_both(text, monkeypatch)
    assert with_skip == without
