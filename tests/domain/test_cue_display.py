"""What the live window does with a cue, without a window: the pause, the quick leave, the fade."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.cue_display import fade_timer_ms, leaves_quickly, pauses_after
from app.domain.meeting_session import CueState, CueTracker
from app.domain.meeting_terms import DEFAULT_CUES, SignalSource

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def received(source: SignalSource) -> CueTracker:
    tracker = CueTracker(DEFAULT_CUES, fade_after=timedelta(seconds=8))
    tracker.receive("m1", DEFAULT_CUES[0].key, source, T0)
    return tracker


@pytest.mark.parametrize(
    ("source", "enabled", "pauses"),
    [
        (SignalSource.PHONE, True, True),
        (SignalSource.PARTNER_APP, True, True),
        (SignalSource.PHONE, False, False),
        (SignalSource.WINDOW, True, False),
    ],
)
def test_only_a_partners_cue_is_followed_by_the_pause_and_only_when_chosen(
    source: SignalSource, enabled: bool, pauses: bool
) -> None:
    event = received(source).current
    assert event is not None
    assert pauses_after(event, enabled) is pauses


def test_an_acknowledged_cue_leaves_at_once_and_a_faded_one_fades_out() -> None:
    tracker = received(SignalSource.PHONE)
    shown = tracker.current
    assert shown is not None
    assert not leaves_quickly(shown)  # still on screen
    acknowledged = tracker.acknowledge(T0 + timedelta(seconds=2))
    assert acknowledged is not None and acknowledged.state is CueState.ACKNOWLEDGED
    assert leaves_quickly(acknowledged)

    faded_tracker = received(SignalSource.WINDOW)
    faded = faded_tracker.expire_due(T0 + timedelta(seconds=9))
    assert faded is not None and faded.state is not CueState.ACKNOWLEDGED
    assert not leaves_quickly(faded)


def test_the_fade_timer_counts_whole_milliseconds_and_never_zero() -> None:
    assert fade_timer_ms(timedelta(seconds=8)) == 8000
    assert fade_timer_ms(timedelta(milliseconds=1.6)) == 1
    assert fade_timer_ms(timedelta(0)) == 1
