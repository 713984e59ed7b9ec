"""The meeting service's reading for the review: meetings listed, loaded and searched.

A meeting loaded whole (notes, timeline, action items), the list of meetings filtered
and paged, a client's history across meetings, and the search over everything typed.
Part of ``MeetingService`` (``app.store.service``).
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select

from app.domain.meeting_terms import NoteField
from app.store.models import ActionItem, Client, Meeting, Note
from app.store.records import (
    ActionItemRecord,
    ClientHistory,
    ClientMeeting,
    ClientRecord,
    MeetingDetail,
    MeetingSummary,
    SearchHit,
    TimelineKind,
)
from app.store.row_records import (
    action_record,
    debrief_record,
    filtered_by,
    get_row,
    meeting_record,
    observation_record,
    signal_event,
    signal_record,
    stamp_event,
    stamp_record,
    step_event,
    summary_from_row,
    summary_query,
)
from app.store.search_queries import search_postgres, search_sqlite, where_label
from app.store.service_sessions import ServiceSessions
from app.store.viewer import own_rows

_WORD = re.compile(r"\w+", re.UNICODE)


class ReviewReads(ServiceSessions):
    """The reads behind the review window, the client briefing and search."""

    def load_meeting(self, meeting_id: int) -> MeetingDetail:
        with self._reading() as session:
            meeting = get_row(session, Meeting, meeting_id)
            notes = dict.fromkeys(NoteField, "")
            for note in session.scalars(select(Note).where(Note.meeting_id == meeting_id)):
                notes[NoteField(note.field)] = note.text
            stamps = tuple(stamp_record(line) for line in meeting.stamped_lines)
            signals = tuple(signal_record(signal) for signal in meeting.signals)
            events = [step_event(step) for step in meeting.steps]
            events += [signal_event(signal) for signal in signals]
            events += [stamp_event(line) for line in stamps]
            order = {TimelineKind.STEP: 0, TimelineKind.SIGNAL: 1, TimelineKind.STAMP: 2}
            events.sort(key=lambda event: (event.at, order[event.kind], event.id))
            return MeetingDetail(
                meeting=meeting_record(meeting),
                notes=notes,
                stamped_lines=stamps,
                signals=signals,
                timeline=tuple(events),
                action_items=tuple(action_record(item) for item in meeting.action_items),
                follow_up=meeting.follow_up,
                observations=tuple(observation_record(o) for o in meeting.partner_observations),
                debrief=tuple(debrief_record(answer) for answer in meeting.partner_debrief),
            )

    def list_meetings(
        self,
        *,
        client_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[MeetingSummary]:
        """Meetings newest first; ``since``/``until`` bound the start time (until exclusive)."""
        query = filtered_by(summary_query(), client_id, since, until)
        query = query.order_by(Meeting.started_at.desc(), Meeting.id.desc())
        with self._reading() as session:
            rows = session.execute(query.limit(limit).offset(offset))
            return [summary_from_row(row) for row in rows]

    def count_meetings(
        self,
        *,
        client_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        query = filtered_by(select(func.count(Meeting.id)), client_id, since, until)
        with self._reading() as session:
            return int(session.scalar(query) or 0)

    def find_client(self, name: str) -> ClientRecord | None:
        """The client of that name (case does not matter), or None for a new one."""
        key = name.strip().casefold()
        if not key:
            return None
        with self._reading() as session:
            mine = select(Client).where(Client.name_key == key, own_rows(Client.owner_role))
            client = session.scalar(mine)
            return ClientRecord(client.id, client.name) if client else None

    def client_history(self, client_id: int) -> ClientHistory:
        """Every meeting with the client, oldest first, with commitments and action items."""
        with self._reading() as session:
            client = get_row(session, Client, client_id)
            summaries = [
                summary_from_row(row)
                for row in session.execute(
                    summary_query()
                    .where(Meeting.client_id == client_id)
                    .order_by(Meeting.started_at.asc(), Meeting.id.asc())
                )
            ]
            ids = [summary.id for summary in summaries]
            wanted = (NoteField.COMMITMENTS, NoteField.REAL_CONCERN, NoteField.WHAT_THEY_SAY)
            notes: dict[tuple[int, str], str] = {}
            items: dict[int, list[ActionItemRecord]] = {i: [] for i in ids}
            if ids:
                for note in session.scalars(
                    select(Note).where(
                        Note.meeting_id.in_(ids), Note.field.in_([f.value for f in wanted])
                    )
                ):
                    notes[(note.meeting_id, note.field)] = note.text
                for item in session.scalars(
                    select(ActionItem).where(ActionItem.meeting_id.in_(ids)).order_by(ActionItem.id)
                ):
                    items[item.meeting_id].append(action_record(item))
            return ClientHistory(
                ClientRecord(client.id, client.name),
                tuple(
                    ClientMeeting(
                        meeting=summary,
                        commitments=notes.get((summary.id, NoteField.COMMITMENTS.value), ""),
                        real_concern=notes.get((summary.id, NoteField.REAL_CONCERN.value), ""),
                        what_they_say=notes.get((summary.id, NoteField.WHAT_THEY_SAY.value), ""),
                        action_items=tuple(items[summary.id]),
                    )
                    for summary in summaries
                ),
            )

    # -- search -------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Ranked hits over titles, client names, notes, stamped lines, action items and the
        partner's observations and debrief answers.

        Every word of the query must occur; the last one may be the start of a word,
        so results follow the user's typing. The snippet marks matches as [[word]].
        """
        words = _WORD.findall(query)
        if not words or limit <= 0:
            return []
        with self._reading() as session:
            if self._dialect == "sqlite":
                # Whole-word matches first: FTS5 reads them lazily, newest first, while a
                # prefix must gather every document of every word it starts, which for a
                # common word is most of the index. Prefix matches fill what is left.
                rows = list(search_sqlite(session, words, limit, prefix=False))
                if len(rows) < limit:
                    seen = {(row.meeting_id, row.kind, row.ref_key) for row in rows}
                    for row in search_sqlite(session, words, limit, prefix=True):
                        if (
                            len(rows) < limit
                            and (row.meeting_id, row.kind, row.ref_key) not in seen
                        ):
                            rows.append(row)
            else:
                rows = search_postgres(session, words, limit)
            return [
                SearchHit(
                    meeting_id=row.meeting_id,
                    client_name=row.client_name,
                    title=row.title,
                    started_at=row.started_at,
                    where=where_label(row.kind, row.ref_key),
                    snippet=row.snippet,
                )
                for row in rows
            ]
