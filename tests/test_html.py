"""Tests of quotetrack.view.render_html: structure, offsets, nesting and escaping."""

from __future__ import annotations

import io
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack.cli import main
from quotetrack.errors import InputTypeError, InvalidSpanError
from quotetrack.models import Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind
from quotetrack.view import INK, MUTED, PALETTE, PAPER, render_html
from tests.html_checks import Page

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "000_f3ec5699876e8cf6.txt").read_text(encoding="utf-8")

EVIL = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "</mark></div><style>*{display:none}</style>",
    "&amp; &lt;b&gt; ' \" `",
]


def sentiment(compound: float) -> Sentiment:
    """A sentiment with the given compound score."""
    return Sentiment(compound, 0.1, 0.8, 0.1)


def quote_at(
    text: str,
    pieces: list[str],
    *,
    speaker: tuple[str, str] | None = None,
    cue: str | None = None,
    compound: float | None = 0.5,
    name: str | None = None,
    rule: str = "test-rule",
) -> Quote:
    """A quote whose content pieces, mention and cue are the first matches in ``text``
    (a mention or cue is looked for after the first piece)."""
    spans = []
    pos = 0
    for piece in pieces:
        start = text.index(piece, pos)
        spans.append(Span.of(text, start, start + len(piece)))
        pos = start + len(piece)
    after = spans[0].end
    who = None
    if speaker is not None:
        mention, kind = speaker
        start = text.index(mention, after) if mention in text[after:] else text.index(mention)
        who = Speaker(
            name or mention, Span.of(text, start, start + len(mention)), SpeakerKind(kind)
        )
    cue_span = None
    if cue is not None:
        start = text.index(cue, after)
        cue_span = Span.of(text, start, start + len(cue))
    q = Quote.from_spans(tuple(spans), speaker=who, cue=cue_span, rule=rule)
    return q if compound is None else attrs.evolve(q, sentiment=sentiment(compound))


TWO = "“We will win,” Smith said. “No,” Jones replied, “you will lose.” “Maybe.”"


def two_speakers() -> tuple[Quote, ...]:
    """Smith (positive), Jones (negative, split in two) and one unattributed quote."""
    return (
        quote_at(TWO, ["We will win,"], speaker=("Smith", "person"), cue="said", compound=0.6),
        quote_at(
            TWO,
            ["No,", "you will lose."],
            speaker=("Jones", "person"),
            cue="replied",
            compound=-0.4,
        ),
        quote_at(TWO, ["Maybe."], compound=None),
    )


# ---------------------------------------------------------------------------------------
# Structure


def test_seed_highlights_every_quote_and_every_span() -> None:
    """Each quote of the seed gets one focusable mark per content span, in order."""
    quotes = quotetrack.analyze(SEED)
    page = Page(render_html(SEED, quotes))
    focusable = page.find("mark", tabindex="0")
    assert len(focusable) == sum(len(q.spans) for q in quotes)
    assert {el.attrs["data-q"] for el in focusable} == {f"q{i + 1}" for i in range(len(quotes))}
    for i in range(len(quotes)):
        (head,) = page.find("mark", id=f"q{i + 1}")
        assert head.attrs["aria-describedby"] == f"q{i + 1}-tip"
        assert page.find(id=f"q{i + 1}-tip")[0].attrs["role"] == "tooltip"


def test_split_quote_has_one_mark_per_span() -> None:
    """A quote split around its cue is two marks sharing one quote id and one tooltip."""
    quotes = two_speakers()
    page = Page(render_html(TWO, quotes))
    parts = page.find("mark", tabindex="0", data_q="q2")
    assert [p.attrs["id"] for p in parts] == ["q2", "q2-2"]
    assert [p.attrs["data-part"] for p in parts] == ["1", "2"]
    assert {p.attrs["aria-describedby"] for p in parts} == {"q2-tip"}
    assert [p.shown for p in parts] == ["No,", "you will lose."]


def test_cue_and_mention_are_linked_to_their_quote() -> None:
    """The speaker mention and the cue carry the quote's id and point at its tooltip."""
    page = Page(render_html(TWO, two_speakers()))
    (who,) = page.find("span", cls="who", data_q="q2")
    (cue,) = page.find("span", cls="cue", data_q="q2")
    assert who.text == "Jones"
    assert cue.text == "replied"
    assert who.attrs["aria-describedby"] == cue.attrs["aria-describedby"] == "q2-tip"


