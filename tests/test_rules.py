"""The rule vocabulary (quotetrack.rules) lists exactly the rules the parser can emit,
and the docs print it as it is."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

import quotetrack
from quotetrack.rules import RULES, markdown_table, rule

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quotetrack"
POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train"
NAMES = {r.name for r in RULES}


def _literal_rules(path: Path) -> set[str]:
    """The rule names a module writes as literals: the ``rule`` argument of ``Match``,
    ``Reported`` and ``Reported.single``, ``rule=`` keywords and assignments to ``rule``."""
    positions = {"Match": 3, "Reported": 4, "single": 4}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in positions and len(node.args) > positions[name]:
                values.append(node.args[positions[name]])
            values += [k.value for k in node.keywords if k.arg == "rule"]
        elif isinstance(node, ast.Assign):
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Name) and target.id == "rule":
                values.append(value)
            elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
                pairs = zip(target.elts, value.elts, strict=True)
                values += [v for t, v in pairs if isinstance(t, ast.Name) and t.id == "rule"]
        found |= {
            v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        }
    return found


def emitted_statically() -> set[str]:
    """Every rule name written in the rule modules, as it appears in ``Quote.rule``."""
    direct = _literal_rules(PACKAGE / "attribution.py") | _literal_rules(PACKAGE / "parser.py")
    reported = set().union(*(_literal_rules(p) for p in (PACKAGE / "reported").glob("*.py")))
    return direct | {"reported:" + r for r in reported}


def test_every_rule_written_in_the_code_is_listed_and_every_listed_rule_is_written() -> None:
    """The rules data and the rule modules name the same rules: 11 direct-quote rules, 6
    of the parser and 13 of reported speech."""
    assert emitted_statically() == NAMES
    stages = [r.stage for r in RULES]
    assert (stages.count("attribution"), stages.count("parser"), stages.count("reported")) == (
        11,
        6,
        13,
    )


def test_rule_names_are_unique_and_each_has_a_meaning() -> None:
    assert len(NAMES) == len(RULES)
    for r in RULES:
        assert r.meaning.strip() and r.example.strip(), r.name
        assert r.name.startswith("reported:") == (r.stage == "reported")
        assert rule(r.name) is r
    with pytest.raises(KeyError):
        rule("no-such-rule")


def test_the_static_scan_sees_a_rule_in_each_form_it_is_written() -> None:
    """The scanner behind the completeness test finds rules however the code names them
    (a changed scanner that finds nothing would make that test pass vacuously)."""
    assert {"tail-dash", "head-participle", "sentence-subject"} <= _literal_rules(
        PACKAGE / "attribution.py"
    )
    assert {"continuation", "clause-subject", "nearest-mention", "unattributed"} <= (
        _literal_rules(PACKAGE / "parser.py")
    )
    assert {"according-head", "according-mid"} <= _literal_rules(
        PACKAGE / "reported" / "according.py"
    )


def test_examples_of_the_reported_rules_fire_as_named() -> None:
    """Concrete versions of a few examples give their rule (the docs show the examples)."""
    cases = {
        "Sanders called for a ban on fracking in all fifty states.": "reported:topic",
        "Trump is expected to win the primary next week.": "reported:raising",
        "He refused to release his tax returns this year.": "reported:intention",
        "“We will win this race,” said Maria Lopez.": "tail-cue-speaker",
        "“Golf is a good walk spoiled.” — Mark Twain": "tail-dash",
    }
    for text, name in cases.items():
        assert [q.rule for q in quotetrack.parse(text)] == [name], text


@pytest.mark.skipif(
    not POLNEAR_TRAIN.is_dir(), reason="PolNeAR train is not present at ../shared/data"
)
def test_every_rule_the_parser_emits_on_polnear_train_is_listed() -> None:
    """Run over a whole corpus, the parser emits only listed rules (and most of them)."""
    seen: set[str] = set()
    for path in sorted((POLNEAR_TRAIN / "text").glob("*.txt")):
        seen |= {q.rule for q in quotetrack.parse(path.read_text(encoding="utf-8"))}
    assert seen <= NAMES, seen - NAMES
    assert len(seen) >= 0.8 * len(NAMES)


def _render_tool() -> object:
    spec = importlib.util.spec_from_file_location(
        "render_rules", ROOT / "tools" / "render_rules.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("stage", ["attribution", "parser", "reported"])
def test_the_docs_print_the_rules_data(stage: str) -> None:
    """docs/explanation.md holds each stage's table as rendered from the data (rerun
    tools/render_rules.py after changing quotetrack/rules.py)."""
    page = (ROOT / "docs" / "explanation.md").read_text(encoding="utf-8")
    block = f"<!-- rules:{stage} -->\n{markdown_table(stage)}<!-- /rules:{stage} -->"
    assert block in page
    render = _render_tool().render  # type: ignore[attr-defined]
    assert render(page) == page
