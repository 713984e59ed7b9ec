"""Per-person privacy on PostgreSQL, enforced by PostgreSQL: the SQL, written once.

Every table that holds a person's content has an ``owner_role`` column (``app.store.models``).
On PostgreSQL it defaults to ``current_user``, so each row belongs to the database role
that wrote it, and row-level security lets a role see and change only its own rows, plus
read (never write) what another role shared with it in ``shares``. ``FORCE`` applies the
policies to the tables' owner too: the app may even run as that role (one person on
PostgreSQL, as before revision 0006) and sees just its own rows, which are all of them.

A row of a meeting can only belong to the meeting's owner: composite foreign keys
(``meeting_id, owner_role`` to ``meetings (id, owner_role)``, ``client_id, owner_role`` to
``clients``) refuse a note slipped into a colleague's meeting, and a share of a meeting
or client its author does not own. Foreign-key checks and cascades run without row
security, so deleting one's meeting still deletes its rows.

Revision 0006 runs these statements (``rows_have_owners``) and a new database runs them too
(``at_head``), as ``app.store.search_schema`` does for the search index: a later change gets
statements of its own here, never an edit of these. Revision 0007 added the partner's
observations and debrief (``PARTNER_ROWS``), rows of a meeting like its notes, with the same
owner, constraint and policies (``partner_rows``). SQLite keeps one person and none of this.
"""

from __future__ import annotations

CLIENTS = "clients"
MEETINGS = "meetings"
SHARES = "shares"
# The rows of a meeting: each belongs to its meeting's owner.
MEETING_ROWS = (
    "steps_entered",
    "signals",
    "notes",
    "note_revisions",
    "stamped_lines",
    "action_items",
    "search_documents",
)
OWNED_TABLES = (CLIENTS, MEETINGS, *MEETING_ROWS, SHARES)
OWNER_COLUMN = "owner_role"
# Revision 0007: what the partner saw during a meeting and said after it.
PARTNER_ROWS = ("partner_observations", "partner_debrief_answers")
# Every table of a person's content at the newest revision (whom ``poise team setup`` grants).
OWNED_AT_HEAD = (*OWNED_TABLES, *PARTNER_ROWS)


# A share reaches the role it names, and every member of that role (the team's group).
def _received(with_role: str) -> str:
    # Through pg_roles, so a share naming a role dropped since is simply nobody's.
    return (
        f"{with_role} IN (SELECT rolname FROM pg_roles "
        "WHERE pg_has_role(current_user, oid, 'MEMBER'))"
    )


_OWN = f"{OWNER_COLUMN} = current_user"

# Constraints only PostgreSQL has: tests/store/test_migrations.py leaves them out of the
# comparison with the models, which SQLite shares.
POSTGRES_ONLY_CONSTRAINTS = frozenset(
    {
        "uq_clients_id_owner",
        "uq_meetings_id_owner",
        "fk_meetings_client_owner",
        "fk_shares_meeting_owner",
        "fk_shares_client_owner",
        *(f"fk_{table}_meeting_owner" for table in (*MEETING_ROWS, *PARTNER_ROWS)),
    }
)


def owner_default() -> list[str]:
    """Rows written from now on belong to the role that writes them."""
    return [
        f"ALTER TABLE {table} ALTER COLUMN {OWNER_COLUMN} SET DEFAULT current_user"
        for table in OWNED_TABLES
    ]


