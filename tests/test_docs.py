"""The documentation cannot rot: its examples run, the site builds, every command is documented.

Code blocks in ``docs/**/*.md`` are run page by page, in order, in one namespace per page,
with the repository root as the working directory:

* a ```` ```python ```` block is executed; it fails the page when it raises (examples
  state what they promise with ``assert``);
* a ```` ```pycon ```` block is a doctest: each ``>>>`` line runs and its output must be
  the output shown (stdlib :mod:`doctest`, ``ELLIPSIS`` and ``NORMALIZE_WHITESPACE`` on).

A line ``<!-- skip: why -->`` just above a block skips it (for what the test machine
cannot have, such as a Dask cluster; the page says why); ``<!-- requires: PATH -->``
runs it only when ``PATH`` (relative to the repository root) exists, e.g. PolNeAR in
``../shared``. Tracebacks point at the page and line of the failing example.
"""

from __future__ import annotations

import argparse
import doctest
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import quotetrack
from quotetrack.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CLI_PAGE = DOCS / "cli.md"
API_PAGE = DOCS / "reference" / "index.md"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})(?P<lang>[\w-]*)(?P<info>[^\n`]*)$")
_MARKER = re.compile(r"^\s*<!--\s*(?P<kind>skip|requires)\s*(?::\s*(?P<arg>.*?))?\s*-->\s*$")
_RUNNABLE = ("python", "pycon")

# Blocks in pages other teams own that stand for the reader's own data or need a service the
# test machine lacks; each runs again as soon as its page no longer contains the marker text
# (or the page marks it <!-- skip: why --> itself, after which its entry here can go).
_FOREIGN = {
    "scale.md": [
        ('Client("tcp://', "needs a running Dask cluster"),
        ('read_parquet("s3://', "needs an S3 bucket"),
        ("documents=my_documents", "needs the reader's own documents and Parquet files"),
        ("SparkSession", "needs Spark (pyspark)"),
    ],
}


@attrs.frozen
class Block:
    """One fenced code block of a page: its language, first code line and code."""

    page: Path
    lang: str
    line: int
    code: str
    skip: str | None


def _blocks(page: Path) -> Iterator[Block]:
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence is None:
            i += 1
            continue
        indent, ticks, lang = fence["indent"], fence["ticks"], fence["lang"]
        start = i + 1
        end = start
        while end < len(lines) and lines[end].strip() != ticks:
            end += 1
        body = [
            line[len(indent) :] if line.startswith(indent) else line for line in lines[start:end]
        ]
        above = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        marker = _MARKER.match(above)
        skip = None
        if marker is not None and marker["kind"] == "skip":
            skip = marker["arg"] or "marked <!-- skip --> in the page"
        elif marker is not None and marker["kind"] == "requires":
            needed = ROOT / (marker["arg"] or "")
            if not needed.exists():
                skip = f"needs {marker['arg']}, which is not here"
        name = page.relative_to(DOCS).as_posix() if page.is_relative_to(DOCS) else page.name
        for text, why in _FOREIGN.get(name, ()):
            if text in "\n".join(body):
                skip = why
        if lang in _RUNNABLE:
            yield Block(page, lang, start + 1, "\n".join(body) + "\n", skip)
        i = end + 1


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _pages_with_examples() -> list[Path]:
    return [page for page in _pages() if any(_blocks(page))]


def _run_python(block: Block, namespace: dict[str, object]) -> None:
    # Leading newlines make tracebacks name the page's own line numbers.
    padded = "\n" * (block.line - 1) + block.code
    exec(compile(padded, str(block.page), "exec"), namespace)


def _run_pycon(block: Block, namespace: dict[str, object]) -> None:
    parser = doctest.DocTestParser()
    name = f"{block.page.relative_to(ROOT)}:{block.line}"
    test = parser.get_doctest(block.code, namespace, name, str(block.page), block.line - 1)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    runner = doctest.DocTestRunner(optionflags=flags)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)
    if runner.failures:
        pytest.fail("".join(report), pytrace=False)


@pytest.mark.parametrize(
    "page", _pages_with_examples(), ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every python and pycon block of the page runs, in order, as the page shows it."""
    monkeypatch.chdir(ROOT)
    blocks = list(_blocks(page))
    namespace: dict[str, object] = {"__name__": "__docs__"}
    skipped = []
    for block in blocks:
        if block.skip is not None:
            skipped.append(f"line {block.line}: {block.skip}")
            continue
        if block.lang == "python":
            _run_python(block, namespace)
        else:
            _run_pycon(block, namespace)
    if len(skipped) == len(blocks):
        pytest.skip("; ".join(skipped))


def test_markers_are_understood() -> None:
    """A skip or requires comment stands just above a block, so no example is skipped by
    accident of layout."""
    stray = []
    for page in _pages():
        lines = page.read_text(encoding="utf-8").splitlines()
        for k, line in enumerate(lines):
            if _MARKER.match(line) is None:
                continue
            below = next((lines[j] for j in range(k + 1, len(lines)) if lines[j].strip()), "")
            fence = _FENCE.match(below)
            if fence is None or fence["lang"] not in _RUNNABLE:
                stray.append(f"{page.relative_to(ROOT)}:{k + 1}")
    assert not stray, f"markers not followed by a python/pycon block: {stray}"


def test_blocks_are_read_with_their_markers(tmp_path: Path) -> None:
    """The reader finds python and pycon blocks (indented ones too), ignores other
    languages, and honours skip and requires markers."""
    page = tmp_path / "page.md"
    page.write_text(
        "Text.\n\n```python\nx = 1\n```\n\n```console\n$ ls\n```\n\n"
        "<!-- skip: needs a cluster -->\n```python\nboom()\n```\n\n"
        "<!-- requires: no/such/file -->\n```pycon\n>>> boom()\n```\n\n"
        "<!-- requires: README.md -->\n```python\ny = 2\n```\n\n"
        "!!! note\n\n    ```python\n    z = 3\n    ```\n",
        encoding="utf-8",
    )
    blocks = list(_blocks(page))
    assert [(b.lang, b.line, b.code) for b in blocks] == [
        ("python", 4, "x = 1\n"),
        ("python", 13, "boom()\n"),
        ("pycon", 18, ">>> boom()\n"),
        ("python", 23, "y = 2\n"),
        ("python", 29, "z = 3\n"),
    ]
    assert [b.skip for b in blocks] == [
        None,
        "needs a cluster",
        "needs no/such/file, which is not here",
        None,
        None,
    ]


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    """The site builds with ``mkdocs build --strict``: no broken link, no missing page,
    no unresolved API reference."""
    missing = [
        m for m in ("mkdocs", "material", "mkdocstrings") if importlib.util.find_spec(m) is None
    ]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: pip install -e '.[docs]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", site],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert (site / "index.html").is_file()


def _sections(page: Path) -> dict[str, str]:
    """The page's level-2 sections by heading text."""
    found: dict[str, str] = {}
    heading = None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            found[heading] = ""
        elif heading is not None:
            found[heading] += line + "\n"
    return found


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("quotetrack has no subcommands")


@pytest.mark.parametrize("command", [m.NAME for m in COMMANDS])
def test_command_is_documented(command: str) -> None:
    """docs/cli.md has a section for the command that names each of its options and
    no option it does not have."""
    sections = {h.strip("`"): body for h, body in _sections(CLI_PAGE).items()}
    title = f"quotetrack {command}"
    assert title in sections, f"docs/cli.md needs a section '## `{title}`'"
    body = sections[title]
    sub = _subparsers()[command]
    options = {
        s for a in sub._actions for s in a.option_strings if s.startswith("--") and s != "--help"
    }
    undocumented = sorted(o for o in options if not re.search(rf"{o}(?![\w-])", body))
    assert not undocumented, f"{title}: options missing from docs/cli.md: {undocumented}"
    unknown = sorted(set(re.findall(r"(?<![\w-])--[a-z][\w-]*", body)) - options - {"--help"})
    assert not unknown, f"{title}: docs/cli.md names options it does not have: {unknown}"


def test_public_api_is_in_the_reference() -> None:
    """Every name in ``quotetrack.__all__`` appears in the API reference's index."""
    page = API_PAGE.read_text(encoding="utf-8")
    missing = [n for n in quotetrack.__all__ if f"`{n}`" not in page]
    assert not missing, f"docs/reference/index.md does not mention: {missing}"


def test_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's Python blocks run as written, from a folder holding the seeds (as a clone
    does), so the README cannot rot either."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", readme, flags=re.DOTALL | re.MULTILINE)
    assert blocks, "README.md has no python example"
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for code in blocks:
        exec(compile(code, "README.md", "exec"), namespace)
    assert (tmp_path / "quotes.db").exists()  # the tracker example wrote its store here
