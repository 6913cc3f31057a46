"""Date resolution against the publication date: never a year invented."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.dates import resolve
from ingest.model import DateRef

PUB = dt.date(2018, 8, 27)  # a Monday


@pytest.mark.parametrize(
    ("ref", "exact", "earliest", "latest"),
    [
        (DateRef(month=8, day=26, text="August 26"), dt.date(2018, 8, 26), None, None),
        (DateRef(month=12, day=30, text="December 30"), dt.date(2017, 12, 30), None, None),
        (DateRef(relative="today", text="today"), PUB, None, None),
        (DateRef(relative="yesterday"), dt.date(2018, 8, 26), None, None),
        (DateRef(relative="weekday", weekday="sunday", text="Sunday"), dt.date(2018, 8, 26), None, None),
        (DateRef(relative="weekday", weekday="monday", text="Monday"), PUB, None, None),
        (DateRef(relative="earlier_this_month"), None, dt.date(2018, 8, 1), PUB),
        (DateRef(relative="last_week"), None, dt.date(2018, 8, 20), dt.date(2018, 8, 26)),
        (DateRef(relative="last_month"), None, dt.date(2018, 7, 1), dt.date(2018, 7, 31)),
        (DateRef(year=2009, month=1), None, dt.date(2009, 1, 1), dt.date(2009, 1, 31)),
        (DateRef(year=2011, month=11, day=10), dt.date(2011, 11, 10), None, None),
        (DateRef(month=9, text="in September"), None, dt.date(2017, 9, 1), dt.date(2017, 9, 30)),
    ],
)
def test_resolution_with_publication_date(ref, exact, earliest, latest) -> None:  # noqa: ANN001
    r = resolve(ref, PUB)
    assert (r.exact, r.earliest, r.latest) == (exact, earliest, latest)


def test_without_publication_date_no_year_is_invented() -> None:
    r = resolve(DateRef(month=8, day=26, text="August 26"), None)
    assert r.exact is None and r.month_day == (8, 26) and r.expression == "August 26"
    r = resolve(DateRef(relative="today", text="today"), None)
    assert not r.is_resolved and r.expression == "today"


def test_invalid_dates_are_rejected() -> None:
    with pytest.raises(ValueError):
        DateRef(year=2018, month=2, day=30)
    with pytest.raises(ValueError):
        DateRef(earliest=dt.date(2018, 8, 2), latest=dt.date(2018, 8, 1))
    assert DateRef(month=2, day=29).day == 29  # a leap day without a year is a valid month-day


def test_month_without_year_or_publication_date() -> None:
    r = resolve(DateRef(month=8, text="in August"), None)
    assert (r.month, r.exact, r.earliest, r.expression) == (8, None, None, "in August")