def test_sentiment_classes_and_icons() -> None:
    """Marks carry a class per sentiment label and an icon, so colour is not the only cue."""
    page = Page(render_html(TWO, two_speakers()))
    heads = {el.attrs["data-q"]: el for el in page.find("mark", cls="first")}
    assert "s-positive" in heads["q1"].classes
    assert heads["q1"].attrs["data-icon"] == "▲"
    assert "s-negative" in heads["q2"].classes
    assert heads["q2"].attrs["data-icon"] == "▼"
    assert "s-unscored" in heads["q3"].classes
    assert "positive" in page.find(id="q1-tip")[0].text


def test_tooltip_shows_speaker_kind_rule_and_scores() -> None:
    """The tooltip names the speaker, the speaker kind, the quote kind, rule and scores."""
    page = Page(render_html(TWO, two_speakers()))
    tip = page.find(id="q2-tip")[0].text
    for expected in ("Jones", "person", "direct quote", "test-rule", "−0.40", "2 parts", "replied"):
        assert expected in tip


def test_legend_has_one_entry_per_speaker_with_counts() -> None:
    """The legend lists each speaker once, unattributed quotes last, with quote counts."""
    page = Page(render_html(TWO, two_speakers()))
    entries = page.find("li", cls="speaker")
    names = [re.match(r"[^\n]*?(?=person|no speaker)", e.text) for e in entries]
    assert [n.group(0) if n else "" for n in names] == ["Jones", "Smith", "Unattributed"]
    counts = [el.text.split()[0] for el in page.find("span", cls="count")]
    assert counts == ["1", "1", "1"]
    seed = Page(render_html(SEED, quotetrack.analyze(SEED)))
    assert len(seed.find("li", cls="speaker")) == len(
        {q.speaker.name if q.speaker else None for q in quotetrack.analyze(SEED)}
    )


def test_seed_legend_counts_match_quotes() -> None:
    """The seed's legend counts add up to the number of quotes."""
    quotes = quotetrack.analyze(SEED)
    page = Page(render_html(SEED, quotes))
    counts = [int(el.text.split()[0]) for el in page.find("span", cls="count")]
    assert sum(counts) == len(quotes)


def test_no_quotes_renders_the_plain_article() -> None:
    """An article without quotes still renders, with the text and an empty legend."""
    page = Page(render_html("Nothing quoted here.", ()))
    assert page.text == "Nothing quoted here."
    assert page.find("li", cls="empty")
    assert not page.find("mark")


def test_quote_without_spans_is_listed_but_not_marked() -> None:
    """A quote with no content span is counted in the legend and table but marks nothing."""
    q = Quote.from_spans((), rule="unattributed")
    page = Page(render_html("Some text.", (q,)))
    assert not page.find("mark")
    assert len(page.find("li", cls="speaker")) == 1


# ---------------------------------------------------------------------------------------
# Offsets and nesting


def test_visible_text_equals_the_article() -> None:
    """The page's article text, tooltips aside, is exactly the text given."""
    quotes = quotetrack.analyze(SEED)
    assert Page(render_html(SEED, quotes)).text == SEED
    assert Page(render_html(TWO, two_speakers())).text == TWO


def test_mention_inside_another_quotes_content_nests() -> None:
    """A speaker mention inside another quote's content is a child of that quote's mark."""
    text = "“Smith is wrong,” Jones said. “I am right,” Smith replied."
    q1 = quote_at(text, ["Smith is wrong,"], speaker=("Jones", "person"), cue="said")
    mention = Span.of(text, 1, 6)  # the "Smith" inside quote 1
    q2 = Quote.from_spans(
        (Span.of(text, 31, 42),),
        speaker=Speaker("Smith", mention),
        cue=Span.of(text, text.index("replied"), text.index("replied") + 7),
    )
    page = Page(render_html(text, (q1, q2)))
    (who,) = page.find("span", cls="who", data_q="q2")
    assert who.text == "Smith"
    assert "mark" in who.ancestors
    assert page.text == text


