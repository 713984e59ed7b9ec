"""The partner link's messages for the second pair of eyes (issue 25), on the same wire.

Poise to partner::

    {"type": "brief", "role": str, "signs": [str, ...],
     "cues": [{"key": str, "label": str, "meaning": str}, ...],
     "changed": null | {"signs_added": [str], "signs_removed": [str], "role": bool,
                        "cues": [cue key, ...]}}
    {"type": "where", "index": int, "of": int, "title": str, "elapsed": int}
    {"type": "debrief", "questions": [str, ...]}

Partner to Poise::

    {"type": "observe", "id": "<message id>", "kind": null | "<QuickObservation>", "words": str}
    {"type": "debrief_answer", "id": "<message id>", "q": int, "a": str}

A brief's signs are words in the user's language (:func:`brief_for_partner`); ``where``
counts steps from 0 and ``elapsed`` in seconds since the meeting began. An observation
has a kind, words, or both; an answer is never empty. What the partner typed and is too
long is refused as ``too_long``, an observation kind Poise does not know as
``unknown_kind``; a refusal names the message's id, so the partner hears "rejected" for it
(``app.link.partner_watch_link``).
:mod:`app.domain.signal_protocol` dispatches here and encodes these with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.partner_watch import (
    MAX_CUE_MEANING_CHARS,
    MAX_DEBRIEF_ANSWER_CHARS,
    MAX_DEBRIEF_QUESTION_CHARS,
    MAX_DEBRIEF_QUESTIONS,
    MAX_OBSERVATION_CHARS,
    MAX_ROLE_CHARS,
    MAX_SIGN_CHARS,
    MAX_SIGNS,
    BriefChanges,
    CueMeaning,
    PartnerBrief,
    QuickObservation,
    spoken_sign,
)
from app.domain.wire_fields import (
    DropReason,
    ProtocolError,
    cue_key_field,
    expect_keys,
    limited_text,
    message_id_field,
    optional_text,
    small_int,
    text_field,
    text_list,
)

MAX_BRIEF_CUES = 8
MAX_CUE_LABEL_CHARS = 40
MAX_STEP_TITLE_CHARS = 120
"""A step's title is cut to this on the wire (the partner sees a heading, not a paragraph)."""


# --- Poise to partner ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Brief:
    """What the partner watches for: their role, the user's warning signs (already in the
    user's words), what each cue means, and what changed since the last brief (or None)."""

    role: str
    signs: tuple[str, ...]
    cues: tuple[CueMeaning, ...]
    changed: BriefChanges | None = None


@dataclass(frozen=True, slots=True)
class Where:
    """The step the meeting is on (``index`` from 0, of ``of``) and how long it has run."""

    index: int
    of: int
    title: str
    elapsed: int


@dataclass(frozen=True, slots=True)
class DebriefQuestions:
    """The meeting ended: the questions the partner is asked, in order."""

    questions: tuple[str, ...]


# --- partner to Poise ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Observe:
    """One thing the partner saw: a one-tap kind, a few words, or both."""

    message_id: str
    kind: QuickObservation | None
    words: str


@dataclass(frozen=True, slots=True)
class DebriefAnswer:
    """The partner's answer to debrief question number ``question`` (from 0)."""

    message_id: str
    question: int
    answer: str


WatchClientMessage = Observe | DebriefAnswer
WatchServerMessage = Brief | Where | DebriefQuestions


def brief_for_partner(brief: PartnerBrief, changes: BriefChanges | None) -> Brief:
    """The brief as sent: listed signs in the person's language, the user's own as typed."""
    spoken_changes = None
    if changes is not None and changes.any:
        spoken_changes = BriefChanges(
            signs_added=tuple(spoken_sign(sign) for sign in changes.signs_added),
            signs_removed=tuple(spoken_sign(sign) for sign in changes.signs_removed),
            role_changed=changes.role_changed,
            cues_changed=changes.cues_changed,
        )
    return Brief(
        role=brief.role,
        signs=tuple(spoken_sign(sign) for sign in brief.signs),
        cues=tuple(cue for cue in brief.cue_meanings)[:MAX_BRIEF_CUES],
        changed=spoken_changes,
    )


def where_for_partner(index: int, of: int, title: str, elapsed_seconds: float) -> Where:
    """A step as sent: its title cut to :data:`MAX_STEP_TITLE_CHARS`, whole seconds."""
    if len(title) > MAX_STEP_TITLE_CHARS:
        title = title[: MAX_STEP_TITLE_CHARS - 1].rstrip() + "\u2026"
    return Where(index, of, title or "\u2026", max(0, int(elapsed_seconds)))


def parse_watch_client(kind: object, fields: dict[str, Any]) -> WatchClientMessage | None:
    """An observation or debrief answer from ``fields``; None when ``kind`` is neither.

    A refusal after a valid id carries it (``ProtocolError.message_id``)."""
    if kind not in ("observe", "debrief_answer"):
        return None
    message_id = message_id_field(fields)
    try:
        if kind == "observe":
            return _observe(message_id, fields)
        return _debrief_answer(message_id, fields)
    except ProtocolError as refused:
        refused.message_id = message_id
        raise


