"""The partner's end of a link, whatever carries it: the last press and the open request.

Both partner clients (``app.link.client`` over the LAN's WebSocket, and
``app.link.relay_partner`` through the relay) subclass :class:`PartnerEnd`. It holds
what a partner's Poise knows of the conversation: how far its latest press got
(pending while offline, sent, received, shown... or undelivered when too old to help),
the user's open request, and the "OK" it owes or has given. A press (and an "OK") is sent
again every :data:`RESEND_EVERY_MS` until Poise answers it, at most :data:`MOST_SENDS` times (same
message id: Poise answers a repeat with where the first got to and never shows it twice),
so a press a flooded broker dropped still arrives. When the link is back it resends a
fresh press or asks after an old one, and reads Poise's answers the same way on both
paths. A subclass says how one message goes out (:meth:`PartnerEnd._send`) and keeps
its own connection states.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from app.domain.partner_watch import QuickObservation
from app.domain.signal_protocol import (
    Brief,
    CueButton,
    DebriefAnswer,
    DebriefQuestions,
    DeliveryState,
    Hello,
    Observe,
    Ping,
    Press,
    Query,
    Request,
    RequestAck,
    ServerMessage,
    Status,
    Where,
    new_message_id,
)

STALE_AFTER_MS = 30000
"""A press not sent within this long is too old to help: reported undelivered."""
RESEND_EVERY_MS = 1000
"""Poise answers a press within milliseconds; no answer after this long, it goes again."""
MOST_SENDS = 8
"""A press goes out at most this often (the first time and the repeats), then it waits."""
ANSWER_WITHIN_MS = 8000
"""Poise answers a message in well under a second on either path; silence this long after
it went out means it did not get through (a revoked pairing, a Poise that went away)."""


class LinkState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    OFFLINE = "offline"
    ENDED = "ended"  # the user's meeting is over: the link will not come back


class PressState(StrEnum):
    """How far the latest press got, as the partner sees it."""

    PENDING = "pending"  # made while offline, not sent yet
    SENT = "sent"
    RECEIVED = "received"
    SHOWN = "shown"
    ACKNOWLEDGED = "acknowledged"
    EXPIRED = "expired"
    REJECTED = "rejected"
    UNDELIVERED = "undelivered"

    @property
    def is_final(self) -> bool:
        return self in (
            PressState.ACKNOWLEDGED,
            PressState.EXPIRED,
            PressState.REJECTED,
            PressState.UNDELIVERED,
        )


class SendState(StrEnum):
    """How far an observation or a debrief answer got: Poise only ever says "received"."""

    PENDING = "pending"  # made while offline, not sent yet
    SENT = "sent"  # on its way, maybe more than once: no answer yet
    RECEIVED = "received"  # Poise has it (kept once, however often it arrived)
    REJECTED = "rejected"  # refused: too many too fast, too long, the wrong moment
    UNDELIVERED = "undelivered"  # never answered: it did not get through

    @property
    def is_final(self) -> bool:
        return self not in (SendState.PENDING, SendState.SENT)


@dataclass(slots=True)
class _Outgoing:
    """An observation or debrief answer waiting for Poise's "received"."""

    message: OutboxMessage
    made: QElapsedTimer
    went_out: QElapsedTimer
    state: SendState = SendState.PENDING
    sends: int = 0


@dataclass(slots=True)
class _LastPress:
    message_id: str
    cue_key: str
    age_timer: QTimer
    state: PressState
    sends: int = 0


OutboxMessage = Observe | DebriefAnswer
ClientMessage = Hello | Press | Query | RequestAck | Ping | OutboxMessage
_SETTLED_BY = {
    DeliveryState.REJECTED: SendState.REJECTED,
    DeliveryState.UNKNOWN: SendState.UNDELIVERED,
}


