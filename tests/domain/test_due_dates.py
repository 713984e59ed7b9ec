"""Typed follow-up and due dates stay within the range the exports can write."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.due_dates import EARLIEST_DUE_DAY, LATEST_DUE_DAY
from app.domain.meeting_session import parse_due_date

TODAY = date(2025, 3, 4)


@pytest.mark.parametrize(
    "text",
    ["9999-12-31", "3000-01-01", "0101-01-01", "1899-12-31", "+99999999d", "+" + "9" * 30 + "d"],
)
def test_a_date_outside_the_range_is_refused_with_the_range_named(text: str) -> None:
    with pytest.raises(ValueError, match="pick a date between 1900 and 2999") as refused:
        parse_due_date(text, TODAY)
    assert text.strip() in str(refused.value)


@pytest.mark.parametrize("day", [EARLIEST_DUE_DAY, LATEST_DUE_DAY])
def test_the_range_holds_its_first_and_last_day(day: date) -> None:
    assert parse_due_date(day.isoformat(), TODAY) == day
