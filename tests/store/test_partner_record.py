"""The partner's record of a meeting in the store: observations, the debrief, the brief given,
and what the next prepare with the same partner reads (issue 25), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.partner_watch import (
    CueMeaning,
    DebriefAnswer,
    Observation,
    PartnerBrief,
    QuickObservation,
)
from app.store import Store
from app.store.partner_calls import RECENT_MEETINGS
from tests.meeting_factory import draft

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BRIEF = PartnerBrief(
    partner_name="Sam",
    role="Keep me calm; step in if I promise a date.",
    signs=("interrupting", "my own: tapping the pen"),
    cue_meanings=(CueMeaning("calm", "Calm", "I talk too fast"),),
)


def at(minutes: float, day: int = 0) -> datetime:
    return START + timedelta(days=day, minutes=minutes)


def seen(
    message_id: str, minutes: float, kind: QuickObservation | None, words: str = "", day: int = 0
) -> Observation:
    return Observation(message_id, at(minutes, day), "listen", "Let them speak", kind, words)


def test_the_brief_is_kept_with_the_meeting(store: Store) -> None:
    meeting = store.service.start_meeting(draft(started_at=START, partner_brief=BRIEF))
    assert meeting.partner_brief == BRIEF
    assert store.service.load_meeting(meeting.id).meeting.partner_brief == BRIEF
    without = store.service.start_meeting(draft(started_at=at(60)))
    assert store.service.load_meeting(without.id).meeting.partner_brief is None


def test_observations_and_a_later_debrief_are_kept_in_order_once_each(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft(started_at=START))
    first = service.record_observation(
        meeting.id, seen("o-2", 4, QuickObservation.YOU_TENSED_UP, "at the invoice")
    )
    service.record_observation(meeting.id, seen("o-1", 2, None, "they repeat the pallets story"))
    # A resend after a reconnect: the same row, not a second one.
    again = service.record_observation(
        meeting.id, seen("o-2", 9, QuickObservation.YOU_TENSED_UP, "at the invoice")
    )
    assert again == first
    service.end_meeting(meeting.id, at(30))
    service.record_debrief_answer(meeting.id, DebriefAnswer("d-1", at(31), "When?", "the price"))
    service.record_debrief_answer(meeting.id, DebriefAnswer("d-1", at(32), "When?", "the price"))
    service.record_debrief_answer(meeting.id, DebriefAnswer("d-2", at(33), "Next?", "breathe"))

    detail = service.load_meeting(meeting.id)
    assert [(o.message_id, o.at, o.words) for o in detail.observations] == [
        ("o-1", at(2), "they repeat the pallets story"),
        ("o-2", at(4), "at the invoice"),
    ]
    assert detail.observations[1].kind is QuickObservation.YOU_TENSED_UP
    assert detail.observations[1].text == "You tensed up \u2014 at the invoice"
    assert detail.observations[0].step_title == "Let them speak"
    assert [(a.question, a.answer) for a in detail.debrief] == [
        ("When?", "the price"),
        ("Next?", "breathe"),
    ]


def test_search_finds_the_partners_words_and_says_whose(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft(started_at=START))
    service.record_observation(meeting.id, seen("o-1", 2, None, "clenched fists"))
    service.record_debrief_answer(meeting.id, DebriefAnswer("d-1", at(31), "When?", "marmalade"))
    assert [(h.meeting_id, h.where) for h in service.search("clenched")] == [
        (meeting.id, "Partner's observation")
    ]
    assert [(h.meeting_id, h.where) for h in service.search("marma")] == [
        (meeting.id, "Partner's debrief")
    ]
    service.delete_meeting(meeting.id)
    assert service.search("clenched") == service.search("marmalade") == []


def test_partner_history_gives_the_last_brief_and_what_they_noted_most(store: Store) -> None:
    service = store.service
    assert not service.partner_history("Sam").known
    ids = []
    for day in range(RECENT_MEETINGS + 1):
        brief = BRIEF if day == 1 else None
        meeting = service.start_meeting(
            draft(started_at=at(0, day), partner_name="Sam", partner_brief=brief)
        )
        ids.append(meeting.id)
    # The oldest meeting is beyond the recent ones: its many "body language" do not count.
    for n in range(3):
        service.record_observation(
            ids[0], seen(f"old-{n}", n, QuickObservation.BODY_LANGUAGE_CLOSED, day=0)
        )
    for day in (2, 3):
        service.record_observation(
            ids[day], seen(f"t-{day}", 5, QuickObservation.YOU_TENSED_UP, day=day)
        )
        service.record_observation(ids[day], seen(f"w-{day}", 6, None, "Promised  a date", day))
    service.record_observation(ids[3], seen("w-3b", 7, None, "promised a date", 3))
    # Another partner's meeting, later: not Sam's history.
    other = service.start_meeting(draft(started_at=at(0, 9), partner_name="Kim"))
    service.record_observation(other.id, seen("k-1", 1, QuickObservation.REAL_DRIVER, day=9))

    history = service.partner_history("  sam ")
    assert history.known and history.meetings_counted == RECENT_MEETINGS
    assert history.last_brief == BRIEF
    assert history.last_meeting is not None and history.last_meeting.id == ids[3]
    assert [o.message_id for o in history.last_observations] == ["t-3", "w-3", "w-3b"]
    assert [(n.text, n.times, n.meetings) for n in history.noted_most] == [
        ("Promised  a date", 3, 2),
        ("You tensed up", 2, 2),
    ]
    assert service.partner_history("Kim").last_brief is None
    assert service.partner_history("").known is False


def test_what_the_partner_noticed_counts_as_the_meetings_last_activity(store: Store) -> None:
    meeting = store.service.start_meeting(draft(started_at=START))
    store.service.enter_step(meeting.id, "listen", "Listen", at(1))
    store.service.record_observation(meeting.id, seen("o-1", 7, None, "still tense"))
    assert store.service.last_activity(meeting.id) == at(7)
