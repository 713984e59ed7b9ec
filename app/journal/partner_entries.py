"""The partner's observations and debrief answers as lines of a meeting's journal.

The live session writes them (``app.ui.live.partner_record``) while its meeting is not in
the store yet, and the replay reads them back (``app.journal.replay``): one place says
what a line holds. ``kind`` names the journal line, so an observation's one-tap kind is
kept as ``quick``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation

OBSERVATION = "observation"
DEBRIEF_ANSWER = "debrief_answer"


def observation_values(observation: Observation) -> dict[str, Any]:
    return {
        "message_id": observation.message_id,
        "at": observation.at,
        "step_key": observation.step_key,
        "step_title": observation.step_title,
        "quick": observation.kind.value if observation.kind is not None else None,
        "words": observation.words,
    }


def observation_from(entry: dict[str, Any]) -> Observation:
    quick = entry.get("quick")
    return Observation(
        message_id=str(entry["message_id"]),
        at=datetime.fromisoformat(entry["at"]),
        step_key=str(entry["step_key"]),
        step_title=str(entry["step_title"]),
        kind=QuickObservation(quick) if quick else None,
        words=str(entry.get("words", "")),
    )


def debrief_answer_values(answer: DebriefAnswer) -> dict[str, Any]:
    return {
        "message_id": answer.message_id,
        "at": answer.at,
        "question": answer.question,
        "answer": answer.answer,
    }


def debrief_answer_from(entry: dict[str, Any]) -> DebriefAnswer:
    return DebriefAnswer(
        message_id=str(entry["message_id"]),
        at=datetime.fromisoformat(entry["at"]),
        question=str(entry["question"]),
        answer=str(entry["answer"]),
    )
