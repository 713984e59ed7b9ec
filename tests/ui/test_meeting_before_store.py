"""A meeting never waits for the database: it starts before the store is open, goes on
while the database is locked, and keeps its notes in a file when the store never opens.

Real SQLite files and real widgets offscreen; the store is opened, locked or broken the
way the app meets it.
"""

from __future__ import annotations

import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import NoteField, SignalSource
from app.journal.replay import read_journal
from app.store import Store, open_store
from app.store.api import NotADatabase
from app.store.records import TimelineKind
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_window import LiveWindow
from app.ui.live.status_lines import PROBLEM_HEADLINE
from app.ui.live.summary import SummaryWindow
from tests.ui.test_live_flow import open_prepare

WAIT_MS = 5000


def shoot(widget: QWidget, path: Path) -> None:
    # Let pending layout passes run so the picture shows what a user would see.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert widget.grab().save(str(path)), path


def start(
    qtbot: QtBot, flow: MeetingFlow, client: str = "Harbor & Sons", *, last: bool = True
) -> LiveWindow:
    """``last=False``: another meeting follows, and the flow deletes this window itself."""
    dialog = open_prepare(qtbot, flow)
    qtbot.keyClicks(dialog.client.lineEdit(), client)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(flow.sessionStarted, timeout=WAIT_MS) as started:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    window = started.args[1]
    if last:
        qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def end(qtbot: QtBot, flow: MeetingFlow, window: LiveWindow) -> SummaryWindow:
    qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(flow.summaryShown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    summary = shown.args[0]
    qtbot.addWidget(summary)
    return summary


def test_meeting_started_before_the_store_opens_is_stored_whole_once_it_does(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    flow = MeetingFlow(None, library)
    window = start(qtbot, flow)
    session = window.session
    assert not session.stored and session.meeting_id is None

    # Everything a user does in the first moments: typing, a stamped line, a step, a cue.
    editor = window.notes.editors[NoteField.WHAT_THEY_SAY]
    editor.setFocus()
    qtbot.keyClicks(editor, "They feel ignored")
    qtbot.keyClicks(window.notes.quick_line, "Mentioned a competitor")
    qtbot.keyClick(window.notes.quick_line, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)
    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS):
        session.trigger_cue("calm", SignalSource.PHONE, "early-cue")
    with qtbot.waitSignal(session.cueAcknowledged, timeout=WAIT_MS):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClicks(editor, " since March")
    assert session.held_notes == {NoteField.WHAT_THEY_SAY: "They feel ignored since March"}
    # ... and all of it on disk, in the meeting's journal, user-only.
    journal = session.journal
    assert journal is not None and journal.wait_written(5.0)
    journal_file = journal.location
    assert journal_file is not None and journal_file.parent == data_dir / "journal"
    assert stat.S_IMODE(journal_file.stat().st_mode) == 0o600
    kept = read_journal(journal_file)
    assert kept.notes[NoteField.WHAT_THEY_SAY][0] == "They feel ignored since March"
    assert [event["kind"] for event in kept.events] == [
        "step",
        "line",
        "step",
        "cue_sent",
        "cue_shown",
        "cue_acknowledged",
    ]

    store = open_store()
    try:
        with qtbot.waitSignal(session.meetingStored, timeout=WAIT_MS) as stored:
            flow.attach_store(store)
        meeting_id = stored.args[0]
        assert session.stored and session.meeting_id == meeting_id
        assert session.held_notes == {} and session.held_lines == []
        qtbot.keyClicks(editor, ", twice")  # after the store: straight to the writer
        assert store.writer.flush(5)
        # The store has it all: the journal is gone.
        qtbot.waitUntil(lambda: not journal_file.exists(), timeout=WAIT_MS)
        assert session.journal is None

        detail = store.service.load_meeting(meeting_id)
        assert detail.meeting.client_name == "Harbor & Sons"
        assert detail.notes[NoteField.WHAT_THEY_SAY] == "They feel ignored since March, twice"
        assert [line.text for line in detail.stamped_lines] == ["Mentioned a competitor"]
        steps = [event for event in detail.timeline if event.kind is TimelineKind.STEP]
        assert [step.step_key for step in steps] == ["listen", "subtext"]
        [signal] = detail.signals
        assert signal.message_id == "early-cue"
        # The times are those of the moments themselves, not of the store's arrival.
        assert signal.sent_at <= signal.shown_at <= signal.acknowledged_at
        assert steps[0].at == detail.meeting.started_at
        assert signal.acknowledged_at < detail.stamped_lines[0].at + timedelta(seconds=5)
    finally:
        window.close()
        store.close()


def test_prepare_dialog_opens_before_the_store_and_takes_its_clients_later(
    qtbot: QtBot, library: PlaybookLibrary, store: Store
) -> None:
    from tests.meeting_factory import draft

    store.service.start_meeting(draft("Northwind"))
    store.service.start_meeting(draft("acme"))
    flow = MeetingFlow(None, library)
    dialog = open_prepare(qtbot, flow)
    assert dialog.client.count() == 0
    qtbot.keyClicks(dialog.client.lineEdit(), "Harb")
    flow.attach_store(store)
    qtbot.waitUntil(lambda: dialog.client.count() == 2, timeout=WAIT_MS)
    assert [dialog.client.itemText(i) for i in range(2)] == ["acme", "Northwind"]
    # What the user was typing is untouched, and typing goes on where it was.
    assert dialog.client.currentText() == "Harb"
    qtbot.keyClicks(dialog.client.lineEdit(), "or")
    assert dialog.client.currentText() == "Harbor"


def test_meeting_goes_on_while_the_database_is_locked_and_is_stored_when_free(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path, screens_dir: Path, look: str
) -> None:
    store = open_store(busy_timeout_ms=100, retry_interval=0.1)
    assert store.location.sqlite_file is not None
    other = sqlite3.connect(store.location.sqlite_file, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        flow = MeetingFlow(store, library)
        flow._retry.setInterval(200)
        window = start(qtbot, flow)
        session = window.session
        qtbot.waitUntil(lambda: window.problem_line.isVisible(), timeout=WAIT_MS)
        # A glance says the text is safe; the details say what and where, one click away.
        assert PROBLEM_HEADLINE in window.problem_line.text()
        assert "goes on" not in window.problem_line.text()
        assert "goes on" in window.problem_line.toolTip()
        shoot(window, screens_dir / f"live-database-locked-{look}.png")
        window.problem_line.linkActivated.emit("details")
        assert "goes on" in window.problem_line.text()
        assert str(store.location.sqlite_file) in window.problem_line.text()
        editor = window.notes.editors[NoteField.REAL_CONCERN]
        qtbot.keyClicks(editor, "Budget review next week")
        assert not session.stored
        shoot(window, screens_dir / f"live-database-locked-details-{look}.png")

        other.execute("ROLLBACK")
        qtbot.waitUntil(lambda: session.stored, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.problem_line.isVisible(), timeout=WAIT_MS)
        assert store.writer.flush(5)
        detail = store.service.load_meeting(session.meeting_id)  # type: ignore[arg-type]
        assert detail.notes[NoteField.REAL_CONCERN] == "Budget review next week"
        window.close()
    finally:
        other.close()
        store.close()


def test_store_that_never_opens_leaves_the_meeting_running_and_its_notes_in_a_file(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path, screens_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    paths.database_file().write_bytes(b"this is not a database, just some words" * 200)
    flow = MeetingFlow(None, library)
    window = start(qtbot, flow)
    editor = window.notes.editors[NoteField.WHAT_THEY_SAY]
    qtbot.keyClicks(editor, "# They want a discount")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "and a named contact")
    qtbot.keyClicks(window.notes.quick_line, "Asked for the CEO")
    qtbot.keyClick(window.notes.quick_line, Qt.Key.Key_Return)

    try:
        open_store()
    except NotADatabase as error:
        flow.store_failed(error)
    else:
        raise AssertionError("a file of words opened as a database")
    assert window.problem_line.isVisible()
    assert PROBLEM_HEADLINE in window.problem_line.text()
    assert str(paths.database_file()) in window.problem_line.toolTip()
    assert "goes on" in window.problem_line.toolTip()
    journal = window.session.journal
    assert journal is not None and journal.wait_written(5.0)
    # "Kept" is said of what is on disk, and where.
    assert f"kept on disk, in {journal.location}" in window.problem_line.toolTip()
    assert window.session.domain.is_running

    with qtbot.waitSignal(flow.unsavedCopyWritten, timeout=WAIT_MS) as written:
        summary = end(qtbot, flow, window)
    copy = written.args[0]
    assert isinstance(copy, Path) and copy.parent == data_dir / "unsaved-meetings"
    assert copy.stat().st_mode & 0o777 == 0o600
    text = copy.read_text(encoding="utf-8")
    assert "Harbor & Sons" in text
    # Rendered literally (a leading # is no heading), the line break kept.
    assert "\\# They want a discount  \nand a named contact" in text
    assert "Asked for the CEO" in text
    qtbot.waitUntil(lambda: summary.unsaved_line.isVisible(), timeout=WAIT_MS)
    assert str(copy) in summary.unsaved_line.text()
    assert not summary.review_button.isEnabled()
    shoot(summary, screens_dir / "live-summary-unsaved.png")

    # The next start, with the database put right, stores the meeting from its journal.
    journal_file = journal.location
    assert journal_file is not None
    journal.close()
    assert journal.wait_written(5.0)
    paths.database_file().unlink()
    reopened = open_store()
    try:
        [meeting_id] = reopened.journals.applied
        detail = reopened.service.load_meeting(meeting_id)
        assert (
            detail.notes[NoteField.WHAT_THEY_SAY] == "# They want a discount\nand a named contact"
        )
        assert [line.text for line in detail.stamped_lines] == ["Asked for the CEO"]
        assert detail.meeting.ended_at is not None
        assert not journal_file.exists()
    finally:
        reopened.close()


def test_two_meetings_before_the_store_opens_are_both_stored(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    flow = MeetingFlow(None, library)
    first = start(qtbot, flow, "First client", last=False)
    qtbot.keyClicks(first.notes.editors[NoteField.COMMITMENTS], "Call them Friday")
    end(qtbot, flow, first).close()
    second = start(qtbot, flow, "Second client")
    qtbot.keyClicks(second.notes.editors[NoteField.COMMITMENTS], "Send the plan")
    assert flow.has_unstored_meeting

    store = open_store()
    try:
        with qtbot.waitSignal(flow.meetingStored, timeout=WAIT_MS) as ended_first:
            flow.attach_store(store)
        qtbot.waitUntil(lambda: second.session.stored, timeout=WAIT_MS)
        assert not flow.has_unstored_meeting
        assert store.writer.flush(5)
        first_detail = store.service.load_meeting(ended_first.args[0])
        assert first_detail.meeting.client_name == "First client"
        assert first_detail.meeting.ended_at is not None
        assert first_detail.notes[NoteField.COMMITMENTS] == "Call them Friday"
        second_detail = store.service.load_meeting(second.session.meeting_id)  # type: ignore[arg-type]
        assert second_detail.meeting.client_name == "Second client"
        assert second_detail.meeting.ended_at is None
        assert second_detail.notes[NoteField.COMMITMENTS] == "Send the plan"
    finally:
        second.close()
        store.close()


def test_a_store_slow_to_open_is_mentioned_and_the_mention_goes_once_it_opens(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    flow = MeetingFlow(None, library)
    flow._slow_store.setInterval(50)
    window = start(qtbot, flow)
    qtbot.waitUntil(lambda: window.problem_line.isVisible(), timeout=WAIT_MS)
    assert "still opening" in window.problem_line.toolTip()
    store = open_store()
    try:
        with qtbot.waitSignal(window.session.meetingStored, timeout=WAIT_MS):
            flow.attach_store(store)
        assert not window.problem_line.isVisible()
    finally:
        window.close()
        store.close()


def test_retries_never_write_a_meeting_twice(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    flow = MeetingFlow(None, library)
    flow._retry.setInterval(10)  # retries come far faster than a locked write gives up
    first = start(qtbot, flow, "First client", last=False)
    end(qtbot, flow, first).close()
    second = start(qtbot, flow, "Second client")
    store = open_store(busy_timeout_ms=200, retry_interval=0.1)
    assert store.location.sqlite_file is not None
    other = sqlite3.connect(store.location.sqlite_file, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        flow.attach_store(store)
        qtbot.waitUntil(lambda: second.problem_line.isVisible(), timeout=WAIT_MS)
        qtbot.wait(1000)  # many retries while the lock holds
        other.execute("ROLLBACK")
        qtbot.waitUntil(lambda: not flow.has_unstored_meeting, timeout=WAIT_MS)
        assert store.writer.flush(5)
        qtbot.wait(300)  # anything still queued would land by now
        assert store.writer.flush(5)
        names = sorted(meeting.client_name for meeting in store.service.list_meetings())
        assert names == ["First client", "Second client"]
    finally:
        second.close()
        other.close()
        store.close()
