"""Full-text search: one searchable document per title, client name, note field and stamped line.

SQLite gets an external-content FTS5 index kept in step by triggers; PostgreSQL a
generated tsvector column with a GIN index. Existing meetings are indexed here.

Revision ID: 0002_search
Revises: 0001_initial
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

SQLITE_INDEX = [
    # remove_diacritics 2: "cafe" finds "café", as PostgreSQL's users would expect too.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "body, content='search_documents', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE OF body ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
]
POSTGRES_INDEX = [
    "ALTER TABLE search_documents ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
]
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
    for statement in SQLITE_INDEX if dialect == "sqlite" else POSTGRES_INDEX:
        op.execute(statement)
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_documents_ai", "search_documents_ad", "search_documents_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_documents")
