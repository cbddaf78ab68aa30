"""The package type-checks under mypy --strict and is ruff-clean, as the brief requires."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    """The tool installed beside this Python (the test extra installs both)."""
    path = Path(sys.executable).with_name(name)
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def test_mypy_strict() -> None:
    """mypy --strict finds no error in the package (it ships py.typed)."""
    run = subprocess.run(
        [_tool("mypy"), "--strict", "quotetrack"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_check_and_format() -> None:
    """ruff check and ruff format --check are clean on code, tests and benchmarks."""
    paths = ["quotetrack", "tests", "benchmarks", "tools"]
    check = subprocess.run(
        [_tool("ruff"), "check", *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [_tool("ruff"), "format", "--check", *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
