"""The meeting page: strip, follow-up marks, editable notes with history, action items,
exports of what the page shows, and deletion that really removes the meeting."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolTip
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.store import Store
from app.ui.review.timeline_strip import TimelineStrip, strip_data_from
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import make_meeting
from tests.review.conftest import TODAY

HEATED_START = datetime(2025, 3, 11, 14, 0, tzinfo=UTC)


def _open_heated(qtbot: QtBot, review: ReviewWindow, store: Store) -> int:
    made = make_meeting(
        store.service,
        client_name="Greystone Builders",
        title="Roof leak escalation",
        started_at=HEATED_START,
        minutes=60,
        signals=((18, 4), (21, 9), (23, None), (50, 3)),
        notes={
            NoteField.WHAT_THEY_SAY: "Third leak this month. We want the contract reviewed.",
            NoteField.REAL_CONCERN: "Their own client is threatening them.",
        },
        stamps=((19, "Voice raised: 'unacceptable'"), (40, "Calmer after the site-visit offer")),
        actions=(("Book a site visit", "Dana", TODAY + timedelta(days=2)),),
        follow_up=TODAY,
    )
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(made.meeting_id)
    return made.meeting_id


def test_page_shows_the_meeting_with_strip_and_today_mark(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store, screens_dir: Path
):
    _open_heated(qtbot, review, filled_store)
    page = review.meeting_page
    assert page.heading.text() == "Roof leak escalation — Greystone Builders"
    assert page.follow_up_status.text() == "● Today"
    data = page.strip.data()
    assert data.duration_s == 3600
    assert [round(s.sent_s / 60) for s in data.signals] == [18, 21, 23, 50]
    assert [s.ack_after_s for s in data.signals] == [4, 9, None, 3]
    assert len(data.steps) == 4 and len(data.stamps) == 2
    x = page.strip.x_at(18 * 60)  # the hover text at the first signal's mark
    assert "acknowledged after 4 s" in page.strip.describe_at(x, 40)
    texts = [page.timeline_model.index(r).data() for r in range(page.timeline_model.rowCount())]
    assert any("not acknowledged" in t for t in texts)
    assert page.note_editors[NoteField.REAL_CONCERN].editor.toPlainText().startswith("Their own")
    review.grab().save(str(screens_dir / "review-meeting-page.png"))
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    review.grab().save(str(screens_dir / "review-meeting-page-end.png"))
    page.strip.grab().save(str(screens_dir / "review-timeline-strip.png"))


def test_overdue_mark_and_follow_up_change_reaches_the_front_page(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
):
    meeting_id = _open_heated(qtbot, review, filled_store)
    page = review.meeting_page
    with qtbot.waitSignal(review.follow_ups_refreshed, timeout=5000):
        page.set_follow_up(TODAY - timedelta(days=3))
    assert page.follow_up_status.text() == "⚠ Overdue"
    assert filled_store.service.get_meeting(meeting_id).follow_up == TODAY - timedelta(days=3)
    rows = [review.follow_up_model.summary(r).id for r in range(review.follow_up_model.rowCount())]
    assert meeting_id in rows
    with qtbot.waitSignal(review.follow_ups_refreshed, timeout=5000):
        page.clear_follow_up()
    assert page.follow_up_status.text() == "No follow-up set"
    rows = [review.follow_up_model.summary(r).id for r in range(review.follow_up_model.rowCount())]
    assert meeting_id not in rows


def test_action_items_tick_edit_add_remove(qtbot: QtBot, review: ReviewWindow, filled_store: Store):
    meeting_id = _open_heated(qtbot, review, filled_store)
    page = review.meeting_page
    model = page.action_model

    def stored() -> list[tuple[str, str, date | None, bool]]:
        items = filled_store.service.load_meeting(meeting_id).action_items
        return [(i.text, i.owner, i.due, i.done) for i in items]

    # Tick with the keyboard: Space on the Done cell.
    page.action_view.setFocus()
    page.action_view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(page.action_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: stored()[0][3] is True)
    assert model.setData(model.index(0, 1), "Book a site visit with the roofer")
    assert model.setData(model.index(0, 3), "2025-03-20")
    assert not model.setData(model.index(0, 3), "next week")
    assert model.setData(model.index(0, 3), "+2")  # the live window's shorthand reads here too
    assert model.items()[0].due == TODAY + timedelta(days=2)
    assert model.setData(model.index(0, 3), "2025-03-20")
    qtbot.waitUntil(
        lambda: stored()[0][:3] == ("Book a site visit with the roofer", "Dana", date(2025, 3, 20))
    )
    page.new_action_text.setText("Send the warranty terms")
    page.new_action_owner.setText("Me")
    page.new_action_due.setText("2025-03-14")
    qtbot.keyClick(page.new_action_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stored()) == 2)
    assert stored()[1] == ("Send the warranty terms", "Me", date(2025, 3, 14), False)
    page.new_action_text.setText("Call them back")
    page.new_action_due.setText("fri")  # TODAY is a Wednesday
    qtbot.keyClick(page.new_action_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stored()) == 3)
    assert stored()[2][2] == date(2025, 3, 14)
    page.new_action_text.setText("Never")
    page.new_action_due.setText("someday")
    with qtbot.waitSignal(page.message, timeout=5000) as refused:
        qtbot.keyClick(page.new_action_text, Qt.Key.Key_Return)
    assert refused.args == ["'someday' is not a date: try +3, 2w, fri, tomorrow or 2025-03-14"]
    assert page.new_action_text.text() == "Never"  # nothing typed is lost
    page.action_view.selectRow(2)
    page.remove_selected_action()
    qtbot.waitUntil(lambda: len(stored()) == 2)
    assert model.rowCount() == 2
    page.action_view.selectRow(0)
    page.remove_selected_action()
    qtbot.waitUntil(lambda: len(stored()) == 1)
    assert model.rowCount() == 1


def test_notes_stay_editable_with_history_and_restore(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store, screens_dir: Path
):
    meeting_id = _open_heated(qtbot, review, filled_store)
    page = review.meeting_page
    editor = page.note_editors[NoteField.WHAT_THEY_SAY].editor
    original = editor.toPlainText()
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Rewritten after the call")
    qtbot.waitUntil(
        lambda: (
            filled_store.service.load_meeting(meeting_id).notes[NoteField.WHAT_THEY_SAY]
            == "Rewritten after the call"
        ),
        timeout=5000,
    )
    page.note_editors[NoteField.WHAT_THEY_SAY].history_button.click()
    qtbot.waitUntil(lambda: getattr(page, "history_dialog", None) is not None)
    dialog = page.history_dialog
    qtbot.waitExposed(dialog)
    texts = [dialog.model.revision(r).text for r in range(dialog.model.rowCount())]
    assert texts[0] == "Rewritten after the call"
    assert original in texts
    dialog.grab().save(str(screens_dir / "review-note-history.png"))
    dialog.list_view.setCurrentIndex(dialog.model.index(texts.index(original)))
    with qtbot.waitSignal(page.changed, timeout=5000):
        dialog.restore_button.click()
    assert editor.toPlainText() == original
    assert filled_store.service.load_meeting(meeting_id).notes[NoteField.WHAT_THEY_SAY] == original


def test_page_exports_exactly_what_it_shows(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store, tmp_path: Path
):
    _open_heated(qtbot, review, filled_store)
    page = review.meeting_page
    editor = page.note_editors[NoteField.COMMITMENTS].editor
    editor.setPlainText("We will send a roofer on Friday")  # typed, not yet saved
    page.export("md", tmp_path / "m.md")
    text = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "We will send a roofer on Friday" in text
    assert "Greystone Builders" in text and "Quality complaint" not in text
    page.export("ics", tmp_path / "m.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "m.ics").read_bytes())
    days = sorted(e.decoded("DTSTART") for e in calendar.walk("VEVENT"))
    assert days == [TODAY, TODAY + timedelta(days=2)]
    page.export("pdf", tmp_path / "m.pdf")
    assert (tmp_path / "m.pdf").read_bytes()[:4] == b"%PDF"
    page.confirm_delete = lambda heading: False
    page.ask_save_path = lambda suffix, name: tmp_path / name
    page.markdown_button.click()
    assert (tmp_path / page.suggested_file_name("md")).exists()
    assert page.suggested_file_name("md").startswith("2025-03-11-Greystone-Builders-Roof")


def test_csv_of_all_meetings_from_the_window(
    qtbot: QtBot, review: ReviewWindow, meetings: list, tmp_path: Path
):
    review.ask_csv_path = lambda name: tmp_path / name
    with qtbot.waitSignal(review.csv_written, timeout=10000) as written:
        review.csv_button.click()
    assert written.args[1] == len(meetings)
    with Path(written.args[0]).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(meetings)
    assert rows[0]["title"] == meetings[-1].title  # newest first, as listed


def test_delete_after_confirmation_removes_it_from_list_and_search(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
):
    meeting_id = _open_heated(qtbot, review, filled_store)
    page = review.meeting_page
    asked: list[str] = []
    page.confirm_delete = lambda heading: asked.append(heading) or False
    page.delete_button.click()
    assert asked == ["Roof leak escalation — Greystone Builders"]
    assert filled_store.service.search("Greystone")  # declined: still there

    page.confirm_delete = lambda heading: True
    with qtbot.waitSignal(review.list_refreshed, timeout=5000):
        page.delete_button.click()
    assert review.pages.currentWidget() is review.overview
    ids = [review.meeting_model.summary(r).id for r in range(review.meeting_model.rowCount())]
    assert meeting_id not in ids
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        qtbot.keyClicks(review.search_box, "Greystone")
    assert blocker.args[1] == []
    assert filled_store.service.search("leak") == []
    assert review.status.text() == "Nothing found for “Greystone”"


class _DialogAnswerer:
    """Clicks a button of the next modal message box once it is on screen.

    The box runs its own event loop inside the click that opened it, so the answer has
    to come from a timer; it looks for the box every 20 ms for at most five seconds.
    """

    def __init__(self, button_text: str) -> None:
        self.button_text = button_text
        self.seen: list[tuple[str, str, list[str], str]] = []
        self._tries = 250
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            self._tries -= 1
            if self._tries > 0:
                QTimer.singleShot(20, self._look)
            return
        buttons = {b.text().replace("&", ""): b for b in box.findChildren(QPushButton)}
        default = box.defaultButton()
        self.seen.append(
            (
                box.windowTitle(),
                box.text(),
                sorted(buttons),
                default.text().replace("&", "") if default is not None else "",
            )
        )
        buttons[self.button_text].click()


def test_delete_asks_in_a_real_dialog_and_only_its_delete_button_deletes(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
):
    meeting_id = _open_heated(qtbot, review, filled_store)
    page = review.meeting_page

    cancelled = _DialogAnswerer("Cancel")
    page.delete_button.click()
    assert len(cancelled.seen) == 1
    title, text, buttons, default = cancelled.seen[0]
    assert title == "Delete meeting"
    assert "Roof leak escalation — Greystone Builders" in text
    assert buttons == ["Cancel", "Delete"]
    assert default == "Cancel"  # Enter alone deletes nothing
    assert filled_store.service.get_meeting(meeting_id).title == "Roof leak escalation"

    confirmed = _DialogAnswerer("Delete")
    with qtbot.waitSignal(review.list_refreshed, timeout=5000):
        page.delete_button.click()
    assert len(confirmed.seen) == 1
    assert filled_store.service.search("leak") == []
    assert review.pages.currentWidget() is review.overview


def test_hovering_the_strip_shows_what_happened_there(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
):
    _open_heated(qtbot, review, filled_store)
    strip = review.meeting_page.strip
    qtbot.waitExposed(strip)
    at = QPoint(round(strip.x_at(18 * 60)), 40)
    hover = QHelpEvent(QEvent.Type.ToolTip, at, strip.mapToGlobal(at))
    assert QApplication.sendEvent(strip, hover)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    assert "acknowledged after 4 s" in QToolTip.text()
    assert QToolTip.text() == strip.describe_at(at.x(), at.y())

    quiet = QPoint(round(strip.x_at(35 * 60)), 40)  # the signal lane, no signal near
    assert strip.describe_at(quiet.x(), quiet.y()) == ""
    quiet_hover = QHelpEvent(QEvent.Type.ToolTip, quiet, strip.mapToGlobal(quiet))
    assert QApplication.sendEvent(strip, quiet_hover)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=5000)


def test_strip_draws_an_empty_meeting_quietly(qtbot: QtBot, screens_dir: Path):
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(500, 100)
    strip.show()
    assert strip.describe_at(100, 40) == ""
    strip.grab().save(str(screens_dir / "review-timeline-strip-empty.png"))
    assert strip_data_from  # the page builds strips from reports (covered above)
