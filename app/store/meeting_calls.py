"""The meeting service's meetings: clients, a meeting's start and end, and its timeline.

A meeting is started (its client found or made), written to while it runs (steps, cues
sent, shown and acknowledged, stamped lines), ended, or deleted with everything about it.
Part of ``MeetingService`` (``app.store.service``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, text, update

from app.domain.meeting_terms import MeetingMode, NoteField, SignalSource
from app.store.brief_column import brief_to_json
from app.store.cue_column import cues_to_json
from app.store.db import translated_errors
from app.store.models import (
    Client,
    Meeting,
    Note,
    NoteRevision,
    PartnerObservation,
    SearchDocument,
    Signal,
    StampedLine,
    StepEntered,
)
from app.store.note_calls import index_notes
from app.store.records import (
    ClientRecord,
    MeetingDraft,
    MeetingRecord,
    MeetingSummary,
    StampedLineRecord,
    TimelineEventRecord,
)
from app.store.row_records import (
    get_row,
    meeting_record,
    stamp_record,
    step_event,
    summary_from_row,
    summary_query,
)
from app.store.search_queries import KIND_CLIENT, KIND_STAMP, KIND_TITLE, index_text
from app.store.service_sessions import ServiceSessions
from app.store.viewer import own_rows, shared_by

if TYPE_CHECKING:
    from app.journal.replay import JournalContent


class MeetingCalls(ServiceSessions):
    """A meeting's life: its client, its start and end, what happens during it."""

    def list_clients(self) -> list[ClientRecord]:
        with self._reading() as session:
            rows = session.execute(
                select(Client, shared_by(Client.owner_role)).order_by(Client.name_key)
            )
            return [ClientRecord(client.id, client.name, owner) for client, owner in rows]

    def start_meeting(self, draft: MeetingDraft) -> MeetingRecord:
        client_name = draft.client_name.strip()
        if not client_name:
            raise ValueError("a meeting needs a client name")
        with self._writing() as session:
            key = client_name.casefold()
            mine = select(Client).where(Client.name_key == key, own_rows(Client.owner_role))
            client = session.scalar(mine)
            if client is None:
                client = Client(name=client_name, name_key=key, created_at=draft.started_at)
                session.add(client)
            meeting = Meeting(
                client=client,
                title=draft.title.strip(),
                mode=MeetingMode(draft.mode).value,
                playbook_id=draft.playbook_id,
                playbook_version=draft.playbook_version,
                partner_name=draft.partner_name.strip(),
                cues_json=cues_to_json(draft.cues),
                partner_brief_json=brief_to_json(draft.partner_brief),
                started_at=draft.started_at,
            )
            session.add(meeting)
            session.flush()
            index_text(session, meeting.id, KIND_TITLE, "", meeting.title)
            index_text(session, meeting.id, KIND_CLIENT, "", client.name)
            return meeting_record(meeting)

    def apply_journal(self, content: JournalContent) -> int:
        """Apply a meeting journal in one transaction (idempotent); returns the meeting id."""
        from app.journal.replay import apply_journal

        with self._writing() as session:
            return apply_journal(session, content)

    def unended_meetings(self) -> list[MeetingSummary]:
        """Meetings that were started and never ended (a crash left them open), newest first.

        One's own only: a colleague's shared meeting is not for this person to resume."""
        with self._reading() as session:
            rows = session.execute(
                summary_query()
                .where(Meeting.ended_at.is_(None), own_rows(Meeting.owner_role))
                .order_by(Meeting.started_at.desc())
            )
            return [summary_from_row(row) for row in rows]

    def last_activity(self, meeting_id: int) -> datetime:
        """The time of the meeting's last recorded write: step, cue, line, note or what the
        partner noticed (their debrief comes after the end, so it says nothing of that)."""
        with self._reading() as session:
            meeting = get_row(session, Meeting, meeting_id)
            times = [meeting.started_at]
            for column, model in (
                (StepEntered.at, StepEntered),
                (Signal.sent_at, Signal),
                (StampedLine.at, StampedLine),
                (Note.updated_at, Note),
                (PartnerObservation.at, PartnerObservation),
            ):
                latest = session.scalar(
                    select(func.max(column)).where(model.meeting_id == meeting_id)
                )
                if latest is not None:
                    times.append(latest)
            return max(times)

    def end_meeting(self, meeting_id: int, ended_at: datetime) -> None:
        with self._writing() as session:
            meeting = get_row(session, Meeting, meeting_id)
            meeting.ended_at = ended_at
            # The text at the end of the meeting stays a revision of its own.
            session.execute(
                update(NoteRevision)
                .where(NoteRevision.meeting_id == meeting_id, NoteRevision.sealed.is_(False))
                .values(sealed=True)
            )
        # A long note's index may lag behind its text while it is typed (see save_note).
        with self._write_connection() as connection:
            index_notes(connection, meeting_id, NoteField)

    def get_meeting(self, meeting_id: int) -> MeetingRecord:
        with self._reading() as session:
            return meeting_record(get_row(session, Meeting, meeting_id))

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove the meeting and everything about it, search index included."""
        with self._writing() as session:
            meeting = get_row(session, Meeting, meeting_id)
            session.execute(delete(SearchDocument).where(SearchDocument.meeting_id == meeting_id))
            session.delete(meeting)
        if self._dialect == "sqlite":
            # FTS5 only marks deleted rows until its segments merge; 'optimize' rewrites them
            # so the words leave the file, and the checkpoint empties the WAL of old pages.
            with self._writing() as session:
                session.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))
            with translated_errors(self._location):
                raw = self._engine.raw_connection()
                try:
                    raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
                finally:
                    raw.close()

    # -- timeline -----------------------------------------------------------------------

    def enter_step(
        self, meeting_id: int, step_key: str, step_title: str, at: datetime
    ) -> TimelineEventRecord:
        with self._writing() as session:
            get_row(session, Meeting, meeting_id)
            step = StepEntered(
                meeting_id=meeting_id, step_key=step_key, step_title=step_title, at=at
            )
            session.add(step)
            session.flush()
            return step_event(step)

    def record_signal_sent(
        self,
        meeting_id: int,
        cue_key: str,
        source: SignalSource,
        sent_at: datetime,
        message_id: str | None = None,
    ) -> int:
        with self._writing() as session:
            get_row(session, Meeting, meeting_id)
            if message_id is not None:
                # The link may deliver a message twice; it is still one signal.
                known = session.scalar(
                    select(Signal.id).where(
                        Signal.meeting_id == meeting_id, Signal.message_id == message_id
                    )
                )
                if known is not None:
                    return known
            signal = Signal(
                meeting_id=meeting_id,
                cue_key=cue_key,
                source=SignalSource(source).value,
                message_id=message_id,
                sent_at=sent_at,
            )
            session.add(signal)
            session.flush()
            return signal.id

    def record_signal_shown(self, signal_id: int, at: datetime) -> None:
        with self._writing() as session:
            signal = get_row(session, Signal, signal_id)
            if signal.shown_at is None:
                signal.shown_at = at

    def record_signal_acknowledged(self, signal_id: int, at: datetime) -> None:
        with self._writing() as session:
            signal = get_row(session, Signal, signal_id)
            if signal.acknowledged_at is None:
                signal.acknowledged_at = at

    def add_stamped_line(
        self,
        meeting_id: int,
        text: str,
        at: datetime,
        step_key: str | None = None,
        *,
        unless_present: bool = False,
    ) -> StampedLineRecord:
        """Add a line stamped with ``at``; ``unless_present`` returns an identical line instead
        (a recovery file replayed twice must not double the user's lines)."""
        with self._writing() as session:
            get_row(session, Meeting, meeting_id)
            if unless_present:
                same = session.scalar(
                    select(StampedLine).where(
                        StampedLine.meeting_id == meeting_id,
                        StampedLine.text == text,
                        StampedLine.at == at,
                    )
                )
                if same is not None:
                    return stamp_record(same)
            line = StampedLine(meeting_id=meeting_id, text=text, at=at, step_key=step_key)
            session.add(line)
            session.flush()
            index_text(session, meeting_id, KIND_STAMP, str(line.id), text)
            return stamp_record(line)
