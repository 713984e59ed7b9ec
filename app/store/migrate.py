"""Runs the Alembic revisions shipped in ``app/store/migrations`` without an alembic.ini.

``upgrade_to_head`` is what ``open_store`` calls: it refuses a database written by a
newer Poise, copies an older SQLite file aside before changing it, then upgrades.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app import __version__
from app.store.db import WRITE_OPTION, Location, translated_errors
from app.store.errors import DatabaseTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True, slots=True)
class UpgradeOutcome:
    from_revision: str | None
    to_revision: str
    backup_file: Path | None


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def revisions_oldest_first() -> list[str]:
    return [script.revision for script in reversed(list(script_directory().walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, location: Location) -> UpgradeOutcome:
    """Bring the schema to this Poise's head revision, or refuse a newer one."""
    head = head_revision()
    with translated_errors(location), engine.connect() as connection:
        found = current_revision(connection)
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
