"""The meeting service: the only door through which the UI reads and writes meetings.

Each call is one short transaction on its own session and returns frozen records
from ``app.store.records``, so callers never hold ORM objects or sessions and the
service can be called from any thread. Environment failures come out as
``StoreError``; an unknown id as ``NotFound``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import (
    Engine,
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from app.domain.meeting_terms import MeetingMode, NoteField, SignalSource
from app.store.cue_column import cues_from_json, cues_to_json
from app.store.db import WRITE_OPTION, Location, translated_errors
from app.store.errors import NotFound
from app.store.models import (
    ActionItem,
    Client,
    Meeting,
    Note,
    NoteRevision,
    SearchDocument,
    Signal,
    StampedLine,
    StepEntered,
    UtcDateTime,
)
from app.store.records import (
    ActionItemRecord,
    ClientHistory,
    ClientMeeting,
    ClientRecord,
    MeetingActivity,
    MeetingDetail,
    MeetingDraft,
    MeetingRecord,
    MeetingSummary,
    NoteRevisionRecord,
    SearchHit,
    SignalRecord,
    StampedLineRecord,
    TimelineEventRecord,
    TimelineKind,
)
from app.store.search_queries import (
    KIND_CLIENT,
    KIND_ITEM,
    KIND_NOTE,
    KIND_STAMP,
    KIND_TITLE,
    index_text,
    search_postgres,
    search_sqlite,
    where_label,
)

if TYPE_CHECKING:
    from app.store.journal import JournalContent

# A pause longer than this starts a new revision: history gets one entry per burst of typing.
REVISION_PAUSE = timedelta(seconds=30)
_WORD = re.compile(r"\w+", re.UNICODE)
_UNSET: Any = object()
_Row = TypeVar("_Row")


class MeetingService:
    """Synchronous, thread-safe API over the meeting store (one session per call)."""

    def __init__(self, engine: Engine, location: Location) -> None:
        self._location = location
        self._engine = engine
        self._dialect = engine.dialect.name
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._writes = sessionmaker(self._write_engine, expire_on_commit=False)

    def reset_connections(self) -> None:
        """Drop pooled connections, so the next call reconnects (a file that was read-only,
        or a server that went away, is opened afresh once the problem clears)."""
        self._engine.dispose()

    # -- sessions -----------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with translated_errors(self._location), self._reads() as session, session.begin():
            yield session

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        with translated_errors(self._location), self._writes.begin() as session:
            yield session

    # -- clients and meetings ---------------------------------------------------------

    def list_clients(self) -> list[ClientRecord]:
        with self._reading() as session:
            rows = session.scalars(select(Client).order_by(Client.name_key))
            return [ClientRecord(client.id, client.name) for client in rows]

    def start_meeting(self, draft: MeetingDraft) -> MeetingRecord:
        client_name = draft.client_name.strip()
        if not client_name:
            raise ValueError("a meeting needs a client name")
        with self._writing() as session:
            key = client_name.casefold()
            client = session.scalar(select(Client).where(Client.name_key == key))
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
                started_at=draft.started_at,
            )
            session.add(meeting)
            session.flush()
            index_text(session, meeting.id, KIND_TITLE, "", meeting.title)
            index_text(session, meeting.id, KIND_CLIENT, "", client.name)
            return _meeting_record(meeting)

    def apply_journal(self, content: JournalContent) -> int:
        """Apply a meeting journal in one transaction (idempotent); returns the meeting id."""
        from app.store.journal import apply_journal

        with self._writing() as session:
            return apply_journal(session, content)

    def unended_meetings(self) -> list[MeetingSummary]:
        """Meetings that were started and never ended (a crash left them open), newest first."""
        with self._reading() as session:
            rows = session.execute(
                _summary_query()
                .where(Meeting.ended_at.is_(None))
                .order_by(Meeting.started_at.desc())
            )
            return [_summary(row) for row in rows]

    def last_activity(self, meeting_id: int) -> datetime:
        """The time of the meeting's last recorded write: step, cue, line or note."""
        with self._reading() as session:
            meeting = _get(session, Meeting, meeting_id)
            times = [meeting.started_at]
            for column, model in (
                (StepEntered.at, StepEntered),
                (Signal.sent_at, Signal),
                (StampedLine.at, StampedLine),
                (Note.updated_at, Note),
            ):
                latest = session.scalar(
                    select(func.max(column)).where(model.meeting_id == meeting_id)
                )
                if latest is not None:
                    times.append(latest)
            return max(times)

    def end_meeting(self, meeting_id: int, ended_at: datetime) -> None:
        with self._writing() as session:
            meeting = _get(session, Meeting, meeting_id)
            meeting.ended_at = ended_at
            # The text at the end of the meeting stays a revision of its own.
            session.execute(
                update(NoteRevision)
                .where(NoteRevision.meeting_id == meeting_id, NoteRevision.sealed.is_(False))
                .values(sealed=True)
            )
        # A long note's index may lag behind its text while it is typed (see save_note).
        self.index_note(meeting_id)

    def get_meeting(self, meeting_id: int) -> MeetingRecord:
        with self._reading() as session:
            return _meeting_record(_get(session, Meeting, meeting_id))

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove the meeting and everything about it, search index included."""
        with self._writing() as session:
            meeting = _get(session, Meeting, meeting_id)
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
            _get(session, Meeting, meeting_id)
            step = StepEntered(
                meeting_id=meeting_id, step_key=step_key, step_title=step_title, at=at
            )
            session.add(step)
            session.flush()
            return _step_event(step)

    def record_signal_sent(
        self,
        meeting_id: int,
        cue_key: str,
        source: SignalSource,
        sent_at: datetime,
        message_id: str | None = None,
    ) -> int:
        with self._writing() as session:
            _get(session, Meeting, meeting_id)
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
            signal = _get(session, Signal, signal_id)
            if signal.shown_at is None:
                signal.shown_at = at

    def record_signal_acknowledged(self, signal_id: int, at: datetime) -> None:
        with self._writing() as session:
            signal = _get(session, Signal, signal_id)
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
            _get(session, Meeting, meeting_id)
            if unless_present:
                same = session.scalar(
                    select(StampedLine).where(
                        StampedLine.meeting_id == meeting_id,
                        StampedLine.text == text,
                        StampedLine.at == at,
                    )
                )
                if same is not None:
                    return _stamp_record(same)
            line = StampedLine(meeting_id=meeting_id, text=text, at=at, step_key=step_key)
            session.add(line)
            session.flush()
            index_text(session, meeting_id, KIND_STAMP, str(line.id), text)
            return _stamp_record(line)

    # -- notes ----------------------------------------------------------------------------

    def save_note(
        self,
        meeting_id: int,
        field: NoteField,
        text: str,
        at: datetime,
        *,
        only_if_newer: bool = False,
        index: bool = True,
    ) -> None:
        """Make ``text`` the field's current text; see REVISION_PAUSE for history.

        ``only_if_newer`` skips the save when the stored text was saved after ``at``
        (used when replaying a recovery file, which must never undo later typing).
        ``index=False`` leaves the search index as it was, for ``index_note`` to bring up
        to date later: re-indexing a long note costs far more than saving it.
        """
        field = NoteField(field)
        # The hottest path of the app (every pause in typing): statements built once, on
        # one connection, no ORM unit of work; building a statement costs more than running it.
        keys = {"meeting_id": meeting_id, "field": field.value}
        with translated_errors(self._location), self._write_engine.begin() as connection:
            current = connection.execute(_SELECT_NOTE, keys).first()
            if current is None:
                if not text:
                    return
                if connection.execute(_MEETING_EXISTS, keys).first() is None:
                    raise NotFound(f"no Meeting with id {meeting_id}")
                connection.execute(_INSERT_NOTE, {**keys, "text": text, "updated_at": at})
                new_burst = True
            else:
                if only_if_newer and current.updated_at >= at:
                    return
                # The stored text is read back only when it may be the same (same length):
                # a long note is not copied out of the database at every keystroke.
                if current.size == len(text) and (
                    connection.execute(_SELECT_NOTE_TEXT, keys).scalar_one() == text
                ):
                    return
                latest = connection.execute(_LATEST_REVISION, keys).first()
                new_burst = (
                    latest is None or latest.sealed or at - current.updated_at > REVISION_PAUSE
                )
                if latest is not None and not new_burst:
                    connection.execute(
                        _UPDATE_REVISION, {"revision_id": latest.id, "new_text": text, "new_at": at}
                    )
                connection.execute(
                    _UPDATE_NOTE, {"note_id": current.id, "new_text": text, "new_at": at}
                )
            if new_burst:
                connection.execute(
                    _INSERT_REVISION,
                    {**keys, "text": text, "started_at": at, "saved_at": at, "sealed": False},
                )
            if not index:
                return
            document = {"meeting_id": meeting_id, "kind": KIND_NOTE, "ref_key": field.value}
            updated = connection.execute(
                _UPDATE_DOCUMENT,
                {"of_meeting": meeting_id, "of_kind": KIND_NOTE, "of_ref_key": field.value}
                | {"new_body": text},
            )
            if updated.rowcount == 0:
                connection.execute(_INSERT_DOCUMENT, {**document, "body": text})

    def index_note(self, meeting_id: int, field: NoteField | None = None) -> None:
        """Bring the search index up to date with the stored text of one field (or all).

        Done inside the database: the text is not copied through Python, and a field whose
        index is already up to date is left alone.
        """
        fields = [NoteField(field).value] if field is not None else [f.value for f in NoteField]
        with translated_errors(self._location), self._write_engine.begin() as connection:
            for name in fields:
                keys = {"meeting_id": meeting_id, "field": name, "kind": KIND_NOTE}
                connection.execute(_SYNC_NOTE_DOCUMENT, keys)
                connection.execute(_ADD_NOTE_DOCUMENT, keys)

    def note_text(self, meeting_id: int, field: NoteField) -> str:
        with self._reading() as session:
            stored = session.scalar(
                select(Note.text).where(
                    Note.meeting_id == meeting_id, Note.field == NoteField(field).value
                )
            )
            return stored or ""

    def note_revisions(self, meeting_id: int, field: NoteField) -> list[NoteRevisionRecord]:
        """The history of one field, newest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(NoteRevision)
                .where(
                    NoteRevision.meeting_id == meeting_id,
                    NoteRevision.field == NoteField(field).value,
                )
                .order_by(NoteRevision.id.desc())
            )
            return [_revision_record(row) for row in rows]

    def restore_revision(self, revision_id: int, at: datetime) -> None:
        """Make an earlier text current again; the restore is itself a new revision."""
        with self._writing() as session:
            old = _get(session, NoteRevision, revision_id)
            meeting_id, field = old.meeting_id, NoteField(old.field)
            session.execute(
                update(NoteRevision)
                .where(
                    NoteRevision.meeting_id == meeting_id,
                    NoteRevision.field == field.value,
                    NoteRevision.sealed.is_(False),
                )
                .values(sealed=True)
            )
            _add_revision(session, meeting_id, field, old.text, at, sealed=True)
            note = session.scalar(
                select(Note).where(Note.meeting_id == meeting_id, Note.field == field.value)
            )
            if note is None:
                session.add(
                    Note(meeting_id=meeting_id, field=field.value, text=old.text, updated_at=at)
                )
            else:
                note.text = old.text
                note.updated_at = at
            index_text(session, meeting_id, KIND_NOTE, field.value, old.text)

    # -- action items and follow-up ---------------------------------------------------------

    def add_action_item(
        self, meeting_id: int, text: str, owner: str, due: date | None = None
    ) -> ActionItemRecord:
        with self._writing() as session:
            _get(session, Meeting, meeting_id)
            item = ActionItem(meeting_id=meeting_id, text=text, owner=owner, due=due, done=False)
            session.add(item)
            session.flush()
            index_text(session, meeting_id, KIND_ITEM, str(item.id), text)
            return _action_record(item)

    def update_action_item(
        self,
        item_id: int,
        *,
        text: str | None = None,
        owner: str | None = None,
        due: date | None = _UNSET,
        done: bool | None = None,
        done_at: datetime | None = None,
    ) -> ActionItemRecord:
        """Change the given parts; ``due=None`` clears the date, leaving it out keeps it.

        Ticking an item done records when (``done_at``, else now); unticking forgets it.
        """
        with self._writing() as session:
            item = _get(session, ActionItem, item_id)
            if text is not None:
                item.text = text
                index_text(session, item.meeting_id, KIND_ITEM, str(item.id), text)
            if owner is not None:
                item.owner = owner
            if due is not _UNSET:
                item.due = due
            if done is not None:
                if done and not item.done:
                    item.done_at = done_at or datetime.now(UTC)
                elif not done:
                    item.done_at = None
                item.done = done
            return _action_record(item)

    def delete_action_item(self, item_id: int) -> None:
        with self._writing() as session:
            item = _get(session, ActionItem, item_id)
            session.execute(
                delete(SearchDocument).where(
                    SearchDocument.meeting_id == item.meeting_id,
                    SearchDocument.kind == KIND_ITEM,
                    SearchDocument.ref_key == str(item_id),
                )
            )
            session.delete(item)

    def set_follow_up(self, meeting_id: int, follow_up: date | None) -> None:
        with self._writing() as session:
            _get(session, Meeting, meeting_id).follow_up = follow_up

    # -- reading --------------------------------------------------------------------------------

    def load_meeting(self, meeting_id: int) -> MeetingDetail:
        with self._reading() as session:
            meeting = _get(session, Meeting, meeting_id)
            notes = dict.fromkeys(NoteField, "")
            for note in session.scalars(select(Note).where(Note.meeting_id == meeting_id)):
                notes[NoteField(note.field)] = note.text
            stamps = tuple(_stamp_record(line) for line in meeting.stamped_lines)
            signals = tuple(_signal_record(signal) for signal in meeting.signals)
            events = [_step_event(step) for step in meeting.steps]
            events += [_signal_event(signal) for signal in signals]
            events += [_stamp_event(line) for line in stamps]
            order = {TimelineKind.STEP: 0, TimelineKind.SIGNAL: 1, TimelineKind.STAMP: 2}
            events.sort(key=lambda event: (event.at, order[event.kind], event.id))
            return MeetingDetail(
                meeting=_meeting_record(meeting),
                notes=notes,
                stamped_lines=stamps,
                signals=signals,
                timeline=tuple(events),
                action_items=tuple(_action_record(item) for item in meeting.action_items),
                follow_up=meeting.follow_up,
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
        query = _filtered(_summary_query(), client_id, since, until)
        query = query.order_by(Meeting.started_at.desc(), Meeting.id.desc())
        with self._reading() as session:
            rows = session.execute(query.limit(limit).offset(offset))
            return [_summary(row) for row in rows]

    def count_meetings(
        self,
        *,
        client_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        query = _filtered(select(func.count(Meeting.id)), client_id, since, until)
        with self._reading() as session:
            return int(session.scalar(query) or 0)

    def open_follow_ups(self, today: date | None = None) -> list[MeetingSummary]:
        """Meetings with a follow-up date set, oldest date first (so overdue ones lead).

        ``today`` is accepted so a caller can say which day it is; every set follow-up is
        open until the user clears it, whether it is overdue or still ahead.
        """
        query = (
            _summary_query()
            .where(Meeting.follow_up.is_not(None))
            .order_by(Meeting.follow_up.asc(), Meeting.started_at.asc())
        )
        with self._reading() as session:
            return [_summary(row) for row in session.execute(query)]

    def meeting_activity(self, meeting_ids: list[int]) -> dict[int, MeetingActivity]:
        """Action items and acknowledge times of many meetings in two queries (for the CSV)."""
        if not meeting_ids:
            return {}
        items: dict[int, list[ActionItemRecord]] = {i: [] for i in meeting_ids}
        acks: dict[int, list[float]] = {i: [] for i in meeting_ids}
        missed = dict.fromkeys(meeting_ids, 0)
        with self._reading() as session:
            for item in session.scalars(
                select(ActionItem)
                .where(ActionItem.meeting_id.in_(meeting_ids))
                .order_by(ActionItem.id)
            ):
                items[item.meeting_id].append(_action_record(item))
            for signal in session.scalars(
                select(Signal).where(Signal.meeting_id.in_(meeting_ids)).order_by(Signal.sent_at)
            ):
                if signal.acknowledged_at is None:
                    missed[signal.meeting_id] += 1
                else:
                    delay = (signal.acknowledged_at - signal.sent_at).total_seconds()
                    acks[signal.meeting_id].append(delay)
        return {
            meeting_id: MeetingActivity(
                meeting_id, tuple(items[meeting_id]), tuple(acks[meeting_id]), missed[meeting_id]
            )
            for meeting_id in meeting_ids
        }

    def due_action_items(self, today: date) -> list[tuple[ActionItemRecord, MeetingSummary]]:
        """Open action items due on or before ``today``, each with its meeting's list row."""
        with self._reading() as session:
            items = list(
                session.scalars(
                    select(ActionItem)
                    .where(
                        ActionItem.done.is_(False),
                        ActionItem.due.is_not(None),
                        ActionItem.due <= today,
                    )
                    .order_by(ActionItem.due, ActionItem.id)
                )
            )
            ids = sorted({item.meeting_id for item in items})
            meetings = (
                {
                    row[0]: _summary(row)
                    for row in session.execute(_summary_query().where(Meeting.id.in_(ids)))
                }
                if ids
                else {}
            )
            return [(_action_record(item), meetings[item.meeting_id]) for item in items]

    def find_client(self, name: str) -> ClientRecord | None:
        """The client of that name (case does not matter), or None for a new one."""
        key = name.strip().casefold()
        if not key:
            return None
        with self._reading() as session:
            client = session.scalar(select(Client).where(Client.name_key == key))
            return ClientRecord(client.id, client.name) if client else None

    def client_history(self, client_id: int) -> ClientHistory:
        """Every meeting with the client, oldest first, with commitments and action items."""
        with self._reading() as session:
            client = _get(session, Client, client_id)
            summaries = [
                _summary(row)
                for row in session.execute(
                    _summary_query()
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
                    items[item.meeting_id].append(_action_record(item))
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
        """Ranked hits over titles, client names, notes, stamped lines and action items.

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


# -- statements of the save_note hot path, built once ------------------------------------------

# Declarative classes type __table__ as any FromClause; these three are plain tables.
_notes = cast(Table, Note.__table__)
_revisions = cast(Table, NoteRevision.__table__)
_documents = cast(Table, SearchDocument.__table__)
_NOTE_KEY = (_notes.c.meeting_id == bindparam("meeting_id"), _notes.c.field == bindparam("field"))
_SELECT_NOTE = select(
    _notes.c.id, func.length(_notes.c.text).label("size"), _notes.c.updated_at
).where(*_NOTE_KEY)
_SELECT_NOTE_TEXT = select(_notes.c.text).where(*_NOTE_KEY)
# index_note: the note's search document takes the note's text, inside the database.
_NOTE_OF = (
    "FROM notes n WHERE n.meeting_id = CAST(:meeting_id AS INTEGER) "
    "AND n.field = CAST(:field AS VARCHAR)"
)
_DOCUMENT_OF = (
    "meeting_id = CAST(:meeting_id AS INTEGER) AND kind = CAST(:kind AS VARCHAR) "
    "AND ref_key = CAST(:field AS VARCHAR)"
)
_SYNC_NOTE_DOCUMENT = text(
    f"UPDATE search_documents SET body = (SELECT n.text {_NOTE_OF}) "
    f"WHERE {_DOCUMENT_OF} AND body <> (SELECT n.text {_NOTE_OF})"
)
_ADD_NOTE_DOCUMENT = text(
    "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
    f"SELECT n.meeting_id, CAST(:kind AS VARCHAR), n.field, n.text {_NOTE_OF} "
    f"AND NOT EXISTS (SELECT 1 FROM search_documents WHERE {_DOCUMENT_OF})"
)
_MEETING_EXISTS = select(Meeting.__table__.c.id).where(
    Meeting.__table__.c.id == bindparam("meeting_id")
)
_INSERT_NOTE = insert(_notes)
_LATEST_REVISION = (
    select(_revisions.c.id, _revisions.c.sealed)
    .where(
        _revisions.c.meeting_id == bindparam("meeting_id"),
        _revisions.c.field == bindparam("field"),
    )
    .order_by(_revisions.c.id.desc())
    .limit(1)
)
_UPDATE_REVISION = (
    update(_revisions)
    .where(_revisions.c.id == bindparam("revision_id"))
    .values(text=bindparam("new_text"), saved_at=bindparam("new_at", type_=UtcDateTime()))
)
_UPDATE_NOTE = (
    update(_notes)
    .where(_notes.c.id == bindparam("note_id"))
    .values(text=bindparam("new_text"), updated_at=bindparam("new_at", type_=UtcDateTime()))
)
_INSERT_REVISION = insert(_revisions)
_UPDATE_DOCUMENT = (
    update(_documents)
    .where(
        _documents.c.meeting_id == bindparam("of_meeting"),
        _documents.c.kind == bindparam("of_kind"),
        _documents.c.ref_key == bindparam("of_ref_key"),
    )
    .values(body=bindparam("new_body"))
)
_INSERT_DOCUMENT = insert(_documents)


# -- helpers ------------------------------------------------------------------------------------


def _get(session: Session, model: type[_Row], row_id: int) -> _Row:
    found = session.get(model, row_id)
    if found is None:
        raise NotFound(f"no {model.__name__} with id {row_id}")
    return found


def _add_revision(
    session: Session,
    meeting_id: int,
    field: NoteField,
    text: str,
    at: datetime,
    *,
    sealed: bool = False,
) -> None:
    session.add(
        NoteRevision(
            meeting_id=meeting_id,
            field=field.value,
            text=text,
            started_at=at,
            saved_at=at,
            sealed=sealed,
        )
    )


def _summary_query() -> Select[Any]:
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
    ).join(Client, Client.id == Meeting.client_id)


def _filtered(
    query: Select[Any], client_id: int | None, since: datetime | None, until: datetime | None
) -> Select[Any]:
    if client_id is not None:
        query = query.where(Meeting.client_id == client_id)
    if since is not None:
        query = query.where(Meeting.started_at >= since)
    if until is not None:
        query = query.where(Meeting.started_at < until)
    return query


def _summary(row: Any) -> MeetingSummary:
    return MeetingSummary(
        id=row[0],
        started_at=row[1],
        ended_at=row[2],
        client_name=row[3],
        title=row[4],
        playbook_id=row[5],
        signal_count=int(row[6]),
        follow_up=row[7],
    )


def _meeting_record(meeting: Meeting) -> MeetingRecord:
    return MeetingRecord(
        id=meeting.id,
        client_id=meeting.client_id,
        client_name=meeting.client.name,
        title=meeting.title,
        mode=MeetingMode(meeting.mode),
        playbook_id=meeting.playbook_id,
        playbook_version=meeting.playbook_version,
        partner_name=meeting.partner_name,
        cues=cues_from_json(meeting.cues_json),
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        follow_up=meeting.follow_up,
        uuid=meeting.uuid,
    )


def _step_event(step: StepEntered) -> TimelineEventRecord:
    return TimelineEventRecord(
        kind=TimelineKind.STEP,
        id=step.id,
        at=step.at,
        step_key=step.step_key,
        step_title=step.step_title,
    )


def _signal_record(signal: Signal) -> SignalRecord:
    return SignalRecord(
        id=signal.id,
        meeting_id=signal.meeting_id,
        cue_key=signal.cue_key,
        source=SignalSource(signal.source),
        message_id=signal.message_id,
        sent_at=signal.sent_at,
        shown_at=signal.shown_at,
        acknowledged_at=signal.acknowledged_at,
    )


def _signal_event(signal: SignalRecord) -> TimelineEventRecord:
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


def _stamp_record(line: StampedLine) -> StampedLineRecord:
    return StampedLineRecord(
        id=line.id, meeting_id=line.meeting_id, text=line.text, at=line.at, step_key=line.step_key
    )


def _stamp_event(line: StampedLineRecord) -> TimelineEventRecord:
    return TimelineEventRecord(
        kind=TimelineKind.STAMP, id=line.id, at=line.at, step_key=line.step_key, text=line.text
    )


def _revision_record(row: NoteRevision) -> NoteRevisionRecord:
    return NoteRevisionRecord(
        id=row.id,
        meeting_id=row.meeting_id,
        field=NoteField(row.field),
        text=row.text,
        started_at=row.started_at,
        saved_at=row.saved_at,
    )


def _action_record(item: ActionItem) -> ActionItemRecord:
    return ActionItemRecord(
        id=item.id,
        meeting_id=item.meeting_id,
        text=item.text,
        owner=item.owner,
        due=item.due,
        done=item.done,
        done_at=item.done_at,
    )
