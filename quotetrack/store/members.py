"""The store's ``members`` rows: the persons of a coordinated speaker ("… say Maria
Lopez and John Smith", :attr:`Speaker.members <quotetrack.models.Speaker.members>`),
each linked to the tracked speaker of its in-article name, as a quote's own speaker is.

A quote is stored once, in ``quotes``, with its members among its columns (as the
records codec encodes them); a ``members`` row only says that the quote also counts
for a person. Who a quote counts for is :func:`credits`: its own speaker (the group
"Maria Lopez and John Smith", which stays a tracked speaker of its own: it is who
:attr:`TrackedQuote.speaker <quotetrack.models.TrackedQuote.speaker>` names) and each
member's. The pairs are distinct, so no one is credited twice with one quote, and every
count and filter of the tracker reads them.
"""

from __future__ import annotations

from typing import Final

from quotetrack import names
from quotetrack.models import Speaker
from quotetrack.store.sql import marks

__all__ = ["ALIAS_USES", "INSERT_MEMBER", "credited_to", "credits", "member_aliases"]


def credits(n: int | None = None) -> str:
    """A subquery of the distinct ``(quote_id, speaker_id)`` pairs: each quote with the
    tracked speaker it is attributed to and those of its speaker's members; only those of
    ``n`` speaker ids when ``n`` is given (its parameters are then those ids twice), so
    that looking up one speaker reads only that speaker's quotes."""
    which = "IS NOT NULL" if n is None else f"IN ({marks(n)})"
    return (
        f"(SELECT id AS quote_id, speaker_id FROM quotes WHERE speaker_id {which}"
        f" UNION SELECT quote_id, speaker_id FROM members WHERE speaker_id {which})"
    )


ALIAS_USES: Final = (
    "(SELECT id AS quote_id, doc_id, alias_id, speaker_id, mention_text FROM quotes"
    " WHERE alias_id IS NOT NULL UNION ALL"
    " SELECT m.quote_id, q.doc_id, m.alias_id, m.speaker_id, NULL FROM members m"
    " JOIN quotes q ON q.id = m.quote_id)"
)
"""A subquery of every use of an in-article name (``alias_id``) by a quote: as its
speaker (with the mention's words) or as one of its speaker's members (no mention
words: the member's name is its alias)."""

INSERT_MEMBER: Final = (
    "INSERT INTO members (quote_id, ordinal, alias_id, speaker_id)"
    " VALUES (?, ?, ?, (SELECT speaker_id FROM aliases WHERE id = ?))"
)
"""Insert a member of a stored quote's speaker: quote id, ordinal, alias id twice (the
tracked speaker follows the alias, as a quote's does)."""


def credited_to(n: int) -> str:
    """A condition on ``quotes q``: the quote counts for one of ``n`` speaker ids (its
    parameters are those ids twice)."""
    ids = marks(n)
    return (
        f"(q.speaker_id IN ({ids})"
        f" OR q.id IN (SELECT quote_id FROM members WHERE speaker_id IN ({ids})))"
    )


def member_aliases(speaker: Speaker | None, text: str | None) -> list[tuple[int, str, str]]:
    """The in-article name and kind under which each member of ``speaker`` is followed
    (:func:`quotetrack.names.alias_for`), with its ordinal; members without a name
    worth following are left out."""
    if speaker is None:
        return []
    found = []
    for ordinal, member in enumerate(speaker.members):
        alias = names.alias_for(member, text)
        if alias is not None:
            found.append((ordinal, alias, member.kind.value))
    return found
