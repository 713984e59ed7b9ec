"""What the partner sends besides cues: observations during the meeting, the debrief after.

The partner link (LAN or relay) hands each opened, checked message here; this stamps it
with Poise's own clock and the step the meeting is on (a partner's clock or step is not
trusted), keeps a repeated message id once, and says so by signal. Whoever keeps the
user's data (the store, the summary, the review) listens to the signals; the live window
shows at most a count, never the words, unless the user asks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation
from app.domain.playbook import Step


class PartnerArrivals(QObject):
    """One meeting's observations and debrief from the partner, in the order they came."""

    observationArrived = Signal(object)  # noqa: N815 -- Observation
    debriefAnswerArrived = Signal(object)  # noqa: N815 -- DebriefAnswer

    def __init__(
        self,
        clock: Callable[[], datetime],
        current_step: Callable[[], Step],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._current_step = current_step
        self._seen: set[str] = set()
        self.observations: list[Observation] = []
        self.debrief: list[DebriefAnswer] = []

    def receive_observation(
        self, message_id: str, kind: QuickObservation | None, words: str
    ) -> Observation | None:
        """Stamp and announce one observation; None when this message id came before."""
        if message_id in self._seen:
            return None
        self._seen.add(message_id)
        step = self._current_step()
        observation = Observation(
            message_id=message_id,
            at=self._clock(),
            step_key=step.key,
            step_title=step.title,
            kind=kind,
            words=words,
        )
        self.observations.append(observation)
        self.observationArrived.emit(observation)
        return observation

    def receive_debrief_answer(
        self, message_id: str, question: str, answer: str
    ) -> DebriefAnswer | None:
        """Stamp and announce one debrief answer; None when this message id came before."""
        if message_id in self._seen:
            return None
        self._seen.add(message_id)
        stamped = DebriefAnswer(message_id, self._clock(), question, answer)
        self.debrief.append(stamped)
        self.debriefAnswerArrived.emit(stamped)
        return stamped
