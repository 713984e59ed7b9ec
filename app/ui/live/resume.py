"""Resuming a meeting a crash left open: everything the store holds of it comes back.

``MeetingFlow.resume_meeting`` opens the live window on the stored meeting; this reads
the stored meeting into what the session goes on from (``MeetingSoFar``): the meeting
clock counts from the original start, the steps entered keep their times, the cues,
stamped lines, action items and follow-up are there for the live window and for the
summary at the end, and each note field shows its stored text.
"""

from __future__ import annotations

from datetime import timedelta

from app.domain.meeting_session import (
    DEFAULT_CUE_FADE,
    ActionItemNote,
    CueEvent,
    CueState,
    MeetingSoFar,
)
from app.domain.meeting_terms import Cue, NoteField
from app.store.api import MeetingDetail, SignalRecord
from app.ui.live.live_window import LiveWindow


def meeting_so_far(detail: MeetingDetail, cue_fade: timedelta = DEFAULT_CUE_FADE) -> MeetingSoFar:
    steps = tuple(
        (event.step_key, event.at)
        for event in detail.timeline
        if event.kind.value == "step" and event.step_key is not None
    )
    cues = {cue.key: cue for cue in detail.meeting.cues}
    return MeetingSoFar(
        started_at=detail.meeting.started_at,
        steps_entered=steps,
        cues=tuple(_cue_event(signal, cues, cue_fade) for signal in detail.signals),
        action_items=tuple(
            ActionItemNote(item.text, item.owner, item.due) for item in detail.action_items
        ),
        stamped=tuple((line.at, line.text) for line in detail.stamped_lines),
        follow_up=detail.follow_up or detail.meeting.follow_up,
    )


def _cue_event(signal: SignalRecord, cues: dict[str, Cue], fade: timedelta) -> CueEvent:
    # A cue no longer among the meeting's (edited since) still counts, under its key.
    cue = cues.get(signal.cue_key) or Cue(signal.cue_key, signal.cue_key, signal.cue_key)
    shown = signal.shown_at or signal.sent_at
    acknowledged = signal.acknowledged_at
    return CueEvent(
        message_id=signal.message_id or f"stored-signal-{signal.id}",
        cue=cue,
        source=signal.source,
        sent_at=signal.sent_at,
        shown_at=shown,
        expires_at=shown + fade,
        state=CueState.ACKNOWLEDGED if acknowledged is not None else CueState.EXPIRED,
        ended_at=acknowledged if acknowledged is not None else shown + fade,
    )


def show_notes_as_they_were(window: LiveWindow, detail: MeetingDetail) -> None:
    for field in NoteField:
        text = detail.notes.get(field, "")
        if text:
            window.notes.editors[field].setPlainText(text)
