"""Opening the meeting store: the engine, the schema upgrade, the service and the writer.

Imported on first use of ``app.store.open_store`` (or ``Store``), never by the windows'
own modules: it pulls in SQLAlchemy, which the home window does not need to paint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine

from app import paths
from app.journal.replay import JournalOutcome, apply_leftover_journals
from app.store.db import Location, make_engine, prepare_sqlite_file, resolve_location
from app.store.migrate import UpgradeOutcome, upgrade_to_head
from app.store.service import MeetingService
from app.store.writer import DEFAULT_RETRY_INTERVAL, NoteWriter

if TYPE_CHECKING:
    from app.store.api import OpenStore

# How long open_store waits for a leftover recovery file to be written back.
REPLAY_WAIT_SECONDS = 2.0


@dataclass(slots=True)
class Store:
    """An open meeting store; close it when the app quits."""

    location: Location
    engine: Engine
    service: MeetingService
    writer: NoteWriter
    upgrade: UpgradeOutcome
    # The journals of meetings a crash left behind: applied, or kept with the reason.
    journals: JournalOutcome = field(default_factory=JournalOutcome)

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is still queued (within ``timeout``), then release the database."""
        flushed = self.writer.close(timeout)
        self.engine.dispose()
        return flushed


def _as_light_api(store: Store) -> OpenStore:
    """Never called: here mypy checks that ``app.store.api``'s protocols, which write out the
    service's and the writer's calls once more so the windows need no SQLAlchemy, still
    describe them (a call changed on one side only fails the type check)."""
    return store


def open_store(
    url: str | URL | None = None,
    *,
    busy_timeout_ms: int = 2000,
    synchronous: str = "FULL",
    retry_interval: float = DEFAULT_RETRY_INTERVAL,
    data_dir: Path | None = None,
) -> Store:
    """Open (creating or upgrading) the meeting store; raises ``StoreError`` with a user message.

    Meeting journals a crash left in ``data_dir`` (the data folder by default) are applied.
    """
    location = resolve_location(url)
    if location.sqlite_file is not None:
        prepare_sqlite_file(location)
    engine = make_engine(location, busy_timeout_ms=busy_timeout_ms, synchronous=synchronous)
    try:
        outcome = upgrade_to_head(engine, location)
    except BaseException:
        engine.dispose()
        raise
    service = MeetingService(engine, location)
    writer = NoteWriter(service, location.recovery_file, retry_interval=retry_interval)
    if writer.replay_recovery_files():
        writer.flush(REPLAY_WAIT_SECONDS)
    journals = apply_leftover_journals(service, data_dir or paths.data_dir())
    return Store(location, engine, service, writer, outcome, journals)
