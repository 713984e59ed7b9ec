"""Runs the Alembic revisions shipped in ``app/store/migrations`` without an alembic.ini.

``upgrade_to_head`` is what ``open_store`` calls: it refuses a database written by a
newer Poise, copies an older SQLite file aside before changing it, then upgrades.

Alembic (with Mako and every SQL dialect it knows) takes ~0.3 s to import, and on most
starts there is nothing to upgrade: the revision stamped in the database is read with
plain SQL and compared with ``HEAD_REVISION``. Alembic is imported only when they differ.
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
from app.store.db import WRITE_OPTION, Location, translated_errors
from app.store.errors import DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. A new revision must change it too:
# tests/store/test_migrations.py checks it against Alembic's own head. Were it ever stale,
# starts would only be slower (the Alembic path below finds the real head), never wrong.
HEAD_REVISION = "0003_search_prefixes"
VERSION_TABLE = "alembic_version"


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
    head = head_revision()
    if found == head:
        return UpgradeOutcome(found, head, None)
    if found is not None and found not in revisions_oldest_first():
        raise DatabaseTooNew(
            f"{location.display} was written by a newer version of Poise (schema {found}) "
            f"than this one ({__version__}). Poise has not changed it. Install the newer "
            "Poise, or start this one with another folder (--data-dir).",
            location=location.display,
        )
    backup = None
    if found is not None and location.sqlite_file is not None:
        with translated_errors(location):
            backup = backup_sqlite_file(location.sqlite_file, found)
    upgrade_to(engine, location, head)
    return UpgradeOutcome(found, head, backup)


def upgrade_to(engine: Engine, location: Location, revision: str) -> None:
    """Upgrade to ``revision`` (tests use it to build databases at earlier revisions)."""
    with (
        translated_errors(location),
        engine.execution_options(**{WRITE_OPTION: True}).begin() as connection,
    ):
        from alembic import command

        command.upgrade(alembic_config(connection), revision)


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
