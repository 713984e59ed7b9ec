"""The meeting page's note fields: one editor and one History button per ``NoteField``.

It shows the saved texts, says which field was typed in or asked for its history, and
marks the searched words; ``MeetingPage`` decides when to save and what to restore.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QTextEdit, QToolButton, QWidget

from app.domain.meeting_terms import NoteField


@dataclass
class NoteEditor:
    field: NoteField
    editor: QPlainTextEdit
    history_button: QToolButton
    saved_text: str


class MeetingNotesPanel(QWidget):
    typed = Signal(object)  # the NoteField typed in
    history_requested = Signal(object)  # the NoteField whose history to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.editors: dict[NoteField, NoteEditor] = {}
        for row, note_field in enumerate(NoteField):
            label = QLabel(note_field.label)
            label.setToolTip(note_field.hint)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            editor = QPlainTextEdit()
            editor.setObjectName(f"note_{note_field.value}")
            editor.setAccessibleName(note_field.label)
            editor.setPlaceholderText(note_field.hint)
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 14)
            history = QToolButton()
            history.setText(self.tr("History"))
            history.setToolTip(
                self.tr("Earlier versions of “{field}”, to restore one").format(
                    field=note_field.label
                )
            )
            history.clicked.connect(lambda _=False, f=note_field: self.history_requested.emit(f))
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(history, row, 2, Qt.AlignmentFlag.AlignTop)
            self.editors[note_field] = NoteEditor(note_field, editor, history, "")
            editor.textChanged.connect(lambda f=note_field: self.typed.emit(f))
        grid.setColumnStretch(1, 1)

    def show_notes(self, notes: Mapping[NoteField, str]) -> None:
        """The saved texts, as saved: showing them is not typing."""
        for note_field, entry in self.editors.items():
            text = notes.get(note_field, "")
            entry.saved_text = text
            entry.editor.blockSignals(True)
            entry.editor.setPlainText(text)
            entry.editor.blockSignals(False)

    def apply_highlight(self, query: str) -> None:
        """Mark every occurrence of the searched words in the note fields."""
        words = [w for w in re.findall(r"\w+", query) if len(w) > 1]
        marked = QTextCharFormat()
        marked.setBackground(QColor("#ffe58f"))
        for entry in self.editors.values():
            selections: list[QTextEdit.ExtraSelection] = []
            document = entry.editor.document()
            for word in words:
                cursor = QTextCursor(document)
                while True:
                    cursor = document.find(word, cursor, QTextDocument.FindFlag(0))
                    if cursor.isNull():
                        break
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = marked
                    selections.append(selection)
            entry.editor.setExtraSelections(selections)

    def highlighted_count(self) -> int:
        return sum(len(e.editor.extraSelections()) for e in self.editors.values())
