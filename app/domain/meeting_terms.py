"""Vocabulary shared by the live window, the store, the partner link and the review.

Plain enums and value objects: the note fields a user fills in, how a meeting is
held, where a signal came from, and the cues agreed with the partner.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.translation import QT_TRANSLATE_NOOP, translate

MAX_CUES = 3
DEFAULT_CUE_WORDS = "Breathe. Listen. Don't defend."
# The stamped line "Flag this moment" writes; the review draws these as flags.
FLAG_TEXT = "Flagged"


class NoteField(StrEnum):
    WHAT_THEY_SAY = "what_they_say"
    NOT_SAYING = "not_saying"
    REAL_CONCERN = "real_concern"
    COMMITMENTS = "commitments"
    FREE = "free"

    @property
    def label(self) -> str:
        return translate("MeetingTerms", _NOTE_LABELS[self])

    @property
    def hint(self) -> str:
        return translate("MeetingTerms", _NOTE_HINTS[self])


_NOTE_LABELS = {
    NoteField.WHAT_THEY_SAY: QT_TRANSLATE_NOOP("MeetingTerms", "What they say"),
    NoteField.NOT_SAYING: QT_TRANSLATE_NOOP("MeetingTerms", "What they are not saying"),
    NoteField.REAL_CONCERN: QT_TRANSLATE_NOOP("MeetingTerms", "The real concern"),
    NoteField.COMMITMENTS: QT_TRANSLATE_NOOP("MeetingTerms", "Commitments"),
    NoteField.FREE: QT_TRANSLATE_NOOP("MeetingTerms", "Notes"),
}
_NOTE_HINTS = {
    NoteField.WHAT_THEY_SAY: QT_TRANSLATE_NOOP("MeetingTerms", "Their words, as close as you can"),
    NoteField.NOT_SAYING: QT_TRANSLATE_NOOP(
        "MeetingTerms", "Subtext, body language, what they avoid"
    ),
    NoteField.REAL_CONCERN: QT_TRANSLATE_NOOP("MeetingTerms", "What is really driving this"),
    NoteField.COMMITMENTS: QT_TRANSLATE_NOOP("MeetingTerms", "What each side agreed to do"),
    NoteField.FREE: QT_TRANSLATE_NOOP("MeetingTerms", "Anything else"),
}


class MeetingMode(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"

    @property
    def label(self) -> str:
        if self is MeetingMode.IN_PERSON:
            return translate("MeetingTerms", "In person")
        return translate("MeetingTerms", "Video call")


class SignalSource(StrEnum):
    """Where a cue or signal was triggered."""

    WINDOW = "window"  # the button or shortcut on the user's own live window
    HOTKEY = "hotkey"  # a system-wide shortcut or presenter clicker on the same machine
    PHONE = "phone"  # the partner page served on the local network
    PARTNER_APP = "partner_app"  # a second Poise in partner mode

    @property
    def label(self) -> str:
        return {
            "window": translate("MeetingTerms", "this window"),
            "hotkey": translate("MeetingTerms", "hotkey"),
            "phone": translate("MeetingTerms", "partner's phone"),
            "partner_app": translate("MeetingTerms", "partner's Poise"),
        }[self.value]


class CueStyle(StrEnum):
    GLOW = "glow"  # a soft coloured glow around the window edge
    BANNER = "banner"  # a calm band across the top of the step


@dataclass(frozen=True, slots=True)
class Cue:
    """One pre-agreed signal: ``key`` identifies it on the wire, ``words`` is what the user sees."""

    key: str
    label: str
    words: str
    style: CueStyle = CueStyle.GLOW


DEFAULT_CUES: tuple[Cue, ...] = (Cue("calm", "Calm down", DEFAULT_CUE_WORDS),)


@dataclass(frozen=True, slots=True)
class PartnerRequest:
    """One of the user's own requests to the partner, with everything said about it.

    The partner's window and phone page show ``label``, ``words`` and the answer
    button, then ``answered``; the timeline and the live window say the rest.
    """

    key: str
    label: str  # the partner's heading
    words: str  # what the partner reads
    answer_button: str  # the partner's one button
    answered: str  # what the partner sees once they answered
    asked: str  # stamped on the timeline when the user asks
    acknowledged: str  # stamped on the timeline when a partner answers
    acknowledged_short: str  # shown briefly on the live window when a partner answers


# The user's own requests to the partner (issue 8), said in these words everywhere.
USER_REQUESTS: tuple[PartnerRequest, ...] = (
    PartnerRequest(
        "step_in",
        QT_TRANSLATE_NOOP("PartnerRequest", "Step in"),
        QT_TRANSLATE_NOOP("PartnerRequest", "Please take over for a moment"),
        answer_button=QT_TRANSLATE_NOOP("PartnerRequest", "OK, stepping in"),
        answered=QT_TRANSLATE_NOOP("PartnerRequest", "Acknowledged — they know you're stepping in"),
        asked=QT_TRANSLATE_NOOP("PartnerRequest", "You asked your partner to step in"),
        acknowledged=QT_TRANSLATE_NOOP("PartnerRequest", "Your partner is stepping in"),
        acknowledged_short=QT_TRANSLATE_NOOP("PartnerRequest", "Partner is stepping in"),
    ),
    PartnerRequest(
        "moment",
        QT_TRANSLATE_NOOP("PartnerRequest", "I need a moment"),
        QT_TRANSLATE_NOOP("PartnerRequest", "Keep things going while I collect myself"),
        answer_button=QT_TRANSLATE_NOOP("PartnerRequest", "OK, I've got it"),
        answered=QT_TRANSLATE_NOOP("PartnerRequest", "Acknowledged — they know you got it"),
        asked=QT_TRANSLATE_NOOP("PartnerRequest", "You asked your partner for a moment"),
        acknowledged=QT_TRANSLATE_NOOP("PartnerRequest", "Your partner is covering for you"),
        acknowledged_short=QT_TRANSLATE_NOOP("PartnerRequest", "Partner is covering for you"),
    ),
)


def partner_request(key: str) -> PartnerRequest:
    """The request with this key; KeyError for a key that is not one of ``USER_REQUESTS``."""
    for request in USER_REQUESTS:
        if request.key == key:
            return request
    raise KeyError(key)