class PartnerEnd(QObject):
    """A partner's side of one link; all work on Qt's event loop. See the module docstring."""

    linkStateChanged = Signal(str)  # noqa: N815 (Qt signal naming) -- LinkState value
    cuesChanged = Signal(object)  # noqa: N815 (Qt signal naming) -- tuple[CueButton, ...]
    pressStateChanged = Signal(str, str)  # noqa: N815 (Qt signal naming) -- message id, state
    requestReceived = Signal(object)  # noqa: N815 (Qt signal naming) -- Request
    requestAnswered = Signal(str)  # noqa: N815 (Qt signal naming) -- request id, acknowledged
    briefReceived = Signal(object)  # noqa: N815 (Qt signal naming) -- Brief
    whereChanged = Signal(object)  # noqa: N815 (Qt signal naming) -- Where
    debriefAsked = Signal(object)  # noqa: N815 (Qt signal naming) -- tuple[str, ...] questions
    sendStateChanged = Signal(str, str)  # noqa: N815 (Qt signal naming) -- message id, SendState

    def __init__(
        self, stale_after_ms: int, parent: QObject | None, answer_within_ms: int | None = None
    ) -> None:
        super().__init__(parent)
        self._stale_after_ms = stale_after_ms
        # Read when made, not when defined: a test may shorten the module's patience.
        self._answer_within_ms = answer_within_ms or ANSWER_WITHIN_MS
        self._outbox: dict[str, _Outgoing] = {}
        self.brief: Brief | None = None
        self.where: Where | None = None
        self.debrief_questions: tuple[str, ...] = ()
        self._state = LinkState.CONNECTING
        self._cues: tuple[CueButton, ...] = ()
        self._last: _LastPress | None = None
        self._request: Request | None = None
        self._answering: str | None = None  # an "OK" that may not have reached Poise yet
        self._answer_sends = 0
        self._answered: set[str] = set()
        self._resend_timer = QTimer(self, interval=RESEND_EVERY_MS)
        self._resend_timer.timeout.connect(self._resend)

    @abstractmethod
    def _send(self, message: ClientMessage) -> bool:
        """Sends one message now; False when the link cannot carry it at the moment.

        Each transport says how: a WebSocket frame on the LAN, a sealed MQTT message on
        the relay."""

    def _press_went_out(self) -> None:
        """A press was just sent (the relay waits for its answer from here)."""

    def _press_answered(self) -> None:
        """Poise said where the latest press got to."""

    @property
    def link_state(self) -> LinkState:
        return self._state

    @property
    def cues(self) -> tuple[CueButton, ...]:
        return self._cues

    @property
    def last_press_state(self) -> PressState | None:
        return self._last.state if self._last else None

    @property
    def open_request(self) -> Request | None:
        """The user's request waiting for this partner's answer, if any."""
        return self._request

    def acknowledge_request(self, message_id: str) -> None:
        """The partner's "OK, stepping in"; sent now or as soon as the link is back."""
        if message_id in self._answered:
            return
        self._answering = message_id
        self._answer_sends = 1 if self._send(RequestAck(message_id)) else 0
        if not self._resend_timer.isActive():
            self._resend_timer.start()

    def press(self, cue_key: str) -> str:
        """Send a cue now, or as soon as the link is back; returns its message id."""
        if self._last is not None:
            self._last.age_timer.stop()
            self._last.age_timer.deleteLater()
        age_timer = QTimer(self, singleShot=True, interval=self._stale_after_ms)
        age_timer.timeout.connect(self._on_press_stale)
        age_timer.start()
        self._last = _LastPress(new_message_id(), cue_key, age_timer, PressState.PENDING)
        sent = self._send(Press(self._last.message_id, cue_key))
        self._set_press_state(PressState.SENT if sent else PressState.PENDING)
        if sent:
            self._went_out()
        return self._last.message_id

    def observe(self, kind: QuickObservation | None, words: str, message_id: str) -> None:
        """A quiet observation, sent until Poise says it was received; ``sendStateChanged``
        tells how far it got (the id is the caller's, so it can listen before the first)."""
        self._post(Observe(message_id, kind, words))

    def answer_debrief(self, question: int, answer: str, message_id: str) -> None:
        """The answer to debrief question ``question`` (its index); sent like an observation."""
        self._post(DebriefAnswer(message_id, question, answer))

    def send_state(self, message_id: str) -> SendState | None:
        """Where an observation or answer still on its way is; None once settled."""
        item = self._outbox.get(message_id)
        return item.state if item is not None else None

    def _post(self, message: OutboxMessage) -> None:
        if message.message_id in self._outbox:
            return  # already on its way: Poise keeps one per id anyway
        made = QElapsedTimer()
        made.start()
        item = _Outgoing(message, made, QElapsedTimer())
        self._outbox[message.message_id] = item
        self._transmit(item)
        if not self._resend_timer.isActive():
            self._resend_timer.start()

    def _transmit(self, item: _Outgoing) -> None:
        if self._send(item.message):
            item.sends += 1
            if item.state is SendState.PENDING:
                item.went_out.start()
                item.state = SendState.SENT
        self.sendStateChanged.emit(item.message.message_id, item.state.value)

    def _settle(self, item: _Outgoing, state: SendState) -> None:
        item.state = state
        del self._outbox[item.message.message_id]
        self.sendStateChanged.emit(item.message.message_id, state.value)

    def _resend_outbox(self) -> bool:
        """Repeats what Poise has not answered yet, gives up on what is too old; True while
        anything is still waiting."""
        for item in list(self._outbox.values()):
            if item.state is SendState.PENDING:
                if item.made.elapsed() >= self._stale_after_ms:
                    self._settle(item, SendState.UNDELIVERED)
            elif item.went_out.elapsed() >= self._answer_within_ms:
                self._settle(item, SendState.UNDELIVERED)
            elif item.sends < MOST_SENDS and self._send(item.message):
                item.sends += 1
        return bool(self._outbox)

    def _give_up_outbox(self) -> None:
        """The link will not come back for this meeting: what is still waiting did not arrive."""
        for item in list(self._outbox.values()):
            self._settle(item, SendState.UNDELIVERED)

    def _went_out(self) -> None:
        assert self._last is not None
        self._last.sends += 1
        if not self._resend_timer.isActive():
            self._resend_timer.start()
        self._press_went_out()

    def _resend(self) -> None:
        """No answer yet: the same press, or the same "OK", again (a dropped one arrives,
        a repeat is answered and never shown twice)."""
        waiting = self._resend_outbox()
        last = self._last
        if last is not None and last.state is PressState.SENT and last.sends < MOST_SENDS:
            waiting = True
            if self._send(Press(last.message_id, last.cue_key)):
                last.sends += 1
        if self._answering is not None and self._answer_sends < MOST_SENDS:
            waiting = True
            if self._send(RequestAck(self._answering)):
                self._answer_sends += 1
        if not waiting:
            self._resend_timer.stop()

    def _resume(self) -> None:
        """The link is back: a fresh press goes again, an old one is asked after, and an
        "OK" that may not have arrived is said again."""
        self._resume_press()
        for item in list(self._outbox.values()):
            self._transmit(item)
        if self._answering is not None and self._send(RequestAck(self._answering)):
            self._answer_sends += 1

    def _resume_press(self) -> None:
        last = self._last
        if last is None or last.state.is_final:
            return
        if last.state in (PressState.PENDING, PressState.SENT) and last.age_timer.isActive():
            if self._send(Press(last.message_id, last.cue_key)):  # a repeat is dropped
                self._set_press_state(PressState.SENT)
                self._went_out()
        else:
            self._send(Query(last.message_id))

    def _on_press_stale(self) -> None:
        if self._last is not None and self._last.state is PressState.PENDING:
            self._set_press_state(PressState.UNDELIVERED)

    def _hear(self, message: ServerMessage) -> None:
        """What Poise says about requests and presses, the same on every path."""
        match message:
            case Brief():
                self.brief = message
                self.briefReceived.emit(message)
            case Where():
                self.where = message
                self.whereChanged.emit(message)
            case DebriefQuestions(questions):
                self.debrief_questions = questions
                self.debriefAsked.emit(questions)
            case Status(message_id, state) if message_id in self._outbox:
                self._settle(self._outbox[message_id], _SETTLED_BY.get(state, SendState.RECEIVED))
            case Request(message_id):
                if message_id not in self._answered and message_id != self._answering:
                    self._request = message
                    self.requestReceived.emit(message)
            case Status(message_id, DeliveryState.ACKNOWLEDGED) if self._is_request(message_id):
                self._answered.add(message_id)
                if self._answering == message_id:
                    self._answering = None
                if self._request is not None and self._request.message_id == message_id:
                    self._request = None
                self.requestAnswered.emit(message_id)
            case Status(message_id, state):
                if self._last is not None and message_id == self._last.message_id:
                    self._press_answered()  # no repeat from here: it is not "sent" any more
                    if state is DeliveryState.UNKNOWN:
                        self._set_press_state(PressState.UNDELIVERED)
                    elif PressState(state.value) != self._last.state:
                        self._set_press_state(PressState(state.value))

    def _is_request(self, message_id: str) -> bool:
        return message_id == self._answering or (
            self._request is not None and self._request.message_id == message_id
        )

    def _set_cues(self, cues: tuple[CueButton, ...]) -> None:
        self._cues = cues
        self.cuesChanged.emit(cues)

    def _set_link_state(self, state: LinkState) -> None:
        if state is not self._state:
            self._state = state
            self.linkStateChanged.emit(state.value)

    def _set_press_state(self, state: PressState) -> None:
        if self._last is not None:
            self._last.state = state
            self.pressStateChanged.emit(self._last.message_id, state.value)
