"""How dates, times and durations read in the review and in every export.

Stored times are UTC; the user reads them in the computer's local time zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta


def local(moment: datetime) -> datetime:
    """The moment in the computer's time zone (naive input is taken as already local)."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def format_day(day: date) -> str:
    """'Tue 4 Mar 2025': unambiguous in every locale, unlike 04/03/2025."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_when(moment: datetime) -> str:
    shown = local(moment)
    return f"{format_day(shown.date())}, {shown:%H:%M}"


def format_short_when(moment: datetime) -> str:
    """'4 Mar 2025 09:30', for narrow list columns."""
    shown = local(moment)
    return f"{shown.day} {shown:%b %Y %H:%M}"


def format_short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def format_clock(moment: datetime) -> str:
    return f"{local(moment):%H:%M:%S}"


def format_duration(duration: timedelta | None) -> str:
    """'1 h 05 min', '12 min', '40 s'; a dash while a meeting has no end."""
    if duration is None:
        return "–"
    seconds = max(0, round(duration.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def format_offset(offset: timedelta) -> str:
    """Time since the meeting began, as on a stopwatch: '12:05' or '1:02:03'."""
    seconds = max(0, round(offset.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_seconds(seconds: float) -> str:
    """A short reaction time: '4 s', '1 min 20 s'."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s"


def follow_up_status(follow_up: date | None, today: date) -> str:
    """'' when no follow-up, else 'overdue', 'today' or 'upcoming'."""
    if follow_up is None:
        return ""
    if follow_up < today:
        return "overdue"
    if follow_up == today:
        return "today"
    return "upcoming"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 signal``, ``2 signals``, ``0 signals``; ``many`` for words that do not take an s."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"
