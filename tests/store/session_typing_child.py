"""Child process of the journal durability test: a live meeting whose store is in trouble.

Usage: python session_typing_child.py DATABASE_URL SEED [--no-journal]. It does what the
app does at Start: opens the store on a thread, asks the writer for the meeting's row
(retrying every few seconds while the database refuses it, as ``MeetingFlow`` does) and
meanwhile types into a real ``LiveSession``, whose journal lives in ``POISE_DATA_DIR``.
``--no-journal`` gives the session no journal: the behaviour before the journal existed.

Prints "ready", then one line per keystroke: "<characters typed> <time.monotonic() when
save_note returned>". It types until it is killed.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer

from app.domain.meeting_terms import DEFAULT_CUES, MeetingMode, NoteField
from app.playbooks import load_all_playbooks
from app.ui.common.store_client import StoreClient
from app.ui.live.session import LiveSession
from app.ui.prepare.prepare_dialog import MeetingPlan
from tests.store.typing_child import SOURCE

CLIENT = "Journal Test Client"
RETRY_MS = 3000


def plan() -> MeetingPlan:
    playbook = load_all_playbooks().entries[0].playbook
    return MeetingPlan(
        CLIENT, "Late deliveries", MeetingMode.IN_PERSON, playbook, "Sam", DEFAULT_CUES
    )


class Meeting:
    def __init__(self, url: str, seed: int, *, journal: bool) -> None:
        from app.ui.live.flow import journal_for

        self.plan = plan()
        self.session = LiveSession(
            None,
            None,
            self.plan.playbook,
            self.plan.cues,
            journal=journal_for(self.plan) if journal else None,
        )
        self.session.start()
        self.pace = random.Random(seed)
        self.typed = 0
        # The app's one way to the store, opened off the GUI thread as the app opens it.
        self.client = StoreClient()
        self.client.storeOpened.connect(self.store_opened)
        self.client.storeFailed.connect(self.store_failed)
        self.client.open(url)

    @staticmethod
    def store_failed(error: BaseException) -> None:
        print(f"store-failed {type(error).__name__}", file=sys.stderr, flush=True)

    def store_opened(self, _store: object) -> None:
        self.store_meeting()

    def store_meeting(self) -> None:
        from app.store.records import MeetingDraft

        assert self.client.is_open and self.session.domain.started_at is not None
        meeting = MeetingDraft(
            client_name=CLIENT,
            title=self.plan.title,
            mode=self.plan.mode,
            playbook_id=self.plan.playbook.id,
            playbook_version=str(self.plan.playbook.version),
            partner_name="Sam",
            cues=self.plan.cues,
            started_at=self.session.domain.started_at,
        )
        self.client.write(
            self.client.service.start_meeting,
            meeting,
            on_done=self.stored,
            on_error=self.refused,
        )

    def stored(self, record: Any) -> None:
        self.session.attach_meeting(self.client, record.id)

    def refused(self, _error: object) -> None:
        QTimer.singleShot(RETRY_MS, self.store_meeting)

    def type_one(self) -> None:
        self.typed += 1
        self.session.save_note(NoteField.WHAT_THEY_SAY, SOURCE[: self.typed])
        print(f"{self.typed} {time.monotonic():.6f}", flush=True)
        if self.typed % 40 == 0:
            self.session.stamp_line(f"line {self.typed}")
        # A fast typist: 20 to 140 ms between keys, now and then a burst.
        delay = self.pace.choice([0, 20, 50, 80, 140])
        QTimer.singleShot(delay, self.type_one)


def main() -> None:
    url, seed = sys.argv[1], int(sys.argv[2])
    application = QCoreApplication(sys.argv[:1])
    meeting = Meeting(url, seed, journal="--no-journal" not in sys.argv)
    print("ready", datetime.now(UTC).isoformat(), flush=True)
    QTimer.singleShot(0, meeting.type_one)
    application.exec()


if __name__ == "__main__":
    main()
