"""Schema migrations: from nothing, and from every earlier revision with data in it.

A new database is not built by the revisions but created at their head without
Alembic (``create_at_head``); the tests below hold it to the schema the revisions build,
on both backends, and check that Alembic takes it for its head.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text

from app.domain.meeting_terms import NoteField, SignalSource
from app.store import migrate, open_store, privacy_schema
from app.store.db import Location, make_engine, prepare_sqlite_file, resolve_location
from app.store.migrate import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    alembic_config,
    create_at_head,
    current_revision,
    head_revision,
    revisions_oldest_first,
    upgrade_to,
)
from app.store.models import Base
from tests.meeting_factory import draft
from tests.store.postgres_server import PostgresServer

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


REPO = Path(__file__).resolve().parents[2]


def run_in_new_python(code: str, *args: str, environment: dict[str, str] | None = None) -> str:
    """What ``code`` prints in a new interpreter of this repository's code."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**(environment or os.environ), "PYTHONPATH": str(REPO)},
        cwd=REPO,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_an_up_to_date_database_opens_without_alembic(database_url: str) -> None:
    open_store(database_url).close()
    loaded = set(run_in_new_python(OPEN_AND_LIST_MODULES, database_url).split())
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


def _fill_revision_0001(connection: Connection, *, with_uuid: bool = False) -> None:
    """A meeting with something in every table, written as the 0001 schema expects
    (``with_uuid``: as 0005's, which gave each meeting a uuid)."""
    uuid_column, uuid_value = (", uuid", ", 'c0ffee'") if with_uuid else ("", "")
    rows = [
        "INSERT INTO clients (id, name, name_key, created_at) "
        "VALUES (1, 'Oldfield Bakery', 'oldfield bakery', :t)",
        "INSERT INTO meetings (id, client_id, title, mode, playbook_id, playbook_version, "
        f"partner_name, cues_json, started_at, ended_at, follow_up{uuid_column}) VALUES (1, 1, "
        "'Burnt croissant complaint', 'in_person', 'de-escalation', '1', 'Kim', "
        '\'[{"key": "calm", "label": "Calm", "words": "Breathe", "style": "glow"}]\', '
        f":t, :t, :follow{uuid_value})",
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


def _fill_revision_0002(connection: Connection, *, with_uuid: bool = False) -> None:
    _fill_revision_0001(connection, with_uuid=with_uuid)
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


def _fill_revision_0005(connection: Connection) -> None:
    _fill_revision_0002(connection, with_uuid=True)
    connection.execute(
        text(
            "INSERT INTO search_documents (meeting_id, kind, ref_key, body) "
            "VALUES (1, 'item', '1', 'Bake a replacement batch')"
        )
    )


FILLERS = {
    "0001_initial": _fill_revision_0001,
    "0002_search": _fill_revision_0002,
    # 0003 only rebuilt the search index: its data is 0002's.
    "0003_search_prefixes": _fill_revision_0002,
    # 0004 only added a column that may be empty.
    "0004_action_item_done_at": _fill_revision_0002,
    "0005_meeting_ids_never_reused": _fill_revision_0005,
    # 0006 only gave every row an owner (the role that ran Poise, '' on SQLite).
    "0006_rows_have_owners": _fill_revision_0005,
}


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
        assert detail.action_items[0].done_at is None  # 0004: never recorded before
        assert detail.follow_up == date(2024, 11, 12)
        # 0007: no meeting before it had a partner's record or a brief.
        assert (detail.observations, detail.debrief, detail.meeting.partner_brief) == ((), (), None)
        revisions = store.service.note_revisions(1, NoteField.REAL_CONCERN)
        assert [r.text for r in revisions] == ["the wedding order next month"]
        # What was there before the search index existed is searchable after the upgrade.
        for word, where in [
            ("wedding", NoteField.REAL_CONCERN.label),
            ("manager", "Stamped line"),
            ("croissant", "Title"),
            ("crois", "Title"),  # a prefix, as typed
            ("oldfield", "Client"),
            ("replacement", "Action item"),  # 0005 indexed the items already there
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
        # So is the row privacy's (composite keys that keep a meeting's rows with its owner).
        if name in privacy_schema.POSTGRES_ONLY_CONSTRAINTS:
            return False
        return name not in {"tsv", "ix_search_documents_tsv"}

    with store_engine_at_head.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


@pytest.mark.parametrize("made_by", ["the revisions", "open_store"])
def test_a_database_can_go_down_to_nothing_and_back(
    bare_engine: Engine, database_url: str, made_by: str
) -> None:
    location = resolve_location(database_url)
    if made_by == "open_store":
        open_store(database_url).close()
    else:
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


# A new database: created at the head without Alembic, and the same as the revisions' work.


@pytest.fixture
def new_and_migrated(
    database_url: str, backend: str, data_dir: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[Engine, Engine]]:
    """Two databases on one backend: one new from open_store, one built by every revision."""
    store = open_store(database_url)
    assert store.upgrade == migrate.UpgradeOutcome(None, HEAD_REVISION, None)
    store.close()
    server: PostgresServer | None = None
    if backend == "sqlite":
        migrated_url = f"sqlite:///{data_dir / 'migrated.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server")
        migrated_url = server.create_database()
    engines: list[Engine] = []
    try:
        for url in (database_url, migrated_url):
            location = resolve_location(url)
            if location.sqlite_file is not None:
                prepare_sqlite_file(location)
            engines.append(make_engine(location))
        upgrade_to(engines[1], resolve_location(migrated_url), "head")
        yield engines[0], engines[1]
    finally:
        for engine in engines:
            engine.dispose()
        if server is not None:
            server.drop_database(migrated_url)


def test_a_new_database_has_the_schema_the_revisions_build(
    new_and_migrated: tuple[Engine, Engine], backend: str
) -> None:
    new, migrated = new_and_migrated
    with new.connect() as made, migrated.connect() as built:
        assert _inspected(made) == _inspected(built)
        if backend == "sqlite":
            entries = _sqlite_master(made)
            # Not two empty lists: the full-text index is there, prefix indexes and triggers.
            assert any("prefix='2 3 4 5 6'" in (sql or "") for _, _, _, sql in entries)
            assert sum(type_ == "trigger" for type_, _, _, _ in entries) == 3
            assert entries == _sqlite_master(built)
            assert _fts_state(made) == _fts_state(built)
        else:
            catalog = _postgres_catalog(made)
            assert ("search_documents", "tsv", "ALWAYS") in {
                (row[0], row[1], row[6]) for row in catalog["columns"]
            }
            assert any("USING gin (tsv)" in row[2] for row in catalog["indexes"])
            assert catalog == _postgres_catalog(built)


def test_alembic_takes_a_new_database_for_its_head(database_url: str) -> None:
    open_store(database_url).close()
    location = resolve_location(database_url)
    engine = make_engine(location)
    try:
        with engine.begin() as connection:
            assert MigrationContext.configure(connection).get_current_heads() == (HEAD_REVISION,)
            config = alembic_config(connection)
            config.stdout = io.StringIO()
            command.current(config)
            assert config.stdout.getvalue().split() == [HEAD_REVISION, "(head)"]
    finally:
        engine.dispose()


LATER_REVISION = '''"""A later Poise's revision: a new column for meetings."""

import sqlalchemy as sa
from alembic import op

revision = "0099_later"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("room", sa.String(100), nullable=True))
        batch.create_index("ix_meetings_room", ["room"])


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_index("ix_meetings_room")
        batch.drop_column("room")
'''


def test_a_new_database_takes_a_later_poises_revision(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(database_url)
    meeting = store.service.start_meeting(draft(title="Before the upgrade"))
    store.close()
    later = tmp_path / "later-migrations"
    shutil.copytree(MIGRATIONS_DIR, later, ignore=shutil.ignore_patterns("__pycache__"))
    (later / "versions" / "0099_later.py").write_text(
        LATER_REVISION.replace("{head}", HEAD_REVISION), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", later)
    location = resolve_location(database_url)
    engine = make_engine(location)
    try:
        upgrade_to(engine, location, "head")
        with engine.connect() as connection:
            assert current_revision(connection) == "0099_later"
            assert "room" in {
                column["name"] for column in inspect(connection).get_columns("meetings")
            }
            title = connection.execute(
                text("SELECT title FROM meetings WHERE id = :id"), {"id": meeting.id}
            ).scalar_one()
            assert title == "Before the upgrade"
    finally:
        engine.dispose()


FRESH_OPEN_MODULES = """
import sys
from app.store import open_store
store = open_store()
print(store.upgrade.from_revision, store.upgrade.to_revision)
store.close()
print(" ".join(sorted(sys.modules)))
"""


def test_a_new_database_is_created_without_alembic(
    database_url: str, backend: str, tmp_path: Path
) -> None:
    environment = dict(os.environ)
    environment.pop("POISE_DATABASE_URL", None)
    if backend == "sqlite":
        folder = tmp_path / "first-start"
        environment["POISE_DATA_DIR"] = str(folder)
        location: Location = resolve_location(f"sqlite:///{folder / 'poise.sqlite3'}")
    else:
        environment["POISE_DATABASE_URL"] = database_url
        location = resolve_location(database_url)
    outcome, modules = run_in_new_python(FRESH_OPEN_MODULES, environment=environment).splitlines()
    assert outcome == f"None {HEAD_REVISION}"
    # Importing Alembic (and Mako) costs ~0.3 s and ~17 MB that stay until Poise quits.
    assert not {m for m in modules.split() if m.split(".")[0] in {"alembic", "mako"}}
    if location.sqlite_file is not None:
        assert location.sqlite_file.exists()
    engine = make_engine(location)
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
    finally:
        engine.dispose()


def test_only_a_database_without_any_table_skips_the_revisions(
    bare_engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with bare_engine.begin() as connection:
        connection.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY)"))
    assert not create_at_head(bare_engine, resolve_location(database_url))
    upgraded: list[str] = []
    real_upgrade_to = migrate.upgrade_to

    def recording_upgrade_to(engine: Engine, location: Location, revision: str) -> None:
        upgraded.append(revision)
        real_upgrade_to(engine, location, revision)

    monkeypatch.setattr(migrate, "upgrade_to", recording_upgrade_to)
    store = open_store(database_url)
    try:
        assert upgraded == [HEAD_REVISION]
        assert store.upgrade == migrate.UpgradeOutcome(None, HEAD_REVISION, None)
        with store.engine.connect() as connection:
            assert {"scratch", "meetings", "search_documents"} <= set(
                inspect(connection).get_table_names()
            )
    finally:
        store.close()


def test_a_second_creator_finds_the_schema_made_and_changes_nothing(
    bare_engine: Engine, database_url: str
) -> None:
    location = resolve_location(database_url)
    assert create_at_head(bare_engine, location)
    assert not create_at_head(bare_engine, location)
    with bare_engine.connect() as connection:
        stamps = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert stamps == [(HEAD_REVISION,)]


def test_search_works_in_a_new_database(database_url: str, backend: str) -> None:
    store = open_store(database_url)
    try:
        service = store.service
        meeting = service.start_meeting(draft(client="Brasserie Lumière", title="Café menu"))
        service.save_note(
            meeting.id,
            NoteField.FREE,
            "wants the invoice split",
            datetime(2025, 3, 4, 10, tzinfo=UTC),
        )
        assert [(hit.meeting_id, hit.where) for hit in service.search("invoice")] == [
            (meeting.id, NoteField.FREE.label)
        ]
        assert [hit.where for hit in service.search("menu")] == ["Title"]
        assert [hit.where for hit in service.search("lumi")] == ["Client"]  # typed so far
        if backend == "sqlite":
            # The FTS5 tokenizer's options made it: "cafe" finds "Café".
            assert [hit.where for hit in service.search("cafe")] == ["Title"]
    finally:
        store.close()


def _inspected(connection: Connection) -> dict[str, Any]:
    """What SQLAlchemy's inspector reads of every table, in a form that compares with ==."""
    found = inspect(connection)

    def by_name(items: list[Any]) -> list[Any]:
        return sorted(items, key=lambda item: str(item.get("name")))

    tables = {
        table: {
            # By name: on PostgreSQL a new database has 0006's owner_role before the search
            # index's generated column, the revisions after it; the order means nothing.
            "columns": by_name(
                [{**column, "type": str(column["type"])} for column in found.get_columns(table)]
            ),
            "primary_key": found.get_pk_constraint(table),
            "indexes": by_name(found.get_indexes(table)),
            "foreign_keys": by_name(found.get_foreign_keys(table)),
            "unique_constraints": by_name(found.get_unique_constraints(table)),
            "check_constraints": by_name(found.get_check_constraints(table)),
        }
        for table in sorted(found.get_table_names())
    }
    return {"tables": tables, "views": sorted(found.get_view_names())}


def _sqlite_master(connection: Connection) -> list[tuple[str, str, str, str | None]]:
    rows = connection.execute(text("SELECT type, name, tbl_name, sql FROM sqlite_master")).all()
    return sorted((type_, name, table, _normalized_sql(sql)) for type_, name, table, sql in rows)


TABLE_CONSTRAINT = re.compile(r"(CONSTRAINT|PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK)\b", re.IGNORECASE)


def _normalized_sql(sql: str | None) -> str | None:
    """The SQL with whitespace normalized, and a table's constraint clauses in sorted order.

    Only their order is let go: create_all lists search_documents' UNIQUE before its
    FOREIGN KEY, revision 0002 the other way round, and neither SQLite nor Alembic (which
    reads a table back through PRAGMAs) gives that order any meaning. Columns keep theirs.
    """
    if sql is None:
        return None
    flat = re.sub(r"\s*\)", ")", re.sub(r"\(\s*", "(", re.sub(r"\s+", " ", sql).strip()))
    # A table rebuilt by a revision (0005's meetings) is renamed into place, and SQLite
    # writes the new name in quotes: the same table.
    flat = re.sub(r'^CREATE TABLE "([^"]+)"', r"CREATE TABLE \1", flat)
    table = re.fullmatch(r"(CREATE TABLE [^ (]+) ?\((.*)\)", flat)
    if table is None:
        return flat
    name, body = table.groups()
    clauses, depth, start = [], 0, 0
    for position, character in enumerate(body):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            clauses.append(body[start:position].strip())
            start = position + 1
    clauses.append(body[start:].strip())
    columns = [clause for clause in clauses if not TABLE_CONSTRAINT.match(clause)]
    constraints = sorted(clause for clause in clauses if TABLE_CONSTRAINT.match(clause))
    return f"{name} ({', '.join(columns + constraints)})"


def _fts_state(connection: Connection) -> dict[str, list[Any]]:
    """FTS5's own rows (structure, averages, settings): the index starts out the same."""
    return {
        table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))]
        for table in ("search_fts_data", "search_fts_config", "search_fts_docsize")
    }


