"""The identity check of ``benchmarks/tracker.py``: one record per listed person?

Reads a hand-written list of people (``people_2016.tsv`` beside this file: name,
surname, sex, other first names) and, over every speaker record of a store, counts for
each person the records that name them (full name, surname alone, title + surname), the
share of their quotes in their largest record, and the aliases of their records that
belong to someone else (another person's full name, Jr./Sr., a title of the other sex).
It also counts person records whose name keeps role words ("Florida Gov. Jeb Bush") and
person records that look like organisations or groups ("the FBI", "Republicans").

The name matching here is deliberately its own, simpler than
:mod:`quotetrack.identity`'s, so that the check does not grade itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from quotetrack.lexicon import TITLES, female_share, is_surname, source_noun_kind
from quotetrack.tracker import TrackedSpeaker

LIST = Path(__file__).with_name("people_2016.tsv")

_TITLES = frozenset(t.lower().rstrip(".") for t in TITLES)
_ROLE_WORDS = _TITLES | frozenset(
    "presidential democratic gop nominee candidate candidates spokesman spokeswoman"
    " labor state rival u.s the so sens govs reps former president-elect".split()
)
_MALE = frozenset({"mr"})
_FEMALE = frozenset({"mrs", "ms", "miss"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_INITIAL = re.compile(r"^(?:[a-z]\.)+$|^[a-z]$")
_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "la", "le", "bin", "al", "ibn"})


@attrs.frozen
class Person:
    """A listed person."""

    name: str
    surname: tuple[str, ...]
    suffix: str | None
    sex: str
    firsts: frozenset[str]


@attrs.frozen
class Form:
    """A name taken apart for the check: first-name words, surname words, suffix, the
    sex a courtesy title gives, and whether role words were dropped."""

    words: tuple[str, ...]
    suffix: str | None
    sex: str | None
    role: bool
    description: bool
    """Not a name at all: a possessive inside ("Trump's Son") or a role word after the
    name words ("Former Clinton Pollster")."""


def _fold(word: str) -> str:
    return word.replace("\u2019", "'").lower().strip(",;:")


def parse(name: str) -> Form:
    """``name`` taken apart (see :class:`Form`)."""
    words: list[str] = []
    suffix = sex = None
    role = description = False
    raws = name.split()
    for i, raw in enumerate(raws):
        word = _fold(raw)
        if re.search(r"'s?$", word) and i < len(raws) - 1:
            description = True
        word = re.sub(r"'s$", "", word)
        bare = word.rstrip(".")
        if bare in _SUFFIXES:
            suffix = bare
        elif bare in _MALE:
            sex = "m"
        elif bare in _FEMALE:
            sex = "f"
        elif (bare in _ROLE_WORDS or source_noun_kind(bare) == "person") and not (
            (i == len(raws) - 1 and (words or sex) and is_surname(bare))
            or (i == 0 and len(raws) > 1 and female_share(bare) is not None)
        ):  # "Larry King", "Guy Cecil" keep their names
            role = True
            description = description or (bool(words) and i == len(raws) - 1)
            words.clear()  # "Florida Gov. Jeb Bush": what stands before a title describes
        elif _INITIAL.match(word) or bare == "":
            continue
        elif raw[:1].islower() and bare not in _PARTICLES:
            role = True  # "former", "so"
        else:
            words.append(bare)
    return Form(tuple(words), suffix, sex, role, description)


def load(path: Path = LIST) -> list[Person]:
    """The listed people."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, surname, sex, *rest = line.split("\t")
        form = parse(name)
        sur = parse(surname)
        others = {_fold(w.strip()).split()[0] for w in (rest[0] if rest else "").split(",") if w}
        firsts = frozenset({form.words[0], *others})
        out.append(Person(name, sur.words, form.suffix, sex, firsts))
    return out


def names(form: Form, person: Person) -> str | None:
    """How ``form`` names ``person``: "full", "surname" (alone or with a title), or None."""
    n = len(person.surname)
    if form.description or len(form.words) < n or form.words[-n:] != person.surname:
        return None
    first = form.words[:-n]
    if form.sex is not None and form.sex != person.sex:
        return None
    if not first:
        if form.suffix is not None and form.suffix != person.suffix:
            return None
        return "surname"
    if first[0] not in person.firsts or form.suffix != person.suffix:
        return None
    return "full"


