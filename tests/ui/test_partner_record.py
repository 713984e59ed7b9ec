"""The partner's record reaches the store from the live session, in order, like the user's own
lines: before the meeting is stored, while it runs, and after its end (the debrief); the
summary lists it, the debrief added as it comes. Real SQLite file, real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_session import MeetingRecap
from app.domain.meeting_terms import DEFAULT_CUES
from app.domain.partner_watch import QuickObservation
from app.journal.replay import read_journal
from app.store import Store
from app.ui.live.partner_record import keep_partner_record
from app.ui.live.session import LiveSession
from app.ui.live.summary import SummaryWindow
from tests.conftest import SCREENS_DIR
from tests.meeting_factory import draft
from tests.ui.test_issue14_live import shipped_library

WAIT_MS = 5000


def _session(store: Store | None = None, meeting_id: int | None = None) -> LiveSession:
    playbook = shipped_library().get("client-lashes-out")
    assert playbook is not None
    session = LiveSession(store, meeting_id, playbook, DEFAULT_CUES)
    keep_partner_record(session)
    return session


def _summary_shown(
    qtbot: QtBot, session: LiveSession, recap: MeetingRecap, meeting_id: int | None
) -> SummaryWindow:
    summary = SummaryWindow(
        recap,
        meeting_id=meeting_id,
        client_name="Harbor",
        meeting_title="Late",
        started_at=session.domain.started_at,
        partner=session.from_partner,
    )
    qtbot.addWidget(summary)
    summary.show()
    qtbot.waitExposed(summary)
    return summary


def test_the_debrief_after_the_end_is_stored_with_the_meeting(qtbot: QtBot, store: Store) -> None:
    meeting = store.service.start_meeting(draft())
    session = _session(store, meeting.id)
    session.start()
    arrivals = session.from_partner
    arrivals.receive_observation("obs-1", QuickObservation.BODY_LANGUAGE_CLOSED, "")
    session.next_step()
    arrivals.receive_observation("obs-2", None, "asked twice about the refund")
    with qtbot.waitSignal(session.storedEnd, timeout=WAIT_MS):
        session.end(None)
    # The meeting is over and stored; the partner answers the debrief now.
    arrivals.receive_debrief_answer("deb-1", "When did they tense up?", "When the invoice came up")
    arrivals.receive_debrief_answer("deb-2", "What to watch next time?", "Your hands")
    assert store.writer.flush(5)
    detail = store.service.load_meeting(meeting.id)
    assert detail.meeting.ended_at is not None
    assert [(o.message_id, o.step_key) for o in detail.observations] == [
        ("obs-1", "listen"),
        ("obs-2", session.domain.current_step.key),
    ]
    assert [a.answer for a in detail.debrief] == ["When the invoice came up", "Your hands"]
    assert all(a.at >= detail.meeting.ended_at for a in detail.debrief)


def test_what_came_before_the_meeting_was_stored_waits_in_order_and_in_the_journal(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    from app.ui.live.flow import journal_for
    from app.ui.prepare.prepare_dialog import MeetingPlan

    playbook = shipped_library().get("client-lashes-out")
    assert playbook is not None
    plan = MeetingPlan("Harbor", "Late", draft().mode, playbook, "Sam", DEFAULT_CUES)
    session = LiveSession(None, None, playbook, DEFAULT_CUES, journal=journal_for(plan))
    keep_partner_record(session)
    session.start()
    session.from_partner.receive_observation("obs-1", None, "crossed arms")
    session.stamp_line("they want a discount")
    session.from_partner.receive_observation("obs-2", QuickObservation.REAL_DRIVER, "the boss")
    journal = session.journal
    assert journal is not None and journal.wait_written(5)
    assert journal.location is not None
    kinds = [event["kind"] for event in read_journal(journal.location).events]
    assert kinds == ["step", "observation", "line", "observation"]

    meeting = store.service.start_meeting(draft(client="Harbor", title="Late"))
    with qtbot.waitSignal(session.meetingStored, timeout=WAIT_MS):
        session.attach_meeting(store, meeting.id)
    assert store.writer.flush(5)
    detail = store.service.load_meeting(meeting.id)
    assert [o.words for o in detail.observations] == ["crossed arms", "the boss"]
    assert [hit.where for hit in store.service.search("crossed")] == ["Partner's observation"]


def test_the_summary_lists_what_the_partner_noticed_and_adds_the_debrief_as_it_comes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    session = _session()
    session.start()
    session.from_partner.receive_observation(
        "obs-1", QuickObservation.YOU_TENSED_UP, "<b>not bold</b>"
    )
    summary = _summary_shown(qtbot, session, session.end(None), None)
    section = summary.partner_section
    assert section.isVisible() and section.observation_count == 1
    texts = [label.text() for label in section.findChildren(QLabel)]
    assert "YOUR PARTNER NOTICED" in texts
    assert any("You tensed up \u2014 <b>not bold</b>" in text for text in texts)
    assert session.domain.current_step.title in texts
    assert "YOUR PARTNER\u2019S DEBRIEF" not in [
        label.text() for label in section.findChildren(QLabel) if label.isVisible()
    ]

    session.from_partner.receive_debrief_answer("deb-1", "Did the signal reach them?", "Late")
    answers = [label.text() for label in section.findChildren(QLabel, "partnerDebriefAnswer")]
    assert answers == ["Late"]

    def debrief_shown() -> bool:
        shown = [label.text() for label in section.findChildren(QLabel) if label.isVisible()]
        return "YOUR PARTNER\u2019S DEBRIEF" in shown and "Did the signal reach them?" in shown

    qtbot.waitUntil(debrief_shown, timeout=WAIT_MS)
    shoot = summary.grab()
    assert shoot.save(str(tmp_path / "summary-partner.png"))


def test_a_locked_database_delays_the_partners_words_and_loses_none(
    qtbot: QtBot, data_dir: Path
) -> None:
    import sqlite3

    from app.store import open_store
    from app.ui.live import partner_record

    store = open_store(busy_timeout_ms=100, retry_interval=0.1)
    assert store.location.sqlite_file is not None
    other = sqlite3.connect(store.location.sqlite_file, isolation_level=None)
    try:
        meeting = store.service.start_meeting(draft())
        playbook = shipped_library().get("client-lashes-out")
        assert playbook is not None
        session = LiveSession(store, meeting.id, playbook, DEFAULT_CUES)
        record = partner_record.keep_partner_record(session)
        record._retry.setInterval(100)  # retries come faster than a locked write gives up
        session.start()
        assert store.writer.flush(5)
        problems: list[str] = []
        session.problem.connect(problems.append)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        session.from_partner.receive_observation("obs-1", None, "they went quiet")
        session.from_partner.receive_observation("obs-2", QuickObservation.REAL_DRIVER, "")
        qtbot.waitUntil(lambda: record.waiting == 2, timeout=WAIT_MS)
        qtbot.wait(400)  # several retries while the lock holds: said once
        assert len(problems) == 1
        record._write_refused_again()  # a retry on its way to the store still waits
        assert record.waiting == 2
        assert store.service.load_meeting(meeting.id).observations == ()
        with qtbot.waitSignal(session.problemResolved, timeout=WAIT_MS):
            other.execute("ROLLBACK")
        assert store.writer.flush(5) and record.waiting == 0
        detail = store.service.load_meeting(meeting.id)
        assert [o.message_id for o in detail.observations] == ["obs-1", "obs-2"]
    finally:
        other.close()
        store.close()


def test_the_flow_stores_the_brief_and_the_partners_record_of_its_meeting(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    from app.domain.partner_watch import CueMeaning, PartnerBrief
    from app.settings import shared_settings
    from app.ui.live.flow import MeetingFlow
    from app.ui.prepare.prepare_dialog import MeetingPlan

    brief = PartnerBrief("Sam", "Keep me calm", ("yes_but",), (CueMeaning("calm", "Calm", "Slow"),))
    [entry] = library.entries
    plan = MeetingPlan(
        "Harbor", "Late", draft().mode, entry.playbook, "Sam", DEFAULT_CUES, partner_brief=brief
    )
    flow = MeetingFlow(store, library)
    with qtbot.waitSignal(flow.sessionStarted, timeout=WAIT_MS) as started:
        flow._go_live(plan, shared_settings().current)
    session, window = started.args
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: session.stored, timeout=WAIT_MS)
    session.from_partner.receive_observation("obs-1", QuickObservation.YOU_TENSED_UP, "")
    with qtbot.waitSignal(session.storedEnd, timeout=WAIT_MS):
        session.end(None)
    session.from_partner.receive_debrief_answer("deb-1", "When?", "At the start")
    assert store.writer.flush(5)
    detail = store.service.load_meeting(session.meeting_id)
    assert detail.meeting.partner_brief == brief
    assert [o.kind for o in detail.observations] == [QuickObservation.YOU_TENSED_UP]
    assert [a.answer for a in detail.debrief] == ["At the start"]
    assert store.service.partner_history("sam").last_brief == brief
    window.close()


def test_the_summary_says_a_late_debrief_is_kept_on_disk_then_saved(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The meeting is stored and ended; the partner's debrief meets a database another
    program has locked: the summary says it is kept on disk (it is: its own journal), and
    once the lock goes, that it is saved (and the journal is gone)."""
    import sqlite3

    from app.store import open_store
    from app.ui.live import partner_record

    store = open_store(busy_timeout_ms=100, retry_interval=0.1)
    assert store.location.sqlite_file is not None
    other = sqlite3.connect(store.location.sqlite_file, isolation_level=None)
    try:
        meeting = store.service.start_meeting(draft())
        session = _session(store, meeting.id)
        record = partner_record.record_of(session.from_partner)
        assert record is not None
        record._retry.setInterval(100)  # retries come faster than a locked write gives up
        session.start()
        with qtbot.waitSignal(session.storedEnd, timeout=WAIT_MS):
            recap = session.end(None)
        summary = _summary_shown(qtbot, session, recap, meeting.id)
        state = summary.partner_section.save_state
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        session.from_partner.receive_debrief_answer("deb-1", "Did it reach them?", "Late")
        qtbot.waitUntil(
            lambda: "kept on disk" in state.text() and state.isVisible(), timeout=WAIT_MS
        )
        assert summary.grab().save(str(SCREENS_DIR / "summary-partner-kept.png"))
        journal = record.late_journal
        assert journal is not None and journal.wait_written(5)
        kept = journal.location
        assert kept is not None and kept.exists()
        assert "debrief_answer" in kept.read_text(encoding="utf-8")
        other.execute("ROLLBACK")
        qtbot.waitUntil(
            lambda: state.text() == "Your partner\u2019s words are saved.", timeout=WAIT_MS
        )
        assert [a.answer for a in store.service.load_meeting(meeting.id).debrief] == ["Late"]
        assert journal.wait_written(5) and not kept.exists()
    finally:
        other.close()
        store.close()
