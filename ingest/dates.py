"""Resolve a DateRef (a date as the article says it) against the publication date.

Pure functions. The rules, in order:

* year, month and day given: that day ("text").
* month and day without a year: with a publication date, the latest such day on or before
  it ("year from publication date"); without one, a month-day with no year -- a year is never
  invented.
* year and month, or a year alone: the whole month or year as bounds.
* relative expressions ("today", "yesterday", "Monday", "earlier this month", "last week"...):
  resolved from the publication date ("relative to publication date"); left unresolved (the
  expression only) without one.
* explicit earliest/latest bounds: taken as given.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .model import DateRef

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

BASIS_TEXT = "text"
BASIS_YEAR_FROM_PUBLICATION = "year from publication date"
BASIS_RELATIVE = "relative to publication date"


@dataclass(frozen=True)
class ResolvedDate:
    expression: str | None = None
    exact: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    month_day: tuple[int, int] | None = None
    year_month: tuple[int, int] | None = None
    month: int | None = None
    basis: str | None = None

    @property
    def is_resolved(self) -> bool:
        return self.exact is not None or self.earliest is not None or self.latest is not None


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _most_recent_month_day(month: int, day: int, published: dt.date) -> dt.date | None:
    for year in (published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if candidate <= published:
            return candidate
    return None


def _relative(ref: DateRef, pub: dt.date) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """(exact, earliest, latest) for a relative expression."""
    rel = ref.relative
    if rel == "today":
        return pub, None, None
    if rel == "yesterday":
        return pub - dt.timedelta(days=1), None, None
    if rel == "tomorrow":
        return pub + dt.timedelta(days=1), None, None
    if rel == "weekday":
        assert ref.weekday is not None
        back = (pub.weekday() - WEEKDAYS.index(ref.weekday)) % 7
        return pub - dt.timedelta(days=back), None, None
    monday = pub - dt.timedelta(days=pub.weekday())
    if rel == "this_week":
        return None, monday, pub
    if rel == "last_week":
        return None, monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if rel == "earlier_this_month":
        return None, pub.replace(day=1), pub
    if rel == "last_month":
        first = pub.replace(day=1) - dt.timedelta(days=1)
        start, end = _month_bounds(first.year, first.month)
        return None, start, end
    if rel == "earlier_this_year":
        return None, dt.date(pub.year, 1, 1), pub
    if rel == "last_year":
        return None, dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
    raise ValueError(f"unknown relative date {rel!r}")


def resolve(ref: DateRef, published: dt.date | None) -> ResolvedDate:
    expr = ref.text
    if ref.relative is not None:
        if published is None:
            return ResolvedDate(expression=expr or ref.relative.replace("_", " "))
        exact, earliest, latest = _relative(ref, published)
        return ResolvedDate(expr, exact, earliest, latest, basis=BASIS_RELATIVE)
    if ref.year is not None and ref.month is not None and ref.day is not None:
        return ResolvedDate(expr, dt.date(ref.year, ref.month, ref.day), basis=BASIS_TEXT)
    if ref.month is not None and ref.day is not None:
        if published is not None:
            day = _most_recent_month_day(ref.month, ref.day, published)
            if day is not None:
                return ResolvedDate(expr, day, basis=BASIS_YEAR_FROM_PUBLICATION)
        return ResolvedDate(expr, month_day=(ref.month, ref.day), basis=BASIS_TEXT)
    if ref.month is not None and ref.year is None:  # "in August"
        if published is not None:
            year = published.year if ref.month <= published.month else published.year - 1
            start, end = _month_bounds(year, ref.month)
            return ResolvedDate(expr, earliest=start, latest=end, basis=BASIS_YEAR_FROM_PUBLICATION)
        return ResolvedDate(expression=expr or calendar.month_name[ref.month], month=ref.month, basis=BASIS_TEXT)
    if ref.year is not None and ref.month is not None:
        start, end = _month_bounds(ref.year, ref.month)
        return ResolvedDate(expr, earliest=start, latest=end, year_month=(ref.year, ref.month), basis=BASIS_TEXT)
    if ref.year is not None:
        return ResolvedDate(expr, earliest=dt.date(ref.year, 1, 1), latest=dt.date(ref.year, 12, 31), basis=BASIS_TEXT)
    if ref.earliest is not None or ref.latest is not None:
        return ResolvedDate(expr, earliest=ref.earliest, latest=ref.latest, basis=BASIS_TEXT)
    return ResolvedDate(expression=expr)
