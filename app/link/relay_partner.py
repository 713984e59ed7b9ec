"""A second Poise's side of the relay (``poise partner LINK``), beside the phone page.

The same signals as ``PartnerLinkClient``, and the paired partner's own states: waiting
for a meeting, live, ended, and revoked (the user ended the pairing: Poise says so, sealed,
before it drops the keys). A press the broker took but Poise never answered within
:data:`ANSWER_WITHIN_MS` is reported undelivered, never left at "Sent..." for good.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from app import qt_workarounds
from app.domain.signal_protocol import (
    ClientKind,
    Hello,
    ProtocolError,
    Welcome,
    encode,
    parse_server_message,
)
from app.link.mqtt_link import BrokerStatus, MqttLink
from app.link.pairing import parse_relay_link
from app.link.partner_end import (
    ANSWER_WITHIN_MS,
    STALE_AFTER_MS,
    ClientMessage,
    LinkState,
    PartnerEnd,
    PressState,
)
from app.link.relay_crypto import Channels, Envelope, Opener, Sealer, derive_channels


class MeetingState(StrEnum):
    WAITING = "waiting"  # paired, no meeting live
    LIVE = "live"
    ENDED = "ended"
    REVOKED = "revoked"  # the user ended the pairing; nothing more will come


class RelayPartnerClient(PartnerEnd):
    """A partner's Poise through the relay; the signals of ``PartnerLinkClient`` and more."""

    meetingStateChanged = Signal(str)  # noqa: N815 -- MeetingState value

    def __init__(
        self,
        link: str,
        *,
        stale_after_ms: int = STALE_AFTER_MS,
        answer_within_ms: int = ANSWER_WITHIN_MS,
        parent: QObject | None = None,
    ) -> None:
        qt_workarounds.install()
        super().__init__(stale_after_ms, parent, answer_within_ms)
        pairing = parse_relay_link(link)
        self._secret = pairing.secret
        self._lobby = derive_channels(pairing.secret)
        self._meeting: Channels | None = None
        self._meeting_id: str | None = None
        self._meeting_state = MeetingState.WAITING
        self._newest_lobby_ms = -1
        self.old_lobby_words = 0
        """Lobby words dropped for naming another meeting than the one they could be about."""
        self._answer_timer = QTimer(self, singleShot=True, interval=answer_within_ms)
        self._answer_timer.timeout.connect(self._on_no_answer)
        self.opener = Opener()
        self.opener.listen(self._lobby.down)
        self._sealer = Sealer()
        self.link = MqttLink(pairing.broker_url, self.opener, self, credentials=pairing.broker_pass)
        self.link.envelopeReceived.connect(self._on_envelope)
        self.link.connected.connect(self._on_connected)
        self.link.statusChanged.connect(self._on_status)

    @property
    def meeting_state(self) -> MeetingState:
        return self._meeting_state

    def start(self) -> None:
        self.link.subscribe(self._lobby.down.topic)
        self.link.start()

    def stop(self) -> None:
        self.link.stop()

    # --- the broker ---------------------------------------------------------------------

    def _on_connected(self) -> None:
        self.link.publish(self._lobby.up.topic, self._sealer.seal(self._lobby.up, "hello"))

    def _on_status(self, status: str) -> None:
        if BrokerStatus(status) is BrokerStatus.CONNECTED:
            if self._meeting_state is MeetingState.LIVE:
                self._set_link_state(LinkState.CONNECTED)
        elif BrokerStatus(status) is BrokerStatus.UNREACHABLE:
            self._set_link_state(LinkState.OFFLINE)
        elif BrokerStatus(status) is BrokerStatus.REFUSED:
            # The team's relay no longer admits this pass: the pairing was revoked (or
            # its user removed) while this side was away.
            self._on_revoked()

    def _on_envelope(self, topic: str, envelope: Envelope) -> None:
        if self._meeting_state is MeetingState.REVOKED:
            return
        if envelope.kind == "revoked" and topic in self._own_topics():
            self._on_revoked()
            return
        if topic == self._lobby.down.topic:
            if not self._belongs_to_this_meeting(envelope):
                return
            if envelope.kind == "live" and envelope.meeting and envelope.msg:
                self._on_live(envelope.meeting, envelope.msg)
            elif envelope.kind == "ended":
                self._on_ended()
            return
        if self._meeting is None or topic != self._meeting.down.topic:
            return
        if envelope.kind == "ended":
            self._on_ended()
        elif envelope.kind == "signal" and envelope.msg:
            self._on_signal(envelope.msg)

    def _belongs_to_this_meeting(self, envelope: Envelope) -> bool:
        """A lobby word about the meeting it names: an old one replayed later is dropped.

        "ended" counts only for the meeting this partner is in. "live" for another meeting
        counts only when newer (Poise's own clock) than every lobby word heard so far:
        a meeting's words all come after the previous one's "ended"."""
        if envelope.meeting is None:
            accepted = False
        elif envelope.kind == "ended":
            accepted = envelope.meeting == self._meeting_id
        elif envelope.kind == "live":
            accepted = (
                envelope.meeting == self._meeting_id or envelope.time_ms > self._newest_lobby_ms
            )
        else:
            accepted = False
        if accepted:
            self._newest_lobby_ms = max(self._newest_lobby_ms, envelope.time_ms)
        else:
            self.old_lobby_words += 1
        return accepted

    def _on_live(self, meeting_id: str, welcome_frame: str) -> None:
        try:
            welcome = parse_server_message(welcome_frame)
        except ProtocolError:
            return
        if not isinstance(welcome, Welcome):
            return
        if meeting_id != self._meeting_id:
            if self._meeting is not None:
                self.opener.forget(self._meeting.down.topic)
                self.link.unsubscribe(self._meeting.down.topic)
            self._meeting_id = meeting_id
            self._meeting = derive_channels(self._secret, meeting_id)
            self.opener.listen(self._meeting.down)
            self.link.subscribe(self._meeting.down.topic)
        self._set_cues(welcome.cues)
        self._set_meeting_state(MeetingState.LIVE)
        self._set_link_state(LinkState.CONNECTED)
        self._send(Hello(ClientKind.PARTNER_APP))
        self._resume()

    def _on_ended(self) -> None:
        if self._meeting is not None:
            self.opener.forget(self._meeting.down.topic)
            self.link.unsubscribe(self._meeting.down.topic)
        self._meeting = None
        self._meeting_id = None
        self._request = None
        self._give_up_outbox()  # the meeting's link is gone: what waited did not arrive
        self._set_cues(())
        self._set_meeting_state(MeetingState.ENDED)

    def _own_topics(self) -> tuple[str, ...]:
        meeting = (self._meeting.down.topic,) if self._meeting is not None else ()
        return (self._lobby.down.topic, *meeting)

    def _on_revoked(self) -> None:
        """The user ended this pairing: no buttons, no reconnecting, a press left unanswered."""
        self._on_ended()
        self._answer_timer.stop()
        if self._last is not None and not self._last.state.is_final:
            self._set_press_state(PressState.UNDELIVERED)
        self._set_meeting_state(MeetingState.REVOKED)
        self.link.stop()

    def _on_no_answer(self) -> None:
        if self._last is not None and self._last.state is PressState.SENT:
            self._set_press_state(PressState.UNDELIVERED)

    def _send(self, message: ClientMessage) -> bool:
        if self._meeting is None or self.link.status is not BrokerStatus.CONNECTED:
            return False
        channel = self._meeting.up
        self.link.publish(channel.topic, self._sealer.seal(channel, "signal", msg=encode(message)))
        return True

    def _press_went_out(self) -> None:
        self._answer_timer.start()

    def _press_answered(self) -> None:
        self._answer_timer.stop()

    def _on_signal(self, frame: str) -> None:
        try:
            message = parse_server_message(frame)
        except ProtocolError:
            return
        self._hear(message)

    def _set_meeting_state(self, state: MeetingState) -> None:
        if state is not self._meeting_state:
            self._meeting_state = state
            self.meetingStateChanged.emit(state.value)


__all__ = ["ANSWER_WITHIN_MS", "MeetingState", "RelayPartnerClient"]
