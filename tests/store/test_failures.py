"""Trouble with where the notes live: a clear message naming the place, and no text lost.

Locked, read-only and full are met while typing: the text must stay in memory and
in a recovery file, and be written once the problem clears. A file that is not a
database, or one from a newer Poise, is met when the store opens: it is refused
untouched, with a message saying what to do.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from app.domain.meeting_terms import NoteField
from app.store import Store, open_store
from app.store.api import (
    DatabaseLocked,
    DatabaseTooNew,
    DatabaseUnavailable,
    DiskFull,
    NotADatabase,
    ReadOnly,
)
from app.store.db import CONNECT_TIMEOUT_SECONDS, STATEMENT_TIMEOUT_MS, resolve_location
from app.store.writer import fallback_recovery_file
from tests.meeting_factory import draft
from tests.store.filesystems import fill_up, remount, small_tmpfs
from tests.store.journal_cases import silent_postgres_url, silent_server
from tests.store.postgres_server import PostgresServer
from tests.store.watch import WriterEvents

WAIT = 15.0


@contextlib.contextmanager
def database_held_by_another_program(database_url: str) -> Iterator[None]:
    """Another connection holds the write lock (SQLite) or locks the notes table (PostgreSQL)."""
    location = resolve_location(database_url)
    if location.sqlite_file is not None:
        other = sqlite3.connect(location.sqlite_file, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    url = location.url.set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False)) as other:
        other.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            other.rollback()


def _recovered_texts(file: Path) -> list[str]:
    content = json.loads(file.read_text(encoding="utf-8"))
    return [note["text"] for note in content["notes"]] + [s["text"] for s in content["stamps"]]


def _wait_for_problem(events: WriterEvents) -> None:
    assert events.problem.wait(WAIT), "the writer never reported the problem"


def _finish_after_recovery(store: Store, events: WriterEvents, recovery: Path) -> None:
    assert events.resolved.wait(WAIT), f"still not saved: {store.writer.problem}"
    assert store.writer.flush(WAIT)
    assert not store.writer.pending_recovery
    assert store.writer.problem is None
    assert not recovery.exists()


def test_locked_database_keeps_the_text_and_saves_it_when_free(database_url: str) -> None:
    store = open_store(database_url, busy_timeout_ms=300, retry_interval=0.1)
    try:
        meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
        events = WriterEvents(store)
        sentence = "They will go to a competitor unless we call by Friday."
        slowest = 0.0
        with database_held_by_another_program(database_url):
            for typed in range(1, len(sentence) + 1):
                started = time.perf_counter()
                store.writer.save_note(meeting.id, NoteField.WHAT_THEY_SAY, sentence[:typed])
                slowest = max(slowest, time.perf_counter() - started)
            store.writer.add_stamped_line(meeting.id, "mentioned a competitor")
            _wait_for_problem(events)
            [problem] = events.problems
            assert isinstance(problem, DatabaseLocked)
            assert store.location.display in str(problem)
            assert "busy" in str(problem) and "kept" in str(problem)
            assert store.writer.pending_recovery
            recovery = store.writer.recovery_file
            assert recovery == store.location.recovery_file
            # The file catches up with typing that continues while the database is locked.
            assert _wait_until(lambda: sentence in _recovered_texts(recovery))
            assert "mentioned a competitor" in _recovered_texts(recovery)
            assert recovery.stat().st_mode & 0o777 == 0o600
        # Keystrokes never waited for the locked database.
        assert slowest < 0.005
        _finish_after_recovery(store, events, recovery)
        detail = store.service.load_meeting(meeting.id)
        assert detail.notes[NoteField.WHAT_THEY_SAY] == sentence
        assert [line.text for line in detail.stamped_lines] == ["mentioned a competitor"]
    finally:
        store.close()


def _wait_until(condition: object, timeout: float = WAIT) -> bool:
    """Poll a cheap condition that no event announces (the recovery file's content)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError, KeyError):
            if condition():  # type: ignore[operator]
                return True
        # Yield the GIL to the writer thread instead of sleeping a fixed time.
        time.sleep(0)
    return False


def test_a_file_that_is_not_a_database_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    database = data_dir / "poise.sqlite3"
    database.write_bytes(b"Dear diary, this is not SQLite.\n" * 200)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    recovery = data_dir / "poise.recovery.json"
    recovery.write_text('{"format": 1, "notes": [], "stamps": []}', encoding="utf-8")

    with pytest.raises(NotADatabase) as refused:
        open_store()

    message = str(refused.value)
    assert str(database) in message
    assert "not a Poise database" in message and "Move the file aside" in message
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    # Text saved by an earlier session waits for a usable database; it is not thrown away.
    assert recovery.exists()


def test_a_database_from_a_newer_poise_is_refused_untouched(
    database_url: str, backend: str
) -> None:
    store = open_store(database_url)
    store.service.start_meeting(draft())
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    store.close()
    location = resolve_location(database_url)
    files_before = None
    if location.sqlite_file is not None:
        files_before = {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in location.sqlite_file.parent.iterdir()
        }

    with pytest.raises(DatabaseTooNew) as refused:
        open_store(database_url)

    message = str(refused.value)
    assert location.display in message
    assert "newer version of Poise" in message and "9999_from_the_future" in message
    if location.sqlite_file is not None:
        files_after = {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in location.sqlite_file.parent.iterdir()
        }
        assert files_after == files_before  # unchanged, and no backup copy either


def test_a_read_only_folder_at_start_is_explained(data_dir: Path) -> None:
    with small_tmpfs(data_dir):
        remount(data_dir, read_only=True)
        with pytest.raises(ReadOnly) as refused:
            open_store()
    assert str(data_dir / "poise.sqlite3") in str(refused.value)
    assert "read-only" in str(refused.value)


@pytest.fixture
def clean_fallback_recovery(data_dir: Path) -> Iterator[Path]:
    fallback = fallback_recovery_file(data_dir / "poise.recovery.json")
    fallback.unlink(missing_ok=True)
    yield fallback
    fallback.unlink(missing_ok=True)


def test_a_folder_turned_read_only_keeps_the_text_until_it_is_writable(
    data_dir: Path, clean_fallback_recovery: Path
) -> None:
    with small_tmpfs(data_dir):
        store = open_store(retry_interval=0.1)
        try:
            meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
            events = WriterEvents(store)
            # The file system can only turn read-only once nothing has a file open to write.
            store.engine.dispose()
            remount(data_dir, read_only=True)
            store.writer.save_note(meeting.id, NoteField.NOT_SAYING, "afraid of their board")
            _wait_for_problem(events)
            [problem] = events.problems
            assert isinstance(problem, ReadOnly)
            assert str(data_dir / "poise.sqlite3") in str(problem)
            # The folder next to the database cannot take the recovery file: the fallback does.
            assert store.writer.recovery_file == clean_fallback_recovery
            assert _recovered_texts(clean_fallback_recovery) == ["afraid of their board"]
            assert clean_fallback_recovery.parent.stat().st_mode & 0o777 == 0o700
            remount(data_dir, read_only=False)
            _finish_after_recovery(store, events, clean_fallback_recovery)
            saved = store.service.note_text(meeting.id, NoteField.NOT_SAYING)
            assert saved == "afraid of their board"
        finally:
            store.close()


def test_a_full_disk_keeps_the_text_until_there_is_room(
    data_dir: Path, clean_fallback_recovery: Path
) -> None:
    with small_tmpfs(data_dir, size="8m"):
        store = open_store(retry_interval=0.1)
        try:
            meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
            events = WriterEvents(store)
            filler = fill_up(data_dir)
            # Long enough that SQLite needs new pages, which the disk no longer has.
            long_text = " ".join(f"point{number}" for number in range(20_000))
            store.writer.save_note(meeting.id, NoteField.FREE, long_text)
            _wait_for_problem(events)
            [problem] = events.problems
            assert isinstance(problem, DiskFull)
            assert str(data_dir / "poise.sqlite3") in str(problem)
            assert "full" in str(problem) and "free some space" in str(problem)
            assert store.writer.recovery_file == clean_fallback_recovery
            assert _recovered_texts(clean_fallback_recovery) == [long_text]
            filler.unlink()
            _finish_after_recovery(store, events, clean_fallback_recovery)
            assert store.service.note_text(meeting.id, NoteField.FREE) == long_text
        finally:
            store.close()


def test_a_vanished_database_is_not_replaced_by_an_empty_one(data_dir: Path) -> None:
    store = open_store(retry_interval=0.1)
    try:
        meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
        events = WriterEvents(store)
        store.engine.dispose()
        database = data_dir / "poise.sqlite3"
        aside = data_dir.parent / "unplugged.sqlite3"
        database.rename(aside)
        store.writer.save_note(meeting.id, NoteField.FREE, "typed while the drive was out")
        _wait_for_problem(events)
        assert "cannot find" in str(events.problems[0]) and str(database) in str(events.problems[0])
        assert not database.exists()
        aside.rename(database)
        _finish_after_recovery(store, events, store.location.recovery_file)
        saved = store.service.note_text(meeting.id, NoteField.FREE)
        assert saved == "typed while the drive was out"
    finally:
        store.close()


def test_text_kept_for_one_database_is_never_replayed_into_another(tmp_path: Path) -> None:
    first = fallback_recovery_file(tmp_path / "one" / "poise.recovery.json")
    second = fallback_recovery_file(tmp_path / "two" / "poise.recovery.json")
    assert first != second
    assert first.parent == second.parent


def test_a_folder_where_the_database_file_should_be_is_called_that(data_dir: Path) -> None:
    (data_dir / "poise.sqlite3").mkdir(parents=True)
    with pytest.raises(NotADatabase) as refused:
        open_store()
    message = str(refused.value)
    assert str(data_dir / "poise.sqlite3") in message
    assert "is a folder" in message and "read-only" not in message
    assert (data_dir / "poise.sqlite3").is_dir()


def test_a_server_that_accepts_and_never_answers_is_named_within_seconds(data_dir: Path) -> None:
    with silent_server() as port:
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as refused:
            open_store(silent_postgres_url(port))
        took = time.monotonic() - started
    assert took < CONNECT_TIMEOUT_SECONDS + 3, took
    assert "does not answer" in str(refused.value)
    assert f"127.0.0.1:{port}" in str(refused.value)


def test_a_statement_the_server_never_finishes_is_cut_short(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.create_database()
    store = open_store(url)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as refused, store.service._reading() as session:
            session.execute(text("SELECT pg_sleep(60)"))
        assert time.monotonic() - started < STATEMENT_TIMEOUT_MS / 1000 + 3
        assert "did not answer in time" in str(refused.value)
    finally:
        store.close()
        postgres_server.drop_database(url)
