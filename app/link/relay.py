"""The relay path: the partner's cue through a team's MQTT 5 broker, sealed end to end.

Beside the LAN link (``app.link.server``), for when the user's computer and the
partner's phone cannot reach each other: isolated guest Wi-Fi, mobile data, a
partner at home. Both sides talk to the team's broker over WebSocket
(``wss://`` in real use) and the broker sees only opaque topics, timing and
ciphertext (``app.link.relay_crypto``).

Threads. paho-mqtt runs its network loop on its own thread (``loop_start``); that
thread also opens each message, so junk, forgeries and replays are counted and
dropped without ever reaching the GUI thread. Only opened envelopes cross to Qt,
through a queued signal. Publishing is paho's thread-safe queue: nothing here
waits for the network.

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

import contextlib
import os
import socket
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app import qt_workarounds
from app.domain.meeting_terms import USER_REQUESTS, Cue, SignalSource
from app.domain.signal_protocol import (
    ClientKind,
    CueButton,
    DeliveryState,
    DropCounters,
    DropReason,
    Hello,
    Ping,
    Pong,
    Press,
    ProtocolError,
    Query,
    Request,
    RequestAck,
    ServerMessage,
    Status,
    Welcome,
    encode,
    parse_client_message,
)
from app.link.pairing import PairedPartner, PairingBook
from app.link.rate_limit import TokenBucket
from app.link.relay_crypto import (
    MAX_SEALED_BYTES,
    Channels,
    Envelope,
    Opener,
    Sealer,
    decode_secret,
    derive_channels,
    new_meeting_id,
)
from app.link.server import RateLimits

KEEPALIVE_S = 15
RECONNECT_MIN_S = 0.25
RECONNECT_MAX_S = 4
ANNOUNCE_EVERY_S = 1.0
"""A partner's "hello" is answered at most this often (a flood of hellos costs little)."""
REMEMBERED_PRESSES = 512
DEFAULT_RATE_LIMITS = RateLimits()
"""The LAN link's press allowances, per partner and overall (frames are the broker's)."""
LOOP_THREAD_NICENESS = 10
"""The network loop thread yields the CPU to the GUI thread (Linux): under a flood of junk
it otherwise took the process's share of two busy cores, and the live window stalled
20-60 ms (the hostile relay test); lowered, 6-11 ms on a quiet moment of the machine."""

_SOURCE_OF = {
    ClientKind.PHONE: SignalSource.PHONE,
    ClientKind.PARTNER_APP: SignalSource.PARTNER_APP,
}


class RelayError(ValueError):
    """A broker address that cannot be used; the message says what to fix."""


class BrokerStatus(StrEnum):
    OFF = "off"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True, slots=True)
class BrokerAddress:
    host: str
    port: int
    path: str
    tls: bool
    transport: str  # "websockets", or "tcp" for mqtt:// (benchmarks, a team's own tools)


def parse_broker_url(url: str) -> BrokerAddress:
    """``wss://host[:port]/path`` (or ``ws://``, ``mqtt://``, ``mqtts://``); RelayError else."""
    parts = urlsplit(url.strip())
    defaults = {"wss": 443, "ws": 80, "mqtts": 8883, "mqtt": 1883}
    if parts.scheme not in defaults or not parts.hostname:
        raise RelayError("a relay address looks like wss://relay.example.org/mqtt")
    try:
        port = parts.port or defaults[parts.scheme]
    except ValueError:
        raise RelayError("the relay address has a port that is not a number") from None
    websockets = parts.scheme in ("ws", "wss")
    return BrokerAddress(
        parts.hostname,
        port,
        parts.path or "/mqtt",
        parts.scheme in ("wss", "mqtts"),
        "websockets" if websockets else "tcp",
    )


class _NoTopicCallbacks:
    """Stands in for paho's per-topic callback matcher, which nothing here uses.

    paho-mqtt 2.2 matches every incoming message against per-topic callbacks with a
    recursive closure (``MQTTMatcher.iter_match``): one reference cycle per message.
    With the collector on the GUI thread (``app.ui.common.gui_thread_gc``), 10,000 junk
    messages left 30,000 cycles there and stalled the live window 60-170 ms (measured
    by the hostile relay test). With no per-topic callbacks nothing ever matches.
    """

    def iter_match(self, _topic: str) -> Iterator[object]:
        return iter(())

    def __setitem__(self, _topic: str, _callback: object) -> None:
        raise TypeError("per-topic callbacks are not used with the relay's client")


