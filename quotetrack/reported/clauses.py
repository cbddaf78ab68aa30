"""Reported-speech rules around a cue verb and its subject:

- ``subject-cue``: Trump said (that) the deal was bad. / She told reporters that … / He
  believes … / A new poll shows … / He endorsed Cruz. / She asked whether …
- ``content-cue``: The deal was bad, Trump said. / …, John Bryant, the chairman, said.
- ``parenthetical``: The deal, he said, was bad.  (two content pieces)
- ``participle``: He vetoed the bill, saying that it would raise taxes.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotetrack.lexicon import (
    ADVERBIAL_STARTS,
    CLAUSE_PRONOUNS,
    DETERMINERS,
    MIXED_ONLY_LEMMAS,
    NOT_CONTENT_START,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    PREDICATE_CUES,
    REPORTED_CUES,
    REPORTED_PRE_CUE,
    SPEAKER_PRONOUNS,
    SPEECH_LEMMAS,
    TO_COMPLEMENT_LEMMAS,
    WEEKDAYS,
    word_set,
)
from quotetrack.models import Span
from quotetrack.phrase_tokens import (
    MAX_NP,
    is_possessive_name,
    looks_like_name,
    tok_span,
    token_index,
)
from quotetrack.reported.content import (
    BREAKS,
    CLOSERS,
    MAX_CONTENT_TOKENS,
    MIN_CONTENT_WORDS,
    QUOTE_CHARS,
    Reported,
    char_span,
    clause_end,
    content_span,
    first_comma,
    inner_participle,
    is_mixed,
    object_end,
    opens_clause,
    sentence_stop,
)
from quotetrack.source_phrases import (
    SENTENCE_OPENERS,
    SOURCE_STOP,
    opening_subject,
    source_after,
    source_before,
)
from quotetrack.tokens import Token

_PASSIVE = word_set("is was were are be been being")
# Words a source never ends with ("the", "of"): then the cue is no verb of its.
_NOT_SUBJECT_END = word_set(
    "to of in on at for with by from as than and or but that which who what"
)
_MAX_ROLE_WORDS = 3  # lowercase words of a bare role before a name ("dairy farmer")
# Words that make a lowercase phrase before a name more than a role ("experts like X").
_NOT_ROLE = _NOT_SUBJECT_END | word_set("like including such among")
# Connectives that open a sentence without being content ("Still, Cruz will …").
OPENERS = word_set("now but and so yet still meanwhile however then also")
# Words that open the question or request after "asked" ("asked whether …", "to …").
ASK_OPENERS = word_set("whether if why how what who when where to about")
_QUOTE_CLOSERS = "\"\u201d\u2019'"
# Words that open a short adverbial between a cue and its "that" ("said on Tuesday that").
_ADVERBIAL_OPENERS = frozenset(
    """
    on in at during last this yesterday today tonight earlier later recently again also
    repeatedly previously publicly privately monday tuesday wednesday thursday friday
    saturday sunday in an the for
    """.split()
)
_MAX_TAIL = 12
# Sentence-final cue clauses ("…, X said"): the words that may follow them after a comma,
# and how many commas from the sentence end are tried (bounds work).
_TAIL_APPOSITION = word_set("a an the who whose adding noting saying according")
# Verbs a cue clause never precedes in a sentence-final tail; subordinators whose clause
# ends at its first comma; relative pronouns that are a content piece of their own.
_FINITE = word_set("is was are were will would has have had can could should must does did")
_SUBORDINATORS = word_set("although though while when as after if because since before once unless")
RELATIVE_PRONOUNS = word_set("which what")
_MAX_ADDRESSEE_TAIL = 4  # words an addressee may run on past its first noun phrase
_MAX_HEADLINE_TOKENS = 40  # headlines are short: longer sentences are not title case
BAD_SUBJECT_END = (_NOT_SUBJECT_END | DETERMINERS) - {"who"}
# Word sets the rules below test, built once: what may stand before a lone pronoun
# subject; adverbials skipped after "said"; pronouns that open a clause's subject; words
# after which a main clause follows the content.
_BEFORE_SUBJECT_PRONOUN = SOURCE_STOP | SENTENCE_OPENERS | REPORTED_PRE_CUE
_ADVERBIAL_SKIPS = _ADVERBIAL_OPENERS - {"the"}
_CLAUSE_SUBJECTS = CLAUSE_PRONOUNS - {"this", "these", "those", "there"}
_MAIN_CLAUSE_FOLLOWS = _SUBORDINATORS | {"which"}


_DAY_PARTS = frozenset("morning afternoon evening night".split())
_DETERMINER_STARTS = frozenset("the a an his her its their our this that these those".split())


def _day_words(toks: Sequence[Token], k: int) -> int:
    """How many words from ``toks[k]`` name a day ("Monday", "on Monday", "on Monday
    night") when a determiner's noun phrase follows them (the subject of the said clause:
    "said on Monday the government would …"); 0 otherwise."""
    n = 1 if toks[k].lower == "on" else 0
    if k + n >= len(toks) or toks[k + n].lower not in WEEKDAYS:
        return 0
    n += 1
    if k + n < len(toks) and toks[k + n].lower in _DAY_PARTS:
        n += 1
    if k + n + 1 < len(toks) and toks[k + n].lower in _DETERMINER_STARTS:
        return n
    return 0


def _tail_is_adverbial(toks: Sequence[Token]) -> bool:
    """True when ``toks`` (after a source) hold only an adverbial to the sentence end, or
    an apposition or participle after a comma (", a spokesman for …", ", adding …")."""
    rest = [t for t in toks if t.is_word or t.text not in ".?!" + CLOSERS]
    if not rest:
        return True
    if (
        rest[0].text == ","
        and len(rest) > 1
        and (rest[1].lower in _TAIL_APPOSITION or is_possessive_name(rest[1]))
    ):
        return True  # ", a spokesman for …", ", Facebook's director of …"
    return (
        rest[0].lower in ADVERBIAL_STARTS
        and len(rest) <= 8
        and not any(t.lower in REPORTED_CUES or t.lower in _FINITE for t in rest)
    )  # not "said the approach put forward by Trump is insufficient"


def subject_of(toks: list[Token], c: int) -> list[Token] | None:
    """The subject noun phrase before the cue at ``toks[c]``, if it reads as a source."""
    if c > 0 and toks[c - 1].lower in _PASSIVE:
        if toks[c].lower not in PREDICATE_CUES:
            return None
        c -= 1  # "Mr. Ackman is convinced that …": the subject of "is"
    subject = source_before(toks, c)
    if not subject or subject[-1].lower in BAD_SUBJECT_END:
        return None
    at = token_index(toks, subject[0])
    if (
        len(subject) == 1
        and subject[0].lower in SPEAKER_PRONOUNS
        and at > 0
        and toks[at - 1].is_word
        and toks[at - 1].lower not in _BEFORE_SUBJECT_PRONOUN
    ):
        return None  # "the things he wants to do": a reduced relative clause
    return subject


def cue_subject(toks: list[Token], c: int, lemma: str) -> list[Token] | None:
    """The source of the cue at ``toks[c]`` (of ``lemma``) that :func:`read_subject_cue`
    reads: the subject before it, or the clause's opening subject after "and" or "but"."""
    subject = subject_of(toks, c)
    if subject is None and c > 2 and toks[c - 1].lower in ("and", "but") and lemma in SPEECH_LEMMAS:
        # "Her campaign announced new support and said …": the clause's subject.
        subject = opening_subject(toks[: c - 1])
    return subject


