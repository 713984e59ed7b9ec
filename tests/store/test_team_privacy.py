"""Per-person privacy on a team's PostgreSQL, checked with real roles and raw SQL.

Two people, one database, set up by ``app.store.team_setup`` as ``poise team setup`` does.
What the first person writes goes through Poise's store; what the second person tries
goes through plain psycopg, outside Poise, so only PostgreSQL's row security stands in
the way. Then the app's own views (the store's reads and its search) must agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import text

from app.domain.meeting_terms import NoteField, SignalSource
from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation
from app.store import Store, open_store, privacy_schema
from app.store.db import make_engine, resolve_location
from app.store.migrate import upgrade_to
from app.store.share_calls import SharingError
from app.store.team_setup import add_person, setup_team
from tests.meeting_factory import draft
from tests.store.postgres_server import PostgresServer
from tests.store.team_database import (
    OUTSIDER,
    TeamDatabase,
    drop_team_database,
    make_team_database,
)

pytestmark = pytest.mark.postgres

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
CONTENT_TABLES = tuple(t for t in privacy_schema.OWNED_AT_HEAD if t != privacy_schema.SHARES)


@pytest.fixture
def team(postgres_server: PostgresServer) -> Iterator[TeamDatabase]:
    made = make_team_database(postgres_server)
    try:
        yield made
    finally:
        drop_team_database(made)


def _person_store(team: TeamDatabase, role: str, data_dir: Path) -> Iterator[Store]:
    store = open_store(team.url_of(role), retry_interval=0.2, data_dir=data_dir / role)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def alice(team: TeamDatabase, data_dir: Path) -> Iterator[Store]:
    yield from _person_store(team, "alice", data_dir)


@pytest.fixture
def bob(team: TeamDatabase, data_dir: Path) -> Iterator[Store]:
    yield from _person_store(team, "bob", data_dir)


def _full_meeting(store: Store, client: str, title: str, words: str) -> int:
    """A meeting with a row in every table of a person's content."""
    service = store.service
    meeting = service.start_meeting(draft(client=client, title=title, started_at=AT))
    service.enter_step(meeting.id, "listen", "Listen", AT)
    service.record_signal_sent(meeting.id, "calm", SignalSource.PHONE, AT, "m-1")
    service.save_note(meeting.id, NoteField.REAL_CONCERN, words, AT)
    service.add_action_item(meeting.id, f"Call back about {words}", "me")
    store.writer.add_stamped_line(meeting.id, "asked for the manager", at=AT)
    seen = Observation("o-1", AT, "listen", "Listen", QuickObservation.YOU_TENSED_UP, "jaw")
    service.record_observation(meeting.id, seen)
    service.record_debrief_answer(meeting.id, DebriefAnswer("d-1", AT, "When?", "at the price"))
    assert store.writer.flush(5)
    return meeting.id


def _counts(connection: psycopg.Connection) -> dict[str, int]:
    counts = {}
    for table in CONTENT_TABLES:
        row = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None
        counts[table] = int(row[0])
    return counts


def check_connection(server: PostgresServer, name: str) -> psycopg.Connection:
    """The administrator (the server's superuser, who passes row security), on that database."""
    return psycopg.connect(
        host="127.0.0.1", port=server.port, user="poise_test", dbname=name, autocommit=True
    )


def _changed(connection: psycopg.Connection, statement: str) -> int:
    return connection.execute(statement).rowcount


def test_the_app_runs_as_a_role_that_does_not_own_the_tables(
    team: TeamDatabase, alice: Store
) -> None:
    with team.raw("alice") as raw:
        owners = {
            row[0]
            for row in raw.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")
        }
        assert "alice" not in owners
        for table in CONTENT_TABLES:
            row = raw.execute(
                "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = %s",
                (table,),
            ).fetchone()
            assert row == (True, True), table
        with pytest.raises(errors.InsufficientPrivilege):
            raw.execute("ALTER TABLE notes DISABLE ROW LEVEL SECURITY")
        with pytest.raises(errors.InsufficientPrivilege):
            raw.execute("CREATE TABLE mine (id int)")


