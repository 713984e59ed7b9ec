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
from app.translation import QT_TRANSLATE_NOOP, translate


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
        known = any(cue.key == self.key for cue in USER_REQUESTS)
        return spoken_request(self.key).label if known else self.key


# What the live window says when a partner answered a request it no longer knows.
UNKNOWN_ANSWER_TEXT = QT_TRANSLATE_NOOP("PartnerRequest", "Your partner got it")


def spoken_request(key: str) -> PartnerRequest:
    """``partner_request(key)`` in the person's language (the timeline and the live window).

    The words are kept English in ``USER_REQUESTS`` (marked for lupdate) and translated
    here, when asked for, since the language is chosen after the modules are imported.
    """
    request = partner_request(key)
    return replace(
        request,
        label=_said(request.label),
        words=_said(request.words),
        answer_button=_said(request.answer_button),
        answered=_said(request.answered),
        asked=_said(request.asked),
        acknowledged=_said(request.acknowledged),
        acknowledged_short=_said(request.acknowledged_short),
    )


def _said(text: str) -> str:
    return translate("PartnerRequest", text)


class PartnerRequests:
    """The meeting's requests to the partner, by message id."""

    def __init__(self) -> None:
        self._by_message: dict[str, RequestToPartner] = {}

    def asked(self, message_id: str, key: str, at: datetime) -> None:
        self._by_message[message_id] = RequestToPartner(key, spoken_request(key).asked, at)

    def awaiting_answer(self, message_id: str) -> PartnerRequest | None:
        """The request's words if a partner's OK to it is news; None if unknown or answered."""
        request = self._by_message.get(message_id)
        if request is None or request.answered_at is not None:
            return None
        return spoken_request(request.key)

    def answered(self, message_id: str, at: datetime) -> None:
        request = self._by_message[message_id]
        words = spoken_request(request.key).acknowledged
        self._by_message[message_id] = replace(request, answered_at=at, answer_words=words)

    def answer_text(self, message_id: str) -> str:
        """What the live window shows when the partner answered this request."""
        request = self._by_message.get(message_id)
        if request is None:
            return _said(UNKNOWN_ANSWER_TEXT)
        return spoken_request(request.key).acknowledged_short

    def in_order(self) -> list[RequestToPartner]:
        """Every request, in the order asked, with when (if) the partner answered."""
        return sorted(self._by_message.values(), key=lambda request: request.asked_at)

    def timeline_lines(self) -> set[tuple[datetime | None, str]]:
        """The stamped lines (time, text) the requests and their answers put on the timeline."""
        asked = {(r.asked_at, r.asked_words) for r in self._by_message.values()}
        answered = {(r.answered_at, r.answer_words) for r in self._by_message.values()}
        return asked | answered
