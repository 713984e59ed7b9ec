"""The calendar file at the edges of the calendar: written with four-digit years, never a crash."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from app.export.ics import CalendarEntry, write_calendar


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("day", [date(101, 1, 1), date(999, 12, 31), date(1, 1, 1)])
def test_a_year_before_1000_is_written_with_four_digits(tmp_path: Path, day: date):
    path = tmp_path / "meeting.ics"
    write_calendar(path, [CalendarEntry("follow-up", day, "Follow up with Birchwood Dental")])
    assert f"DTSTART;VALUE=DATE:{day.year:04d}{day.month:02d}{day.day:02d}\r\n" in (
        path.read_bytes().decode("utf-8")
    )
    (event,) = _events(path)
    assert event.decoded("DTSTART") == day
    assert event.decoded("DTEND") == day + timedelta(days=1)


def test_the_last_day_of_the_calendar_is_written_as_a_one_day_event(tmp_path: Path):
    path = tmp_path / "meeting.ics"
    write_calendar(path, [CalendarEntry("follow-up", date.max, "Follow up, someday")])
    (event,) = _events(path)
    assert event.decoded("DTSTART") == date.max
    # No DTEND: RFC 5545 reads an all-day DTSTART alone as one day.
    assert "DTEND" not in event
    assert str(event["SUMMARY"]) == "Follow up, someday"
