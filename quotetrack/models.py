"""The result classes: plain, frozen, slotted attrs classes with no rules and no I/O.

Every offset is a Python ``str`` index into the text the caller passed in, so for any
:class:`Span` ``s`` taken from a document ``text``: ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from quotetrack.errors import InvalidDateError, InvalidSpanError

__all__ = [
    "SENTIMENT_CUTOFFS",
    "AddResult",
    "AddStatus",
    "AmbiguousName",
    "DateLike",
    "Document",
    "IngestSummary",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "Sentiment",
    "Span",
    "Speaker",
    "SpeakerCorrection",
    "SpeakerKind",
    "StoreStats",
    "TimelinePoint",
    "TrackedMention",
    "TrackedQuote",
    "TrackedSpeaker",
    "parse_date",
    "sentiment_label",
]


@attrs.frozen(slots=True, init=False)
class Span:
    """A stretch of the original document: ``start``/``end`` offsets and its ``text``."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        # What attrs writes for a frozen class, without looking up object.__setattr__
        # for each instance (a parse makes thousands of spans): each slot's own setter.
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)

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


_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__
_set_text = Span.__dict__["text"].__set__


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
    """A collective, or an organisation the parser did not tell apart ("officials",
    "Republicans")."""
    ORGANISATION = "organisation"
    """A named organisation or outlet ("The New York Post", "the FBI"): set by the
    tracker when it types the speakers it follows across articles."""
    ANONYMOUS = "anonymous"
    """An unnamed source ("a source", "one aide")."""


def _as_speakers(speakers: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return tuple(speakers)


@attrs.frozen(slots=True)
class Speaker:
    """Who said it.

    ``name`` is the fullest form of the person or group in the document ("Chrissy Teigen"
    even when the cue says "she" or "Teigan"); ``mention`` is the text that attributes this
    quote ("she", "Teigan").

    ``resolved`` tells whether ``name`` is a name: True when it was read from a name in the
    article, at ``mention`` itself or at the mention it was resolved to; False when the
    mention is a pronoun or description that could not be resolved ("she", "the mayor",
    "a spokesperson"), in which case ``name`` repeats the mention's words and must not be
    shown or counted as someone's name. ``source`` is where the name was read: the span of
    the fullest mention of the entity (for "she" → the "Chrissy Teigen" that introduced
    her), or None when unresolved.

    ``members`` are the persons of a coordinated speaker ("… say Maria Lopez and John
    Smith"): the speaker itself is the group they form (``name`` "Maria Lopez and John
    Smith", kind GROUP, ``mention`` the whole coordinated phrase, ``source`` the first
    member's), and each member is a resolved PERSON speaker with its own name, the
    mention of it inside the phrase and its ``source``. Every other speaker has none.
    The tracker credits a quote to each member as well as to the group.

    ``resolved``, ``source`` and ``members`` explain one parse; they take no part in
    equality (a speaker is its name, mention and kind). The records codec and the
    tracker's store keep them; rows written before they existed read back as resolved,
    with no source and no members.
    """

    name: str
    mention: Span
    kind: SpeakerKind = SpeakerKind.PERSON
    resolved: bool = attrs.field(default=True, eq=False)
    source: Span | None = attrs.field(default=None, eq=False)
    members: tuple[Speaker, ...] = attrs.field(default=(), eq=False, converter=_as_speakers)


SENTIMENT_CUTOFFS: Mapping[str, tuple[float, float]] = {
    "vader": (-0.05, 0.05),
    "news": (-0.2, 0.35),
    "news-target": (-0.25, 0.2),
}
"""Each sentiment model's label cut-offs ``(negative, positive)`` on ``compound``: at or
below the first is negative, at or above the second positive. VADER's are its documented
±0.05; those of the news model and of the target model (``"news-target"``, sentiment
toward a named target) were chosen by cross-validation (``tools/train_sentiment.py``;
the tests check they match the shipped models)."""


@attrs.frozen(slots=True, init=False)
class Sentiment:
    """Sentiment scores of a quote, and the model that produced them.

    ``compound`` is in [-1, 1]. For ``model="vader"`` the three proportions are VADER's
    shares of positive, neutral and negative words; for ``model="news"`` they are the
    calibrated probabilities of each class, and ``compound`` is P(positive) −
    P(negative). ``model`` defaults to ``"vader"``, which is what scores stored without a
    model name are.
    """

    compound: float
    positive: float
    neutral: float
    negative: float
    model: str = "vader"

    def __init__(
        self,
        compound: float,
        positive: float,
        neutral: float,
        negative: float,
        model: str = "vader",
    ) -> None:
        # What attrs writes for a frozen class, without looking up object.__setattr__ for
        # each instance (every quote scored makes one): each slot's own setter, as Span.
        _set_compound(self, compound)
        _set_positive(self, positive)
        _set_neutral(self, neutral)
        _set_negative(self, negative)
        _set_model(self, model)

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
            model="vader",
        )

    @property
    def label(self) -> str:
        """``"positive"``, ``"negative"`` or ``"neutral"`` by the model's own cut-offs."""
        return sentiment_label(self.compound, self.model)


