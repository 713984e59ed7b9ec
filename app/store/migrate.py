"""Brings the database to the schema of this Poise: creates it, upgrades it, or refuses it.

``upgrade_to_head`` is what ``open_store`` calls. It reads the revision stamped in the
database with plain SQL and compares it with ``HEAD_REVISION``; what follows depends on
what it finds:

- the head: nothing to do (most starts).
- nothing stamped and no table at all (a first start): ``create_at_head`` follows the
  recipe of Alembic's cookbook, "Building an Up to Date Database from Scratch" (create
  the tables from the metadata, then stamp the head), without importing Alembic. The
  tables come from ``app.store.models``, the full-text index from
  ``app.store.search_schema`` (the statements the revisions run), and the stamp is the
  ``alembic_version`` table and row Alembic would write, so a later Poise upgrades the
  database with its new revisions like any other. tests/store/test_migrations.py checks
  that the result is the schema the revisions build.
- anything else (an older revision, or tables without a stamp): an older SQLite file
  is copied aside, then the revisions shipped in ``app/store/migrations`` run through
  Alembic, without an alembic.ini; a revision unknown here (a newer Poise's) is refused.

Alembic (with Mako and every SQL dialect it knows) takes ~0.3 s to import and 12-17 MB
that stay resident for the life of the process, so it is imported only on that last path.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from app import __version__
from app.store import privacy_schema, search_schema
from app.store.db import WRITE_OPTION, Location, translated_errors
from app.store.errors import DatabaseTooNew
from app.translation import translate

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. A new revision must change it too:
# tests/store/test_migrations.py checks it against Alembic's own head. A new database is
# stamped with it, so a stale value would make the next start replay a revision whose
# changes the models already hold.
HEAD_REVISION = "0007_partner_record"
VERSION_TABLE = "alembic_version"
# Alembic's version table exactly as Alembic creates it (MigrationContext's default
# version_table_pk and 32 characters), so that Alembic finds the stamp where it looks.
VERSION_TABLE_DDL = (
    f"CREATE TABLE {VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
    f"CONSTRAINT {VERSION_TABLE}_pkc PRIMARY KEY (version_num))"
)


@dataclass(frozen=True, slots=True)
class UpgradeOutcome:
    from_revision: str | None
    to_revision: str
    backup_file: Path | None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision according to Alembic (reads every migration file)."""
    head = script_directory().get_current_head()
    assert head is not None
    return head


def revisions_oldest_first() -> list[str]:
    return [script.revision for script in reversed(list(script_directory().walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database (None: no schema yet), read without Alembic."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    if len(rows) > 1:
        # Several heads: not something Poise writes; let Alembic judge (and name) it.
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0][0] if rows else None


def upgrade_to_head(engine: Engine, location: Location) -> UpgradeOutcome:
    """Bring the schema to this Poise's head revision, or refuse a newer one."""
    with translated_errors(location), engine.connect() as connection:
        found = current_revision(connection)
    if found == HEAD_REVISION:
        return UpgradeOutcome(found, found, None)
    if found is None and create_at_head(engine, location):
        return UpgradeOutcome(None, HEAD_REVISION, None)
    head = head_revision()
    if found == head:
        return UpgradeOutcome(found, head, None)
    if found is not None and found not in revisions_oldest_first():
        raise DatabaseTooNew(
            translate(
                "StoreErrors",
                "{name} was written by a newer version of Poise (schema {schema}) "
                "than this one ({version}). Poise has not changed it. Install the newer "
                "Poise, or start this one with another folder (--data-dir).",
            ).format(name=location.display, schema=found, version=__version__),
            location=location.display,
        )
    backup = None
    if found is not None and location.sqlite_file is not None:
        with translated_errors(location):
            backup = backup_sqlite_file(location.sqlite_file, found)
    upgrade_to(engine, location, head)
    return UpgradeOutcome(found, head, backup)


def create_at_head(engine: Engine, location: Location) -> bool:
    """Give a database without any table the schema of ``HEAD_REVISION``, stamped, in one go.

    Returns False, having changed nothing, when the database holds a table or a view:
    that is for the revisions to judge. Tables come from the models, the full-text index
    from ``search_schema``; one transaction, so a failure leaves the database empty.
    """
    with (
        translated_errors(location),
        engine.execution_options(**{WRITE_OPTION: True}).begin() as connection,
    ):
        # Looked at again inside the transaction (on SQLite under the write lock, taken at
        # BEGIN): a second Poise may have created the schema since the revision was read.
        found = inspect(connection)
        if found.get_table_names() or found.get_view_names():
            return False
        # Imported here: imported at the top, ahead of the service's imports, the models
        # leave ~0.6 MB more resident at every start (allocator high-water, measured).
        from app.store.models import Base

        Base.metadata.create_all(connection, checkfirst=False)
        for statement in search_schema.at_head(connection.dialect.name):
            connection.execute(text(statement))
        if connection.dialect.name == "postgresql":
            for statement in privacy_schema.at_head():
                connection.execute(text(statement))
        connection.execute(text(VERSION_TABLE_DDL))
        connection.execute(
            text(f"INSERT INTO {VERSION_TABLE} (version_num) VALUES (:revision)"),
            {"revision": HEAD_REVISION},
        )
    return True


def upgrade_to(engine: Engine, location: Location, revision: str) -> None:
    """Upgrade to ``revision`` (tests use it to build databases at earlier revisions).

    On SQLite foreign keys are off while the revisions run, as SQLite's own recipe for
    rebuilding a table asks: dropping the old ``meetings`` would otherwise delete every
    row that points at it. They are checked before the transaction commits.
    """
    with translated_errors(location), engine.connect() as outside:
        sqlite = outside.dialect.name == "sqlite"
        driver = outside.connection.dbapi_connection
        if sqlite and driver is not None:
            # Outside any transaction (inside one SQLite ignores the pragma).
            driver.cursor().execute("PRAGMA foreign_keys = OFF")
        try:
            with outside.execution_options(**{WRITE_OPTION: True}).begin():
                from alembic import command

                if outside.dialect.name == "postgresql":
                    # Upgrading a large table may take longer than any one statement.
                    outside.execute(text("SET LOCAL statement_timeout = 0"))
                command.upgrade(alembic_config(outside), revision)
                if sqlite:
                    broken = outside.execute(text("PRAGMA foreign_key_check")).all()
                    if broken:
                        raise RuntimeError(f"the upgrade would break references: {broken[:3]}")
        finally:
            if sqlite and driver is not None:
                driver.cursor().execute("PRAGMA foreign_keys = ON")


def backup_sqlite_file(file: Path, revision: str) -> Path:
    """Copy the database aside (user-only) with SQLite's online backup, WAL content included."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = file.with_name(f"{file.name}.before-upgrade-from-{revision}-{stamp}")
    descriptor = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(descriptor)
    source = sqlite3.connect(file)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target
