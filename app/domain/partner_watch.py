"""The partner as a second pair of eyes: what they watch for, what they saw, what they say after.

Three things pass between the user and the partner besides the cues (issue 25):

- the **brief**, before: the partner's role in one line, the user's warning signs
  (picked from :data:`WARNING_SIGNS` or the user's own words) and what each agreed
  cue means; a partner briefed before sees what changed (:func:`brief_changes`);
- **observations**, during: one tap for a common one (:data:`QUICK_OBSERVATIONS`) or a
  few words, stamped by Poise on arrival with the time and the step the meeting is on;
- the **debrief**, after: the partner's answers to the playbook's questions, one a message
  (:data:`DEFAULT_DEBRIEF_QUESTIONS` when a playbook asks none).

All of it is the user's data, kept in the user's database like notes; the partner's
device keeps nothing. This module is plain Python: the link carries these values
(``app.domain.signal_protocol``), the live session stamps and hands them on, the store
keeps them, the review and the exports show them. Words here are English keys, marked
for lupdate; ``spoken_*`` turns them into the person's language where shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.playbook import Playbook
from app.translation import QT_TRANSLATE_NOOP, TranslationContext, translate

CONTEXT = "PartnerWatch"

MAX_ROLE_CHARS = 120
MAX_SIGN_CHARS = 60
MAX_SIGNS = 8
MAX_CUE_MEANING_CHARS = 120
MAX_OBSERVATION_CHARS = 200
MAX_DEBRIEF_QUESTIONS = 5
MAX_DEBRIEF_QUESTION_CHARS = 160
MAX_DEBRIEF_ANSWER_CHARS = 400  # one answer a message: its frame stays under 2 KiB


class WarningSign(StrEnum):
    """A sign, picked from a short list, that the user is getting defensive."""

    INTERRUPTING = "interrupting"
    YES_BUT = "yes_but"
    OVER_EXPLAINING = "over_explaining"
    PROMISING_A_DATE = "promising_a_date"
    RAISED_VOICE = "raised_voice"


WARNING_SIGNS: dict[WarningSign, str] = {
    WarningSign.INTERRUPTING: QT_TRANSLATE_NOOP("PartnerWatch", "Interrupting the client"),
    WarningSign.YES_BUT: QT_TRANSLATE_NOOP("PartnerWatch", "Saying \u201cyes, but\u201d"),
    WarningSign.OVER_EXPLAINING: QT_TRANSLATE_NOOP("PartnerWatch", "Over-explaining"),
    WarningSign.PROMISING_A_DATE: QT_TRANSLATE_NOOP("PartnerWatch", "Promising a date"),
    WarningSign.RAISED_VOICE: QT_TRANSLATE_NOOP("PartnerWatch", "A raised voice"),
}


class QuickObservation(StrEnum):
    """What a partner notes with one tap."""

    REPEATED_COMPLAINT = "repeated_complaint"
    BODY_LANGUAGE_CLOSED = "body_language_closed"
    REAL_DRIVER = "real_driver"
    YOU_TENSED_UP = "you_tensed_up"


QUICK_OBSERVATIONS: dict[QuickObservation, str] = {
    QuickObservation.REPEATED_COMPLAINT: QT_TRANSLATE_NOOP(
        "PartnerWatch", "They repeated a complaint"
    ),
    QuickObservation.BODY_LANGUAGE_CLOSED: QT_TRANSLATE_NOOP(
        "PartnerWatch", "Body language closed"
    ),
    QuickObservation.REAL_DRIVER: QT_TRANSLATE_NOOP("PartnerWatch", "A real driver?"),
    QuickObservation.YOU_TENSED_UP: QT_TRANSLATE_NOOP("PartnerWatch", "You tensed up"),
}

DEFAULT_DEBRIEF_QUESTIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PartnerWatch", "When did they tense up?"),
    QT_TRANSLATE_NOOP("PartnerWatch", "Did the signal reach them in time?"),
    QT_TRANSLATE_NOOP("PartnerWatch", "What should you watch for next time?"),
)


def debrief_questions_for(playbook: Playbook) -> tuple[str, ...]:
    """What the partner is asked after the meeting: the playbook's own questions (already in
    the language it was read in), else the default ones in the person's language."""
    if playbook.debrief_questions:
        return playbook.debrief_questions[:MAX_DEBRIEF_QUESTIONS]
    return tuple(translate(CONTEXT, question) for question in DEFAULT_DEBRIEF_QUESTIONS)


def spoken_sign(sign: WarningSign | str) -> str:
    """A warning sign as the person reads it: a listed one translated, the user's own as typed."""
    try:
        return translate(CONTEXT, WARNING_SIGNS[WarningSign(sign)])
    except ValueError:
        return str(sign)


def spoken_observation(kind: QuickObservation) -> str:
    """A one-tap observation in the person's language."""
    return translate(CONTEXT, QUICK_OBSERVATIONS[kind])


