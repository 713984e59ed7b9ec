"""The review page's follow-up date edit keeps to the range the calendar export can write."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.domain.due_dates import LATEST_DUE_DAY
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import GeneratedMeeting


def test_the_follow_up_edit_stops_at_the_last_day_the_export_can_write(
    qtbot: QtBot, review: ReviewWindow, meetings: list[GeneratedMeeting]
):
    review.meeting_view.setCurrentIndex(review.meeting_model.index(0, 0))
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        qtbot.keyClick(review.meeting_view, Qt.Key.Key_Return)
    edit = review.meeting_page.follow_up_edit
    edit.setDate(QDate(9999, 12, 31))
    assert edit.date().toPython() == LATEST_DUE_DAY
