"""The package's layout holds: one version, one SQL home, and data flowing one way.

Data flows one way, text → segments → marks → phrases and mentions → attribution → the
parser that wires them → sentiment → running → tracker → exports and views → the
command. :data:`STAGES` places every module of the package in one stage, and a module may
import only from its own stage or an earlier one. A new module must be placed here (and
named under its stage in ``docs/architecture.md``), or these tests fail.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from pathlib import Path

import tomllib

import quotetrack
from quotetrack import _version

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "quotetrack"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# Each stage, in data-flow order, and its modules (dotted names under ``quotetrack``;
# a package's ``__init__.py`` is the package's own name, the root's is ``__init__``).
STAGES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "base",  # values, errors, codec and word data: every stage may read them
        frozenset(
            {
                "_version",
                "errors",
                "models",
                "records",
                "rules",
                "lexicon",
                "lexicon.cues",
                "lexicon.files",
                "lexicon.names",
                "lexicon.sources",
                "lexicon.words",
            }
        ),
    ),
    ("text", frozenset({"segments", "tokens", "nfc"})),
    ("quotation marks", frozenset({"marks"})),
    (
        "phrases and mentions",
        frozenset(
            {
                "phrase_tokens",
                "speaker_phrases",
                "source_phrases",
                "kinds",
                "name_runs",
                "name_context",
                "entities",
                "mentions",
                "coreference",
            }
        ),
    ),
    (
        "attribution",
        frozenset(
            {
                "attribution",
                "reported",
                "reported.according",
                "reported.clauses",
                "reported.content",
                "reported.dropped",
                "reported.labels",
                "reported.merge",
                "reported.verb_patterns",
            }
        ),
    ),
    ("parser", frozenset({"parser"})),
    (
        "sentiment",
        frozenset({"sentiment", "sentiment.news", "sentiment.targeted", "sentiment.vader"}),
    ),
    ("running", frozenset({"pipeline", "parallel"})),
    (
        "tracker",
        frozenset(
            {
                "ingest",
                "validation",
                "names",
                "identity",
                "speaker_keys",
                "quote_matching",
                "people",
                "periods",
                "store",
                "store.clusters",
                "store.documents",
                "store.files",
                "store.identity",
                "store.members",
                "store.rows",
                "store.schema",
                "store.speakers",
                "store.sql",
                "store.targets",
                "store.queries",
                "store.writing",
                "tracker",
            }
        ),
    ),
    ("exports and views", frozenset({"export", "flat", "dask", "view", "svg", "report"})),
    (
        "command",
        frozenset(
            {
                "__main__",
                "cli",
                "cli.arguments",
                "cli.export_command",
                "cli.files",
                "cli.mentions_command",
                "cli.output",
                "cli.parse_command",
                "cli.quotes_command",
                "cli.report_command",
                "cli.speakers_command",
                "cli.timeline_command",
                "cli.track_command",
                "cli.view_command",
            }
        ),
    ),
    ("package root", frozenset({"__init__"})),
)

# Imports from a later stage that are needed, each with the reason: (importer, imported).
BACKWARD_IMPORTS: Mapping[tuple[str, str], str] = {}


def imports(path: Path) -> set[str]:
    """Every module a source file imports (``from a import b`` counts ``a`` and ``a.b``)."""
    return imports_in(path.read_text(encoding="utf-8"))


def imports_in(source: str) -> set[str]:
    """Every module ``source`` imports, anywhere in it (in a function, under TYPE_CHECKING)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module != "quotetrack":  # from quotetrack import identity: a submodule
                found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def module_name(path: Path) -> str:
    """A source file's name in :data:`STAGES`: ``store/rows.py`` is ``store.rows``,
    ``store/__init__.py`` is ``store`` and the package's own ``__init__.py`` is ``__init__``."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if len(parts) > 1 and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, set[str]]:
    """Each module of the package (its name in :data:`STAGES`) and what it imports."""
    return {module_name(path): imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def stage_of() -> dict[str, int]:
    """Each placed module and the position of its stage in the data flow."""
    return {module: i for i, (_, members) in enumerate(STAGES) for module in members}


def package_imports(found: set[str], known: set[str]) -> set[str]:
    """The modules of the package among ``found``: ``quotetrack.lexicon.CUE_VERBS`` is
    ``lexicon``, ``quotetrack.store.rows`` is ``store.rows`` (the longest module it names)."""
    targets = set()
    for name in found:
        parts = name.split(".")
        if parts[0] != "quotetrack":
            continue
        for end in range(len(parts), 1, -1):
            candidate = ".".join(parts[1:end])
            if candidate in known:
                targets.add(candidate)
                break
    return targets


def backward_imports() -> set[tuple[str, str]]:
    """Every (importer, imported) pair where the imported module is in a later stage."""
    stages = stage_of()
    found = modules()
    return {
        (module, target)
        for module, names in found.items()
        for target in package_imports(names, set(found))
        if module in stages and target in stages and stages[target] > stages[module]
    }


def test_every_module_is_placed_in_one_stage() -> None:
    """A new module fails here until it is placed in STAGES; a gone one until removed."""
    placed = [module for _, members in STAGES for module in members]
    assert len(placed) == len(set(placed)), "a module is placed in two stages"
    present = set(modules())
    assert sorted(present - set(placed)) == [], "place these modules in STAGES"
    assert sorted(set(placed) - present) == [], "these modules are gone: remove them"


def test_data_flows_one_way() -> None:
    """No module imports from a later stage than its own, beyond the listed exceptions."""
    assert backward_imports() - set(BACKWARD_IMPORTS) == set()


def test_every_listed_exception_is_still_needed() -> None:
    """An exception that the code no longer needs is taken out of the list."""
    assert set(BACKWARD_IMPORTS) - backward_imports() == set()


# The modules that read the names of an article, in the order the names flow through them.
NAME_FLOW = ("kinds", "name_runs", "name_context", "entities", "mentions", "coreference")


def test_the_names_of_an_article_flow_one_way() -> None:
    """Inside their stage, each module of NAME_FLOW imports none of those after it."""
    found = modules()
    for i, module in enumerate(NAME_FLOW):
        later = set(NAME_FLOW[i + 1 :])
        assert package_imports(found[module], set(found)) & later == set(), module


def test_the_phrase_readers_share_only_their_token_helpers() -> None:
    """The speaker readers (direct quotes) and the source readers (reported speech) were
    tuned apart: each reads phrase_tokens, neither the other, and phrase_tokens neither."""
    found = modules()
    readers = {"speaker_phrases", "source_phrases"}
    for module in readers:
        reads = package_imports(found[module], set(found))
        assert "phrase_tokens" in reads and not reads & (readers - {module}), module
    assert package_imports(found["phrase_tokens"], set(found)) & readers == set()


def test_the_check_sees_a_backward_import() -> None:
    """The check sees imports inside a function, resolves ``quotetrack.tracker.Tracker``
    to the tracker module, and finds both later than the marks but not than the command."""
    stages = stage_of()
    source = (
        "def f():\n    from quotetrack.tracker import Tracker\n    import quotetrack.store.rows\n"
    )
    targets = package_imports(imports_in(source), set(modules()))
    assert targets == {"tracker", "store.rows"}
    assert all(stages[t] > stages["marks"] for t in targets)
    assert not any(stages[t] > stages["cli"] for t in targets)


def test_the_architecture_page_names_every_module_under_its_stage() -> None:
    """docs/architecture.md has one section per stage, in order, naming each of its
    modules by path (``store/rows.py``, ``lexicon/__init__.py``), so the page stays true."""
    page = ARCHITECTURE.read_text(encoding="utf-8")
    sections = re.split(r"^### ", page, flags=re.MULTILINE)[1:]
    titles = [section.split("\n", 1)[0].strip() for section in sections]
    assert titles[: len(STAGES)] == [stage.capitalize() for stage, _ in STAGES]
    for section, (stage, members) in zip(sections, STAGES, strict=False):
        named = set(re.findall(r"^\| `([\w/]+\.py)` \|", section, flags=re.MULTILINE))
        paths = {module_path(module) for module in members}
        assert named == paths, stage


def module_path(module: str) -> str:
    """A module's file under ``quotetrack/``, as the architecture page names it."""
    path = module.replace(".", "/")
    if (PACKAGE / path).is_dir():
        return f"{path}/__init__.py"
    return f"{path}.py"


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
        name for name, found in modules().items() if name != "__init__" and found & root_names
    }
    assert offenders == set()


def test_only_the_store_talks_sql() -> None:
    """sqlite3 is imported by the tracker and quotetrack.store only."""
    talking = {name for name, found in modules().items() if "sqlite3" in found}
    assert talking <= {"tracker"} | {name for name in talking if name.startswith("store.")}
    assert "tracker" in talking


def test_exports_do_not_need_the_store() -> None:
    """Serialising results imports neither the tracker nor sqlite3."""
    for name in ("export", "records", "flat"):
        found = modules()[name]
        assert not found & {"sqlite3", "quotetrack.tracker"}, name
        assert not any(f.startswith("quotetrack.store") for f in found), name
