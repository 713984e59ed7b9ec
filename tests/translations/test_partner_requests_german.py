"""The user's requests to the partner, on the timeline and the live window, in German."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.partner_requests import PartnerRequests

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_request_and_its_answer_read_in_german(german: None) -> None:
    requests = PartnerRequests()
    requests.asked("m1", "step_in", T0)
    requests.answered("m1", T0 + timedelta(seconds=5))

    (request,) = requests.in_order()
    assert request.label == "Einspringen"
    assert request.asked_words == "Sie haben Ihren Partner gebeten einzuspringen"
    assert request.answer_words == "Ihr Partner springt ein"
    assert requests.answer_text("m1") == "Partner springt ein"
    assert requests.answer_text("never-asked") == "Ihr Partner hat verstanden"
    assert (T0, "Sie haben Ihren Partner gebeten einzuspringen") in requests.timeline_lines()
