"""Properties that hold for any input: valid offsets, order, no overlap, determinism."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import example, given, settings

import quotetrack
from tests.strategies import any_text


@settings(max_examples=300)
@given(any_text)
@example('," worried\nadding according saying, said week .\n; Tuesdaywith\n“ with she')
def test_parse_never_raises_and_spans_slice_the_text(text: str) -> None:
    """parse() accepts any str and every span it returns equals the document slice."""
    for q in quotetrack.parse(text):
        spans = [*q.spans, q.cue, q.addressee, q.speaker.mention if q.speaker else None]
        for span in spans:
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert q.text == " ".join(s.text for s in q.spans)


@settings(max_examples=200)
@given(any_text)
@example('0 said 0 sAID" 0 0')  # nested reported speech once overlapped its outer quote
@example("Smith said Jones believes the deal is bad for workers.")
@example("The deal is dead and buried, Smith said, Jones wrote on Twitter.")
@example("Trump said, “No comment,” and then added:\n“It was a great day for America.”")
@example('Trump told “me":\n”a good deal')
@example(
    "office :\nvoters\n'\n. would saying, familiar badon said ,\nofficials\nand\nnoting said"
    " butwhoof\n,\nbad said. Clinton ;\nsaying,\n"
)  # two attributions of one sentence once overlapped after a coordination cut
def test_quotes_are_ordered_and_disjoint(text: str) -> None:
    """Quotes come in document order and no two quotes' content spans overlap."""
    spans = sorted((s.start, s.end) for q in quotetrack.parse(text) for s in q.spans)
    starts = [q.start for q in quotetrack.parse(text)]
    assert starts == sorted(starts)
    for (_, end), (start, _) in pairwise(spans):
        assert end <= start


@settings(max_examples=100)
@given(any_text)
def test_parse_is_deterministic(text: str) -> None:
    """The same text always gives the same quotes."""
    assert quotetrack.parse(text) == quotetrack.parse(text)
