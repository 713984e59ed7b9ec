"""The one module that owns the database engine.

It decides where the database is (``POISE_DATABASE_URL`` or the SQLite file in the
data folder), creates the file readable by the user alone, sets SQLite's pragmas
(WAL, foreign keys, full sync, secure delete), and turns driver errors into the
user-facing ``StoreError`` kinds of ``app.store.errors``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from app import paths
from app.managed_settings import managed_database_url
from app.store.errors import (
    DatabaseLocked,
    DatabaseUnavailable,
    DiskFull,
    NotADatabase,
    ReadOnly,
    StoreError,
)
from app.translation import QT_TRANSLATE_NOOP, translate

RECOVERY_FILE_NAME = "poise.recovery.json"
DEFAULT_BUSY_TIMEOUT_MS = 2000
# A database server that accepts the connection and never answers must turn into a clear
# message, not "Opening your notes…" forever. A ``connect_timeout`` or ``statement_timeout``
# in the URL's query (…?connect_timeout=20) takes precedence.
CONNECT_TIMEOUT_SECONDS = 5
STATEMENT_TIMEOUT_MS = 5000
# Execution option that marks a connection as a writer: on SQLite it takes the write
# lock at BEGIN, so a transaction never fails half-way when it turns from read to write.
WRITE_OPTION = "poise_write"

# What the user reads for the failures that SQLite, PostgreSQL and the file system all
# report, each in its own words; ``{name}`` is the database as the user knows it.
_FOLDER_IN_PLACE = QT_TRANSLATE_NOOP(
    "StoreErrors",
    "{name} is a folder, where Poise expects its notes database file. Poise has not "
    "changed it. Move or rename that folder and start Poise again, or choose another "
    "folder with --data-dir.",
)
_LOCKED = QT_TRANSLATE_NOOP(
    "StoreErrors",
    "The notes database {name} is busy: another program (perhaps a second Poise) "
    "is writing to it. What you type is kept and saved as soon as it is free; "
    "close the other program if this lasts.",
)
_DISK_FULL = QT_TRANSLATE_NOOP(
    "StoreErrors",
    "The disk that holds {name} is full. What you type is kept and saved as soon "
    "as there is room: free some space on that disk.",
)
_READ_ONLY = QT_TRANSLATE_NOOP(
    "StoreErrors",
    "Poise cannot write to {name}: the file or its folder is read-only. What you type "
    "is kept and saved when it is writable again: check the folder's permissions, or "
    "choose another folder with --data-dir.",
)

_Failure = TypeVar("_Failure", bound=StoreError)


@dataclass(frozen=True, slots=True)
class Location:
    """Where the notes live, and how to name that place to the user."""

    url: URL
    sqlite_file: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def display(self) -> str:
        if self.sqlite_file is not None:
            return str(self.sqlite_file)
        return self.url.render_as_string(hide_password=True)

    @property
    def recovery_file(self) -> Path:
        """Where unsaved text waits: next to the SQLite file, else in the data folder.

        A server database gets a name of its own in the data folder, so two team
        databases used from one machine never share unsaved text.
        """
        if self.sqlite_file is not None:
            return self.sqlite_file.parent / RECOVERY_FILE_NAME
        server = self.url.render_as_string(hide_password=True)
        key = hashlib.sha256(server.encode("utf-8")).hexdigest()[:12]
        return paths.data_dir() / RECOVERY_FILE_NAME.replace(".json", f"-{key}.json")


def resolve_location(url: str | URL | None = None) -> Location:
    """The explicit URL, else ``POISE_DATABASE_URL``, else the administrator's (managed
    settings), else the SQLite file in the data folder."""
    if url is None:
        url = os.environ.get(paths.DATABASE_URL_ENV) or managed_database_url() or None
    if url is None:
        file = paths.database_file()
        return Location(URL.create("sqlite", database=str(file)), file)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise ValueError("the store needs a SQLite file, not an in-memory database")
        file = Path(parsed.database).expanduser().resolve()
        return Location(parsed.set(database=str(file)), file)
    return Location(parsed, None)


def prepare_sqlite_file(location: Location) -> None:
    """Create the folder (0700) and the file (0600) before SQLite does it with looser rights."""
    file = location.sqlite_file
    assert file is not None
    if file.is_dir():
        raise folder_in_place_error(location)
    try:
        if not file.parent.exists():
            file.parent.mkdir(mode=0o700, parents=True)
        if not file.exists():
            descriptor = os.open(file, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            os.close(descriptor)
    except FileExistsError:
        pass  # another process created it a moment ago: fine.
    except OSError as failure:
        raise translate_os_error(failure, location) from failure


def make_engine(
    location: Location,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    synchronous: str = "FULL",
) -> Engine:
    """An engine with Poise's settings; for SQLite the file must already be prepared."""
    if not location.is_sqlite:
        # Waiting for a row lock is bounded like SQLite's busy timeout, so a stuck writer
        # turns into a "busy" message and retries instead of hanging silently.
        return create_engine(
            location.url.difference_update_query(["statement_timeout"]),
            pool_pre_ping=True,
            connect_args=postgres_connect_args(location.url, busy_timeout_ms),
        )
    if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
        raise ValueError(f"unknown synchronous setting {synchronous!r}")
    file = location.sqlite_file
    assert file is not None

    def connect() -> sqlite3.Connection:
        # mode=rw: never create the file here. If the folder vanished (a drive unplugged),
        # a fresh empty database would silently swallow the user's notes.
        return sqlite3.connect(
            f"file:{quote(str(file))}?mode=rw",
            uri=True,
            timeout=busy_timeout_ms / 1000,
            check_same_thread=False,
        )

    engine = create_engine(location.url, creator=connect, pool_size=4, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) decide transactions, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            # FULL in WAL mode: a commit survives a power cut too, not just a crash.
            cursor.execute(f"PRAGMA synchronous = {synchronous.upper()}")
            # Deleted notes are overwritten with zeros, not left in free pages.
            cursor.execute("PRAGMA secure_delete = ON")
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def postgres_connect_args(url: URL, busy_timeout_ms: int) -> dict[str, Any]:
    """Bounded waits for a server: to connect, for a lock, for any one statement."""
    statement_ms = int(str(url.query.get("statement_timeout", STATEMENT_TIMEOUT_MS)))
    options = f"-c lock_timeout={int(busy_timeout_ms)} -c statement_timeout={statement_ms}"
    arguments: dict[str, Any] = {"options": options}
    if "connect_timeout" not in url.query:
        arguments["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    return arguments


@contextmanager
def translated_errors(location: Location) -> Iterator[None]:
    """Re-raise driver and file-system failures as the matching ``StoreError``."""
    try:
        yield
    except StoreError:
        raise
    except DBAPIError as failure:
        translated = translate_dbapi_error(failure, location)
        if translated is None:
            raise
        raise translated from failure
    except sqlite3.Error as failure:
        translated = translate_sqlite_error(failure, location)
        if translated is None:
            raise
        raise translated from failure
    except OSError as failure:
        raise translate_os_error(failure, location) from failure


def translate_dbapi_error(failure: DBAPIError, location: Location) -> StoreError | None:
    original = failure.orig
    if isinstance(original, sqlite3.Error):
        return translate_sqlite_error(original, location)
    return _translate_postgres_error(failure, location)


def translate_sqlite_error(failure: sqlite3.Error, location: Location) -> StoreError | None:
    code = getattr(failure, "sqlite_errorname", "") or ""
    text = str(failure).lower()
    name = location.display
    if location.sqlite_file is not None and not location.sqlite_file.exists():
        return DatabaseUnavailable(
            translate(
                "StoreErrors",
                "Poise cannot find {name} any more (was its drive removed or the folder moved?). "
                "What you type is kept and saved when the file is back.",
            ).format(name=name),
            location=name,
        )
    if location.sqlite_file is not None and location.sqlite_file.is_dir():
        return folder_in_place_error(location)
    if code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY")):
        # SQLite reports a read-only or full file system as a plain I/O error at times:
        # ask the file system itself, so the user gets the message that helps.
        found = _file_system_problem(location)
        if found is not None:
            return found
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return locked_error(location)
    if code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in text:
        return NotADatabase(
            translate(
                "StoreErrors",
                "{name} is not a Poise database, or it is damaged. Poise has not changed it. "
                "Move the file aside (or put back a backup copy from the same folder) and start "
                "Poise again, or choose another folder with --data-dir.",
            ).format(name=name),
            location=name,
        )
    if code.startswith("SQLITE_FULL") or "disk is full" in text:
        return disk_full_error(location)
    if (
        code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"))
        or "readonly" in text
        or "unable to open" in text
    ):
        return read_only_error(location)
    if code.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DatabaseUnavailable(
            translate(
                "StoreErrors",
                "Poise could not read or write {name} (the disk reported an error). "
                "What you type is kept and saved when the disk answers again. "
                "Check that the drive is still connected and healthy.",
            ).format(name=name),
            location=name,
        )
    return None


def _file_system_problem(location: Location) -> StoreError | None:
    if location.sqlite_file is None:
        return None
    folder = location.sqlite_file.parent
    try:
        free_bytes = shutil.disk_usage(folder).free
        if sys.platform == "win32":
            # Windows has no statvfs; a read-only drive or folder shows in os.access.
            mounted_read_only = False
        else:
            mounted_read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return None
    if mounted_read_only or not os.access(folder, os.W_OK):
        return read_only_error(location)
    if free_bytes == 0:
        return disk_full_error(location)
    return None


def translate_os_error(failure: OSError, location: Location) -> StoreError:
    name = location.display
    if failure.errno == errno.ENOSPC:
        return disk_full_error(location)
    if failure.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return read_only_error(location)
    return DatabaseUnavailable(
        translate(
            "StoreErrors",
            "Poise could not use {name}: {why}. "
            "What you type is kept and saved when the problem clears.",
        ).format(name=name, why=failure.strerror or failure),
        location=name,
    )


def _explained(kind: type[_Failure], location: Location, message: str) -> _Failure:
    """A ``kind`` whose message names the database, where ``message`` says ``{name}``."""
    name = location.display
    return kind(translate("StoreErrors", message).format(name=name), location=name)


def folder_in_place_error(location: Location) -> NotADatabase:
    return _explained(NotADatabase, location, _FOLDER_IN_PLACE)


def locked_error(location: Location) -> DatabaseLocked:
    return _explained(DatabaseLocked, location, _LOCKED)


def disk_full_error(location: Location) -> DiskFull:
    return _explained(DiskFull, location, _DISK_FULL)


def read_only_error(location: Location) -> ReadOnly:
    return _explained(ReadOnly, location, _READ_ONLY)


def _translate_postgres_error(failure: DBAPIError, location: Location) -> StoreError | None:
    name = location.display
    state = getattr(failure.orig, "sqlstate", None) or ""
    if state == "53100":  # disk_full
        return DiskFull(
            translate(
                "StoreErrors",
                "The database server at {name} has run out of disk space. What you type is kept "
                "and saved when there is room: ask whoever runs the server to free space.",
            ).format(name=name),
            location=name,
        )
    if state in {"55P03", "40P01", "40001"}:  # lock not available, deadlock, serialization
        return locked_error(location)
    if state == "25006":  # read_only_sql_transaction
        return read_only_error(location)
    if state == "57014":  # query_canceled: the statement timeout
        return DatabaseUnavailable(
            translate(
                "StoreErrors",
                "The database at {name} did not answer in time. What you type is kept and "
                "saved when it answers again: ask whoever runs the server if this lasts.",
            ).format(name=name),
            location=name,
        )
    unreachable = not state and isinstance(failure, (OperationalError, InterfaceError))
    if failure.connection_invalidated or state.startswith("08") or state == "57P01" or unreachable:
        silent = "timeout" in str(failure.orig).lower()
        problem = (
            translate(
                "StoreErrors",
                "The database at {name} does not answer. What you type is kept and saved "
                "when it answers again: check that the server runs and that --database-url "
                "(or {env}) is right.",
            )
            if silent
            else translate(
                "StoreErrors",
                "The database at {name} cannot be reached. What you type is kept and saved "
                "when it answers again: check that the server runs and that --database-url "
                "(or {env}) is right.",
            )
        )
        return DatabaseUnavailable(
            problem.format(name=name, env=paths.DATABASE_URL_ENV),
            location=name,
        )
    return None
