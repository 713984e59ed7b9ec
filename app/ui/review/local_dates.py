"""The review's dates and times as the user's language writes them.

Each form is a QLocale pattern that is itself translated ("ddd d MMM yyyy" in English,
"ddd, d. MMM yyyy" in German), and QLocale() (the default locale the language loader
sets) fills in the day and month names, so a German reads "Di., 4. März 2025" where an
English reader sees "Tue 4 Mar 2025". Stored times are UTC; they are shown in local time.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from app.export.formatting import local


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qdatetime(moment: datetime) -> QDateTime:
    shown = local(moment)
    return QDateTime(_qdate(shown.date()), QTime(shown.hour, shown.minute, shown.second))


def day_pattern() -> str:
    """The long day form, also the display format of the review's date fields."""
    return QCoreApplication.translate("ReviewDates", "ddd d MMM yyyy")


def short_day_pattern() -> str:
    """The date filters' form: short enough for the filter bar."""
    return QCoreApplication.translate("ReviewDates", "d MMM yyyy")


def day_text(day: date) -> str:
    """'Tue 4 Mar 2025'; in German 'Di., 4. März 2025' (or 'Mo., 7. Dez. 2026')."""
    return QLocale().toString(_qdate(day), day_pattern())


def short_day_text(day: date) -> str:
    """'4 Mar 2025'; in German '04.03.2025': for narrow columns."""
    return QLocale().toString(_qdate(day), short_day_pattern())


def when_text(moment: datetime) -> str:
    """'Tue 4 Mar 2025, 09:30'; in German 'Mo., 7. Dezember 2026, 09:30' (month in full)."""
    return QLocale().toString(
        _qdatetime(moment), QCoreApplication.translate("ReviewDates", "ddd d MMM yyyy, HH:mm")
    )


def short_when_text(moment: datetime) -> str:
    """'4 Mar 2025 09:30'; in German '04.03.2025 09:30': the meeting list's column."""
    return QLocale().toString(
        _qdatetime(moment), QCoreApplication.translate("ReviewDates", "d MMM yyyy HH:mm")
    )


def axis_day_text(moment: datetime) -> str:
    """'04 Mar'; in German '04.03.': the trends chart's first and last day."""
    return QLocale().toString(
        _qdatetime(moment), QCoreApplication.translate("ReviewDates", "dd MMM")
    )
