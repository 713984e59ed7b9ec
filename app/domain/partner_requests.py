"""What the user asked the partner in a meeting, and which of it the partner answered.

Each request ("step in", "I need a moment") is stamped on the timeline when asked and
again, once, when a partner says OK; a second OK for the same request (two partners, a
resent message) changes nothing. The summary lists the requests apart from the user's
own stamped lines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.meeting_terms import USER_REQUESTS, PartnerRequest, partner_request


@dataclass(frozen=True, slots=True)
class RequestToPartner:
    """One request to the partner: what the timeline says, and when the partner answered."""

    key: str
    asked_words: str
    asked_at: datetime
    answered_at: datetime | None = None
    answer_words: str = ""

    @property
    def label(self) -> str:
        return next((cue.label for cue in USER_REQUESTS if cue.key == self.key), self.key)


# What the live window says when a partner answered a request it no longer knows.
UNKNOWN_ANSWER_TEXT = "Your partner got it"


class PartnerRequests:
    """The meeting's requests to the partner, by message id."""

    def __init__(self) -> None:
        self._by_message: dict[str, RequestToPartner] = {}

    def asked(self, message_id: str, key: str, at: datetime) -> None:
        self._by_message[message_id] = RequestToPartner(key, partner_request(key).asked, at)

    def awaiting_answer(self, message_id: str) -> PartnerRequest | None:
        """The request's words if a partner's OK to it is news; None if unknown or answered."""
        request = self._by_message.get(message_id)
        if request is None or request.answered_at is not None:
            return None
        return partner_request(request.key)

    def answered(self, message_id: str, at: datetime) -> None:
        request = self._by_message[message_id]
        words = partner_request(request.key).acknowledged
        self._by_message[message_id] = replace(request, answered_at=at, answer_words=words)

    def answer_text(self, message_id: str) -> str:
        """What the live window shows when the partner answered this request."""
        request = self._by_message.get(message_id)
        if request is None:
            return UNKNOWN_ANSWER_TEXT
        return partner_request(request.key).acknowledged_short

    def in_order(self) -> list[RequestToPartner]:
        """Every request, in the order asked, with when (if) the partner answered."""
        return sorted(self._by_message.values(), key=lambda request: request.asked_at)

    def timeline_lines(self) -> set[tuple[datetime | None, str]]:
        """The stamped lines (time, text) the requests and their answers put on the timeline."""
        asked = {(r.asked_at, r.asked_words) for r in self._by_message.values()}
        answered = {(r.answered_at, r.answer_words) for r in self._by_message.values()}
        return asked | answered
