"""The whole live path, offscreen, with a real SQLite store: prepare, steps by keys, notes,
the cue while typing, end, summary; screenshots of each screen in light and dark."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_session import CueState
from app.domain.meeting_terms import NoteField, SignalSource
from app.store import Store
from app.store.records import TimelineKind
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_window import LiveWindow
from app.ui.live.summary import long_date
from app.ui.prepare.prepare_dialog import PrepareDialog

WAIT_MS = 5000


def shoot(widget: QWidget, screens_dir: Path, name: str, look: str) -> None:
    # Let pending layout passes run so the picture shows what a user would see.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    path = screens_dir / f"live-{name}-{look}.png"
    assert widget.grab().save(str(path)), path


def open_prepare(qtbot: QtBot, flow: MeetingFlow) -> PrepareDialog:
    with qtbot.waitSignal(flow.prepareOpened, timeout=WAIT_MS) as opened:
        flow.new_meeting()
    dialog = opened.args[0]
    assert isinstance(dialog, PrepareDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def fill_and_start(
    qtbot: QtBot, flow: MeetingFlow, screens_dir: Path | None = None, look: str = "light"
) -> LiveWindow:
    dialog = open_prepare(qtbot, flow)
    qtbot.keyClicks(dialog.client.lineEdit(), "Harbor & Sons")
    qtbot.keyClicks(dialog.title, "Missed launch date")
    qtbot.mouseClick(dialog.video, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.partner, "Dana")
    qtbot.mouseClick(dialog.add_cue, Qt.MouseButton.LeftButton)
    assert len(dialog.cue_rows) == 2
    if screens_dir is not None:
        shoot(dialog, screens_dir, "prepare", look)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    assert [box.text() for box in dialog.check_boxes] == [
        "Agree the signal with your partner",
        "Phone away",
        "What might really be driving this?",
    ]
    for box in dialog.check_boxes[:2]:
        box.setChecked(True)
    assert dialog.ready.text() == "2 of 3 ready"
    assert "Let them finish.” Tick what is done" in dialog.checklist_intro.text()
    if screens_dir is not None:
        shoot(dialog, screens_dir, "prepare-checklist", look)
    with qtbot.waitSignal(flow.sessionStarted, timeout=WAIT_MS) as started:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    window = started.args[1]
    assert isinstance(window, LiveWindow)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def wait_stored(qtbot: QtBot, window: LiveWindow) -> int:
    """The live window opens at once; its meeting reaches the store a moment later."""
    qtbot.waitUntil(lambda: window.session.stored, timeout=WAIT_MS)
    assert window.session.meeting_id is not None
    return window.session.meeting_id


def position(window: LiveWindow) -> tuple[int, int]:
    return window.session.domain.position


def test_whole_meeting(
    qtbot: QtBot,
    store: Store,
    library: PlaybookLibrary,
    screens_dir: Path,
    look: str,
    english: None,
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow, screens_dir, look)
    session = window.session
    assert window.width() == 360
    assert window.position.text() == "Step 1 of 4"
    assert window.card.title.full_text == "Listen until they are done"
    assert window.loop_back_button.isHidden()

    # Typing in a note: Right and Space are text keys there, not navigation.
    editor = window.notes.editors[NoteField.WHAT_THEY_SAY]
    editor.setFocus()
    qtbot.keyClicks(editor, "They feel ignored since March")
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert position(window) == (1, 4)
    assert editor.toPlainText() == "They feel ignored since March "

    # The clicker's PageDown and the Alt+arrow shortcut work while typing.
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)
    assert position(window) == (2, 4)
    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert position(window) == (3, 4)
    qtbot.keyClick(editor, Qt.Key.Key_PageUp)
    assert position(window) == (2, 4)

    # Outside text fields the plain keys navigate.
    window.next_button.setFocus()  # NoFocus buttons refuse; focus goes nowhere in particular
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert position(window) == (3, 4)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert position(window) == (2, 4)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert position(window) == (4, 4)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # past the end: harmless
    assert position(window) == (4, 4)
    assert not window.next_button.isEnabled()
    assert window.loop_back_button.isVisible()
    assert "They push back hard" in window.loop_back_button.text()

    # Another field by Ctrl+2, then a stamped line and an action item by keys.
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    second = window.notes.editors[NoteField.NOT_SAYING]
    assert window.notes.current_field is NoteField.NOT_SAYING
    qtbot.keyClicks(second, "Crossed arms when budget came up")
    qtbot.keyClicks(window.notes.quick_line, "Budget is the real issue")
    qtbot.keyClick(window.notes.quick_line, Qt.Key.Key_Return)
    assert window.notes.quick_line.text() == ""
    assert "Budget is the real issue" in window.notes.recent.text()
    qtbot.keyClick(second, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    form = window.notes.action_form
    assert form.isVisible()
    qtbot.keyClicks(form.text, "Send revised plan")
    qtbot.keyClicks(form.owner, "Me")
    qtbot.keyClicks(form.due, "+3")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert "Send revised plan" in window.notes.action_summary.text()

    # Loop-back by its shortcut, then forward again (stamped on the timeline).
    qtbot.keyClick(second, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert position(window) == (1, 4)
    shoot(window, screens_dir, "live", look)
    qtbot.keyClick(second, Qt.Key.Key_PageDown)
    assert position(window) == (2, 4)

    # The cue arrives while the user types: shown, focus stays in the note.
    second.setFocus()
    focus_before = window.focusWidget()
    assert focus_before is second
    active_before = QApplication.activeWindow()
    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS) as shown:
        message_id = session.trigger_cue("calm", SignalSource.PHONE, "msg-1")
    assert shown.args == ["msg-1"] and message_id == "msg-1"
    assert window.overlay.band.isVisible() and window.overlay.glow.isVisible()
    assert window.overlay.band.words.text() == "Breathe. Listen. Don't defend."
    assert window.focusWidget() is second
    assert QApplication.activeWindow() is active_before
    qtbot.keyClicks(second, " and again")  # typing goes on under the cue
    assert second.toPlainText().endswith("and again")
    qtbot.waitUntil(lambda: window.overlay.band.opacity.opacity() > 0.99, timeout=WAIT_MS)
    shoot(window, screens_dir, "live-cue", look)

    # A partner re-sending after a reconnect: no second cue, current state re-emitted.
    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS) as again:
        session.trigger_cue("calm", SignalSource.PHONE, "msg-1")
    assert again.args == ["msg-1"]
    assert len(session.domain.tracker.events) == 1

    # Esc acknowledges even from inside the note field.
    with qtbot.waitSignal(session.cueAcknowledged, timeout=WAIT_MS) as acked:
        qtbot.keyClick(second, Qt.Key.Key_Escape)
    assert acked.args == ["msg-1"]
    assert session.domain.tracker.events[0].state is CueState.ACKNOWLEDGED
    qtbot.waitUntil(lambda: not window.overlay.band.isVisible(), timeout=WAIT_MS)
    assert window.focusWidget() is second

    # The window's own shortcut shows the first cue too.
    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS):
        qtbot.keyClick(second, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(session.cueAcknowledged, timeout=WAIT_MS):
        qtbot.mouseClick(window.overlay.band, Qt.MouseButton.LeftButton)

    # End: confirm with a follow-up date, see the summary, find it all in the database.
    qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.when.setText("")
    qtbot.keyClicks(dialog.when, "+7")
    with (
        qtbot.waitSignal(flow.summaryShown, timeout=WAIT_MS) as summary_shown,
        qtbot.waitSignal(flow.meetingStored, timeout=WAIT_MS) as stored,
    ):
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    summary = summary_shown.args[0]
    qtbot.addWidget(summary)
    qtbot.waitExposed(summary)
    follow_up = date.today() + timedelta(days=7)
    assert summary.fact_labels["Steps"].text() == "4 of 4 visited, 1 loop-back"
    assert "2 · 2 acknowledged" in summary.fact_labels["Cues"].text()
    assert summary.fact_labels["Follow-up"].text() == long_date(follow_up)
    shoot(summary, screens_dir, "summary", look)

    assert store.writer.flush(5)
    detail = store.service.load_meeting(stored.args[0])
    assert detail.meeting.client_name == "Harbor & Sons"
    assert detail.meeting.ended_at is not None
    assert detail.notes[NoteField.WHAT_THEY_SAY] == "They feel ignored since March "
    assert detail.notes[NoteField.NOT_SAYING].endswith("and again")
    assert [line.text for line in detail.stamped_lines] == ["Budget is the real issue"]
    steps = [e.step_key for e in detail.timeline if e.kind is TimelineKind.STEP]
    assert steps == [
        "listen",  # start
        "subtext",  # PageDown
        "restate",  # Alt+Right
        "subtext",  # PageUp
        "restate",  # Right
        "subtext",  # Left
        "restate",  # Space
        "agree",  # Space
        "listen",  # Ctrl+B: the loop-back
        "subtext",  # PageDown
    ]
    assert len(detail.signals) == 2
    first = detail.signals[0]
    assert first.message_id == "msg-1" and first.source is SignalSource.PHONE
    assert first.shown_at is not None and first.acknowledged_at is not None
    assert first.sent_at <= first.shown_at <= first.acknowledged_at
    assert [(a.text, a.owner) for a in detail.action_items] == [("Send revised plan", "Me")]
    assert detail.action_items[0].due == date.today() + timedelta(days=3)
    assert detail.follow_up == follow_up


def test_cue_fades_unless_acknowledged(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library, cue_fade=timedelta(milliseconds=300))
    window = fill_and_start(qtbot, flow)
    session = window.session
    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS):
        session.trigger_cue("calm", SignalSource.PHONE, "fade-1")
    with qtbot.waitSignal(session.cueExpired, timeout=WAIT_MS) as expired:
        pass
    assert expired.args == ["fade-1"]
    qtbot.waitUntil(lambda: not window.overlay.band.isVisible(), timeout=WAIT_MS)
    # Esc after the fade acknowledges nothing.
    with qtbot.assertNotEmitted(session.cueAcknowledged):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    meeting_id = wait_stored(qtbot, window)
    assert store.writer.flush(5)
    signal = store.service.load_meeting(meeting_id).signals[0]
    assert signal.shown_at is not None and signal.acknowledged_at is None


def test_unknown_cue_and_second_cue_replacing_first(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow)
    session = window.session
    try:
        session.trigger_cue("no-such-cue", SignalSource.PHONE)
    except KeyError:
        pass
    else:
        raise AssertionError("an unknown cue key must be refused")
    second_key = session.cues[1].key
    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS):
        session.trigger_cue("calm", SignalSource.PHONE, "a")
    with (
        qtbot.waitSignal(session.cueExpired, timeout=WAIT_MS) as expired,
        qtbot.waitSignal(session.cueShown, timeout=WAIT_MS),
    ):
        session.trigger_cue(second_key, SignalSource.PHONE, "b")
    assert expired.args == ["a"]
    assert window.overlay.band.words.text() == session.cues[1].words
    # Before the store closes: its answer to the meeting's row must find it open.
    wait_stored(qtbot, window)


def test_prepare_requires_a_client(qtbot: QtBot, store: Store, library: PlaybookLibrary) -> None:
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    assert dialog.error.text() == "Name the client."
    dialog.cue_rows[0].words.clear()
    qtbot.keyClicks(dialog.client.lineEdit(), "Acme")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "Every cue needs the words" in dialog.error.text()


def test_follow_up_by_keys_and_bad_date(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow)
    editor = window.notes.editors[NoteField.WHAT_THEY_SAY]
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    form = window.notes.follow_up_form
    assert form.isVisible()
    line = form.when
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "someday")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert form.isVisible() and "not a date" in form.error.text()
    line.clear()
    qtbot.keyClicks(line, "2w")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not form.isVisible()
    expected = date.today() + timedelta(days=14)
    assert window.session.domain.follow_up == expected
    assert f"{expected:%d %b}" in window.follow_up_label.text()
    meeting_id = wait_stored(qtbot, window)
    assert store.writer.flush(5)
    assert store.service.get_meeting(meeting_id).follow_up == expected
    # Esc with no cue on screen closes an open form and leaves the meeting alone.
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.notes.action_form.isVisible()
    qtbot.keyClick(window.notes.action_form.text, Qt.Key.Key_Escape)
    assert not window.notes.action_form.isVisible()
    assert isinstance(window.focusWidget(), QPlainTextEdit)