def read_subject_cue(
    text: str, sent: Span, toks: list[Token], c: int, stop: int
) -> Reported | None:
    """``X said (that) …`` / ``X told Y (that) …`` / ``X believes …``; and the
    parenthetical ``…, X said, …`` that splits its content in two."""
    tok = toks[c]
    lemma = REPORTED_CUES[tok.lower]
    if tok.is_capitalised and c > 0 and not _title_case(toks):
        return None  # "… Says" mid-sentence, outside a title-case headline
    subject = cue_subject(toks, c, lemma)
    if not subject:
        return None
    if lemma.endswith("~") and tok.lower.endswith("ed") and subject[0].lower in ("a", "an"):
        return None  # "a son named Jack": a participle after an indefinite noun, no cue
    at = token_index(toks, subject[0])
    # "a gap that experts say renders …" is kept: the clause after the cue overlaps the
    # annotated content (the relative pronoun and the rest) enough to raise F1 on train.
    if any(t.text in _QUOTE_CLOSERS for t in toks[max(0, at - 2) : at]):
        return None  # “…,” he said on Tuesday: the attribution of a direct quote
    k = c + 1
    addressee = None
    if lemma == "tell":
        obj = source_after(toks, k)
        if not obj:
            return None
        addressee = tok_span(text, obj)
        k += len(obj)
    elif lemma == "ask":
        # "asked (reporters) whether …" / "asked him to …": the question or the request.
        obj = source_after(toks, k) if k < len(toks) and toks[k].lower not in ASK_OPENERS else []
        if obj:
            addressee = tok_span(text, obj)
            k += len(obj)
        if (
            k >= len(toks)
            or toks[k].lower not in ASK_OPENERS
            or (toks[k].lower == "to" and not obj)
        ):
            return None
        content = content_span(text, toks[k].start, clause_end(toks, k, stop))
        if content is None:
            return None
        return Reported.single(
            content, tok_span(text, subject), tok_span(text, [tok]), addressee, "subject-cue"
        )
    elif lemma == "learn" and (c == 0 or toks[c - 1].lower not in ("has", "have")):
        return None
    elif tok.lower in PREDICATE_CUES and (lemma == "predicate" or toks[c - 1].lower in _PASSIVE):
        # "is convinced that …", "was eager to …", "is worried about …"
        if k >= len(toks) or c == 0 or toks[c - 1].lower not in _PASSIVE:
            return None
        nxt = toks[k].lower
        if nxt in ("about", "of", "over", "with"):
            end = object_end(toks, k + 1, stop)
            start = k + 1
        elif nxt in ("that", "to"):
            end = clause_end(toks, k, stop)
            start = k
        else:
            return None
        if start >= len(toks):
            return None
        content = content_span(text, toks[start].start, end, 1)
        if content is None:
            return None
        return Reported.single(
            content, tok_span(text, subject), tok_span(text, [tok]), None, "subject-cue"
        )
    # "said on Tuesday that …": skip a short adverbial before "that".
    that = False
    reach = 14 if k < len(toks) and toks[k].lower in _ADVERBIAL_OPENERS else 8
    for j in range(k, min(k + reach, len(toks))):
        if toks[j].lower == "that":
            between = toks[k:j]
            if all(t.is_word or t.text == "," for t in between) and (
                not between
                or between[0].lower in _ADVERBIAL_OPENERS
                or between[0].text == ","
                or (addressee is not None and len(between) <= _MAX_ADDRESSEE_TAIL)
            ):  # "told reporters on Friday that", "tells Fox News anchor Megyn Kelly that"
                if addressee is not None and between and between[0].lower not in _ADVERBIAL_OPENERS:
                    addressee = char_span(text, addressee.start, between[-1].end)
                k, that = j, True  # PolNeAR keeps the complementiser in the content
            break
        if toks[j].lower in REPORTED_CUES:
            break
    cue = tok_span(text, [tok])
    if not that and at > 0 and toks[at - 1].text == ",":
        # "Riding alone, they said, can be hazardous."
        found = _parenthetical(text, sent, toks, at - 1, k, subject, cue, lemma)
        if found is not None:
            return found
    if k < len(toks) and toks[k].text == "," and not that:
        return None  # "Sanders said, a policy that …": an aside, not a complement
    if k >= len(toks):
        return None
    if not that and toks[k].lower in _ADVERBIAL_SKIPS and lemma in ("say", "tell"):
        # "said on Friday he met …": skip a short adverbial up to a clause's subject.
        for j in range(k + 1, min(k + 6, len(toks))):
            if toks[j].lower in _CLAUSE_SUBJECTS:
                k = j
                break
            if not toks[j].is_word or toks[j].lower in REPORTED_CUES:
                break
        if toks[k].lower not in _CLAUSE_SUBJECTS and lemma == "say":
            # "said (on) Monday the government would …": a day, then a noun phrase
            k += _day_words(toks, k)
    first = toks[k]
    if not that and not opens_clause(toks, k, lemma):
        return None
    if lemma in MIXED_ONLY_LEMMAS:
        # "called Trump a “blowhard”": kept only with a quoted fragment (a mixed quote).
        if lemma == "call" and first.lower == "for":
            k += 1
            first = toks[k] if k < len(toks) else first
        else:
            end = clause_end(toks, k, stop)
            content = content_span(text, first.start, end, 2)
            if content is None or not is_mixed((content,)):
                return None
            return Reported(
                (content,), tok_span(text, subject), cue, addressee, "subject-cue", True
            )
    if not that and lemma not in OBJECT_CUES:
        inner = inner_participle(toks, k)
        if inner is not None:
            # "posted a photo to Instagram confirming she had lost her son": the
            # participle's clause is the content, the participle its cue.
            cue, k = tok_span(text, [toks[inner]]), inner + 1
            first = toks[k]
            lemma = "say"
    minimum = MIN_CONTENT_WORDS
    if lemma in OBJECT_CUES and lemma not in TO_COMPLEMENT_LEMMAS and not that:
        # "endorsed Trump last week": the object, up to an adverbial or a new clause.
        end = object_end(toks, k, stop)
        minimum = 1
    else:
        end = clause_end(toks, k, stop)
    nonrestrictive = subject[0].lower == "who" and at > 0 and toks[at - 1].text == ","
    if nonrestrictive or (at > 0 and toks[at - 1].lower in _MAIN_CLAUSE_FOLLOWS):
        # "Although Sanders said he would stay, the party …" / "The list, which the
        # campaign says includes 2.7 million donors, is …": the main clause follows.
        end = min(end, first_comma(toks, k, end))
    content = content_span(text, first.start, end, minimum)
    if content is None:
        return None
    if at > 0 and toks[at - 1].lower in RELATIVE_PRONOUNS and content.start > toks[at - 1].end:
        # "which the campaign says includes …": the relative pronoun is content too.
        rel = tok_span(text, [toks[at - 1]])
        return Reported(
            (rel, content),
            tok_span(text, subject),
            cue,
            addressee,
            "subject-cue",
            is_mixed((content,)),
        )
    return Reported.single(content, tok_span(text, subject), cue, addressee, "subject-cue")


