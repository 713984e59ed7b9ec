"""The notes half of the live window: the named note fields, the quick stamped line, and
two small inline forms (action item, follow-up date) that open and close without a dialog.

Every keystroke goes to ``LiveSession.save_note``, which hands it to the store's background
writer: typing never waits for the disk.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_session import ActionItemNote, format_elapsed
from app.domain.meeting_terms import NoteField
from app.ui.common.accessible_roles import give_role
from app.ui.common.key_names import shown_shortcut
from app.ui.live.day_words import short_day
from app.ui.live.note_bursts import NoteBursts
from app.ui.live.note_forms import (
    DATE_HINT,
    ActionItemForm,
    ElidedLines,
    FollowUpForm,
    SubmitLine,
)
from app.ui.live.note_saver import NoteSaver
from app.ui.live.session import LiveSession
from app.ui.live.step_card import FittedLabel, set_style_state

RECENT_STAMPS = 3
# The note is what the user types into most: it keeps room for this many lines at least,
# and a line more while a form is open (the step card gives way for both).
NOTE_MIN_LINES = 2
NOTE_MIN_LINES_WITH_FORM = 3


class NotesPanel(QWidget):
    """Named note fields (one editor each), the quick line and the recent stamps."""

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        give_role(self, QAccessible.Role.Grouping)
        self.setAccessibleName(self.tr("Meeting notes"))
        self.field_picker = QComboBox()
        self.field_picker.setObjectName("noteFieldPicker")
        # Picking a field must not take the caret away from the note being typed.
        self.field_picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editors: dict[NoteField, QPlainTextEdit] = {}
        self.stack = QStackedWidget()
        for number, field in enumerate(NoteField, start=1):
            self.field_picker.addItem(f"{field.label}   {shown_shortcut(f'Ctrl+{number}')}", field)
            editor = QPlainTextEdit()
            editor.setObjectName(f"note_{field.value}")
            editor.setAccessibleName(field.label)
            editor.setPlaceholderText(field.hint)
            editor.setTabChangesFocus(True)
            # The step card gives way to the notes; the note keeps room for a few lines.
            self._keep_lines(editor, NOTE_MIN_LINES)
            NoteSaver(session, field, editor)
            NoteBursts(editor)
            self.editors[field] = editor
            self.stack.addWidget(editor)
        self.field_picker.currentIndexChanged.connect(self._show_field)

        self.quick_line = SubmitLine()
        self.quick_line.setObjectName("quickLine")
        self.quick_line.setAccessibleName(self.tr("Quick line"))
        self.quick_line.setPlaceholderText(
            self.tr("Quick line · Enter stamps it with the meeting time")
        )
        self.quick_line.submitted.connect(self._stamp)
        # The last stamped lines, one line each (a long one ends in "…", whole on hover).
        self.recent = ElidedLines("recentStamps")
        self.recent.setProperty("muted", "true")
        self.recent.hide()
        self._recent_lines: list[str] = []

        self.action_form = ActionItemForm(session)
        self.follow_up_form = FollowUpForm(session)
        self.action_summary = ElidedLines("actionSummary")
        self.action_summary.setProperty("muted", "true")
        self.action_summary.hide()
        # One form at a time: opening one closes the other, so neither is squeezed.
        self.action_form.opening.connect(self.follow_up_form.hide)
        self.follow_up_form.opening.connect(self.action_form.hide)
        for form in (self.action_form, self.follow_up_form):
            form.opening.connect(self._form_opening)
            form.closed.connect(self._form_closed)

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
        set_style_state(self.typing_state, "typing", "true" if typing else "false")

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

    @staticmethod
    def _keep_lines(editor: QPlainTextEdit, lines: int) -> None:
        editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * lines + 16)

    def _form_opening(self) -> None:
        for editor in self.editors.values():
            self._keep_lines(editor, NOTE_MIN_LINES_WITH_FORM)

    def _form_closed(self) -> None:
        for editor in self.editors.values():
            self._keep_lines(editor, NOTE_MIN_LINES)

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
        self.recent.set_lines(self._recent_lines)

    def _on_action_item(self, _item: ActionItemNote) -> None:
        items = self._session.domain.action_items
        last = items[-1]
        parts = [last.text, *([last.owner] if last.owner else [])]
        if last.due:
            parts.append(self.tr("due {date}").format(date=short_day(last.due)))
        if len(items) > 1:
            line = self.tr("%n action items. Last: {item}", "", len(items))
        else:
            line = self.tr("Action item: {item}")
        self.action_summary.set_lines([line.format(item=" · ".join(parts))])


__all__ = ["DATE_HINT", "ActionItemForm", "FollowUpForm", "NotesPanel"]
