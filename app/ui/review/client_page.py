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
from app.export.formatting import format_duration, local
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.bold_label import bold_label
from app.ui.common.rows_list_model import RowsTableModel
from app.ui.review.context import ReviewContext
from app.ui.review.local_dates import day_text
from app.ui.review.models import OVERDUE_COLOUR, TODAY_COLOUR
from app.ui.review.share_dialog import ShareDialog

_KEPT_COLOUR = QColor("#1a7f37")
_Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str, limit: int = 140) -> str:
    joined = " · ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return joined if len(joined) <= limit else joined[: limit - 1].rstrip() + "…"


class ClientMeetingModel(RowsTableModel[ClientMeetingView]):
    """The client's meetings, newest first: date, title, what was promised, the follow-up."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ClientMeetingModel", "Date"),
        QT_TRANSLATE_NOOP("ClientMeetingModel", "Meeting"),
        QT_TRANSLATE_NOOP("ClientMeetingModel", "Promised"),
        QT_TRANSLATE_NOOP("ClientMeetingModel", "Follow-up"),
    )

    def set_report(self, report: ClientReport | None) -> None:
        self.reset_rows(report.meetings if report else ())

    def meeting_id(self, row: int) -> int:
        return int(self._rows[row].meeting.meeting.id)

    def shown(self, view: ClientMeetingView, index: _Index, role: int) -> Any:
        summary = view.meeting.meeting
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return day_text(local(summary.started_at).date())
            if column == 1:
                length = format_duration(summary.duration)
                title = summary.title or self.tr("Untitled")
                return self.tr("{title} ({length})").format(title=title, length=length)
            if column == 2:
                return _one_line(view.meeting.commitments) or "—"
            return self._follow_up_text(view) or self.tr("none set")
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return view.meeting.commitments.strip() or None
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return {
                FollowUpOutcome.KEPT: _KEPT_COLOUR,
                FollowUpOutcome.MISSED: OVERDUE_COLOUR,
                FollowUpOutcome.TODAY: TODAY_COLOUR,
            }.get(view.follow_up_outcome)
        return None

    def _follow_up_text(self, view: ClientMeetingView) -> str:
        """What became of the meeting's follow-up date: kept, missed, today, not due yet."""
        follow_up, kept_by = view.meeting.meeting.follow_up, view.kept_by
        if follow_up is None:
            return ""
        if view.follow_up_outcome == FollowUpOutcome.KEPT and kept_by is not None:
            kept = self.tr("{day}: kept (met again {met})")
            return kept.format(
                day=day_text(follow_up), met=day_text(local(kept_by.started_at).date())
            )
        outcomes = {
            FollowUpOutcome.MISSED: self.tr("{day}: missed, no meeting by then"),
            FollowUpOutcome.TODAY: self.tr("{day}: today"),
        }
        outcome = outcomes.get(view.follow_up_outcome) or self.tr("{day}: not due yet")
        return outcome.format(day=day_text(follow_up))


class ClientItemModel(RowsTableModel[ItemState]):
    """Every action item agreed with the client: open ones first, overdue at the top."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ClientItemModel", "Action"),
        QT_TRANSLATE_NOOP("ClientItemModel", "Owner"),
        QT_TRANSLATE_NOOP("ClientItemModel", "Due"),
        QT_TRANSLATE_NOOP("ClientItemModel", "State"),
        QT_TRANSLATE_NOOP("ClientItemModel", "Meeting"),
    )
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
                return day_text(item.due) if item.due else ""
            if column == 3:
                if state.state == "done":
                    when = item.done_at
                    if when is None:
                        return self.tr("done")
                    return self.tr("done {day}").format(day=day_text(local(when).date()))
                if state.state == "overdue":
                    return self.tr("overdue")
                return self.tr("due today") if state.state == "today" else self.tr("open")
            day = self._dates.get(state.meeting_id)
            return day_text(day) if day else ""
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
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Back where you came from (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.heading = bold_label(scale=1.5, name="clientHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.overview = QLabel()
        self.overview.setObjectName("clientOverview")
        self.overview.setTextFormat(Qt.TextFormat.PlainText)
        self.overview.setWordWrap(True)

        self.meeting_model = ClientMeetingModel(self)
        self.meeting_view = self._table(
            "clientMeetings", self.tr("Meetings"), self.meeting_model, 2
        )
        self.meeting_view.activated.connect(self._open_meeting)
        self.item_model = ClientItemModel(self)
        self.item_view = self._table("clientItems", self.tr("Action items"), self.item_model, 0)
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
        layout.addWidget(bold_label(self.tr("Meetings, newest first")))
        layout.addWidget(self.meeting_view, 3)
        layout.addWidget(bold_label(self.tr("Action items, ours and theirs")))
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
        parts = [self.tr("%n meeting(s)", "", meetings)]
        if report.kept or report.missed:
            parts.append(
                self.tr("follow-up dates: {kept} kept, {missed} missed").format(
                    kept=report.kept, missed=report.missed
                )
            )
        open_items, overdue = len(report.open_items), len(report.overdue_items)
        if open_items and overdue:
            open_text = self.tr("%n open action item(s), {overdue} overdue", "", open_items)
            parts.append(open_text.format(overdue=overdue))
        elif open_items:
            parts.append(self.tr("%n open action item(s)", "", open_items))
        else:
            parts.append(self.tr("no open action items"))
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
