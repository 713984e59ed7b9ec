"""A note field's history: its saved versions, newest first, one to restore.

``MeetingPage`` opens it from a field's History button and restores what it asks for.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_terms import NoteField
from app.store.api import NoteRevisionRecord
from app.ui.review.models import RevisionModel


class RevisionDialog(QDialog):
    """A field's saved versions, newest first, with the selected one's full text."""

    restore_requested = Signal(int)

    def __init__(
        self,
        note_field: NoteField,
        revisions: list[NoteRevisionRecord],
        parent: QWidget,
        *,
        current_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        # The field's text now: a version that reads the same is not offered for restoring.
        if current_text is None and revisions:
            current_text = revisions[0].text
        self._current_text = current_text
        self.setWindowTitle(self.tr("History of “{field}”").format(field=note_field.label))
        self.resize(560, 380)
        self.model = RevisionModel(self)
        self.model.set_revisions(revisions)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            self.tr("Restore this version"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.list_view.selectionModel().currentChanged.connect(self._show_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Saved versions, newest first:")
                if revisions
                else self.tr("No saved versions yet.")
            )
        )
        layout.addWidget(self.list_view, 1)
        layout.addWidget(QLabel(self.tr("Text of the selected version:")))
        layout.addWidget(self.preview, 1)
        self.same_as_current = QLabel(self.tr("This is the text the field holds now."))
        self.same_as_current.setObjectName("sameAsCurrent")
        self.same_as_current.setVisible(False)
        layout.addWidget(self.same_as_current)
        layout.addWidget(buttons)
        if revisions:
            self.list_view.setCurrentIndex(self.model.index(min(1, len(revisions) - 1)))
        self.list_view.setFocus()

    def _show_selected(self) -> None:
        row = self.list_view.currentIndex().row()
        if row >= 0:
            self.preview.setPlainText(self.model.revision(row).text)
        # The newest version, and any that reads like the text now, would change nothing.
        offered = self.can_restore(row)
        self.restore_button.setEnabled(offered)
        self.restore_button.setVisible(offered)
        self.same_as_current.setVisible(row >= 0 and not offered)

    def can_restore(self, row: int) -> bool:
        if row <= 0 or row >= self.model.rowCount():
            return False
        return self.model.revision(row).text != self._current_text

    def _restore(self) -> None:
        row = self.list_view.currentIndex().row()
        if self.can_restore(row):
            self.restore_requested.emit(self.model.revision(row).id)
            self.accept()
