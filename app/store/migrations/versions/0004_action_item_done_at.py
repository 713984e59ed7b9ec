"""When each action item was ticked done, so the client page can say "done on ...".

Items already done keep an empty time: when they were ticked was never recorded.

Revision ID: 0004_action_item_done_at
Revises: 0003_search_prefixes
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.models import UtcDateTime

revision = "0004_action_item_done_at"
down_revision = "0003_search_prefixes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action_items") as batch:
        batch.add_column(sa.Column("done_at", UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("action_items") as batch:
        batch.drop_column("done_at")
