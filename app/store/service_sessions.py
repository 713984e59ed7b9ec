"""The meeting service's sessions: one short transaction per call, on its own session.

Every part of ``MeetingService`` (``app.store.service``) is a ``ServiceSessions``: reads run
on ``_reading``, ORM writes on ``_writing``, and statement-level writes on
``_write_connection``; each one turns database failures into ``StoreError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from app.store.db import WRITE_OPTION, Location, translated_errors


class ServiceSessions:
    """The engine and the sessions every call of the meeting service runs in."""

    def __init__(self, engine: Engine, location: Location) -> None:
        self._location = location
        self._engine = engine
        self._dialect = engine.dialect.name
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._writes = sessionmaker(self._write_engine, expire_on_commit=False)

    def reset_connections(self) -> None:
        """Drop pooled connections, so the next call reconnects (a file that was read-only,
        or a server that went away, is opened afresh once the problem clears)."""
        self._engine.dispose()

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with translated_errors(self._location), self._reads() as session, session.begin():
            yield session

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        with translated_errors(self._location), self._writes.begin() as session:
            yield session

    @contextmanager
    def _write_connection(self) -> Iterator[Connection]:
        with translated_errors(self._location), self._write_engine.begin() as connection:
            yield connection
