"""The summary's part of the partner: what they noticed during the meeting and their debrief.

Observations are listed with the time into the meeting and the step it was on; debrief
answers come after the end, so the section listens to ``session.from_partner`` and adds
each answer as it arrives. The partner's words are shown as typed (plain text), under
headings that say they are the partner's. Hidden while the partner has sent nothing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.partner_watch import DebriefAnswer, Observation
from app.ui.live.partner_arrivals import PartnerArrivals
from app.ui.live.summary_rows import section_label, summary_line, time_into


class PartnerSummary(QWidget):
    """The partner's observations and debrief answers, in the order they came."""

    def __init__(
        self,
        arrivals: PartnerArrivals,
        started_at: datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnerSummary")
        self._started_at = started_at
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._observations = QVBoxLayout()
        self._observations.setSpacing(6)
        self._debrief = QVBoxLayout()
        self._debrief.setSpacing(2)
        self._observations_heading = section_label(self.tr("YOUR PARTNER NOTICED"))
        self._debrief_heading = section_label(self.tr("YOUR PARTNER\u2019S DEBRIEF"))
        layout.addWidget(self._observations_heading)
        layout.addLayout(self._observations)
        layout.addWidget(self._debrief_heading)
        layout.addLayout(self._debrief)
        self.observation_count = 0
        self.answer_count = 0
        for observation in arrivals.observations:
            self.add_observation(observation)
        for answer in arrivals.debrief:
            self.add_debrief_answer(answer)
        arrivals.observationArrived.connect(self.add_observation)
        arrivals.debriefAnswerArrived.connect(self.add_debrief_answer)
        self._refresh()

    def add_observation(self, observation: Observation) -> None:
        said = self.tr("{time}  {words}").format(
            time=time_into(self._started_at, observation.at), words=observation.text
        )
        line = summary_line(said, observation.step_title, plain=True)
        line.setObjectName("partnerObservation")
        self._observations.addWidget(line)
        self.observation_count += 1
        self._refresh()

    def add_debrief_answer(self, answer: DebriefAnswer) -> None:
        question = QLabel(answer.question)
        question.setObjectName("muted")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        words = QLabel(answer.answer)
        words.setObjectName("partnerDebriefAnswer")
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setWordWrap(True)
        words.setContentsMargins(0, 0, 0, 4)
        self._debrief.addWidget(question)
        self._debrief.addWidget(words)
        self.answer_count += 1
        self._refresh()

    def _refresh(self) -> None:
        self._observations_heading.setVisible(self.observation_count > 0)
        self._debrief_heading.setVisible(self.answer_count > 0)
        self.setVisible(self.observation_count + self.answer_count > 0)
