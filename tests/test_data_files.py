"""The data files shipped in quotetrack/data are well formed: headers, columns, types,
ranges and no duplicate keys (tools/README.md says how each is rebuilt)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from quotetrack.lexicon import female_share, is_surname, source_noun_kind

DATA = Path(__file__).resolve().parent.parent / "quotetrack" / "data"
KINDS = {"person", "group", "anonymous", "document", "partitive"}
CLASSES = ("direct", "mixed", "indirect")


def rows(name: str) -> list[list[str]]:
    """The data rows of a shipped file (comment lines dropped), split at TABs."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text, name
    lines = text.splitlines()
    assert lines[0].startswith("#"), f"{name} starts without its header"
    return [line.split("\t") for line in lines if not line.startswith("#")]


def test_the_data_readme_lists_every_file() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    shipped = {p.name for p in DATA.iterdir() if p.name != "README.md"}
    assert shipped == {
        "cues.tsv",
        "source_nouns.tsv",
        "first_names.tsv",
        "surnames.txt",
        "news_sentiment_lexicon.tsv",
        "news_sentiment_model.json",
        "news_target_model.json",
    }
    for name in shipped:
        assert f"`{name}`" in readme


def _precision(gold: int, total: int) -> float:
    return gold / total if total else 0.0


def test_cues_tsv() -> None:
    """form, lemma, gold count, text count, precision = gold/text (3 decimals), the gold
    count per class (multi rows flagged), precision outside quotes."""
    seen: set[str] = set()
    table = rows("cues.tsv")
    assert len(table) > 1000
    for row in table:
        assert len(row) == 7, row
        form, lemma, gold, total, precision, kinds, outside = row
        assert form == form.lower().strip() and form and lemma.strip(), row
        assert form not in seen, f"duplicate form {form!r}"
        seen.add(form)
        assert 0 <= int(gold) <= int(total), row  # rare inflections of a kept lemma: 0
        assert math.isclose(float(precision), _precision(int(gold), int(total)), abs_tol=6e-4)
        assert 0.0 <= float(outside) <= 1.0, row
        parts = kinds.split(",")
        if parts[0] == "multi":
            assert " " in form, row
            parts = parts[1:]
        counts = dict(part.split("=") for part in parts)
        assert tuple(counts) == CLASSES, row
        # a cue may cue several attributions: at least one class per gold cue
        assert sum(int(v) for v in counts.values()) >= int(gold), row


def test_source_nouns_tsv() -> None:
    """noun, singular, head count, before-name count, kind (a '?' marks a guess)."""
    seen: set[str] = set()
    for row in rows("source_nouns.tsv"):
        assert len(row) == 5, row
        noun, singular, head, before, kind = row
        assert noun == noun.lower() and re.fullmatch(r"[a-z][a-z'\-]*", noun), row
        assert singular and noun not in seen, row
        seen.add(noun)
        assert int(head) >= 0 and int(before) >= 0 and int(head) + int(before) >= 2, row
        assert kind.rstrip("?") in KINDS, row
        assert source_noun_kind(noun) == kind.rstrip("?")


def test_first_names_tsv() -> None:
    seen: set[str] = set()
    for row in rows("first_names.tsv"):
        assert len(row) == 2, row
        name, share = row
        assert re.fullmatch(r"[A-Z][a-z]+", name) and name not in seen, row
        seen.add(name)
        assert 0.0 <= float(share) <= 1.0, row
        assert female_share(name) == pytest.approx(float(share))
    assert len(seen) > 1000


def test_surnames_txt() -> None:
    names = [row[0] for row in rows("surnames.txt")]
    assert all(len(row) == 1 for row in rows("surnames.txt"))
    assert len(names) == len(set(names)) == 20000
    assert all(re.fullmatch(r"[A-Z][A-Za-z'\-]*", n) for n in names)
    assert is_surname(names[0]) and is_surname(names[-1].lower())
