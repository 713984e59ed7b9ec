"""The debrief in the partner window, after the meeting: the playbook's questions, an
answer field each, one Send; "Thank you" only once every answer given was received.

Each answer goes as a message of its own (``debrief_answer``); one that did not get
through stays in its field, editable, to send again (the same words keep their message id,
so Poise keeps an answer once however often it arrives).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.partner_watch import MAX_DEBRIEF_ANSWER_CHARS
from app.domain.signal_protocol import new_message_id
from app.link.partner_end import SendState
from app.translation import QT_TRANSLATE_NOOP
from app.ui.live.step_card import set_style_state

ANSWER_TEXT = {
    SendState.PENDING: QT_TRANSLATE_NOOP("DebriefForm", "Offline — will send when back"),
    SendState.SENT: QT_TRANSLATE_NOOP("DebriefForm", "Sending…"),
    SendState.RECEIVED: QT_TRANSLATE_NOOP("DebriefForm", "Received"),
    SendState.REJECTED: QT_TRANSLATE_NOOP("DebriefForm", "Not accepted — wait a moment"),
    SendState.UNDELIVERED: QT_TRANSLATE_NOOP("DebriefForm", "Did not get through"),
}

_STYLE = """
#debriefForm QLabel#debriefHeading { color: #c4c8ce; font-size: 14pt; font-weight: 600; }
#debriefForm QLabel#debriefHint { color: #5d6168; font-size: 9pt; }
#debriefForm QLabel#debriefQuestion { color: #b0b5bd; }
#debriefForm QPlainTextEdit {
    background: #121417; color: #b9bec6; border: 1px solid #22252a; border-radius: 6px;
}
#debriefForm QPlainTextEdit:focus { border-color: #3b4350; }
#debriefForm QLabel[state] { color: #6b7078; font-size: 9pt; }
#debriefForm QLabel[state="received"], #debriefForm QLabel[state="thanked"] { color: #6f9c82; }
#debriefForm QLabel[state="undelivered"], #debriefForm QLabel[state="rejected"] {
    color: #b08a5a;
}
#debriefForm QLabel#debriefState[state="thanked"] { font-size: 12pt; }
#debriefForm QPushButton#debriefSend {
    background: #14201a; color: #b3cdbd; border: 1px solid #2c3f35; border-radius: 8px;
    font-weight: 600; min-height: 40px;
}
"""


class DebriefSender(Protocol):
    """What the form sends through: a partner client (``app.link.partner_end``)."""

    def answer_debrief(self, question: int, answer: str, message_id: str) -> None: ...


@dataclass(slots=True)
class _Answer:
    question: int
    field: QPlainTextEdit
    state_label: QLabel
    message_id: str = ""
    sent_words: str = ""
    state: SendState | None = None


class DebriefForm(QWidget):
    """The questions, their fields and one Send button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debriefForm")
        self.setStyleSheet(_STYLE)
        self._sender: DebriefSender | None = None
        self._closed = False
        self.questions: tuple[str, ...] = ()
        self.answers: list[_Answer] = []
        heading = QLabel(self.tr("After the meeting"))
        heading.setObjectName("debriefHeading")
        self.hint = QLabel(self.tr("Your answers go to them alone. Answer what you can."))
        self.hint.setObjectName("debriefHint")
        self.hint.setWordWrap(True)
        self.fields_box = QWidget()
        self.fields_layout = QVBoxLayout(self.fields_box)
        self.fields_layout.setContentsMargins(0, 0, 0, 0)
        self.fields_layout.setSpacing(4)
        self.send_button = QPushButton(self.tr("Send answers"))
        self.send_button.setObjectName("debriefSend")
        self.send_button.clicked.connect(self.send)
        self.state_label = QLabel()
        self.state_label.setObjectName("debriefState")
        self.state_label.setProperty("state", "idle")
        self.state_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.send_button)
        layout.addWidget(self.state_label)
        layout.addStretch(1)

    def use(self, sender: DebriefSender) -> None:
        self._sender = sender

    def reset(self) -> None:
        """Empty again, for the next meeting's debrief (a paired partner stays)."""
        self._closed = False
        self._set_questions(())
        self.fields_box.show()
        self.hint.show()

    def ask(self, questions: tuple[str, ...]) -> None:
        """The debrief's questions, an empty field under each (asked again: kept as typed)."""
        if questions == self.questions and self.answers:
            return
        self._set_questions(questions)
        if self.answers:
            self.answers[0].field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_questions(self, questions: tuple[str, ...]) -> None:
        self.questions = questions
        while self.fields_layout.count():
            item = self.fields_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.answers = []
        for index, question in enumerate(questions):
            label = QLabel(question)
            label.setObjectName("debriefQuestion")
            label.setWordWrap(True)
            field = QPlainTextEdit()
            field.setObjectName(f"debriefAnswer{index}")
            field.setAccessibleName(question)
            field.setPlaceholderText(self.tr("Your answer"))
            field.setTabChangesFocus(True)  # Tab to the next question, as in any form
            field.setFixedHeight(64)
            label.setBuddy(field)
            state_label = QLabel()
            state_label.setProperty("state", "idle")
            self.fields_layout.addWidget(label)
            self.fields_layout.addWidget(field)
            self.fields_layout.addWidget(state_label)
            self.fields_layout.addSpacing(6)
            self.answers.append(_Answer(index, field, state_label))
        self._show_state()

    def send(self) -> None:
        """Every written answer not yet received goes; the same words keep their id."""
        if self._sender is None or self._closed:
            return
        busy = (SendState.SENT, SendState.PENDING, SendState.RECEIVED)
        waiting = [a for a in self.answers if a.field.toPlainText().strip() and a.state not in busy]
        if not waiting and not any(a.state is SendState.RECEIVED for a in self.answers):
            nothing = self.tr("Write at least one answer first.")
            self._set_label(self.state_label, "rejected", nothing)
            return
        if any(len(a.field.toPlainText().strip()) > MAX_DEBRIEF_ANSWER_CHARS for a in waiting):
            self._set_label(
                self.state_label,
                "rejected",
                self.tr(
                    "An answer is longer than %n characters: shorten it, then send.",
                    "",
                    MAX_DEBRIEF_ANSWER_CHARS,
                ),
            )
            return
        for answer in waiting:
            words = answer.field.toPlainText().strip()
            if words != answer.sent_words or not answer.message_id:
                answer.message_id = new_message_id()
                answer.sent_words = words
            answer.field.setReadOnly(True)
            answer.state = SendState.PENDING
            self._sender.answer_debrief(answer.question, words, answer.message_id)
        self._show_state()

    def show_send_state(self, message_id: str, state: str) -> None:
        """What became of an answer, from the client's ``sendStateChanged``."""
        for answer in self.answers:
            if answer.message_id == message_id and message_id:
                answer.state = SendState(state)
                self._set_label(answer.state_label, state, self.tr(ANSWER_TEXT[answer.state]))
                if answer.state in (SendState.UNDELIVERED, SendState.REJECTED):
                    answer.field.setReadOnly(self._closed)
                self._show_state()

    def close_debrief(self) -> None:
        """The link is gone: nothing more can be sent; what did not arrive says so."""
        self._closed = True
        for answer in self.answers:
            answer.field.setReadOnly(True)
        self._show_state()
        if self.state_label.property("state") == "thanked":
            self.fields_box.hide()  # every answer is with the user: off this screen too
            self.hint.hide()

    @property
    def thanked(self) -> bool:
        return self.state_label.property("state") == "thanked"

    def _show_state(self) -> None:
        given = [a for a in self.answers if a.state is not None]
        waiting = any(a.state in (SendState.SENT, SendState.PENDING) for a in given)
        failed = [a for a in given if a.state in (SendState.UNDELIVERED, SendState.REJECTED)]
        unsent = any(a.state is None and a.field.toPlainText().strip() for a in self.answers)
        if waiting:
            state, text = "sent", self.tr("Sending…")
        elif failed and self._closed:
            state, text = (
                "undelivered",
                self.tr("The meeting has ended; these answers did not get through."),
            )
        elif any(a.state is SendState.REJECTED for a in failed):
            state, text = "rejected", self.tr("Not accepted — wait a moment, then try again.")
        elif failed:
            state, text = "undelivered", self.tr("Some answers did not get through. Try again.")
        elif given and not unsent:
            state, text = "thanked", self.tr("Thank you. Your answers arrived.")
        else:
            state, text = "idle", ""
        self._set_label(self.state_label, state, text)
        self.send_button.setEnabled(not waiting and state != "thanked" and not self._closed)
        self.send_button.setVisible(state != "thanked" and not self._closed)

    def _set_label(self, label: QLabel, state: str, text: str) -> None:
        label.setText(text)
        set_style_state(label, "state", state)
