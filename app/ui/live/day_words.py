"""A day as the user's language writes it: short ("Mon 07 Dec", "Mo. 7. Dez.") on the live
window and in the summary's lines, long ("Monday 7 December 2026") in the summary's facts.

The shapes are QLocale's date formats, translated, so each language orders its own words;
the day and month names come from the locale the language installed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def short_day(day: date) -> str:
    shape = QCoreApplication.translate("DayWords", "ddd dd MMM", "date format")
    return QLocale().toString(_qdate(day), shape)


def long_day(day: date) -> str:
    shape = QCoreApplication.translate("DayWords", "dddd d MMMM yyyy", "date format")
    return QLocale().toString(_qdate(day), shape)


__all__ = ["long_day", "short_day"]