def _title_case(toks: list[Token]) -> bool:
    """True for a headline in title case ("Trump Says He Never Pledged …")."""
    if len(toks) > _MAX_HEADLINE_TOKENS:
        return False  # headlines are short; this also keeps the test O(1) per cue
    words = [t for t in toks if t.is_word and t.text[0].isalpha()]
    return len(words) >= 4 and sum(t.is_capitalised for t in words) >= 0.75 * len(words)


def _parenthetical(
    text: str,
    sent: Span,
    toks: list[Token],
    comma: int,
    k: int,
    subject: list[Token],
    cue: Span,
    lemma: str,
) -> Reported | None:
    """``A, X said, B.``: content A and B around the cue clause."""
    if lemma not in SPEECH_LEMMAS or comma < 1:
        return None
    if toks[0].lower in ("when", "asked", "given", "if", "as", "while"):
        return None  # "When asked, he said, …": an adverbial, not content
    j = k
    while j < len(toks) and j - k < _MAX_TAIL and toks[j].is_word:
        j += 1
    if j >= len(toks) or toks[j].text != ",":
        return None
    if j > k and toks[k].lower not in ADVERBIAL_STARTS:
        return None
    # The content before the cue clause runs from the sentence start, at most a content
    # window of tokens back (as the content after it): an endless sentence of asides
    # ("…, X said, …" repeated) would make each cue copy all of the sentence before it.
    head = content_span(text, head_start(sent, toks, comma), toks[comma].start, 1)
    tail = content_span(text, toks[j].end, clause_end(toks, j + 1, sentence_stop(text, sent)))
    if head is None or tail is None or toks[j + 1].lower in BREAKS:
        return None
    pieces = (head, tail)
    return Reported(
        pieces,
        tok_span(text, subject),
        cue,
        None,
        "parenthetical",
        is_mixed(pieces),
    )


