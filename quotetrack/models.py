"""The result classes: plain, frozen, slotted attrs classes with no rules and no I/O.

Every offset is a Python ``str`` index into the text the caller passed in, so for any
:class:`Span` ``s`` taken from a document ``text``: ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from quotetrack.errors import InvalidDateError, InvalidSpanError

__all__ = [
    "Document",
    "Quote",
    "QuoteKind",
    "Sentiment",
    "Span",
    "Speaker",
    "SpeakerKind",
    "parse_date",
    "sentiment_label",
]


@attrs.frozen(slots=True)
class Span:
    """A stretch of the original document: ``start``/``end`` offsets and its ``text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document: str, start: int, end: int) -> Span:
        """Cut ``document[start:end]`` into a Span, checking the offsets first."""
        if not 0 <= start <= end <= len(document):
            msg = (
                f"span ({start}, {end}) does not fit a document of {len(document)} "
                "characters; offsets must satisfy 0 <= start <= end <= len(text)"
            )
            raise InvalidSpanError(msg)
        return cls(start, end, document[start:end])

    def __len__(self) -> int:
        return self.end - self.start


class QuoteKind(enum.Enum):
    """How the words are given: verbatim, paraphrased, or paraphrased with quoted pieces."""

    DIRECT = "direct"
    """Verbatim words inside quotation marks."""
    MIXED = "mixed"
    """Reported content that carries quoted fragments; spans cover the whole content."""
    REPORTED = "reported"
    """Paraphrase without quotation marks (indirect speech, belief, intention)."""


class SpeakerKind(enum.Enum):
    """What sort of source a speaker is."""

    PERSON = "person"
    """A named or pronominal person ("Chrissy Teigen", "she", "the senator")."""
    GROUP = "group"
    """An organisation, outlet or collective ("The New York Post", "officials")."""
    ANONYMOUS = "anonymous"
    """An unnamed source ("a source", "one aide")."""


@attrs.frozen(slots=True)
class Speaker:
    """Who said it.

    ``name`` is the fullest form of the person or group in the document ("Chrissy Teigen"
    even when the cue says "she" or "Teigan"); ``mention`` is the text that attributes this
    quote ("she", "Teigan").
    """

    name: str
    mention: Span
    kind: SpeakerKind = SpeakerKind.PERSON


@attrs.frozen(slots=True)
class Sentiment:
    """VADER scores of a quote: ``compound`` in [-1, 1] and the three proportions."""

    compound: float
    positive: float
    neutral: float
    negative: float

    POSITIVE_THRESHOLD = 0.05
    """VADER's documented threshold: compound >= 0.05 is positive, <= -0.05 negative."""

    @classmethod
    def from_vader(cls, scores: Mapping[str, float]) -> Sentiment:
        """Build from VADER's ``polarity_scores`` dict (keys compound, pos, neu, neg)."""
        return cls(
            compound=float(scores["compound"]),
            positive=float(scores["pos"]),
            neutral=float(scores["neu"]),
            negative=float(scores["neg"]),
        )

    @property
    def label(self) -> str:
        """``"positive"``, ``"negative"`` or ``"neutral"`` by VADER's ±0.05 rule."""
        return sentiment_label(self.compound)


def sentiment_label(compound: float) -> str:
    """``"positive"`` for compound >= 0.05, ``"negative"`` for <= -0.05, else
    ``"neutral"``: VADER's documented rule, the one place quotetrack applies it."""
    if compound >= Sentiment.POSITIVE_THRESHOLD:
        return "positive"
    if compound <= -Sentiment.POSITIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _as_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(spans)


@attrs.frozen(slots=True)
class Quote:
    """One attributed (or unattributable) quote.

    ``spans`` are the content pieces, without quotation marks, in document order: a quote
    split around its cue (“A,” she said. “B.”) is one Quote with two spans. ``text`` is the
    content pieces joined by a single space. ``rule`` names the rule that attributed it
    (``"unattributed"`` when no speaker was found).
    """

    text: str
    spans: tuple[Span, ...] = attrs.field(converter=_as_spans)
    speaker: Speaker | None = None
    cue: Span | None = None
    kind: QuoteKind = QuoteKind.DIRECT
    addressee: Span | None = None
    sentiment: Sentiment | None = None
    rule: str = "unattributed"

    @classmethod
    def from_spans(
        cls,
        spans: tuple[Span, ...],
        *,
        speaker: Speaker | None = None,
        cue: Span | None = None,
        kind: QuoteKind = QuoteKind.DIRECT,
        addressee: Span | None = None,
        rule: str = "unattributed",
    ) -> Quote:
        """Build a quote whose ``text`` is its spans' texts joined by one space."""
        return cls(
            text=" ".join(s.text for s in spans),
            spans=spans,
            speaker=speaker,
            cue=cue,
            kind=kind,
            addressee=addressee,
            rule=rule,
        )

    @property
    def start(self) -> int:
        """Offset of the first content character."""
        return self.spans[0].start if self.spans else 0

    @property
    def end(self) -> int:
        """Offset just past the last content character."""
        return self.spans[-1].end if self.spans else 0


def parse_date(value: object, what: str = "published") -> _dt.date | None:
    """A publication date from a date, a datetime or a full ISO string ("2016-09-12",
    "2016-09-12T10:30:00"); None or an empty string give None. Anything else raises
    :class:`~quotetrack.errors.InvalidDateError` naming ``what``."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        try:
            return _dt.date.fromisoformat(stripped)
        except ValueError:
            pass
        try:
            return _dt.datetime.fromisoformat(stripped).date()
        except ValueError:
            msg = f"cannot read {what}={value!r} as a date; give an ISO date such as '2016-09-12'"
            raise InvalidDateError(msg) from None
    msg = f"{what} must be a date, datetime or ISO string, not {type(value).__name__}"
    raise InvalidDateError(msg)


def _to_date(value: object) -> _dt.date | None:
    return parse_date(value)


@attrs.frozen(slots=True)
class Document:
    """One article to analyse or track: its text and where and when it was published."""

    text: str
    doc_id: str
    published: _dt.date | None = attrs.field(default=None, converter=_to_date)
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
