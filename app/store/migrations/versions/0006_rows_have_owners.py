"""Every row belongs to a database role; on PostgreSQL each role sees only its own and what was shared.

A team shares one PostgreSQL, each person connecting as their own role. Every table that
holds a person's content gets ``owner_role``; the rows already there belong to the role
that ran Poise so far, which is the role that created the tables (their owner), and new
rows to the role that writes them. ``shares`` lets a person open one meeting or one
client's history to a colleague or to the team, read-only. The policies and the
composite foreign keys that keep a meeting's rows with its owner are in
``app.store.privacy_schema``. Client names become unique per person, not across the
team. SQLite keeps one person: the column is there and empty, and nothing else changes.

Revision ID: 0006_rows_have_owners
Revises: 0005_meeting_ids_never_reused
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store import privacy_schema
from app.store.models import UtcDateTime

revision = "0006_rows_have_owners"
down_revision = "0005_meeting_ids_never_reused"
branch_labels = None
depends_on = None

OWNER = privacy_schema.OWNER_COLUMN


def _owner_column(default: str) -> sa.Column[str]:
    return sa.Column(OWNER, sa.String(63), nullable=False, server_default=default)


def _role_that_ran_poise(bind: sa.Connection) -> str:
    """The owner of the tables: Poise created them as the role it ran as."""
    owner = bind.scalar(
        sa.text(
            "SELECT tableowner FROM pg_tables "
            "WHERE schemaname = current_schema() AND tablename = 'meetings'"
        )
    )
    return str(owner) if owner is not None else str(bind.scalar(sa.text("SELECT current_user")))


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    existing = _role_that_ran_poise(bind) if postgres else ""
    with op.batch_alter_table(privacy_schema.CLIENTS) as batch:
        batch.add_column(_owner_column(existing))
        batch.drop_constraint("uq_clients_name_key", type_="unique")
        batch.create_unique_constraint("uq_clients_owner_name", [OWNER, "name_key"])
    for table in (privacy_schema.MEETINGS, *privacy_schema.MEETING_ROWS):
        op.add_column(table, _owner_column(existing))
    op.create_table(
        privacy_schema.SHARES,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("with_role", sa.String(63), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _owner_column(""),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            ondelete="CASCADE",
            name="fk_shares_meeting_id_meetings",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            ondelete="CASCADE",
            name="fk_shares_client_id_clients",
        ),
        sa.CheckConstraint("(meeting_id IS NULL) <> (client_id IS NULL)", name="one_subject"),
    )
    op.create_index("ix_shares_meeting_id", privacy_schema.SHARES, ["meeting_id"])
    op.create_index("ix_shares_client_id", privacy_schema.SHARES, ["client_id"])
    if postgres:
        # Beside the other tables, with their owner: the role that ran Poise keeps every right
        # it had, when an administrator runs this revision (``poise team setup``).
        op.execute(f'ALTER TABLE {privacy_schema.SHARES} OWNER TO "{existing}"')
        for statement in privacy_schema.rows_have_owners():
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    if postgres:
        for table in privacy_schema.OWNED_TABLES:
            op.execute(f"DROP POLICY IF EXISTS poise_own_rows ON {table}")
            op.execute(f"DROP POLICY IF EXISTS poise_shared_read ON {table}")
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"DROP POLICY IF EXISTS poise_received ON {privacy_schema.SHARES}")
    op.drop_table(privacy_schema.SHARES)
    for table in (*privacy_schema.MEETING_ROWS, privacy_schema.MEETINGS):
        if postgres:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {OWNER} CASCADE")
        else:
            # Natively: a rebuilt search_documents would lose the search index's triggers.
            op.execute(f"ALTER TABLE {table} DROP COLUMN {OWNER}")
    if postgres:
        op.execute("ALTER TABLE clients DROP CONSTRAINT uq_clients_id_owner CASCADE")
    with op.batch_alter_table(privacy_schema.CLIENTS) as batch:
        batch.drop_constraint("uq_clients_owner_name", type_="unique")
        batch.drop_column(OWNER)
        batch.create_unique_constraint("uq_clients_name_key", ["name_key"])
