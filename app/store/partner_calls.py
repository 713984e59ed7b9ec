"""The meeting service's record of the partner: what they saw, what they said after, and
what the next prepare with them shows.

An observation and a debrief answer are rows of their meeting, each kept once per the
partner's message id (a resend after a reconnect, or a journal replayed twice, adds
nothing) and indexed for search as the partner's. ``partner_history`` reads the last
brief given to a partner and what they noted over recent meetings. Part of
``MeetingService`` (``app.store.service``); the journal's replay writes through
``add_observation`` and ``add_debrief_answer`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation
from app.store.brief_column import brief_from_json
from app.store.models import Meeting, PartnerDebriefAnswer, PartnerObservation
from app.store.records import (
    DebriefAnswerRecord,
    NotedOften,
    ObservationRecord,
    PartnerHistory,
)
from app.store.row_records import (
    debrief_record,
    get_row,
    observation_record,
    summary_from_row,
    summary_query,
)
from app.store.search_queries import KIND_DEBRIEF, KIND_OBSERVATION, index_text
from app.store.service_sessions import ServiceSessions
from app.store.viewer import own_rows

# How many of the latest meetings with a partner "what they noted most" looks at.
RECENT_MEETINGS = 5
# How many of what they noted most the history hands on.
NOTED_MOST = 5


_PartnerRow = TypeVar("_PartnerRow", PartnerObservation, PartnerDebriefAnswer)


def _kept_once(session: Session, row: _PartnerRow, kind: str, searchable: str) -> _PartnerRow:
    """``row``, added and indexed; or the row already there for its message id."""
    model = type(row)
    known = session.scalar(
        select(model).where(model.meeting_id == row.meeting_id, model.message_id == row.message_id)
    )
    if known is not None:
        return known
    session.add(row)
    session.flush()
    index_text(session, row.meeting_id, kind, str(row.id), searchable)
    return row


def add_observation(
    session: Session, meeting_id: int, observation: Observation
) -> PartnerObservation:
    """The observation's row (the one already there for its message id, if any), indexed."""
    row = PartnerObservation(
        meeting_id=meeting_id,
        message_id=observation.message_id,
        at=observation.at,
        step_key=observation.step_key,
        step_title=observation.step_title,
        kind=observation.kind.value if observation.kind is not None else None,
        words=observation.words,
    )
    return _kept_once(session, row, KIND_OBSERVATION, observation.text)


def add_debrief_answer(
    session: Session, meeting_id: int, answer: DebriefAnswer
) -> PartnerDebriefAnswer:
    """The answer's row (the one already there for its message id, if any), indexed."""
    row = PartnerDebriefAnswer(
        meeting_id=meeting_id,
        message_id=answer.message_id,
        at=answer.at,
        question=answer.question,
        answer=answer.answer,
    )
    return _kept_once(session, row, KIND_DEBRIEF, answer.answer)


_Record = TypeVar("_Record")


def _by_meeting(
    session: Session,
    model: type[_PartnerRow],
    record: Callable[[_PartnerRow], _Record],
    meeting_ids: list[int],
) -> dict[int, list[_Record]]:
    """Each meeting's rows of ``model`` as records, in the order they came (every id a key)."""
    found: dict[int, list[_Record]] = {i: [] for i in meeting_ids}
    rows = session.scalars(
        select(model).where(model.meeting_id.in_(meeting_ids)).order_by(model.at, model.id)
    )
    for row in rows:
        found[row.meeting_id].append(record(row))
    return found


def partner_observations_of(
    session: Session, meeting_ids: list[int]
) -> dict[int, list[ObservationRecord]]:
    return _by_meeting(session, PartnerObservation, observation_record, meeting_ids)


def partner_debrief_of(
    session: Session, meeting_ids: list[int]
) -> dict[int, list[DebriefAnswerRecord]]:
    return _by_meeting(session, PartnerDebriefAnswer, debrief_record, meeting_ids)


@dataclass(slots=True)
class _Tally:
    kind: QuickObservation | None
    words: str
    times: int = 0
    meetings: set[int] = field(default_factory=set)


def noted_most(observations: list[ObservationRecord], most: int) -> tuple[NotedOften, ...]:
    """What was noted most: a one-tap kind counts as itself, words alone by their text (case
    and spaces aside); in the most meetings first, then most often, then first noted."""
    tallies: dict[str, _Tally] = {}
    for observation in observations:
        if observation.kind is not None:
            key = f"kind:{observation.kind.value}"
        elif observation.words.strip():
            key = "words:" + " ".join(observation.words.casefold().split())
        else:
            continue
        tally = tallies.setdefault(key, _Tally(observation.kind, observation.words.strip()))
        tally.times += 1
        tally.meetings.add(observation.meeting_id)
    # A stable sort: of two noted as often, the one noted first stays first.
    ranked = sorted(tallies.values(), key=lambda t: (len(t.meetings), t.times), reverse=True)
    return tuple(NotedOften(t.kind, t.words, t.times, len(t.meetings)) for t in ranked[:most])


class PartnerCalls(ServiceSessions):
    """Writing what the partner sent; reading what the next brief for them builds on."""

    def record_observation(self, meeting_id: int, observation: Observation) -> ObservationRecord:
        """Keep one observation of the meeting's (once per message id)."""
        with self._writing() as session:
            get_row(session, Meeting, meeting_id)
            return observation_record(add_observation(session, meeting_id, observation))

    def record_debrief_answer(self, meeting_id: int, answer: DebriefAnswer) -> DebriefAnswerRecord:
        """Keep one debrief answer (once per message id); the meeting may have ended."""
        with self._writing() as session:
            get_row(session, Meeting, meeting_id)
            return debrief_record(add_debrief_answer(session, meeting_id, answer))

    def partner_history(self, partner_name: str) -> PartnerHistory:
        """The last brief given to this partner and what they noted in recent meetings.

        The partner is found by name (case and surrounding spaces aside) among one's own
        meetings; a colleague's shared meeting is not one's own partner's."""
        name = partner_name.strip()
        key = name.casefold()
        if not key:
            return PartnerHistory(partner_name=name)
        with self._reading() as session:
            rows = session.execute(
                select(Meeting.id, Meeting.partner_name)
                .where(Meeting.partner_name != "", own_rows(Meeting.owner_role))
                .order_by(Meeting.started_at.desc(), Meeting.id.desc())
            )
            theirs = [row[0] for row in rows if row[1].strip().casefold() == key]
            if not theirs:
                return PartnerHistory(partner_name=name)
            stored_brief = session.scalar(
                select(Meeting.partner_brief_json)
                .where(Meeting.id.in_(theirs), Meeting.partner_brief_json.is_not(None))
                .order_by(Meeting.started_at.desc(), Meeting.id.desc())
                .limit(1)
            )
            recent = theirs[:RECENT_MEETINGS]
            by_meeting = partner_observations_of(session, recent)
            observations = sorted(
                (seen for meeting in recent for seen in by_meeting[meeting]),
                key=lambda seen: (seen.at, seen.id),
            )
            noticed = {observation.meeting_id for observation in observations}
            last_id = next((meeting for meeting in recent if meeting in noticed), None)
            last_meeting = None
            if last_id is not None:
                row = session.execute(summary_query().where(Meeting.id == last_id)).one()
                last_meeting = summary_from_row(row)
            return PartnerHistory(
                partner_name=name,
                last_brief=brief_from_json(stored_brief),
                last_meeting=last_meeting,
                last_observations=tuple(o for o in observations if o.meeting_id == last_id),
                noted_most=noted_most(observations, NOTED_MOST),
                meetings_counted=len(recent),
            )
