"""The rule vocabulary: every value :attr:`Quote.rule <quotetrack.models.Quote.rule>` can
take, with its one-line meaning. Data, checked by ``tests/test_rules.py`` against the
rules the parser can emit and rendered into ``docs/explanation.md``.

Rule names are part of the output (predictions, exports, the store), so they are kept
even where they are inconsistent: the direct-quote rule ``head-according`` and the
reported-speech rule ``reported:according-head`` read the same words, "According to X,"
opening a sentence; the first attributes the direct quote that follows, the second the
unquoted clause that follows.
"""

from __future__ import annotations

import attrs

__all__ = ["RULES", "Rule", "markdown_table", "rule"]


@attrs.frozen(slots=True)
class Rule:
    """One rule: its name as in ``Quote.rule``, the stage that emits it, what it means and
    an example (the quote or content in “…”, the attribution around it)."""

    name: str
    stage: str
    """``attribution`` (direct quotes), ``parser`` (fallbacks and continuations) or
    ``reported`` (reported and mixed speech; the name starts with ``reported:``)."""
    meaning: str
    example: str


RULES: tuple[Rule, ...] = (
    # -- Direct quotes: quotetrack.attribution --------------------------------------------
    Rule(
        "tail-speaker-cue",
        "attribution",
        "speaker then cue after the closing mark",
        "“…,” Teigen added. / “…,” she told People Magazine.",
    ),
    Rule(
        "tail-cue-speaker",
        "attribution",
        "cue then speaker after the closing mark",
        "“…,” said Sen. Warren.",
    ),
    Rule(
        "tail-according",
        "attribution",
        '"according to" and a source after the closing mark',
        "“…,” according to the report.",
    ),
    Rule(
        "tail-dash",
        "attribution",
        "a name after a dash that follows the quote",
        "“…” — Mark Twain",
    ),
    Rule(
        "head-speaker-cue",
        "attribution",
        "speaker then cue just before the opening mark",
        "Gingrich said, “…” / She told reporters: “…”",
    ),
    Rule(
        "head-according",
        "attribution",
        '"According to" and a source just before the opening mark (the reported-speech '
        "twin is reported:according-head)",
        "According to Smith, “…”",
    ),
    Rule(
        "head-colon",
        "attribution",
        "a short name before a colon that opens the quote",
        "Trump: “…” / From Teigen: (newline) “…”",
    ),
    Rule(
        "head-cue-speaker",
        "attribution",
        "a sentence-initial cue, then the speaker, before the quote",
        "Said Dora Pike, who grew up with her, “…”",
    ),
    Rule(
        "head-sentence-cue",
        "attribution",
        "a speaker and cue earlier in the quote's sentence, with words between",
        "Mr. Pike said, a majority of voters have come to believe “…”",
    ),
    Rule(
        "head-participle",
        "attribution",
        "a participle cue after a comma: the speaker is the previous clause's",
        "“…,” he said, adding, “…”",
    ),
    Rule(
        "sentence-subject",
        "attribution",
        "fallback: the name or pronoun that is the subject of the quote's sentence",
        "In an August speech, Clinton took aim at “…”",
    ),
    # -- Fallbacks and continuations: quotetrack.parser --------------------------------
    Rule(
        "previous-sentence",
        "parser",
        "fallback: a speaker and cue in the sentence before the quote",
        "…, Schiff said. “…”",
    ),
    Rule(
        "quote-label",
        "parser",
        "a transcript's all-capitals speaker label opening the quote",
        "“WALLACE: …”",
    ),
    Rule(
        "continuation",
        "parser",
        "a paragraph that only continues the previous paragraph's speaker",
        "“…,” she said. (newline) “…”",
    ),
    Rule(
        "clause-subject",
        "parser",
        "last guess: the noun phrase opening the quote's sentence or the one before",
        "The piece used …: “…”",
    ),
    Rule(
        "nearest-mention",
        "parser",
        "last guess: the last person named before the quote, outside quotes",
        "Smith arrived. … “…”",
    ),
    Rule(
        "unattributed",
        "parser",
        "a sentence-like quote no rule attributed (speaker None)",
        "“…”",
    ),
    # -- Reported and mixed speech: quotetrack.reported ----------------------------------
    Rule(
        "reported:subject-cue",
        "reported",
        "a source, a cue verb and its complement clause or object",
        "Trump said (that) the deal was bad. / He endorsed Cruz. / She asked whether …",
    ),
    Rule(
        "reported:content-cue",
        "reported",
        "content, then a source and cue after its last comma",
        "The deal was bad, Trump said.",
    ),
    Rule(
        "reported:parenthetical",
        "reported",
        "a source and cue between two commas inside the content (two pieces)",
        "The deal, he said, was bad.",
    ),
    Rule(
        "reported:participle",
        "reported",
        "a participle cue after a comma; the source is the sentence's subject",
        "He vetoed the bill, saying that it would raise taxes.",
    ),
    Rule(
        "reported:according-head",
        "reported",
        '"According to X," opening the sentence, the rest its content (the direct-quote '
        "twin is head-according)",
        "According to the report, the deal was bad.",
    ),
    Rule(
        "reported:according-tail",
        "reported",
        '", according to X" closing the sentence, what precedes it the content',
        "The deal was bad, according to the report.",
    ),
    Rule(
        "reported:according-mid",
        "reported",
        '", according to X," inside the sentence (two pieces)',
        "The deal, according to the report, was bad.",
    ),
    Rule(
        "reported:topic",
        "reported",
        "a cue verb with a preposition; the content is what follows it",
        "She called for new elections. / He talked about trade.",
    ),
    Rule(
        "reported:asked",
        "reported",
        'a question put by "asked"; the source is the asker when named',
        "Asked by Thrush whether …, Trump said …",
    ),
    Rule(
        "reported:intention",
        "reported",
        "a cue taking an infinitive; the content is the infinitive phrase",
        "He refused to release his tax returns.",
    ),
    Rule(
        "reported:raising",
        "reported",
        "a raising verb: no source; the subject and the infinitive are the content",
        "Trump is expected to win the primary.",
    ),
    Rule(
        "reported:headline",
        "reported",
        "a short name before a colon in the first line: the headline's source",
        "Gingrich: Trump Must Decide …",
    ),
    Rule(
        "reported:label",
        "reported",
        "a transcript's all-capitals speaker label opening a paragraph",
        "TRUMP: The deal was bad. / Q: What did you find?",
    ),
)

_BY_NAME = {r.name: r for r in RULES}


def rule(name: str) -> Rule:
    """The rule named ``name`` (as in ``Quote.rule``); ``KeyError`` when there is none."""
    return _BY_NAME[name]


def markdown_table(stage: str) -> str:
    """The rules of one ``stage`` as a Markdown table (rule, meaning, example), as the
    docs print it."""
    rows = ["| Rule | Meaning | Example |", "| --- | --- | --- |"]
    rows += [
        f"| `{r.name}` | {r.meaning} | {r.example} |".replace("\n", " ")
        for r in RULES
        if r.stage == stage
    ]
    return "\n".join(rows) + "\n"
