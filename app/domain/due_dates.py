"""The days a follow-up or a due date may fall on.

A date typed far out ("9999-12-31", "+99999999d") is a slip, and one at the edge of
Python's calendar cannot have its next day computed (an all-day calendar event ends on the
next day), while a year before 1000 is written with fewer than four digits by some tools.
``parse_due_date`` (``app.domain.meeting_session``) and the review's follow-up date edit
keep to this range; the exports can then rely on it.
"""

from __future__ import annotations

from datetime import date

EARLIEST_DUE_DAY = date(1900, 1, 1)
LATEST_DUE_DAY = date(2999, 12, 31)


def within_due_range(day: date | None, typed: str) -> date | None:
    """``day`` when it is in range; otherwise a ``ValueError`` naming what was ``typed``."""
    if day is None or EARLIEST_DUE_DAY <= day <= LATEST_DUE_DAY:
        return day
    raise out_of_range(typed)


def out_of_range(typed: str) -> ValueError:
    """The error for a typed date outside the range (or past the end of the calendar)."""
    return ValueError(
        f"'{typed.strip()}' is too far from today: pick a date between "
        f"{EARLIEST_DUE_DAY.year} and {LATEST_DUE_DAY.year}"
    )
