"""A live window on a meeting of a real store, at the window's default size, as the
meeting flow opens it: for tests that look at one playbook's steps."""

from __future__ import annotations

from app.domain.meeting_terms import Cue
from app.domain.playbook import Playbook
from app.settings import DEFAULTS, Settings
from app.store import Store
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession
from tests.meeting_factory import live_meeting_draft

CUES = (Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),)


def live_window_on(store: Store, playbook: Playbook, settings: Settings) -> LiveWindow:
    """The live window of a new meeting with ``playbook``, sized, not yet shown."""
    meeting = store.service.start_meeting(live_meeting_draft(playbook, CUES))
    session = LiveSession(store, meeting.id, playbook, CUES)
    window = LiveWindow(
        session,
        client_name="Harbor & Finch Logistics",
        meeting_title="Missed launch date",
        settings=settings,
    )
    window.resize(DEFAULTS.live_width, DEFAULTS.live_height)
    return window
