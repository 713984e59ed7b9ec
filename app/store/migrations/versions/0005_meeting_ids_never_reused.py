"""Meeting ids are never used twice, every meeting has a uuid, action items are searchable.

SQLite gave a deleted meeting's id to the next one (``INTEGER PRIMARY KEY`` without
AUTOINCREMENT takes the largest id plus one): a summary window left open on a deleted
meeting then opened the new one, and a calendar file named by id could replace the
deleted meeting's events with the new one's. SQLite's table is rebuilt with
AUTOINCREMENT (its ``sqlite_sequence`` remembers the largest id ever given; the rebuild
keeps every id, so the search documents and their full-text index need no change).
PostgreSQL's sequences never hand an id out twice already. ``uuid`` names the meeting
in what leaves Poise (the calendar's UIDs); meetings already there get one here. Action
items join the search documents (kind ``item``), those already there too.

Revision ID: 0005_meeting_ids_never_reused
Revises: 0004_action_item_done_at
Create Date: 2026-12-06
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005_meeting_ids_never_reused"
down_revision = "0004_action_item_done_at"
branch_labels = None
depends_on = None


# Action items become searchable: their text joins the search documents (the triggers,
# or PostgreSQL's generated column, index it).
ITEMS_BACKFILL = (
    "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
    "SELECT meeting_id, 'item', CAST(id AS VARCHAR(64)), text FROM action_items"
)


def upgrade() -> None:
    bind = op.get_bind()
    op.execute(ITEMS_BACKFILL)
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("uuid", sa.String(32), nullable=True))
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM meetings"))]
    for meeting_id in ids:
        bind.execute(
            sa.text("UPDATE meetings SET uuid = :uuid WHERE id = :id"),
            {"uuid": uuid.uuid4().hex, "id": meeting_id},
        )
    if bind.dialect.name != "sqlite":
        op.alter_column("meetings", "uuid", existing_type=sa.String(32), nullable=False)
        op.create_unique_constraint("uq_meetings_uuid", "meetings", ["uuid"])
        _sequence_past_every_id(bind)
        return
    # "recreate" rebuilds the table (foreign keys are off meanwhile: see
    # app.store.migrate.upgrade_to), which is SQLite's only way to give it AUTOINCREMENT.
    with op.batch_alter_table(
        "meetings", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.alter_column("uuid", existing_type=sa.String(32), nullable=False)
        batch.create_unique_constraint("uq_meetings_uuid", ["uuid"])


def _sequence_past_every_id(bind: sa.Connection) -> None:
    """A sequence behind the ids (rows copied in with their ids) would hand one out again."""
    sequence = bind.scalar(sa.text("SELECT pg_get_serial_sequence('meetings', 'id')"))
    if sequence is None:
        return
    largest = bind.scalar(sa.text("SELECT MAX(id) FROM meetings"))
    last, called = bind.execute(sa.text(f"SELECT last_value, is_called FROM {sequence}")).one()
    next_id = last + 1 if called else last
    if largest is not None and largest >= next_id:
        bind.execute(sa.text("SELECT setval(:sequence, :id)"), {"sequence": sequence, "id": largest})


def downgrade() -> None:
    op.execute("DELETE FROM search_documents WHERE kind = 'item'")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("uq_meetings_uuid", "meetings", type_="unique")
        op.drop_column("meetings", "uuid")
        return
    with op.batch_alter_table(
        "meetings", recreate="always", table_kwargs={"sqlite_autoincrement": False}
    ) as batch:
        batch.drop_constraint("uq_meetings_uuid", type_="unique")
        batch.drop_column("uuid")
