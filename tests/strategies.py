"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

MARKS = "\"“”„‟«»'‘’`"
_NEWSY_WORDS = [
    "said",
    "says",
    "told",
    "added",
    "according",
    "to",
    "Teigen",
    "she",
    "he",
    "Mr.",
    "Clinton",
    "the",
    "senator",
    "a",
    "source",
    "officials",
    "—",
    "-",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "''",
    "we",
    "will",
    "win",
    "Sen.",
    "Hillary",
    "Trump",
    "that",
    "(D-N.Y.)",
]


@st.composite
def newsy_text(draw: st.DrawFn) -> str:
    """Text made of news words and quotation marks in any order: the parser's worst day."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(_NEWSY_WORDS), st.sampled_from(list(MARKS))), max_size=80
        )
    )
    return " ".join(pieces) if draw(st.booleans()) else "".join(pieces)


any_text = st.one_of(st.text(max_size=300), newsy_text())
