"""A Qt list model over a plain list of rows; a subclass says how a row is shown.

The home window's recent meetings and the review's search hits, timeline and note
revisions are all such lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class RowsListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def reset_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, index: _Index) -> Any:
        """The row an index points at; None for an invalid index or one past the end."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]
