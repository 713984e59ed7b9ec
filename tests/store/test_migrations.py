"""Schema migrations: from nothing, and from every earlier revision with data in it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text

from app.domain.meeting_terms import NoteField, SignalSource
from app.store import open_store
from app.store.db import make_engine, prepare_sqlite_file, resolve_location
from app.store.migrate import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    head_revision,
    revisions_oldest_first,
    upgrade_to,
)
from app.store.models import Base

EARLIER_REVISIONS = revisions_oldest_first()[:-1]
STARTED = datetime(2024, 11, 5, 14, 0, tzinfo=UTC)


@pytest.fixture
def bare_engine(database_url: str) -> Iterator[Engine]:
    location = resolve_location(database_url)
    if location.sqlite_file is not None:
        prepare_sqlite_file(location)
    engine = make_engine(location)
    yield engine
    engine.dispose()


def test_there_are_earlier_revisions_to_upgrade_from() -> None:
    assert EARLIER_REVISIONS, "keep at least two revisions so upgrades are tested"


def test_the_head_revision_constant_names_alembics_head() -> None:
    # open_store compares the database with HEAD_REVISION to skip importing Alembic.
    assert head_revision() == HEAD_REVISION, (
        "a migration was added: set HEAD_REVISION in app/store/migrate.py to its revision"
    )


@pytest.mark.parametrize("revision", [None, *revisions_oldest_first()])
def test_the_revision_read_without_alembic_is_alembics(
    bare_engine: Engine, database_url: str, revision: str | None
) -> None:
    if revision is not None:
        upgrade_to(bare_engine, resolve_location(database_url), revision)
    with bare_engine.connect() as connection:
        by_alembic = MigrationContext.configure(connection).get_current_revision()
        assert current_revision(connection) == by_alembic == revision


OPEN_AND_LIST_MODULES = """
import sys
from app.store import open_store
store = open_store(sys.argv[1])
store.service.list_meetings()
store.close()
print(" ".join(sorted(sys.modules)))
"""


def test_an_up_to_date_database_opens_without_alembic(database_url: str) -> None:
    open_store(database_url).close()
    repo = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, database_url],
        capture_output=True,
        text=True,
        env=environment,
        cwd=repo,
        timeout=60,
        check=True,
    )
    loaded = set(result.stdout.split())
    # Alembic (and Mako through it) costs ~0.3 s at every start; it is only for upgrades.
    assert not {m for m in loaded if m.split(".")[0] in {"alembic", "mako"}}
    if database_url.startswith("sqlite"):
        assert not {m for m in loaded if m.split(".")[0] == "psycopg"}


def test_an_empty_database_is_created_at_the_newest_revision(database_url: str) -> None:
    store = open_store(database_url)
    try:
        assert store.upgrade.from_revision is None
        assert store.upgrade.to_revision == head_revision()
        assert store.upgrade.backup_file is None
        with store.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
        assert store.service.list_meetings() == []
    finally:
        store.close()


def _fill_revision_0001(connection: Connection) -> None:
    """A meeting with something in every table, written as the 0001 schema expects."""
    rows = [
        "INSERT INTO clients (id, name, name_key, created_at) "
        "VALUES (1, 'Oldfield Bakery', 'oldfield bakery', :t)",
        "INSERT INTO meetings (id, client_id, title, mode, playbook_id, playbook_version, "
        "partner_name, cues_json, started_at, ended_at, follow_up) VALUES (1, 1, "
        "'Burnt croissant complaint', 'in_person', 'de-escalation', '1', 'Kim', "
        '\'[{"key": "calm", "label": "Calm", "words": "Breathe", "style": "glow"}]\', '
        ":t, :t, :follow)",
        "INSERT INTO steps_entered (meeting_id, step_key, step_title, at) "
        "VALUES (1, 'listen', 'Listen', :t)",
        "INSERT INTO signals (meeting_id, cue_key, source, message_id, sent_at, shown_at, "
        "acknowledged_at) VALUES (1, 'calm', 'phone', 'm-1', :t, :t, NULL)",
        "INSERT INTO notes (meeting_id, field, text, updated_at) "
        "VALUES (1, 'real_concern', 'the wedding order next month', :t)",
        "INSERT INTO note_revisions (meeting_id, field, text, started_at, saved_at, sealed) "
        "VALUES (1, 'real_concern', 'the wedding order next month', :t, :t, :false)",
        "INSERT INTO stamped_lines (meeting_id, text, at, step_key) "
        "VALUES (1, 'asked for the manager', :t, 'listen')",
        "INSERT INTO action_items (meeting_id, text, owner, due, done) "
        "VALUES (1, 'Bake a replacement batch', 'me', :due, :false)",
    ]
    naive = connection.dialect.name == "sqlite"
    moment = STARTED.replace(tzinfo=None) if naive else STARTED
    for statement in rows:
        connection.execute(
            text(statement),
            {"t": moment, "follow": date(2024, 11, 12), "due": date(2024, 11, 8), "false": False},
        )


def _fill_revision_0002(connection: Connection) -> None:
    _fill_revision_0001(connection)
    for kind, ref_key, body in [
        ("title", "", "Burnt croissant complaint"),
        ("client", "", "Oldfield Bakery"),
        ("note", "real_concern", "the wedding order next month"),
        ("stamp", "1", "asked for the manager"),
    ]:
        connection.execute(
            text(
                "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
                "VALUES (1, :kind, :ref_key, :body)"
            ),
            {"kind": kind, "ref_key": ref_key, "body": body},
        )


FILLERS = {"0001_initial": _fill_revision_0001, "0002_search": _fill_revision_0002}


@pytest.mark.parametrize("revision", EARLIER_REVISIONS)
def test_data_at_an_earlier_revision_survives_the_upgrade(
    bare_engine: Engine, database_url: str, backend: str, revision: str
) -> None:
    location = resolve_location(database_url)
    upgrade_to(bare_engine, location, revision)
    with bare_engine.begin() as connection:
        FILLERS[revision](connection)
    bare_engine.dispose()

    store = open_store(database_url)
    try:
        assert (store.upgrade.from_revision, store.upgrade.to_revision) == (
            revision,
            head_revision(),
        )
        detail = store.service.load_meeting(1)
        assert detail.meeting.client_name == "Oldfield Bakery"
        assert detail.meeting.started_at == STARTED
        assert detail.meeting.cues[0].words == "Breathe"
        assert detail.notes[NoteField.REAL_CONCERN] == "the wedding order next month"
        assert detail.stamped_lines[0].text == "asked for the manager"
        assert detail.signals[0].source is SignalSource.PHONE
        assert detail.action_items[0].due == date(2024, 11, 8)
        assert detail.follow_up == date(2024, 11, 12)
        revisions = store.service.note_revisions(1, NoteField.REAL_CONCERN)
        assert [r.text for r in revisions] == ["the wedding order next month"]
        # What was there before the search index existed is searchable after the upgrade.
        for word, where in [
            ("wedding", NoteField.REAL_CONCERN.label),
            ("manager", "Stamped line"),
            ("croissant", "Title"),
            ("crois", "Title"),  # a prefix, as typed
            ("oldfield", "Client"),
        ]:
            assert [(hit.meeting_id, hit.where) for hit in store.service.search(word)] == [
                (1, where)
            ]
        if backend == "sqlite":
            backup = store.upgrade.backup_file
            assert backup is not None and backup.parent == location.sqlite_file.parent
            assert backup.stat().st_mode & 0o777 == 0o600
            copy = sqlite3.connect(backup)
            try:
                kept = copy.execute("SELECT version_num FROM alembic_version").fetchone()[0]
                title = copy.execute("SELECT title FROM meetings").fetchone()[0]
            finally:
                copy.close()
            assert (kept, title) == (revision, "Burnt croissant complaint")
    finally:
        store.close()


def test_models_and_migrations_describe_the_same_schema(store_engine_at_head: Engine) -> None:
    def include(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
        # The full-text machinery is backend-specific and lives only in the migration.
        if type_ == "table" and name is not None and name.startswith("search_fts"):
            return False
        return name not in {"tsv", "ix_search_documents_tsv"}

    with store_engine_at_head.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_a_database_can_go_down_to_nothing_and_back(bare_engine: Engine, database_url: str) -> None:
    from alembic import command

    location = resolve_location(database_url)
    upgrade_to(bare_engine, location, "head")
    with bare_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    with bare_engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    upgrade_to(bare_engine, location, "head")
    with bare_engine.connect() as connection:
        assert current_revision(connection) == head_revision()


@pytest.fixture
def store_engine_at_head(bare_engine: Engine, database_url: str) -> Engine:
    upgrade_to(bare_engine, resolve_location(database_url), "head")
    return bare_engine
