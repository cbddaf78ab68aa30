"""The package's layout holds: one version, one SQL home, and data flowing one way."""

from __future__ import annotations

import ast
from pathlib import Path

import tomllib

import quotetrack
from quotetrack import _version

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "quotetrack"


def imports(path: Path) -> set[str]:
    """Every module a source file imports (``from a import b`` counts ``a`` and ``a.b``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module != "quotetrack":  # from quotetrack import identity: a submodule
                found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, set[str]]:
    """Each module of the package (dotted name) and what it imports."""
    return {
        ".".join(path.relative_to(ROOT).with_suffix("").parts): imports(path)
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_the_version_is_written_once() -> None:
    """pyproject reads the version from quotetrack/_version.py, which the package exports."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "quotetrack/_version.py"
    assert quotetrack.__version__ == _version.__version__


def test_no_module_imports_the_package_root() -> None:
    """Inside the package, modules import each other, never ``quotetrack`` itself."""
    submodules = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    root_names = {"quotetrack"} | {
        f"quotetrack.{name}" for name in quotetrack.__all__ if name not in submodules
    }
    offenders = {
        name
        for name, found in modules().items()
        if name != "quotetrack.__init__" and found & root_names
    }
    assert offenders == set()


def test_only_the_store_talks_sql() -> None:
    """sqlite3 is imported by the tracker and quotetrack.store only."""
    talking = {name for name, found in modules().items() if "sqlite3" in found}
    assert talking <= {"quotetrack.tracker"} | {
        name for name in talking if name.startswith("quotetrack.store.")
    }
    assert "quotetrack.tracker" in talking


def test_exports_do_not_need_the_store() -> None:
    """Serialising results imports neither the tracker nor sqlite3."""
    for name in ("quotetrack.export", "quotetrack.records", "quotetrack.flat"):
        found = modules()[name]
        assert not found & {"sqlite3", "quotetrack.tracker"}, name
        assert not any(f.startswith("quotetrack.store") for f in found), name
