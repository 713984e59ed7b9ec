"""The two small inline forms of the notes (action item, follow-up date) and the one-line
texts beside them (the stamped lines, the last action item).

Each field keeps at least one line of its font: the forms are never squeezed by the
layout (the step card above gives way instead, see ``StepColumn``), and a text that is
too long for the window ends in "…" with the whole of it on hover, never cut in half.
"""

from __future__ import annotations

from abc import abstractmethod
from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_session import parse_due_date
from app.translation import QT_TRANSLATE_NOOP
from app.ui.live.session import LiveSession

DATE_HINT = QT_TRANSLATE_NOOP("DateHint", "+3, 2w, fri, next tue, tomorrow, 2025-03-14")


def date_hint() -> str:
    """The ways to write a date, in the user's language (what ``parse_due_date`` reads)."""
    return QCoreApplication.translate("DateHint", DATE_HINT)


class SubmitLine(QLineEdit):
    """A line edit that reports Enter as ``submitted`` (Esc is left to the window)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ElidedLines(QLabel):
    """A few lines of plain text, each on one line: a long one ends in "…", whole on hover.

    Unlike a word-wrapped label its height never depends on its width, so a layout that
    places it by hand (``StepColumn``) always gives it every line.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.lines: list[str] = []

    def set_lines(self, lines: list[str]) -> None:
        self.lines = [" ".join(line.splitlines()) for line in lines]
        self.setVisible(bool(self.lines))
        self._fit()
        self.updateGeometry()

    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        room = max(self.contentsRect().width() - 2, 20)
        shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in self.lines]
        self.setText("\n".join(shown))
        self.setToolTip("\n".join(self.lines) if shown != self.lines else "")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = QFontMetrics(self.font())
        lines = max(len(self.lines), 1)
        margins = self.contentsMargins()
        height = metrics.lineSpacing() * lines + margins.top() + margins.bottom() + 1
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(0, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()


class ProblemLines(ElidedLines):
    """What could not be read, a line each for what and what to type instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("problemLine", parent)
        self.hide()

    def say(self, message: str) -> None:
        what, _, instead = message.partition(": ")
        self.set_lines([f"{what}:", instead] if instead else [what])


class InlineForm(QFrame):
    """A form that opens in the notes, under a one-line heading: Enter submits, Esc closes.

    Its mistakes are said on the error line under its fields, where they were typed.
    """

    closed = Signal()
    opening = Signal()

    def __init__(self, session: LiveSession, heading: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineForm")
        self._session = session
        self.error = ProblemLines()
        title = ElidedLines("hint")
        title.set_lines([heading])
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 8)
        self._layout.setSpacing(6)
        self._layout.addWidget(title)

    def _finish_layout(self, *lines: SubmitLine) -> None:
        """Put the error line under the fields; Enter in any of ``lines`` submits."""
        self._layout.addWidget(self.error)
        for line in lines:
            line.submitted.connect(self.submit)
        self.hide()

    def _open_at(self, line: SubmitLine) -> None:
        self.opening.emit()
        self.error.hide()
        self.show()
        line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _say_at(self, line: SubmitLine, problem: str) -> None:
        # Said where it was typed, and the text stays for the user to mend.
        self.error.say(problem)
        line.setFocus()

    def close_form(self) -> None:
        self.hide()
        self.closed.emit()

    @abstractmethod
    def submit(self) -> None:
        """Takes the form's lines into the meeting; each form knows what its lines are."""


class ActionItemForm(InlineForm):
    """Text, owner, due: three fields and Enter."""

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("New action item · Enter adds · Esc closes"), parent)
        self.text = SubmitLine()
        self.text.setObjectName("actionText")
        self.text.setPlaceholderText(self.tr("Action item"))
        self.owner = SubmitLine()
        self.owner.setObjectName("actionOwner")
        self.owner.setPlaceholderText(self.tr("Owner"))
        self.due = SubmitLine()
        self.due.setObjectName("actionDue")
        self.due.setPlaceholderText(self.tr("Due: +3, fri…"))
        self.due.setToolTip(
            self.tr("Due date, for example {dates}; empty for none").format(dates=date_hint())
        )
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.owner, 3)
        row.addWidget(self.due, 2)
        self._layout.addWidget(self.text)
        self._layout.addLayout(row)
        self._finish_layout(self.text, self.owner, self.due)

    def open(self) -> None:
        self._open_at(self.text)

    def submit(self) -> None:
        if not self.text.text().strip():
            self.text.setFocus()
            return
        try:
            due = parse_due_date(self.due.text(), date.today())
        except ValueError as error:
            self._say_at(self.due, str(error))
            return
        self._session.add_action_item(self.text.text(), self.owner.text(), due)
        for line in (self.text, self.owner, self.due):
            line.clear()
        self.close_form()


class FollowUpForm(InlineForm):
    """The follow-up date in one line: type ``fri`` and Enter."""

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Follow up on · Enter sets · empty clears"), parent)
        self.when = SubmitLine()
        self.when.setObjectName("followUpInput")
        self.when.setPlaceholderText(date_hint())
        tip = self.tr("Follow-up date, for example {dates}; empty clears it")
        self.when.setToolTip(tip.format(dates=date_hint()))
        self._layout.addWidget(self.when)
        self._finish_layout(self.when)

    def open(self) -> None:
        current = self._session.domain.follow_up
        self.when.setText(current.isoformat() if current else "")
        self.when.selectAll()
        self._open_at(self.when)

    def submit(self) -> None:
        try:
            follow_up = parse_due_date(self.when.text(), date.today())
        except ValueError as error:
            self._say_at(self.when, str(error))
            return
        self._session.set_follow_up(follow_up)
        self.close_form()


__all__ = ["DATE_HINT", "ActionItemForm", "ElidedLines", "FollowUpForm", "SubmitLine", "date_hint"]