def test_crossing_spans_are_split_not_broken() -> None:
    """Spans that cross are cut into well-nested pieces and the text survives intact."""
    text = "0123456789abcdefghij"
    q1 = Quote.from_spans((Span.of(text, 2, 10),), rule="a")
    q2 = Quote.from_spans(
        (Span.of(text, 6, 15),), speaker=Speaker("X", Span.of(text, 8, 18)), rule="b"
    )
    page = Page(render_html(text, (q1, q2)))  # Page asserts well-nestedness
    assert page.text == text
    pieces = page.find("mark", data_q="q2")
    assert len(pieces) == 2  # cut where quote 1 ends
    assert [p.shown for p in pieces] == ["6789", "abcde"]
    assert len(page.find("mark", tabindex="0", data_q="q2")) == 1
    (who_head, who_tail) = page.find("span", cls="who")
    assert who_head.shown + who_tail.shown == "89abcdefgh"


def test_shared_mention_is_one_element() -> None:
    """Two quotes attributed to the same mention share one element listing both."""
    text = "“A,” she said, “and B.” “C.”"
    she = Span.of(text, text.index("she"), text.index("she") + 3)
    q1 = Quote.from_spans((Span.of(text, 1, 3),), speaker=Speaker("Ann", she))
    q2 = Quote.from_spans((Span.of(text, 16, 22),), speaker=Speaker("Ann", she))
    page = Page(render_html(text, (q1, q2)))
    (who,) = page.find("span", cls="who")
    assert who.attrs["data-q"] == "q1 q2"
    assert who.attrs["aria-describedby"] == "q1-tip q2-tip"


@st.composite
def texts_and_quotes(draw: st.DrawFn) -> tuple[str, tuple[Quote, ...]]:
    """A random text and random quotes over it: spans may nest, cross, repeat or be empty."""
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
    n = len(text)
    offsets = st.integers(0, n)

    def span() -> Span:
        a, b = sorted((draw(offsets), draw(offsets)))
        return Span.of(text, a, b)

    quotes = []
    for _ in range(draw(st.integers(0, 5))):
        spans = tuple(
            sorted((span() for _ in range(draw(st.integers(0, 3)))), key=lambda s: s.start)
        )
        speaker = Speaker(draw(st.text(max_size=8)), span()) if draw(st.booleans()) else None
        cue = span() if draw(st.booleans()) else None
        addressee = span() if draw(st.booleans()) else None
        quotes.append(
            Quote.from_spans(
                spans,
                speaker=speaker,
                cue=cue,
                addressee=addressee,
                kind=draw(st.sampled_from(QuoteKind)),
            )
        )
    return text, tuple(quotes)


@settings(max_examples=300)
@given(texts_and_quotes())
def test_any_spans_give_well_nested_markup_and_the_same_text(
    case: tuple[str, tuple[Quote, ...]],
) -> None:
    """Whatever the spans, the markup is well nested and the visible text is the input."""
    text, quotes = case
    page = Page(render_html(text, quotes))
    assert page.text == text
    marked = [q for q in quotes if any(s.end > s.start for s in q.spans)]
    heads = {el.attrs["data-q"] for el in page.find("mark", tabindex="0")}
    assert len(heads) == len(marked)


def test_spans_from_another_text_raise() -> None:
    """Quotes whose offsets do not match the text raise InvalidSpanError, saying why."""
    quotes = two_speakers()
    with pytest.raises(InvalidSpanError, match="does not match the text"):
        render_html("short", quotes)
    with pytest.raises(InvalidSpanError):
        render_html(TWO.replace("win", "WIN"), quotes)


def test_non_str_text_raises() -> None:
    """Bytes are refused with the library's InputTypeError."""
    with pytest.raises(InputTypeError):
        render_html(b"bytes", ())  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Safety


def _no_active_content(source: str) -> None:
    page = Page(source)
    tags = {el.tag for el in page.elements}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    assert [el.tag for el in page.elements].count("style") == 1
    for el in page.elements:
        for name, value in el.attrs.items():
            assert not name.startswith("on"), f"event handler attribute {name}"
            assert "javascript:" not in value.replace(" ", "").lower() or name == "content"
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                assert value.startswith("#"), f"{name}={value!r}"


