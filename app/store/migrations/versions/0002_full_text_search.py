"""Full-text search: one searchable document per title, client name, note field and stamped line.

SQLite gets an external-content FTS5 index kept in step by triggers; PostgreSQL a
generated tsvector column with a GIN index. Existing meetings are indexed here.
The index's statements are in ``app.store.search_schema``, which a new database,
created without Alembic, runs too.

Revision ID: 0002_search
Revises: 0001_initial
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store import search_schema

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

BACKFILL = [
    "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
    "SELECT id, 'title', '', title FROM meetings",
    "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
    "SELECT m.id, 'client', '', c.name FROM meetings m JOIN clients c ON c.id = m.client_id",
    "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
    "SELECT meeting_id, 'note', field, text FROM notes",
    "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
    "SELECT meeting_id, 'stamp', CAST(id AS VARCHAR(64)), text FROM stamped_lines",
]


def upgrade() -> None:
    op.create_table(
        "search_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref_key", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_search_documents"),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            ondelete="CASCADE",
            name="fk_search_documents_meeting_id_meetings",
        ),
        sa.UniqueConstraint("meeting_id", "kind", "ref_key", name="uq_search_documents_ref"),
    )
    dialect = op.get_bind().dialect.name
    index = search_schema.sqlite_index() if dialect == "sqlite" else search_schema.POSTGRES_INDEX
    for statement in index:
        op.execute(statement)
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in search_schema.sqlite_drop_index():
            op.execute(statement)
    op.drop_table("search_documents")
