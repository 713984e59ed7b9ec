"""The notes half of the live window: the named note fields, the quick stamped line, and
two small inline forms (action item, follow-up date) that open and close without a dialog.

Every keystroke goes to ``LiveSession.save_note``, which hands it to the store's background
writer: typing never waits for the disk.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_session import ActionItemNote, format_elapsed, parse_due_date
from app.domain.meeting_terms import NoteField
from app.ui.live.note_saver import NoteSaver
from app.ui.live.session import LiveSession
from app.ui.live.step_card import FittedLabel

RECENT_STAMPS = 3
DATE_HINT = "+3, 2w, fri, tomorrow, 2025-03-14"


class _SubmitLine(QLineEdit):
    """A line edit that reports Enter as ``submitted`` (Esc is left to the window)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ActionItemForm(QFrame):
    """Text, owner, due: three fields and Enter."""

    closed = Signal()

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineForm")
        self._session = session
        self.text = _SubmitLine()
        self.text.setObjectName("actionText")
        self.text.setPlaceholderText("Action item")
        self.owner = _SubmitLine()
        self.owner.setObjectName("actionOwner")
        self.owner.setPlaceholderText("Owner")
        self.due = _SubmitLine()
        self.due.setObjectName("actionDue")
        self.due.setPlaceholderText("Due: +3, fri…")
        self.due.setToolTip(f"Due date, for example {DATE_HINT}; empty for none")
        self.error = QLabel()
        self.error.setObjectName("problemLine")
        self.error.setWordWrap(True)
        self.error.hide()
        heading = QLabel("New action item · Enter adds · Esc closes")
        heading.setObjectName("hint")
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.owner, 3)
        row.addWidget(self.due, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.error)
        for line in (self.text, self.owner, self.due):
            line.submitted.connect(self.submit)
        self.hide()

    def open(self) -> None:
        self.error.hide()
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_form(self) -> None:
        self.hide()
        self.closed.emit()

    def submit(self) -> None:
        if not self.text.text().strip():
            self.text.setFocus()
            return
        try:
            due = parse_due_date(self.due.text(), date.today())
        except ValueError as error:
            self.error.setText(str(error))
            self.error.show()
            self.due.setFocus()
            return
        self._session.add_action_item(self.text.text(), self.owner.text(), due)
        for line in (self.text, self.owner, self.due):
            line.clear()
        self.close_form()


class FollowUpForm(QFrame):
    """The follow-up date in one line: type ``fri`` and Enter."""

    closed = Signal()

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineForm")
        self._session = session
        self.when = _SubmitLine()
        self.when.setObjectName("followUpInput")
        self.when.setPlaceholderText(DATE_HINT)
        self.error = QLabel()
        self.error.setObjectName("problemLine")
        self.error.setWordWrap(True)
        self.error.hide()
        heading = QLabel("Follow up on · Enter sets · empty clears")
        heading.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.when)
        layout.addWidget(self.error)
        self.when.submitted.connect(self.submit)
        self.hide()

    def open(self) -> None:
        self.error.hide()
        current = self._session.domain.follow_up
        self.when.setText(current.isoformat() if current else "")
        self.when.selectAll()
        self.show()
        self.when.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_form(self) -> None:
        self.hide()
        self.closed.emit()

    def submit(self) -> None:
        try:
            follow_up = parse_due_date(self.when.text(), date.today())
        except ValueError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self._session.set_follow_up(follow_up)
        self.close_form()


