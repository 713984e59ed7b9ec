"""The home window's line for reminders no notification could show.

On a desktop without a notification service (or tray), ``Reminders`` says what it could
not show; this line under the home window's status says it instead, with a link to the
review. Today's reminders count as shown only once this line was on screen.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.export.follow_through import Reminder
from app.translation import TranslationContext

SHOWN_HERE = 2  # the first few, by name; the rest counted


class DueWords(TranslationContext):
    """The words of what is due, on the home window's line."""


def due_text(reminders: list[Reminder]) -> str:
    named = [reminder.text for reminder in reminders[:SHOWN_HERE]]
    rest = len(reminders) - len(named)
    shown = " · ".join(named)
    if rest > 0:
        return DueWords.tr("Due: {things} · and %n more", "", rest).format(things=shown)
    return DueWords.tr("Due: {things}").format(things=shown)


class DueLine(QLabel):
    """One wrapped line: what is due, "Open the review", and OK to put it away."""

    openReview = Signal()  # noqa: N815 (Qt signal naming)
    seen = Signal()  # it was on screen: today's reminders reached the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueLine")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._link)
        self.hide()

    def show_due(self, reminders: list[Reminder]) -> None:
        if not reminders:
            return
        self.setText(
            f"{escape(due_text(reminders))}"
            f" · <a href='review'>{escape(self.tr('Open the review'))}</a>"
            f" · <a href='dismiss'>{escape(self.tr('OK'))}</a>"
        )
        self.setToolTip("\n".join(reminder.text for reminder in reminders))
        self.show()  # ``seen`` once it is really on screen (the home window may be hidden)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.text():
            self.seen.emit()

    def _link(self, link: str) -> None:
        if link == "review":
            self.openReview.emit()
        self.hide()


def put_under_status(window: Any, line: DueLine) -> None:
    """Under the home window's status line, as the line for meetings left open."""
    layout = window.centralWidget().layout()
    layout.insertWidget(layout.indexOf(window.status) + 1, line)
