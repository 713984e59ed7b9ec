"""Child process of the partner-record kill test: a meeting the store never took, whose partner
sends two observations (one twice) during it and a debrief answer after its end.

Usage: python partner_record_child.py. Runs a real ``LiveSession`` with the app's journal
(in ``POISE_DATA_DIR``) and the app's partner record, no store at all; prints "written"
once the journal has everything on disk, then waits to be killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from app.domain.meeting_terms import DEFAULT_CUES, MeetingMode
from app.domain.partner_watch import CueMeaning, PartnerBrief, QuickObservation
from app.playbooks import load_all_playbooks
from app.ui.live.flow import journal_for
from app.ui.live.partner_record import keep_partner_record
from app.ui.live.session import LiveSession
from app.ui.prepare.prepare_dialog import MeetingPlan

CLIENT = "Partner Record Client"
BRIEF = PartnerBrief(
    partner_name="Sam",
    role="Watch my voice",
    signs=("raised_voice", "tapping the pen"),
    cue_meanings=(CueMeaning("calm", "Calm", "I talk too fast"),),
)


def main() -> None:
    app = QCoreApplication(sys.argv)
    playbook = load_all_playbooks().entries[0].playbook
    plan = MeetingPlan(
        CLIENT,
        "Late deliveries",
        MeetingMode.IN_PERSON,
        playbook,
        "Sam",
        DEFAULT_CUES,
        partner_brief=BRIEF,
    )
    session = LiveSession(
        None,
        None,
        plan.playbook,
        plan.cues,
        journal=journal_for(plan),
        partner_brief=plan.partner_brief,
    )
    keep_partner_record(session)
    session.start()
    arrivals = session.from_partner
    arrivals.receive_observation("obs-1", QuickObservation.YOU_TENSED_UP, "at the price")
    session.next_step()
    arrivals.receive_observation("obs-2", None, "they repeat the invoice story")
    arrivals.receive_observation("obs-1", QuickObservation.YOU_TENSED_UP, "at the price")
    session.end(None)
    arrivals.receive_debrief_answer("deb-1", "When did they tense up?", "At the refund question")
    journal = session.journal
    assert journal is not None and journal.wait_written(10.0)
    print("written", flush=True)
    app.processEvents()
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