def test_a_colleague_can_neither_read_nor_change_anothers_rows(
    team: TeamDatabase, alice: Store, bob: Store
) -> None:
    meeting_id = _full_meeting(alice, "Oldfield Bakery", "Burnt croissants", "wedding order")
    with team.raw("alice") as raw:
        assert all(count > 0 for count in _counts(raw).values()), _counts(raw)
    with team.raw("bob") as raw:
        assert _counts(raw) == dict.fromkeys(CONTENT_TABLES, 0)
        hits = raw.execute(
            "SELECT count(*) FROM search_documents WHERE tsv @@ to_tsquery('simple', 'wedding')"
        ).fetchone()
        assert hits == (0,)
        for table in CONTENT_TABLES:
            assert _changed(raw, f"UPDATE {table} SET owner_role = 'bob'") == 0
            assert _changed(raw, f"DELETE FROM {table}") == 0
        # A row slipped into alice's meeting: refused, as bob's and as if it were alice's.
        with pytest.raises(errors.ForeignKeyViolation):
            raw.execute(
                "INSERT INTO notes (meeting_id, field, text, updated_at) "
                "VALUES (%s, 'commitments', 'planted', now())",
                (meeting_id,),
            )
        with pytest.raises(errors.InsufficientPrivilege):
            raw.execute(
                "INSERT INTO notes (meeting_id, field, text, updated_at, owner_role) "
                "VALUES (%s, 'commitments', 'planted', now(), 'alice')",
                (meeting_id,),
            )
        # Nor an observation or a debrief answer of bob's in alice's meeting.
        for planted in (
            "INSERT INTO partner_observations (meeting_id, message_id, at, step_key, "
            "step_title, words) VALUES (%s, 'x', now(), 'listen', 'Listen', 'planted')",
            "INSERT INTO partner_debrief_answers (meeting_id, message_id, at, question, "
            "answer) VALUES (%s, 'x', now(), 'When?', 'planted')",
        ):
            with pytest.raises(errors.ForeignKeyViolation):
                raw.execute(planted, (meeting_id,))
        # Asking to read without row security is refused, not answered in full.
        raw.execute("SET row_security = off")
        with pytest.raises(errors.InsufficientPrivilege):
            raw.execute("SELECT * FROM notes")
    # What the app shows agrees, and alice's meeting is whole.
    assert bob.service.list_meetings() == []
    assert bob.service.list_clients() == []
    assert bob.service.search("wedding") == []
    assert bob.service.search("jaw") == bob.service.search("price") == []
    assert not bob.service.partner_history("Sam").known
    detail = alice.service.load_meeting(meeting_id)
    assert [o.words for o in detail.observations] == ["jaw"]
    assert [a.answer for a in detail.debrief] == ["at the price"]
    assert detail.notes[NoteField.REAL_CONCERN] == "wedding order"
    assert len(detail.action_items) == len(detail.signals) == len(detail.stamped_lines) == 1
    assert "commitments" not in {field.value for field in detail.notes if detail.notes[field]}


def test_a_shared_meeting_is_readable_not_writable_and_a_revoke_is_immediate(
    team: TeamDatabase, alice: Store, bob: Store
) -> None:
    shared_id = _full_meeting(alice, "Oldfield Bakery", "Burnt croissants", "wedding order")
    kept_id = _full_meeting(alice, "Harbour Hotel", "Cold rooms", "refund promise")
    share = alice.service.share_meeting(shared_id, "bob")
    assert [s.with_role for s in alice.service.list_shares(meeting_id=shared_id)] == ["bob"]
    with team.raw("bob") as raw:
        ids = {row[0] for row in raw.execute("SELECT DISTINCT meeting_id FROM notes")}
        assert ids == {shared_id}
        counts = _counts(raw)
        assert counts["meetings"] == counts["clients"] == counts["notes"] == 1
        assert counts["action_items"] == counts["signals"] == counts["stamped_lines"] == 1
        assert counts["partner_observations"] == counts["partner_debrief_answers"] == 1
        for table in CONTENT_TABLES:
            assert _changed(raw, f"UPDATE {table} SET owner_role = owner_role") == 0
            assert _changed(raw, f"DELETE FROM {table}") == 0
        # Nor can bob take the share away, or turn it into one of his.
        assert _changed(raw, f"DELETE FROM shares WHERE id = {share.id}") == 0
        assert _changed(raw, "UPDATE shares SET with_role = 'carol'") == 0
        assert [s.id for s in alice.service.list_shares(meeting_id=shared_id)] == [share.id]
        # The app agrees: the shared meeting, marked as alice's, and nothing else.
        listed = bob.service.list_meetings()
        assert [(m.id, m.shared_by) for m in listed] == [(shared_id, "alice")]
        assert bob.service.load_meeting(shared_id).meeting.shared_by == "alice"
        # The partner's record of a shared meeting reads like its notes.
        shared_detail = bob.service.load_meeting(shared_id)
        assert [(o.words, len(shared_detail.debrief)) for o in shared_detail.observations] == [
            ("jaw", 1)
        ]
        assert {hit.meeting_id for hit in bob.service.search("price")} == {shared_id}
        assert not bob.service.partner_history("Sam").known  # alice's partner, not bob's
        with pytest.raises(Exception):  # noqa: B017 - whatever the store makes of a refusal
            bob.service.record_observation(
                shared_id, Observation("o-bob", AT, "listen", "Listen", None, "bob was here")
            )
        assert {hit.meeting_id for hit in bob.service.search("wedding")} == {shared_id}
        assert bob.service.search("refund") == []
        with pytest.raises(Exception):  # noqa: B017 - whatever the store makes of a refusal
            bob.service.save_note(shared_id, NoteField.COMMITMENTS, "bob was here", AT)

        alice.service.revoke_share(share.id)
        # The same open connection, the very next statement: gone.
        assert _counts(raw) == dict.fromkeys(CONTENT_TABLES, 0)
    assert bob.service.list_meetings() == []
    assert bob.service.search("wedding") == []
    assert alice.service.load_meeting(kept_id).meeting.shared_by == ""
    assert alice.service.load_meeting(shared_id).notes[NoteField.COMMITMENTS] == ""


