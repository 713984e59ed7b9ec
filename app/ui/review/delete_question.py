"""The question asked before a meeting is deleted for good (``MeetingPage.request_delete``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_meeting_delete(parent: QWidget, heading: str) -> bool:
    """True when the user chose Delete; Cancel is the default, so Enter deletes nothing."""
    # QMessageBox has no standard Delete button; a destructive-role button says the
    # act in its own word.
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DeleteMeetingQuestion", "Delete meeting"))
    box.setText(
        QCoreApplication.translate(
            "DeleteMeetingQuestion",
            "Delete “{heading}” with all its notes, signals and action items?\n\n"
            "This cannot be undone.",
        ).format(heading=heading)
    )
    delete_button = box.addButton(
        QCoreApplication.translate("DeleteMeetingQuestion", "Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel_button)
    box.setEscapeButton(cancel_button)
    box.exec()
    return box.clickedButton() is delete_button
