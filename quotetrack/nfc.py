"""Parsing in Unicode NFC with offsets into the text as given.

"José" typed as ``Jose`` + U+0301 (decomposed, as some macOS tools and PDFs write it)
and as ``Jos\u00e9`` (precomposed) are the same name, but the rules read letters one code
point at a time: the decomposed form split names and lost quotes. :func:`parse_nfc`
runs the parser on the NFC form of a text and maps every span back, so offsets and span
texts point into the original text exactly (``text[s.start:s.end] == s.text``).

Text already in NFC (almost all text) is parsed as it is, at no cost. Otherwise only
the words around the characters that can make a text non-NFC (combining marks, and the
few characters NFC changes or composes with the one before) are looked at: one regular
expression search finds them, so the rest of the text costs no Python work and no
memory beyond its NFC copy. Those words are cut into pieces that normalise
independently (at each starter character), and each boundary of a piece maps to itself;
a span boundary inside a piece that composed (which would split a letter from its
accent) widens to the whole piece. The map holds one entry per piece NFC changed.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

import attrs

from quotetrack.models import Quote, Span, Speaker

__all__ = ["OffsetMap", "normalize", "parse_nfc", "quote_in_nfc", "span_back"]

# A word: no whitespace but EN QUAD and EM QUAD, the two whitespace characters NFC
# changes (into EN SPACE and EM SPACE). Any other whitespace is a starter that composes
# with nothing, so the text either side of it normalises independently.
_WORD = re.compile(r"[\S\u2000\u2001]+")


def unstable_code_points() -> set[int]:
    """The code points of the Basic Multilingual Plane that can make a text non-NFC (NFC
    quick check other than Yes, or a combining class other than 0, whose order NFC
    fixes): combining marks, characters NFC changes, and characters that compose with
    the one before them (second halves of canonical compositions; Hangul vowel and final
    jamo). A text with none of them and nothing beyond the BMP is NFC."""
    found: set[int] = {*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)}  # Hangul V, T
    for cp in range(0x10000):
        ch = chr(cp)
        if unicodedata.combining(ch):
            found.add(cp)
            continue
        decomposition = unicodedata.decomposition(ch)
        if not decomposition or decomposition.startswith("<"):  # none, or compatibility
            continue
        if unicodedata.normalize("NFC", ch) != ch:
            found.add(cp)
        elif len(parts := decomposition.split()) == 2:
            found.add(int(parts[1], 16))
    return found


@functools.cache
def _unstable() -> re.Pattern[str]:
    """A search for any of :func:`unstable_code_points` or any character beyond the BMP
    (rare in news, and one range keeps the search at C speed; built when first needed)."""
    runs: list[list[int]] = []
    for cp in sorted(unstable_code_points()):
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    bmp = "".join(f"{chr(a)}-{chr(b)}" for a, b in runs)
    return re.compile(f"[{bmp}\U00010000-\U0010ffff]")


def _stretches(text: str) -> Iterator[tuple[int, int]]:
    """In order, without overlap: ``(start, end)`` from the space or newline before to
    the one after (or the text's ends) each character that can make ``text`` non-NFC.
    Every search is bounded by the last stretch or the next space, so the cost is linear
    however the characters fall."""
    done = 0
    search = _unstable().search
    while (found := search(text, done)) is not None:
        hit = found.start()
        start = max(done, text.rfind(" ", done, hit) + 1, text.rfind("\n", done, hit) + 1)
        end = text.find(" ", hit)
        end = len(text) if end < 0 else end
        newline = text.find("\n", hit, end)
        done = end if newline < 0 else newline
        yield start, done


@attrs.frozen(slots=True)
class OffsetMap:
    """Where the NFC form of a text and the text itself line up. Each piece that NFC
    changed is ``(nfc_start, nfc_end, start, end)``; between changed pieces both texts
    are the same characters, at offsets that differ by a constant."""

    nfc_starts: list[int]
    nfc_ends: list[int]
    starts: list[int]
    ends: list[int]

    def _locate(self, offset: int) -> tuple[int, int]:
        """The last changed piece starting at or before NFC ``offset`` (-1 when none),
        and the original offset when ``offset`` lies outside every changed piece."""
        i = bisect.bisect_right(self.nfc_starts, offset) - 1
        if i < 0:
            return i, offset
        return i, self.ends[i] + offset - self.nfc_ends[i]

    def inverted(self) -> OffsetMap:
        """The map the other way, from the original text to its NFC form."""
        return OffsetMap(self.starts, self.ends, self.nfc_starts, self.nfc_ends)

    def start(self, offset: int) -> int:
        """An NFC start offset in the original text (inside a changed piece: its start)."""
        i, mapped = self._locate(offset)
        if i >= 0 and offset < self.nfc_ends[i]:
            return self.starts[i]
        return mapped

    def end(self, offset: int) -> int:
        """An NFC end offset in the original text (inside a changed piece: its end)."""
        i, mapped = self._locate(offset)
        if i >= 0 and offset == self.nfc_starts[i]:
            return self.starts[i]
        if i >= 0 and offset < self.nfc_ends[i]:
            return self.ends[i]
        return mapped


def _pieces(chunk: str) -> list[str]:
    """``chunk`` cut before each starter, when the cut normalises to the same text (it
    does not for the rare starters that compose with each other, such as Hangul jamo)."""
    cuts = [i for i, ch in enumerate(chunk) if i and unicodedata.combining(ch) == 0]
    pieces = [chunk[a:b] for a, b in zip([0, *cuts], [*cuts, len(chunk)], strict=True)]
    whole = unicodedata.normalize("NFC", chunk)
    if "".join(unicodedata.normalize("NFC", p) for p in pieces) == whole:
        return pieces
    return [chunk]


def normalize(text: str) -> tuple[str, OffsetMap]:
    """The NFC form of ``text`` and the map between them. Only the words around the
    characters that can change are looked at (see :func:`unstable_code_points`), so the
    cost is one regular expression search plus a little per such word."""
    out: list[str] = []
    where = OffsetMap([], [], [], [])
    done = 0  # text[:done] is in out
    n = 0  # len("".join(out))
    words = (m for start, end in _stretches(text) for m in _WORD.finditer(text, start, end))
    for m in words:
        chunk = m.group()
        if unicodedata.is_normalized("NFC", chunk):
            continue
        between = text[done : m.start()]
        out.append(between)
        n += len(between)
        o = m.start()
        for piece in _pieces(chunk):
            composed = unicodedata.normalize("NFC", piece)
            if composed != piece:
                where.nfc_starts.append(n)
                where.nfc_ends.append(n + len(composed))
                where.starts.append(o)
                where.ends.append(o + len(piece))
            out.append(composed)
            n += len(composed)
            o += len(piece)
        done = m.end()
    out.append(text[done:])
    return "".join(out), where


def span_back(text: str, where: OffsetMap, span: Span) -> Span:
    """``span`` of the NFC form, as a span of ``text`` (``where`` from :func:`normalize`;
    with :meth:`OffsetMap.inverted` it moves a span of the original into the NFC form)."""
    start, end = where.start(span.start), where.end(span.end)
    return Span(start, end, text[start:end])


def _speaker(text: str, where: OffsetMap, speaker: Speaker) -> Speaker:
    """``speaker`` with every span it holds mapped back: its mention, its source and
    those of the persons of a coordinated speaker."""
    return attrs.evolve(
        speaker,
        mention=span_back(text, where, speaker.mention),
        source=None if speaker.source is None else span_back(text, where, speaker.source),
        members=tuple(_speaker(text, where, m) for m in speaker.members),
    )


def _quote(text: str, where: OffsetMap, quote: Quote) -> Quote:
    spans = tuple(span_back(text, where, s) for s in quote.spans)
    joined = quote.text == " ".join(s.text for s in quote.spans)
    speaker = quote.speaker
    return attrs.evolve(
        quote,
        text=" ".join(s.text for s in spans) if joined else quote.text,
        spans=spans,
        speaker=None if speaker is None else _speaker(text, where, speaker),
        cue=None if quote.cue is None else span_back(text, where, quote.cue),
        addressee=None if quote.addressee is None else span_back(text, where, quote.addressee),
    )


def quote_in_nfc(normal: str, where: OffsetMap, quote: Quote) -> Quote:
    """``quote`` of the original text, its spans moved into its NFC form ``normal``."""
    return _quote(normal, where.inverted(), quote)


def parse_nfc(text: str, parse: Callable[[str], tuple[Quote, ...]]) -> tuple[Quote, ...]:
    """``parse`` run on the NFC form of ``text``, every span mapped back into ``text``.
    Speaker names stay in NFC, the form in which the same name always compares equal."""
    if unicodedata.is_normalized("NFC", text):
        return parse(text)
    normal, where = normalize(text)
    return tuple(_quote(text, where, q) for q in parse(normal))
