"""Issue 14: a meeting a crash left open is offered on the home window at the next start.

Real SQLite store, real home and live windows offscreen: the meeting is left open the way
a crash leaves it (started, typed into, never ended), then the home window offers it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import DEFAULT_CUES, MeetingMode, NoteField
from app.store import Store, open_store
from app.store.records import MeetingDraft
from app.ui.app_controller import AppController
from app.ui.home.left_open import LeftOpenOffer
from app.ui.live.end_dialog import EndMeetingDialog
from tests.ui.conftest import started_app

WAIT_MS = 5000
START = datetime.now(UTC) - timedelta(hours=2)


def left_open(store: Store, library: PlaybookLibrary) -> int:
    playbook = library.entries[0].playbook
    meeting = store.service.start_meeting(
        MeetingDraft(
            client_name="Harbor & Sons",
            title="Late deliveries",
            mode=MeetingMode.IN_PERSON,
            playbook_id=playbook.id,
            playbook_version=str(playbook.version),
            partner_name="Sam",
            cues=DEFAULT_CUES,
            started_at=START,
        )
    )
    second = playbook.during[1]
    store.service.enter_step(meeting.id, playbook.during[0].key, "", START)
    store.service.enter_step(meeting.id, second.key, second.title, START + timedelta(minutes=3))
    store.service.save_note(
        meeting.id, NoteField.WHAT_THEY_SAY, "late three times", START + timedelta(minutes=7)
    )
    return meeting.id


def home(qtbot: QtBot, library: PlaybookLibrary, store: Store) -> AppController:
    """The app as it starts on this store: the home window offers what was left open."""
    controller = started_app(qtbot, library)
    controller.attach_store(store)
    return controller


def the_offer(qtbot: QtBot, controller: AppController) -> LeftOpenOffer:
    qtbot.waitUntil(lambda: controller.left_open is not None, timeout=WAIT_MS)
    assert controller.left_open is not None
    return controller.left_open


def test_resume_reopens_the_live_window_where_it_was(
    qtbot: QtBot, library: PlaybookLibrary, store: Store
) -> None:
    meeting_id = left_open(store, library)
    window = home(qtbot, library, store)
    offer = the_offer(qtbot, window)
    qtbot.waitUntil(offer.isVisible, timeout=WAIT_MS)
    assert "Harbor & Sons" in offer.label.text() and "left open" in offer.label.text()

    qtbot.mouseClick(offer.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.flow is not None and window.flow.live_window is not None)
    live = window.flow.live_window
    qtbot.addWidget(live)
    session = live.session
    assert session.meeting_id == meeting_id and session.journal is None
    assert session.domain.current_step.key == library.entries[0].playbook.during[1].key
    assert session.domain.started_at == START
    editor = live.notes.editors[NoteField.WHAT_THEY_SAY]
    assert editor.toPlainText() == "late three times"
    qtbot.waitUntil(lambda: not offer.isVisible(), timeout=WAIT_MS)

    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, ", nobody called")
    assert store.writer.flush(5)
    assert (
        store.service.note_text(meeting_id, NoteField.WHAT_THEY_SAY)
        == "late three times, nobody called"
    )
    live.close()


def test_end_at_last_activity_ends_it_then(
    qtbot: QtBot, library: PlaybookLibrary, store: Store
) -> None:
    meeting_id = left_open(store, library)
    window = home(qtbot, library, store)
    offer = the_offer(qtbot, window)
    qtbot.waitUntil(offer.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(offer.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not offer.isVisible(), timeout=WAIT_MS)
    assert store.service.get_meeting(meeting_id).ended_at == START + timedelta(minutes=7)
    assert store.service.unended_meetings() == []


def test_a_journal_the_store_kept_is_named_on_the_home_window(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    kept = data_dir / "journal" / "0123456789abcdef0123456789abcdef.jsonl"
    kept.parent.mkdir(parents=True)
    kept.write_text("not a journal at all\n", encoding="utf-8")
    store = open_store()
    try:
        window = home(qtbot, library, store)
        offer = the_offer(qtbot, window)
        qtbot.waitUntil(offer.isVisible, timeout=WAIT_MS)
        assert str(kept) in offer.journal_problems.text()
        assert "kept" in offer.journal_problems.text()
        assert kept.exists()
    finally:
        store.close()


def test_resume_then_end_sums_up_the_whole_meeting_as_the_store_holds_it(
    qtbot: QtBot, library: PlaybookLibrary, store: Store
) -> None:
    """Issue 26: after kill -9, Resume, End, the summary had "Cues: none" and no lines."""
    from app.domain.meeting_terms import SignalSource

    meeting_id = left_open(store, library)
    signal = store.service.record_signal_sent(
        meeting_id, "calm", SignalSource.PHONE, START + timedelta(minutes=4), "m-1"
    )
    store.service.record_signal_shown(signal, START + timedelta(minutes=4, seconds=1))
    store.service.add_stamped_line(meeting_id, "they want a credit", START + timedelta(minutes=5))
    window = home(qtbot, library, store)
    offer = the_offer(qtbot, window)
    qtbot.waitUntil(offer.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(offer.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.flow is not None and window.flow.live_window is not None)
    live = window.flow.live_window
    qtbot.addWidget(live)
    assert "they want a credit" in live.notes.recent.text()  # the earlier line is listed
    live.session.stamp_line("after the crash")
    qtbot.mouseClick(live.end_button, Qt.MouseButton.LeftButton)
    dialog = live.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    with qtbot.waitSignal(window.flow.summaryShown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    summary = shown.args[0]
    qtbot.addWidget(summary)
    assert store.writer.flush(5)
    assert "none" not in summary.fact_labels["Cues"].text()
    recap = summary.recap
    assert len(recap.cues) == 1 and recap.cues[0].cue.key == "calm"
    assert recap.stamped_lines == 2
    texts = [text for _at, text in live.session.lines]
    assert texts == ["they want a credit", "after the crash"]
    # Step times as the review counts them: the first step from the original start.
    playbook = library.entries[0].playbook
    spent = {step.key: span for step, span in recap.steps_seen}
    assert spent[playbook.during[0].key] == timedelta(minutes=3)
    assert recap.duration > timedelta(hours=1)
    # Nothing the store held was written twice.
    detail = store.service.load_meeting(meeting_id)
    assert len(detail.signals) == 1
    assert [e.step_key for e in detail.timeline if e.kind.value == "step"] == [
        playbook.during[0].key,
        playbook.during[1].key,
    ]


def test_the_offer_waits_while_a_live_window_is_made_for_a_start(
    qtbot: QtBot, library: PlaybookLibrary, store: Store
) -> None:
    """The store often opens just as Start is pressed: what its opening adds to the home
    window comes after the live window has painted, not in the same freeze."""
    from app.ui.common import imports_give_way

    left_open(store, library)
    controller = started_app(qtbot, library)
    imports_give_way.give_way()  # Start pressed: a live window is on its way
    try:
        controller.attach_store(store)
        assert controller.left_open is None and controller.reminders is None
        qtbot.wait(3 * 50)  # several turns of the event loop while the window is made
        assert controller.left_open is None and controller.reminders is None
    finally:
        imports_give_way.go_on()  # painted
    offer = the_offer(qtbot, controller)
    qtbot.waitUntil(lambda: controller.reminders is not None, timeout=WAIT_MS)
    assert offer is controller.left_open
