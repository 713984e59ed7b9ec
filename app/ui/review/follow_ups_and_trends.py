"""The review front page's side panel: the open follow-ups and the trends chart.

It loads both through the ``ReviewContext`` (off the GUI thread) and says how many it
showed; ``ReviewWindow`` places it beside the meeting list and opens what is activated.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from app.store.api import MeetingSummary
from app.ui.review.context import ReviewContext
from app.ui.review.headings import bold_title
from app.ui.review.models import FollowUpModel
from app.ui.review.trends import (
    DEFAULT_TREND_MEETINGS,
    TrendsChart,
    counts_for_trends,
    trend_points,
)


class FollowUpsAndTrends(QWidget):
    follow_ups_refreshed = Signal(int)
    trends_refreshed = Signal(int)

    def __init__(
        self, context: ReviewContext, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("frontPageSide")
        self.context = context
        self._today = today
        self._trends_client: int | None = None
        self.follow_up_model = FollowUpModel(today, self)
        self.follow_up_view = QTableView()
        self.follow_up_view.setObjectName("followUps")
        self.follow_up_view.setAccessibleName(self.tr("Follow-ups"))
        # Tab moves on to the next control; the arrows move within the table.
        self.follow_up_view.setTabKeyNavigation(False)
        self.follow_up_view.setModel(self.follow_up_model)
        self.follow_up_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.follow_up_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_up_view.verticalHeader().hide()
        self.follow_up_view.setWordWrap(False)
        follow_header = self.follow_up_view.horizontalHeader()
        follow_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        follow_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.follow_up_title = bold_title(self.tr("Open follow-ups"))
        self.trends_title = bold_title(self.tr("Trends: all clients"))
        self.trends_chart = TrendsChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.follow_up_title)
        layout.addWidget(self.follow_up_view, 1)
        layout.addSpacing(8)
        layout.addWidget(self.trends_title)
        layout.addWidget(self.trends_chart)

    def refresh_follow_ups(self) -> None:
        service = self.context.service
        today = self._today()

        def done(rows: list[MeetingSummary]) -> None:
            self.follow_up_model.set_rows(rows)
            overdue = sum(1 for r in rows if r.follow_up and r.follow_up < today)
            due_today = sum(1 for r in rows if r.follow_up == today)
            self.follow_up_title.setText(self._follow_up_title(len(rows), overdue, due_today))
            self.follow_ups_refreshed.emit(len(rows))

        self.context.run(lambda: service.open_follow_ups(today), done)

    def _follow_up_title(self, count: int, overdue: int, due_today: int) -> str:
        if overdue and due_today:
            text = self.tr("Open follow-ups: {count} ({overdue} overdue, {today} today)")
        elif overdue:
            text = self.tr("Open follow-ups: {count} ({overdue} overdue)")
        elif due_today:
            text = self.tr("Open follow-ups: {count} ({today} today)")
        else:
            text = self.tr("Open follow-ups: {count}")
        return text.format(count=count, overdue=overdue, today=due_today)

    def refresh_trends(self, client_id: int | None, client_name: str) -> None:
        """The trends of one client's (or, with None, everyone's) last counted meetings."""
        service = self.context.service
        # Only the latest request shows: the client filter may have moved on meanwhile.
        self._trends_client = client_id

        def work() -> list[Any]:
            # Short tries and open meetings do not count; look further back for enough.
            recent = service.list_meetings(client_id=client_id, limit=DEFAULT_TREND_MEETINGS * 3)
            # A colleague's shared meeting is theirs to count, not this person's.
            counted = [
                s for s in recent if counts_for_trends(s.started_at, s.ended_at) and not s.shared_by
            ]
            chosen = counted[:DEFAULT_TREND_MEETINGS]
            return trend_points([service.load_meeting(summary.id) for summary in chosen])

        def done(points: list[Any]) -> None:
            if self._trends_client != client_id:
                return
            self.trends_chart.set_points(points)
            if client_id is None:
                title = self.tr("Trends: last %n meeting(s), all clients", "", len(points))
            else:
                title = self.tr("Trends: last %n meeting(s), {client}", "", len(points))
            title = title.format(client=client_name)
            if service.sharing_available:
                title = QCoreApplication.translate(
                    "TeamSharing", "{trends} (your own meetings only)"
                ).format(trends=title)
            self.trends_title.setText(title)
            self.trends_refreshed.emit(len(points))

        self.context.run(work, done)
