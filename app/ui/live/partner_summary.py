"""The summary's part of the partner: what they noticed during the meeting and their debrief.

Observations are listed with the time into the meeting and the step it was on; debrief
answers come after the end, so the section listens to ``session.from_partner`` and adds
each answer as it arrives. The partner's words are shown as typed (plain text), under
headings that say they are the partner's. Hidden while the partner has sent nothing.

Under them, one line says where the words that came after the meeting was stored are:
saved, or kept on disk until the database is back (``app.ui.live.partner_record``).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.partner_watch import DebriefAnswer, Observation
from app.ui.live.partner_arrivals import PartnerArrivals
from app.ui.live.partner_record import LATE_KEPT, LATE_SAVED, LATE_UNKEPT, record_of
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
        self.save_state = QLabel()
        self.save_state.setObjectName("partnerSaveState")
        self.save_state.setWordWrap(True)
        self.save_state.hide()
        layout.addWidget(self.save_state)
        self.observation_count = 0
        self.answer_count = 0
        for observation in arrivals.observations:
            self.add_observation(observation)
        for answer in arrivals.debrief:
            self.add_debrief_answer(answer)
        arrivals.observationArrived.connect(self.add_observation)
        arrivals.debriefAnswerArrived.connect(self.add_debrief_answer)
        record = record_of(arrivals)
        if record is not None:
            record.lateState.connect(self.show_save_state)
            self.show_save_state(record.late_state)
        self._refresh()

    def show_save_state(self, state: str) -> None:
        """Where the partner's words that came after the meeting was stored are now."""
        words = {
            LATE_SAVED: self.tr("Your partner\u2019s words are saved."),
            LATE_KEPT: self.tr(
                "Your partner\u2019s words are kept on disk and will be saved when the "
                "database is back."
            ),
            LATE_UNKEPT: self.tr(
                "Your partner\u2019s words are not saved yet and cannot be kept on disk "
                "either: keep this window open until the database is back."
            ),
        }.get(state, "")
        self.save_state.setText(words)
        self.save_state.setObjectName("problemLine" if state == LATE_UNKEPT else "muted")
        self.save_state.style().polish(self.save_state)
        self.save_state.setVisible(bool(words))

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
