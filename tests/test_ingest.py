"""Reading articles from files, folders, JSON Lines and metadata TSV files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from quotetrack.errors import ConfigurationError, DocumentConflictError
from quotetrack.ingest import Metadata, count_documents, iter_documents, read_metadata

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR = SHARED / "data" / "polnear"

METADATA = (
    "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
    "train\tnyt_2016-09-01_one\tnyt\t2016-09-01\tFirst\n"
    "train\tparc_two\tparc\t\tNone\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with text files, a JSON Lines file, a hidden file and a non-article file."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "nyt_2016-09-01_one.txt").write_text("“One,” Smith said.", encoding="utf-8")
    (tmp_path / "sub" / "parc_two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "sub" / "parc_two.ann").write_text("T1\tSource 0 3\tOne", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    records = [
        {"id": "j1", "text": "Three.", "date": "2016-10-02", "publisher": "ap", "url": "u"},
        {"text": "Four.", "title": 7},
    ]
    lines = [json.dumps(r) for r in records]
    (tmp_path / "sub" / "more.jsonl").write_text(lines[0] + "\n\n" + lines[1] + "\n")
    (tmp_path / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    return tmp_path


def test_a_folder_is_read_recursively_in_order(corpus: Path) -> None:
    """Every .txt and .jsonl below a folder is read, sorted; hidden and other files are not."""
    docs = list(iter_documents([corpus]))
    assert [d.doc_id for d in docs] == ["nyt_2016-09-01_one", "j1", "more:3", "parc_two"]
    assert docs[1].published == dt.date(2016, 10, 2)
    assert (docs[1].outlet, docs[1].url, docs[2].title) == ("ap", "u", "7")
    assert count_documents([corpus]) == 4


def test_metadata_fills_in_dates_outlets_and_titles(corpus: Path) -> None:
    """A metadata TSV like PolNeAR's gives each article its date, outlet and title."""
    metadata = read_metadata(corpus / "metadata.tsv")
    assert metadata["parc_two"] == Metadata(outlet="parc")
    docs = {d.doc_id: d for d in iter_documents([corpus], metadata=metadata)}
    one = docs["nyt_2016-09-01_one"]
    assert (one.published, one.outlet, one.title) == (dt.date(2016, 9, 1), "nyt", "First")
    assert docs["parc_two"].published is None
    assert docs["parc_two"].outlet == "parc"  # found by the file's stem


def test_a_metadata_file_needs_an_article_column(tmp_path: Path) -> None:
    """A TSV without a filename (or id) column is refused with a clear error."""
    path = tmp_path / "meta.tsv"
    path.write_text("publisher\tdate\nnyt\t2016-01-01\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="filename"):
        read_metadata(path)


def test_unreadable_articles_are_skipped_with_a_reason(tmp_path: Path) -> None:
    """Bad bytes, bad JSON, a record without text and a bad date are reported and skipped."""
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "good.txt").write_text("fine", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        '{"id": "ok", "text": "fine"}\nnot json\n{"id": "no-text"}\n[1, 2]\n'
        '{"id": "bad-date", "text": "x", "published": "soon"}\n',
        encoding="utf-8",
    )
    skipped: list[tuple[str, str]] = []
    docs = list(iter_documents([tmp_path], on_skip=lambda w, r: skipped.append((w, r))))
    assert [d.doc_id for d in docs] == ["good", "ok"]
    where = [w.rsplit("/", 1)[-1] for w, _ in skipped]
    assert where == [
        "bad.txt",
        "records.jsonl:2",
        "records.jsonl:3",
        "records.jsonl:4",
        "records.jsonl:5",
    ]
    assert "UTF-8" in skipped[0][1] and "soon" in skipped[-1][1]


def test_without_on_skip_the_error_is_raised(tmp_path: Path) -> None:
    """With no on_skip callback, an unreadable article raises."""
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    with pytest.raises(UnicodeDecodeError):
        list(iter_documents([tmp_path / "bad.txt"]))


def test_polnear_metadata_covers_every_article() -> None:
    """PolNeAR's metadata.tsv gives a date and outlet to each of the 924 train+dev articles."""
    if not (POLNEAR / "metadata.tsv").is_file():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (CI puts shared/ beside the clone)")
    metadata = read_metadata(POLNEAR / "metadata.tsv")
    docs = list(iter_documents([POLNEAR / "train", POLNEAR / "dev"], metadata=metadata))
    assert len(docs) == 924
    assert all(d.published is not None and d.outlet for d in docs)


def test_same_file_names_in_two_subfolders_are_not_one_article(tmp_path: Path) -> None:
    """x/a.txt and y/a.txt would share the doc_id a (the file name, whichever folder is
    named): the pair is refused, naming both files, before any article is read, with or
    without ``on_skip`` (skipping one would lose it without a failing status)."""
    for sub, text in (("x", "“We will win,” Smith said."), ("y", "“We will lose,” Jones said.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text(text, encoding="utf-8")
    with pytest.raises(DocumentConflictError, match="both be the article 'a'"):
        next(iter_documents([tmp_path]))
    skipped: list[str] = []
    with pytest.raises(DocumentConflictError, match=r"x/a\.txt and .*y/a\.txt"):
        next(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append(where)))
    assert skipped == []
    [doc] = iter_documents([tmp_path / "x" / "a.txt"])
    assert (doc.doc_id, doc.source) == ("a", str((tmp_path / "x" / "a.txt").resolve()))


def test_crlf_files_keep_their_line_ends(tmp_path: Path) -> None:
    """A file's text is read as it is on disk, so stored offsets point into the file."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"One.\r\n\r\nTwo.\r\n")
    [doc] = iter_documents([path])
    assert doc.text == "One.\r\n\r\nTwo.\r\n"


def test_text_utf8_cannot_store_is_skipped_with_a_reason(tmp_path: Path) -> None:
    """A JSON Lines record holding a lone surrogate is skipped, not a crash."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "s", "text": "bad \\ud800 text"}\n', encoding="utf-8")
    skipped: list[tuple[str, str]] = []
    docs = list(iter_documents([path], on_skip=lambda where, why: skipped.append((where, why))))
    assert docs == []
    assert "surrogate" in skipped[0][1]


def test_metadata_utf8_cannot_store_is_skipped_when_read(tmp_path: Path) -> None:
    """A lone surrogate in a title is caught when the article is read, as in its text."""
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"doc_id": "s", "text": "fine", "title": "bad \\ud800"}\n'
        '{"doc_id": "t", "text": "fine", "title": "good"}\n',
        encoding="utf-8",
    )
    skipped: list[tuple[str, str]] = []
    docs = list(iter_documents([path], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.doc_id for d in docs] == ["t"]
    assert "title" in skipped[0][1] and "surrogate" in skipped[0][1]
