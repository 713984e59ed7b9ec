"""The partner's observations and debrief survive kill -9 of a meeting the store never took:
the journal on disk holds them, and the next start puts them in the real SQLite file once."""

from __future__ import annotations

from pathlib import Path

from app.domain.partner_watch import QuickObservation
from tests.store import partner_record_child
from tests.store.killed_child import first_line_then_kill, the_meeting_after_two_starts

CHILD = Path(partner_record_child.__file__)


def test_a_killed_meetings_partner_record_is_in_the_store_at_the_next_start(
    data_dir: Path,
) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    assert first_line_then_kill(CHILD) == "written"
    detail = the_meeting_after_two_starts(data_dir)
    assert detail.meeting.client_name == partner_record_child.CLIENT
    assert detail.meeting.partner_brief == partner_record_child.BRIEF
    assert [(o.message_id, o.kind, o.words) for o in detail.observations] == [
        ("obs-1", QuickObservation.YOU_TENSED_UP, "at the price"),
        ("obs-2", None, "they repeat the invoice story"),
    ]
    first_step, second_step = (event for event in detail.timeline if event.step_key)
    assert detail.observations[0].step_key == first_step.step_key
    assert detail.observations[1].step_key == second_step.step_key
    assert [(a.question, a.answer) for a in detail.debrief] == [
        ("When did they tense up?", "At the refund question")
    ]
    assert detail.meeting.ended_at is not None
    assert detail.debrief[0].at >= detail.meeting.ended_at