def head_start(sent: Span, toks: list[Token], comma: int) -> int:
    """Where the content before a parenthetical cue clause whose comma is ``toks[comma]``
    is read from: the sentence start, or at most a content window of tokens back."""
    first = comma - MAX_CONTENT_TOKENS
    return toks[first].start if first > 0 else sent.start


def _role_then_name(np: Sequence[Token]) -> bool:
    """True for a bare role before a name, as an inverted cue's source ("grower Tomas
    Vell", "union president Ann Lee"): up to three lowercase words, none a preposition or
    conjunction ("people close to Ms. Oakes" is no such role), then name words to the end."""
    k = 0
    while k < len(np) and k <= _MAX_ROLE_WORDS and np[k].text.isalpha() and np[k].text.islower():
        if np[k].lower in _NOT_ROLE or np[k].lower in SPEAKER_PRONOUNS:
            return False
        k += 1
    if k == 0 or k > _MAX_ROLE_WORDS or k == len(np):
        return False
    return all(looks_like_name(tok) for tok in np[k:])


def read_content_cue(text: str, sent: Span, toks: list[Token], comma: int) -> Reported | None:
    """``…, X said.`` / ``…, said X.`` / ``…, X, a spokesman, said.``: a cue clause after
    the sentence's last comma."""
    skip = 1
    if comma + 1 < len(toks) and toks[comma + 1].text in QUOTE_CHARS:
        skip = 2  # “… a strategic mistake,” Lichtman said.
    after = toks[comma + skip :]
    if not after:
        return None
    subject: list[Token] | None = None
    cue_tok: Token | None = None
    if after[0].lower in REPORTED_CUES and REPORTED_CUES[after[0].lower] in (
        "say",
        "tell",
        "add",
        "write",
    ):
        np = source_after(after, 1)
        if not np and _tail_is_adverbial(after[1:]):
            # …, Hugh Hill, a doctor at X, said.
            # …, Mitch McConnell, the majority leader, said Tuesday.
            commas = [k for k in range(comma - 1, 0, -1) if toks[k].text == ","][:2]
            p2 = next((k for k in commas if looks_like_name(toks[k + 1])), None)
            if p2 is None or comma - p2 > 3 * MAX_NP:
                return None
            subject, cue_tok, comma = toks[p2 + 1 : comma], after[0], p2
        elif np and (np[0].lower in DETERMINERS or looks_like_name(np[0]) or _role_then_name(np)):
            # …, said a spokesman.  /  …, say Nick Sandal and Nathan Pillow.
            # …, said grower Tomas Vell.
            rest = after[1 + len(np) :]
            if looks_like_name(np[0]) and len(rest) > 1 and rest[0].lower == "and":
                other = source_after(rest, 1)
                if other and looks_like_name(other[0]):
                    rest = rest[1 + len(other) :]  # the pair is read from the first name
            if np[0].lower not in OBJECT_PRONOUNS and _tail_is_adverbial(rest):
                subject, cue_tok = np, after[0]
    else:
        for c, tok in enumerate(after[:_MAX_TAIL]):
            if tok.lower in REPORTED_CUES and c > 0 and not tok.is_capitalised:
                found = subject_of(list(after), c)
                if found is None or found[0] is not after[0]:
                    return None  # the source must open the cue clause
                k = c + 1
                if REPORTED_CUES[tok.lower] == "tell":
                    obj = source_after(list(after), k)
                    k += len(obj)
                if _tail_is_adverbial(after[k:]):
                    subject, cue_tok = found, tok
                break
            if not tok.is_word:
                return None
    if subject is None or cue_tok is None:
        return None
    if REPORTED_CUES[cue_tok.lower] not in SPEECH_LEMMAS:
        return None
    first = 0
    while first < comma and (toks[first].lower in OPENERS or toks[first].text == ","):
        first += 1  # "Still, Cruz will …, a source said": the connective is no content
    content = content_span(
        text, toks[first].start if first < comma else sent.start, toks[comma].start
    )
    if content is None:
        return None
    return Reported.single(
        content, tok_span(text, subject), tok_span(text, [cue_tok]), None, "content-cue"
    )


