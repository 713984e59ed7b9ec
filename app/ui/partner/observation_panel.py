"""Quiet observations in the partner window: one press for a common one, or a few words.

Nothing of it shows on the user's screen during the meeting; each says "Sending…" and
then "Noted" only once the user's Poise answered that it was received, or that it did not
get through (words that did not are put back in the field, never lost).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.partner_watch import (
    MAX_OBSERVATION_CHARS,
    QUICK_OBSERVATIONS,
    QuickObservation,
    spoken_observation,
)
from app.domain.signal_protocol import new_message_id
from app.link.partner_end import SendState
from app.translation import QT_TRANSLATE_NOOP
from app.ui.live.step_card import set_style_state

NOTED_SHOWN_MS = 4000
"""How long "Noted" stays beside a one-press observation before the line is plain again."""

SEND_TEXT = {
    SendState.PENDING: QT_TRANSLATE_NOOP("ObservationPanel", "Offline — will send when back"),
    SendState.SENT: QT_TRANSLATE_NOOP("ObservationPanel", "Sending…"),
    SendState.RECEIVED: QT_TRANSLATE_NOOP("ObservationPanel", "Noted"),
    SendState.REJECTED: QT_TRANSLATE_NOOP("ObservationPanel", "Not accepted — wait a moment"),
    SendState.UNDELIVERED: QT_TRANSLATE_NOOP("ObservationPanel", "Did not get through"),
}

_STYLE = """
#observationPanel QLabel#observeHeading { color: #8b9098; font-weight: 600; }
#observationPanel QLabel#observeHint { color: #5d6168; font-size: 9pt; }
#observationPanel QPushButton#quickObservation {
    background: #111316; color: #979ca4; border: 1px solid #1f2226; border-radius: 10px;
    min-height: 40px; padding: 4px 8px;
}
#observationPanel QPushButton#quickObservation:focus { border-color: #3b4350; }
#observationPanel QLabel#observeState { color: #6b7078; font-size: 9pt; }
#observationPanel QLabel#observeState[state="received"] { color: #6f9c82; }
#observationPanel QLabel#observeState[state="undelivered"],
#observationPanel QLabel#observeState[state="rejected"] { color: #b08a5a; }
"""


class ObservationSender(Protocol):
    """What the panel sends through: a partner client (``app.link.partner_end``)."""

    def observe(self, kind: QuickObservation | None, words: str, message_id: str) -> None: ...


class ObservationPanel(QWidget):
    """The four one-press observations, a words field and what became of the last one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observationPanel")
        self.setStyleSheet(_STYLE)
        self._sender: ObservationSender | None = None
        self._words_sent: dict[str, str] = {}  # message id -> words, to give back if lost
        self._latest = ""
        heading = QLabel(self.tr("Note quietly"))
        heading.setObjectName("observeHeading")
        hint = QLabel(self.tr("Not shown on their screen: kept for their review."))
        hint.setObjectName("observeHint")
        hint.setWordWrap(True)
        self.quick_buttons: dict[QuickObservation, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        for place, kind in enumerate(QUICK_OBSERVATIONS):
            button = QPushButton(spoken_observation(kind))
            button.setObjectName("quickObservation")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, k=kind: self._send(k, ""))
            grid.addWidget(button, place // 2, place % 2)
            self.quick_buttons[kind] = button
        self.words_field = QLineEdit()
        self.words_field.setObjectName("observeWords")
        self.words_field.setPlaceholderText(self.tr("A few words…"))
        self.words_field.setAccessibleName(self.tr("A few words…"))
        self.words_field.setMaxLength(MAX_OBSERVATION_CHARS)
        self.words_field.returnPressed.connect(self._send_words)
        self.note_button = QPushButton(self.tr("Note"))
        self.note_button.setObjectName("observeSend")
        self.note_button.clicked.connect(self._send_words)
        words_row = QHBoxLayout()
        words_row.setSpacing(6)
        words_row.addWidget(self.words_field, stretch=1)
        words_row.addWidget(self.note_button)
        self.state_label = QLabel()
        self.state_label.setObjectName("observeState")
        self.state_label.setProperty("state", "idle")
        self._plain_again = QTimer(self, singleShot=True, interval=NOTED_SHOWN_MS)
        self._plain_again.timeout.connect(self._clear_state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addLayout(words_row)
        layout.addWidget(self.state_label)

    def use(self, sender: ObservationSender) -> None:
        """Send through ``sender`` from now on (a new client after a new address)."""
        self._sender = sender

    def show_send_state(self, message_id: str, state: str) -> None:
        """What became of an observation, from the client's ``sendStateChanged``."""
        if message_id not in self._words_sent:
            return  # a debrief answer, or an observation from before
        send_state = SendState(state)
        words = self._words_sent[message_id]
        lost = send_state in (SendState.UNDELIVERED, SendState.REJECTED)
        if lost and words and not self.words_field.text():
            self.words_field.setText(words)  # never lose what the partner wrote
        if send_state.is_final:
            del self._words_sent[message_id]
        if message_id != self._latest:
            return
        self.state_label.setText(self.tr(SEND_TEXT[send_state]))
        set_style_state(self.state_label, "state", send_state.value)
        if send_state is SendState.RECEIVED:
            self._plain_again.start()
        else:
            self._plain_again.stop()

    def reset(self) -> None:
        """A new meeting: no state left from the last one (its typed words stay)."""
        self._words_sent.clear()
        self._latest = ""
        self._plain_again.stop()
        self._clear_state()

    def _send_words(self) -> None:
        words = self.words_field.text().strip()
        if not words:
            self.words_field.setFocus()
            return
        self.words_field.clear()
        self._send(None, words)

    def _send(self, kind: QuickObservation | None, words: str) -> None:
        if self._sender is None:
            return
        # The id first: the client tells this panel its states, the first one at once.
        message_id = new_message_id()
        self._words_sent[message_id] = words
        self._latest = message_id
        self._sender.observe(kind, words, message_id)

    def _clear_state(self) -> None:
        self.state_label.setText("")
        set_style_state(self.state_label, "state", "idle")