def wrong_alias(alias: str, person: Person, people: Sequence[Person]) -> str | None:
    """Why ``alias`` does not belong to ``person`` (None when it may)."""
    form = parse(alias)
    if form.sex is not None and form.sex != person.sex:
        return "title of the other sex"
    if names(form, person) is None and any(names(form, p) == "full" for p in people):
        return "another person's full name"
    if names(form, person) is None and any(names(form, p) for p in people if p.suffix):
        return "Jr./Sr."
    if not form.words:
        return None
    n = len(person.surname)
    if form.words[-n:] == person.surname:
        first = form.words[:-n]
        if first and first[0] not in person.firsts:
            return "another person's full name"
        return None
    if len(form.words) == 1 and form.words[0] in person.firsts:
        return None  # the first name alone
    if (
        len(form.words) <= len(person.surname)
        and _distance(" ".join(form.words), " ".join(person.surname)) <= 2
    ):
        return None  # a misspelt surname ("Giulini")
    return "another person's name"


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def looks_like_a_group(name: str) -> bool:
    """A person record whose name reads as an organisation or group: a leading "the",
    an acronym that is no surname, a plural noun ("Republicans")."""
    words = name.split()
    if not words:
        return False
    if words[0].lower() == "the" and len(words) > 1:
        return True
    if len(words) == 1:
        word = words[0]
        if word.isupper() and len(word) <= 5 and not is_surname(word):
            return True
        if word.endswith("s") and not is_surname(word) and word[:1].isupper():
            return True
    return word_is_org(words)


_ORG_WORDS = frozenset(
    "news times post journal press department committee campaign house party network"
    " institute university center council agency bureau administration foundation"
    " association magazine commission office twitter facebook politico cnn fbi".split()
)


def word_is_org(words: Sequence[str]) -> bool:
    """Any word that only organisations carry ("Fox News", "The White House")."""
    return any(_fold(w).rstrip(".") in _ORG_WORDS for w in words)


def check(speakers: Iterable[TrackedSpeaker], people: Sequence[Person]) -> dict[str, Any]:
    """The figures (see the module docstring) over ``speakers``, every record of a store."""
    persons = [s for s in speakers if s.kind.value == "person"]
    rows = []
    for person in people:
        named = [(s, names(parse(s.name), person)) for s in persons]
        records = [(s, how) for s, how in named if how is not None]
        total = sum(s.quotes for s, _ in records)
        largest = max((s.quotes for s, _ in records), default=0)
        wrong = sorted(
            {
                f"{s.name} <- {alias} ({why})"
                for s, how in records
                if how == "full"
                for alias in s.aliases
                if (why := wrong_alias(alias, person, people)) is not None
            }
        )
        rows.append(
            {
                "person": person.name,
                "records": len(records),
                "record_names": [f"{s.name} ({s.quotes})" for s, _ in records],
                "quotes": total,
                "share": largest / total if total else None,
                "wrong_aliases": wrong,
            }
        )
    role = [f"{s.name} ({s.quotes})" for s in persons if parse(s.name).role]
    groups = [f"{s.name} ({s.quotes})" for s in persons if looks_like_a_group(s.name)]
    role_aliases = sorted({a for s in persons for a in s.aliases if parse(a).role})
    shares = [r["share"] for r in rows if r["share"] is not None]
    return {
        "people": rows,
        "listed": len(people),
        "found": sum(1 for r in rows if r["records"]),
        "one_record": sum(1 for r in rows if r["records"] == 1),
        "extra_records": sum(max(0, r["records"] - 1) for r in rows),
        "min_share": min(shares, default=None),
        "mean_share": sum(shares) / len(shares) if shares else None,
        "wrong_aliases": sum(len(r["wrong_aliases"]) for r in rows),
        "role_word_names": role,
        "role_word_aliases": len(role_aliases),
        "group_like_persons": groups,
    }


def render(result: dict[str, Any]) -> list[str]:
    """The check as text lines."""
    lines = [
        f"listed people: {result['listed']} (found {result['found']}); one record: "
        f"{result['one_record']}; extra records: {result['extra_records']}",
        f"quote share in the largest record: min {_f(result['min_share'])}, "
        f"mean {_f(result['mean_share'])}",
        f"wrong aliases: {result['wrong_aliases']}; person records with role words: "
        f"{len(result['role_word_names'])}; aliases with role words: "
        f"{result['role_word_aliases']}; person records that read as groups: "
        f"{len(result['group_like_persons'])}",
    ]
    for row in result["people"]:
        if row["records"] != 1 or row["wrong_aliases"] or (row["share"] or 1) < 0.99:
            lines.append(
                f"  {row['person']:<26} records {row['records']:>2} share {_f(row['share'])}"
                f"  {'; '.join(row['record_names'][:6])}"
            )
            lines.extend(f"      wrong alias: {w}" for w in row["wrong_aliases"])
    lines.append("  role-word names: " + "; ".join(result["role_word_names"][:15]))
    lines.append("  group-like persons: " + "; ".join(result["group_like_persons"][:15]))
    return lines


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"
