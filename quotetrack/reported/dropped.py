"""Reading a sentence's subject-cue clauses without the ones the merge would drop.

An endless sentence of cue clauses ("Sen. said Sen. said …", ", Smith said , Smith
said …") gives an item at every cue, each with a content window of up to 150 tokens,
and :func:`~quotetrack.reported.merge.join_direct` keeps about one in fifty: each of the
others starts inside the content of an item it keeps. :func:`kept_subject_cues` leaves
those unread, for a sentence the reported pass admits (see ``_skip_dropped`` in
:mod:`quotetrack.reported`): no direct quote or speaker label reaches into it, it holds
no double quotation mark, no "which" or "what" and no cue of another rule, and no
sentence-final cue clause was found. Why the result is the same:

- The merge meets the sentence's items by themselves, in order of content start (ties
  in the order they are read), after every earlier sentence's items have ended; none is
  mixed or cut at a direct quote. So what it keeps is :func:`merge.choose` applied to
  the sentence's items in that order.
- Once the merge keeps an item ``P``, every later item whose content starts before
  ``P`` ends is dropped until one starts at or after it, when ``P`` cannot be cut: it
  has two pieces (a parenthetical's), or the sentence has no comma or semicolon (a cut
  needs one before the inner item's source). ``[P.start, P.end)`` is a *dead zone*.
- Every item read at the cue ``toks[c]`` starts after ``toks[c]`` and, when the next cue
  is ``toks[n]`` and no cue lies inside an addressee (:func:`content_floor`), at or
  before ``toks[n]``: the readers that move a content's start (the "that" and adverbial
  skips, an inner participle, "call for") stop at a cue, and ``content_start`` stops at a
  word. A parenthetical's head starts where :func:`~quotetrack.reported.clauses.head_start`
  says for the comma before the cue's source; when a comma follows the cue and no "that"
  comes before the next cue, the item is that parenthetical or none. These bounds are
  known before the clause is read (:func:`start_bounds`).
- A cue whose bounds lie inside the dead zone of the last item kept so far is not read.
  When the sentence is done, the merge is run over the items read, and every unread cue
  must lie in the dead zone of an item it keeps (items read first win ties); if one
  does not, the sentence is read whole.
"""

from __future__ import annotations

import bisect

from quotetrack.lexicon import REPORTED_CUES
from quotetrack.models import Span
from quotetrack.phrase_tokens import token_index
from quotetrack.reported.clauses import ASK_OPENERS, cue_subject, head_start, read_subject_cue
from quotetrack.reported.content import Reported, content_start
from quotetrack.reported.merge import choose
from quotetrack.source_phrases import source_after
from quotetrack.tokens import Token

__all__ = ["content_floor", "kept_subject_cues", "start_bounds"]


def kept_subject_cues(
    text: str, sent: Span, toks: list[Token], cues: list[int], stop: int, uncut: bool
) -> list[Reported] | None:
    """The subject-cue items read at ``cues`` (the sentence's cue tokens, in order), those
    the merge would drop left unread; None when that cannot be shown (the sentence is
    then read whole). ``uncut``: the sentence has no comma or semicolon."""
    out: list[Reported] = []
    read_at: list[int] = []  # the cue of each item of out
    chosen: list[Reported] = []  # what the merge keeps of out, if read in this order
    zone: tuple[int, int, int] | None = None  # (start, end, cue) of the last kept item
    unread: list[tuple[int, int, int]] = []  # (cue, lowest start, highest start)
    for n, c in enumerate(cues):
        if c == 0:
            continue
        if zone is not None:  # only a cue inside a kept item's zone may be left unread
            following = cues[n + 1] if n + 1 < len(cues) else None
            bounds = start_bounds(text, sent, toks, c, following, uncut, zone[1])
            if bounds is not None and _inside(bounds, c, zone):
                unread.append((c, *bounds))
                continue
        item = read_subject_cue(text, sent, toks, c, stop)
        if item is None:
            continue
        out.append(item)
        read_at.append(c)
        if choose(text, chosen, item):
            last = chosen[-1]
            zone = (
                (last.content[0].start, last.content[-1].end, c)
                if uncut or len(last.content) != 1
                else None
            )
    if unread and not _all_dropped(text, out, read_at, unread, uncut):
        return None
    return out


def _inside(bounds: tuple[int, int], c: int, zone: tuple[int, int, int]) -> bool:
    """True when an item read at cue ``c`` starting within ``bounds`` lies in ``zone``."""
    lo, hi = bounds
    start, end, cue = zone
    return (start < lo or (start == lo and cue < c)) and hi < end


def _all_dropped(
    text: str,
    out: list[Reported],
    read_at: list[int],
    unread: list[tuple[int, int, int]],
    uncut: bool,
) -> bool:
    """True when every unread cue lies in the dead zone of an item the merge keeps of
    ``out`` (taken in order of content start, as the merge takes them)."""
    order = sorted(range(len(out)), key=lambda i: out[i].content[0].start)
    chosen: list[Reported] = []
    chosen_at: list[int] = []
    for i in order:
        if choose(text, chosen, out[i]):
            chosen_at.append(read_at[i])
    zones = [
        (k.content[0].start, k.content[-1].end, c)
        for k, c in zip(chosen, chosen_at, strict=True)
        if uncut or len(k.content) != 1
    ]
    starts = [z[0] for z in zones]
    for c, lo, hi in unread:
        j = bisect.bisect_right(starts, lo) - 1
        if j < 0 or not _inside((lo, hi), c, zones[j]):
            return False
    return True


def start_bounds(
    text: str,
    sent: Span,
    toks: list[Token],
    c: int,
    following: int | None,
    uncut: bool,
    before: int,
) -> tuple[int, int] | None:
    """The lowest and highest offsets where the content of an item read at the cue
    ``toks[c]`` can start, given the next cue ``toks[following]``; None when unbounded.
    ``uncut``: the sentence has no comma, so no parenthetical. Only bounds below
    ``before`` are asked for: when a content after the cue may start at or past it, a
    parenthetical's head is not looked for (it would only widen the bounds)."""
    if following is None or content_floor(toks, c) > following:
        return None
    lo, hi = toks[c].start + 1, toks[following].start
    if uncut:
        return lo, hi
    comma_next = toks[c + 1].text == "," and all(t.lower != "that" for t in toks[c + 1 : following])
    if hi >= before and not comma_next:
        return lo, hi
    subject = cue_subject(toks, c, REPORTED_CUES[toks[c].lower])
    if not subject:
        return lo, hi  # no item at all
    at = token_index(toks, subject[0])
    if at < 2 or toks[at - 1].text != ",":
        return lo, hi
    # "A, X said, B.": a parenthetical, whose head starts before the cue.
    head = content_start(text, head_start(sent, toks, at - 1), toks[at - 1].start)
    if comma_next:
        return head, head  # ", X said, …" with no "that": a parenthetical or nothing
    return min(lo, head), max(hi, head)


def content_floor(toks: list[Token], c: int) -> int:
    """The first token a content read at the cue ``toks[c]`` may start at: after the cue,
    and after the addressee of "told" or "asked", found as ``read_subject_cue`` finds it."""
    k = c + 1
    lemma = REPORTED_CUES[toks[c].lower]
    if lemma == "tell" or (lemma == "ask" and k < len(toks) and toks[k].lower not in ASK_OPENERS):
        k += len(source_after(toks, k))
    return k