_set_compound = Sentiment.__dict__["compound"].__set__
_set_positive = Sentiment.__dict__["positive"].__set__
_set_neutral = Sentiment.__dict__["neutral"].__set__
_set_negative = Sentiment.__dict__["negative"].__set__
_set_model = Sentiment.__dict__["model"].__set__


def sentiment_label(compound: float, model: str = "vader") -> str:
    """``"positive"``, ``"negative"`` or ``"neutral"`` for a ``compound`` of ``model``, by
    that model's :data:`SENTIMENT_CUTOFFS` (VADER's: >= 0.05 positive, <= -0.05
    negative): the one place quotetrack applies them. An unknown model uses VADER's."""
    negative, positive = SENTIMENT_CUTOFFS.get(model, SENTIMENT_CUTOFFS["vader"])
    if compound >= positive:
        return "positive"
    if compound <= negative:
        return "negative"
    return "neutral"


@attrs.frozen(slots=True, init=False)
class Quote:
    """One attributed (or unattributable) quote.

    ``spans`` are the content pieces, without quotation marks, in document order: a quote
    split around its cue (“A,” she said. “B.”) is one Quote with two spans. ``text`` is the
    content pieces joined by a single space. ``rule`` names the rule that attributed it
    (``"unattributed"`` when no speaker was found).
    """

    text: str
    spans: tuple[Span, ...]
    speaker: Speaker | None = None
    cue: Span | None = None
    kind: QuoteKind = QuoteKind.DIRECT
    addressee: Span | None = None
    sentiment: Sentiment | None = None
    rule: str = "unattributed"

    def __init__(
        self,
        text: str,
        spans: Iterable[Span],
        speaker: Speaker | None = None,
        cue: Span | None = None,
        kind: QuoteKind = QuoteKind.DIRECT,
        addressee: Span | None = None,
        sentiment: Sentiment | None = None,
        rule: str = "unattributed",
    ) -> None:
        # What attrs writes for a frozen class (``spans`` made a tuple), without looking
        # up object.__setattr__ for each instance: each slot's own setter, as Span.
        _set_quote_text(self, text)
        _set_spans(self, tuple(spans))
        _set_speaker(self, speaker)
        _set_cue(self, cue)
        _set_kind(self, kind)
        _set_addressee(self, addressee)
        _set_sentiment(self, sentiment)
        _set_rule(self, rule)

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
        # Made once per quote found: one span's text is taken as it is, and the fields
        # are passed in order (cheaper than a generator and keywords).
        text = spans[0].text if len(spans) == 1 else " ".join([s.text for s in spans])
        return cls(text, spans, speaker, cue, kind, addressee, None, rule)

    @property
    def start(self) -> int:
        """Offset of the first content character."""
        return self.spans[0].start if self.spans else 0

    @property
    def end(self) -> int:
        """Offset just past the last content character."""
        return self.spans[-1].end if self.spans else 0


_set_quote_text = Quote.__dict__["text"].__set__
_set_spans = Quote.__dict__["spans"].__set__
_set_speaker = Quote.__dict__["speaker"].__set__
_set_cue = Quote.__dict__["cue"].__set__
_set_kind = Quote.__dict__["kind"].__set__
_set_addressee = Quote.__dict__["addressee"].__set__
_set_sentiment = Quote.__dict__["sentiment"].__set__
_set_rule = Quote.__dict__["rule"].__set__


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
    """One article to analyse or track: its text and where and when it was published.
    ``source`` is the file it was read from (an absolute path, set by
    :func:`quotetrack.ingest.iter_documents`; None for text given directly): the tracker
    keeps it and never lets an article from one file replace another file's."""

    text: str
    doc_id: str
    published: _dt.date | None = attrs.field(default=None, converter=_to_date)
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


# --- what the tracker returns -------------------------------------------------------

AddStatus = Literal["added", "unchanged", "replaced"]
"""What :meth:`~quotetrack.tracker.Tracker.add` did with an article."""

DateLike = _dt.date | _dt.datetime | str
"""A date as the tracker's filters take it: a date, a datetime or an ISO string."""


@attrs.frozen(slots=True)
class AddResult:
    """What :meth:`~quotetrack.tracker.Tracker.add` did with one article: ``status``
    is ``"added"``, ``"unchanged"`` (same ``doc_id``, same text: nothing written) or
    ``"replaced"``; ``quotes`` is how many quotes the article has in the store.
    ``duplicate_of`` names another stored article with exactly the same text, when the
    article was just written (a syndicated copy, or the same file tracked under another
    name: its lines then count as quoted in two articles)."""

    doc_id: str
    status: AddStatus
    quotes: int
    duplicate_of: str | None = None

    @property
    def changed(self) -> bool:
        """True when the store was written to."""
        return self.status != "unchanged"


@attrs.frozen(slots=True)
class IngestSummary:
    """What :meth:`~quotetrack.tracker.Tracker.add_many` did: articles per status,
    quotes written, time."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    quotes: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        """Articles seen, whatever their status."""
        return self.added + self.replaced + self.unchanged

    @property
    def rate(self) -> float:
        """Articles seen per second."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0


