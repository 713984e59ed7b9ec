"""What the windows may know of the store: its records, its errors, and what they may ask.

This is the one module of ``app.store`` that ``app.ui`` imports (``open_store`` aside,
which the composition root imports lazily where the store is opened). It loads no
SQLAlchemy and no Alembic, so the home window paints before the engine is imported:
``tests/store/test_api.py`` checks that in a fresh interpreter.

- The frozen records (``app.store.records``) that every service call returns, the
  partner's observations, debrief answers and history among them.
- The ``StoreError`` family (``app.store.errors``): environment failures, explained for
  the user. Anything else raised by the store is a bug.
- ``StoreService``, ``TextWriter`` and ``OpenStore``: typed ``Protocol``s for the calls
  the UI makes. ``app.store.MeetingService``, ``NoteWriter`` and ``Store`` satisfy them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.domain.meeting_terms import NoteField, SignalSource
from app.store.errors import (
    DatabaseLocked,
    DatabaseTooNew,
    DatabaseUnavailable,
    DiskFull,
    NotADatabase,
    NotFound,
    ReadOnly,
    StoreError,
)

if TYPE_CHECKING:
    from app.domain.partner_watch import DebriefAnswer, Observation
    from app.store.records import (
        ActionItemRecord,
        ClientHistory,
        ClientRecord,
        DebriefAnswerRecord,
        MeetingActivity,
        MeetingDetail,
        MeetingDraft,
        MeetingRecord,
        MeetingSummary,
        NotedOften,
        NoteRevisionRecord,
        ObservationRecord,
        PartnerHistory,
        SearchHit,
        ShareRecord,
        SignalRecord,
        StampedLineRecord,
        TeamRoster,
        TimelineEventRecord,
        TimelineKind,
    )

__all__ = [
    "ActionItemRecord",
    "ClientHistory",
    "ClientRecord",
    "DatabaseLocked",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "DebriefAnswerRecord",
    "DiskFull",
    "MeetingActivity",
    "MeetingDetail",
    "MeetingDraft",
    "MeetingRecord",
    "MeetingSummary",
    "NotADatabase",
    "NotFound",
    "NoteRevisionRecord",
    "NotedOften",
    "ObservationRecord",
    "OpenStore",
    "PartnerHistory",
    "ReadOnly",
    "SearchHit",
    "ShareRecord",
    "SignalRecord",
    "StampedLineRecord",
    "StoreError",
    "StoreLocation",
    "StoreService",
    "TeamRoster",
    "TextWriter",
    "TimelineEventRecord",
    "TimelineKind",
    "is_expected_failure",
]

# The records load when first asked for, not with this module: the home window imports
# it (for the Protocols and errors) before it paints, and the records' ~40 dataclasses
# cost 10-20 ms there (-X importtime); the store's thread, or a window that shows a
# record, loads them off that path.
_RECORDS = frozenset(
    {
        "ActionItemRecord",
        "ClientHistory",
        "ClientRecord",
        "DebriefAnswerRecord",
        "MeetingActivity",
        "MeetingDetail",
        "MeetingDraft",
        "MeetingRecord",
        "MeetingSummary",
        "NotedOften",
        "NoteRevisionRecord",
        "ObservationRecord",
        "PartnerHistory",
        "SearchHit",
        "ShareRecord",
        "SignalRecord",
        "StampedLineRecord",
        "TeamRoster",
        "TimelineEventRecord",
        "TimelineKind",
    }
)


def __getattr__(name: str) -> Any:
    if name in _RECORDS:
        from app.store import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_expected_failure(error: BaseException) -> bool:
    """True for what the world does to the store (a ``StoreError``, a file that cannot be
    written, a meeting deleted meanwhile); False for a bug, which the crash handler reports."""
    return isinstance(error, StoreError | NotFound | OSError)


class StoreService(Protocol):
    """The synchronous service calls the UI runs (always off the GUI thread)."""

    def list_clients(self) -> list[ClientRecord]: ...
    def find_client(self, name: str) -> ClientRecord | None: ...
    def client_history(self, client_id: int) -> ClientHistory: ...
    def unended_meetings(self) -> list[MeetingSummary]: ...
    def last_activity(self, meeting_id: int) -> datetime: ...
    def due_action_items(self, today: date) -> list[tuple[ActionItemRecord, MeetingSummary]]: ...
    def meeting_activity(self, meeting_ids: list[int]) -> dict[int, MeetingActivity]: ...
    def start_meeting(self, draft: MeetingDraft) -> MeetingRecord: ...
    def end_meeting(self, meeting_id: int, ended_at: datetime) -> None: ...
    def delete_meeting(self, meeting_id: int) -> None: ...
    def enter_step(
        self, meeting_id: int, step_key: str, step_title: str, at: datetime
    ) -> TimelineEventRecord: ...
    def record_signal_sent(
        self,
        meeting_id: int,
        cue_key: str,
        source: SignalSource,
        sent_at: datetime,
        message_id: str | None = None,
    ) -> int: ...
    def record_signal_shown(self, signal_id: int, at: datetime) -> None: ...
    def record_signal_acknowledged(self, signal_id: int, at: datetime) -> None: ...
    def save_note(
        self,
        meeting_id: int,
        field: NoteField,
        text: str,
        at: datetime,
        *,
        only_if_newer: bool = False,
    ) -> None: ...
    def note_revisions(self, meeting_id: int, field: NoteField) -> list[NoteRevisionRecord]: ...
    def restore_revision(self, revision_id: int, at: datetime) -> None: ...
    def add_action_item(
        self, meeting_id: int, text: str, owner: str, due: date | None = None
    ) -> ActionItemRecord: ...
    def update_action_item(
        self,
        item_id: int,
        *,
        text: str | None = None,
        owner: str | None = None,
        due: date | None = ...,
        done: bool | None = None,
    ) -> ActionItemRecord: ...
    def delete_action_item(self, item_id: int) -> None: ...
    def set_follow_up(self, meeting_id: int, follow_up: date | None) -> None: ...
    def load_meeting(self, meeting_id: int) -> MeetingDetail: ...
    def list_meetings(
        self,
        *,
        client_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[MeetingSummary]: ...
    def count_meetings(
        self,
        *,
        client_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int: ...
    def open_follow_ups(self, today: date | None = None) -> list[MeetingSummary]: ...
    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]: ...
    # The partner's record (issue 25): kept once per message id; a debrief after the end.
    def record_observation(
        self, meeting_id: int, observation: Observation
    ) -> ObservationRecord: ...
    def record_debrief_answer(
        self, meeting_id: int, answer: DebriefAnswer
    ) -> DebriefAnswerRecord: ...
    def partner_history(self, partner_name: str) -> PartnerHistory: ...
    # Sharing (a team's PostgreSQL only; on SQLite nothing to share, no one to share with).
    @property
    def sharing_available(self) -> bool: ...
    def team_roster(self) -> TeamRoster: ...
    def share_meeting(self, meeting_id: int, with_role: str) -> ShareRecord: ...
    def share_client(self, client_id: int, with_role: str) -> ShareRecord: ...
    def list_shares(
        self, *, meeting_id: int | None = None, client_id: int | None = None
    ) -> list[ShareRecord]: ...
    def revoke_share(self, share_id: int) -> None: ...


class TextWriter(Protocol):
    """The background writer: typed text in, coalesced and kept safe; jobs in order."""

    on_problem: Callable[[StoreError], None] | None
    on_resolved: Callable[[], None] | None
    on_bug: Callable[[BaseException], None] | None

    def save_note(self, meeting_id: int, field: NoteField, text: str) -> None: ...
    def add_stamped_line(
        self, meeting_id: int, text: str, step_key: str | None = None, at: datetime | None = None
    ) -> None: ...
    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None: ...
    def flush(self, timeout: float | None = None) -> bool: ...
    @property
    def pending_recovery(self) -> bool: ...
    @property
    def recovery_file(self) -> Path | None: ...
    @property
    def problem(self) -> StoreError | None: ...


class StoreLocation(Protocol):
    @property
    def display(self) -> str: ...


class OpenStore(Protocol):
    """An open store, as ``app.store.open_store`` returns it."""

    @property
    def location(self) -> StoreLocation: ...
    @property
    def service(self) -> StoreService: ...
    @property
    def writer(self) -> TextWriter: ...
    def close(self, timeout: float = 5.0) -> bool: ...
