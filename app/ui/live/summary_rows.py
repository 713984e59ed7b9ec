"""The summary window's rows: a section's small heading, a line with a muted value on the
right, and a moment as the time into the meeting. The summary and its partner's section
(``app.ui.live.partner_summary``) build their lists from these."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.domain.meeting_session import format_elapsed


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionLabel")
    label.setContentsMargins(0, 8, 0, 0)
    return label


def summary_line(text: str, right: str, *, plain: bool = False) -> QWidget:
    """``text`` wrapped on the left, ``right`` muted on the right; ``plain``: ``text`` is
    someone's words, shown as typed (never read as rich text)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    left = QLabel(text)
    if plain:
        left.setTextFormat(Qt.TextFormat.PlainText)
    left.setWordWrap(True)
    layout.addWidget(left, 1)
    if right:
        value = QLabel(right)
        value.setObjectName("muted")
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(value)
    return row


def time_into(started_at: datetime | None, at: datetime) -> str:
    """How far into the meeting ``at`` was (the clock time when the start is not known)."""
    if started_at is None:
        return at.astimezone().strftime("%H:%M")
    return format_elapsed(max(timedelta(), at - started_at))
