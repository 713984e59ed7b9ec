"""How dates, times and durations read in the review, on the home window and in every export.

Stored times are UTC; the user reads them in the computer's local time zone.

Each date is drawn from a Qt date pattern ("ddd d MMM yyyy") that is itself translated,
so German can say "Di., 4. März 2025". Who draws it is a hook: without the windows (the
command line, a test of an export) the English tables below (fixed, never the C
library's locale, so a server's locale cannot change an export); once the windows start,
``app.ui.common.languages`` sets ``QLocale``'s drawing through ``set_date_renderer`` (the
names of days and months in the person's language). The hook, not QLocale here, keeps
the exports free of Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from app.translation import translate

DateRenderer = Callable[[date, str], str]  # a date or datetime and a Qt pattern

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_PATTERN_TOKEN = re.compile(r"'[^']*'|dddd|ddd|dd|d|MMMM|MMM|MM|M|yyyy|yy|HH|H|mm|ss")


def english_dates(value: date, pattern: str) -> str:
    """``value`` drawn from a Qt date pattern with English names (the subset Poise uses)."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)

    def token(found: re.Match[str]) -> str:
        text = found.group(0)
        if text.startswith("'"):
            return text[1:-1] or "'"
        return {
            "dddd": _DAY_NAMES[moment.weekday()],
            "ddd": _DAY_NAMES[moment.weekday()][:3],
            "dd": f"{moment.day:02d}",
            "d": str(moment.day),
            "MMMM": _MONTH_NAMES[moment.month - 1],
            "MMM": _MONTH_NAMES[moment.month - 1][:3],
            "MM": f"{moment.month:02d}",
            "M": str(moment.month),
            "yyyy": f"{moment.year:04d}",
            "yy": f"{moment.year % 100:02d}",
            "HH": f"{moment.hour:02d}",
            "H": str(moment.hour),
            "mm": f"{moment.minute:02d}",
            "ss": f"{moment.second:02d}",
        }[text]

    return _PATTERN_TOKEN.sub(token, pattern)


_render: DateRenderer = english_dates


def set_date_renderer(renderer: DateRenderer | None) -> None:
    """Draw every date through ``renderer`` from now on; ``None``: the English tables."""
    global _render
    _render = renderer if renderer is not None else english_dates


def local(moment: datetime) -> datetime:
    """The moment in the computer's time zone (naive input is taken as already local)."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def format_day(day: date) -> str:
    """'Tue 4 Mar 2025': unambiguous in every locale, unlike 04/03/2025."""
    return _render(day, translate("Dates", "ddd d MMM yyyy"))


def format_when(moment: datetime) -> str:
    """'Tue 4 Mar 2025, 09:30'."""
    return _render(local(moment), translate("Dates", "ddd d MMM yyyy, HH:mm"))


def format_recent(moment: datetime) -> str:
    """'Tue 4 Mar 09:30', for the home window's recent meetings and what was left open."""
    return _render(local(moment), translate("Dates", "ddd d MMM HH:mm"))


def format_short_when(moment: datetime) -> str:
    """'4 Mar 2025 09:30', for narrow list columns."""
    return _render(local(moment), translate("Dates", "d MMM yyyy HH:mm"))


def format_short_day(day: date) -> str:
    return _render(day, translate("Dates", "d MMM yyyy"))


def format_time(moment: datetime) -> str:
    """'09:30'."""
    return _render(local(moment), translate("Dates", "HH:mm"))


def format_clock(moment: datetime) -> str:
    return _render(local(moment), translate("Dates", "HH:mm:ss"))


def format_duration(duration: timedelta | None) -> str:
    """'1 h 05 min', '12 min', '40 s'; a dash while a meeting has no end."""
    if duration is None:
        return "–"
    seconds = max(0, round(duration.total_seconds()))
    if seconds < 60:
        return translate("Durations", "{seconds} s").format(seconds=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return translate("Durations", "{minutes} min").format(minutes=minutes)
    return translate("Durations", "{hours} h {minutes} min").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


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
        return translate("Durations", "{seconds} s").format(seconds=whole)
    return translate("Durations", "{minutes} min {seconds} s").format(
        minutes=whole // 60, seconds=f"{whole % 60:02d}"
    )


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
