"""Initial schema: clients, meetings, their timeline, notes with revisions, action items.

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

Moment = sa.DateTime(timezone=True)



def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clients"),
        sa.UniqueConstraint("name_key", name="uq_clients_name_key"),
    )
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("playbook_id", sa.String(64), nullable=False),
        sa.Column("playbook_version", sa.String(32), nullable=False),
        sa.Column("partner_name", sa.String(200), nullable=False),
        sa.Column("cues_json", sa.Text(), nullable=False),
        sa.Column("started_at", Moment, nullable=False),
        sa.Column("ended_at", Moment, nullable=True),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meetings"),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name="fk_meetings_client_id_clients"
        ),
    )
    op.create_index("ix_meetings_client_id", "meetings", ["client_id"])
    op.create_index("ix_meetings_started_at", "meetings", ["started_at"])
    op.create_index("ix_meetings_follow_up", "meetings", ["follow_up"])

    def meeting_owned(name: str, *columns: SchemaItem, index_meeting: bool = True) -> None:
        op.create_table(
            name,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("meeting_id", sa.Integer(), nullable=False),
            *columns,
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
            sa.ForeignKeyConstraint(
                ["meeting_id"],
                ["meetings.id"],
                ondelete="CASCADE",
                name=f"fk_{name}_meeting_id_meetings",
            ),
        )
        if index_meeting:
            op.create_index(f"ix_{name}_meeting_id", name, ["meeting_id"])

    meeting_owned(
        "steps_entered",
        sa.Column("step_key", sa.String(64), nullable=False),
        sa.Column("step_title", sa.String(300), nullable=False),
        sa.Column("at", Moment, nullable=False),
    )
    meeting_owned(
        "signals",
        sa.Column("cue_key", sa.String(64), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=True),
        sa.Column("sent_at", Moment, nullable=False),
        sa.Column("shown_at", Moment, nullable=True),
        sa.Column("acknowledged_at", Moment, nullable=True),
    )
    meeting_owned(
        "notes",
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
        sa.UniqueConstraint("meeting_id", "field", name="uq_notes_meeting_field"),
        index_meeting=False,
    )
    meeting_owned(
        "note_revisions",
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("started_at", Moment, nullable=False),
        sa.Column("saved_at", Moment, nullable=False),
        sa.Column("sealed", sa.Boolean(), nullable=False),
        index_meeting=False,
    )
    op.create_index(
        "ix_note_revisions_meeting_field", "note_revisions", ["meeting_id", "field", "id"]
    )
    meeting_owned(
        "stamped_lines",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", Moment, nullable=False),
        sa.Column("step_key", sa.String(64), nullable=True),
    )
    meeting_owned(
        "action_items",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
    )


def downgrade() -> None:
    for name in (
        "action_items",
        "stamped_lines",
        "note_revisions",
        "notes",
        "signals",
        "steps_entered",
        "meetings",
        "clients",
    ):
        op.drop_table(name)
