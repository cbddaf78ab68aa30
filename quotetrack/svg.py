"""Charts as inline SVG strings: pure functions of plain data, no JavaScript, no library.

:func:`sentiment_chart` draws mean sentiment per period: one marker per period, evenly
spaced in the order given, on a fixed −1…+1 axis with the neutral band shaded. Markers
differ in shape as well as colour (▲ positive, ● neutral, ▼ negative) and each carries a
``<title>`` that browsers show on hover; the chart's own ``<title>`` and ``<desc>`` name
it and summarise it for screen readers.

Every piece of text is escaped; the output is safe to paste into an HTML page.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Sequence

import attrs

from quotetrack.models import Sentiment, sentiment_label
from quotetrack.sentiment import DEFAULT_MODEL

__all__ = ["Point", "sentiment_chart"]

POSITIVE_THRESHOLD = Sentiment.POSITIVE_THRESHOLD
"""VADER's threshold (:attr:`quotetrack.models.Sentiment.POSITIVE_THRESHOLD`), drawn as the
edges of the neutral band."""

COLOURS = {"positive": "#00704f", "neutral": "#4f566b", "negative": "#a8420a"}
"""Marker colours: the view's strong colours, each at least 4.5:1 on white."""


TICK_LABELS = {-1.0: "\u22121", -0.5: "\u22120.5", 0.0: "0", 0.5: "+0.5", 1.0: "+1"}


