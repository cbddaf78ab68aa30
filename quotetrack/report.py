"""A tracker's store as one self-contained HTML report.

:func:`render_report` reads a :class:`~quotetrack.tracker.Tracker` and writes a static
page: the most quoted speakers (quotes, articles, mean sentiment), a sentiment-over-time
chart for chosen speakers (inline SVG from :mod:`quotetrack.svg`, one marker per
period), the lines re-quoted across articles with the outlets that carried them, and the
top speaker → target pairs (:meth:`~quotetrack.tracker.Tracker.mentions`: who names whom
most, and the mean sentiment toward them; a speaker naming themselves is left out).

Filtering by outlet is static: ``outlet=`` restricts the whole report to one outlet
(``quotetrack report --outlet``); without it, CSS-only tabs (radio buttons, no script)
switch the speaker table and the re-quoted lines between all outlets and each of the
busiest ones. Like the article view, the page has no script, loads nothing, escapes every
stored string and carries a Content-Security-Policy that forbids scripts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from quotetrack._version import __version__
from quotetrack.errors import ConfigurationError, InputTypeError
from quotetrack.models import QuoteCluster, TrackedMention, TrackedSpeaker
from quotetrack.periods import Freq, plausible_date
from quotetrack.store.sql import fold
from quotetrack.svg import Point, sentiment_chart
from quotetrack.tracker import Tracker
from quotetrack.validation import at_least, items_of, optional_str
from quotetrack.view import BASE_CSS, SENTIMENT_CSS, esc, mean_label, page, sentiment_key, signed

__all__ = ["choose_freq", "render_report", "timeline_points"]


MAX_OUTLET_TABS = 8
"""Outlets with a tab of their own (the busiest); the rest are reachable by ``--outlet``."""

DEFAULT_CHARTS = 3
"""Speakers charted when none are chosen: the most quoted ones."""


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def choose_freq(first: dt.date | None, last: dt.date | None) -> Freq:
    """Days for up to ~two months of data, ISO weeks up to ~a year, months beyond."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    if days <= 62:
        return "day"
    if days <= 370:
        return "week"
    return "month"


def timeline_points(
    tracker: Tracker, speaker: TrackedSpeaker, freq: Freq, outlet: str | None = None
) -> list[Point]:
    """One chart point per period of ``speaker``'s timeline (:meth:`Tracker.timeline`,
    restricted to ``outlet`` when given), empty periods included."""
    return [
        Point(p.period, p.mean_compound, p.quotes)
        for p in tracker.timeline(speaker, freq, outlet=outlet)
    ]


# -- sections -------------------------------------------------------------------------


def _bar(mean: float | None, label: str | None = None) -> str:
    """The mean as a signed number and a small diverging bar (label, not colour alone);
    ``label`` is the mean's label when it is not one of the default model's means."""
    label = label or mean_label(mean)
    if mean is None:
        return '<span class="mean s-unscored"><span class="ico"></span> not scored</span>'
    width = min(50.0, abs(mean) * 50)
    side = f"left:50%;width:{width:.1f}%" if mean >= 0 else f"right:50%;width:{width:.1f}%"
    return (
        f'<span class="mean s-{label}"><span class="ico"></span> '
        f'<span class="num">{signed(mean)}</span>'
        f'<span class="bar" aria-hidden="true"><span style="{side}"></span></span></span>'
    )


