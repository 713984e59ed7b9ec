"""The question before a meeting ends: end now, and the follow-up date to keep or set."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_session import parse_due_date
from app.ui.live.note_forms import date_hint


class EndMeetingDialog(QDialog):
    """Confirm the end and set or confirm the follow-up date."""

    def __init__(self, follow_up: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End the meeting?"))
        self.follow_up: date | None = follow_up
        question = QLabel(
            self.tr("End the meeting now? The notes are saved; you can review them later.")
        )
        question.setWordWrap(True)
        self.has_follow_up = QCheckBox(self.tr("Follow up on"))
        self.has_follow_up.setChecked(follow_up is not None)
        self.when = QLineEdit(follow_up.isoformat() if follow_up else "")
        self.when.setObjectName("endFollowUp")
        self.when.setAccessibleName(self.tr("Follow-up date"))
        self.when.setPlaceholderText(date_hint())
        self.when.textEdited.connect(lambda text: self.has_follow_up.setChecked(bool(text)))
        self.error = QLabel()
        self.error.setObjectName("problemLine")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.has_follow_up)
        row.addWidget(self.when, 1)
        buttons = QDialogButtonBox()
        self.end_button = buttons.addButton(
            self.tr("End meeting"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.end_button.setObjectName("primaryButton")
        buttons.addButton(self.tr("Keep going"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(question)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Only now, inside the dialog: the dialog keeps it as Enter's button after a Tab
        # has passed over "Keep going" (set earlier, Enter there would keep going).
        self.end_button.setDefault(True)
        self.setMinimumWidth(340)

    def _accept(self) -> None:
        if not self.has_follow_up.isChecked():
            self.follow_up = None
            self.accept()
            return
        try:
            self.follow_up = parse_due_date(self.when.text(), date.today())
        except ValueError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


__all__ = ["EndMeetingDialog"]
