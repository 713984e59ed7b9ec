"""Rows of the store made into the frozen records the service returns (``app.store.records``).

Shared by every part of the meeting service: the list row of a meeting (``summary_query``
with ``summary_from_row``), each kind of row to its record, and ``get_row``, which says
which row of what was not found.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.domain.meeting_terms import MeetingMode, NoteField, SignalSource
from app.domain.partner_watch import QuickObservation
from app.store.brief_column import brief_from_json
from app.store.cue_column import cues_from_json
from app.store.errors import NotFound
from app.store.models import (
    ActionItem,
    Client,
    Meeting,
    NoteRevision,
    PartnerDebriefAnswer,
    PartnerObservation,
    Signal,
    StampedLine,
    StepEntered,
)
from app.store.records import (
    ActionItemRecord,
    DebriefAnswerRecord,
    MeetingRecord,
    MeetingSummary,
    NoteRevisionRecord,
    ObservationRecord,
    SignalRecord,
    StampedLineRecord,
    TimelineEventRecord,
    TimelineKind,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_Row = TypeVar("_Row")
_Record = TypeVar("_Record", bound="DataclassInstance")


def get_row(session: Session, model: type[_Row], row_id: int) -> _Row:
    found = session.get(model, row_id)
    if found is None:
        raise NotFound(f"no {model.__name__} with id {row_id}")
    return found


def summary_query() -> Select[Any]:
    signal_count = (
        select(func.count(Signal.id)).where(Signal.meeting_id == Meeting.id).scalar_subquery()
    )
    return select(
        Meeting.id,
        Meeting.started_at,
        Meeting.ended_at,
        Client.name,
        Meeting.title,
        Meeting.playbook_id,
        signal_count,
        Meeting.follow_up,
        Meeting.shared_by,
    ).join(Client, Client.id == Meeting.client_id)


def filtered_by(
    query: Select[Any], client_id: int | None, since: datetime | None, until: datetime | None
) -> Select[Any]:
    if client_id is not None:
        query = query.where(Meeting.client_id == client_id)
    if since is not None:
        query = query.where(Meeting.started_at >= since)
    if until is not None:
        query = query.where(Meeting.started_at < until)
    return query


def summary_from_row(row: Any) -> MeetingSummary:
    return MeetingSummary(
        id=row[0],
        started_at=row[1],
        ended_at=row[2],
        client_name=row[3],
        title=row[4],
        playbook_id=row[5],
        signal_count=int(row[6]),
        follow_up=row[7],
        shared_by=row[8],
    )


def same_named_fields(record_type: type[_Record], row: object, **converted: Any) -> _Record:
    """A ``record_type`` whose every field is the row's attribute of the same name, but for
    those given as ``converted`` (a column kept as text that the record holds as its type).

    A field added to a record and its row is copied with no line here, so a field with a
    default is never left at it by a list of fields that forgot it.
    """
    copied = {
        spec.name: getattr(row, spec.name)
        for spec in fields(record_type)
        if spec.name not in converted
    }
    return record_type(**copied, **converted)


def meeting_record(meeting: Meeting) -> MeetingRecord:
    return same_named_fields(
        MeetingRecord,
        meeting,
        client_name=meeting.client.name,
        mode=MeetingMode(meeting.mode),
        cues=cues_from_json(meeting.cues_json),
        partner_brief=brief_from_json(meeting.partner_brief_json),
    )


def step_event(step: StepEntered) -> TimelineEventRecord:
    return TimelineEventRecord(
        kind=TimelineKind.STEP,
        id=step.id,
        at=step.at,
        step_key=step.step_key,
        step_title=step.step_title,
    )


def signal_record(signal: Signal) -> SignalRecord:
    return same_named_fields(SignalRecord, signal, source=SignalSource(signal.source))


def signal_event(signal: SignalRecord) -> TimelineEventRecord:
    return TimelineEventRecord(
        kind=TimelineKind.SIGNAL,
        id=signal.id,
        at=signal.sent_at,
        cue_key=signal.cue_key,
        source=signal.source,
        message_id=signal.message_id,
        shown_at=signal.shown_at,
        acknowledged_at=signal.acknowledged_at,
    )


def stamp_record(line: StampedLine) -> StampedLineRecord:
    return same_named_fields(StampedLineRecord, line)


def stamp_event(line: StampedLineRecord) -> TimelineEventRecord:
    return TimelineEventRecord(
        kind=TimelineKind.STAMP, id=line.id, at=line.at, step_key=line.step_key, text=line.text
    )


def revision_record(row: NoteRevision) -> NoteRevisionRecord:
    return same_named_fields(NoteRevisionRecord, row, field=NoteField(row.field))


def action_record(item: ActionItem) -> ActionItemRecord:
    return same_named_fields(ActionItemRecord, item)


def observation_record(row: PartnerObservation) -> ObservationRecord:
    kind = QuickObservation(row.kind) if row.kind else None
    return same_named_fields(ObservationRecord, row, kind=kind)


def debrief_record(row: PartnerDebriefAnswer) -> DebriefAnswerRecord:
    return same_named_fields(DebriefAnswerRecord, row)