def test_a_shared_meeting_is_not_the_colleagues_to_resume_or_follow_up(
    team: TeamDatabase, alice: Store, bob: Store
) -> None:
    """Home's lists (meetings left open, due items, follow-ups) are one's own duties only."""
    service = alice.service
    open_meeting = service.start_meeting(draft(client="Oldfield Bakery", started_at=AT))
    service.add_action_item(open_meeting.id, "Send the credit note", "me", AT.date())
    service.set_follow_up(open_meeting.id, AT.date())
    service.share_meeting(open_meeting.id, "bob")
    assert [m.id for m in service.unended_meetings()] == [open_meeting.id]
    assert len(service.due_action_items(AT.date())) == 1
    assert [m.id for m in service.open_follow_ups()] == [open_meeting.id]
    assert [m.id for m in bob.service.list_meetings()] == [open_meeting.id]
    assert bob.service.unended_meetings() == []
    assert bob.service.due_action_items(AT.date()) == []
    assert bob.service.open_follow_ups() == []


def test_a_clients_history_shared_with_the_team_reaches_its_members_only(
    team: TeamDatabase, alice: Store, bob: Store
) -> None:
    first = _full_meeting(alice, "Oldfield Bakery", "Burnt croissants", "wedding order")
    second = _full_meeting(alice, "Oldfield Bakery", "Late delivery", "van schedule")
    other = _full_meeting(alice, "Harbour Hotel", "Cold rooms", "refund promise")
    roster = alice.service.team_roster()
    assert roster.groups == ("poise_team",)
    assert roster.members == ("bob", "carol")
    client_id = alice.service.load_meeting(first).meeting.client_id
    alice.service.share_client(client_id, "poise_team")
    for colleague in ("bob", "carol"):
        with team.raw(colleague) as raw:
            ids = {row[0] for row in raw.execute("SELECT id FROM meetings")}
            assert ids == {first, second}, colleague
    with team.raw(OUTSIDER) as raw:
        assert _counts(raw) == dict.fromkeys(CONTENT_TABLES, 0)
    history = bob.service.client_history(client_id)
    assert [m.meeting.id for m in history.meetings] == [first, second]
    assert {hit.meeting_id for hit in bob.service.search("van")} == {second}
    assert other not in {m.id for m in bob.service.list_meetings()}
    # bob's own client of the same name is his, beside alice's shared one.
    own = bob.service.start_meeting(draft(client="Oldfield Bakery", title="Mine", started_at=AT))
    assert own.client_id != client_id and own.shared_by == ""
    with pytest.raises(SharingError):
        alice.service.share_meeting(first, OUTSIDER)