class NotesPanel(QWidget):
    """Named note fields (one editor each), the quick line and the recent stamps."""

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.field_picker = QComboBox()
        self.field_picker.setObjectName("noteFieldPicker")
        # Picking a field must not take the caret away from the note being typed.
        self.field_picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editors: dict[NoteField, QPlainTextEdit] = {}
        self.stack = QStackedWidget()
        for number, field in enumerate(NoteField, start=1):
            self.field_picker.addItem(f"{field.label}   Ctrl+{number}", field)
            editor = QPlainTextEdit()
            editor.setObjectName(f"note_{field.value}")
            editor.setPlaceholderText(field.hint)
            editor.setTabChangesFocus(True)
            # The notes give way to the step card, down to two lines of the note.
            editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 2 + 16)
            NoteSaver(session, field, editor)
            self.editors[field] = editor
            self.stack.addWidget(editor)
        self.field_picker.currentIndexChanged.connect(self._show_field)

        self.quick_line = _SubmitLine()
        self.quick_line.setObjectName("quickLine")
        self.quick_line.setPlaceholderText("Quick line · Enter stamps it with the meeting time")
        self.quick_line.submitted.connect(self._stamp)
        self.recent = QLabel()
        self.recent.setObjectName("muted")
        self.recent.setWordWrap(True)
        self.recent.setTextFormat(Qt.TextFormat.PlainText)
        self.recent.hide()
        self._recent_lines: list[str] = []

        self.action_form = ActionItemForm(session)
        self.follow_up_form = FollowUpForm(session)
        self.action_summary = QLabel()
        self.action_summary.setObjectName("muted")
        self.action_summary.setWordWrap(True)
        self.action_summary.hide()

        # Whether a key types into a note or moves a step, said in words (see LiveWindow).
        self.typing_state = FittedLabel("typingState")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.typing_state)
        layout.addWidget(self.field_picker)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.quick_line)
        layout.addWidget(self.recent)
        layout.addWidget(self.action_form)
        layout.addWidget(self.follow_up_form)
        layout.addWidget(self.action_summary)

        session.lineStamped.connect(self._on_stamped)
        session.actionItemAdded.connect(self._on_action_item)

    @property
    def current_field(self) -> NoteField:
        return NoteField(self.field_picker.currentData())

    def select_field(self, field: NoteField) -> None:
        self.field_picker.setCurrentIndex(list(NoteField).index(field))
        self.editors[field].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_typing_state(self, typing: bool, text: str) -> None:
        self.typing_state.set_full_text(text)
        self.typing_state.fit(self.width(), 1)
        state = "true" if typing else "false"
        if self.typing_state.property("typing") != state:
            self.typing_state.setProperty("typing", state)
            self.typing_state.style().unpolish(self.typing_state)
            self.typing_state.style().polish(self.typing_state)

    def close_forms(self) -> bool:
        """Close an open inline form; ``True`` if one was open."""
        for form in (self.action_form, self.follow_up_form):
            if form.isVisible():
                form.close_form()
                self.editors[self.current_field].setFocus()
                return True
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.typing_state.fit(self.width(), 1)

    def _show_field(self, index: int) -> None:
        self.stack.setCurrentIndex(index)

    def _stamp(self) -> None:
        if self._session.stamp_line(self.quick_line.text()) is not None:
            self.quick_line.clear()

    def _on_stamped(self, text: str, at: datetime) -> None:
        # Meeting time, as on the clock above and in the review: one time format on screen.
        started = self._session.domain.started_at
        when = format_elapsed(at - started) if started is not None else ""
        self._recent_lines.append(f"{when}  {text}")
        self._recent_lines = self._recent_lines[-RECENT_STAMPS:]
        self.recent.setText("\n".join(self._recent_lines))
        self.recent.show()

    def _on_action_item(self, _item: ActionItemNote) -> None:
        items = self._session.domain.action_items
        last = items[-1]
        owner = f" · {last.owner}" if last.owner else ""
        due = f" · due {last.due:%a %d %b}" if last.due else ""
        count = f"{len(items)} action items. Last: " if len(items) > 1 else "Action item: "
        self.action_summary.setText(f"{count}{last.text}{owner}{due}")
        self.action_summary.show()


__all__ = ["ActionItemForm", "FollowUpForm", "NotesPanel"]
