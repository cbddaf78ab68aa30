"""One article as one self-contained HTML page, its quotes highlighted.

:func:`render_html` writes the article verbatim and wraps each quote's content, cue,
speaker mention and addressee in elements styled by sentiment. The page needs nothing
else: no scripts, no fonts, no images, no network. Its Content-Security-Policy forbids
scripts outright, so even text that slipped past escaping could not run.

Details show on hover and on keyboard focus, by CSS alone: every content span is
focusable and carries a tooltip (``role="tooltip"``, referenced by ``aria-describedby``)
with the speaker, kind, rule and scores. Sentiment is never told by colour alone: each
quote also carries an icon (▲ positive, ● neutral, ▼ negative, ○ not scored) and the
tooltip spells the label out.

Markup is built by walking the text once over every span, sorted. Spans may nest (a
mention inside another quote's content) or even cross (a parser bug); a crossing span is
closed where its enclosing element ends and reopened right after, so the output is always
well nested and the page's visible article text is exactly the text given.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from quotetrack.errors import InputTypeError, InvalidSpanError, check_text
from quotetrack.models import Quote, Sentiment, Span, sentiment_label
from quotetrack.sentiment import DEFAULT_MODEL
from quotetrack.validation import items_of, optional_str

__all__ = ["render_html"]

ROLES = ("content", "addressee", "mention", "cue")
"""The kinds of span marked in the article, outermost first when two start together."""

SENTIMENT_ICONS = {
    "positive": "▲",
    "neutral": "●",
    "negative": "▼",
    "unscored": "○",
}
"""The icon drawn with each sentiment class, so that colour is never the only cue."""


def esc(value: object) -> str:
    """``value`` as text safe in element content and in quoted attribute values."""
    return html.escape(str(value), quote=True)


def _article_text(text: str) -> str:
    """Escape article text; a carriage return becomes ``&#13;`` because the HTML parser
    would otherwise fold CR LF into LF, and the page must hold the text unchanged."""
    return esc(text).replace("\r", "&#13;")


def sentiment_class(sentiment: Sentiment | None) -> str:
    """``"positive"``, ``"neutral"``, ``"negative"``, or ``"unscored"`` when not scored."""
    return "unscored" if sentiment is None else sentiment.label


def mean_label(mean: float | None, models: Iterable[str] = ()) -> str:
    """The label of a mean of scores, or ``"unscored"`` when there is none.

    The scores' model's cut-offs label it when ``models`` (the models of the scores
    averaged) names a single model; otherwise those of the default model,
    :data:`quotetrack.sentiment.DEFAULT_MODEL` (VADER's ±0.05 would call most means of
    the news model's calibrated scores positive or negative).
    """
    if mean is None:
        return "unscored"
    names = set(models)
    return sentiment_label(mean, names.pop() if len(names) == 1 else DEFAULT_MODEL)


def signed(value: float) -> str:
    """A score with its sign and two decimals, with a true minus sign: ``−0.42``."""
    return f"{value:+.2f}".replace("-", "\u2212")


# ---------------------------------------------------------------------------------------
# Palette. Text is INK on every tint (contrast well above 7:1); badge text is white on
# the strong colour (at least 4.5:1). Hues follow Okabe & Ito's colour-blind-safe set.

INK = "#1b1b1f"
PAPER = "#fcfbf8"
MUTED = "#55565e"
PALETTE: dict[str, tuple[str, str]] = {
    # label: (tint behind text, strong colour for borders, badges and chart marks)
    "positive": ("#d5efe5", "#00704f"),
    "neutral": ("#e4e6ee", "#4f566b"),
    "negative": ("#fde1cf", "#a8420a"),
    "unscored": ("#fbefc0", "#6f5800"),
}

BASE_CSS = f"""
*,*::before,*::after{{box-sizing:border-box}}
:root{{color-scheme:light;--ink:{INK};--paper:{PAPER};--muted:{MUTED};
--line:#d9d7d0;--card:#ffffff;--focus:#1a56db;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",
sans-serif;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"DejaVu Serif",serif}}
html{{background:var(--paper);color:var(--ink)}}
body{{margin:0;font:16px/1.5 var(--sans)}}
a{{color:#174ea6}}
a:focus-visible,[tabindex]:focus-visible,summary:focus-visible{{outline:3px solid var(--focus);
outline-offset:2px}}
h1,h2,h3{{line-height:1.2;margin:0 0 .5rem}}
.meta{{color:var(--muted);font-size:.875rem;margin:0}}
.card{{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem}}
.num{{font-variant-numeric:tabular-nums}}
.visually-hidden{{position:absolute!important;width:1px;height:1px;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap}}
"""

SENTIMENT_CSS = "\n".join(
    f".s-{label}{{--tint:{tint};--strong:{strong}}}" for label, (tint, strong) in PALETTE.items()
) + "".join(
    f'\n.s-{label} .ico::before,.ico.s-{label}::before{{content:"{icon}"}}'
    for label, icon in SENTIMENT_ICONS.items()
)

VIEW_CSS = """
.page{max-width:80rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
header.top{margin:0 0 1.25rem}
header.top h1{font-size:1.6rem}
.layout{display:grid;gap:1.5rem}
.legend h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:.9rem 0 .4rem}
.legend h2:first-child{margin-top:0}
.legend ul{list-style:none;margin:0;padding:0}
.legend li{display:flex;align-items:baseline;gap:.5rem;padding:.2rem 0}
.legend .speaker a{flex:1;color:var(--ink);text-decoration:none;font-weight:600}
.legend .speaker a:hover{text-decoration:underline}
.legend .count{margin-left:auto;background:#ecebe6;border-radius:999px;padding:0 .5rem;
font-size:.8rem;min-width:1.6rem;text-align:center}
.legend .sub{display:block;color:var(--muted);font-size:.8rem;font-weight:400}
.legend .key li{font-size:.9rem}
.swatch{display:inline-block;min-width:2.4rem;text-align:center;border-radius:4px;
background:var(--tint);border-bottom:3px solid var(--strong);font-size:.8rem;padding:0 .3rem}
.ico::before{color:var(--strong);font-size:.85em}
.k-who{font-weight:700;border-bottom:2px solid var(--ink)}
.k-cue{font-style:italic;border-bottom:2px dotted var(--ink)}
.k-to{border-bottom:3px double var(--ink)}
.article-wrap{position:relative}
.article{font:1.125rem/1.75 var(--serif);white-space:pre-wrap;overflow-wrap:break-word;
margin:0;padding:1.25rem 1.5rem;background:var(--card);border:1px solid var(--line);
border-radius:10px}
mark.qt{background:var(--tint);color:inherit;border-bottom:3px solid var(--strong);
padding:.1em 0;border-radius:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.qt.s-neutral{border-bottom-style:dotted}
mark.qt.s-negative{border-bottom-style:dashed}
mark.qt.s-unscored{border-bottom-style:double}
mark.qt.first::before{content:attr(data-icon) "\\2009" attr(data-n);
content:attr(data-icon) "\\2009" attr(data-n) / "";font:700 .68rem/1 var(--sans);
color:#fff;background:var(--strong);border-radius:3px;padding:.15rem .3rem;margin-right:.25rem;
vertical-align:.2em;white-space:nowrap}
mark.qt:hover{background-image:linear-gradient(rgba(0,0,0,.07),rgba(0,0,0,.07))}
mark.qt:focus{outline:3px solid var(--focus);outline-offset:2px}
.who,.cue,.to{border-radius:2px}
.who{font-weight:700;border-bottom:2px solid var(--ink)}
.cue{font-style:italic;border-bottom:2px dotted var(--ink)}
.to{border-bottom:3px double var(--ink)}
.tip{display:none;position:absolute;z-index:10;left:.75rem;right:.75rem;margin-top:2.1em;
white-space:normal;font:400 .875rem/1.45 var(--sans);color:var(--ink);background:var(--card);
border:1px solid var(--line);border-left:6px solid var(--strong);border-radius:8px;
padding:.6rem .8rem;box-shadow:0 6px 24px rgba(0,0,0,.14);text-align:left;
font-style:normal}
.tip b{font-weight:700}
.tip code{white-space:nowrap}
.tip .t-head{display:block;font-size:1rem;margin-bottom:.15rem}
.tip .t-n{display:block;font-size:.72rem;font-weight:700;text-transform:uppercase;
letter-spacing:.06em;color:var(--muted)}
.tip .t-row{display:block;margin-top:.15rem}
.tip .t-label{display:inline-block;color:#fff;background:var(--strong);border-radius:3px;
padding:0 .35rem;font-weight:700;font-size:.8rem;margin-right:.3rem}
.tip .t-dim{color:var(--muted)}
mark.qt:hover>.tip,mark.qt:focus>.tip,mark.qt:focus-within>.tip{display:inline-block}
mark.qt:has(mark.qt:hover)>.tip,mark.qt:has(mark.qt:focus)>.tip{display:none}
.all-quotes{margin-top:1.5rem}
.all-quotes summary{cursor:pointer;font-weight:600}
.all-quotes table{border-collapse:collapse;width:100%;margin-top:.75rem;font-size:.875rem}
.all-quotes th,.all-quotes td{text-align:left;vertical-align:top;padding:.4rem .5rem;
border-bottom:1px solid var(--line)}
.all-quotes td.q{font-family:var(--serif)}
.all-quotes td.nw{white-space:nowrap}
.empty{color:var(--muted);font-style:italic}
@media (min-width:60rem){
.layout{grid-template-columns:14rem minmax(0,40rem) minmax(0,1fr);align-items:start}
.legend{position:sticky;top:1rem}
.tip{left:calc(100% + 1.25rem);right:auto;width:min(21rem,calc(100vw - 100% - 20rem));
margin-top:0}
}
@media print{.tip{display:none!important}mark.qt{-webkit-print-color-adjust:exact;
print-color-adjust:exact}}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""The page's Content-Security-Policy: no script, no network, inline styles only."""


def page(title: str, body: str, css: str) -> str:
    """A complete HTML document around ``body``; ``title`` is escaped here."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="quotetrack">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------------------
# Marks: every span to wrap, and the single walk that turns them into nested markup.


@attrs.frozen(slots=True)
class _Mark:
    """One span to wrap: its role, and the quotes (indices) it belongs to."""

    start: int
    end: int
    role: str
    quotes: tuple[int, ...]
    part: int = 0  # which content span of its quote, from 0

    @property
    def order(self) -> tuple[int, int, int, tuple[int, ...], int]:
        """Sort key: by start, longer (outer) first, then by role and quote."""
        return (self.start, -self.end, ROLES.index(self.role), self.quotes, self.part)


def _checked(text: str, span: Span, what: str, n: int) -> Span:
    if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != span.text:
        msg = (
            f"the {what} of quote {n} ({span.start}, {span.end}, {span.text!r}) does not match "
            f"the text given ({len(text)} characters); pass the text the quotes were parsed from"
        )
        raise InvalidSpanError(msg)
    return span


def _marks(text: str, quotes: Sequence[Quote]) -> list[_Mark]:
    """Every non-empty span of every quote, identical non-content spans merged."""
    content: list[_Mark] = []
    shared: dict[tuple[int, int, str], list[int]] = {}
    for i, q in enumerate(quotes):
        n = i + 1
        for part, span in enumerate(q.spans):
            _checked(text, span, "content", n)
            if span.end > span.start:
                content.append(_Mark(span.start, span.end, "content", (i,), part))
        others = (
            ("mention", q.speaker.mention if q.speaker else None),
            ("cue", q.cue),
            ("addressee", q.addressee),
        )
        for role, other in others:
            if other is not None and other.end > other.start:
                _checked(text, other, role, n)
                shared.setdefault((other.start, other.end, role), []).append(i)
    merged = [_Mark(s, e, role, tuple(qs)) for (s, e, role), qs in shared.items()]
    return sorted(content + merged, key=lambda m: m.order)


class _Markup:
    """Opening and closing tags of marks, with each quote's tooltip on its first piece."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes
        self.speaker_ids = _speaker_ids(quotes)

    def open(self, mark: _Mark, *, first: bool) -> str:
        """The start tag of ``mark``; ``first`` is False for a reopened continuation."""
        if mark.role == "content":
            return self._open_content(mark, first=first)
        cls = {"mention": "who", "cue": "cue", "addressee": "to"}[mark.role]
        data_q = " ".join(f"q{i + 1}" for i in mark.quotes)
        tips = " ".join(f"q{i + 1}-tip" for i in mark.quotes)
        return f'<span class="{cls}" data-q="{data_q}" aria-describedby="{tips}">'

    def close(self, mark: _Mark) -> str:
        """The end tag of ``mark``."""
        return "</mark>" if mark.role == "content" else "</span>"

    def _open_content(self, mark: _Mark, *, first: bool) -> str:
        (i,) = mark.quotes
        q = self.quotes[i]
        n = i + 1
        label = sentiment_class(q.sentiment)
        sid = self.speaker_ids[_speaker_key(q)]
        common = f'class="qt s-{label}{" first" if first else ""}" data-q="q{n}" data-s="{sid}"'
        if not first:
            return f"<mark {common}>"
        ident = f"q{n}" if mark.part == 0 else f"q{n}-{mark.part + 1}"
        return (
            f'<mark {common} id="{ident}" data-n="{n}" data-icon="{SENTIMENT_ICONS[label]}" '
            f'data-part="{mark.part + 1}" tabindex="0" aria-describedby="q{n}-tip">'
            + _tip(q, n, with_id=mark.part == 0)
        )


def _walk(text: str, marks: list[_Mark], markup: _Markup) -> str:
    """Wrap ``marks`` around ``text`` in one pass, always well nested.

    At each boundary, elements that end there are closed; an element closed early only
    because an inner one ended (a crossing span) is reopened as a continuation piece.
    """
    out: list[str] = []
    stack: list[_Mark] = []
    bounds = sorted({m.start for m in marks} | {m.end for m in marks})
    nxt = 0
    pos = 0
    for b in bounds:
        out.append(_article_text(text[pos:b]))
        pos = b
        if any(m.end == b for m in stack):
            reopen: list[_Mark] = []
            while any(m.end == b for m in stack):
                m = stack.pop()
                out.append(markup.close(m))
                if m.end > b:
                    reopen.append(m)
            for m in sorted(reopen, key=lambda m: (-m.end, ROLES.index(m.role))):
                out.append(markup.open(m, first=False))
                stack.append(m)
        while nxt < len(marks) and marks[nxt].start == b:
            m = marks[nxt]
            out.append(markup.open(m, first=True))
            stack.append(m)
            nxt += 1
    out.append(_article_text(text[pos:]))
    # Every mark ends at a boundary, so the stack is empty here.
    return "".join(out)


# ---------------------------------------------------------------------------------------
# Tooltips, legend and the table of quotes.


def _speaker_key(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def _speaker_ids(quotes: Sequence[Quote]) -> dict[str | None, str]:
    ids: dict[str | None, str] = {}
    for q in quotes:
        key = _speaker_key(q)
        if key not in ids:
            ids[key] = f"s{len(ids) + 1}"
    return ids


def sentiment_key(*, unscored: bool) -> str:
    """The list items of the sentiment key: a swatch and its meaning per label, with
    "not scored" only when ``unscored`` (shared by the article view and the report)."""
    labels = [
        ("positive", "positive ≥ +0.05"),
        ("neutral", "neutral"),
        ("negative", "negative ≤ −0.05"),
    ]
    if unscored:
        labels.append(("unscored", "not scored"))
    return "".join(
        f'<li><span class="swatch s-{label}"><span class="ico"></span></span> {text}</li>'
        for label, text in labels
    )


def _kind_text(q: Quote) -> str:
    return f"{q.kind.value} quote"


def _tip(q: Quote, n: int, *, with_id: bool) -> str:
    label = sentiment_class(q.sentiment)
    ident = f' id="q{n}-tip"' if with_id else ""
    if q.speaker is not None:
        who = (
            f"<b>{esc(q.speaker.name)}</b> <span class='t-dim'>{esc(q.speaker.kind.value)}, "
            f"as “{esc(q.speaker.mention.text)}”</span>"
        )
    else:
        who = "<b>Unattributed</b> <span class='t-dim'>no speaker found</span>"
    s = q.sentiment
    if s is not None:
        scores = (
            f"<span class='t-row'><span class='t-label'>{SENTIMENT_ICONS[label]} {label}</span>"
            f"compound <b class='num'>{signed(s.compound)}</b></span>"
            f"<span class='t-row t-dim num'>pos {s.positive:.2f} · "
            f"neu {s.neutral:.2f} · neg {s.negative:.2f}</span>"
        )
    else:
        scores = (
            f"<span class='t-row'><span class='t-label'>{SENTIMENT_ICONS[label]} not scored"
            "</span></span>"
        )
    bits = [_kind_text(q)]
    if len(q.spans) > 1:
        bits.append(f"{len(q.spans)} parts")
    if q.cue is not None:
        bits.append(f"cue “{esc(q.cue.text)}”")
    if q.addressee is not None:
        bits.append(f"to “{esc(q.addressee.text)}”")
    rule = f"rule <code>{esc(q.rule)}</code>"
    return (
        f'<span class="tip" role="tooltip"{ident}>'
        f"<span class='t-n'>Quote {n}</span><span class='t-head'>{who}</span>"
        f"{scores}"
        f"<span class='t-row'>{' · '.join(bits)} · {rule}</span>"
        "</span>"
    )


def _mean(values: Iterable[float]) -> float | None:
    vals = list(values)
    return sum(vals) / len(vals) if vals else None


def _legend(quotes: Sequence[Quote]) -> str:
    ids = _speaker_ids(quotes)
    counts = Counter(_speaker_key(q) for q in quotes)
    first: dict[str | None, int] = {}
    for i, q in enumerate(quotes):
        first.setdefault(_speaker_key(q), i + 1)
    kinds = {q.speaker.name: q.speaker.kind.value for q in quotes if q.speaker}
    order = sorted(counts, key=lambda k: (k is None, -counts[k], k or ""))
    items = []
    for key in order:
        scored = [q.sentiment for q in quotes if _speaker_key(q) == key and q.sentiment]
        mean = _mean(s.compound for s in scored)
        label = mean_label(mean, (s.model for s in scored))
        mean_text = "not scored" if mean is None else f"mean {signed(mean)}"
        name = "Unattributed" if key is None else key
        kind = "no speaker found" if key is None else kinds[key]
        cls = "speaker unattributed" if key is None else "speaker"
        n = counts[key]
        items.append(
            f'<li class="{cls}" data-s="{ids[key]}"><a href="#q{first[key]}">{esc(name)}'
            f'<span class="sub">{esc(kind)} · <span class="ico s-{label}"></span> '
            f'<span class="num">{mean_text}</span></span></a>'
            f'<span class="count num">{n}<span class="visually-hidden"> '
            f"quote{'s' if n != 1 else ''}</span></span>"
            "</li>"
        )
    speakers = "".join(items) or '<li class="empty">No quotes found.</li>'
    key_items = sentiment_key(unscored=any(q.sentiment is None for q in quotes))
    marks_key = (
        '<li><span class="k-who">Name</span> speaker mention</li>'
        '<li><span class="k-cue">said</span> cue</li>'
    )
    if any(q.addressee for q in quotes):
        marks_key += '<li><span class="k-to">you</span> addressee</li>'
    return (
        '<aside class="legend card" aria-labelledby="legend-h">'
        f'<h2 id="legend-h">Speakers</h2><ul class="speakers">{speakers}</ul>'
        f'<h2>Sentiment</h2><ul class="key">{key_items}</ul>'
        f'<h2>Marks</h2><ul class="key">{marks_key}</ul>'
        '<p class="meta">Hover or focus (Tab) a quote for details.</p>'
        "</aside>"
    )


def _table(quotes: Sequence[Quote]) -> str:
    if not quotes:
        return ""
    rows = []
    for i, q in enumerate(quotes):
        n = i + 1
        label = sentiment_class(q.sentiment)
        score = "—" if q.sentiment is None else signed(q.sentiment.compound)
        who = esc(q.speaker.name) if q.speaker else "<i>unattributed</i>"
        cue = esc(q.cue.text) if q.cue else ""
        target = f'<a href="#q{n}">{n}</a>' if q.spans else str(n)
        rows.append(
            f'<tr class="s-{label}"><td class="num">{target}</td>'
            f'<td class="num nw"><span class="ico"></span> {label} {score}</td>'
            f"<td>{who}</td><td>{cue}</td><td class='q'>{esc(q.text)}</td>"
            f"<td>{esc(q.kind.value)}</td><td class='nw'><code>{esc(q.rule)}</code></td></tr>"
        )
    return (
        f'<details class="all-quotes card"><summary>All {len(quotes)} quotes as a table'
        "</summary><table><thead><tr><th>#</th><th>Sentiment</th><th>Speaker</th><th>Cue</th>"
        "<th>Quote</th><th>Kind</th><th>Rule</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _link_css(quotes: Sequence[Quote]) -> str:
    """Per-quote and per-speaker rules: hovering or focusing one piece outlines the rest.

    They use ``:has()``; a browser without it simply skips them.
    """
    rules = [
        f'.page:has([data-q~="q{i + 1}"]:is(:hover,:focus)) [data-q~="q{i + 1}"]'
        "{box-shadow:0 0 0 2px var(--ink)}"
        for i in range(len(quotes))
    ]
    rules.extend(
        f'.page:has(.legend [data-s="{sid}"]:is(:hover,:focus-within)) mark.qt[data-s="{sid}"]'
        "{box-shadow:0 0 0 2px var(--ink)}"
        for sid in _speaker_ids(quotes).values()
    )
    return "\n".join(rules)


def render_html(text: str, quotes: Sequence[Quote], *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``text`` with ``quotes`` highlighted.

    ``quotes`` must carry offsets into ``text`` (as from ``quotetrack.analyze(text)``);
    a span that does not match raises :class:`~quotetrack.errors.InvalidSpanError`.
    ``title`` heads the page (escaped like everything else).
    """
    text = check_text(text)
    quotes = tuple(items_of(quotes, "quotes"))
    for i, quote in enumerate(quotes):
        if not isinstance(quote, Quote):
            msg = f"quotes[{i}] must be a Quote, not {type(quote).__name__}"
            raise InputTypeError(msg)
    title = optional_str(title, "title")
    marks = _marks(text, quotes)
    article = _walk(text, marks, _Markup(quotes))
    speakers = {_speaker_key(q) for q in quotes}
    n_speakers = len(speakers - {None})
    heading = title if title else "Quotes in this article"
    summary = (
        f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''} · "
        f"{n_speakers} speaker{'s' if n_speakers != 1 else ''} · "
        f"{len(text.split())} words"
    )
    body = (
        '<div class="page">'
        f'<header class="top"><h1>{esc(heading)}</h1><p class="meta">{summary}</p></header>'
        '<div class="layout">'
        f"{_legend(quotes)}"
        '<main class="article-wrap">'
        f'<div class="article" id="article" lang="en">{article}</div>'
        f"{_table(quotes)}"
        "</main></div></div>"
    )
    css = "\n".join((BASE_CSS, SENTIMENT_CSS, VIEW_CSS, _link_css(quotes)))
    return page(heading, body, css)
