"""The doc_id of a file does not depend on which folder is named (issue 14, defect 10).

``track corpus``, ``track corpus/2016`` and ``track corpus/2016/jan/`` used to store one
file as ``2016/jan/story``, ``jan/story`` and ``story``. The rule is now the file name
without extension, whichever folder is named; two files of the same name in one run
are an error for the second, and a text already stored under another doc_id is
reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.ingest import iter_documents
from quotetrack.tracker import Tracker

STORY = "“We will win this state and win it big,” Hillary Clinton said."
OTHER = "“Nobody believes those numbers any more,” Donald Trump said."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/2016/jan/story.txt and corpus/2016/feb/other.txt."""
    for folder, name, text in (("jan", "story", STORY), ("feb", "other", OTHER)):
        (tmp_path / "corpus" / "2016" / folder).mkdir(parents=True)
        (tmp_path / "corpus" / "2016" / folder / f"{name}.txt").write_text(text, "utf-8")
    return tmp_path / "corpus"


def test_the_doc_id_is_the_same_whichever_folder_is_named(corpus: Path) -> None:
    """The file name without extension, from any of its folders or the file itself."""
    story = corpus / "2016" / "jan" / "story.txt"
    for named in (corpus, corpus / "2016", corpus / "2016" / "jan", story):
        ids = {d.doc_id for d in iter_documents([named])}
        assert "story" in ids and all("/" not in i for i in ids), named


def test_tracking_again_from_another_folder_stores_nothing_twice(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three runs naming three folders store two articles and no false re-quote."""
    db = tmp_path / "q.db"
    for named in (corpus, corpus / "2016", corpus / "2016" / "jan" / ""):
        assert main(["track", "--db", str(db), "--no-progress", str(named)]) == 0
    with Tracker.existing(db) as tracker:
        stats = tracker.stats()
    assert (stats.documents, stats.clusters) == (2, 0)


def test_two_files_of_one_name_in_a_run_skip_the_second(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second story.txt elsewhere (in path order) is skipped, naming both files."""
    (corpus / "2016" / "feb" / "story.txt").write_text(OTHER + " Again.", "utf-8")
    db = tmp_path / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "feb/story.txt" in err and "jan/story.txt" in err and "doc_id 'story'" in err
    with Tracker.existing(db) as tracker:
        stored = tracker.document("story")
    assert stored is not None and stored.text == OTHER + " Again."  # feb/ sorts first


def test_the_same_text_under_another_doc_id_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A renamed copy is flagged (stored: syndicated copies are legitimate)."""
    with Tracker(tmp_path / "q.db") as tracker:
        first = tracker.add(STORY, doc_id="story", published=None)
        again = tracker.add(STORY, doc_id="story-copy", published=None)
    assert first.duplicate_of is None and again.duplicate_of == "story"
    (tmp_path / "renamed.txt").write_text(OTHER, "utf-8")
    (tmp_path / "original.txt").write_text(OTHER, "utf-8")
    db = str(tmp_path / "r.db")
    assert main(["track", "--db", db, "--no-progress", str(tmp_path / "original.txt")]) == 0
    capsys.readouterr()
    assert main(["track", "--db", db, "--no-progress", str(tmp_path / "renamed.txt")]) == 0
    out = capsys.readouterr()
    assert "renamed has the same text as original" in out.err
    assert "1 with the text of another article" in out.out
