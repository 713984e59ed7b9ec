"""Prefix indexes for search as you type: the last word of a query is matched as a prefix.

Without them SQLite's FTS5 expands a short prefix into every term that starts with
it and merges all their lists, which takes seconds on a large store. PostgreSQL's
GIN index handles prefixes itself, so nothing changes there.

Revision ID: 0003_search_prefixes
Revises: 0002_search
Create Date: 2025-01-03
"""

from __future__ import annotations

from alembic import op

revision = "0003_search_prefixes"
down_revision = "0002_search"
branch_labels = None
depends_on = None

TRIGGERS = [
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE OF body ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
]


def _rebuild(prefix_option: str) -> None:
    for name in ("search_documents_ai", "search_documents_ad", "search_documents_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "body, content='search_documents', content_rowid='id', "
        f"tokenize='unicode61 remove_diacritics 2'{prefix_option})"
    )
    for statement in TRIGGERS:
        op.execute(statement)
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(", prefix='2 3 4 5 6'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild("")