def _speakers_table(speakers: Sequence[TrackedSpeaker], caption: str) -> str:
    if not speakers:
        return '<p class="empty">No attributed quotes here.</p>'
    rows = []
    for rank, s in enumerate(speakers, 1):
        others = [a for a in s.aliases if a != s.name][:3]
        aka = f'<span class="aka">also {esc(", ".join(others))}</span>' if others else ""
        rows.append(
            f'<tr><td class="num">{rank}</td><th scope="row">{esc(s.name)}{aka}</th>'
            f"<td>{esc(s.kind.value)}</td>"
            f'<td class="num">{s.quotes:,}</td><td class="num">{s.articles:,}</td>'
            f"<td>{_bar(s.mean_compound)}</td>"
            f'<td class="num nw">{_date(s.first_seen)}</td>'
            f'<td class="num nw">{_date(s.last_seen)}</td></tr>'
        )
    return (
        f'<table class="speakers"><caption class="visually-hidden">{esc(caption)}</caption>'
        '<thead><tr><th scope="col">#</th><th scope="col">Speaker</th><th scope="col">Kind</th>'
        '<th scope="col">Quotes</th><th scope="col">Articles</th>'
        '<th scope="col">Mean sentiment</th><th scope="col">First seen</th>'
        '<th scope="col">Last seen</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _mentions_section(rows: Sequence[TrackedMention], scope: str, *, note: bool) -> str:
    """The top speaker → target pairs, with the mean sentiment toward the target."""
    if rows:
        body = "".join(
            f'<tr><td class="num">{rank}</td><th scope="row">{esc(m.speaker)}</th>'
            f"<td>{esc(m.target)}</td>"
            f'<td class="num">{m.quotes:,}</td><td class="num">{m.mentions:,}</td>'
            f"<td>{_bar(m.mean_compound, m.label)}</td>"
            f'<td class="num nw">{_date(m.first_seen)}</td>'
            f'<td class="num nw">{_date(m.last_seen)}</td></tr>'
            for rank, m in enumerate(rows, 1)
        )
        table = (
            '<table class="mentions"><caption class="visually-hidden">'
            f"Top speaker → target pairs {esc(scope)}</caption>"
            '<thead><tr><th scope="col">#</th><th scope="col">Speaker</th>'
            '<th scope="col">Names</th><th scope="col">Quotes</th>'
            '<th scope="col">Mentions</th><th scope="col">Mean sentiment toward</th>'
            '<th scope="col">First seen</th><th scope="col">Last seen</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    else:
        table = '<p class="empty">No attributed quote names a person or organisation.</p>'
    return (
        '<section aria-labelledby="h-mentions"><h2 id="h-mentions">Who talks about whom'
        "</h2>"
        f'<p class="meta">{"All outlets, whichever is selected above. " if note else ""}'
        "The people and organisations speakers name most in their quotes (themselves "
        "left out), and the mean sentiment of those quotes toward them.</p>"
        f"{table}</section>"
    )


def _link(url: str, text: str) -> str:
    """A link for http(s) URLs only; anything else (javascript:, data:, ...) is text."""
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'
    return esc(text)


def _clusters_list(clusters: Sequence[QuoteCluster], outlet_ids: dict[str, str]) -> str:
    if not clusters:
        return '<p class="empty">No line was quoted in two articles or more.</p>'
    items = []
    for c in clusters:
        speaker = esc(c.speaker) if c.speaker else "<i>unattributed</i>"
        outlets = "".join(f'<li class="chip">{esc(o)}</li>' for o in c.outlets)
        data_o = " ".join(outlet_ids[o] for o in c.outlets if o in outlet_ids)
        web = [u for u in c.urls if u.lower().startswith(("https://", "http://"))]
        sources = ", ".join(_link(url, f"source {i}") for i, url in enumerate(web[:5], 1))
        items.append(
            f'<li class="cluster card" data-o="{data_o}"><blockquote>“{esc(c.quotation)}”'
            f'</blockquote><p class="meta"><b class="by">{speaker}</b> · '
            f'<b class="num">{_plural(c.articles, "article")}</b> · '
            f'<span class="num">{_plural(c.occurrences, "occurrence")}</span> · '
            f'<span class="num">{_date(c.first_seen)} → {_date(c.last_seen)}</span>'
            f"{' · ' + sources if sources else ''}</p>"
            f'<ul class="chips" aria-label="outlets">{outlets}</ul></li>'
        )
    return f'<ol class="clusters">{"".join(items)}</ol>'


def _chart_section(
    tracker: Tracker,
    chosen: Sequence[TrackedSpeaker],
    missing: Sequence[str],
    freq: Freq,
    outlet: str | None,
    *,
    note: bool = False,
) -> str:
    parts = []
    for i, s in enumerate(chosen, 1):
        points = timeline_points(tracker, s, freq, outlet)
        title = f"Mean sentiment of {s.name}'s quotes per {freq}"
        if outlet is not None:
            title += f" in {outlet}"
        chart = sentiment_chart(points, title=title, ident=f"chart{i}")
        rows = "".join(
            f'<tr><th scope="row" class="num">{esc(p.label)}</th>'
            f'<td class="num">{p.count}</td>'
            f'<td class="num">{"—" if p.value is None else signed(p.value)}</td></tr>'
            for p in points
            if p.count
        )
        parts.append(
            f'<figure class="chart-fig card" id="speaker-{i}"><figcaption><b>{esc(s.name)}'
            f"</b> <span class='meta'>{_plural(s.quotes, 'quote')} · per {freq} · "
            f"{len(points)} periods</span></figcaption>{chart}"
            f"<details><summary>Data</summary><table class='data'><thead><tr>"
            "<th scope='col'>Period</th><th scope='col'>Quotes</th>"
            "<th scope='col'>Mean</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></details></figure>"
        )
    for name in missing:
        parts.append(f'<p class="empty">No speaker called “{esc(name)}” in this store.</p>')
    if not parts:
        parts.append('<p class="empty">No speaker to chart.</p>')
    key = sentiment_key(unscored=False)
    return (
        '<section aria-labelledby="h-time"><h2 id="h-time">Sentiment over time</h2>'
        f'<p class="meta">{"All outlets, whichever is selected above. " if note else ""}'
        "One marker per period, larger for more quotes; hollow ticks are periods without "
        "a scored quote.</p>"
        f'<ul class="key inline">{key}</ul><div class="charts">{"".join(parts)}</div></section>'
    )


REPORT_CSS = """
.page{max-width:72rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
header.top h1{font-size:1.7rem}
header.top{margin-bottom:1rem}
.stats{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0 0;padding:0;list-style:none}
.stats li{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:.5rem .9rem;min-width:8rem}
.stats b{display:block;font-size:1.35rem}
.stats span{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
section{margin:2rem 0}
section>h2{font-size:1.25rem;margin-bottom:.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.45rem .55rem;border-bottom:1px solid var(--line);
vertical-align:top}
thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
tbody th{font-weight:600}
td.num,th.num{font-variant-numeric:tabular-nums}
.nw{white-space:nowrap}
.aka{display:block;font-weight:400;color:var(--muted);font-size:.8rem}
.mean{display:inline-flex;align-items:center;gap:.35rem;white-space:nowrap}
.mean .ico::before{color:var(--strong)}
.bar{position:relative;display:inline-block;width:5rem;height:.6rem;background:#ecebe6;
border-radius:3px}
.bar::after{content:"";position:absolute;left:50%;top:-2px;bottom:-2px;width:1px;
background:var(--muted)}
.bar span{position:absolute;top:0;bottom:0;background:var(--strong);border-radius:2px}
.outlet-filter{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.outlet-filter>.panels,.outlet-filter>.more{flex:1 0 100%}
.outlet-filter>input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.outlet-filter>label{border:1px solid var(--line);background:var(--card);border-radius:999px;
padding:.3rem .85rem;cursor:pointer;font-size:.9rem}
.outlet-filter>input:checked+label{background:var(--ink);color:#fff;border-color:var(--ink)}
.outlet-filter>input:focus-visible+label{outline:3px solid var(--focus);outline-offset:2px}
.panel{display:none}
.panel.shown{display:block}
.clusters{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.cluster{padding:.75rem 1rem}
.cluster blockquote{margin:0 0 .3rem;font:1.05rem/1.5 var(--serif)}
.cluster .meta{display:inline}
.cluster .by{color:var(--ink)}
.chips{list-style:none;margin:0 0 0 .5rem;padding:0;display:inline-flex;flex-wrap:wrap;
gap:.3rem;vertical-align:middle}
.chip{background:#ecebe6;border-radius:999px;padding:.05rem .6rem;font-size:.8rem}
.charts{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,30rem),1fr))}
.chart-fig{margin:0}
.chart-fig figcaption{margin-bottom:.4rem}
.chart{display:block;max-width:100%;height:auto}
.chart-fig details{margin-top:.4rem;font-size:.85rem}
.chart-fig table.data{width:auto;min-width:18rem}
.key{list-style:none;margin:0 0 .75rem;padding:0}
.key.inline{display:flex;flex-wrap:wrap;gap:1rem;font-size:.875rem}
.swatch{display:inline-block;min-width:2.2rem;text-align:center;border-radius:4px;
background:var(--tint);border-bottom:3px solid var(--strong);font-size:.8rem}
.ico::before{color:var(--strong)}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.8rem;margin-top:3rem}
"""


def _tab_css(n_panels: int, outlet_ids: Sequence[str]) -> str:
    rules = [f"#tab-{i}:checked~.panels .panel-{i}{{display:block}}" for i in range(n_panels)]
    # Re-quoted lines are listed once; a tab hides the lines its outlet did not carry.
    rules += [
        f'#tab-{i + 1}:checked~.panels .clusters>li:not([data-o~="{oid}"]){{display:none}}'
        for i, oid in enumerate(outlet_ids)
    ]
    return "\n".join(rules)


_READS = ("quotes", "speakers", "speaker", "clusters", "mentions", "timeline")
"""The tracker's read methods the report calls (a read-only stand-in with them will do)."""


def render_report(
    tracker: Tracker,
    *,
    speakers: Sequence[str] | None = None,
    outlet: str | None = None,
    top: int = 20,
    freq: Freq | None = None,
    title: str | None = None,
) -> str:
    """One self-contained HTML page summarising ``tracker``'s store.

    ``speakers`` names the speakers to chart (names, aliases or ids as text; default: the
    three most quoted); ``outlet`` restricts every section to one outlet; ``top`` caps the
    speaker table, the list of re-quoted lines and the speaker → target pairs; ``freq``
    is the chart period ("day", "week" or "month"; default: chosen from the span of the
    dates).
    """
    if not all(callable(getattr(tracker, m, None)) for m in _READS):
        msg = f"render_report takes a Tracker, not {type(tracker).__name__}"
        raise InputTypeError(msg)
    top = at_least(top, 1, "top")
    title = optional_str(title, "title")
    names = None if speakers is None else list(items_of(speakers, "speakers"))
    for name in names or ():
        if not isinstance(name, str):
            msg = f"speakers must hold names (str), not {type(name).__name__}"
            raise InputTypeError(msg)
    if freq is not None and freq not in ("day", "week", "month"):
        msg = f"freq must be 'day', 'week' or 'month', not {freq!r}"
        raise ConfigurationError(msg)
    quotes = tracker.quotes(outlet=outlet)
    dates = [q.published for q in quotes if q.published and plausible_date(q.published)]
    first, last = (min(dates), max(dates)) if dates else (None, None)
    freq = freq or choose_freq(first, last)
    articles = Counter(q.outlet for q in {(q.doc_id, q.outlet): q for q in quotes}.values())
    outlets = [o for o, _ in articles.most_common() if o is not None]

    top_speakers = tracker.speakers(outlet=outlet, limit=top)
    chosen: list[TrackedSpeaker] = []
    missing: list[str] = []
    if names is None:
        chosen = top_speakers[:DEFAULT_CHARTS]
    else:
        for name in names:
            is_id = name.isascii() and name.isdigit()
            found = tracker.speaker(int(name) if is_id else name)
            if found is None:
                missing.append(name)
            elif found not in chosen:
                chosen.append(found)

    clusters = tracker.clusters(min_articles=2, limit=None if outlet else top)
    if outlet is not None:
        wanted = fold(outlet)  # ignoring case, as the tracker's outlet filters do
        clusters = [c for c in clusters if any(fold(o) == wanted for o in c.outlets)]
    clusters = clusters[:top]

    # A speaker naming themselves (a company name, a boast, often a misattributed
    # quote) says nothing of how they see others.
    pairs = [m for m in tracker.mentions(outlet=outlet) if m.target_id != m.speaker_id][:top]

    n_speakers = len({q.speaker_id for q in quotes if q.speaker_id is not None})
    n_docs = len({q.doc_id for q in quotes})
    scope = f"in {outlet}" if outlet else "across all outlets"
    heading = title or (f"Quotes in {outlet}" if outlet else "Who said what")
    span = f"{_date(first)} → {_date(last)}" if first else "undated"
    stats = (
        '<ul class="stats">'
        f"<li><b class='num'>{n_docs:,}</b><span>articles</span></li>"
        f"<li><b class='num'>{len(quotes):,}</b><span>quotes</span></li>"
        f"<li><b class='num'>{n_speakers:,}</b><span>speakers</span></li>"
        f"<li><b class='num'>{len(outlets):,}</b><span>outlets</span></li>"
        f"<li><b class='num'>{span}</b><span>published</span></li></ul>"
    )

    tab_outlets = [] if outlet is not None else outlets[:MAX_OUTLET_TABS]
    outlet_ids = {o: f"o{i + 1}" for i, o in enumerate(outlets)}
    speaker_panels = [
        f'<div class="panel panel-0">{_speakers_table(top_speakers, f"Top speakers {scope}")}</div>'
    ]
    for i, o in enumerate(tab_outlets, 1):
        rows = tracker.speakers(outlet=o, limit=top)
        speaker_panels.append(
            f'<div class="panel panel-{i}">{_speakers_table(rows, f"Top speakers in {o}")}</div>'
        )
    radios = ""
    if tab_outlets:
        labels = [("All outlets", n_docs)] + [(o, articles[o]) for o in tab_outlets]
        radios = '<span class="visually-hidden">Filter by outlet:</span>' + "".join(
            f'<input type="radio" name="outlet" id="tab-{i}"{" checked" if i == 0 else ""}>'
            f'<label for="tab-{i}">{esc(name)} <span class="num">({n:,})</span></label>'
            for i, (name, n) in enumerate(labels)
        )
        more = len(outlets) - len(tab_outlets)
        if more > 0:
            radios += (
                f'<p class="meta more">{_plural(more, "more outlet")}: '
                "<code>quotetrack report --outlet NAME</code></p>"
            )
    else:
        speaker_panels[0] = speaker_panels[0].replace('class="panel ', 'class="panel shown ')
    # The radios are siblings of .panels, so that `#tab-N:checked ~ .panels` reaches it.
    filterable = (
        f'<div class="outlet-filter">{radios}'
        '<div class="panels">'
        '<section aria-labelledby="h-speakers"><h2 id="h-speakers">Top speakers</h2>'
        f"{''.join(speaker_panels)}</section>"
        f"{_chart_section(tracker, chosen, missing, freq, outlet, note=bool(tab_outlets))}"
        '<section aria-labelledby="h-clusters"><h2 id="h-clusters">Most re-quoted lines</h2>'
        f"{_clusters_list(clusters, outlet_ids)}</section>"
        f"{_mentions_section(pairs, scope, note=bool(tab_outlets))}</div></div>"
    )
    body = (
        '<div class="page"><header class="top">'
        f"<h1>{esc(heading)}</h1>"
        f'<p class="meta">Report of a quotetrack store, {esc(scope)} · '
        f"periods: {freq}</p>{stats}</header><main>"
        f"{filterable}"
        f"</main><footer>Generated by quotetrack {esc(__version__)}. "
        "Sentiment is the compound score of the quoted words, from −1 to +1; sentiment "
        "toward a person or organisation is the quote's toward that target.</footer></div>"
    )
    css = "\n".join(
        (
            BASE_CSS,
            SENTIMENT_CSS,
            REPORT_CSS,
            _tab_css(len(tab_outlets) + 1, [outlet_ids[o] for o in tab_outlets]),
        )
    )
    return page(heading, body, css)
