"""The window Poise opens on: the playbooks at hand, and any that could not be loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain.library import PlaybookLibrary


class MainWindow(QMainWindow):
    def __init__(self, library: PlaybookLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self.resize(520, 460)

        heading = QLabel(APP_NAME)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        tagline = QLabel("Stay calm with an upset client. Pick a playbook to see its steps.")
        tagline.setWordWrap(True)

        self.playbook_list = QListWidget()
        self.playbook_list.setObjectName("playbookList")
        self.playbook_list.setWordWrap(True)
        self.playbook_list.setSpacing(4)
        for entry in library.entries:
            book = entry.playbook
            item = QListWidgetItem(f"{book.title}\n{book.summary}")
            item.setData(Qt.ItemDataRole.UserRole, book.id)
            item.setToolTip(f"{entry.path}\nSources: {book.credit}")
            self.playbook_list.addItem(item)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("playbookProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if library.problems:
            lines = "<br>".join(_escape(str(p)) for p in library.problems)
            self.problems_label.setText(f"<b>Playbooks skipped because of errors:</b><br>{lines}")
        self.problems_label.setVisible(bool(library.problems))

        layout = QVBoxLayout()
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(tagline)
        layout.addWidget(self.playbook_list, stretch=1)
        layout.addWidget(self.problems_label)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
