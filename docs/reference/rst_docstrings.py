"""A Griffe extension that lets mkdocstrings render quotetrack's reST-flavoured docstrings.

The package's docstrings use a few reStructuredText habits (they read well in ``help()``
and in an editor); mkdocstrings renders docstrings as Markdown. Before rendering, this
extension rewrites, in every docstring of the package:

* roles such as ``:class:`~quotetrack.models.Span``` into cross-references to the API
  reference (optional ones: a target the site does not document, such as
  ``:mod:`sqlite3```, stays plain code instead of failing the strict build);
* a paragraph ending in ``::`` (reST's "a literal block follows") into one ending in ``:``;
* a simple table (rows between ``====  ====`` rules) into a bullet list, its first column
  in code, continuation rows joined to the row above;
* a doctest that is not indented (``>>>`` at the start of a line, up to the next blank
  line) into a fenced ``pycon`` block, so its output is not read as Markdown.

It changes nothing in the package itself. mkdocs.yml loads it by path.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|data|mod|attr|exc|obj):`(~?)([\w.]+)(?:\(\))?`")
_RULE = re.compile(r"^(=+)((?:\s+=+)+)\s*$")


class RstDocstrings(griffe.Extension):
    """Rewrite reST roles, ``::`` and simple tables in docstrings to Markdown."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite every docstring of the package once it is fully loaded."""
        for obj in _walk(pkg, set()):
            if obj.docstring is not None:
                obj.docstring.value = _markdown(obj.docstring.value, obj)


def _walk(obj: griffe.Object, seen: set[str]) -> list[griffe.Object]:
    if obj.path in seen:
        return []
    seen.add(obj.path)
    found = [obj]
    for member in obj.members.values():
        if isinstance(member, griffe.Alias):
            continue
        found.extend(_walk(member, seen))
    return found


def _resolve(target: str, obj: griffe.Object) -> str:
    """The full dotted path of ``target`` as written in a docstring of ``obj``."""
    if target.startswith("quotetrack"):
        return target
    head, _, rest = target.partition(".")
    scope: griffe.Object | None = obj if obj.is_class or obj.is_module else obj.parent
    while scope is not None:
        try:
            full = scope.resolve(head)
        except griffe.NameResolutionError:
            scope = scope.parent
            continue
        return f"{full}.{rest}" if rest else full
    return target


def _roles(text: str, obj: griffe.Object) -> str:
    def link(match: re.Match[str]) -> str:
        short, target = match.group(1), match.group(2)
        title = target.rsplit(".", 1)[-1] if short else target
        identifier = _resolve(target, obj)
        return f'<autoref identifier="{identifier}" optional><code>{title}</code></autoref>'

    return _ROLE.sub(link, text)


def _tables(lines: list[str]) -> list[str]:
    """Simple reST tables (``====  ====`` rules around rows) as bullet lists."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rule = _RULE.match(lines[i])
        if rule is None:
            out.append(lines[i])
            i += 1
            continue
        split = len(rule.group(1))
        items: list[list[str]] = []
        i += 1
        while i < len(lines) and _RULE.match(lines[i]) is None:
            key, value = lines[i][:split].strip(), lines[i][split:].strip()
            if key:
                items.append([key, value])
            elif items and value:
                items[-1][1] += " " + value
            i += 1
        i += 1  # the closing rule
        out.extend(f"- {key}: {value}" for key, value in items)
        out.append("")
    return out


def _doctests(lines: list[str]) -> list[str]:
    """Unindented doctest paragraphs as fenced pycon blocks."""
    out: list[str] = []
    inside = False
    for line in lines:
        if not inside and line.startswith(">>>"):
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return out


def _markdown(text: str, obj: griffe.Object) -> str:
    lines = _doctests(_tables(text.splitlines()))
    for k, line in enumerate(lines):
        if line.rstrip().endswith("::") and not line.lstrip().startswith(">>>"):
            stripped = line.rstrip()[:-2].rstrip()
            lines[k] = stripped + ":" if stripped else ""
    return _roles("\n".join(lines), obj)
