"""The partner's debrief on the review's meeting page: each question and the partner's answer,
under a heading that says they are the partner's words. Hidden for a meeting without one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.export.report import ReportDebriefAnswer
from app.ui.review.headings import section_title


class PartnerDebriefPanel(QWidget):
    """Shows a meeting's debrief answers in the order they came."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerDebrief")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 6, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(section_title(self.tr("Your partner’s debrief")))
        self._answers: list[QLabel] = []
        self.hide()

    def show_debrief(self, debrief: Sequence[ReportDebriefAnswer]) -> None:
        for label in self._answers:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._answers = []
        for answer in debrief:
            question = self._plain(answer.question, "debriefQuestion")
            question.setStyleSheet("color: #57606a;")  # as the page's facts: the asking
            words = self._plain(answer.answer, "debriefAnswer")
            words.setContentsMargins(12, 0, 0, 6)
            self._answers += [question, words]
        self.setVisible(bool(debrief))

    @property
    def answers(self) -> list[str]:
        return [label.text() for label in self._answers if label.objectName() == "debriefAnswer"]

    def _plain(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        # The partner's words as typed: never read as rich text.
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(label)
        return label
