"""The partner's observations and debrief answers as lines of a meeting's journal.

The live session writes them (``app.ui.live.partner_record``) while its meeting is not in
the store yet, and the replay reads them back (``app.journal.replay``): one place says
what a line holds. ``kind`` names the journal line, so an observation's one-tap kind is
kept as ``quick``.

What the partner sends after the meeting is in the store (the debrief, mostly, after its
end) goes into a journal of its own first (``journal_of_stored_meeting``): a write the
store refuses and a kill then lose nothing. Its first line names the meeting by its id
in the store (``STORED_MEETING_ID``), checked against the meeting's start on replay, and
holds what the meeting's own journal said of it, if it had one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation
from app.journal.writer import MeetingJournal

OBSERVATION = "observation"
DEBRIEF_ANSWER = "debrief_answer"
STORED_MEETING_ID = "stored_meeting_id"


def journal_of_stored_meeting(
    data_dir: Path, meeting_id: int, started_at: datetime, facts: dict[str, Any]
) -> MeetingJournal:
    """A journal, begun now, for words that arrive after meeting ``meeting_id`` was stored;
    ``facts``: what the meeting's own journal said of it (empty if it had none)."""
    journal = MeetingJournal(data_dir, {**facts, STORED_MEETING_ID: meeting_id})
    journal.start(started_at)
    return journal


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