def observation_text(kind: QuickObservation | None, words: str) -> str:
    """An observation as shown: the one-tap words in the person's language, then the
    partner's own (the live arrival and the stored record say it alike)."""
    parts = [spoken_observation(kind)] if kind is not None else []
    if words:
        parts.append(words)
    return " \u2014 ".join(parts)


@dataclass(frozen=True, slots=True)
class CueMeaning:
    """What one agreed cue means, for the partner: when to send it."""

    key: str
    label: str
    meaning: str


@dataclass(frozen=True, slots=True)
class PartnerBrief:
    """What the user tells the partner before the meeting.

    ``signs`` holds :class:`WarningSign` values and the user's own words, in the user's
    order; ``partner_name`` is whom it was given to, so the next brief for the same
    partner can say what changed.
    """

    partner_name: str = ""
    role: str = ""
    signs: tuple[str, ...] = ()
    cue_meanings: tuple[CueMeaning, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.role or self.signs or any(c.meaning for c in self.cue_meanings))

    def problem(self) -> str | None:
        """What is wrong with this brief, in the person's language, or None when it may be sent."""
        if len(self.role) > MAX_ROLE_CHARS:
            return BriefProblems.tr(
                "The partner's role is longer than %n characters.", "", MAX_ROLE_CHARS
            )
        if len(self.signs) > MAX_SIGNS:
            return BriefProblems.tr("At most %n warning signs can be given.", "", MAX_SIGNS)
        if any(not sign.strip() or len(sign) > MAX_SIGN_CHARS for sign in self.signs):
            return BriefProblems.tr(
                "A warning sign is empty or longer than %n characters.", "", MAX_SIGN_CHARS
            )
        if any(len(c.meaning) > MAX_CUE_MEANING_CHARS for c in self.cue_meanings):
            return BriefProblems.tr(
                "A cue's meaning is longer than %n characters.", "", MAX_CUE_MEANING_CHARS
            )
        return None


class BriefProblems(TranslationContext):
    """What is wrong with a brief, counted words (lupdate reads ``tr`` plurals whole)."""


def brief_as_dict(brief: PartnerBrief) -> dict[str, Any]:
    """The brief as plain JSON values (the meeting's journal and the store keep it so)."""
    return {
        "partner_name": brief.partner_name,
        "role": brief.role,
        "signs": list(brief.signs),
        "cue_meanings": [
            {"key": cue.key, "label": cue.label, "meaning": cue.meaning}
            for cue in brief.cue_meanings
        ],
    }


def brief_from_dict(stored: dict[str, Any]) -> PartnerBrief:
    return PartnerBrief(
        partner_name=str(stored.get("partner_name", "")),
        role=str(stored.get("role", "")),
        signs=tuple(str(sign) for sign in stored.get("signs", [])),
        cue_meanings=tuple(
            CueMeaning(str(cue["key"]), str(cue.get("label", "")), str(cue.get("meaning", "")))
            for cue in stored.get("cue_meanings", [])
        ),
    )


@dataclass(frozen=True, slots=True)
class BriefChanges:
    """What is new in a brief since the last one given to the same partner."""

    signs_added: tuple[str, ...] = ()
    signs_removed: tuple[str, ...] = ()
    role_changed: bool = False
    cues_changed: tuple[str, ...] = ()  # keys of cues added or whose meaning changed

    @property
    def any(self) -> bool:
        return bool(
            self.signs_added or self.signs_removed or self.role_changed or self.cues_changed
        )


def brief_changes(before: PartnerBrief | None, now: PartnerBrief) -> BriefChanges | None:
    """What changed from ``before`` to ``now``; None when there was no brief before."""
    if before is None or before.is_empty:
        return None
    earlier = {cue.key: cue.meaning for cue in before.cue_meanings}
    return BriefChanges(
        signs_added=tuple(s for s in now.signs if s not in before.signs),
        signs_removed=tuple(s for s in before.signs if s not in now.signs),
        role_changed=before.role.strip() != now.role.strip(),
        cues_changed=tuple(
            cue.key for cue in now.cue_meanings if earlier.get(cue.key) != cue.meaning
        ),
    )


@dataclass(frozen=True, slots=True)
class Observation:
    """One thing the partner saw, stamped by Poise when it arrived.

    ``kind`` is a one-tap observation or None for words alone; ``words`` may be empty
    when ``kind`` is set. ``message_id`` is the partner's, so a resent one is kept once.
    """

    message_id: str
    at: datetime
    step_key: str
    step_title: str
    kind: QuickObservation | None = None
    words: str = ""

    @property
    def text(self) -> str:
        """What the timeline says: the one-tap words, then the partner's own."""
        return observation_text(self.kind, self.words)


@dataclass(frozen=True, slots=True)
class DebriefAnswer:
    """The partner's answer to one debrief question, stamped by Poise when it arrived.

    Each answer travels as a message of its own; the debrief is the meeting's answers in
    the order they came (a later answer to the same question is kept beside the first).
    """

    message_id: str
    at: datetime
    question: str
    answer: str
