"""One client across meetings: every meeting, what was promised, what is done, which dates held.

The review shows this page from the list (the client of the chosen row or filter) and from
a meeting page. It reads a ``ClientReport`` (``app.export.follow_through``), loaded by the
review off the GUI thread; opening a meeting row shows that meeting.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.export.follow_through import ClientMeetingView, ClientReport, FollowUpOutcome, ItemState
from app.export.formatting import format_day, format_duration, local
from app.ui.common.bold_label import bold_label
from app.ui.common.rows_list_model import RowsTableModel
from app.ui.review.context import ReviewContext
from app.ui.review.models import OVERDUE_COLOUR, TODAY_COLOUR
from app.ui.review.share_dialog import ShareDialog

_KEPT_COLOUR = QColor("#1a7f37")
_Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str, limit: int = 140) -> str:
    joined = " · ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return joined if len(joined) <= limit else joined[: limit - 1].rstrip() + "…"


class ClientMeetingModel(RowsTableModel[ClientMeetingView]):
    """The client's meetings, newest first: date, title, what was promised, the follow-up."""

    COLUMNS = ("Date", "Meeting", "Promised", "Follow-up")

    def set_report(self, report: ClientReport | None) -> None:
        self.reset_rows(report.meetings if report else ())

    def meeting_id(self, row: int) -> int:
        return int(self._rows[row].meeting.meeting.id)

    def shown(self, view: ClientMeetingView, index: _Index, role: int) -> Any:
        summary = view.meeting.meeting
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_day(local(summary.started_at).date())
            if column == 1:
                length = format_duration(summary.duration)
                return f"{summary.title or 'Untitled'} ({length})"
            if column == 2:
                return _one_line(view.meeting.commitments) or "—"
            return view.follow_up_sentence.removeprefix("Follow-up ") or "none set"
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return view.meeting.commitments.strip() or None
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return {
                FollowUpOutcome.KEPT: _KEPT_COLOUR,
                FollowUpOutcome.MISSED: OVERDUE_COLOUR,
                FollowUpOutcome.TODAY: TODAY_COLOUR,
            }.get(view.follow_up_outcome)
        return None


class ClientItemModel(RowsTableModel[ItemState]):
    """Every action item agreed with the client: open ones first, overdue at the top."""

    COLUMNS = ("Action", "Owner", "Due", "State", "Meeting")
    _ORDER: ClassVar[dict[str, int]] = {"overdue": 0, "today": 1, "open": 2, "done": 3}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._dates: dict[int, date] = {}

    def set_report(self, report: ClientReport | None) -> None:
        self.beginResetModel()
        items: list[ItemState] = [
            s for view in (report.meetings if report else ()) for s in view.items
        ]
        self._dates = {
            view.meeting.meeting.id: local(view.meeting.meeting.started_at).date()
            for view in (report.meetings if report else ())
        }
        self._rows = sorted(items, key=lambda s: (self._ORDER[s.state], s.item.due or date.max))
        self.endResetModel()

    def meeting_id(self, row: int) -> int:
        return int(self._rows[row].meeting_id)

    def shown(self, state: ItemState, index: _Index, role: int) -> Any:
        item = state.item
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.text
            if column == 1:
                return item.owner
            if column == 2:
                return format_day(item.due) if item.due else ""
            if column == 3:
                if state.state == "done":
                    when = item.done_at
                    return f"done {format_day(local(when).date())}" if when else "done"
                return {"overdue": "overdue", "today": "due today"}.get(state.state, "open")
            day = self._dates.get(state.meeting_id)
            return format_day(day) if day else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return {"overdue": OVERDUE_COLOUR, "today": TODAY_COLOUR, "done": _KEPT_COLOUR}.get(
                state.state
            )
        if role == Qt.ItemDataRole.FontRole and state.state == "done" and column == 0:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class ClientPage(QWidget):
    back_requested = Signal()
    meeting_requested = Signal(int)

    def __init__(self, context: ReviewContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPage")
        self.report: ClientReport | None = None
        self._context = context
        self.share_button = QPushButton(self.tr("Share…"))
        self.share_button.setObjectName("shareClient")
        self.share_button.setToolTip(self.tr("Let a colleague or the whole team read this history"))
        self.share_button.clicked.connect(self.open_share_dialog)
        self.share_button.hide()
        self.back_button = QPushButton("← Back")
        self.back_button.setToolTip("Back where you came from (Esc)")
        self.back_button.clicked.connect(self.back_requested)
        self.heading = bold_label(scale=1.5, name="clientHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.overview = QLabel()
        self.overview.setObjectName("clientOverview")
        self.overview.setTextFormat(Qt.TextFormat.PlainText)
        self.overview.setWordWrap(True)

        self.meeting_model = ClientMeetingModel(self)
        self.meeting_view = self._table("clientMeetings", "Meetings", self.meeting_model, 2)
        self.meeting_view.activated.connect(self._open_meeting)
        self.item_model = ClientItemModel(self)
        self.item_view = self._table("clientItems", "Action items", self.item_model, 0)
        self.item_view.activated.connect(self._open_item_meeting)

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.share_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 14)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.overview)
        layout.addWidget(bold_label("Meetings, newest first"))
        layout.addWidget(self.meeting_view, 3)
        layout.addWidget(bold_label("Action items, ours and theirs"))
        layout.addWidget(self.item_view, 2)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested.emit)

    @staticmethod
    def _table(name: str, spoken_name: str, model: RowsTableModel, stretch: int) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(spoken_name)
        # Tab moves on to the next control; the arrows move within the table.
        view.setTabKeyNavigation(False)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        header = view.horizontalHeader()
        for column in range(model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def show_report(self, report: ClientReport) -> None:
        self.report = report
        self.heading.setText(report.client_name)
        meetings = len(report.meetings)
        parts = [f"{meetings} meeting{'s' if meetings != 1 else ''}"]
        if report.kept or report.missed:
            parts.append(f"follow-up dates: {report.kept} kept, {report.missed} missed")
        open_items, overdue = len(report.open_items), len(report.overdue_items)
        if open_items:
            parts.append(
                f"{open_items} open action item{'s' if open_items != 1 else ''}"
                + (f", {overdue} overdue" if overdue else "")
            )
        else:
            parts.append("no open action items")
        self.overview.setText(" · ".join(parts))
        self.meeting_model.set_report(report)
        # Only one's own client can be shared: a colleague's shared history stays theirs.
        own = any(not view.meeting.meeting.shared_by for view in report.meetings)
        team = self._context is not None and self._context.service.sharing_available
        self.share_button.setVisible(team and own)
        self.item_model.set_report(report)
        if meetings:
            self.meeting_view.setCurrentIndex(self.meeting_model.index(0, 0))
        self.meeting_view.setFocus()

    def open_share_dialog(self) -> ShareDialog | None:
        if self._context is None or self.report is None:
            return None
        report = self.report
        self.share_dialog = ShareDialog(
            self._context, report.client_name, client_id=report.client_id, parent=self
        )
        self.share_dialog.open()
        return self.share_dialog

    def _open_meeting(self, index: QModelIndex) -> None:
        if index.isValid():
            self.meeting_requested.emit(self.meeting_model.meeting_id(index.row()))

    def _open_item_meeting(self, index: QModelIndex) -> None:
        if index.isValid():
            self.meeting_requested.emit(self.item_model.meeting_id(index.row()))


__all__ = ["ClientItemModel", "ClientMeetingModel", "ClientPage"]
