"""The days a follow-up or a due date may fall on, and reading one typed in a hurry.

A date typed far out ("9999-12-31", "+99999999d") is a slip, and one at the edge of
Python's calendar cannot have its next day computed (an all-day calendar event ends on the
next day), while a year before 1000 is written with fewer than four digits by some tools.
``parse_due_date`` (``app.domain.meeting_session``) and the review's follow-up date edit
keep to this range; the exports can then rely on it.

The reader takes English and German words alike, whatever language the windows speak: a
person who switches Poise to German keeps the "fri" their fingers know, and one who types
"morgen" or "14.3." is understood too. No word of one language means another day in the
other ("so" is only Sonntag, "do" only Donnerstag).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from app.translation import TranslationContext

EARLIEST_DUE_DAY = date(1900, 1, 1)
LATEST_DUE_DAY = date(2999, 12, 31)

_TODAY = {"today", "tod", "heute"}
_TOMORROW = {"tomorrow", "tom", "tmr", "morgen"}
_DAY_AFTER_TOMORROW = {"übermorgen", "uebermorgen"}
# "next tue", "this tue", "nächsten di" say what "tue" says: the coming one, never today.
_WEEKDAY_PREFIXES = ("next ", "this ", "on ", "nächsten ", "nächster ", "nächste ", "am ")
_ENGLISH_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_GERMAN_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_DAYS_AHEAD = re.compile(r"\+?(\d+)\s*([dtw]?)")  # d: days, t: Tage, w: weeks (Wochen)
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?")


class DueDateWords(TranslationContext):
    """What a person reads when a typed date cannot be used."""


def within_due_range(day: date | None, typed: str) -> date | None:
    """``day`` when it is in range; otherwise a ``ValueError`` naming what was ``typed``."""
    if day is None or EARLIEST_DUE_DAY <= day <= LATEST_DUE_DAY:
        return day
    raise out_of_range(typed)


def out_of_range(typed: str) -> ValueError:
    """The error for a typed date outside the range (or past the end of the calendar)."""
    return ValueError(
        DueDateWords.tr(
            "'{typed}' is too far from today: pick a date between {first} and {last}"
        ).format(typed=typed.strip(), first=EARLIEST_DUE_DAY.year, last=LATEST_DUE_DAY.year)
    )


def read_typed_day(text: str, today: date) -> date | None:
    """The day ``text`` names, counted from ``today``; ``None`` for empty text.

    Raises ``ValueError`` with a hint in the user's language for text it cannot read, and
    ``OverflowError`` past the end of the calendar (the caller turns it into ``out_of_range``).
    """
    raw = " ".join(text.strip().lower().split())
    if not raw:
        return None
    if raw in _TODAY:
        return today
    if raw in _TOMORROW:
        return today + timedelta(days=1)
    if raw in _DAY_AFTER_TOMORROW:
        return today + timedelta(days=2)
    ahead = _DAYS_AHEAD.fullmatch(raw)
    if ahead and (raw.startswith("+") or ahead.group(2)):
        weeks = ahead.group(2) == "w"
        return today + timedelta(days=int(ahead.group(1)) * (7 if weeks else 1))
    weekday = _weekday(raw)
    if weekday is not None:
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    german = _GERMAN_DATE.fullmatch(raw)
    try:
        if german:
            return _german_date(german, today)
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(
            DueDateWords.tr(
                "'{typed}' is not a date: try +3, 2w, fri, tomorrow or 2025-03-14"
            ).format(typed=text.strip())
        ) from None


def _weekday(raw: str) -> int | None:
    """Monday 0 .. Sunday 6 for "fri", "friday", "next fri", "fr", "Freitag", "Do." ..."""
    day = raw.rstrip(".")
    for prefix in _WEEKDAY_PREFIXES:
        day = day.removeprefix(prefix)
    if len(day) < 2:
        return None
    for index, name in enumerate(_ENGLISH_WEEKDAYS):
        if name.startswith(day[:3]) and day[:2] == name[:2]:
            return index
    for index, name in enumerate(_GERMAN_WEEKDAYS):
        if name.startswith(day):
            return index
    return None


def _german_date(match: re.Match[str], today: date) -> date:
    """ "14.3.2025", "14.03.25" or "14.3." (the coming 14 March: this year or next)."""
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if year is None:
        coming = date(today.year, month, day)
        return coming if coming >= today else date(today.year + 1, month, day)
    return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