@attrs.frozen(slots=True)
class StoreStats:
    """How much the store holds."""

    documents: int
    quotes: int
    speakers: int
    clusters: int
    """Clusters of quotes that span two articles or more."""


@attrs.frozen(slots=True)
class TrackedSpeaker:
    """One person or group followed across articles.

    ``aliases`` are every form seen for them, most frequent first: the in-article full
    names and the name-like mentions ("Mrs. Clinton"). ``mean_compound`` is the mean
    VADER compound of their scored quotes; ``first_seen``/``last_seen`` are publication
    dates (None when no article of theirs is dated within
    :data:`~quotetrack.periods.PLAUSIBLE_DATES`: a placeholder such as 9999-12-31 is left
    out).
    """

    id: int
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...]
    quotes: int
    articles: int
    mean_compound: float | None
    first_seen: _dt.date | None
    last_seen: _dt.date | None
    person_id: str | None = None
    """The id a people registry gives this speaker (e.g. a Wikidata QID), if linked."""


@attrs.frozen(slots=True)
class SpeakerCorrection:
    """A hand correction kept in a store: ``action`` ``"merge"`` (the speaker keyed ``a``
    absorbs the one keyed ``b``) or ``"split"`` (the in-article name ``a``, of kind
    ``b``, is a speaker of its own); ``made`` is when (UTC, ISO 8601)."""

    id: int
    action: str
    a: str
    b: str
    made: str


@attrs.frozen(slots=True)
class AmbiguousName:
    """A bare name an article quotes that could mean several speakers (their keys in
    ``candidates``), so it was linked to none."""

    name: str
    doc_id: str
    candidates: tuple[str, ...]
    quotes: int


@attrs.frozen(slots=True)
class TrackedQuote:
    """A stored quote: the in-article :class:`Quote` exactly as it was
    added, where it was published, and who said it across articles (``speaker`` is the
    global speaker's name, None when no one can be followed)."""

    id: int
    doc_id: str
    position: int
    quote: Quote
    speaker_id: int | None
    speaker: str | None
    cluster_id: int
    published: _dt.date | None
    outlet: str | None
    url: str | None
    title: str | None
    person_id: str | None = None
    """The people registry's id of the speaker (e.g. a Wikidata QID), if linked."""

    @property
    def text(self) -> str:
        """The quote's text."""
        return self.quote.text


@attrs.frozen(slots=True)
class TrackedMention:
    """How one speaker talks about one person or organisation, over the stored quotes:
    a row of :meth:`quotetrack.tracker.Tracker.mentions`.

    ``target`` is the tracked speaker the mentioned name belongs to (its display name,
    and its id in ``target_id``) when the store knows that name as a speaker's, else the
    name as most often written (``target_id`` None). ``quotes`` counts the speaker's
    quotes that mention the target, ``mentions`` the mentions in them (a quote may name
    it twice); ``mean_compound`` is the mean sentiment toward the target over those
    mentions (the ``"news-target"`` model, see :func:`quotetrack.sentiment.targets`), and
    :attr:`label` reads it with that model's cut-offs. ``first_seen``/``last_seen`` are
    publication dates, as for :class:`TrackedSpeaker`.
    """

    speaker_id: int
    speaker: str
    target: str
    target_id: int | None
    quotes: int
    mentions: int
    mean_compound: float
    first_seen: _dt.date | None
    last_seen: _dt.date | None

    @property
    def label(self) -> str:
        """``"positive"``, ``"negative"`` or ``"neutral"``: :attr:`mean_compound` by the
        target model's cut-offs."""
        return sentiment_label(self.mean_compound, "news-target")


@attrs.frozen(slots=True)
class TimelinePoint:
    """One period of a speaker's timeline: how many quotes, and their mean compound
    (None when the period has no scored quote)."""

    period: str
    """``2016-09-12`` (day), ``2016-W37`` (ISO week) or ``2016-09`` (month)."""
    start: _dt.date
    quotes: int
    mean_compound: float | None


@attrs.frozen(slots=True)
class QuoteCluster:
    """One line quoted in several places (wire copy, reprints, shortened or lightly
    edited versions): the MemeTracker/Quotebank idea.

    ``quotation`` is the most frequent wording (then the longest); ``occurrences``
    counts every stored quote in the cluster; ``doc_ids`` are the articles in order of
    publication; ``speakers`` counts who each occurrence was attributed to (None for
    unattributed ones), most frequent first.
    """

    id: int
    quotation: str
    occurrences: int
    doc_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    urls: tuple[str, ...]
    first_seen: _dt.date | None
    last_seen: _dt.date | None
    speakers: tuple[tuple[str | None, int], ...]
    qids: tuple[str, ...] = ()
    """The people registry's id of :attr:`speaker`, if linked (Quotebank's ``qids``)."""

    @property
    def articles(self) -> int:
        """How many articles carry the line."""
        return len(self.doc_ids)

    @property
    def speaker(self) -> str | None:
        """The speaker most occurrences are attributed to."""
        return self.speakers[0][0] if self.speakers else None
