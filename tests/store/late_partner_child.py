"""Child process of the late-partner kill test: a meeting stored as the app stores one
(started before the store had it, its journal applied on attach), ended; then the real
SQLite file is locked by a second connection and the partner's debrief answer and a last
observation arrive.

Usage: python late_partner_child.py. Prints "kept <journal path> <state>" once both are
refused by the locked database and on disk in their journal, then waits to be killed
(the lock dies with it).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from app.domain.meeting_terms import DEFAULT_CUES, MeetingMode
from app.domain.partner_watch import QuickObservation
from app.playbooks import load_all_playbooks
from app.store import open_store
from app.store.records import MeetingDraft
from app.ui.live.flow import journal_for
from app.ui.live.partner_record import keep_partner_record
from app.ui.live.session import LiveSession
from app.ui.prepare.prepare_dialog import MeetingPlan

CLIENT = "Late Debrief Client"
TITLE = "Refund dispute"


def wait_for(condition: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the child's condition did not come")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> None:
    application = QCoreApplication(sys.argv)
    playbook = load_all_playbooks().entries[0].playbook
    plan = MeetingPlan(CLIENT, TITLE, MeetingMode.IN_PERSON, playbook, "Sam", DEFAULT_CUES)
    store = open_store(busy_timeout_ms=100, retry_interval=0.1)
    session = LiveSession(None, None, plan.playbook, plan.cues, journal=journal_for(plan))
    record = keep_partner_record(session)
    record._retry.setInterval(100)  # retries come faster than a locked write gives up
    session.start()
    started_at = session.domain.started_at
    assert started_at is not None
    meeting = store.service.start_meeting(
        MeetingDraft(
            CLIENT,
            TITLE,
            plan.mode,
            playbook.id,
            str(playbook.version),
            "Sam",
            plan.cues,
            started_at,
        )
    )
    session.attach_meeting(store, meeting.id)
    session.from_partner.receive_observation("obs-1", QuickObservation.YOU_TENSED_UP, "")
    ended: list[bool] = []
    session.storedEnd.connect(lambda: ended.append(True))
    session.end(None)
    wait_for(lambda: ended and session.journal is None)
    assert store.writer.flush(5)
    assert store.location.sqlite_file is not None
    other = sqlite3.connect(store.location.sqlite_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    arrivals = session.from_partner
    arrivals.receive_debrief_answer("deb-1", "When did they tense up?", "At the refund question")
    arrivals.receive_observation("obs-late", None, "they smiled at the end")
    wait_for(lambda: record.waiting == 2)
    journal = record.late_journal
    assert journal is not None and journal.wait_written(10.0)
    print("kept", journal.location, record.late_state, flush=True)
    while True:
        application.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
