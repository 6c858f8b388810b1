"""Build options: clock parsing and the date outputs carry (never the clock's)."""
from __future__ import annotations

import datetime as dt

import pytest

from workshopkit.model.options import FIXED_DATE, output_date, parse_clock


@pytest.mark.parametrize("text, want", [("09:30", dt.time(9, 30)), ("9:05", dt.time(9, 5)),
                                        ("23:59", dt.time(23, 59)), ("00:00", dt.time(0))])
def test_times_of_day(text, want):
    assert parse_clock(text) == want


@pytest.mark.parametrize("text", ["24:00", "12:60", "9", "09:5", "9.30", " 09:30", "", "ab:cd"])
def test_anything_else_is_not_a_time(text):
    assert parse_clock(text) is None


def test_source_date_epoch_wins_over_updated_then_a_fixed_date():
    updated = dt.date(2026, 11, 1)
    epoch = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01T00:00:00Z
    assert output_date(updated, epoch) == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    assert output_date(updated, {}) == dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    assert output_date(None, {}) == FIXED_DATE
    assert output_date(None, {"SOURCE_DATE_EPOCH": "  "}) == FIXED_DATE
