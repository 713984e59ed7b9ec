"""What the live window does with a cue, decided without any widget.

A cue from the partner (the phone page or the partner's app) may be followed by a
silent pause countdown, when the user chose it; a cue the user acknowledged leaves the
screen at once, one that faded by itself fades out slowly. The session's fade timer
counts in whole milliseconds and never zero (a zero timer would fire before the paint).
"""

from __future__ import annotations

from datetime import timedelta

from app.domain.meeting_session import CueEvent, CueState
from app.domain.meeting_terms import SignalSource

PARTNER_SOURCES = frozenset({SignalSource.PHONE, SignalSource.PARTNER_APP})


def pauses_after(event: CueEvent, pause_cue_enabled: bool) -> bool:
    """Whether the pause countdown follows this cue: only a partner's, only if chosen."""
    return pause_cue_enabled and event.source in PARTNER_SOURCES


def leaves_quickly(event: CueEvent) -> bool:
    """Whether the cue goes at once (the user acknowledged it) rather than fading out."""
    return event.ended_at is not None and event.state is CueState.ACKNOWLEDGED


def fade_timer_ms(fade: timedelta) -> int:
    """The fade timer's interval for ``fade``: whole milliseconds, at least one."""
    return max(1, int(fade.total_seconds() * 1000))
