"""Which quotes are the same words, for clustering re-quoted lines (pure functions, no
I/O).

:func:`quote_tokens` normalises a quote (case, punctuation, curly or straight marks,
dashes, whitespace) into words; :func:`shingles` hashes its word 4-grams for an index;
:func:`similar` says whether two quotes are the same line: the longest common word runs
cover at least 80% of the shorter one, so a shorter quote contained in a longer one, or a
copy with a few words changed, both count. :func:`speaker_tag` is what two quotes'
speakers must share for one to count as contained in the other.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from typing import Final

from quotetrack.models import SpeakerKind
from quotetrack.names import group_key, parse_person

__all__ = [
    "MIN_CLUSTER_WORDS",
    "MIN_CONTAINED_WORDS",
    "SHINGLE_WORDS",
    "quote_tokens",
    "shingles",
    "similar",
    "speaker_tag",
]

SHINGLE_WORDS: Final = 4
"""Words per shingle in the near-duplicate index."""

MIN_CLUSTER_WORDS: Final = 6
"""Quotes shorter than this (after normalisation) are never clustered: "We will win"
in two articles is a common phrase, not a re-quoted line."""

MIN_CONTAINED_WORDS: Final = 8
"""Words a quote needs to count as contained in a longer one."""

_SIMILARITY: Final = 0.8
_WORD: Final = re.compile(r"\w+")
_DROP: Final = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc`", None))


def quote_tokens(text: str) -> tuple[str, ...]:
    """The words of a quote for comparison: compatibility-normalised, casefolded, with
    apostrophes dropped ("don’t" and "dont" agree) and every other mark a separator."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_DROP)
    return tuple(_WORD.findall(folded))


_MASK: Final = (1 << 64) - 1
_PRIME: Final = 0x100000001B3  # FNV-1a's 64-bit prime


def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingles(tokens: Sequence[str]) -> frozenset[int]:
    """Stable signed 64-bit hashes of the word 4-grams of ``tokens`` (empty when the
    quote is too short to cluster). Stable across processes and Python versions, unlike
    :func:`hash`, so they can be stored."""
    if len(tokens) < MIN_CLUSTER_WORDS:
        return frozenset()
    words = [_word_hash(t) for t in tokens]
    out = set()
    for i in range(len(words) - SHINGLE_WORDS + 1):
        h = 0
        for w in words[i : i + SHINGLE_WORDS]:
            h = ((h ^ w) * _PRIME) & _MASK
        out.add(h - (1 << 64) if h >= 1 << 63 else h)
    return frozenset(out)


def speaker_tag(name: str | None, kind: SpeakerKind | None) -> str | None:
    """What two quotes' speakers must share for one to count as contained in the other:
    the surname of a person ("Donald Trump" and "Mr. Trump" agree), the key of a group;
    None when the speaker is unknown (an unknown speaker agrees with anyone)."""
    if name is None or kind is None:
        return None
    if kind is SpeakerKind.GROUP:
        return group_key(name)
    if kind is SpeakerKind.PERSON:
        person = parse_person(name)
        return None if person is None else person.surname
    return None


def similar(
    a: Sequence[str], b: Sequence[str], tag_a: str | None = None, tag_b: str | None = None
) -> bool:
    """True when two tokenised quotes are the same line.

    Both must have at least :data:`MIN_CLUSTER_WORDS` words and their common word runs
    must cover 80% of the shorter one. When they also cover 80% of the longer one the
    two are copies (wire copy, small edits) and that is enough. Otherwise the shorter
    is contained in the longer: that counts only when it has at least
    :data:`MIN_CONTAINED_WORDS` words and the speakers' tags (:func:`speaker_tag`) do not
    disagree, so a stock phrase ("to serve as president of the United States") does not
    chain unrelated quotes together.
    """
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_CLUSTER_WORDS:
        return False
    a, b = tuple(a), tuple(b)
    if a == b:
        return True
    if b < a:  # difflib's matching blocks depend on argument order: fix one
        a, b = b, a
    # Matching runs never cover more words than the two bags share: a cheap bound that
    # rules out most candidates (which share only a common phrase) before difflib.
    bag = Counter(a)
    bag.subtract(b)
    unmatched = sum(n for n in bag.values() if n > 0)
    if len(a) - unmatched < _SIMILARITY * shorter:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    if common < _SIMILARITY * shorter:
        return False
    if common >= _SIMILARITY * longer:
        return True
    agree = tag_a is None or tag_b is None or tag_a == tag_b
    return shorter >= MIN_CONTAINED_WORDS and agree
