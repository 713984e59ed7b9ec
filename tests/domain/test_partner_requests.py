"""The meeting's requests to the partner, without a window: asked, answered once, in order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.meeting_terms import partner_request
from app.domain.partner_requests import UNKNOWN_ANSWER_TEXT, PartnerRequests

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_partners_ok_is_news_once_and_the_second_ok_changes_nothing() -> None:
    requests = PartnerRequests()
    requests.asked("m1", "step_in", T0)
    words = requests.awaiting_answer("m1")
    assert words == partner_request("step_in")
    requests.answered("m1", T0 + timedelta(seconds=5))
    assert requests.awaiting_answer("m1") is None  # a second partner's OK: nothing new
    (only,) = requests.in_order()
    assert only.answered_at == T0 + timedelta(seconds=5)
    assert only.answer_words == words.acknowledged
    assert requests.answer_text("m1") == words.acknowledged_short


def test_an_unknown_request_is_no_news_and_its_answer_is_said_plainly() -> None:
    requests = PartnerRequests()
    assert requests.awaiting_answer("never-asked") is None
    assert requests.answer_text("never-asked") == UNKNOWN_ANSWER_TEXT


def test_requests_come_in_the_order_asked_and_name_their_timeline_lines() -> None:
    requests = PartnerRequests()
    requests.asked("late", "step_in", T0 + timedelta(minutes=3))
    requests.asked("early", "step_in", T0)
    assert [r.asked_at for r in requests.in_order()] == [T0, T0 + timedelta(minutes=3)]
    requests.answered("early", T0 + timedelta(seconds=9))
    words = partner_request("step_in")
    lines = requests.timeline_lines()
    assert (T0, words.asked) in lines
    assert (T0 + timedelta(seconds=9), words.acknowledged) in lines
    assert (T0 + timedelta(minutes=3), words.asked) in lines
