"""The relay path: the partner's cue through a team's MQTT 5 broker, sealed end to end.

Beside the LAN link (``app.link.server``), for when the user's computer and the
partner's phone cannot reach each other: isolated guest Wi-Fi, mobile data, a
partner at home. Both sides talk to the team's broker over WebSocket
(``wss://`` in real use) and the broker sees only opaque topics, timing and
ciphertext (``app.link.relay_crypto``).

The broker connection, its thread and its reconnects are ``app.link.mqtt_link``; what
the meeting knows (presses, requests, allowances) is ``app.link.partner_session``,
shared with the LAN link. This module keeps what is the relay's own: the paired
partners' channels, the lobby, sealing.

What is said is the partner link's own protocol (``app.domain.signal_protocol``):
a press, its status, the user's request and the partner's answer, each frame
inside a sealed envelope. So a press has the same message id whichever path it
took, and ``LiveSession.trigger_cue`` shows a cue that came both ways (or twice
through QoS 1) once. Around it, the lobby: Poise says "live" (this meeting's
random id and the cue buttons, never the client's name) when a meeting starts, on
every reconnect and whenever a partner says "hello"; and "ended" at the end.

:class:`RelayMeeting` is Poise's side for one meeting, with the same signals and
reports as ``PartnerLinkServer`` so ``attach_partner_link`` joins it to the session
alike. A revoked partner hears a sealed "revoked" on its own channels before its keys are
dropped, so its page can say the pairing ended. ``app.link.relay_partner`` is a second
Poise's side (``poise partner LINK``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from app import qt_workarounds
from app.domain.meeting_terms import Cue
from app.domain.signal_protocol import ClientKind, encode
from app.link.broker_pass import BrokerPass
from app.link.mqtt_link import BrokerStatus, MqttLink
from app.link.pairing import PairedPartner, PairingBook
from app.link.partner_session import DEFAULT_RATE_LIMITS, PartnerSession, RateLimits, SessionReports
from app.link.partner_watch_link import WatchAllowance
from app.link.rate_limit import TokenBucket
from app.link.relay_crypto import (
    MAX_SEALED_BYTES,
    Channels,
    Envelope,
    Opener,
    ReplayMemory,
    Sealer,
    decode_secret,
    derive_channels,
    new_meeting_id,
)

ANNOUNCE_EVERY_S = 1.0
"""A partner's "hello" is answered at most this often (a flood of hellos costs little)."""
HEARD_IN_EVERY_MEETING = ReplayMemory()
"""What this Poise heard on the relay lately, whichever meeting: a partner's "hello" captured
in one meeting and replayed into the next is a repeat, not a partner coming online."""


# --- Poise's side of one meeting ------------------------------------------------------------


class PartnerPath(StrEnum):
    """Which way a paired partner reaches this meeting."""

    RELAY = "relay"  # heard from through the broker in this meeting
    WAITING = "waiting"  # told the meeting is live, not heard from yet
    UNREACHABLE = "unreachable"  # the broker cannot be reached


@dataclass(slots=True)
class _RelayPartner:
    partner: PairedPartner
    lobby: Channels
    meeting: Channels
    presses: TokenBucket
    watch: WatchAllowance
    kind: ClientKind = ClientKind.PHONE
    heard: bool = False
    announced_at: float = field(default=-1e9)
    announce_due: bool = False


