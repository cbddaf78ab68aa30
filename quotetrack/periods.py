"""Period arithmetic for timelines: the day, ISO week or month a date falls in, the
next one, and its label."""

from __future__ import annotations

import datetime as dt
from typing import Literal

__all__ = ["Freq", "next_period", "period_label", "period_start"]

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
