"""Period arithmetic for timelines: the day, ISO week or month a date falls in, the
next one, and its label; which publication dates are plausible, and how long an empty
stretch a timeline spells out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, Literal

from quotetrack.models import TimelinePoint

__all__ = [
    "MAX_EMPTY_PERIODS",
    "PLAUSIBLE_DATES",
    "Freq",
    "next_period",
    "period_label",
    "period_start",
    "plausible_date",
    "timeline_points",
]

PLAUSIBLE_DATES: Final = (dt.date(1800, 1, 1), dt.date(2199, 12, 31))
"""The first and last publication date taken at face value. A date outside (a
placeholder such as 0001-01-01 or 9999-12-31) is stored as given but left out of
timelines, where it would stretch the axis over millennia."""

MAX_EMPTY_PERIODS: Final = 60
"""Empty periods in a row that a timeline lists; a longer empty stretch is skipped, so
two consecutive points may then be far apart."""


def plausible_date(day: dt.date) -> bool:
    """Whether ``day`` lies within :data:`PLAUSIBLE_DATES`."""
    return PLAUSIBLE_DATES[0] <= day <= PLAUSIBLE_DATES[1]


Freq = Literal["day", "week", "month"]
"""A timeline's period: ``"day"``, ``"week"`` (ISO, from Monday) or ``"month"``."""


def period_start(day: dt.date, freq: Freq) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day


def next_period(day: dt.date, freq: Freq) -> dt.date:
    if freq == "week":
        return day + dt.timedelta(days=7)
    if freq == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def period_label(day: dt.date, freq: Freq) -> str:
    if freq == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def timeline_points(
    rows: Iterable[tuple[dt.date, int, float | None, int]], freq: Freq
) -> list[TimelinePoint]:
    """A timeline from one row per publication date (the date, quotes, sum of their
    compounds, how many have one): the dates bucketed by ``freq``, each period with its
    quotes and mean compound, and the empty periods between two points spelled out when
    there are at most :data:`MAX_EMPTY_PERIODS` of them in a row."""
    buckets: dict[dt.date, list[float]] = {}
    for published, n, total, scored in rows:
        start = period_start(published, freq)
        bucket = buckets.setdefault(start, [0, 0.0, 0])
        bucket[0] += n
        bucket[1] += total or 0.0
        bucket[2] += scored
    points: list[TimelinePoint] = []
    for day in sorted(buckets):
        if points:  # the empty periods since the last point, if the stretch is short
            gap, empty = next_period(points[-1].start, freq), list[TimelinePoint]()
            while gap < day and len(empty) <= MAX_EMPTY_PERIODS:
                empty.append(TimelinePoint(period_label(gap, freq), gap, 0, None))
                gap = next_period(gap, freq)
            if len(empty) <= MAX_EMPTY_PERIODS:
                points += empty
        quotes, compounds, with_compound = buckets[day]
        mean = compounds / with_compound if with_compound else None
        points.append(TimelinePoint(period_label(day, freq), day, int(quotes), mean))
    return points
