"""Resuming a meeting a crash left open: its start time, its step and its notes come back.

``MeetingFlow.resume_meeting`` opens the live window on the stored meeting; this puts the
window where the meeting was: the meeting clock counts from the original start, the step
is the last one entered, and each note field shows its stored text.
"""

from __future__ import annotations

from typing import Any

from app.domain.meeting_terms import NoteField
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession


def resume_where_it_was(session: LiveSession, window: LiveWindow, detail: Any) -> None:
    session.domain.started_at = detail.meeting.started_at
    steps = [event.step_key for event in detail.timeline if event.kind.value == "step"]
    known = {step.key for step in session.domain.steps}
    if steps and steps[-1] in known:
        session.go_to(steps[-1])
    for field in NoteField:
        text = detail.notes.get(field, "")
        if text:
            window.notes.editors[field].setPlainText(text)
