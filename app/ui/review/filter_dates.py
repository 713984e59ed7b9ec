"""The review's date filters: "any date" and the day a filter starts, in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate

# The earliest date the filters offer; chosen, it means "any date".
FIRST_FILTER_DATE = QDate(2000, 1, 1)


def day_start(day: QDate, *, next_day: bool = False) -> datetime | None:
    """Local midnight of the chosen day, in UTC; ``None`` for 'any date'."""
    if day == FIRST_FILTER_DATE:
        return None
    plain = date(day.year(), day.month(), day.day())
    if next_day:
        plain += timedelta(days=1)
    return datetime.combine(plain, time()).astimezone().astimezone(UTC)
