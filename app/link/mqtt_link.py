"""The relay's broker connection: one paho-mqtt 5 client, its thread and its reconnects.

Threads. paho-mqtt runs its network loop on its own thread (``loop_start``); that
thread also opens each message (``app.link.relay_crypto.Opener``), so junk, forgeries
and replays are counted and dropped without ever reaching the GUI thread. Only opened
envelopes cross to Qt, through a queued signal. Publishing is paho's thread-safe queue:
nothing here waits for the network. Used by both ends of the relay: Poise's meeting
(``app.link.relay``) and a partner's Poise (``app.link.relay_partner``).
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import QObject, Qt, Signal

from app import qt_workarounds
from app.link.broker_pass import BrokerPass
from app.link.relay_crypto import Envelope, Opener
from app.translation import translate

KEEPALIVE_S = 15
RECONNECT_MIN_S = 0.25
RECONNECT_MAX_S = 4
LOOP_THREAD_NICENESS = 10
"""The network loop thread yields the CPU to the GUI thread (Linux): under a flood of junk
it otherwise took the process's share of two busy cores, and the live window stalled
20-60 ms (the hostile relay test); lowered, 6-11 ms on a quiet moment of the machine."""


REFUSED_ACCOUNT_CODES = frozenset({134, 135})
"""MQTT 5 CONNACK reasons "Bad user name or password" and "Not authorized"."""


class RelayError(ValueError):
    """A broker address that cannot be used; the message says what to fix."""


class BrokerStatus(StrEnum):
    OFF = "off"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"
    REFUSED = "refused"  # the broker turned the account down (wrong, or a revoked pass)


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
        raise RelayError(
            translate("RelayAddress", "a relay address looks like {example}").format(
                example="wss://relay.example.org/mqtt"
            )
        )
    try:
        port = parts.port or defaults[parts.scheme]
    except ValueError:
        raise RelayError(
            translate("RelayAddress", "the relay address has a port that is not a number")
        ) from None
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


class _ClosingClient(mqtt.Client):
    """paho's client, closing the socket of a connection attempt that failed half-way.

    paho 2.2 opens the TCP socket, wraps it for TLS and then for WebSocket; when the TLS or
    WebSocket handshake raises (a front answering 502 while the broker restarts, a proxy
    closing on it), the socket it opened is left for the garbage collector, one per
    reconnect attempt, each a ResourceWarning ("unclosed socket"). Closed here at once.
    """

    _attempt_sockets: list[socket.socket]

    def _create_socket(self) -> Any:
        self._attempt_sockets = []
        try:
            return super()._create_socket()
        except BaseException:
            for opened in reversed(self._attempt_sockets):
                with contextlib.suppress(OSError):
                    opened.close()
            raise
        finally:
            self._attempt_sockets = []

    def _create_socket_connection(self) -> socket.socket:
        opened = super()._create_socket_connection()
        self._attempt_sockets.append(opened)
        return opened

    def _ssl_wrap_socket(self, tcp_sock: socket.socket) -> ssl.SSLSocket:
        wrapped = super()._ssl_wrap_socket(tcp_sock)
        self._attempt_sockets.append(wrapped)
        return wrapped


def new_mqtt_client(transport: str = "websockets") -> mqtt.Client:
    """A paho MQTT 5 client that leaves no garbage per message (see _NoTopicCallbacks) and
    no socket per failed connection attempt (see _ClosingClient)."""
    client = _ClosingClient(
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


def connect_with_pass(
    client: mqtt.Client, broker_url: str, credentials: BrokerPass | None
) -> BrokerAddress:
    """Sets the address's path and TLS, and the account, on a client not yet connected."""
    address = parse_broker_url(broker_url)
    if address.transport == "websockets":
        client.ws_set_options(path=address.path)
    if address.tls:
        client.tls_set()
    if credentials is not None:
        client.username_pw_set(credentials.username, credentials.password)
    return address


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

    def __init__(
        self,
        broker_url: str,
        opener: Opener,
        parent: QObject | None = None,
        *,
        credentials: BrokerPass | None = None,
    ) -> None:
        """``credentials``: the account the team's broker admits this side with
        (``app.link.relay_account``); None for a broker that takes anyone."""
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
        connect_with_pass(client, broker_url, credentials)
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
            refused = getattr(reason, "value", 0) in REFUSED_ACCOUNT_CODES
            self._status.emit((BrokerStatus.REFUSED if refused else BrokerStatus.UNREACHABLE).value)
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
