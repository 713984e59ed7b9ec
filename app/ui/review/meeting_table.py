"""The review front page's meeting list: a table sized so no column cuts its values off.

Its columns take their widths from the widest value each can show; the client column
grows with the longest loaded name while the title keeps room. ``ReviewWindow`` shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.export.formatting import format_duration
from app.ui.review.local_dates import short_day_text, short_when_text
from app.ui.review.models import MeetingListModel

CLIENT_COLUMN, TITLE_COLUMN = 1, 2
# The client column grows to its longest loaded name; the title keeps this much.
_MIN_TITLE = 100


class MeetingTable(QTableView):
    def __init__(
        self,
        model: MeetingListModel,
        playbook_titles: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting_model = model
        self.setObjectName("meetingList")
        self.setAccessibleName(self.tr("Meetings"))
        # Tab moves on to the next control; the arrows move within the table.
        self.setTabKeyNavigation(False)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        # Widths from the widest value each column can show, so nothing is cut off.
        # September: the longest month name in English and German alike.
        widest_day = datetime(2025, 9, 30, 23, 59)
        headings = [self._heading(column) for column in range(model.columnCount())]
        samples = (
            short_when_text(widest_day),
            "Birchwood Dental",
            "",
            max([headings[3], *playbook_titles.values()], key=metrics.horizontalAdvance)[:34],
            format_duration(timedelta(hours=10, minutes=58)),  # in the language shown
            "",
            "⚠ " + short_day_text(widest_day.date()),
        )
        for column, sample in enumerate(samples):
            # A column is never narrower than its own heading (German's are long).
            widest = max(sample, headings[column], key=metrics.horizontalAdvance)
            if sample or column == 5:
                header.resizeSection(column, metrics.horizontalAdvance(widest) + 22)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

    def _heading(self, column: int) -> str:
        return str(self.meeting_model.headerData(column, Qt.Orientation.Horizontal))

    def fit_client_column(self) -> None:
        """Widen the client column to the longest loaded name, leaving the title room."""
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(name) for name in self.meeting_model.client_names()),
            default=0,
        )
        header = self.horizontalHeader()
        # The client and the title share what the fixed columns leave; the title keeps
        # at least _MIN_TITLE, or half of that room when the list is narrow.
        fixed = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column not in (CLIENT_COLUMN, TITLE_COLUMN)
        )
        free = self.viewport().width() - fixed
        room = max(free - _MIN_TITLE, free // 2, 120)
        wanted = min(
            room, max(widest + 24, metrics.horizontalAdvance(self._heading(CLIENT_COLUMN)) + 24)
        )
        if wanted != header.sectionSize(CLIENT_COLUMN):
            header.resizeSection(CLIENT_COLUMN, wanted)