class RelayMeeting(QObject, SessionReports):
    """The relay for one live meeting: every paired partner, one broker connection."""

    cueRequested = Signal(str, str, str)  # noqa: N815 -- cue key, SignalSource value, message id
    requestAcknowledged = Signal(str)  # noqa: N815 -- request id
    pathsChanged = Signal()  # noqa: N815 -- a partner's path or the broker's reachability
    observationReceived = Signal(str, str, str)  # noqa: N815 -- id, QuickObservation or "", words
    debriefAnswerReceived = Signal(str, int, str)  # noqa: N815 -- id, question index, answer

    def __init__(
        self,
        cues: Sequence[Cue],
        book: PairingBook,
        broker_url: str,
        *,
        rate_limits: RateLimits = DEFAULT_RATE_LIMITS,
        credentials: BrokerPass | None = None,
        parent: QObject | None = None,
    ) -> None:
        qt_workarounds.install()
        super().__init__(parent)
        self._book = book
        self.meeting_id = new_meeting_id()
        self.opener = Opener(memory=HEARD_IN_EVERY_MEETING)
        self._sealer = Sealer()
        self._partners: dict[str, _RelayPartner] = {}
        self._by_topic: dict[str, _RelayPartner] = {}
        self._session: PartnerSession[_RelayPartner] = PartnerSession(
            cues,
            rate_limits,
            # A broadcast reaches those heard from in this meeting: the others are told
            # on the lobby, and hear the open request when they say hello.
            peers=lambda: (partner for partner in self._partners.values() if partner.heard),
            send=self._send,
            on_cue=self.cueRequested.emit,
            on_request_acknowledged=self.requestAcknowledged.emit,
            on_hello=self._on_hello,
            on_observation=self.observationReceived.emit,
            on_debrief_answer=self.debriefAnswerReceived.emit,
        )
        self.dropped = self._session.dropped
        self._ended = False
        self.link = MqttLink(broker_url, self.opener, self, credentials=credentials)
        self.link.envelopeReceived.connect(self._on_envelope)
        self.link.connected.connect(self._announce_all)
        self.link.statusChanged.connect(self._on_status)
        book.add_listener(self._sync_partners)

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def has_ended(self) -> bool:
        return self._ended

    @property
    def broker_status(self) -> BrokerStatus:
        return self.link.status

    def start(self) -> None:
        self._sync_partners()
        self.link.start()

    def end(self) -> None:
        """The meeting ended: say so to every partner, then leave the broker."""
        if self._ended:
            return
        self._ended = True
        self._book.remove_listener(self._sync_partners)
        for partner in self._partners.values():
            self._say_farewell(partner, "ended")
        self._partners.clear()
        self._by_topic.clear()
        self._session.forget()
        self.link.stop()
        self.pathsChanged.emit()

    def paths(self) -> list[tuple[str, PartnerPath]]:
        """Each paired partner's name and path, in pairing order."""
        unreachable = self.link.status in (BrokerStatus.UNREACHABLE, BrokerStatus.REFUSED)
        result = []
        for partner in sorted(self._partners.values(), key=lambda p: p.partner.created):
            if unreachable:
                path = PartnerPath.UNREACHABLE
            else:
                path = PartnerPath.RELAY if partner.heard else PartnerPath.WAITING
            result.append((partner.partner.name, path))
        return result

    def _sync_partners(self) -> None:
        """Follow the book: a new pairing joins, a revoked one is forgotten at once."""
        if self._ended:
            return
        wanted = {partner.partner_id: partner for partner in self._book.partners}
        for partner_id in list(self._partners):
            if partner_id not in wanted:
                gone = self._partners.pop(partner_id)
                self._say_farewell(gone, "revoked")  # sealed with its keys, then they go
                for channel in (gone.lobby.up, gone.meeting.up):
                    self.link.unsubscribe(channel.topic)
                    self._by_topic.pop(channel.topic, None)
        for partner_id, paired in wanted.items():
            known = self._partners.get(partner_id)
            if known is not None and known.partner.broker_pass != paired.broker_pass:
                # Its pass was just minted: the broker opened its rooms to us only now.
                known.partner = paired
                for channel in (known.lobby.up, known.meeting.up):
                    self.link.subscribe(channel.topic)
                if self.link.status is BrokerStatus.CONNECTED:
                    self._announce(known, force=True)
            if known is not None:
                continue
            secret = decode_secret(paired.secret)
            joined = _RelayPartner(
                paired,
                derive_channels(secret),
                derive_channels(secret, self.meeting_id),
                self._session.new_press_allowance(),
                self._session.new_watch_allowance(),
            )
            self._partners[partner_id] = joined
            for channel in (joined.lobby.up, joined.meeting.up):
                self._by_topic[channel.topic] = joined
                self.opener.listen(channel)
                self.link.subscribe(channel.topic)
            if self.link.status is BrokerStatus.CONNECTED:
                self._announce(joined)
        self.pathsChanged.emit()

    def _on_status(self, _status: str) -> None:
        self.pathsChanged.emit()

    def _say_farewell(self, partner: _RelayPartner, kind: str) -> None:
        """``ended`` or ``revoked`` on both of its channels; nothing it says is heard after."""
        self._seal_and_publish(partner.lobby.down.topic, partner, kind, lobby=True)
        self._seal_and_publish(partner.meeting.down.topic, partner, kind)
        self.opener.forget(partner.lobby.up.topic)
        self.opener.forget(partner.meeting.up.topic)

    # --- the lobby ----------------------------------------------------------------------

    def _announce_all(self) -> None:
        for partner in self._partners.values():
            self._announce(partner, force=True)

    def _announce(self, partner: _RelayPartner, *, force: bool = False) -> None:
        now = time.monotonic()
        wait_s = partner.announced_at + ANNOUNCE_EVERY_S - now
        if not force and wait_s > 0:
            # Answered a moment later, once: a flood of hellos costs one message a second.
            if not partner.announce_due:
                partner.announce_due = True
                QTimer.singleShot(int(wait_s * 1000) + 1, self, lambda: self._announce_due(partner))
            return
        partner.announced_at = now
        welcome = self._session.welcome(len(self._partners))
        self._seal_and_publish(partner.lobby.down.topic, partner, "live", msg=welcome, lobby=True)
        self._session.greet(partner)  # the brief and the step, in the meeting's own keys

    def _announce_due(self, partner: _RelayPartner) -> None:
        partner.announce_due = False
        if not self._ended and self._partners.get(partner.partner.partner_id) is partner:
            self._announce(partner, force=True)

    def _seal_and_publish(
        self,
        topic: str,
        partner: _RelayPartner,
        kind: str,
        *,
        msg: str | None = None,
        lobby: bool = False,
    ) -> None:
        channel = partner.lobby.down if lobby else partner.meeting.down
        # Every word names its meeting: a partner drops an old "ended" or "live" replayed later.
        meeting = self.meeting_id
        self.link.publish(topic, self._sealer.seal(channel, kind, msg=msg, meeting=meeting))

    def _send(self, partner: _RelayPartner, frame: str) -> None:
        self._seal_and_publish(partner.meeting.down.topic, partner, "signal", msg=frame)

    # --- what partners say --------------------------------------------------------------

    def _on_envelope(self, topic: str, envelope: Envelope) -> None:
        partner = self._by_topic.get(topic)
        if partner is None or self._ended:
            return  # revoked while the message was on its way
        self._book.touch(partner.partner.partner_id)
        if topic == partner.lobby.up.topic:
            if envelope.kind == "hello":
                self._announce(partner)
            return
        if envelope.kind != "signal" or envelope.msg is None:
            return
        if not partner.heard:
            partner.heard = True
            self.pathsChanged.emit()
        self._session.receive(partner, envelope.msg)

    def _on_hello(self, partner: _RelayPartner, _changed: bool) -> None:
        if self._session.open_request is not None:
            self._send(partner, encode(self._session.open_request))
        self._session.greet(partner)


__all__ = ["MAX_SEALED_BYTES", "PartnerPath", "RelayMeeting"]