@pytest.mark.parametrize("evil", EVIL)
def test_article_text_is_escaped(evil: str) -> None:
    """Markup in the article comes out as text: no tag, handler or URL is created."""
    text = f"Intro {evil} “quote {evil} here,” {evil} said."
    start = text.index("quote")
    end = text.index("here,") + 5
    cue = text.rindex("said")
    mention = text.rindex(evil)
    q = Quote.from_spans(
        (Span.of(text, start, end),),
        speaker=Speaker(evil, Span.of(text, mention, mention + len(evil))),
        cue=Span.of(text, cue, cue + 4),
        rule=evil,
    )
    source = render_html(text, (q,), title=evil)
    _no_active_content(source)
    page = Page(source)
    assert page.text == text
    assert evil in page.find("title")[0].text
    assert "<script" not in source.lower()


@pytest.mark.parametrize("evil", EVIL)
def test_speaker_names_and_rules_are_escaped(evil: str) -> None:
    """Speaker names, rules and quote fields never become markup."""
    q = quote_at(
        TWO, ["We will win,"], speaker=("Smith", "person"), cue="said", name=evil, rule=evil
    )
    source = render_html(TWO, (q,))
    _no_active_content(source)
    page = Page(source)
    assert evil in page.find(id="q1-tip")[0].text
    assert evil in page.find("li", cls="speaker")[0].text


def test_strict_content_security_policy() -> None:
    """The page forbids scripts and every network load in a CSP meta tag."""
    page = Page(render_html(TWO, two_speakers()))
    (csp,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    policy = csp.attrs["content"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy
    assert page.elements.index(csp) < page.elements.index(page.find("style")[0])


def test_page_is_self_contained() -> None:
    """Nothing is loaded from elsewhere: no external URL, import or font."""
    source = render_html(SEED, quotetrack.analyze(SEED))
    assert "http://" not in source
    assert "https://" not in source
    assert "@import" not in source
    assert "url(" not in source
    assert "@font-face" not in source


# ---------------------------------------------------------------------------------------
# The command line


def test_cli_view_writes_file_dot_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quotetrack view article.txt` writes article.html beside it by default."""
    article = tmp_path / "article.txt"
    article.write_text(TWO, encoding="utf-8")
    assert main(["view", str(article)]) == 0
    page = Page((tmp_path / "article.html").read_text(encoding="utf-8"))
    assert page.text == TWO
    assert "article.txt" in page.find("h1")[0].text
    assert "wrote" in capsys.readouterr().err


def test_cli_view_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o -` prints the page, and so does reading standard input without -o."""
    article = tmp_path / "a.txt"
    article.write_text(TWO, encoding="utf-8")
    assert main(["view", str(article), "-o", "-", "--title", "T<>"]) == 0
    out = capsys.readouterr().out
    assert Page(out).text == TWO
    assert "<title>T&lt;&gt;</title>" in out
    monkeypatch.setattr("sys.stdin", io.StringIO(TWO))
    assert main(["view", "-", "--no-sentiment"]) == 0
    assert Page(capsys.readouterr().out).text == TWO
    assert not (tmp_path / "a.html").exists()


def test_cli_view_refuses_to_overwrite_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An input already named .html is not overwritten by default."""
    article = tmp_path / "a.html"
    article.write_text(TWO, encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["view", str(article)])
    assert stopped.value.code == 2
    assert "choose the output with -o" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == TWO


# ---------------------------------------------------------------------------------------
# Palette


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("label", sorted(PALETTE))
def test_palette_meets_wcag_aa(label: str) -> None:
    """Text on each tint, badge text on each strong colour and each strong colour on the
    page all reach WCAG AA contrast (4.5:1); text on tints even reaches AAA (7:1)."""
    tint, strong = PALETTE[label]
    assert _contrast(INK, tint) >= 7
    assert _contrast("#ffffff", strong) >= 4.5
    assert _contrast(strong, tint) >= 4.5
    assert _contrast(strong, PAPER) >= 4.5
    assert _contrast(MUTED, PAPER) >= 4.5
