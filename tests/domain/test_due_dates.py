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


# 2025-03-04 is a Tuesday.
@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("morgen", date(2025, 3, 5)),
        ("übermorgen", date(2025, 3, 6)),
        ("heute", TODAY),
        ("3t", date(2025, 3, 7)),
        ("fr", date(2025, 3, 7)),
        ("Freitag", date(2025, 3, 7)),
        ("nächsten Do", date(2025, 3, 6)),
        ("Do.", date(2025, 3, 6)),
        ("di", date(2025, 3, 11)),  # the coming Tuesday, never today
        ("mi", date(2025, 3, 5)),
        ("so", date(2025, 3, 9)),
        ("14.3.", date(2025, 3, 14)),
        ("1.3.", date(2026, 3, 1)),  # already past this year: the coming one
        ("14.03.2025", date(2025, 3, 14)),
        ("1.4.26", date(2026, 4, 1)),
        ("fri", date(2025, 3, 7)),  # English words keep working beside the German
        ("next tue", date(2025, 3, 11)),
    ],
)
def test_a_date_typed_in_german_or_english_is_read(typed: str, day: date) -> None:
    assert parse_due_date(typed, TODAY) == day


@pytest.mark.parametrize("typed", ["31.2.", "14.13.2025", "x", "3", "d"])
def test_an_unreadable_date_is_refused_with_a_hint(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a date: try"):
        parse_due_date(typed, TODAY)