def _observe(message_id: str, fields: dict[str, Any]) -> Observe:
    expect_keys(fields, {"type", "id", "kind", "words"})
    observed = _observation_kind(fields.get("kind"))
    words = limited_text(fields.get("words", ""), MAX_OBSERVATION_CHARS, "words", may_be_empty=True)
    if observed is None and not words:
        raise ProtocolError(DropReason.BAD_FIELD, "an observation needs a kind or words")
    return Observe(message_id, observed, words)


def _debrief_answer(message_id: str, fields: dict[str, Any]) -> DebriefAnswer:
    expect_keys(fields, {"type", "id", "q", "a"})
    question = small_int(fields.get("q"), "q")
    if question >= MAX_DEBRIEF_QUESTIONS:
        raise ProtocolError(DropReason.UNKNOWN_QUESTION, "q")
    answer = limited_text(fields.get("a"), MAX_DEBRIEF_ANSWER_CHARS, "a", may_be_empty=False)
    return DebriefAnswer(message_id, question, answer)


def parse_watch_server(kind: object, fields: dict[str, Any]) -> WatchServerMessage | None:
    """A brief, a step or the debrief questions from ``fields``; None when ``kind`` is none."""
    if kind == "brief":
        cues = fields.get("cues")
        if not isinstance(cues, list) or len(cues) > MAX_BRIEF_CUES:
            raise ProtocolError(DropReason.BAD_FIELD, "cues")
        return Brief(
            optional_text(fields.get("role"), MAX_ROLE_CHARS, "role"),
            text_list(fields.get("signs"), MAX_SIGNS, MAX_SIGN_CHARS, "signs"),
            tuple(_cue_meaning(item) for item in cues),
            _changes(fields.get("changed")),
        )
    if kind == "where":
        index, of = small_int(fields.get("index"), "index"), small_int(fields.get("of"), "of")
        if index >= of:
            raise ProtocolError(DropReason.BAD_FIELD, "index")
        title = text_field(fields.get("title"), MAX_STEP_TITLE_CHARS, "title")
        return Where(index, of, title, small_int(fields.get("elapsed"), "elapsed"))
    if kind == "debrief":
        questions = text_list(
            fields.get("questions"), MAX_DEBRIEF_QUESTIONS, MAX_DEBRIEF_QUESTION_CHARS, "questions"
        )
        if not questions:
            raise ProtocolError(DropReason.BAD_FIELD, "questions")
        return DebriefQuestions(questions)
    return None


def watch_fields(message: object) -> dict[str, Any] | None:
    """The JSON fields of one of these messages; None for any other message."""
    match message:
        case Observe(message_id, kind, words):
            return {
                "type": "observe",
                "id": message_id,
                "kind": None if kind is None else kind.value,
                "words": words,
            }
        case DebriefAnswer(message_id, question, answer):
            return {"type": "debrief_answer", "id": message_id, "q": question, "a": answer}
        case Brief(role, signs, cues, changed):
            return {
                "type": "brief",
                "role": role,
                "signs": list(signs),
                "cues": [{"key": c.key, "label": c.label, "meaning": c.meaning} for c in cues],
                "changed": None if changed is None else _changes_fields(changed),
            }
        case Where(index, of, title, elapsed):
            return {"type": "where", "index": index, "of": of, "title": title, "elapsed": elapsed}
        case DebriefQuestions(questions):
            return {"type": "debrief", "questions": list(questions)}
    return None


def _observation_kind(value: object) -> QuickObservation | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ProtocolError(DropReason.BAD_FIELD, "kind")
    try:
        return QuickObservation(value)
    except ValueError:
        raise ProtocolError(DropReason.UNKNOWN_KIND, "kind") from None


def _cue_meaning(item: object) -> CueMeaning:
    if not isinstance(item, dict):
        raise ProtocolError(DropReason.BAD_FIELD, "cue")
    return CueMeaning(
        cue_key_field(item.get("key")),
        text_field(item.get("label"), MAX_CUE_LABEL_CHARS, "label"),
        optional_text(item.get("meaning"), MAX_CUE_MEANING_CHARS, "meaning"),
    )


def _changes(value: object) -> BriefChanges | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ProtocolError(DropReason.BAD_FIELD, "changed")
    role = value.get("role")
    cues = value.get("cues")
    if not isinstance(role, bool):
        raise ProtocolError(DropReason.BAD_FIELD, "changed role")
    if not isinstance(cues, list) or len(cues) > MAX_BRIEF_CUES:
        raise ProtocolError(DropReason.BAD_FIELD, "changed cues")
    return BriefChanges(
        signs_added=text_list(value.get("signs_added"), MAX_SIGNS, MAX_SIGN_CHARS, "signs_added"),
        signs_removed=text_list(
            value.get("signs_removed"), MAX_SIGNS, MAX_SIGN_CHARS, "signs_removed"
        ),
        role_changed=role,
        cues_changed=tuple(cue_key_field(key) for key in cues),
    )


def _changes_fields(changes: BriefChanges) -> dict[str, Any]:
    return {
        "signs_added": list(changes.signs_added),
        "signs_removed": list(changes.signs_removed),
        "role": changes.role_changed,
        "cues": list(changes.cues_changed),
    }
