"""Golden cases grouped by origin: synthetic patterns, speaker resolution, negatives, and
known failures.

``known_failures.json`` runs as ``xfail(strict=True)``: when a fix makes one pass, the
suite fails and asks for the case to be promoted to ``synthetic.json``. Each expected
quote names the rule that attributes it (``quotetrack.rules``). The cases are the
project's own sentences: none shares a run of 12 words with the corpora in
``../shared/data``, which are for measurement only, and neither does any other text of the
project (docs, tests, docstrings, data files).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quotetrack

GOLDEN = Path(__file__).parent / "golden"
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
RUN = 12  # words: a shared run this long means a sentence was copied


def load(name: str) -> list[dict[str, Any]]:
    """The cases of one golden file."""
    cases: list[dict[str, Any]] = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    return cases


def observed(text: str) -> list[dict[str, Any]]:
    """The parse of ``text`` in the golden files' shape (``members``, each person's name
    and mention, only for a coordinated speaker)."""
    found = []
    for q in quotetrack.parse(text):
        quote: dict[str, Any] = {
            "spans": [s.text for s in q.spans],
            "speaker": q.speaker.name if q.speaker else None,
            "mention": q.speaker.mention.text if q.speaker else None,
            "cue": q.cue.text if q.cue else None,
            "addressee": q.addressee.text if q.addressee else None,
            "kind": q.kind.value,
            "rule": q.rule,
        }
        if q.speaker is not None and q.speaker.members:
            quote["members"] = [[m.name, m.mention.text] for m in q.speaker.members]
        found.append(quote)
    return found


@pytest.mark.parametrize("case", load("synthetic.json"), ids=lambda c: c["name"])
def test_synthetic(case: dict[str, Any]) -> None:
    """Each hand-written pattern gives exactly the expected quotes and attributions."""
    assert observed(case["text"]) == case["quotes"]


@pytest.mark.parametrize("case", load("resolution.json"), ids=lambda c: c["name"])
def test_resolution(case: dict[str, Any]) -> None:
    """Each speaker resolves to the entity its pronoun, description or surname means
    (descriptions, pronouns, name boundaries, kinds, same-surname people)."""
    assert observed(case["text"]) == case["quotes"]


def test_unresolved_speakers_say_so() -> None:
    """A pronoun or anonymous description left unresolved is marked so, with no source;
    a resolved one points at the name it was read from."""
    by_name = {c["name"]: c["text"] for c in load("resolution.json")}
    [alone] = quotetrack.parse(by_name["an unresolved pronoun keeps its words"])
    [source] = quotetrack.parse(by_name["an anonymous source is not resolved to a named person"])
    for quote in (alone, source):
        assert quote.speaker is not None
        assert (quote.speaker.resolved, quote.speaker.source) == (False, None)
    text = by_name["a description resolves through a pre-name title"]
    [mayor] = quotetrack.parse(text)
    assert mayor.speaker is not None and mayor.speaker.resolved
    assert mayor.speaker.source is not None
    assert text[mayor.speaker.source.start : mayor.speaker.source.end] == "Rob Enders"


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


_WORD = re.compile(r"[^\W_]+")
# The project's own text, checked for copied corpus sentences (paths under the repository).
PROJECT = Path(__file__).resolve().parent.parent
OWN_TEXT = ("README.md", "CHANGELOG.md", "docs", "tests", "quotetrack", "benchmarks", "tools")


def word_runs(text: str) -> Iterator[tuple[str, ...]]:
    """Every run of ``RUN`` consecutive words of ``text`` (lowercased, punctuation and
    quotation marks ignored)."""
    words = _WORD.findall(text.lower())
    return zip(*(words[i:] for i in range(RUN)), strict=False)


def _strings(value: Any) -> Iterator[str]:
    """The strings anywhere inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def corpus_texts(root: Path) -> Iterator[tuple[Path, str]]:
    """The texts of every corpus under ``root``: .txt and .tsv files whole, and each
    string of each .jsonl record (PolNeAR, GGT, the sentiment sets)."""
    for path in sorted(root.rglob("*")):
        if path.suffix in (".txt", ".tsv") and path.is_file():
            yield path, path.read_text(encoding="utf-8")
        elif path.suffix == ".jsonl" and path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    for text in _strings(json.loads(line)):
                        yield path, text


def own_texts() -> Iterator[tuple[str, str]]:
    """The project's own texts and where each is: every case of every golden file (its
    text and note) by name, then every text file of :data:`OWN_TEXT` (each string of a
    JSON file, since its escapes would join words; pictures and other binaries skipped)."""
    for path in sorted(GOLDEN.glob("*.json")):
        for case in load(path.name):
            for text in (case["text"], case.get("why", "")):
                yield f"tests/golden/{path.name}: {case['name']}", text
    for name in OWN_TEXT:
        top = PROJECT / name
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if not path.is_file() or path.parent == GOLDEN or "__pycache__" in path.parts:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            if "\0" in text:
                continue
            where = path.relative_to(PROJECT).as_posix()
            if path.suffix == ".json":
                for string in _strings(json.loads(text)):
                    yield where, string
            else:
                yield where, text


@pytest.fixture(scope="session")
def copied() -> dict[str, str]:
    """Each place of the project (a golden case or a file) that shares a run of 12 words
    with a corpus text, and that text's file. The project's runs are hashed once per
    session and each corpus text is scanned against them once, for every check below."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data (the measurement corpora) is not present")
    places: dict[int, set[str]] = {}
    for where, text in own_texts():
        for run in word_runs(text):
            places.setdefault(hash(run), set()).add(where)
    found: dict[str, str] = {}
    for path, text in corpus_texts(SHARED_DATA):
        for run in word_runs(text):
            for where in places.get(hash(run), ()):
                found.setdefault(where, str(path.relative_to(SHARED_DATA)))
    return found


def test_word_runs_see_through_punctuation_and_case() -> None:
    """The copy check matches a sentence however its marks and capitals were changed,
    and only a run of the full length."""
    words = " ".join(f"w{i}" for i in range(RUN))
    assert list(word_runs(words.upper().replace(" ", ", “"))) == list(word_runs(words))
    assert len(list(word_runs(words))) == 1
    assert list(word_runs(words.rsplit(" ", 1)[0])) == []


def test_the_copy_check_reads_every_golden_file_the_docs_and_the_tests() -> None:
    """Every golden file's cases, the docs, the tests and the README are read (a JSON
    file as its strings); a picture is not."""
    places = {where.split(":")[0] for where, _ in own_texts()}
    assert {f"tests/golden/{path.name}" for path in GOLDEN.glob("*.json")} <= places
    assert {"README.md", "docs/tracker.md", "docs/examples/people.csv"} <= places
    assert {"tests/test_identity.py", "tests/test_tracker.py", "quotetrack/parser.py"} <= places
    assert not {where for where in places if where.endswith(".png")}


def test_golden_cases_are_our_own_sentences(copied: dict[str, str]) -> None:
    """No golden case (its text or its note) shares a run of 12 words with a corpus: the
    corpora's texts are for measurement only."""
    cases = {where: path for where, path in copied.items() if where.startswith("tests/golden/")}
    assert cases == {}, "rewrite these cases with invented names and words"


def test_docs_and_tests_quote_no_corpus(copied: dict[str, str]) -> None:
    """No doc, test, docstring or data file shares a run of 12 words with a corpus: an
    example is invented (keeping the pattern), a measured line is cut short."""
    files = {where: path for where, path in copied.items() if ":" not in where}
    assert files == {}, "rewrite these passages with invented names and words"
