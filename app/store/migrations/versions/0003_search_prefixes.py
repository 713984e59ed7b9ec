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

from app.store import search_schema

revision = "0003_search_prefixes"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def _rebuild(prefixes: str | None) -> None:
    for statement in [*search_schema.sqlite_drop_index(), *search_schema.sqlite_index(prefixes)]:
        op.execute(statement)
    op.execute(search_schema.SQLITE_REBUILD)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(search_schema.SQLITE_PREFIXES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(None)
