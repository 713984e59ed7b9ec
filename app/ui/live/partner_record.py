"""The partner's record of a meeting, from ``session.from_partner`` to the store.

Each observation and debrief answer the partner link hands the session (stamped by
``PartnerArrivals``) is written like the user's own stamped lines: straight to the store
through the writer thread once the meeting is there, and until then kept in order, in
memory and in the meeting's journal (``app.journal.partner_entries``), so a kill loses
none. A debrief answer comes after the meeting ended; it is written all the same (the
session outlives its window until the next meeting starts).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject

from app.domain.partner_watch import DebriefAnswer, Observation
from app.journal import partner_entries
from app.store.api import StoreService
from app.ui.live.session import LiveSession


def _record_observation(observation: Observation, service: StoreService, meeting_id: int) -> None:
    service.record_observation(meeting_id, observation)


def _record_debrief_answer(answer: DebriefAnswer, service: StoreService, meeting_id: int) -> None:
    service.record_debrief_answer(meeting_id, answer)


class PartnerRecord(QObject):
    """Keeps what the partner sends in one session's meeting; a child of that session."""

    def __init__(self, session: LiveSession) -> None:
        super().__init__(session)
        self._session = session
        session.from_partner.observationArrived.connect(self.keep_observation)
        session.from_partner.debriefAnswerArrived.connect(self.keep_debrief_answer)

    def keep_observation(self, observation: Observation) -> None:
        self._session.write_kept(
            partial(_record_observation, observation),
            partner_entries.OBSERVATION,
            partner_entries.observation_values(observation),
        )

    def keep_debrief_answer(self, answer: DebriefAnswer) -> None:
        self._session.write_kept(
            partial(_record_debrief_answer, answer),
            partner_entries.DEBRIEF_ANSWER,
            partner_entries.debrief_answer_values(answer),
        )


def keep_partner_record(session: LiveSession) -> PartnerRecord:
    """Start keeping the partner's observations and debrief of this session's meeting."""
    return PartnerRecord(session)