def verb_start(toks: list[Token], c: int) -> int:
    """Index of the first auxiliary or adverb before the verb at ``c`` ("has also called")."""
    j = c
    while j > 0 and (toks[j - 1].lower in REPORTED_PRE_CUE or toks[j - 1].lower in _PASSIVE):
        j -= 1
    return j


def read_participle(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X did Y, saying (that) …``: the content after the participle; the source is
    the subject that opens the sentence (after an opening adverbial), or None."""
    k = c + 1
    addressee = None
    if toks[c].lower == "telling":
        obj = source_after(toks, k)
        if not obj:
            return None
        addressee = tok_span(text, obj)
        k += len(obj)
    if k >= len(toks):
        return None
    that = toks[k].lower == "that"
    if not that and toks[k].lower not in CLAUSE_PRONOUNS and toks[c].lower != "saying":
        return None
    if not that and (not toks[k].is_word or toks[k].lower in NOT_CONTENT_START):
        return None
    content = content_span(text, toks[k].start, clause_end(toks, k, stop))
    if content is None:
        return None
    return Reported.single(
        content,
        _subject_span(text, opening_subject(toks[:c])),
        tok_span(text, [toks[c]]),
        addressee,
        "participle",
    )


def _subject_span(text: str, np: list[Token] | None) -> Span | None:
    return tok_span(text, np) if np else None