POSTGRES_CATALOG = {
    "columns": (
        "SELECT table_name, ordinal_position, column_name, data_type, "
        "character_maximum_length, is_nullable, column_default, is_generated, "
        "generation_expression FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY 1, 2"
    ),
    "constraints": (
        "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE connamespace = "
        "(SELECT oid FROM pg_namespace WHERE nspname = current_schema()) ORDER BY 1, 2"
    ),
    "indexes": (
        "SELECT tablename, indexname, indexdef FROM pg_indexes "
        "WHERE schemaname = current_schema() ORDER BY 1, 2"
    ),
    "sequences": (
        "SELECT s.relname, t.relname, a.attname FROM pg_depend d "
        "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' "
        "JOIN pg_class t ON t.oid = d.refobjid "
        "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
        "WHERE d.deptype = 'a' ORDER BY 1"
    ),
    # Revision 0002 uses a generated column on PostgreSQL, no trigger or function: any
    # that appeared on one side only would show here.
    "triggers": (
        "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
        "WHERE NOT tgisinternal ORDER BY 1, 2"
    ),
    "functions": (
        "SELECT proname, pg_get_function_identity_arguments(oid), prosrc FROM pg_proc "
        "WHERE pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
        "ORDER BY 1, 2"
    ),
}


def _postgres_catalog(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    catalog = {
        name: [tuple(row) for row in connection.execute(text(query))]
        for name, query in POSTGRES_CATALOG.items()
    }
    # Columns without their position (see _inspected), in name order.
    catalog["columns"] = sorted((row[0], *row[2:]) for row in catalog["columns"])
    return catalog


@pytest.mark.parametrize("made_by", ["open_store", "an upgrade from 0004"])
def test_a_deleted_meetings_id_is_never_given_to_another(
    bare_engine: Engine, database_url: str, made_by: str
) -> None:
    """Issue 26: SQLite gave a deleted meeting's id to the next meeting."""
    if made_by != "open_store":
        upgrade_to(bare_engine, resolve_location(database_url), "0004_action_item_done_at")
        with bare_engine.begin() as connection:
            _fill_revision_0002(connection)
        bare_engine.dispose()
    store = open_store(database_url)
    try:
        service = store.service
        first = service.start_meeting(draft("Oldfield Bakery", "Croissant again"))
        # One client: the filler wrote its rows with their ids, past PostgreSQL's sequences.
        second = service.start_meeting(draft("Oldfield Bakery", "Pallets"))
        uuids = {service.get_meeting(m.id).uuid for m in (first, second)}
        service.delete_meeting(second.id)
        third = service.start_meeting(draft("Oldfield Bakery", "Renewal"))
        assert third.id > second.id
        assert service.get_meeting(third.id).uuid not in uuids | {""}
        if made_by != "open_store":
            assert len(service.get_meeting(1).uuid) == 32  # given one by the upgrade
            assert {hit.meeting_id for hit in service.search("croissant")} == {1, first.id}
    finally:
        store.close()
