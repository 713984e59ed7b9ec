"""The partner window: a second Poise sending cues to the user's, like the phone page does.

Opened by ``poise partner URL`` or by pasting the pairing address. Dark and quiet
on purpose, so a glance at the partner's laptop shows nothing of note; the same
buttons and states as the phone page (connected, sent, shown, acknowledged). When the
user asks for help ("Step in"), a calm highlighted box with the words and one big
"OK, stepping in" button appears above the cues, as on the phone page.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain.signal_protocol import CueButton, Request
from app.link.client import PairingUrlError, PartnerLinkClient
from app.link.pairing import PairingError, is_relay_link
from app.link.partner_end import LinkState, PressState
from app.link.relay_partner import MeetingState, RelayPartnerClient
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.accessible_roles import call_a_window
from app.ui.common.problem_line import hidden_problem_line
from app.ui.partner.watch_views import PartnerWatchViews

LINK_TEXT = {
    LinkState.CONNECTING: QT_TRANSLATE_NOOP("PartnerWindow", "Connecting…"),
    LinkState.CONNECTED: QT_TRANSLATE_NOOP("PartnerWindow", "Connected"),
    LinkState.OFFLINE: QT_TRANSLATE_NOOP("PartnerWindow", "Offline — reconnecting…"),
    LinkState.ENDED: QT_TRANSLATE_NOOP("PartnerWindow", "Meeting ended"),
}
MEETING_TEXT = {
    MeetingState.WAITING: QT_TRANSLATE_NOOP("PartnerWindow", "Paired — waiting for a meeting"),
    MeetingState.LIVE: QT_TRANSLATE_NOOP("PartnerWindow", "Meeting live"),
    MeetingState.ENDED: QT_TRANSLATE_NOOP("PartnerWindow", "Meeting ended"),
    MeetingState.REVOKED: QT_TRANSLATE_NOOP("PartnerWindow", "This pairing was ended"),
}
REVOKED_TEXT = QT_TRANSLATE_NOOP(
    "PartnerWindow", "The user ended this pairing. Ask them for a new link if you still need one."
)
PRESS_TEXT = {
    PressState.PENDING: QT_TRANSLATE_NOOP("PartnerWindow", "Offline — will send when back"),
    # Not "Sent" before Poise said it arrived: it may be lost on the way and go again.
    PressState.SENT: QT_TRANSLATE_NOOP("PartnerWindow", "Sending…"),
    PressState.RECEIVED: QT_TRANSLATE_NOOP("PartnerWindow", "Sent"),
    PressState.SHOWN: QT_TRANSLATE_NOOP("PartnerWindow", "Shown on their screen"),
    PressState.ACKNOWLEDGED: QT_TRANSLATE_NOOP("PartnerWindow", "Acknowledged"),
    PressState.EXPIRED: QT_TRANSLATE_NOOP("PartnerWindow", "Faded, not acknowledged"),
    PressState.REJECTED: QT_TRANSLATE_NOOP("PartnerWindow", "Not accepted — wait a moment"),
    PressState.UNDELIVERED: QT_TRANSLATE_NOOP("PartnerWindow", "Did not get through"),
}
ANSWERED_SHOWN_MS = 20000
_DOT_COLOR = {
    LinkState.CONNECTING: "#4a4d52",
    LinkState.CONNECTED: "#3f6e55",
    LinkState.OFFLINE: "#7a5a36",
    LinkState.ENDED: "#2a2c30",
}
_STYLE = """
#partnerWindow { background: #0b0c0e; }
#partnerWindow QLabel { color: #7d828a; }
#partnerWindow QLabel#pressState[state="acknowledged"] { color: #6f9c82; }
#partnerWindow QLabel#pressState[state="undelivered"],
#partnerWindow QLabel#pressState[state="rejected"] { color: #b08a5a; }
#partnerWindow QLabel#pairingProblem { color: #b08a5a; }
#partnerWindow QLineEdit {
    background: #141619; color: #a3a8b0; border: 1px solid #22252a; border-radius: 6px;
    padding: 6px 8px; selection-background-color: #2b3440;
}
#partnerWindow QPushButton {
    background: #141619; color: #a3a8b0; border: 1px solid #22252a; border-radius: 6px;
    padding: 6px 14px;
}
#partnerWindow QPushButton#cueButton {
    border-radius: 14px; font-size: 18pt; min-height: 72px;
}
#partnerWindow QPushButton:pressed { background: #1b1e22; }
#partnerWindow QPushButton:focus { border-color: #3b4350; }
#partnerWindow QFrame#requestBox {
    background: #10222b; border: 1px solid #3d6b80; border-radius: 14px;
}
#partnerWindow QFrame#requestBox[state="acknowledged"] {
    background: #101a15; border-color: #2c4a3a;
}
#partnerWindow QLabel#requestLabel { color: #cfe3ec; font-size: 17pt; font-weight: 600; }
#partnerWindow QFrame#requestBox[state="acknowledged"] QLabel#requestLabel {
    color: #8fbfa3; font-size: 12pt;
}
#partnerWindow QLabel#requestWords { color: #a9c3cf; font-size: 12pt; }
#partnerWindow QPushButton#requestAnswer {
    background: #1d4253; color: #e6f1f5; border: 1px solid #4f8aa3; border-radius: 12px;
    font-size: 15pt; font-weight: 600; min-height: 60px;
}
#partnerWindow QPushButton#requestAnswer:pressed { background: #245062; }
"""


class PartnerWindow(QWidget):
    """The partner's own small window; owns its link client."""

    def __init__(self, url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerWindow")
        call_a_window(self)
        self.setWindowTitle(self.tr("Partner · {app}").format(app=APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.resize(400, 640)
        self.client: PartnerLinkClient | RelayPartnerClient | None = None
        self.cue_buttons: dict[str, QPushButton] = {}

        self.url_field = QLineEdit()
        self.url_field.setObjectName("pairingUrl")
        self.url_field.setPlaceholderText(self.tr("Paste the address from the user's Poise"))
        self.url_field.returnPressed.connect(self._connect_from_field)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.clicked.connect(self._connect_from_field)
        self.problem_label = hidden_problem_line("pairingProblem")
        pairing_row = QHBoxLayout()
        pairing_row.setSpacing(8)
        pairing_row.addWidget(self.url_field, stretch=1)
        pairing_row.addWidget(self.connect_button)
        self.pairing_box = QWidget()
        pairing_layout = QVBoxLayout(self.pairing_box)
        pairing_layout.setContentsMargins(0, 0, 0, 0)
        pairing_layout.addLayout(pairing_row)
        pairing_layout.addWidget(self.problem_label)

        self.link_dot = QLabel()
        self.link_dot.setFixedSize(8, 8)
        self.link_label = QLabel(self.tr("Not connected"))
        self.link_label.setObjectName("linkState")
        status_row = QHBoxLayout()
        status_row.setSpacing(8)
        status_row.addWidget(self.link_dot)
        status_row.addWidget(self.link_label, stretch=1)
        self.cue_box = QWidget()
        self.watch = PartnerWatchViews(self.cue_box, self)
        status_row.addWidget(self.watch.brief_button)

        self.request: Request | None = None
        self.request_box = QFrame()
        self.request_box.setObjectName("requestBox")
        self.request_box.setProperty("state", "open")
        self.request_label = QLabel()
        self.request_label.setObjectName("requestLabel")
        self.request_label.setWordWrap(True)
        self.request_words = QLabel()
        self.request_words.setObjectName("requestWords")
        self.request_words.setWordWrap(True)
        self.answer_button = QPushButton(self.tr("OK, stepping in"))
        self.answer_button.setObjectName("requestAnswer")
        self.answer_button.clicked.connect(self._answer_request)
        request_layout = QVBoxLayout(self.request_box)
        request_layout.setContentsMargins(14, 12, 14, 14)
        request_layout.setSpacing(8)
        request_layout.addWidget(self.request_label)
        request_layout.addWidget(self.request_words)
        request_layout.addWidget(self.answer_button)
        self.request_box.hide()
        self._answered_timer = QTimer(self)
        self._answered_timer.setSingleShot(True)
        self._answered_timer.setInterval(ANSWERED_SHOWN_MS)
        self._answered_timer.timeout.connect(self._hide_answered_request)

        self.cue_area = QVBoxLayout(self.cue_box)
        self.cue_area.setContentsMargins(0, 0, 0, 0)
        self.cue_area.setSpacing(10)
        self.waiting_label = QLabel(self.tr("Waiting for Poise…"))
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_area.addWidget(self.waiting_label, stretch=1)

        self.press_label = QLabel()
        self.press_label.setObjectName("pressState")
        self.press_label.setProperty("state", "idle")
        self.press_label.setMinimumHeight(28)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(12)
        layout.addWidget(self.pairing_box)
        layout.addLayout(status_row)
        layout.addWidget(self.watch.where_line)
        layout.addWidget(self.request_box)
        layout.addWidget(self.watch.brief_view, stretch=1)
        layout.addWidget(self.cue_box, stretch=1)
        layout.addWidget(self.watch.observations)
        layout.addWidget(self.watch.debrief, stretch=1)
        layout.addWidget(self.press_label)
        self._show_link_state(LinkState.CONNECTING, connected_once=False)

        if url:
            self.url_field.setText(url)
            self._connect_from_field()

    def connect_to(self, url: str) -> None:
        """Start talking to the user's Poise; raises PairingUrlError for a bad address."""
        # A pairing link (issue 15) goes through the team's relay; an address, over the LAN.
        client: PartnerLinkClient | RelayPartnerClient
        if is_relay_link(url):
            client = RelayPartnerClient(url, parent=self)
            client.meetingStateChanged.connect(self._show_meeting_state)
        else:
            client = PartnerLinkClient(url, parent=self)
        if self.client is not None:
            self.client.stop()
            self.client.deleteLater()
        self.client = client
        # The client is this window's child and goes before it, so these callables never
        # outlive the window. (Bound methods here crashed Qt with a bus error about one
        # run in two when a relay client's window closed: tests/relay/test_relay_meeting.)
        client.linkStateChanged.connect(lambda state: self._link_state_changed(state))
        client.cuesChanged.connect(self._show_cues)
        client.pressStateChanged.connect(
            lambda message_id, state: self._press_state_changed(message_id, state)
        )
        client.requestReceived.connect(self._show_request)
        client.requestAnswered.connect(self._show_request_answered)
        self.watch.attach(client)
        client.debriefAsked.connect(self._press_state_done_with)
        self.pairing_box.hide()
        client.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.client is not None:
            self.client.stop()
        super().closeEvent(event)

    def _connect_from_field(self) -> None:
        try:
            self.connect_to(self.url_field.text())
        except (PairingUrlError, PairingError) as problem:
            message = str(problem)
            self.problem_label.setText(message[:1].upper() + message[1:])
            self.problem_label.show()
        else:
            self.problem_label.hide()

    def _link_state_changed(self, state: str) -> None:
        self._show_link_state(LinkState(state))

    def _press_state_changed(self, _message_id: str, state: str) -> None:
        self._show_press_state(PressState(state))

    def _show_link_state(self, state: LinkState, connected_once: bool = True) -> None:
        client = self.client
        if isinstance(client, RelayPartnerClient) and client.meeting_state is MeetingState.REVOKED:
            return  # the pairing is over: no link state means anything now
        self.link_label.setText(
            self.tr(LINK_TEXT[state]) if connected_once else self.tr("Not connected")
        )
        if state is LinkState.CONNECTED and isinstance(self.client, RelayPartnerClient):
            self.link_label.setText(self.tr(MEETING_TEXT[self.client.meeting_state]))
        self.link_dot.setStyleSheet(f"background: {_DOT_COLOR[state]}; border-radius: 4px;")
        if state is LinkState.ENDED:
            self._show_meeting_ended()
            self.watch.meeting_over()

    def _show_meeting_ended(self) -> None:
        # Nothing left to press or answer; the window stays until the partner closes it.
        for button in self.cue_buttons.values():
            button.setEnabled(False)
        self.request_box.hide()
        self.press_label.setText(self.tr("The meeting has ended. You can close this window."))

    def _show_meeting_state(self, state: str) -> None:
        meeting = MeetingState(state)
        self.link_label.setText(self.tr(MEETING_TEXT[meeting]))
        if meeting is MeetingState.LIVE:
            self.watch.meeting_live()
        elif meeting in (MeetingState.ENDED, MeetingState.REVOKED):
            self.watch.meeting_over()
        if meeting is MeetingState.REVOKED:
            self._show_cues(())
            self.request_box.hide()
            self.press_label.setText(self.tr(REVOKED_TEXT))
            self.press_label.setProperty("state", "revoked")

    def _show_cues(self, cues: tuple[CueButton, ...]) -> None:
        if tuple(self.cue_buttons) == tuple(cue.key for cue in cues):
            return
        while self.cue_area.count():
            item = self.cue_area.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cue_buttons = {}
        for cue in cues:
            button = QPushButton(cue.label)
            button.setObjectName("cueButton")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, key=cue.key: self._press(key))
            self.cue_area.addWidget(button, stretch=1)
            self.cue_buttons[cue.key] = button
        # Tab goes Brief, the cues, then the quiet observations (made before the cues).
        chain = [self.watch.brief_button, *self.cue_buttons.values(), self.watch.first_control]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _press(self, cue_key: str) -> None:
        if self.client is not None:
            self.client.press(cue_key)

    def _show_request(self, request: Request) -> None:
        self.request = request
        self._answered_timer.stop()
        self._set_request_state("open")
        self.request_label.setText(request.label)
        self.request_words.setText(request.words)
        self.request_words.show()
        self.answer_button.setText(request.answer or self.tr("OK"))
        self.answer_button.setEnabled(True)
        self.answer_button.show()
        self.request_box.show()
        # The taskbar entry asks for attention; the window never takes the focus itself.
        QApplication.alert(self)

    def _answer_request(self) -> None:
        if self.client is not None and self.request is not None:
            self.answer_button.setEnabled(False)
            self.client.acknowledge_request(self.request.message_id)

    def _show_request_answered(self, message_id: str) -> None:
        if self.request is None or self.request.message_id != message_id:
            return
        self._set_request_state("acknowledged")
        self.request_label.setText(
            self.request.answered or self.tr("Acknowledged — they know you got it")
        )
        self.request_words.hide()
        self.answer_button.hide()
        self.request = None
        self._answered_timer.start()

    def _hide_answered_request(self) -> None:
        if self.request is None:
            self.request_box.hide()

    def _set_request_state(self, state: str) -> None:
        self.request_box.setProperty("state", state)
        for widget in (self.request_box, self.request_label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _press_state_done_with(self, _questions: object) -> None:
        """The debrief's time: what became of the last cue is no news any more."""
        self.press_label.setText("")
        self.press_label.setProperty("state", "idle")

    def _show_press_state(self, state: PressState) -> None:
        client = self.client
        if isinstance(client, RelayPartnerClient) and client.meeting_state is MeetingState.REVOKED:
            return  # REVOKED_TEXT says more than "not delivered"
        self.press_label.setText(self.tr(PRESS_TEXT[state]))
        self.press_label.setProperty("state", state.value)
        # A dynamic property only restyles after the style is applied again.
        self.press_label.style().unpolish(self.press_label)
        self.press_label.style().polish(self.press_label)