def owner_constraints() -> list[str]:
    """A meeting's rows and a share belong to the owner of what they are about."""
    statements = [
        f"ALTER TABLE {CLIENTS} ADD CONSTRAINT uq_clients_id_owner UNIQUE (id, {OWNER_COLUMN})",
        f"ALTER TABLE {MEETINGS} ADD CONSTRAINT uq_meetings_id_owner UNIQUE (id, {OWNER_COLUMN})",
        f"ALTER TABLE {MEETINGS} ADD CONSTRAINT fk_meetings_client_owner FOREIGN KEY "
        f"(client_id, {OWNER_COLUMN}) REFERENCES {CLIENTS} (id, {OWNER_COLUMN})",
    ]
    for table in (*MEETING_ROWS, SHARES):
        statements.append(
            f"ALTER TABLE {table} ADD CONSTRAINT fk_{table}_meeting_owner FOREIGN KEY "
            f"(meeting_id, {OWNER_COLUMN}) REFERENCES {MEETINGS} (id, {OWNER_COLUMN}) "
            "ON DELETE CASCADE"
        )
    statements.append(
        f"ALTER TABLE {SHARES} ADD CONSTRAINT fk_shares_client_owner FOREIGN KEY "
        f"(client_id, {OWNER_COLUMN}) REFERENCES {CLIENTS} (id, {OWNER_COLUMN}) "
        "ON DELETE CASCADE"
    )
    return statements


def row_security() -> list[str]:
    """The policies: one's own rows in full, shared rows to read."""
    statements: list[str] = []
    for table in OWNED_TABLES:
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY poise_own_rows ON {table} USING ({_OWN}) WITH CHECK ({_OWN})",
        ]
    # Each shared-read test is an uncorrelated IN (SELECT ...): PostgreSQL computes the set
    # once per statement and hashes it, instead of a subquery per row. Row security has to
    # be checked on every row before a search's tsvector match (that operator is not
    # leakproof), so a per-row subquery made searching 15 times slower (measured).
    received = _received("s.with_role")
    shared_meeting = (
        f"{MEETINGS}.id IN (SELECT s.meeting_id FROM {SHARES} s "
        f"WHERE s.meeting_id IS NOT NULL AND {received}) "
        f"OR {MEETINGS}.client_id IN (SELECT s.client_id FROM {SHARES} s "
        f"WHERE s.client_id IS NOT NULL AND {received})"
    )
    statements += [
        # A share is seen by its author and by the roles it reaches (to read what it opens).
        f"CREATE POLICY poise_received ON {SHARES} AS PERMISSIVE FOR SELECT "
        f"USING ({_received(SHARES + '.with_role')})",
        f"CREATE POLICY poise_shared_read ON {MEETINGS} AS PERMISSIVE FOR SELECT "
        f"USING ({shared_meeting})",
        # A client is seen with any meeting of it one may see (row security applies inside).
        f"CREATE POLICY poise_shared_read ON {CLIENTS} AS PERMISSIVE FOR SELECT "
        f"USING ({CLIENTS}.id IN (SELECT m.client_id FROM {MEETINGS} m))",
    ]
    for table in MEETING_ROWS:
        statements.append(
            f"CREATE POLICY poise_shared_read ON {table} AS PERMISSIVE FOR SELECT "
            f"USING ({table}.meeting_id IN (SELECT m.id FROM {MEETINGS} m))"
        )
    return statements


def rows_have_owners() -> list[str]:
    """What revision 0006 leaves on PostgreSQL."""
    return [*owner_default(), *owner_constraints(), *row_security()]


def partner_rows() -> list[str]:
    """Revision 0007: the partner's observations and debrief belong to the meeting's owner,
    seen by that role alone, and read by whom the meeting was shared with, like its notes."""
    statements: list[str] = []
    for table in PARTNER_ROWS:
        statements += [
            f"ALTER TABLE {table} ALTER COLUMN {OWNER_COLUMN} SET DEFAULT current_user",
            f"ALTER TABLE {table} ADD CONSTRAINT fk_{table}_meeting_owner FOREIGN KEY "
            f"(meeting_id, {OWNER_COLUMN}) REFERENCES {MEETINGS} (id, {OWNER_COLUMN}) "
            "ON DELETE CASCADE",
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY poise_own_rows ON {table} USING ({_OWN}) WITH CHECK ({_OWN})",
            f"CREATE POLICY poise_shared_read ON {table} AS PERMISSIVE FOR SELECT "
            f"USING ({table}.meeting_id IN (SELECT m.id FROM {MEETINGS} m))",
        ]
    return statements


def at_head() -> list[str]:
    """What the revisions leave on PostgreSQL, for tables created from the models."""
    return [*rows_have_owners(), *partner_rows()]
