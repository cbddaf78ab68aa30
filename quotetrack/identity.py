"""Who is who across articles: the store's speaker records, decided from every
in-article name of every article (pure functions, no I/O).

The parser resolves mentions *inside* one article: its :attr:`Speaker.name` is the
fullest form the article gives ("Hillary Clinton" even where the cue says "Mrs. Clinton"
or "she"). This module links those in-article names *across* articles into records.
:class:`~quotetrack.tracker.Tracker` stores; this module decides. What a name is
(cleaning, keys, kinds, the evidence an article gives) is :mod:`quotetrack.names`; the
store-wide keys of names are :mod:`quotetrack.speaker_keys`.

:func:`resolve_store` decides for every in-article name of every article (an
:class:`Occurrence`): names are typed and keyed, full names and misspellings linked
store-wide (:func:`~quotetrack.speaker_keys.resolve`, over
:class:`~quotetrack.speaker_keys.Alias` counts), a bare surname or title + surname follows
the fuller name its article gives or the dominant record of its period, ambiguous ones
are linked to no record and reported (:class:`Ambiguity`), hand corrections
(:class:`Correction`) and a people registry come last. The steps are listed on
:func:`resolve_store`; ``docs/tracker.md`` explains them and where they fail. The result
depends on the *set* of occurrences, never on the order they arrived in.

Which quotes are the same words is :mod:`quotetrack.quote_matching`. Both modules' names
are re-exported here, where earlier releases had them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from quotetrack.models import SpeakerKind
from quotetrack.names import (
    PersonName,
    canonical_name,
    clean_name,
    fold,
    parse_person,
    record_kind,
    speaker_key,
)
from quotetrack.quote_matching import MIN_CLUSTER_WORDS as MIN_CLUSTER_WORDS
from quotetrack.quote_matching import MIN_CONTAINED_WORDS as MIN_CONTAINED_WORDS
from quotetrack.quote_matching import SHINGLE_WORDS as SHINGLE_WORDS
from quotetrack.quote_matching import quote_tokens as quote_tokens
from quotetrack.quote_matching import shingles as shingles
from quotetrack.quote_matching import similar as similar
from quotetrack.quote_matching import speaker_tag as speaker_tag
from quotetrack.speaker_keys import Alias as Alias
from quotetrack.speaker_keys import display_name as display_name
from quotetrack.speaker_keys import resolve as resolve

# Re-exported (``import … as``) where earlier releases had them, documented in their homes.
__all__ = [
    "DOMINANCE",
    "PERIOD_DAYS",
    "Ambiguity",
    "Correction",
    "Occurrence",
    "Record",
    "Resolution",
    "resolve_store",
    "split_key",
]

DOMINANCE: Final = 3
"""How many times more articles (in the same period) the most seen full name with a
surname needs than the next one before a bare surname is linked to it."""

PERIOD_DAYS: Final = 183
"""Articles this close in time to a bare-surname article count as evidence for whom
the surname means (about six months either side)."""


@attrs.frozen(slots=True)
class Occurrence:
    """One in-article name in one article, as the store holds it.

    ``evidence`` lists the fuller names in the article text that end with the same
    surname ("Hillary Clinton", "Bill Clinton"; see :func:`article_evidence`): it is
    what the article says the bare name could mean.
    """

    name: str
    kind: SpeakerKind
    doc_id: str
    quotes: int = 1
    published: dt.date | None = None
    outlet: str | None = None
    evidence: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Record:
    """A speaker followed across articles: its key, the name it is shown under, its
    kind (person, organisation, group)."""

    key: str
    name: str
    kind: SpeakerKind
    person_id: str | None = None
    """The id a people registry gives this record, if any."""


@attrs.frozen(slots=True)
class Ambiguity:
    """A bare name in one article that could mean several records: it was left apart."""

    name: str
    kind: SpeakerKind
    doc_id: str
    candidates: tuple[str, ...]
    """The record keys it could mean, sorted."""


@attrs.frozen(slots=True)
class Correction:
    """A correction made by hand, kept in the store and applied by every resolution.

    ``action`` is ``"merge"`` (the records keyed ``a`` and ``b`` are one: ``b`` joins
    ``a``) or ``"split"`` (the in-article name ``a`` of kind ``b`` is a record of its
    own, never linked by the rules; a later merge may join it to another record).
    """

    action: str
    a: str
    b: str


@attrs.frozen(slots=True)
class Resolution:
    """Who every in-article name of every article is.

    ``keys`` maps ``(name, kind value, doc_id)`` to a record key (names that follow no
    one are absent); ``records`` maps each key to its :class:`Record`."""

    keys: Mapping[tuple[str, str, str], str]
    records: Mapping[str, Record]
    ambiguous: tuple[Ambiguity, ...]


def split_key(name: str, kind: SpeakerKind) -> str:
    """The key of an in-article name split off by hand."""
    prefix = "person" if kind is SpeakerKind.PERSON else "group"
    return f"{prefix}:{' '.join(fold(w) for w in clean_name(name).split())} (split)"


def resolve_store(
    occurrences: Iterable[Occurrence],
    corrections: Iterable[Correction] = (),
    people: Mapping[str, str] | None = None,
) -> Resolution:
    """Decide who every in-article name of a store is: a pure function of the *set* of
    occurrences and corrections, so ingest order never matters.

    1. Names are typed (:func:`record_kind`) and keyed by :func:`resolve` over the
       store's in-article names with their article counts: full names, misspellings,
       and partial names that exactly one record fits.
    2. A bare name (surname, title + surname, "Trump Jr.") in one article is linked to
       the fuller name its article gives, when the article gives exactly one that fits
       (:func:`article_evidence`; a title of the other sex, another suffix do not fit).
       When the article gives several, the name is ambiguous (below).
       When it gives none, the name is linked to the record with that surname seen in
       :data:`DOMINANCE` times more articles of the same period (±
       :data:`PERIOD_DAYS`) than any other that fits (or to the only one). When
       several fit and none dominates, the name is *ambiguous*: it is linked to no
       record and reported, never merged.
    3. Corrections: a split name keeps its own record; merges join records.
    4. A people registry (``people``: speaker key → person id, see
       :func:`quotetrack.people.registry_keys`) gives a record the id of the one person
       its key or one of its names' keys belongs to; records given the same id are
       one person and are joined.
    """
    occ = sorted(set(occurrences), key=_occurrence_order)
    split = {(c.a, c.b) for c in corrections if c.action == "split"}
    merges = sorted({(c.a, c.b) for c in corrections if c.action == "merge"})
    kinds: dict[tuple[str, SpeakerKind], SpeakerKind | None] = {}
    docs: dict[tuple[str, SpeakerKind], set[str]] = defaultdict(set)
    quotes: Counter[tuple[str, SpeakerKind]] = Counter()
    for o in occ:
        ref = (o.name, o.kind)
        if ref not in kinds:
            kinds[ref] = record_kind(o.name, o.kind)
        docs[ref].add(o.doc_id)
        quotes[ref] += o.quotes
    auto = [
        Alias(name, typed, quotes[(name, kind)], len(docs[(name, kind)]))
        for (name, kind), typed in sorted(kinds.items(), key=lambda kv: _ref_order(kv[0]))
        if typed is not None and (name, kind.value) not in split
    ]
    typed_keys = resolve(auto)
    base = {
        (name, kind): typed_keys[(name, typed)]
        for (name, kind), typed in kinds.items()
        if typed is not None and (name, typed) in typed_keys
    }
    linker = _SurnameLinker(occ, base, kinds)
    keys: dict[tuple[str, str, str], str] = {}
    ambiguous: list[Ambiguity] = []
    for o in occ:
        ref = (o.name, o.kind)
        if kinds[ref] is None:
            continue
        if (o.name, o.kind.value) in split:
            keys[(o.name, o.kind.value, o.doc_id)] = split_key(o.name, o.kind)
            continue
        key = base.get(ref)
        if key is None:
            continue
        if kinds[ref] is SpeakerKind.PERSON:
            key, candidates = linker.link(o, key)
            if len(candidates) > 1:
                # Never a record of its own: a bare "Trump" record is a fragment of
                # every Trump; the quote keeps its in-article name and is listed.
                ambiguous.append(Ambiguity(o.name, o.kind, o.doc_id, candidates))
                continue
        keys[(o.name, o.kind.value, o.doc_id)] = key
    # A merged record keeps the name its surviving record had: merge(a, b) shows a.
    before = _records(occ, keys, kinds, linker.shown, {}) if merges else {}
    keys = _apply_merges(keys, merges)
    person_ids: dict[str, str] = {}
    if people:
        keys, person_ids = _link_people(occ, keys, kinds, people)
    records = _records(occ, keys, kinds, linker.shown, person_ids)
    for key, record in records.items():
        if key in before and before[key].name != record.name:
            records[key] = attrs.evolve(record, name=before[key].name)
    return Resolution(keys, records, tuple(ambiguous))


def _occurrence_order(o: Occurrence) -> tuple[str, str, str, int]:
    return (o.doc_id, o.name, o.kind.value, o.quotes)


def _ref_order(ref: tuple[str, SpeakerKind]) -> tuple[str, str]:
    return (ref[0], ref[1].value)


class _SurnameLinker:
    """Step 2 of :func:`resolve_store`: bare names to the record their article, or the
    store, says they mean."""

    def __init__(
        self,
        occ: Sequence[Occurrence],
        base: Mapping[tuple[str, SpeakerKind], str],
        kinds: Mapping[tuple[str, SpeakerKind], SpeakerKind | None],
    ) -> None:
        self.base = base
        # Fuller person names by last word, with their keys and article dates.
        self.fuller: dict[str, dict[str, PersonName]] = defaultdict(dict)
        self.dates: dict[str, list[dt.date | None]] = defaultdict(list)
        self._days: dict[str, tuple[list[int], int]] = {}  # sorted ordinals, undated count
        self.shown: dict[str, str] = {}  # key -> display name, for keys met only as evidence
        self.target: dict[str, str] = {}  # a name's own key -> its record's key
        seen: set[tuple[str, str]] = set()
        for o in occ:
            if kinds.get((o.name, o.kind)) is not SpeakerKind.PERSON:
                continue
            person = parse_person(o.name)
            key = base.get((o.name, o.kind))
            if person is None or key is None:
                continue
            self.target[f"person:{person.key}"] = key
            if len(person.words) < 2:
                continue
            self.fuller[person.surname][key] = person
            if (key, o.doc_id) not in seen:
                seen.add((key, o.doc_id))
                self.dates[key].append(o.published)

    def candidates(self, person: PersonName, names: Iterable[PersonName]) -> set[str]:
        """Keys of the fuller ``names`` that ``person`` (a bare name) may mean."""
        n = len(person.words)
        found: set[str] = set()
        for other in names:
            if len(other.words) <= n or other.words[-n:] != person.words:
                continue
            if person.suffix is not None and other.suffix != person.suffix:
                continue
            gender = other.first_gender
            if person.gender and gender and gender != person.gender:
                continue
            key = f"person:{other.key}"
            found.add(self.target.get(key, key))
        return found

    def link(self, o: Occurrence, key: str) -> tuple[str, tuple[str, ...]]:
        """The key for ``o`` (a person name whose store-wide key is ``key``), and the
        candidates when it is ambiguous."""
        person = parse_person(o.name)
        if person is None or person.full:
            return key, ()
        from_article = []
        for shown in o.evidence:
            other = parse_person(shown)
            if other is not None:
                from_article.append(other)
        in_article = self.candidates(person, from_article)
        for other in from_article:
            self.shown.setdefault(f"person:{other.key}", other.display)
        if len(in_article) == 1:
            return in_article.pop(), ()
        own = f"person:{person.key}"
        if len(in_article) > 1:
            return own, tuple(sorted(in_article))
        stored = self.candidates(person, self.fuller[person.surname].values())
        stored.discard(own)
        if not stored:
            return key, ()
        support = sorted(
            ((self._support(c, o.published), c) for c in stored), key=lambda sc: (-sc[0], sc[1])
        )
        best, best_key = support[0]
        runner = support[1][0] if len(support) > 1 else 0
        if len(support) == 1 or best >= max(1, DOMINANCE * runner):
            return best_key, ()
        return own, tuple(sorted(stored))

    def _support(self, key: str, day: dt.date | None) -> int:
        """Articles of ``key`` within :data:`PERIOD_DAYS` of ``day`` (undated ones
        count everywhere); all of them when ``day`` is unknown."""
        dates = self.dates.get(key, [])
        if day is None:
            return len(dates)
        if key not in self._days:
            days = sorted(d.toordinal() for d in dates if d is not None)
            self._days[key] = (days, len(dates) - len(days))
        days, undated = self._days[key]
        at = day.toordinal()
        near = bisect.bisect_right(days, at + PERIOD_DAYS) - bisect.bisect_left(
            days, at - PERIOD_DAYS
        )
        return near + undated


def _link_people(
    occ: Sequence[Occurrence],
    keys: dict[tuple[str, str, str], str],
    kinds: Mapping[tuple[str, SpeakerKind], SpeakerKind | None],
    people: Mapping[str, str],
) -> tuple[dict[tuple[str, str, str], str], dict[str, str]]:
    """Step 4 of :func:`resolve_store`: person ids for records, and records that share
    one joined (into the most quoted)."""
    ids: dict[str, set[str]] = defaultdict(set)
    quotes: Counter[str] = Counter()
    for o in occ:
        key = keys.get((o.name, o.kind.value, o.doc_id))
        kind = kinds.get((o.name, o.kind))
        if key is None or kind is None:
            continue
        quotes[key] += o.quotes
        own = speaker_key(o.name, kind)
        for candidate in (key, own):
            if candidate is not None and candidate in people:
                ids[key].add(people[candidate])
    by_id: dict[str, list[str]] = defaultdict(list)
    for key, found in ids.items():
        if len(found) == 1:
            by_id[next(iter(found))].append(key)
    merges: list[tuple[str, str]] = []
    person_ids: dict[str, str] = {}
    for pid, members in sorted(by_id.items()):
        members.sort(key=lambda k: (-quotes[k], k))
        merges.extend((members[0], other) for other in members[1:])
        person_ids[members[0]] = pid
    return _apply_merges(keys, merges), person_ids


def _apply_merges(
    keys: dict[tuple[str, str, str], str], merges: Sequence[tuple[str, str]]
) -> dict[tuple[str, str, str], str]:
    """Hand merges: ``b`` joins ``a`` (chains and cycles settle on one key)."""
    if not merges:
        return keys
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for a, b in merges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    return {ref: find(k) for ref, k in keys.items()}


def _records(
    occ: Sequence[Occurrence],
    keys: Mapping[tuple[str, str, str], str],
    kinds: Mapping[tuple[str, SpeakerKind], SpeakerKind | None],
    shown: Mapping[str, str],
    person_ids: Mapping[str, str],
) -> dict[str, Record]:
    """Each key's record: the shown name and the kind most of its quotes give."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    typed: dict[str, Counter[SpeakerKind]] = defaultdict(Counter)
    for o in occ:
        key = keys.get((o.name, o.kind.value, o.doc_id))
        kind = kinds.get((o.name, o.kind))
        if key is None or kind is None:
            continue
        form = canonical_name(o.name, kind)
        names[key][form] += o.quotes
        docs[(key, form)].add(o.doc_id)
        typed[key][kind] += o.quotes
    records = {}
    for key in sorted(names):
        kind = min(typed[key].items(), key=lambda kv: (-kv[1], kv[0].value))[0]
        forms = [Alias(f, kind, n, len(docs[(key, f)])) for f, n in sorted(names[key].items())]
        name = display_name(forms)
        person = parse_person(name) if kind is SpeakerKind.PERSON else None
        if key in shown and (person is None or not person.full):
            name = shown[key]  # a bare name linked by its article: show the article's name
        records[key] = Record(key, name, kind, person_ids.get(key))
    return records