def test_an_existing_single_user_database_keeps_every_row_with_its_role(
    postgres_server: PostgresServer, data_dir: Path
) -> None:
    from tests.store.test_migrations import FILLERS

    url = postgres_server.create_database()
    name = url.rsplit("/", 1)[1]
    with postgres_server.admin_connect() as admin:
        admin.execute("CREATE ROLE solo LOGIN")
        admin.execute(f'ALTER DATABASE "{name}" OWNER TO solo')
    solo_url = resolve_location(url).url.set(username="solo")
    try:
        # Poise before revision 0006, run by one person as their own role.
        engine = make_engine(resolve_location(solo_url))
        upgrade_to(engine, resolve_location(solo_url), "0005_meeting_ids_never_reused")
        with engine.begin() as connection:
            FILLERS["0005_meeting_ids_never_reused"](connection)
            # The filler names its ids; the app's next ones come after them.
            for table in ("clients", "meetings"):
                connection.execute(text(f"SELECT setval('{table}_id_seq', 1)"))
        engine.dispose()

        setup_team(url)  # as the server's administrator, not solo
        add_person(url, "alice")
        with check_connection(postgres_server, name) as check:
            for table in CONTENT_TABLES:
                owners = {row[0] for row in check.execute(f"SELECT owner_role FROM {table}")}
                # The partner's tables came with 0007, empty, owned like the others.
                assert owners == (set() if table in privacy_schema.PARTNER_ROWS else {"solo"})
                row = check.execute(
                    "SELECT tableowner FROM pg_tables WHERE tablename = %s", (table,)
                ).fetchone()
                assert row == ("solo",), table
        store = open_store(solo_url, data_dir=data_dir / "solo")
        try:
            detail = store.service.load_meeting(1)
            assert detail.notes[NoteField.REAL_CONCERN] == "the wedding order next month"
            assert [hit.meeting_id for hit in store.service.search("wedding")] == [1]
            later = store.service.start_meeting(draft(client="Oldfield Bakery", started_at=AT))
            assert later.client_id == detail.meeting.client_id
            with check_connection(postgres_server, name) as check:
                row = check.execute(f"SELECT owner_role FROM meetings WHERE id = {later.id}")
                assert row.fetchone() == ("solo",)
        finally:
            store.close()
        newcomer = open_store(
            resolve_location(url).url.set(username="alice"), data_dir=data_dir / "alice"
        )
        try:
            assert newcomer.service.list_meetings() == []
        finally:
            newcomer.close()
    finally:
        with postgres_server.admin_connect() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute("DROP ROLE IF EXISTS alice, solo")
            admin.execute("DROP ROLE IF EXISTS poise_team")


def test_poise_team_sets_up_adds_and_removes_a_person(
    postgres_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    url = postgres_server.create_database()
    name = url.rsplit("/", 1)[1]
    try:
        assert main(["team", "setup", url]) == 0
        assert "poise_team" in capsys.readouterr().out
        assert main(["team", "setup", url]) == 0  # again, after an upgrade: harmless
        capsys.readouterr()
        assert main(["--database-url", url, "team", "add", "dana"]) == 0
        handed = capsys.readouterr().out
        assert f"postgresql+psycopg://dana@127.0.0.1:{postgres_server.port}/{name}" in handed
        assert "\\password" in handed
        with check_connection(postgres_server, name) as check:
            member = check.execute(
                "SELECT pg_has_role('dana', 'poise_team', 'MEMBER'), rolcanlogin "
                "FROM pg_roles WHERE rolname = 'dana'"
            ).fetchone()
            assert member == (True, True)
        assert main(["--database-url", url, "team", "add", "Dana; DROP"]) == 1
        assert "not a plain role name" in capsys.readouterr().err
        assert main(["--database-url", url, "team", "remove", "dana"]) == 0
        with check_connection(postgres_server, name) as check:
            assert check.execute("SELECT 1 FROM pg_roles WHERE rolname = 'dana'").fetchone() is None
        assert main(["team", "setup", "sqlite:////tmp/nowhere.sqlite3"]) == 1
        assert "PostgreSQL" in capsys.readouterr().err
    finally:
        with check_connection(postgres_server, name) as check:
            check.execute("DROP OWNED BY poise_team")
        postgres_server.drop_database(url)
        with postgres_server.admin_connect() as admin:
            admin.execute("DROP ROLE IF EXISTS dana, poise_team")


def test_on_sqlite_there_is_nothing_to_share(data_dir: Path) -> None:
    store = open_store(f"sqlite:///{data_dir / 'poise.sqlite3'}")
    service = store.service
    meeting = service.start_meeting(draft(started_at=AT))
    assert service.sharing_available is False
    assert service.team_roster().members == ()
    assert service.list_shares(meeting_id=meeting.id) == []
    assert service.load_meeting(meeting.id).meeting.shared_by == ""
    assert [m.shared_by for m in service.list_meetings()] == [""]
    with pytest.raises(SharingError):
        service.share_meeting(meeting.id, "bob")
    store.close()
