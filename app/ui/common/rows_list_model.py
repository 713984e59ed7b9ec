"""Qt models over a plain list of rows; a subclass says how a row is shown.

``RowsTableModel`` puts the rows under fixed ``COLUMNS`` headers (the review's meeting
list, follow-ups, action items and a client's page); ``RowsListModel`` is its one-column
form (the home window's recent meetings and the review's search hits, timeline and note
revisions).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

RowT = TypeVar("RowT")


class RowsTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of rows under fixed ``COLUMNS`` headers."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def reset_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # COLUMNS are marked QT_TRANSLATE_NOOP("<the model's class>", ...) where defined.
            return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section])
        return None

    def record(self, row: int) -> RowT:
        """The row at ``row``, which the caller knows is there (a view's current row)."""
        return self._rows[row]

    def row_at(self, index: _Index) -> RowT | None:
        """The row an index points at; None for an invalid index or one past the end."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.row_at(index)
        if record is None:
            return None
        return self.shown(record, index, role)

    @abstractmethod
    def shown(self, record: RowT, index: _Index, role: int) -> Any:
        """What ``role`` shows of ``record`` at ``index``; None for a role not shown.

        Each model says it: the rows and what they show are its own."""


class RowsListModel(RowsTableModel[RowT]):
    """One column and no header: a list of rows."""

    COLUMNS = ("",)

    def index(self, row: int, column: int = 0, parent: _Index = _NO_INDEX) -> QModelIndex:
        # A list is asked by row alone, as QAbstractListModel allows.
        return super().index(row, column, parent)
