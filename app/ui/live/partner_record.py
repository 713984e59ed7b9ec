"""The partner's record of a meeting, from ``session.from_partner`` to the store.

Each observation and debrief answer the partner link hands the session (stamped by
``PartnerArrivals``) is written like the user's own stamped lines: straight to the store
through the writer thread once the meeting is there, and until then kept in order, in
memory and in the meeting's journal (``app.journal.partner_entries``), so a kill loses
none. A debrief answer comes after the meeting ended; it is written all the same (the
session outlives its window until the next meeting starts). A write the store refuses for
a reason of the world's (locked, full, unreachable) is said once and tried again every
``RETRY_MS`` until it is in: the store keeps one row per message id, so a try that did
reach it is not doubled.

Once the meeting is in the store (the debrief, mostly, after its end), the meeting's own
journal is gone; so each of the partner's messages goes first into a journal of its own
(``partner_entries.journal_of_stored_meeting``), then to the store. That journal is
removed once the store has every message in it, and kept for the next start while one
is refused: a kill then loses none. ``lateState`` says which it is, for the summary
(``LATE_KEPT``: on disk and tried again; ``LATE_SAVED``: in the store).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app import paths
from app.domain.partner_watch import DebriefAnswer, Observation
from app.journal import partner_entries
from app.journal.writer import MeetingJournal
from app.store.api import NotFound, StoreService, is_expected_failure
from app.ui.live.partner_arrivals import PartnerArrivals
from app.ui.live.session import LiveSession, StoreJob

RETRY_MS = 2000
# What ``lateState`` says of the messages that came after the meeting was stored.
LATE_NONE = ""  # none came
LATE_KEPT = "kept"  # on disk in their journal; the store refused them for now
LATE_UNKEPT = "unkept"  # refused, and the journal cannot be written either: in memory only
LATE_SAVED = "saved"  # every one is in the store


@dataclass(frozen=True, slots=True)
class _Entry:
    """One of the partner's messages as the session writes it (the job) and journals it."""

    job: StoreJob
    kind: str
    values: dict[str, Any]
    late: bool = False  # came after the meeting was stored: in the late journal
    retried: bool = False  # written again after a refusal: counted as waiting until answered


def _record_observation(observation: Observation, service: StoreService, meeting_id: int) -> None:
    service.record_observation(meeting_id, observation)


def _record_debrief_answer(answer: DebriefAnswer, service: StoreService, meeting_id: int) -> None:
    service.record_debrief_answer(meeting_id, answer)


