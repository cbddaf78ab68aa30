"""A registry of known people: who the speakers of a store are outside it.

A registry is a CSV or JSONL file a user keeps or exports (from Wikidata, a newsroom's
own list): one person per row, with an ``id`` (a Wikidata QID such as ``Q6294``, or any
id of the user's), the ``name``, other ``aliases`` and an optional ``description``::

    id,name,aliases,description
    Q6294,Hillary Clinton,Hillary Rodham Clinton|Mrs. Clinton,US Secretary of State 2009-2013

In CSV, aliases are separated by ``|``; in JSONL, ``aliases`` is a list of strings.
:func:`load_people` reads and checks a file (:class:`~quotetrack.errors.RegistryError`
with the line at fault); :func:`registry_keys` gives the speaker keys each person's names
have, so that :func:`quotetrack.identity.resolve_store` can give a record its
``person_id``. :meth:`quotetrack.tracker.Tracker.link_people` keeps a registry in a store.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from quotetrack.errors import RegistryError
from quotetrack.models import SpeakerKind
from quotetrack.names import parse_person, speaker_key
from quotetrack.validation import check_path

__all__ = ["KnownPerson", "load_people", "registry_keys"]

_COLUMNS = ("id", "name", "aliases", "description")


@attrs.frozen(slots=True)
class KnownPerson:
    """One person of a registry."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None


def load_people(path: str | os.PathLike[str]) -> tuple[KnownPerson, ...]:
    """Read a registry: ``.csv`` (a header with ``id`` and ``name``, optionally
    ``aliases`` separated by ``|`` and ``description``) or ``.jsonl``/``.ndjson`` (one
    object a line with the same keys, ``aliases`` a list). Raises
    :class:`~quotetrack.errors.RegistryError` for a file that cannot be read, an unknown
    suffix, a row without ``id`` or ``name``, a value of the wrong type, or an ``id``
    given twice, and :class:`~quotetrack.errors.InputTypeError` when ``path`` is not a
    path."""
    where = os.fspath(check_path(path))
    suffix = Path(where).suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson"):
        kind = suffix or "no suffix"
        msg = f"{where}: a people registry must be a .csv or .jsonl file, not {kind!r}"
        raise RegistryError(msg)
    try:
        text = Path(where).read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read the people registry {where!r}: {exc}"
        raise RegistryError(msg) from None
    rows = _csv_rows(text, where) if suffix == ".csv" else _jsonl_rows(text, where)
    people: list[KnownPerson] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        person = _person(row, f"{where}, line {line}")
        if person.id in seen:
            msg = f"{where}, line {line}: id {person.id!r} already given on line {seen[person.id]}"
            raise RegistryError(msg)
        seen[person.id] = line
        people.append(person)
    return tuple(people)


def _csv_rows(text: str, where: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in ("id", "name") if c not in header]
    if missing:
        msg = (
            f"{where}: the header must name the columns id and name (missing: {', '.join(missing)})"
        )
        raise RegistryError(msg)
    out = []
    for row in reader:
        aliases = row.get("aliases") or ""
        out.append(
            (
                reader.line_num,
                {
                    "id": row.get("id"),
                    "name": row.get("name"),
                    "aliases": [a.strip() for a in aliases.split("|") if a.strip()],
                    "description": row.get("description") or None,
                },
            )
        )
    return out


def _jsonl_rows(text: str, where: str) -> list[tuple[int, dict[str, Any]]]:
    out = []
    # Lines end at "\n" (and "\r\n") only, as JSON Lines says: str.splitlines would also
    # cut at U+2028 and other separators that JSON allows raw inside a string.
    for line, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            msg = f"{where}, line {line}: not JSON ({exc.msg})"
            raise RegistryError(msg) from None
        if not isinstance(row, dict):
            msg = f"{where}, line {line}: each line must be a JSON object"
            raise RegistryError(msg)
        out.append((line, row))
    return out


def _person(row: Mapping[str, Any], where: str) -> KnownPerson:
    unknown = sorted(set(row) - set(_COLUMNS))
    if unknown and not all(isinstance(k, str) for k in unknown):
        msg = f"{where}: keys must be strings"
        raise RegistryError(msg)
    pid, name = row.get("id"), row.get("name")
    for field, value in (("id", pid), ("name", name)):
        if not isinstance(value, str) or not value.strip():
            msg = f"{where}: {field} must be a non-empty string, not {value!r}"
            raise RegistryError(msg)
    aliases = row.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        msg = f"{where}: aliases must be a list of strings"
        raise RegistryError(msg)
    description = row.get("description")
    if description is not None and not isinstance(description, str):
        msg = f"{where}: description must be a string"
        raise RegistryError(msg)
    assert isinstance(pid, str) and isinstance(name, str)
    return KnownPerson(
        pid.strip(), name.strip(), tuple(a.strip() for a in aliases if a.strip()), description
    )


def registry_keys(people: Iterable[KnownPerson]) -> dict[str, str]:
    """Speaker key → person id for every name and alias of ``people`` (as a person, and
    as an organisation or group); a key two people share is left out, since it cannot
    say which one a record is. Only full names and organisation names link: a surname
    alone ("Clinton") in a registry says nothing certain."""
    found: dict[str, set[str]] = {}
    for person in people:
        for name in (person.name, *person.aliases):
            parsed = parse_person(name)
            keys = [speaker_key(name, SpeakerKind.GROUP)]
            if parsed is not None and parsed.full:
                keys.append(speaker_key(name, SpeakerKind.PERSON))
            for key in keys:
                if key is not None:
                    found.setdefault(key, set()).add(person.id)
    return {key: ids.pop() for key, ids in sorted(found.items()) if len(ids) == 1}
