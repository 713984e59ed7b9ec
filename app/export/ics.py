"""iCalendar (RFC 5545) files of follow-up and due dates, for any calendar to import.

Each date becomes an all-day VEVENT. The text is written by hand rather than with a
library because the subset needed is small: escaped TEXT values, lines folded at 75
octets without splitting a UTF-8 character, CRLF line ends, and a stable UID per date
so importing the same file twice updates the events instead of doubling them.
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
_MAX_LINE_OCTETS = 75


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One all-day reminder: ``uid_key`` must stay the same for the same reminder."""

    uid_key: str
    day: date
    summary: str
    description: str = ""


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash first, then ; , and newlines."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets joined by CRLF + space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= _MAX_LINE_OCTETS:
        return line
    pieces: list[str] = []
    current = ""
    current_octets = 0
    # Continuation lines start with a space that counts toward their 75 octets.
    limit = _MAX_LINE_OCTETS
    for character in line:
        size = len(character.encode("utf-8"))
        if current_octets + size > limit:
            pieces.append(current)
            current, current_octets = "", 0
            limit = _MAX_LINE_OCTETS - 1
        current += character
        current_octets += size
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar_text(entries: Iterable[CalendarEntry], *, now: datetime | None = None) -> str:
    """The whole VCALENDAR as text with CRLF line ends."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{APP_NAME}//{APP_NAME} {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(entry.uid_key)}@{UID_DOMAIN}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{entry.day:%Y%m%d}",
            # An all-day event ends (exclusively) on the next day.
            f"DTEND;VALUE=DATE:{entry.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(entry.summary)}",
        ]
        if entry.description:
            lines.append(f"DESCRIPTION:{escape_text(entry.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    # RFC 5545 §3.1: no control character but tab in a content line (newlines are escaped).
    return "".join(
        fold_line(without_controls(line, keep_line_breaks=False)) + "\r\n" for line in lines
    )


def write_calendar(path: Path, entries: Iterable[CalendarEntry]) -> None:
    """Write the calendar file, user-only; bytes, so that Python keeps the CRLF line ends."""
    write_private(path, calendar_text(entries).encode("utf-8"))
