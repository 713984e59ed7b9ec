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
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.domain.partner_watch import DebriefAnswer, Observation
from app.journal import partner_entries
from app.store.api import NotFound, StoreService, is_expected_failure
from app.ui.live.session import LiveSession, StoreJob

RETRY_MS = 2000


@dataclass(frozen=True, slots=True)
class _Entry:
    """One of the partner's messages as the session writes it (the job) and journals it."""

    job: StoreJob
    kind: str
    values: dict[str, Any]


def _record_observation(observation: Observation, service: StoreService, meeting_id: int) -> None:
    service.record_observation(meeting_id, observation)


def _record_debrief_answer(answer: DebriefAnswer, service: StoreService, meeting_id: int) -> None:
    service.record_debrief_answer(meeting_id, answer)


class PartnerRecord(QObject):
    """Keeps what the partner sends in one session's meeting; a child of that session."""

    def __init__(self, session: LiveSession) -> None:
        super().__init__(session)
        self._session = session
        # Refused for now, oldest first, written again when the retry timer fires.
        self._refused: list[_Entry] = []
        self._said_refused = False  # the refusal is on screen until a retry gets in
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._write_refused_again)
        session.from_partner.observationArrived.connect(self.keep_observation)
        session.from_partner.debriefAnswerArrived.connect(self.keep_debrief_answer)

    @property
    def waiting(self) -> int:
        """How many of the partner's messages the store refused and are tried again."""
        return len(self._refused)

    def keep_observation(self, observation: Observation) -> None:
        self._write(
            _Entry(
                partial(_record_observation, observation),
                partner_entries.OBSERVATION,
                partner_entries.observation_values(observation),
            )
        )

    def keep_debrief_answer(self, answer: DebriefAnswer) -> None:
        self._write(
            _Entry(
                partial(_record_debrief_answer, answer),
                partner_entries.DEBRIEF_ANSWER,
                partner_entries.debrief_answer_values(answer),
            )
        )

    def _write(self, entry: _Entry) -> None:
        self._session.write_kept(
            entry.job,
            entry.kind,
            entry.values,
            on_done=self._written,
            on_error=partial(self._refused_now, entry),
        )

    def _written(self, _record: object) -> None:
        if self._said_refused and not self._refused and not self._retry.isActive():
            self._said_refused = False
            self._session.problemResolved.emit()

    def _refused_now(self, entry: _Entry, error: object) -> None:
        if isinstance(error, NotFound) or not (
            isinstance(error, BaseException) and is_expected_failure(error)
        ):
            self._session.report(error)  # the meeting is gone, or a bug: not for retrying
            return
        if not self._said_refused:
            self._said_refused = True
            self._session.report(error)  # said once, however many wait behind it
        self._refused.append(entry)
        if not self._retry.isActive():
            self._retry.start()

    def _write_refused_again(self) -> None:
        again, self._refused = self._refused, []
        for entry in again:
            self._write(entry)


def keep_partner_record(session: LiveSession) -> PartnerRecord:
    """Start keeping the partner's observations and debrief of this session's meeting."""
    return PartnerRecord(session)
