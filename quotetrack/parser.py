"""QuoteParser: wires the stages from text to attributed quotes.

text → paragraphs/sentences → quotation marks → quotes → cues and mentions → attribution.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import Final

import attrs

from quotetrack.attribution import Match, cue_pattern, match_head, match_tail, sentence_subject
from quotetrack.coreference import Coreference
from quotetrack.errors import ConfigurationError, check_text
from quotetrack.kinds import EntityKind, is_leading_word, without_legal_suffix
from quotetrack.lexicon import (
    CUE_VERBS,
    GROUP_PRONOUNS,
    PRONOUN_GENDER,
    SPEAKER_PRONOUNS,
    source_noun_kind,
)
from quotetrack.marks import Quoted, QuoteGroup, find_quoted, iter_groups
from quotetrack.mentions import Entity, EntityIndex, NameMention
from quotetrack.models import Quote, QuoteKind, Span, Speaker, SpeakerKind
from quotetrack.name_runs import is_plural_title
from quotetrack.nfc import parse_nfc
from quotetrack.reported import find_reported
from quotetrack.reported.merge import join_direct
from quotetrack.segments import paragraphs, sentences
from quotetrack.source_phrases import antecedent_phrase, clause_subject

__all__ = ["QuoteParser", "parse"]

_ANONYMOUS_HEADS = frozenset({"source", "sources", "aide", "aides", "insider", "insiders"})
_MIN_UNATTRIBUTED_WORDS = 6
_VERB_AFTER = re.compile(r"[ \t]+(?:also[ \t]+|later[ \t]+)?([a-z]+)")
# Words before a name in a speaker phrase that show the phrase is someone else ("advisers
# to Mr. Orr", "people close to Orr", "critics like Orr", "told Orr"), not a role of hers.
_NOT_THE_NAMED = frozenset(
    """
    of for to with from like about at in on close near than as unlike whereas told said saw
    sent asked including against behind beside
    """.split()
)
_HEAD_WINDOW = 400  # characters read before an opening mark (keeps cost linear)
_TAIL_WINDOW = 250  # characters read after a closing mark
_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts
_WORDY = re.compile(r"[^\s.,;:!?)\u2014\u2013\u2015\-\"\u201d\u2019']")
# Marks in the words before a quoted fragment that show they are not one clause with it.
_LEAD_BREAKS = frozenset(':\u201c\u201d"\u2014')
_EXPLETIVES = frozenset("it there this that these those".split())
# The narrator outside quotes ("I’m talking about …", "We met him …"): never the speaker of
# a quote that nothing attributes.
_NARRATOR = frozenset("i i’m i'm we we’re we're".split())
# An all-capitals speaker label opening a quote ("WALLACE: …", "Q: …"), not a kicker.
_QUOTE_LABEL = re.compile(r"([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,2}):[ \t]+\S")
_NOT_QUOTE_LABELS = frozenset("update note editor correction breaking watch".split())
_STRONG_HEADS = frozenset({"head-speaker-cue", "head-colon", "head-according", "head-cue-speaker"})
# Enum members as module constants (see quotetrack.entities: a member read from its
# class costs several times a global on CPython 3.11), read for every quote.
_ORGANISATION = EntityKind.ORGANISATION
_DIRECT = QuoteKind.DIRECT


def _cue_words(value: Iterable[str] | str) -> tuple[str, ...]:
    """Checked, lowercased extra cue verbs; a single str is one verb, not its letters,
    and bytes or a non-iterable are refused (not read as numbers)."""
    given: object = value
    if isinstance(given, (bytes, bytearray, memoryview)) or not isinstance(given, Iterable):
        msg = f"cue_verbs must be a verb (str) or an iterable of verbs, not {type(given).__name__}"
        raise ConfigurationError(msg)
    verbs: list[str] = []
    for verb in (given,) if isinstance(given, str) else given:
        if not isinstance(verb, str) or not verb.strip() or " " in verb.strip():
            msg = f"cue verbs must be single non-empty words, got {verb!r}"
            raise ConfigurationError(msg)
        verbs.append(verb.strip().lower())
    return tuple(verbs)


def _flag(name: str) -> Callable[[object, attrs.Attribute[bool], object], None]:
    def check(_: object, __: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            msg = f"{name} must be True or False, not {value!r}"
            raise ConfigurationError(msg)

    return check


_THEY: Final = frozenset({"they", "They"})


@attrs.frozen(slots=True)
class QuoteParser:
    """Extract attributed quotes from text; an immutable configuration with one verb.

    ``cue_verbs`` adds reporting verbs (any inflected form, e.g. ``("opined", "griped")``;
    a single str such as ``"griped"`` is one verb)
    to the lexicon of the direct-quote rules (“…,” Smith griped.); reported speech keeps
    its own, measured cue list. ``keep_unattributed`` keeps sentence-like quotes no rule could
    attribute (``speaker=None``); short unattributed ones (scare quotes, titles,
    nicknames) are always dropped. ``reported=False`` stops after direct quotes (no
    reported or mixed speech).
    """

    cue_verbs: tuple[str, ...] = attrs.field(default=(), converter=_cue_words, kw_only=True)
    keep_unattributed: bool = attrs.field(
        default=True, validator=_flag("keep_unattributed"), kw_only=True
    )
    reported: bool = attrs.field(default=True, validator=_flag("reported"), kw_only=True)
    cue_table: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)
    """The cue forms (form -> lemma) the direct-quote rules read: the lexicon's
    ``CUE_VERBS`` and ``cue_verbs``; passed to every rule call of a parse."""

    @cue_table.default
    def _all_cues(self) -> Mapping[str, str]:
        return {**{v: v for v in self.cue_verbs}, **CUE_VERBS}

    cue_finder: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    """:func:`~quotetrack.attribution.cue_pattern` of ``cue_table``: lets the head and
    tail rules skip a window that holds no cue word."""

    @cue_finder.default
    def _cue_finder(self) -> re.Pattern[str]:
        return cue_pattern(self.cue_table)

    def parse(self, text: str) -> tuple[Quote, ...]:
        """Every quote in ``text``, in document order (read in Unicode NFC, offsets
        into ``text`` as given)."""
        with collection_paused():
            return parse_nfc(check_text(text), lambda nfc: _Document(nfc, self).quotes())


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a parse (or a parse and its scoring),
    then restarted: left alone when it was already off.

    A parse makes no reference cycles (``tests/test_parser.py`` checks it on dense and
    normal text), so a collection during it frees nothing: it walks every object the
    parse holds, and a text of many short quotes holds many (``"Yes," Smith said.``
    repeated spent a quarter of its parse in collections). Plain reference counting still
    frees everything at once. Another thread's cycles wait for the parse to end.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class _Document:
    """The working state of one parse."""

    def __init__(self, text: str, config: QuoteParser) -> None:
        self.text = text
        self.config = config
        self.cues = config.cue_table
        self.finder = config.cue_finder
        self.paras = paragraphs(text)
        self._para_starts = [p.start for p in self.paras]
        self.sents = [sentences(text, p) for p in self.paras]
        per_para = [find_quoted(text, p) for p in self.paras]
        # Made as the direct pass reaches them (see _direct), not all held at once.
        self.groups = iter_groups(self.paras, per_para)
        quoted = [(q.content.start, q.content.end) for qs in per_para for q in qs]
        self.entities = EntityIndex(text, quoted)
        self._sent_starts = [s.start for ss in self.sents for s in ss]
        self._sent_list = [s for ss in self.sents for s in ss]
        self.coreference = Coreference(text, self.entities, self._sent_starts)

    def _para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def _sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self._sent_starts, pos) - 1

    def _sentence_start(self, pos: int) -> int:
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        return self._sent_starts[k] if k >= 0 else 0

    def _sentence_end(self, pos: int) -> int:
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        return self._sent_list[k].end if k >= 0 else len(self.text)

    # -- attribution ---------------------------------------------------------------
    def _last_para(self, g: QuoteGroup) -> Span:
        """The paragraph of a group's last stretch (a group's stretches stand in
        consecutive paragraphs, see :func:`quotetrack.marks.chain_paragraphs`)."""
        return self.paras[g.para + len(g.stretches) - 1]

    def _tail(self, g: QuoteGroup, nxt: QuoteGroup | None) -> Match | None:
        last = g.stretches[-1]
        if last.close is None:
            return None
        stop = self._last_para(g).end
        if nxt is not None and nxt.stretches[0].start < stop:
            stop = nxt.stretches[0].start
        stop = min(stop, last.end + _TAIL_WINDOW)
        content = last.content.text
        last_char = content[-1] if content else ","
        return match_tail(self.text, last.end, stop, last_char, self.cues, finder=self.finder)

    def _head(self, g: QuoteGroup, prev_end: int) -> Match | None:
        first = g.stretches[0].start
        para = self.paras[g.para]
        if first > para.start and (
            prev_end == first or (first - prev_end < 8 and self.text[prev_end:first].isspace())
        ):
            return None  # only spaces since the previous quote: no words to read
        start = max(self._sentence_start(first), prev_end, para.start)
        start = max(start, first - _HEAD_WINDOW)
        if first <= para.start and g.para > 0:
            # From Teigen:  (newline)  “…”
            prev = self.paras[g.para - 1]
            if self.text[prev.end - 1] == ":":
                head_start = max(self._sentence_start(prev.end - 1), prev.end - _HEAD_WINDOW)
                return match_head(self.text, head_start, prev.end, self.cues, finder=self.finder)
            return None
        return match_head(self.text, start, first, self.cues, finder=self.finder)

    def _runs_to_sentence_end(self, g: QuoteGroup) -> bool:
        """True when nothing but punctuation follows the quote in its sentence."""
        last = g.stretches[-1]
        if last.close is None:
            return True
        end = self._sentence_end(last.close)
        if end < last.end:
            end = self._last_para(g).end
        # Only the first character that is not punctuation matters: linear in the gap.
        return _WORDY.search(self.text, last.end, end) is None

    def _attribute(self, g: QuoteGroup, tail: Match | None, prev_end: int) -> Match | None:
        """The best attribution of one group from its tail (``self._tail``), then its
        head."""
        content = g.stretches[-1].content.text
        if tail is not None and tail.rule != "tail-dash" and content[-1:] not in (".", "?", "!"):
            return tail  # no head can win over it (see below): it is not read
        head = self._head(g, prev_end)
        if (
            head is not None
            and tail is not None
            and head.rule in _STRONG_HEADS
            and content[-1:] in (".", "?", "!")
        ):
            # Brafman said, “… sentence.” The next sentence: the head attributes it.
            return head
        if tail is not None and tail.rule != "tail-dash":
            return tail
        if head is not None and self._runs_to_sentence_end(g):
            return head
        return tail or self._quote_label(g)

    def _quote_label(self, g: QuoteGroup) -> Match | None:
        """“WALLACE: Let's start …”: a transcript's speaker label opening the quote."""
        content = g.stretches[0].content
        m = _QUOTE_LABEL.match(self.text, content.start, content.end)
        if m is None or m.group(1).lower() in _NOT_QUOTE_LABELS:
            return None
        label = Span(m.start(1), m.end(1), m.group(1))
        return Match(label, None, None, "quote-label", label.end)

    def _fallback(self, g: QuoteGroup) -> Match | None:
        """A best guess for a quote no rule attributed: the subject of its sentence, or of
        the sentence before it in the paragraph."""
        first = g.stretches[0]
        sent_start = self._sentence_start(first.start)
        para = self.paras[g.para]
        if sent_start < first.start:
            found = sentence_subject(
                self.text, sent_start, min(first.start, sent_start + _HEAD_WINDOW), self.cues
            )
            if found is not None:
                return found
        if sent_start > para.start:
            prev_start = max(
                self._sentence_start(sent_start - 1), para.start, sent_start - _HEAD_WINDOW
            )
            # "…, Schiff said. “…”": a cue and its subject in the sentence before.
            end = sent_start
            while end > prev_start and self.text[end - 1] in " .\t":
                end -= 1
            found = match_head(self.text, prev_start, end, self.cues, finder=self.finder)
            if found is not None and found.rule not in ("head-participle", "head-colon"):
                return attrs.evolve(found, rule="previous-sentence")
            return sentence_subject(self.text, prev_start, sent_start, self.cues)
        if g.para > 0 and first.start <= para.start:
            # "Sanders made the following comment:" (newline) “…”
            prev = self.paras[g.para - 1]
            prev_start = self._sentence_start(prev.end - 1)
            found = sentence_subject(
                self.text, prev_start, min(prev.end, prev_start + _HEAD_WINDOW), self.cues
            )
            if self.text[prev.end - 1] == ":":
                return found
            if (
                found is not None
                and found.speaker.text.lower() not in _NARRATOR
                and not self.entities.inside_quote(found.speaker.start)
                and self._speaks(found.speaker.end)
            ):
                # "Matlow said he thinks …" (newline) “…”: the paragraph continues him
                return attrs.evolve(found, rule="previous-sentence")
        return None

    def _speaks(self, end: int) -> bool:
        """True when a cue verb follows the subject that ends at ``end`` ("Matlow said")."""
        after = _VERB_AFTER.match(self.text, end)
        return after is not None and after.group(1) in self.cues

    def _nearest_mention(self, g: QuoteGroup) -> Span | None:
        """The last person named before the quote, in its paragraph or the one before,
        outside quoted text: a weak guess for a quote nothing else attributes."""
        first = g.stretches[0]
        lo = self.paras[max(0, g.para - 1)].start
        mentions = self.entities.mentions
        k = bisect.bisect_left(self.entities.positions, first.start) - 1
        while k >= 0 and mentions[k].span.start >= lo:
            span = mentions[k].span
            if not self.entities.inside_quote(span.start):
                return span
            k -= 1
        return None

    def _clause_subject(self, g: QuoteGroup) -> Span | None:
        """The subject of the quote's sentence, of any kind ("The piece used …: “…”"), or of
        the sentence before it: the last guess for a quote nothing else attributes."""
        first = g.stretches[0]
        start = self._sentence_start(first.start)
        found = None
        if start < first.start:
            found = clause_subject(self.text, start, first.start)
        if found is None and start > self.paras[g.para].start:
            found = clause_subject(self.text, self._sentence_start(start - 1), start)
        if found is not None and (
            found.text.lower() in _EXPLETIVES or found.text.lower() in _NARRATOR
        ):
            return None  # "It was a long day.", "I’m talking about …": no one
        return found

    def quotes(self) -> tuple[Quote, ...]:
        """Direct quotes, then reported and mixed speech around them, in document order."""
        direct = self._direct()
        found = self._with_reported(direct) if self.config.reported else direct
        return self._they_continue(found)

    def _they_continue(self, found: tuple[Quote, ...]) -> tuple[Quote, ...]:
        """A "they" that nothing resolved continues the named group that spoke last, in
        its sentence or the one before: "Republican senators said …. They said …", "“…,”
        said Lee and Park. They added …". Only a resolved group speaker is continued (a
        description such as "several executives" is no name), and only from the sentence
        before: further back, another subject may have come between."""
        out: list[Quote] | None = None
        prev: Quote | None = None
        for i, q in enumerate(found):
            speaker = q.speaker
            if speaker is None:
                continue
            if (
                not speaker.resolved
                and speaker.mention.text in _THEY
                and prev is not None
                and prev.speaker is not None
                and prev.speaker.resolved
                and prev.speaker.kind is SpeakerKind.GROUP
                and self._sentence_of(max(prev.end, prev.speaker.mention.end))
                >= self._sentence_of(speaker.mention.start) - 1
            ):
                group = prev.speaker
                speaker = Speaker(
                    group.name,
                    speaker.mention,
                    group.kind,
                    source=group.source,
                    members=group.members,
                )
                if out is None:
                    out = list(found)
                out[i] = attrs.evolve(q, speaker=speaker)
            prev = q if out is None else out[i]
        return found if out is None else tuple(out)

    def _with_reported(self, direct: tuple[Quote, ...]) -> tuple[Quote, ...]:
        """Add reported and mixed speech, joined to the direct quotes without overlaps
        (:func:`quotetrack.reported.merge.join_direct`), each speaker resolved."""
        taken = [(s.start, s.end) for q in direct for s in q.spans]
        kept, chosen = join_direct(
            self.text, direct, find_reported(self.text, self._sent_list, taken)
        )
        out = list(kept)
        for item in chosen:
            speaker: Speaker | None = None
            if item.speaker is not None:
                speaker, _ = self._speaker(item.speaker, None)
            out.append(
                Quote.from_spans(
                    item.content,
                    speaker=speaker,
                    cue=item.cue,
                    kind=QuoteKind.MIXED if item.mixed else QuoteKind.REPORTED,
                    addressee=item.addressee,
                    rule="reported:" + item.rule,
                )
            )
        out.sort(key=lambda q: q.start)
        return tuple(out)

    def _direct(self) -> tuple[Quote, ...]:
        out: list[Quote] = []
        groups = self.groups
        window = list(islice(groups, 3))  # the groups i, i + 1 and i + 2, as far as there are
        prev_end = 0
        last_entity: Entity | None = None
        last_speaker: Speaker | None = None
        last_para = -2
        i = 0
        # The tail of the next group, when read ahead to join it to this one: the same
        # reading its own turn would make (each tail is read once).
        ahead: tuple[int, Match | None] = (-1, None)
        while window:
            g = window[0]
            nxt = window[1] if len(window) > 1 else None
            stretches = g.stretches
            tail = ahead[1] if ahead[0] == i else self._tail(g, nxt)
            match = self._attribute(g, tail, prev_end)
            consumed = i + 1
            # “A,” she said. “B.” -> one quote with two spans.
            if match is not None and match.rule.startswith("tail") and nxt is not None:
                gap = self.text[match.end : nxt.stretches[0].start]
                if nxt.para == g.para and gap.strip() in ("", ".", ",", ";", ":"):
                    after = window[2] if len(window) > 2 else None
                    ahead = (i + 1, self._tail(nxt, after))
                    if ahead[1] is None:
                        stretches = stretches + nxt.stretches
                        consumed = i + 2
            speaker: Speaker | None = None
            rule = "unattributed"
            if match is not None and match.rule == "head-participle" and match.speaker == match.cue:
                # “…,” he said, adding, “…”: the subject of the clause before the participle.
                guess = self._fallback(g)
                if guess is not None:
                    speaker, _ = self._speaker(guess.speaker, last_entity)
                    rule = match.rule
                elif last_speaker is not None and last_para >= g.para - 1:
                    speaker, rule = last_speaker, match.rule
            elif match is not None:
                speaker, entity = self._speaker(match.speaker, last_entity)
                rule = match.rule
                if entity is not None:
                    last_entity = entity
            elif last_speaker is not None and last_para == g.para and out:
                # A later quote in the paragraph of an attributed one: the same quote
                # resumed after its attribution ("“A,” said X, doing Y. “B.”").
                prev = out[-1]
                spans = prev.spans + tuple(q.content for q in stretches)
                out[-1] = Quote.from_spans(
                    spans,
                    speaker=prev.speaker,
                    cue=prev.cue,
                    kind=prev.kind,
                    addressee=prev.addressee,
                    rule=prev.rule,
                )
                prev_end = stretches[-1].end
                del window[: consumed - i]
                window += islice(groups, consumed - i)
                i = consumed
                continue
            elif (
                last_speaker is not None
                and last_para == g.para - 1
                and g.stretches[0].start == self.paras[g.para].start
            ):
                # A paragraph that only continues the previous speaker's quote.
                speaker, rule = last_speaker, "continuation"
            spans = (
                (stretches[0].content,)
                if len(stretches) == 1
                else tuple(q.content for q in stretches)
            )
            keep = speaker is not None or (
                self.config.keep_unattributed
                and _word_count(spans) >= _MIN_UNATTRIBUTED_WORDS
                and self._runs_to_sentence_end(g)
            )
            if keep and speaker is None:
                guess = self._fallback(g)
                if guess is not None:
                    speaker, entity = self._speaker(guess.speaker, last_entity)
                    rule = guess.rule
                else:
                    near, rule = self._clause_subject(g), "clause-subject"
                    if near is None:
                        near, rule = self._nearest_mention(g), "nearest-mention"
                    if near is not None:
                        speaker, _ = self._speaker(near, last_entity)
                    else:
                        rule = "unattributed"
            kind = _DIRECT
            if keep and match is not None and speaker is not None and rule == match.rule:
                widened = self._fragment_clause(match, stretches)
                if widened is not None:
                    spans, kind = widened, QuoteKind.MIXED
            if keep:
                out.append(
                    Quote.from_spans(
                        spans,
                        speaker=speaker,
                        cue=match.cue if match and speaker else None,
                        kind=kind,
                        addressee=match.addressee if match and speaker else None,
                        rule=rule,
                    )
                )
                if speaker is not None:
                    last_speaker = speaker
                    last_para = self._para_of(stretches[-1].start)
            prev_end = stretches[-1].end
            del window[: consumed - i]
            window += islice(groups, consumed - i)
            i = consumed
        return tuple(out)

    def _fragment_clause(
        self, match: Match, stretches: tuple[Quoted, ...]
    ) -> tuple[Span, ...] | None:
        """A quoted fragment that closes a clause of its own sentence is a mixed quote
        covering the clause: ``He said the deal was a “disaster.”`` (from after the head
        cue) and ``The deal was “a disaster,” he said.`` (from the sentence start)."""
        first = stretches[0]
        if match.cue is None:
            return None
        if match.rule.startswith("tail"):
            start = self._sentence_start(first.start)
            if start == first.start:
                return None  # the quote opens its sentence: no words lead to it
            lead = self.text[start : first.start]
            if not _LEAD_BREAKS.isdisjoint(lead):
                return None  # "Trump said: “…”", "“A” and “B,” he said": not one clause
        elif match.rule == "head-sentence-cue" and len(stretches) == 1:
            before = self.text[match.cue.end : first.start].rstrip()
            if before.endswith((",", ":")) and first.content.text[:1].isupper():
                return None  # "who joked of the museum, “I haven't …”": a sentence, quoted
            start = match.cue.end
            while start < first.start and (self.text[start].isspace() or self.text[start] in ",:"):
                start += 1
            lead = self.text[start : first.start]
            if not _LEAD_BREAKS.isdisjoint(lead) or "\n" in lead:
                return None  # "said, “No comment,” and then added:\n“…”": not one clause
            if lead.split()[:1] == ["that"]:
                lead = lead[4:]
        else:
            return None
        if _ALNUM.search(lead) is None:  # no letter or digit
            return None
        head = Span(start, first.end, self.text[start : first.end])
        return (head, *(q.content for q in stretches[1:]))

    def _speaker(self, mention: Span, last: Entity | None) -> tuple[Speaker, Entity | None]:
        """Resolve a speaker phrase to the fullest name of what it refers to (see
        docs/explanation.md, "Who a speaker is"): a relative "who" to the name before it, a
        pronoun or description through :class:`Coreference`, a name to its entity; what
        cannot be resolved keeps its own words with ``resolved=False``."""
        whole = self.entities.body_around(mention.start, mention.end)
        if whole is not None:  # "The Department of Justice said": the body, whole
            start, end = min(mention.start, whole.start), max(mention.end, whole.end)
            span = Span(start, end, self.text[start:end])
            ent = self.entities.person_from(whole.start)
            if ent is not None:  # "Jane Smith of Bank of America said"
                return _named(ent, span), ent
            ent = self.entities.named_after(end)
            if ent is not None and ent.is_person:  # "… of the FBI, James Comey, said"
                return _named(ent, mention), ent
            return _named(whole.entity, span), whole.entity
        words = mention.text.split()
        low = mention.text.lower()
        if low == "who":
            ent = self.entities.antecedent(mention.start)
            if ent is not None:
                return _named(ent, mention), ent
            phrase = antecedent_phrase(self.text, mention.start)
            if phrase is not None:  # "voters who said …": named by the phrase
                return _unnamed(phrase.text, mention, _kind_of(phrase.text.split())), None
        if low in SPEAKER_PRONOUNS:
            if low in GROUP_PRONOUNS:
                body = self.coreference.body(mention.start) if low == "it" else None
                if body is not None:  # "“…,” it said": the organisation in view
                    return _named(body, mention), body
                return _unnamed(mention.text, mention, SpeakerKind.GROUP), None
            ent = self.coreference.pronoun(low, mention.start)
            if ent is None and last is not None and last.is_person:
                ent = last if PRONOUN_GENDER.get(low) in (last.gender, None) else None
            if ent is not None:
                return _named(ent, mention), ent
            return _unnamed(mention.text, mention, SpeakerKind.PERSON), None
        if words and words[0][0].isupper():
            ent = self.entities.resolve_name(mention.text, mention.start)
            if ent is not None:
                listed = self.entities.coordinated(mention.start, mention.end)
                if listed is not None:
                    return self._coordinated(mention, listed), None
                return _named(ent, mention), ent
        elif words:
            found = self.entities.mention_in(mention.start, mention.end)
            if (
                found is not None
                and found.end == mention.end
                and found.entity.is_person
                and not self._of_someone_else(mention, found)
            ):
                return _named(found.entity, mention), found.entity  # "oil worker Mike Wipf"
        ent = self.entities.office_holder(mention.end)  # "U.S. Secretary" of State Ann Lee
        if ent is not None:
            return _named(ent, mention), ent
        ent = self.entities.named_after(mention.end)  # "says Wise's dad, Darrel"
        if ent is not None:
            return _named(ent, mention), ent
        ent = self.coreference.description(mention.text, mention.start)
        if ent is not None:
            return _named(ent, mention), ent
        name = _clean_name(mention.text)
        if words and words[0][0].isupper() and not is_leading_word(words[0]):
            return Speaker(name, mention, _kind_of(words), source=mention), None
        return _unnamed(name, mention, _kind_of(words)), None

    def _of_someone_else(self, mention: Span, found: NameMention) -> bool:
        """True when the words before ``found``, the last name of the speaker phrase
        ``mention``, make the phrase someone else ("Advisers to Ms. Orr", "people close to
        Orr", "critics like Orr")."""
        if found.start <= mention.start:
            return False
        words = self.text[mention.start : found.start].lower().split()
        return not _NOT_THE_NAMED.isdisjoint(words)

    def _coordinated(self, mention: Span, listed: tuple[NameMention, ...]) -> Speaker:
        """ "… say Sandal and Pillow", "… say Sandal, Pillow and Dunn": the group the
        persons form here, over the whole coordinated phrase, with each as a member."""
        first, last = listed[0], listed[-1]
        members = tuple(
            Speaker(m.entity.name, m.span, SpeakerKind.PERSON, source=m.entity.span) for m in listed
        )
        start, end = min(mention.start, first.start), max(mention.end, last.end)
        names = [m.entity.name for m in listed]
        return Speaker(
            f"{', '.join(names[:-1])} and {names[-1]}",
            Span(start, end, self.text[start:end]),
            SpeakerKind.GROUP,
            source=first.entity.span,
            members=members,
        )


def _word_count(spans: tuple[Span, ...]) -> int:
    if len(spans) == 1:
        return len(spans[0].text.split())
    return sum(len(s.text.split()) for s in spans)


def _named(ent: Entity, mention: Span) -> Speaker:
    """The speaker ``mention`` resolved to ``ent``: its fullest name (an organisation's
    without its legal form) and where it stands."""
    name = without_legal_suffix(ent.name) if ent.type is _ORGANISATION else ent.name
    return Speaker(name, mention, ent.kind, resolved=True, source=ent.span)


def _unnamed(words: str, mention: Span, kind: SpeakerKind) -> Speaker:
    """A speaker left as its own words (a pronoun or description no name was found for)."""
    return Speaker(words, mention, kind, resolved=False)


def _kind_of(words: list[str]) -> SpeakerKind:
    """Person, group or anonymous source, from the phrase's head noun."""
    head = words[-1].lower().strip("'\u2019") if words else ""
    kind = source_noun_kind(head)
    if kind == "anonymous" or head in _ANONYMOUS_HEADS:
        return SpeakerKind.ANONYMOUS
    if kind in ("group", "document") or (head.endswith("s") and not words[0][0].isupper()):
        return SpeakerKind.GROUP
    if is_plural_title(words[-1]):
        return SpeakerKind.GROUP  # "Liberal MPs"
    return SpeakerKind.PERSON


def _clean_name(phrase: str) -> str:
    """Collapse a scraped duplicate ('X Y X Y') and outer whitespace."""
    words = phrase.split()
    n = len(words)
    if n % 2 == 0 and n >= 2 and words[: n // 2] == words[n // 2 :]:
        words = words[: n // 2]
    return " ".join(words)


_DEFAULT = QuoteParser()


def parse(text: str) -> tuple[Quote, ...]:
    """Every quote in ``text``, attributed where possible, in document order."""
    return _DEFAULT.parse(text)
