"""A read-only address with a Copy button that says "Copied" for a moment.

The pairing panel shows the link's address in one (for ``poise partner URL`` on a
laptop), the paired-partners settings page a relay pairing link in another.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

COPIED_SHOWN_MS = 2000


class CopyField(QWidget):
    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName(field_name)
        self.field.setReadOnly(True)
        self.button = QPushButton(self.tr("Copy"))
        self.button.clicked.connect(self._copy)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(COPIED_SHOWN_MS)
        self._copied_timer.timeout.connect(self._end_copied)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.field, stretch=1)
        row.addWidget(self.button)

    def _copy(self) -> None:
        # An empty field copies nothing, so it does not claim "Copied" either.
        if self.field.text():
            QGuiApplication.clipboard().setText(self.field.text())
            self.button.setText(self.tr("Copied"))
            self._copied_timer.start()

    def _end_copied(self) -> None:
        self.button.setText(self.tr("Copy"))
