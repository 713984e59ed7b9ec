"""The live meeting's rules, without a window: navigation, loop-backs, timers, cues."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.meeting_session import (
    CueOutcome,
    CueState,
    CueTracker,
    MeetingSession,
    SessionError,
    format_elapsed,
    parse_due_date,
)
from app.domain.meeting_terms import Cue, CueStyle, SignalSource
from app.domain.playbook import Playbook
from app.domain.playbook_parser import parse_playbook

PLAYBOOK_TEXT = """
format = 1
id = "test-meeting"
title = "A test meeting"
summary = "Three live steps, one loop-back."

[[source]]
title = "Test source"
author = "Tester"

[[prepare]]
key = "partner"
title = "Agree the signal"
do = "Agree the signal with your partner."

[[during]]
key = "listen"
title = "Listen"
do = "Let them talk."
say = ["Tell me more."]
avoid = ["But..."]

[[during]]
key = "restate"
title = "Restate"
do = "Say back what you heard."

[[during]]
key = "agree"
title = "Agree next steps"
do = "Propose, then agree together."
loop_back = { when = "They push back", to = "listen" }

[[after]]
key = "write"
title = "Write it down"
do = "Send a summary today."
"""

CUES = (
    Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),
    Cue("listen", "Stop talking", "Stop talking. Listen.", CueStyle.BANNER),
)
START = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def playbook() -> Playbook:
    return parse_playbook(PLAYBOOK_TEXT, Path("test-meeting.toml"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(playbook: Playbook, clock: FakeClock) -> MeetingSession:
    return MeetingSession(playbook, CUES, clock=clock, cue_fade=timedelta(seconds=20))


def test_start_enters_first_step(session: MeetingSession) -> None:
    change = session.start()
    assert change.step.key == "listen"
    assert (change.index, change.count, change.at) == (0, 3, START)
    assert session.position == (1, 3)
    assert session.is_running


def test_cannot_start_twice(session: MeetingSession) -> None:
    session.start()
    with pytest.raises(SessionError):
        session.start()


def test_navigation_stops_at_both_ends(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    assert session.previous() is None
    assert session.next() is not None
    clock.advance(5)
    last = session.next()
    assert last is not None and last.step.key == "agree"
    assert session.next() is None  # a clicker pressed once too often is harmless
    assert session.position == (3, 3)
    back = session.previous()
    assert back is not None and back.step.key == "restate"


def test_no_navigation_before_start_or_after_end(session: MeetingSession) -> None:
    assert session.next() is None
    session.start()
    session.end()
    assert session.next() is None and session.previous() is None
    assert session.offered_loop_back is None


def test_loop_back_offered_only_on_its_step(session: MeetingSession) -> None:
    session.start()
    assert session.offered_loop_back is None
    assert session.follow_loop_back() is None
    session.next()
    session.next()
    loop = session.offered_loop_back
    assert loop is not None and loop.to == "listen"
    target = session.loop_back_target()
    assert target is not None and target.title == "Listen"
    change = session.follow_loop_back()
    assert change is not None and change.step.key == "listen" and change.via_loop_back
    assert session.position == (1, 3)


def test_timers_follow_the_clock(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    clock.advance(90)
    assert session.step_elapsed() == timedelta(seconds=90)
    session.next()
    clock.advance(30)
    assert session.step_elapsed() == timedelta(seconds=30)
    assert session.meeting_elapsed() == timedelta(seconds=120)
    session.end()
    clock.advance(600)
    assert session.meeting_elapsed() == timedelta(seconds=120)  # frozen at the end


def test_recap_totals_time_per_step_across_visits(
    session: MeetingSession, clock: FakeClock
) -> None:
    session.start()
    clock.advance(60)
    session.next()
    clock.advance(30)
    session.next()
    clock.advance(10)
    session.follow_loop_back()
    clock.advance(20)
    session.note_action_item(" Send revised plan ", "Me", date(2025, 3, 7))
    session.note_stamped_line()
    session.set_follow_up(date(2025, 3, 10))
    session.end()
    recap = session.recap()
    assert recap.duration == timedelta(seconds=120)
    assert [(s.key, t.seconds) for s, t in recap.steps_seen] == [
        ("listen", 80),
        ("restate", 30),
        ("agree", 10),
    ]
    assert recap.step_changes == 3
    assert recap.loop_backs == 1
    assert recap.action_items[0].text == "Send revised plan"
    assert recap.stamped_lines == 1
    assert recap.follow_up == date(2025, 3, 10)
    assert [s.key for s in recap.after_steps] == ["write"]


def test_go_to_jumps_and_rejects_unknown(session: MeetingSession) -> None:
    session.start()
    change = session.go_to("agree")
    assert change is not None and session.position == (3, 3)
    assert session.go_to("agree") is None
    with pytest.raises(KeyError):
        session.go_to("nope")


def test_playbook_without_live_steps_is_refused(playbook: Playbook) -> None:
    empty = Playbook(
        playbook.id, 1, "t", "s", playbook.sources, playbook.prepare, (), playbook.after
    )
    with pytest.raises(SessionError):
        MeetingSession(empty, CUES)


# -- cues ---------------------------------------------------------------------------------


def test_cue_shown_then_acknowledged(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    receipt = session.receive_cue("m1", "calm", SignalSource.PHONE)
    assert receipt.outcome is CueOutcome.SHOWN
    assert receipt.event.state is CueState.SHOWN
    assert receipt.event.cue.words == "Breathe. Listen. Don't defend."
    clock.advance(4)
    event = session.acknowledge_cue()
    assert event is receipt.event
    assert event.state is CueState.ACKNOWLEDGED
    assert event.time_to_acknowledge == timedelta(seconds=4)
    assert session.acknowledge_cue() is None  # nothing left to acknowledge


def test_cue_expires_after_fade_time(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    session.receive_cue("m1", "calm", SignalSource.WINDOW)
    clock.advance(19)
    assert session.expire_cue_if_due() is None
    clock.advance(1)
    event = session.expire_cue_if_due()
    assert event is not None and event.state is CueState.EXPIRED
    assert event.ended_at == START + timedelta(seconds=20)
    assert event.time_to_acknowledge is None
    assert session.acknowledge_cue() is None


def test_duplicate_message_is_ignored_and_reports_current_state(
    session: MeetingSession, clock: FakeClock
) -> None:
    session.start()
    first = session.receive_cue("m1", "calm", SignalSource.PHONE)
    clock.advance(2)
    session.acknowledge_cue()
    again = session.receive_cue("m1", "calm", SignalSource.PHONE)
    assert again.outcome is CueOutcome.DUPLICATE
    assert again.event is first.event
    assert again.event.state is CueState.ACKNOWLEDGED
    assert len(session.tracker.events) == 1
    assert session.tracker.current is None  # the re-send did not bring it back


def test_new_cue_replaces_the_one_on_screen(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    first = session.receive_cue("m1", "calm", SignalSource.PHONE)
    clock.advance(3)
    second = session.receive_cue("m2", "listen", SignalSource.PHONE)
    assert second.replaced is first.event
    assert first.event.state is CueState.EXPIRED
    assert session.tracker.current is second.event
    assert second.event.cue.style is CueStyle.BANNER


def test_unknown_cue_key_is_refused(session: MeetingSession) -> None:
    session.start()
    with pytest.raises(KeyError):
        session.receive_cue("m1", "nope", SignalSource.PHONE)
    assert session.tracker.seen("m1") is None


def test_ending_withdraws_the_cue_on_screen(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    session.receive_cue("m1", "calm", SignalSource.PHONE)
    clock.advance(5)
    session.end()
    event = session.tracker.events[0]
    assert event.state is CueState.EXPIRED
    assert event.ended_at == START + timedelta(seconds=5)


def test_recap_average_acknowledge_time(session: MeetingSession, clock: FakeClock) -> None:
    session.start()
    session.receive_cue("m1", "calm", SignalSource.PHONE)
    clock.advance(2)
    session.acknowledge_cue()
    session.receive_cue("m2", "calm", SignalSource.PHONE)
    clock.advance(6)
    session.acknowledge_cue()
    session.receive_cue("m3", "calm", SignalSource.PHONE)
    clock.advance(30)
    session.expire_cue_if_due()
    session.end()
    recap = session.recap()
    assert recap.acknowledged_cues == 2
    assert recap.average_time_to_acknowledge == timedelta(seconds=4)


def test_tracker_needs_cues() -> None:
    with pytest.raises(SessionError):
        CueTracker(())


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["receive", "ack", "tick"]),
            st.sampled_from(["a", "b", "c", "d"]),
            st.integers(min_value=0, max_value=30),
        ),
        max_size=40,
    )
)
def test_cue_tracker_invariants(actions: list[tuple[str, str, int]]) -> None:
    clock = FakeClock()
    tracker = CueTracker(CUES, timedelta(seconds=20))
    for action, message_id, seconds in actions:
        clock.advance(seconds)
        if action == "receive":
            tracker.receive(message_id, "calm", SignalSource.PHONE, clock())
        elif action == "ack":
            tracker.acknowledge(clock())
        else:
            tracker.expire_due(clock())
        shown = [e for e in tracker.events if e.state is CueState.SHOWN]
        assert len(shown) <= 1
        assert (tracker.current is None) == (not shown)
        assert len({e.message_id for e in tracker.events}) == len(tracker.events)
        for event in tracker.events:
            if event.state is not CueState.SHOWN:
                assert event.ended_at is not None and event.ended_at >= event.shown_at


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (65, "1:05"), (3600 + 61, "1:01:01"), (-5, "0:00")]
)
def test_format_elapsed(seconds: int, text: str) -> None:
    assert format_elapsed(timedelta(seconds=seconds)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("  ", None),
        ("+3", date(2025, 3, 7)),
        ("3d", date(2025, 3, 7)),
        ("2w", date(2025, 3, 18)),
        ("tomorrow", date(2025, 3, 5)),
        ("today", date(2025, 3, 4)),
        ("fri", date(2025, 3, 7)),
        ("Friday", date(2025, 3, 7)),
        ("tue", date(2025, 3, 11)),  # today is a Tuesday: the next one
        ("next tuesday", date(2025, 3, 11)),
        ("Next  Fri", date(2025, 3, 7)),
        ("this thursday", date(2025, 3, 6)),
        ("2025-04-01", date(2025, 4, 1)),
    ],
)
def test_parse_due_date(text: str, expected: date | None) -> None:
    assert parse_due_date(text, date(2025, 3, 4)) == expected


@pytest.mark.parametrize("text", ["soon", "3", "2025-13-01", "x", "next week", "next"])
def test_parse_due_date_rejects_with_hint(text: str) -> None:
    with pytest.raises(ValueError, match="try"):
        parse_due_date(text, date(2025, 3, 4))
