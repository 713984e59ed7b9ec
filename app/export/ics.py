"""iCalendar (RFC 5545) files of follow-up and due dates, for any calendar to import.

Each date becomes an all-day VEVENT with an alarm (VALARM) at 09:00 that morning, and a
stable UID per date, so importing the same file twice updates the events instead of
doubling them. The ``icalendar`` library writes the text (escaping, folding at 75 octets,
CRLF, four-digit years); it loads only when a calendar is written, not at start.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app import APP_NAME, __version__
from app.export.plain_text import without_controls
from app.private_files import write_private

UID_DOMAIN = "poise.invalid"
# The alarm rings this long after the start of the all-day event: 09:00 that morning.
ALARM_TRIGGER = timedelta(hours=9)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One all-day reminder: ``uid_key`` must stay the same for the same reminder."""

    uid_key: str
    day: date
    summary: str
    description: str = ""


def _text(value: str) -> str:
    # RFC 5545 §3.1: no control character but tab in a content line; line breaks are escaped.
    return without_controls(value.replace("\r\n", "\n").replace("\r", "\n"))


def calendar_text(entries: Iterable[CalendarEntry], *, now: datetime | None = None) -> str:
    """The whole VCALENDAR as text with CRLF line ends."""
    import icalendar

    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//{APP_NAME}//{APP_NAME} {__version__}//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", f"{_text(entry.uid_key)}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        # An all-day event ends (exclusively) on the next day; on the calendar's last day
        # DTEND is left out, which RFC 5545 §3.6.1 reads as the same one-day event.
        if entry.day < date.max:
            event.add("dtend", entry.day + timedelta(days=1))
        event.add("summary", _text(entry.summary))
        if entry.description:
            event.add("description", _text(entry.description))
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _text(entry.summary))
        alarm.add("trigger", ALARM_TRIGGER, parameters={"RELATED": "START"})
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def write_calendar(path: Path, entries: Iterable[CalendarEntry]) -> None:
    """Write the calendar file, user-only; bytes, so that Python keeps the CRLF line ends."""
    write_private(path, calendar_text(entries).encode("utf-8"))
