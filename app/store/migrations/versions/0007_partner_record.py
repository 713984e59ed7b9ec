"""The partner's record of a meeting: what they saw during it, what they said after it.

Two tables of a meeting's rows, like its stamped lines: ``partner_observations`` (one a
message of the partner's, kept once per message id, stamped with the time and the step
the meeting was on) and ``partner_debrief_answers`` (one per answer to a debrief
question). ``meetings.partner_brief_json`` keeps the brief the user gave the partner
(NULL for every meeting before this revision, which had none). On PostgreSQL the rows
belong to the meeting's owner, with the same row security as the notes
(``app.store.privacy_schema.partner_rows``); the search index takes their words as new
kinds of document, so its own statements do not change.

Revision ID: 0007_partner_record
Revises: 0006_rows_have_owners
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store import privacy_schema
from app.store.models import UtcDateTime

revision = "0007_partner_record"
down_revision = "0006_rows_have_owners"
branch_labels = None
depends_on = None

OBSERVATIONS, DEBRIEF = privacy_schema.PARTNER_ROWS
OWNER = privacy_schema.OWNER_COLUMN


def _meeting_row(table: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        *columns,
        sa.Column(OWNER, sa.String(63), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            ondelete="CASCADE",
            name=f"fk_{table}_meeting_id_meetings",
        ),
        sa.UniqueConstraint("meeting_id", "message_id", name=f"uq_{table}_message"),
    )
    op.create_index(f"ix_{table}_meeting_id", table, ["meeting_id"])


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.add_column(privacy_schema.MEETINGS, sa.Column("partner_brief_json", sa.Text()))
    _meeting_row(
        OBSERVATIONS,
        sa.Column("step_key", sa.String(64), nullable=False),
        sa.Column("step_title", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(32), nullable=True),
        sa.Column("words", sa.Text(), nullable=False),
    )
    _meeting_row(
        DEBRIEF,
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
    )
    if postgres:
        # Owned like the other tables (by the role that ran Poise), whoever runs this revision.
        owner = bind.scalar(
            sa.text(
                "SELECT tableowner FROM pg_tables "
                "WHERE schemaname = current_schema() AND tablename = 'meetings'"
            )
        )
        for table in privacy_schema.PARTNER_ROWS:
            op.execute(f'ALTER TABLE {table} OWNER TO "{owner}"')
        for statement in privacy_schema.partner_rows():
            op.execute(statement)


def downgrade() -> None:
    # The partner's words leave the search index with the rows that held them.
    op.execute("DELETE FROM search_documents WHERE kind IN ('observation', 'debrief')")
    for table in reversed(privacy_schema.PARTNER_ROWS):
        op.drop_table(table)
    # Natively, on SQLite too: a rebuilt meetings table would need its AUTOINCREMENT rebuilt.
    op.execute(f"ALTER TABLE {privacy_schema.MEETINGS} DROP COLUMN partner_brief_json")
