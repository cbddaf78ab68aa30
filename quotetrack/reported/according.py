"""The "according to" rules of reported speech: ``according-head`` (According to the
report, the deal was bad.), ``according-tail`` (The deal was bad, according to the
report.) and ``according-mid`` (The deal, according to the report, was bad.)."""

from __future__ import annotations

import operator

from quotetrack.lexicon import word_set
from quotetrack.models import Span
from quotetrack.phrase_tokens import MAX_NP, tok_span
from quotetrack.reported.clauses import OPENERS
from quotetrack.reported.content import CLOSERS, Reported, clause_end, content_span, is_mixed
from quotetrack.tokens import Token

_MAX_SOURCE = 25
_lower = operator.attrgetter("lower")
_NOT_SOURCE_START = word_set("plan plans schedule law rule rules tradition him her them me us")


def read_according(text: str, sent: Span, toks: list[Token], stop: int) -> Reported | None:
    """``According to X, …``, ``…, according to X.`` and ``A, according to X, B.``"""
    if "according" not in map(_lower, toks):
        return None  # most sentences: one scan in C instead of a Python loop
    for i in range(len(toks) - 2):
        if toks[i].lower != "according" or toks[i + 1].lower != "to":
            continue
        j = i + 2
        while j < len(toks) and j - i <= _MAX_SOURCE and toks[j].text not in ",;:.?!":
            j += 1
        source = toks[i + 2 : j]
        if not source or not source[0].is_word or source[0].lower in _NOT_SOURCE_START:
            return None
        cue = tok_span(text, toks[i : i + 2])
        comma_after = j < len(toks) and toks[j].text == ","
        opens = (
            i == 0
            or toks[i - 1].text in (":", "\u2014", "\u2013")  # "… unnoticed: According to …"
            or (toks[i - 1].text == "," and i <= 3 and toks[0].lower in OPENERS)
        )
        pieces: tuple[Span | None, ...]
        if opens and comma_after:
            pieces = (content_span(text, toks[j].end, stop),)
            rule = "according-head"
        elif i > 0 and toks[i - 1].text == ",":
            head = content_span(text, sent.start, toks[i - 1].start)
            rest = toks[j + 1 :] if comma_after else []
            if not rest or all(t.text in ".?!" + CLOSERS for t in rest):
                pieces = (head,)
                rule = "according-tail"
            elif i - 1 < len(rest) and i <= MAX_NP:
                pieces = (head, content_span(text, toks[j].end, clause_end(toks, j + 1, stop)))
                rule = "according-mid"
            else:
                # "…, according to CrowdTangle, a social analytics tool.": an appositive
                pieces = (head,)
                rule = "according-tail"
        else:
            return None
        content = tuple(p for p in pieces if p is not None)
        if len(content) != len(pieces):
            return None
        return Reported(content, tok_span(text, source), cue, None, rule, is_mixed(content))
    return None