@attrs.frozen(slots=True)
class Point:
    """One period: its axis ``label``, mean compound ``value`` and number of quotes.

    ``value`` is None for a period without scored quotes: it keeps its place on the axis
    and gets a small hollow tick instead of a marker, and the line breaks there.
    ``model`` is the sentiment model whose scores were averaged (by default the default
    model, :data:`quotetrack.sentiment.DEFAULT_MODEL`): its cut-offs label the marker.
    """

    label: str
    value: float | None
    count: int = 1
    model: str = DEFAULT_MODEL

    @property
    def sentiment(self) -> str:
        """``"positive"``, ``"neutral"``, ``"negative"``, or ``"empty"`` without a value,
        by the cut-offs of :attr:`model`."""
        return "empty" if self.value is None else sentiment_label(self.value, self.model)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _num(value: float) -> str:
    """A coordinate with at most one decimal, never ``-0``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")


def _marker(label: str, x: float, y: float, r: float) -> str:
    """A triangle up, a circle or a triangle down, centred on (x, y)."""
    if label == "neutral":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r * 0.85)}"/>'
    k = 1.25 * r
    tip = y - k if label == "positive" else y + k
    base = y + 0.6 * k if label == "positive" else y - 0.6 * k
    pts = f"{_num(x)},{_num(tip)} {_num(x - k)},{_num(base)} {_num(x + k)},{_num(base)}"
    return f'<polygon points="{pts}"/>'


def _label_every(n: int, room: float, longest: int) -> int:
    """Show every k-th x label so labels of ``longest`` characters do not overlap."""
    needed = max(1, longest) * 7 + 10  # px per label at 12px sans
    per = room / max(1, n)
    return max(1, math.ceil(needed / per))


def sentiment_chart(
    points: Sequence[Point],
    *,
    title: str,
    desc: str | None = None,
    ident: str = "chart",
    width: int = 520,
    height: int = 220,
) -> str:
    """An SVG line chart of mean sentiment, one marker per point, in the order given.

    ``title`` and ``desc`` become the chart's accessible name and description (``desc``
    defaults to a summary of the data); ``ident`` prefixes the element ids, so give each
    chart on a page its own. The chart scales to its container (``viewBox``, width 100%).
    """
    left, right, top, bottom = 58, 14, 12, 34
    plot_w = width - left - right
    plot_h = height - top - bottom

    def y_of(value: float) -> float:
        clamped = max(-1.0, min(1.0, value))
        return top + (1 - clamped) / 2 * plot_h

    n = len(points)
    step = plot_w / n if n else plot_w
    xs = [left + step * (i + 0.5) for i in range(n)]
    if desc is None:
        desc = _summary(points)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{_esc(ident)}-title {_esc(ident)}-desc" '
        'font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{_esc(ident)}-title">{_esc(title)}</title>',
        f'<desc id="{_esc(ident)}-desc">{_esc(desc)}</desc>',
    ]
    # Regions: positive above +0.05, neutral band, negative below −0.05.
    y_pos, y_neg = y_of(POSITIVE_THRESHOLD), y_of(-POSITIVE_THRESHOLD)
    out.append(
        f'<g class="bands" aria-hidden="true">'
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{_num(y_pos - top)}" '
        'fill="#d5efe5" fill-opacity=".45"/>'
        f'<rect x="{left}" y="{_num(y_pos)}" width="{plot_w}" height="{_num(y_neg - y_pos)}" '
        'fill="#e4e6ee"/>'
        f'<rect x="{left}" y="{_num(y_neg)}" width="{plot_w}" '
        f'height="{_num(top + plot_h - y_neg)}" fill="#fde1cf" fill-opacity=".45"/></g>'
    )
    # Y axis: gridlines and labels at −1, −0.5, 0, +0.5, +1.
    grid = ['<g class="y-axis" aria-hidden="true">']
    for tick in TICK_LABELS:
        y = _num(y_of(tick))
        stroke = "#55565e" if tick == 0 else "#c9c8c2"
        grid.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y}" y2="{y}" stroke="{stroke}" '
            f'stroke-width="{1 if tick == 0 else 0.6}"/>'
            f'<text x="{left - 6}" y="{y}" dy="0.32em" text-anchor="end" fill="#55565e">'
            f"{TICK_LABELS[tick]}</text>"
        )
    grid.append(
        f'<text transform="translate(12 {_num(top + plot_h / 2)}) rotate(-90)" '
        'text-anchor="middle" fill="#55565e">mean sentiment</text></g>'
    )
    out.extend(grid)
    # X axis labels, thinned so they do not collide.
    every = _label_every(n, plot_w, max((len(p.label) for p in points), default=1))
    xl = ['<g class="x-axis" aria-hidden="true">']
    for i, (p, x) in enumerate(zip(points, xs, strict=True)):
        if i % every == 0:
            xl.append(
                f'<text x="{_num(x)}" y="{height - bottom + 16}" text-anchor="middle" '
                f'fill="#55565e">{_esc(p.label)}</text>'
            )
    xl.append("</g>")
    out.extend(xl)
    out.extend(
        _lines(
            [
                (x, None if p.value is None else y_of(p.value))
                for p, x in zip(points, xs, strict=True)
            ]
        )
    )
    most = max((p.count for p in points), default=1)
    marks = ['<g class="points">']
    for p, x in zip(points, xs, strict=True):
        r = 3.5 + 3.5 * math.sqrt(max(0, p.count) / max(1, most))
        label = p.sentiment
        quotes = f"{p.count} quote{'s' if p.count != 1 else ''}"
        if p.value is None:
            what = "no quotes" if p.count == 0 else f"{quotes}, none scored"
            base = top + plot_h
            marks.append(
                f'<g class="point empty" data-label="{_esc(p.label)}" data-count="{p.count}">'
                f"<title>{_esc(p.label)}: {what}</title>"
                f'<circle cx="{_num(x)}" cy="{_num(base)}" r="2.5" fill="#fff" '
                'stroke="#55565e" stroke-width="1.2"/></g>'
            )
            continue
        marks.append(
            f'<g class="point {label}" fill="{COLOURS[label]}" stroke="#fff" stroke-width="1.2" '
            f'data-label="{_esc(p.label)}" data-value="{p.value:.4f}" data-count="{p.count}">'
            f"<title>{_esc(p.label)}: mean {_signed(p.value)} ({label}), {quotes}</title>"
            f"{_marker(label, x, y_of(p.value), r)}</g>"
        )
    marks.append("</g>")
    out.extend(marks)
    if not any(p.value is not None for p in points):
        out.append(
            f'<text x="{_num(left + plot_w / 2)}" y="{_num(y_of(0.5))}" '
            'text-anchor="middle" fill="#55565e">no quotes in this range</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _lines(xy: Sequence[tuple[float, float | None]]) -> list[str]:
    """A solid polyline through each run of valued periods, dashed across the gaps."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in xy:
        if y is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, y))
    runs = [r for r in runs if r]
    out = []
    for before, after in itertools.pairwise(runs):
        (x1, y1), (x2, y2) = before[-1], after[0]
        out.append(
            f'<line class="gap" x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            'stroke="#55565e" stroke-width="1" stroke-dasharray="3 3" aria-hidden="true"/>'
        )
    for run in runs:
        if len(run) > 1:
            coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
            out.append(
                f'<polyline class="line" points="{coords}" fill="none" stroke="#1b1b1f" '
                'stroke-width="1.5" stroke-linejoin="round" aria-hidden="true"/>'
            )
    return out


def _summary(points: Sequence[Point]) -> str:
    valued = [(p, p.value) for p in points if p.value is not None]
    if not valued:
        return "No scored quotes." if points else "No data."
    lo = min(valued, key=lambda pv: pv[1])
    hi = max(valued, key=lambda pv: pv[1])
    total = sum(p.count for p in points)
    return (
        f"{len(points)} periods from {points[0].label} to {points[-1].label}, "
        f"{total} quotes; highest {_signed(hi[1])} in {hi[0].label}, "
        f"lowest {_signed(lo[1])} in {lo[0].label}."
    )