class PartnerRecord(QObject):
    """Keeps what the partner sends in one session's meeting; a child of that session."""

    lateState = Signal(str)  # noqa: N815 (Qt signal naming) -- one of the LATE_ values

    def __init__(self, session: LiveSession) -> None:
        super().__init__(session)
        self._session = session
        # The meeting's own journal, if any: a late journal begins with what it says.
        self._meeting_journal = session.journal
        self._late_journal: MeetingJournal | None = None
        self._late_unstored = 0  # late messages handed over that the store has not confirmed
        self._late_failed = False  # one could not be written for good: its journal stays
        self.late_state = LATE_NONE
        # Refused for now, oldest first, written again when the retry timer fires.
        self._refused: list[_Entry] = []
        self._retrying = 0  # written again, the store's answer not in yet
        self._said_refused = False  # the refusal is on screen until a retry gets in
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._write_refused_again)
        session.from_partner.observationArrived.connect(self.keep_observation)
        session.from_partner.debriefAnswerArrived.connect(self.keep_debrief_answer)

    @property
    def waiting(self) -> int:
        """How many of the partner's messages the store refused and are tried again
        (between tries too: one written again waits until the store has it)."""
        return len(self._refused) + self._retrying

    @property
    def late_journal(self) -> MeetingJournal | None:
        """The journal of the messages that came after the meeting was stored, while the
        store lacks one of them."""
        return self._late_journal

    def keep_observation(self, observation: Observation) -> None:
        self._keep(
            partial(_record_observation, observation),
            partner_entries.OBSERVATION,
            partner_entries.observation_values(observation),
        )

    def keep_debrief_answer(self, answer: DebriefAnswer) -> None:
        self._keep(
            partial(_record_debrief_answer, answer),
            partner_entries.DEBRIEF_ANSWER,
            partner_entries.debrief_answer_values(answer),
        )

    def _keep(self, job: StoreJob, kind: str, values: dict[str, Any]) -> None:
        meeting_id = self._session.meeting_id
        late = meeting_id is not None
        if meeting_id is not None:
            # On disk first (within milliseconds), then the store is asked.
            self._journal_for_late(meeting_id).record(kind, **values)
            self._late_unstored += 1
        self._write(_Entry(job, kind, values, late))

    def _journal_for_late(self, meeting_id: int) -> MeetingJournal:
        if self._late_journal is None:
            own = self._meeting_journal
            started_at = self._session.domain.started_at or self._session.now()
            self._late_journal = partner_entries.journal_of_stored_meeting(
                own.data_dir if own is not None else paths.data_dir(),
                meeting_id,
                started_at,
                own.meeting if own is not None else {},
            )
        return self._late_journal

    def _write(self, entry: _Entry) -> None:
        self._session.write_kept(
            entry.job,
            entry.kind,
            entry.values,
            on_done=partial(self._written, entry),
            on_error=partial(self._refused_now, entry),
        )

    def _written(self, entry: _Entry, _record: object) -> None:
        if entry.retried:
            self._retrying -= 1
        if entry.late:
            self._late_stored(failed=False)
        if self._said_refused and not self.waiting:  # none refused, none on its way
            self._retry.stop()
            self._said_refused = False
            self._session.problemResolved.emit()

    def _late_stored(self, *, failed: bool) -> None:
        """One late message is in the store (or never will be: ``failed``)."""
        self._late_failed = self._late_failed or failed
        self._late_unstored -= 1
        if self._late_unstored > 0 or self._late_journal is None:
            return
        journal, self._late_journal = self._late_journal, None
        if self._late_failed:
            journal.close()  # named at the next start, never silently dropped
            self._late_failed = False
        else:
            journal.discard()  # the store has every one of them
            self._say_late(LATE_SAVED)

    def _say_late(self, state: str) -> None:
        if state != self.late_state:
            self.late_state = state
            self.lateState.emit(state)

    def _refused_now(self, entry: _Entry, error: object) -> None:
        if entry.retried:
            self._retrying -= 1
        if isinstance(error, NotFound) or not (
            isinstance(error, BaseException) and is_expected_failure(error)
        ):
            self._session.report(error)  # the meeting is gone, or a bug: not for retrying
            if entry.late:
                self._late_stored(failed=True)
            return
        if not self._said_refused:
            self._said_refused = True
            self._session.report(error)  # said once, however many wait behind it
        if entry.late:
            journal = self._late_journal
            kept = journal is not None and journal.problem is None
            self._say_late(LATE_KEPT if kept else LATE_UNKEPT)
        self._refused.append(entry)
        if not self._retry.isActive():
            self._retry.start()

    def _write_refused_again(self) -> None:
        again, self._refused = self._refused, []
        self._retrying += len(again)
        for entry in again:
            self._write(replace(entry, retried=True))


def keep_partner_record(session: LiveSession) -> PartnerRecord:
    """Start keeping the partner's observations and debrief of this session's meeting."""
    return PartnerRecord(session)


def record_of(arrivals: PartnerArrivals) -> PartnerRecord | None:
    """The record that keeps what ``arrivals`` hands its session (None: nothing keeps it)."""
    session = arrivals.parent()
    if session is None:
        return None
    return session.findChild(PartnerRecord, options=Qt.FindChildOption.FindDirectChildrenOnly)
