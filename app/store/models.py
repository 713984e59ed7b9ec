"""The meeting store's tables, as SQLAlchemy 2 typed ORM classes.

These classes are the store's private shape of the data: the service layer turns
them into the frozen records of ``app.store.records`` before anything leaves the
package. The schema is changed only by the Alembic revisions in
``app/store/migrations``; a new, empty database is created from these classes and
stamped at the head (``app.store.migrate.create_at_head``), and a test checks that
this gives exactly the schema the revisions build.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated
from uuid import uuid4

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column, relationship

from app.store import viewer

# Stable constraint names: Alembic needs them to alter tables on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time that always comes back timezone-aware in UTC.

    SQLite has no time zones, so the value is stored as naive UTC there; PostgreSQL
    keeps ``timestamptz``. Naive datetimes are refused: they are a bug waiting to
    shift someone's notes by hours.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the store needs timezone-aware times")
        in_utc = value.astimezone(UTC)
        return in_utc.replace(tzinfo=None) if dialect.name == "sqlite" else in_utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# The database role a row belongs to. PostgreSQL fills in the role that wrote the row
# (``DEFAULT current_user``, set by ``app.store.privacy_schema``) and its row-level
# security lets each role see its own rows and what was shared with it; SQLite has one
# person and leaves it empty. Not "owner": an action item's owner is a person's name.
OwnerRole = Annotated[str, mapped_column(String(63), server_default="")]

# The meeting a row of a meeting's timeline or action items belongs to: found by it
# (indexed), and deleted with it.
IndexedMeetingId = Annotated[
    int, mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Client(Base):
    __tablename__ = "clients"
    # One client of a name per person: two colleagues may both meet "ACME" (revision 0006).
    __table_args__ = (UniqueConstraint("owner_role", "name_key", name="uq_clients_owner_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lower-cased name: finds "ACME" and "Acme" as one client on both backends.
    name_key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    owner_role: Mapped[OwnerRole]

    meetings: Mapped[list[Meeting]] = relationship(back_populates="client")


class Meeting(Base):
    __tablename__ = "meetings"
    # AUTOINCREMENT: SQLite never gives a deleted meeting's id to another (revision 0005).
    __table_args__ = (Index("ix_meetings_started_at", "started_at"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    mode: Mapped[str] = mapped_column(String(20))
    playbook_id: Mapped[str] = mapped_column(String(64))
    playbook_version: Mapped[str] = mapped_column(String(32))
    partner_name: Mapped[str] = mapped_column(String(200))
    # The agreed cues, as a JSON list of {key, label, words, style}: read only as a whole.
    cues_json: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    follow_up: Mapped[date | None] = mapped_column(Date, index=True)
    # Names the meeting outside Poise (calendar UIDs): unique, and never another's.
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=lambda: uuid4().hex)
    owner_role: Mapped[str] = mapped_column(String(63), server_default="")
    # The brief given to the partner (app.store.brief_column), NULL when none was (0007).
    partner_brief_json: Mapped[str | None] = mapped_column(Text)
    # Read, never stored: the colleague who shared this meeting, '' for one's own.
    shared_by: Mapped[str] = column_property(viewer.shared_by(owner_role))

    client: Mapped[Client] = relationship(back_populates="meetings")
    steps: Mapped[list[StepEntered]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="StepEntered.at"
    )
    signals: Mapped[list[Signal]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Signal.sent_at"
    )
    notes: Mapped[list[Note]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    stamped_lines: Mapped[list[StampedLine]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="StampedLine.at"
    )
    action_items: Mapped[list[ActionItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ActionItem.id"
    )
    partner_observations: Mapped[list[PartnerObservation]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="[PartnerObservation.at, PartnerObservation.id]",
    )
    partner_debrief: Mapped[list[PartnerDebriefAnswer]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="[PartnerDebriefAnswer.at, PartnerDebriefAnswer.id]",
    )


class StepEntered(Base):
    __tablename__ = "steps_entered"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[IndexedMeetingId]
    step_key: Mapped[str] = mapped_column(String(64))
    step_title: Mapped[str] = mapped_column(String(300))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    owner_role: Mapped[OwnerRole]


class Signal(Base):
    __tablename__ = "signals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[IndexedMeetingId]
    cue_key: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(20))
    # The partner link's id for the message, so a repeated delivery is recognised.
    message_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    shown_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    owner_role: Mapped[OwnerRole]


class Note(Base):
    """The current text of one named note field of a meeting."""

    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("meeting_id", "field", name="uq_notes_meeting_field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    owner_role: Mapped[OwnerRole]


class NoteRevision(Base):
    """One burst of typing in a note field; the history a user can restore from."""

    __tablename__ = "note_revisions"
    __table_args__ = (Index("ix_note_revisions_meeting_field", "meeting_id", "field", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A sealed revision is never updated again: the next edit starts a new one.
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_role: Mapped[OwnerRole]


class StampedLine(Base):
    __tablename__ = "stamped_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[IndexedMeetingId]
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    step_key: Mapped[str | None] = mapped_column(String(64))
    owner_role: Mapped[OwnerRole]


class ActionItem(Base):
    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[IndexedMeetingId]
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    owner_role: Mapped[OwnerRole]


class PartnerObservation(Base):
    """One thing the partner saw during the meeting, stamped by Poise when it arrived (0007).

    ``kind`` is a one-tap ``QuickObservation`` value or NULL for words alone; the partner's
    message id is kept once per meeting, so a resent observation is one row.
    """

    __tablename__ = "partner_observations"
    __table_args__ = (
        UniqueConstraint("meeting_id", "message_id", name="uq_partner_observations_message"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[IndexedMeetingId]
    message_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    step_key: Mapped[str] = mapped_column(String(64))
    step_title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(32))
    words: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[OwnerRole]


class PartnerDebriefAnswer(Base):
    """The partner's answer to one debrief question, after the meeting (0007)."""

    __tablename__ = "partner_debrief_answers"
    __table_args__ = (
        UniqueConstraint("meeting_id", "message_id", name="uq_partner_debrief_answers_message"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[IndexedMeetingId]
    message_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[OwnerRole]


class SearchDocument(Base):
    """One searchable text (a title, a client name, a note field, a stamped line).

    The service keeps these rows in step with the data in the same transaction. The
    full-text index over ``body`` is backend-specific (``app.store.search_schema``):
    an external-content FTS5 table on SQLite, a generated ``tsvector`` column with a
    GIN index on PostgreSQL.
    """

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("meeting_id", "kind", "ref_key", name="uq_search_documents_ref"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    ref_key: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[OwnerRole]


class Share(Base):
    """One meeting, or one client's whole history, that its owner lets another role read.

    ``with_role`` names a colleague's login role or the team's group role; PostgreSQL's
    policies (``app.store.privacy_schema``) give it read-only access at once, and deleting
    the row takes that away at once. Unused on SQLite, where there is no one to share with.
    """

    __tablename__ = "shares"
    __table_args__ = (
        CheckConstraint("(meeting_id IS NULL) <> (client_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    with_role: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    owner_role: Mapped[OwnerRole]
