"""The review window driven like a user would: list, filters, search, keyboard, page, delete."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.store import Store
from app.ui.review.models import HTML_ROLE
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import GeneratedMeeting, make_meeting
from tests.review.conftest import TODAY


def _idle(window: ReviewWindow) -> bool:
    return not window.context.busy and not window.search.searching


def test_list_shows_meetings_newest_first_with_counts(
    review: ReviewWindow, meetings: list[GeneratedMeeting], screens_dir: Path
):
    model = review.meeting_model
    assert model.rowCount() == len(meetings)
    newest = meetings[-1]
    assert model.summary(0).id == newest.meeting_id
    starts = [model.summary(row).started_at for row in range(model.rowCount())]
    assert starts == sorted(starts, reverse=True)
    assert model.index(0, 5).data() == str(newest.signal_count)
    assert model.index(0, 3).data() == "upset-client"
    assert "min" in model.index(0, 4).data()
    assert review.status.text() == f"{len(meetings)} meetings"
    review.grab().save(str(screens_dir / "review-overview.png"))


def test_filters_by_client_and_date_range(
    qtbot: QtBot, review: ReviewWindow, meetings: list[GeneratedMeeting]
):
    qtbot.waitUntil(lambda: review.client_filter.count() > 1)
    client = "Calder & Sons"
    review.client_filter.setCurrentIndex(review.client_filter.findText(client))
    expected = [m for m in meetings if m.client_name == client]
    qtbot.waitUntil(lambda: review.meeting_model.rowCount() == len(expected) and _idle(review))
    assert {review.meeting_model.summary(r).client_name for r in range(len(expected))} == {client}

    review.client_filter.setCurrentIndex(0)
    since, until = TODAY - timedelta(days=20), TODAY - timedelta(days=10)
    review.set_date_range(since, until)
    in_range = [m for m in meetings if since <= m.started_at.astimezone().date() <= until]
    assert in_range
    qtbot.waitUntil(lambda: review.meeting_model.rowCount() == len(in_range) and _idle(review))
    assert review.status.text().startswith(f"{len(in_range)} meeting")


def test_search_as_you_type_highlights_and_opens_with_keyboard(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store, screens_dir: Path
):
    special = make_meeting(
        filled_store.service,
        client_name="Fjord Analytics",
        title="Dashboard rollout",
        started_at=review.meeting_model.summary(0).started_at + timedelta(hours=2),
        notes={NoteField.NOT_SAYING: "They fear the quarterly marmalade review"},
    )
    review.activateWindow()
    qtbot.keyClick(review, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert review.search_box.hasFocus()
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        qtbot.keyClicks(review.search_box, "marmal")
    query, hits = blocker.args
    assert query == "marmal"
    assert [hit.meeting_id for hit in hits] == [special.meeting_id]
    html = review.search_model.index(0).data(HTML_ROLE)
    assert "<span style='background-color:#ffe58f; font-weight:600'>marmalade</span>" in html
    assert review.status.text() == "1 match for “marmal”"
    review.grab().save(str(screens_dir / "review-search.png"))

    qtbot.keyClick(review.search_box, Qt.Key.Key_Down)
    assert review.search_view.hasFocus()
    with qtbot.waitSignal(review.meeting_opened, timeout=5000) as opened:
        qtbot.keyClick(review.search_view, Qt.Key.Key_Return)
    assert opened.args == [special.meeting_id]
    assert review.meeting_page.highlighted_count() == 1

    # Esc goes back, and the search is still there.
    qtbot.keyClick(review.meeting_page.scroll_area, Qt.Key.Key_Escape)
    assert review.pages.currentWidget() is review.overview
    assert review.results_stack.currentWidget() is review.search_view
    qtbot.keyClick(review.search_box, Qt.Key.Key_Escape)
    assert review.search_box.text() == ""
    assert review.results_stack.currentWidget() is review.meeting_view


def test_search_finds_a_word_typed_in_a_note_seconds_earlier(qtbot: QtBot, review: ReviewWindow):
    review.meeting_view.setCurrentIndex(review.meeting_model.index(3, 0))
    meeting_id = review.meeting_model.summary(3).id
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        qtbot.keyClick(review.meeting_view, Qt.Key.Key_Return)
    editor = review.meeting_page.note_editors[NoteField.COMMITMENTS].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "We promised a xylophonic rebate")
    qtbot.keyClick(review.meeting_page.scroll_area, Qt.Key.Key_Escape)
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        qtbot.keyClicks(review.search_box, "xylophonic")
    assert [hit.meeting_id for hit in blocker.args[1]] == [meeting_id]
    assert blocker.args[1][0].where == NoteField.COMMITMENTS.label


def test_stale_search_results_are_dropped_and_gui_stays_responsive(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
):
    release = threading.Event()
    real_search = filled_store.service.search

    class SlowFirstSearch:
        """The real service, except that a search for 'refund' waits to be released."""

        def __getattr__(self, name: str) -> Any:
            return getattr(filled_store.service, name)

        def search(self, query: str, **kwargs: Any) -> Any:
            if query == "refund":
                release.wait(10)
            return real_search(query, **kwargs)

    review.context.service = SlowFirstSearch()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    review.search_box.setText("refund")
    qtbot.waitUntil(lambda: review.search.queries_run == 1)
    # While that query hangs, the GUI thread keeps running timers and takes new typing.
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=3000)
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        review.search_box.setText("pallets")
    assert blocker.args[0] == "pallets"
    release.set()
    qtbot.waitUntil(lambda: review.search.stale_dropped == 1, timeout=5000)
    assert review.search_model.query == "pallets"
    timer.stop()


def test_keyboard_moves_between_meetings(qtbot: QtBot, review: ReviewWindow):
    model = review.meeting_model
    review.meeting_view.setFocus()
    review.meeting_view.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(review.meeting_opened, timeout=5000) as first:
        qtbot.keyClick(review.meeting_view, Qt.Key.Key_Return)
    assert first.args == [model.summary(0).id]
    assert not review.meeting_page.newer_button.isEnabled()
    page_focus = review.meeting_page.scroll_area
    with qtbot.waitSignal(review.meeting_opened, timeout=5000) as older:
        qtbot.keyClick(page_focus, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert older.args == [model.summary(1).id]
    with qtbot.waitSignal(review.meeting_opened, timeout=5000) as newer:
        qtbot.keyClick(page_focus, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert newer.args == [model.summary(0).id]
    qtbot.keyClick(page_focus, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert review.pages.currentWidget() is review.overview
    assert review.meeting_view.hasFocus()


def test_follow_ups_on_the_front_page_are_marked(
    qtbot: QtBot, review: ReviewWindow, meetings: list[GeneratedMeeting]
):
    expected = sorted(m.follow_up for m in meetings if m.follow_up)
    qtbot.waitUntil(lambda: review.follow_up_model.rowCount() == len(expected))
    shown = [review.follow_up_model.summary(r).follow_up for r in range(len(expected))]
    assert shown == expected
    labels = [review.follow_up_model.index(r, 0).data() for r in range(len(expected))]
    overdue = [d for d in expected if d < TODAY]
    assert overdue, "the generated data should have an overdue follow-up"
    assert sum("(overdue)" in label for label in labels) == len(overdue)
    assert f"{len(expected)} (" in review.follow_up_title.text()


def test_trends_show_calmer_meetings(qtbot: QtBot, review: ReviewWindow):
    qtbot.waitUntil(lambda: len(review.trends_chart.points()) == 20)
    points = review.trends_chart.points()
    assert [p.started_at for p in points] == sorted(p.started_at for p in points)
    assert "Calmer lately" in review.trends_chart.toolTip()
    client = "Acme Logistics"
    with qtbot.waitSignal(review.trends_refreshed, timeout=5000):
        review.client_filter.setCurrentIndex(review.client_filter.findText(client))
    assert {p.client_name for p in review.trends_chart.points()} == {client}
    assert client in review.trends_title.text()


def test_an_action_item_is_found_by_the_reviews_search(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
):
    """Issue 26: the review's search did not look at action items."""
    meeting_id = review.meeting_model.summary(2).id
    filled_store.service.add_action_item(meeting_id, "Book the quokka-proof courier", "Sam")
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        qtbot.keyClicks(review.search_box, "quokka")
    assert [(hit.meeting_id, hit.where) for hit in blocker.args[1]] == [(meeting_id, "Action item")]
