"""Who said a quoted stretch: find the speaker phrase and cue around its marks.

Each rule reads the words just after a quote's closing mark (the *tail*) or just before
its opening mark (the *head*) and returns a :class:`Match` naming itself:

==================  =================================================================
``tail-speaker-cue`` “…,” Teigen added. / “…,” she told People Magazine.
``tail-cue-speaker`` “…,” said Teigen.
``tail-according``   “…,” according to the report.
``tail-dash``        “…” — Mark Twain
``head-speaker-cue`` Gingrich said, “…” / She told reporters: “…”
``head-according``   According to Smith, “…”
``head-colon``       Trump: “…” / From Teigen: (newline) “…”
==================  =================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar

import attrs

from quotetrack.lexicon import CUE_VERBS, SPEAKER_PRONOUNS, TITLES, postmodifies_source
from quotetrack.models import Span
from quotetrack.tokens import Token, tokenize

__all__ = ["ACTIVE_CUES", "Match", "match_head", "match_tail", "sentence_subject"]

ACTIVE_CUES: ContextVar[Mapping[str, str]] = ContextVar("ACTIVE_CUES", default=CUE_VERBS)
"""The cue forms (form -> lemma) the rules read; a QuoteParser with extra cue verbs sets
it for the length of one parse, so parsers with different lexicons never interfere."""

_DETERMINERS = frozenset(
    """
    the a an another one two three four five several some many most his her their its our your my
    this that these those both all each other no any few
    """.split()
)
_AUX = frozenset(
    """
    also has had have would will could did does do later then recently previously once further
    simply again reportedly publicly privately repeatedly quickly flatly bluntly just famously often
    frequently still even never first last finally initially earlier already since
    """.split()
)
_PLURAL_SOURCES = frozenset(
    """
    officials sources experts analysts critics aides advisers advisors supporters voters residents
    witnesses authorities police investigators prosecutors democrats republicans lawmakers observers
    insiders people officers organizers organisers researchers scientists economists strategists
    activists protesters leaders members staffers spokespeople
    """.split()
)
_NP_STOP = frozenset(
    """
    who whom which that in on at of during after before while when to from as for with about adding
    noting referring explaining because but and whose where if than via told said
    """.split()
)
_CLAUSE_STARTS = frozenset("that this these those if whether when".split())
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "me", "us", "you", "it"])
# Cue forms that are also common nouns ("the report", "his claim"): after a noun phrase
# that is not a name or pronoun they are read as nouns, not as the cue.
_NOUNY_CUES = frozenset(
    """
    report reports claim claims post posts tweet tweets note notes answer answers reply replies
    charge charges counter counters laugh laughs cry cries sigh sighs demand demands offer offers
    joke jokes promise promises state states quip quips point points remark remarks mention mentions
    read reads vow vows boast boasts rail rails chant chants tout touts mock mocks plead pleads
    stress stresses caution cautions muse muses
    """.split()
)
_PARTICLES = {"point": "out", "go": "on", "chime": "in"}
_TAIL_CONJUNCTIONS = frozenset(
    ["and", "but", "or", "so", "while", "because", "although", "though", "whereas", "yet", "nor"]
)
_DASHES = frozenset({"\u2014", "\u2013", "\u2015", "-", "--"})
_LEAD_PUNCT = _DASHES | {","}
_HEAD_TRAIL = _DASHES | {",", ":"}
# What may follow a cue before the quote opens: adverbials, not a clause.
_ADVERBIAL_START = frozenset(
    """
    in on at during via to through after before while from over by with last this yesterday today
    tonight monday tuesday wednesday thursday friday saturday sunday recently earlier later again
    afterward afterwards then once also simply bluntly
    """.split()
)
_MAX_NP = 8
_MAX_ROLE_WORDS = 3
_MAX_APPOSITION = 12  # words between the commas of an appositive in a tail
_MAX_TAIL = 20


@attrs.frozen(slots=True)
class Match:
    """What a rule found: the speaker phrase, the cue and addressee, and its name."""

    speaker: Span
    cue: Span | None
    addressee: Span | None
    rule: str
    end: int
    """Offset just past the attribution phrase (for joining split quotes)."""


def _span(text: str, toks: list[Token]) -> Span:
    s, e = toks[0].start, toks[-1].end
    return Span(s, e, text[s:e])


def _is_cue(tok: Token) -> bool:
    return tok.lower in ACTIVE_CUES.get()


def _cue_span(text: str, toks: list[Token], c: int) -> tuple[Span, int]:
    """The cue at ``toks[c]`` (with its particle, as in 'pointed out'); the index after it."""
    lemma = ACTIVE_CUES.get()[toks[c].lower]
    particle = _PARTICLES.get(lemma)
    if particle and c + 1 < len(toks) and toks[c + 1].lower == particle:
        return _span(text, toks[c : c + 2]), c + 2
    return _span(text, toks[c : c + 1]), c + 1


# Capitalised function words that start sentences but never names.
# Clause links that may stand before a speaker phrase without belonging to it.
_LEADING_JUNK = frozenset("to which when where while as and but so then if because though".split())
_FUNCTION_WORDS = (
    _DETERMINERS
    | _LEADING_JUNK
    | frozenset(
        """
        although after before since until in on at of for with by from into about than or
        nor yet what who how why there here it is was are were be
        monday tuesday wednesday thursday friday saturday sunday
        january february march august september october november december
        """.split()
    )
)
# Words a subject noun phrase never runs across ("a fake accent and said").
_NP_BREAKERS = frozenset(
    """
    by and with upon without but or to for from into when while after before as were was is
    are be been than that who which whom what where said says told
    """.split()
)


# Verb forms that never sit inside a speaker phrase.
_VERB_WORDS = frozenset("is was were are be been being came come comes went goes got gets".split())


def _is_name_word(tok: Token) -> bool:
    return (
        tok.is_word
        and (tok.is_capitalised or tok.text in TITLES)
        and tok.lower not in _FUNCTION_WORDS
    )


def _speaker_np(toks: list[Token]) -> list[Token] | None:
    """``toks`` read as a subject noun phrase (maybe with an appositive), or None."""
    if not toks or len(toks) > 2 * _MAX_NP:
        return None
    if any(t.text in ",;:" for t in toks):
        # "Hugh Hill, a doctor at X," -> the phrase before the appositive.
        if toks[-1].text != ",":
            return None
        first_comma = next(i for i, t in enumerate(toks) if t.text == ",")
        return _speaker_np(toks[:first_comma])
    if len(toks) > _MAX_NP or any(not t.is_word and t.text not in "-'\u2019" for t in toks):
        return None
    while len(toks) > 1 and toks[0].lower in _LEADING_JUNK:
        toks = toks[1:]
    if toks[-1].lower in SPEAKER_PRONOUNS and len(toks) > 1:
        return None
    head = toks[0]
    if head.lower in SPEAKER_PRONOUNS:
        return toks if len(toks) == 1 else None
    if any(_is_cue(t) and not t.is_capitalised for t in toks):
        return None
    if any(t.lower in _VERB_WORDS for t in toks[1:]):
        return None  # "O’Malley’s move was (first reported)", "His comments came after being"
    if all(_is_name_word(t) or t.lower in ("de", "van", "von", "la", "al", "bin") for t in toks):
        return toks
    if head.lower in _DETERMINERS or _is_name_word(head) or _is_name_word(toks[-1]):
        return toks
    if len(toks) <= 2 and toks[-1].lower in _PLURAL_SOURCES:
        return toks
    return None


def _trim_aux(toks: list[Token]) -> list[Token]:
    while toks and (toks[-1].lower in _AUX or (toks[-1].lower.endswith("ly") and len(toks) > 1)):
        toks = toks[:-1]
    return toks


def _np_after(toks: list[Token], i: int) -> list[Token]:
    """The noun phrase starting at ``toks[i]``: a pronoun, a name, or a short nominal."""
    if i >= len(toks) or not toks[i].is_word or toks[i].lower in _CLAUSE_STARTS:
        return []  # "said that he …", "said this week": a clause or an adverbial, no one
    if toks[i].lower in SPEAKER_PRONOUNS or toks[i].lower in _OBJECT_PRONOUNS:
        return toks[i : i + 1]
    j = i
    if _is_name_word(toks[i]):
        j = _name_end(toks, i)
        # "Trump's campaign": a possessive name followed by its noun.
        if toks[j - 1].lower.endswith(("'s", "\u2019s")) and j < len(toks) and toks[j].is_word:
            j += 1
        return toks[i : _titled_name_end(toks, j)]  # "Obama adviser David Axelrod"
    while (
        j < len(toks)
        and j - i < _MAX_NP
        and toks[j].is_word
        and (j == i or toks[j].lower not in _NP_STOP)
        and not (j > i and _is_cue(toks[j]) and toks[i].lower not in _DETERMINERS)
    ):
        j += 1
    if toks[i].lower in _DETERMINERS or toks[j - 1].lower in _PLURAL_SOURCES:
        return toks[i:j]
    if _is_name_word(toks[j - 1]):
        return toks[i:j]  # "former Obama adviser David Axelrod"
    return []


def _name_end(toks: list[Token], i: int) -> int:
    """The index after the run of name words that starts at ``toks[i]``."""
    j = i
    while j < len(toks) and (_is_name_word(toks[j]) or toks[j].lower in ("de", "van", "von", "la")):
        j += 1
    return j


def _titled_name_end(toks: list[Token], j: int) -> int:
    """Past up to three lowercase role words and the name they introduce, when a name
    follows them ("Obama adviser David Axelrod", "GOP strategist Rick Wilson")."""
    k = j
    while (
        k < len(toks)
        and k - j < _MAX_ROLE_WORDS
        and toks[k].is_word
        and not toks[k].is_capitalised
        and toks[k].lower not in _NP_STOP
        and not _is_cue(toks[k])
    ):
        k += 1
    if k > j and k < len(toks) and _is_name_word(toks[k]):
        return _name_end(toks, k)
    return j


def _addressee(toks: list[Token], i: int) -> list[Token]:
    """Who was told: 'told People Magazine', 'told reporters', 'told him'."""
    np = _np_after(toks, i)
    if np:
        return np
    if i < len(toks) and toks[i].is_word and toks[i].lower not in _NP_STOP:
        return toks[i : i + 1]
    return []


def _drop_parentheticals(toks: list[Token]) -> list[Token]:
    """Remove '(D-N.C.)'-style asides so they do not break a noun phrase; an opening
    parenthesis that never closes in the window is dropped on its own."""
    out: list[Token] = []
    held: list[Token] = []
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
            held.append(t)
        elif depth:
            held.append(t)
            if t.text == ")":
                depth -= 1
                if not depth:
                    held = []
        else:
            out.append(t)
    if depth:
        out.extend(t for t in held if t.text != "(")
    return out


def _clause_ends(toks: list[Token], k: int) -> bool:
    """True when ``toks[k:]`` holds only an adverbial ("on Tuesday", "in a statement")
    before the sentence ends."""
    rest = []
    for t in toks[k:]:
        if t.text in ".?!":
            break
        rest.append(t)
    if not rest:
        return True
    first = rest[0]
    if first.text == ",":
        # a participle clause ("said, adding ...") or an appositive ("said X, a ...")
        nxt = rest[1] if len(rest) > 1 else None
        return nxt is None or nxt.lower.endswith("ing") or nxt.lower in _DETERMINERS
    # "said of Apple in February, when ..."; anything else starts a complement clause
    # ("She says it underscores ...", "He says referees ...") and is no attribution.
    return first.lower in _ADVERBIAL_START or first.lower in ("of", "about", "when")


def match_tail(text: str, start: int, end: int, last_char: str = ",") -> Match | None:
    """Attribution in the words after a closing mark, ``text[start:end]``.

    ``last_char`` is the quote's last character inside the marks: a quote ending in a
    period starts a new sentence after its mark, so only an attribution that is a whole
    sentence (“….” Teigen said.) counts; a quote ending in a word is a fragment inside a
    longer sentence and gets no tail attribution.
    """
    toks = _drop_parentheticals(tokenize(text, start, end))
    lead = 0
    while lead < len(toks) and toks[lead].text in _LEAD_PUNCT:
        lead += 1
    dash = any(t.text in _DASHES for t in toks[:lead])
    if not lead and last_char.isalnum():
        return None
    whole = not lead and last_char in ".?!\u2026"
    toks = toks[lead : lead + _MAX_TAIL]
    if not toks or toks[0].lower in _TAIL_CONJUNCTIONS:
        return None  # “…” but he denied …: a new clause, not this quote's attribution
    first = toks[0]
    # “…,” said Teigen.
    if _is_cue(first):
        cue, k = _cue_span(text, toks, 0)
        np = _np_after(toks, k)
        if np and np[0].lower not in _OBJECT_PRONOUNS:
            if not whole or _clause_ends(toks, k + len(np)):
                return Match(_span(text, np), cue, None, "tail-cue-speaker", np[-1].end)
    # “…,” according to the report.
    if first.lower == "according" and len(toks) > 2 and toks[1].lower == "to":
        np = _np_after(toks, 2)
        if np:
            cue = _span(text, toks[:2])
            return Match(_span(text, np), cue, None, "tail-according", np[-1].end)
    # “…,” Teigen added. / “…,” she told People Magazine.
    for c, tok in enumerate(toks):
        if tok.text in '.?!;:"\u201c\u201d' or (tok.text == "," and c > 0 and _comma_ends(toks, c)):
            break
        if _is_cue(tok) and c > 0 and not tok.is_capitalised:
            subject = _speaker_np(_trim_aux(toks[:c]))
            if subject is None:
                break
            cue, k = _cue_span(text, toks, c)
            addressee = None
            last = cue.end
            if ACTIVE_CUES.get()[tok.lower] in ("tell", "ask"):
                obj = _addressee(toks, k)
                if obj:
                    addressee = _span(text, obj)
                    last = obj[-1].end
                    k += len(obj)
            if whole and not _clause_ends(toks, k):
                return None
            return Match(_span(text, subject), cue, addressee, "tail-speaker-cue", last)
    # “…” — Mark Twain
    if dash:
        np = _np_after(toks, 0)
        if np and _is_name_word(np[0]):
            return Match(_span(text, np), None, None, "tail-dash", np[-1].end)
    return None


def _comma_ends(toks: list[Token], c: int) -> bool:
    """A comma at ``c`` ends the search for a cue unless it opens or closes an appositive."""
    commas = [i for i in range(c) if toks[i].text == ","]
    return len(commas) >= 1 and c - commas[-1] > _MAX_APPOSITION


def match_head(text: str, start: int, end: int) -> Match | None:
    """Attribution in the words before an opening mark, ``text[start:end]``."""
    toks = _drop_parentheticals(tokenize(text, start, end))
    while (toks and toks[-1].text in _HEAD_TRAIL) or (toks and toks[-1].lower == "that"):
        toks = toks[:-1]
    if not toks:
        return None
    # According to Smith, “…”
    for i in range(max(0, len(toks) - _MAX_NP - 2), len(toks) - 2):
        if toks[i].lower == "according" and toks[i + 1].lower == "to":
            np = _np_after(toks, i + 2)
            if np and np[-1] is toks[-1]:
                cue = _span(text, toks[i : i + 2])
                return Match(_span(text, np), cue, None, "head-according", np[-1].end)
    found = _cue_at_end(text, toks)
    if found is not None:
        return found
    # Said Dorothy Poynter, who grew up with Ali, “…”
    if len(toks) > 1 and _is_cue(toks[0]) and toks[0].is_capitalised:
        np = _np_after(toks, 1)
        if np:
            cue = _span(text, toks[:1])
            return Match(_span(text, np), cue, None, "head-cue-speaker", np[-1].end)
    # Trump: “…”  /  From Teigen:
    raw = text[start:end].rstrip()
    if raw.endswith(":"):
        i = len(toks)
        while i > 0 and (_is_name_word(toks[i - 1]) or toks[i - 1].lower in SPEAKER_PRONOUNS):
            i -= 1
        np = toks[i:]
        if np and len(np) <= 5 and (i == 0 or toks[i - 1].lower in ("from", ".")):
            return Match(_span(text, np), None, None, "head-colon", np[-1].end)
    # Mr. Obama said, a majority of Americans have come to believe “…”
    for c in range(len(toks)):
        tok = toks[c]
        if _is_cue(tok) and not tok.is_capitalised and not tok.lower.endswith("ing"):
            subject = _subject_before(toks, c)
            if subject is not None:
                cue, _ = _cue_span(text, toks, c)
                return Match(_span(text, subject), cue, None, "head-sentence-cue", cue.end)
    return None


def _cue_at_end(text: str, toks: list[Token]) -> Match | None:
    """Gingrich said, “…” / She told People Magazine: “…” / he said, adding, “…”"""
    for c in range(len(toks) - 1, max(-1, len(toks) - 10), -1):
        tok = toks[c]
        if not tok.is_word:
            return None
        if not _is_cue(tok) or tok.is_capitalised:
            continue
        cue, k = _cue_span(text, toks, c)
        after = toks[k:]
        lemma = ACTIVE_CUES.get()[tok.lower]
        addressee = None
        if lemma in ("tell", "ask") and after and after[0].lower not in _ADVERBIAL_START:
            obj = _addressee(toks, k)
            if obj:
                addressee = _span(text, obj)
                after = toks[k + len(obj) :]
        if after and after[0].lower not in _ADVERBIAL_START:
            return None
        if any(_is_cue(t) or (not t.is_word and t.text not in "'\u2019-") for t in after):
            return None
        if tok.lower.endswith("ing") and c > 0 and toks[c - 1].text == ",":
            # “…,” he said, adding: “…” -- the speaker is the previous clause's: read
            # here when that clause ends in its cue ("Spicer said, adding"), else left
            # to the parser (the speaker phrase is then the cue itself).
            if c > 1 and _is_cue(toks[c - 2]) and not toks[c - 2].lower.endswith("ing"):
                subject = _subject_before(toks, c - 2)
                if subject is not None:
                    return Match(_span(text, subject), cue, addressee, "head-participle", cue.end)
            return Match(cue, cue, addressee, "head-participle", cue.end)
        subject = _subject_before(toks, c)
        if subject is None:
            return None
        return Match(_span(text, subject), cue, addressee, "head-speaker-cue", cue.end)
    return None


def _postmodifier(toks: list[Token], i: int) -> bool:
    """True when the preposition at ``toks[i]`` ties a phrase to the source before it."""
    return i > 0 and postmodifies_source(toks[i - 1].lower, toks[i].lower)


def _subject_before(toks: list[Token], c: int) -> list[Token] | None:
    """The subject noun phrase that ends just before the cue at ``toks[c]``."""
    j = c
    while j > 0 and (toks[j - 1].lower in _AUX or toks[j - 1].lower.endswith("ly")):
        j -= 1
    if j == 0:
        return None
    if toks[j - 1].text == ",":
        # "Hugh Hill, a doctor at X, said": skip back over the appositive.
        k = j - 2
        while k >= 0 and toks[k].text != "," and j - k <= 2 * _MAX_NP:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        j = k
    end = j
    if end == 0:
        return None  # ", …, said" opening the window: no subject before the appositive
    prev = toks[end - 1]
    if prev.lower in SPEAKER_PRONOUNS or (prev.lower == "who" and end > 1):
        return [prev]
    i = end
    if _is_name_word(prev):
        while i > 0 and (_is_name_word(toks[i - 1]) or toks[i - 1].lower in ("de", "van", "von")):
            i -= 1
        # a capitalised word that only starts the sentence ("But", "Later") is not a name
        while i < end - 1 and toks[i].lower in ("but", "and", "so", "then", "later", "now"):
            i += 1
        return toks[i:end]
    if toks[c].lower in _NOUNY_CUES:
        return None  # "the report", "his claims": a noun, not the cue
    while i > 0 and end - i < _MAX_NP and toks[i - 1].is_word:
        i -= 1
        if toks[i].lower in _DETERMINERS:
            if i > 1 and _postmodifier(toks, i - 1):
                continue  # "A spokesman for the campaign said": read on to "A"
            return toks[i:end]
        if _postmodifier(toks, i):
            continue  # "Another source familiar with Cruz’s thinking said"
        if _is_cue(toks[i]) or toks[i].lower in _NP_BREAKERS:
            return None
    if toks[end - 1].lower in _PLURAL_SOURCES:
        return toks[end - 1 : end]
    return None


# Words that follow a capitalised adverbial opening a sentence, never a subject.
_NOT_AFTER_SUBJECT = frozenset(
    "later earlier ago in of after before on at the to for from over into up than about".split()
)
_CONJUNCTIONS = frozenset(["and", "but", "or", "so", "yet", "then", "still", "now", "also"])
_CLAUSE_OPENERS = frozenset(
    """
    in on at during after before while when as since with without for by from under meanwhile
    however but and so yet still later earlier instead
    """.split()
)


def sentence_subject(text: str, start: int, end: int) -> Match | None:
    """The person a sentence is about, read as its subject: a name or pronoun at the start
    (after an opening adverbial such as "In an August speech," and a conjunction, with up
    to three modifiers as in "Republican pollster Daron Shaw") followed by a verb or colon."""
    toks = _drop_parentheticals(tokenize(text, start, end))[:40]
    i = 0
    opens_adverbial = len(toks) > 1 and (
        toks[0].lower.endswith("ing") or toks[1].lower in _NOT_AFTER_SUBJECT
    )  # "Hours later, Trump …", "Speaking in Ohio, she …", "Back in 1999, he …"
    if toks and (
        opens_adverbial or (toks[0].lower in _CLAUSE_OPENERS and toks[0].lower not in _CONJUNCTIONS)
    ):
        commas = [k for k, t in enumerate(toks[:14]) if t.text == ","]
        if not commas:
            return None
        i = commas[0] + 1
    while i < len(toks) and toks[i].lower in _CONJUNCTIONS:
        i += 1
    if i >= len(toks):
        return None
    if toks[i].lower in ("he", "she"):
        np = [toks[i]]
    else:
        j = i
        while j < len(toks) and j - i < 4 and not _is_name_word(toks[j]):
            if not toks[j].is_word or _is_cue(toks[j]) or toks[j].lower in _FUNCTION_WORDS:
                return None
            j += 1
        if j >= len(toks) or not _is_name_word(toks[j]):
            return None
        k = j
        while k < len(toks) and (_is_name_word(toks[k]) or toks[k].lower in ("de", "van", "von")):
            k += 1
        np = toks[i:k]
    k = i + len(np)
    if k < len(toks) and toks[k].text == "," and _is_name_word(np[-1]):
        # "Clinton, the former secretary of State, stressed ..."
        close = next((m for m in range(k + 1, min(len(toks), k + 20)) if toks[m].text == ","), None)
        if close is not None:
            k = close + 1
            if k < len(toks) and toks[k].lower in ("who", "which"):
                return Match(_span(text, np), None, None, "sentence-subject", np[-1].end)
    nxt = toks[k] if k < len(toks) else None
    if nxt is None or not (nxt.text == ":" or (nxt.is_word and not nxt.is_capitalised)):
        return None
    return Match(_span(text, np), None, None, "sentence-subject", np[-1].end)
