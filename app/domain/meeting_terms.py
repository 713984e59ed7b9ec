"""Vocabulary shared by the live window, the store, the partner link and the review.

Plain enums and value objects: the note fields a user fills in, how a meeting is
held, where a signal came from, and the cues agreed with the partner.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
        return _NOTE_LABELS[self]

    @property
    def hint(self) -> str:
        return _NOTE_HINTS[self]


_NOTE_LABELS = {
    NoteField.WHAT_THEY_SAY: "What they say",
    NoteField.NOT_SAYING: "What they are not saying",
    NoteField.REAL_CONCERN: "The real concern",
    NoteField.COMMITMENTS: "Commitments",
    NoteField.FREE: "Notes",
}
_NOTE_HINTS = {
    NoteField.WHAT_THEY_SAY: "Their words, as close as you can",
    NoteField.NOT_SAYING: "Subtext, body language, what they avoid",
    NoteField.REAL_CONCERN: "What is really driving this",
    NoteField.COMMITMENTS: "What each side agreed to do",
    NoteField.FREE: "Anything else",
}


class MeetingMode(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"

    @property
    def label(self) -> str:
        return "In person" if self is MeetingMode.IN_PERSON else "Video call"


class SignalSource(StrEnum):
    """Where a cue or signal was triggered."""

    WINDOW = "window"  # the button or shortcut on the user's own live window
    HOTKEY = "hotkey"  # a system-wide shortcut or presenter clicker on the same machine
    PHONE = "phone"  # the partner page served on the local network
    PARTNER_APP = "partner_app"  # a second Poise in partner mode

    @property
    def label(self) -> str:
        return {
            "window": "this window",
            "hotkey": "hotkey",
            "phone": "partner's phone",
            "partner_app": "partner's Poise",
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

# The user's own requests to the partner (issue 8): the words are what the partner reads.
USER_REQUESTS: tuple[Cue, ...] = (
    Cue("step_in", "Step in", "Please take over for a moment"),
    Cue("moment", "I need a moment", "Keep things going while I collect myself"),
)