def _lower_this_threads_priority() -> None:
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOOP_THREAD_NICENESS)


def new_mqtt_client(transport: str = "websockets") -> mqtt.Client:
    """A paho MQTT 5 client that leaves no garbage per message (see _NoTopicCallbacks)."""
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2,
        protocol=mqtt.MQTTv5,
        transport=transport,  # type: ignore[arg-type]
    )
    if hasattr(client, "_on_message_filtered"):
        client._on_message_filtered = _NoTopicCallbacks()  # type: ignore[assignment]
    client.on_socket_open = _send_without_delay
    return client


def _send_without_delay(_client: mqtt.Client, _userdata: object, sock: object) -> None:
    """Nagle's algorithm off: a status right after a PUBACK otherwise waits for the broker's
    delayed ACK, 40 ms per hop on Linux (bench/signal_latency.py measured 45 ms per press)."""
    tcp = getattr(sock, "_socket", sock)  # paho wraps the TCP socket for WebSocket
    if isinstance(tcp, socket.socket):  # ssl.SSLSocket is one too
        with contextlib.suppress(OSError):
            tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _silence(client: mqtt.Client) -> None:
    """No more callbacks from paho's thread; disconnect, and join that thread off this one."""
    client.on_message = None
    client.on_connect = None
    client.on_disconnect = None
    client.on_connect_fail = None
    client.disconnect()
    threading.Thread(target=client.loop_stop, name="relay-stop", daemon=True).start()


class MqttLink(QObject):
    """One paho client: reconnects by itself, opens messages on its own thread.

    ``envelopeReceived`` and ``statusChanged`` are always delivered on the thread this
    object lives on (the GUI thread).
    """

    envelopeReceived = Signal(str, object)  # noqa: N815 -- topic, Envelope
    statusChanged = Signal(str)  # noqa: N815 -- BrokerStatus value
    connected = Signal()
    _arrived = Signal(str, object)
    _status = Signal(str)

    def __init__(self, broker_url: str, opener: Opener, parent: QObject | None = None) -> None:
        qt_workarounds.install()
        super().__init__(parent)
        self.address = parse_broker_url(broker_url)
        self.opener = opener
        self._topics: set[str] = set()
        self._lock = threading.Lock()
        self._stopping = False
        self._loop_thread_niced = False
        self._state = BrokerStatus.OFF
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._status.connect(self._set_status, Qt.ConnectionType.QueuedConnection)
        client = new_mqtt_client(self.address.transport)
        if self.address.transport == "websockets":
            client.ws_set_options(path=self.address.path)
        if self.address.tls:
            client.tls_set()
        client.reconnect_delay_set(RECONNECT_MIN_S, RECONNECT_MAX_S)  # type: ignore[arg-type]
        client.max_inflight_messages_set(100)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_connect_fail = self._on_connect_fail
        client.on_message = self._on_message
        self._client = client
        # Deleted with its parent before stop(): paho's thread must not call back into it.
        self.destroyed.connect(partial(_silence, client))

    @property
    def status(self) -> BrokerStatus:
        return self._state

    def start(self) -> None:
        self._set_status(BrokerStatus.CONNECTING.value)
        self._client.connect_async(
            self.address.host, self.address.port, keepalive=KEEPALIVE_S, clean_start=True
        )
        self._client.loop_start()

    def stop(self) -> None:
        """Disconnect after what is queued; the loop thread is joined off the GUI thread."""
        self._stopping = True
        _silence(self._client)
        self._set_status(BrokerStatus.OFF.value)

    def subscribe(self, topic: str) -> None:
        with self._lock:
            self._topics.add(topic)
        if self._client.is_connected():
            self._client.subscribe(topic, qos=1)

    def unsubscribe(self, topic: str) -> None:
        with self._lock:
            self._topics.discard(topic)
        if self._client.is_connected():
            self._client.unsubscribe(topic)

    def publish(self, topic: str, payload: bytes) -> None:
        if not self._stopping:
            self._client.publish(topic, payload, qos=1, retain=False)

    # --- paho's thread ------------------------------------------------------------------

    def _on_connect(
        self,
        client: mqtt.Client,
        _userdata: object,
        _flags: object,
        reason: object,
        _properties: object,
    ) -> None:
        if not self._loop_thread_niced:
            self._loop_thread_niced = True
            _lower_this_threads_priority()
        if getattr(reason, "is_failure", False):
            self._status.emit(BrokerStatus.UNREACHABLE.value)
            return
        with self._lock:
            topics = sorted(self._topics)
        for topic in topics:  # clean start: a reconnect has no subscriptions left
            client.subscribe(topic, qos=1)
        self._status.emit(BrokerStatus.CONNECTED.value)

    def _on_disconnect(
        self,
        _client: mqtt.Client,
        _userdata: object,
        _flags: object,
        _reason: object,
        _properties: object,
    ) -> None:
        if not self._stopping:
            self._status.emit(BrokerStatus.UNREACHABLE.value)

    def _on_connect_fail(self, _client: mqtt.Client, _userdata: object) -> None:
        if not self._stopping:
            self._status.emit(BrokerStatus.UNREACHABLE.value)

    def _on_message(
        self, _client: mqtt.Client, _userdata: object, message: mqtt.MQTTMessage
    ) -> None:
        if not self._loop_thread_niced:
            self._loop_thread_niced = True
            _lower_this_threads_priority()
        envelope = self.opener.open(message.topic, bytes(message.payload))
        if envelope is None or self._stopping:
            return
        # Deleted between the check and the emit: nobody is left to deliver to.
        with contextlib.suppress(RuntimeError):
            self._arrived.emit(message.topic, envelope)

    # --- back on the GUI thread ---------------------------------------------------------

    def _deliver(self, topic: str, envelope: Envelope) -> None:
        if not self._stopping:
            self.envelopeReceived.emit(topic, envelope)

    def _set_status(self, value: str) -> None:
        status = BrokerStatus(value)
        if self._stopping and status is not BrokerStatus.OFF:
            return
        changed = status is not self._state
        self._state = status
        if changed:
            self.statusChanged.emit(status.value)
        if status is BrokerStatus.CONNECTED:
            self.connected.emit()


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
    kind: ClientKind = ClientKind.PHONE
    heard: bool = False
    announced_at: float = field(default=-1e9)
    announce_due: bool = False


