"""What the partner noted, in the live window: a quiet count, the words only when asked.

A partner's observations (issue 25) must not pull the user's eyes from the client, so the
live window shows at most "Noted: 2" in its header, in the muted colour of the
partner status beside it, and never the words. The user reads them when they choose: a
click on the count, or "What your partner noted" in the ⋯ menu (Ctrl+Shift+O), opens a
small list (time, step, what was noted) that Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.partner_watch import Observation
from app.ui.live.partner_arrivals import PartnerArrivals

NOTES_KEY = "Ctrl+Shift+O"
POPUP_WIDTH_PX = 340


class PartnerNotedCount(QToolButton):
    """ "Noted: 2", flat and muted; hidden until the partner notes something."""

    def __init__(self, arrivals: PartnerArrivals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerNoted")
        self.setAutoRaise(True)
        # Like the ⋯ button: a click must not take the caret out of the note.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)  # as the partner status beside it
        self.setFont(font)
        self.setStyleSheet(
            "QToolButton { color: palette(placeholder-text); border: none;"
            " background: transparent; padding: 0 2px; }"
            "QToolButton:hover { text-decoration: underline; }"
        )
        key = QKeySequence(NOTES_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(self.tr("Read what your partner noted ({key})").format(key=key))
        self._arrivals = arrivals
        arrivals.observationArrived.connect(self._on_arrival)
        self.clicked.connect(self.show_notes)
        self.popup: PartnerNotesPopup | None = None
        self.refresh()

    def _on_arrival(self, _observation: Observation) -> None:
        self.refresh()

    def refresh(self) -> None:
        count = len(self._arrivals.observations)
        # Short: the header has the clocks and the partner status to fit as well.
        self.setText(self.tr("Noted: %n", "", count))
        self.setAccessibleName(self.tr("Your partner noted %n things", "", count))
        self.setVisible(count > 0)

    def show_notes(self) -> PartnerNotesPopup:
        """The list under the count (or under the window's top edge while it is hidden)."""
        if self.popup is None:
            self.popup = PartnerNotesPopup(self.window())
        self.popup.fill(self._arrivals.observations)
        anchor: QWidget = self if self.isVisible() else self.window()
        below = anchor.mapToGlobal(QPoint(anchor.width() - POPUP_WIDTH_PX, anchor.height()))
        self.popup.move(below)
        self.popup.show()
        self.popup.notes.setFocus()
        return self.popup


class PartnerNotesPopup(QFrame):
    """A small popup list of the partner's observations; Esc or a click outside closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("partnerNotesPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(POPUP_WIDTH_PX)
        self.heading = QLabel(self.tr("What your partner noted"))
        self.heading.setObjectName("partnerNotesHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.notes = QListWidget()
        self.notes.setObjectName("partnerNotesList")
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.heading.text())
        self.empty = QLabel(self.tr("Nothing noted yet."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.notes)

    def fill(self, observations: list[Observation]) -> None:
        self.notes.clear()
        for observation in observations:
            when = observation.at.astimezone().strftime("%H:%M")  # as the summary shows it
            line = self.tr("{time} · {step}\n{noted}").format(
                time=when, step=observation.step_title, noted=observation.text
            )
            QListWidgetItem(line, self.notes)
        self.empty.setVisible(not observations)
        self.notes.setVisible(bool(observations))
        # As tall as its notes, up to six; more scroll.
        rows = min(len(observations), 6)
        tall = sum(self.notes.sizeHintForRow(row) for row in range(rows))
        self.notes.setFixedHeight(
            max(tall, self.fontMetrics().height()) + 2 * self.notes.frameWidth() + 2
        )
        if observations:
            self.notes.setCurrentRow(len(observations) - 1)
        self.adjustSize()


def add_partner_notes_action(
    window: QWidget, menu: QMenu, count: PartnerNotedCount, before: QAction
) -> QAction:
    """ "What your partner noted…" in the live window's menu, before ``before``, and its key."""
    action = QAction(QCoreApplication.translate("PartnerNotedCount", "What your partner noted…"))
    action.setParent(window)
    action.setObjectName("partnerNotes")
    action.setShortcut(QKeySequence(NOTES_KEY))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(count.show_notes)
    window.addAction(action)
    menu.insertAction(before, action)
    return action
