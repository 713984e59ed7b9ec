"""The meeting page's action items: the table to tick and edit them, and a row to add one.

It holds the widgets and sizes the table to show every row (the page scrolls as a whole);
``MeetingPage`` writes what is added, edited and removed through the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.review.models import ActionItemModel


class ActionItemsEditor(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action_model = ActionItemModel(today, self)
        self.action_view = QTableView()
        self.action_view.setObjectName("actionItems")
        self.action_view.setAccessibleName(self.tr("Action items"))
        # Tab moves on to the next control; the arrows move within the table.
        self.action_view.setTabKeyNavigation(False)
        self.action_view.setModel(self.action_model)
        self.action_view.verticalHeader().hide()
        self.action_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.action_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.action_view.setToolTip(
            self.tr("Space ticks; F2 edits; due date as +3, fri or 2025-03-14")
        )
        self.new_action_text = QLineEdit()
        self.new_action_text.setPlaceholderText(self.tr("New action item…"))
        self.new_action_text.setAccessibleName(self.tr("New action item"))
        self.new_action_owner = QLineEdit()
        self.new_action_owner.setPlaceholderText(self.tr("Owner"))
        self.new_action_owner.setAccessibleName(self.tr("Owner"))
        self.new_action_owner.setMaximumWidth(140)
        self.new_action_due = QLineEdit()
        self.new_action_due.setPlaceholderText(self.tr("Due: +3, fri…"))
        self.new_action_due.setAccessibleName(self.tr("Due date"))
        self.new_action_due.setMaximumWidth(130)
        self.add_action_button = QPushButton(self.tr("Add"))
        self.remove_action_button = QPushButton(self.tr("Remove selected"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_action_text, 1)
        add_row.addWidget(self.new_action_owner)
        add_row.addWidget(self.new_action_due)
        add_row.addWidget(self.add_action_button)
        add_row.addWidget(self.remove_action_button)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)  # the page's own spacing, as when the two sat in it directly
        layout.addWidget(self.action_view)
        layout.addLayout(add_row)

    def fit_table(self) -> None:
        """Show every row instead of scrolling: the page scrolls as a whole."""
        rows = max(1, self.action_model.rowCount())
        row_height = self.action_view.verticalHeader().defaultSectionSize()
        header = self.action_view.horizontalHeader().sizeHint().height()
        self.action_view.setFixedHeight(header + row_height * rows + 4)
        self.action_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # At once, as when the table sat in the page itself: the page's layout, the next
        # to settle, then sees this editor's new height rather than the table's first guess.
        self._layout.activate()

    def clear_inputs(self) -> None:
        self.new_action_text.clear()
        self.new_action_owner.clear()
        self.new_action_due.clear()