class RelayMeeting(QObject):
    """The relay for one live meeting: every paired partner, one broker connection."""

    cueRequested = Signal(str, str, str)  # noqa: N815 -- cue key, SignalSource value, message id
    requestAcknowledged = Signal(str)  # noqa: N815 -- request id
    pathsChanged = Signal()  # noqa: N815 -- a partner's path or the broker's reachability

    def __init__(
        self,
        cues: Sequence[Cue],
        book: PairingBook,
        broker_url: str,
        *,
        rate_limits: RateLimits = DEFAULT_RATE_LIMITS,
        parent: QObject | None = None,
    ) -> None:
        qt_workarounds.install()
        super().__init__(parent)
        self._limits = rate_limits
        self._buttons = tuple(CueButton(cue.key, cue.label) for cue in cues)
        self._cue_keys = frozenset(cue.key for cue in cues)
        self._book = book
        self.meeting_id = new_meeting_id()
        self.opener = Opener()
        self._sealer = Sealer()
        self._partners: dict[str, _RelayPartner] = {}
        self._by_topic: dict[str, _RelayPartner] = {}
        self._deliveries: OrderedDict[str, DeliveryState] = OrderedDict()
        self._open_request: Request | None = None
        self._answered_requests: set[str] = set()
        self._all_presses = TokenBucket(
            rate_limits.all_presses_burst, rate_limits.all_presses_per_second
        )
        self.dropped = DropCounters()
        self._ended = False
        self.link = MqttLink(broker_url, self.opener, self)
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
        self._deliveries.clear()
        self.link.stop()
        self.pathsChanged.emit()

    def paths(self) -> list[tuple[str, PartnerPath]]:
        """Each paired partner's name and path, in pairing order."""
        unreachable = self.link.status is BrokerStatus.UNREACHABLE
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
            if partner_id in self._partners:
                continue
            secret = decode_secret(paired.secret)
            joined = _RelayPartner(
                paired,
                derive_channels(secret),
                derive_channels(secret, self.meeting_id),
                TokenBucket(self._limits.presses_burst, self._limits.presses_per_second),
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
        welcome = encode(Welcome(self._buttons, len(self._partners)))
        self._seal_and_publish(partner.lobby.down.topic, partner, "live", msg=welcome, lobby=True)

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
        meeting = self.meeting_id if kind == "live" else None
        self.link.publish(topic, self._sealer.seal(channel, kind, msg=msg, meeting=meeting))

    def _send(self, partner: _RelayPartner, message: ServerMessage) -> None:
        self._seal_and_publish(partner.meeting.down.topic, partner, "signal", msg=encode(message))

    def _send_all(self, message: ServerMessage) -> None:
        for partner in self._partners.values():
            if partner.heard:
                self._send(partner, message)

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
        try:
            message = parse_client_message(envelope.msg)
        except ProtocolError as bad:
            self.dropped.add(bad.reason)
            return
        match message:
            case Press():
                self._on_press(partner, message)
            case Hello(kind):
                partner.kind = kind
                if self._open_request is not None:
                    self._send(partner, self._open_request)
            case Query(message_id):
                self._send(partner, Status(message_id, self.delivery_state(message_id)))
            case RequestAck(message_id):
                self._on_request_ack(partner, message_id)
            case Ping(number):
                self._send(partner, Pong(number))

    def _on_press(self, partner: _RelayPartner, press: Press) -> None:
        known = self._deliveries.get(press.message_id)
        if known is not None:
            self._send(partner, Status(press.message_id, known))  # a repeat: say where it got
            return
        if press.cue_key not in self._cue_keys:
            self.dropped.add(DropReason.UNKNOWN_CUE)
            self._send(partner, Status(press.message_id, DeliveryState.REJECTED))
            return
        if not (partner.presses.try_take() and self._all_presses.try_take()):
            self.dropped.add(DropReason.RATE_LIMITED)
            self._send(partner, Status(press.message_id, DeliveryState.REJECTED))
            return
        self._deliveries[press.message_id] = DeliveryState.RECEIVED
        while len(self._deliveries) > REMEMBERED_PRESSES:
            self._deliveries.popitem(last=False)
        self._send_all(Status(press.message_id, DeliveryState.RECEIVED))
        self.cueRequested.emit(press.cue_key, _SOURCE_OF[partner.kind].value, press.message_id)

    def _on_request_ack(self, partner: _RelayPartner, message_id: str) -> None:
        answered = Status(message_id, DeliveryState.ACKNOWLEDGED)
        if message_id in self._answered_requests:
            self._send(partner, answered)
            return
        if self._open_request is None or self._open_request.message_id != message_id:
            self.dropped.add(DropReason.UNKNOWN_REQUEST)
            return
        self._open_request = None
        self._answered_requests.add(message_id)
        self._send_all(answered)
        self.requestAcknowledged.emit(message_id)

    # --- reports from the user's side (as PartnerLinkServer) ----------------------------

    def delivery_state(self, message_id: str) -> DeliveryState:
        return self._deliveries.get(message_id, DeliveryState.UNKNOWN)

    def report_shown(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.SHOWN)

    def report_acknowledged(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.ACKNOWLEDGED)

    def report_expired(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.EXPIRED)

    def report_rejected(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.REJECTED)

    def _advance(self, message_id: str, state: DeliveryState) -> None:
        current = self._deliveries.get(message_id)
        if current is None or state.rank <= current.rank:
            return
        self._deliveries[message_id] = state
        self._send_all(Status(message_id, state))

    def send_request(self, message_id: str, key: str) -> int:
        wanted = next((request for request in USER_REQUESTS if request.key == key), None)
        if wanted is None:
            raise KeyError(key)
        if self._ended:
            return 0
        self._open_request = Request(message_id, wanted.key, wanted.label, wanted.words)
        reached = [partner for partner in self._partners.values() if partner.heard]
        for partner in reached:
            self._send(partner, self._open_request)
        return len(reached)


__all__ = [
    "MAX_SEALED_BYTES",
    "BrokerStatus",
    "MqttLink",
    "PartnerPath",
    "RelayError",
    "RelayMeeting",
    "new_mqtt_client",
    "parse_broker_url",
]
