"""The meeting service's notes: typed text saved, its history, and its search index.

``save_note`` is the hottest path of the app (every pause in typing), so it runs
statements built once at import, on one connection, with no ORM unit of work. A pause
longer than ``REVISION_PAUSE`` starts a new revision: history gets one entry per burst of
typing. Part of ``MeetingService`` (``app.store.service``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from app.domain.meeting_terms import NoteField
from app.store.db import translated_errors
from app.store.errors import NotFound
from app.store.models import Meeting, Note, NoteRevision, SearchDocument, UtcDateTime
from app.store.records import NoteRevisionRecord
from app.store.row_records import get_row, revision_record
from app.store.search_queries import KIND_NOTE, index_text
from app.store.service_sessions import ServiceSessions

# A pause longer than this starts a new revision: history gets one entry per burst of typing.
REVISION_PAUSE = timedelta(seconds=30)


class NoteCalls(ServiceSessions):
    """Saving, indexing, reading and restoring the text of a meeting's note fields."""

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
        fields = [NoteField(field)] if field is not None else list(NoteField)
        with self._write_connection() as connection:
            index_notes(connection, meeting_id, fields)

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
            return [revision_record(row) for row in rows]

    def restore_revision(self, revision_id: int, at: datetime) -> None:
        """Make an earlier text current again; the restore is itself a new revision."""
        with self._writing() as session:
            old = get_row(session, NoteRevision, revision_id)
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


def index_notes(connection: Connection, meeting_id: int, fields: Iterable[NoteField]) -> None:
    """Bring the search index up to date with the stored text of the fields.

    Done inside the database: the text is not copied through Python, and a field whose
    index is already up to date is left alone.
    """
    for field in fields:
        keys = {"meeting_id": meeting_id, "field": field.value, "kind": KIND_NOTE}
        connection.execute(_SYNC_NOTE_DOCUMENT, keys)
        connection.execute(_ADD_NOTE_DOCUMENT, keys)


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
