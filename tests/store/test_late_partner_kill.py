"""The partner's words that come after their meeting was stored (the debrief) survive a
locked database and kill -9: they are in a journal before the store is asked, and the next
start puts them in the real SQLite file, once, in the meeting they belong to."""

from __future__ import annotations

from pathlib import Path

from app.domain.partner_watch import QuickObservation
from app.journal.replay import leftover_journals
from app.ui.live.partner_record import LATE_KEPT
from tests.store import late_partner_child
from tests.store.killed_child import first_line_then_kill, the_meeting_after_two_starts

CHILD = Path(late_partner_child.__file__)


def test_a_debrief_the_locked_store_refused_is_stored_at_the_next_start(
    data_dir: Path,
) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    said, journal_path, state = first_line_then_kill(CHILD).split()
    assert said == "kept"
    assert state == LATE_KEPT
    assert Path(journal_path) in leftover_journals(data_dir)
    detail = the_meeting_after_two_starts(data_dir)
    assert not Path(journal_path).exists()
    assert detail.meeting.client_name == late_partner_child.CLIENT
    assert detail.meeting.ended_at is not None
    assert [(o.message_id, o.kind) for o in detail.observations] == [
        ("obs-1", QuickObservation.YOU_TENSED_UP),
        ("obs-late", None),
    ]
    assert [(a.message_id, a.answer) for a in detail.debrief] == [
        ("deb-1", "At the refund question")
    ]
    assert detail.debrief[0].at >= detail.meeting.ended_at
