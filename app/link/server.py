"""The partner link server: one port serving the phone page and its WebSocket channel.

Why this design. Everything runs on the GUI thread with Qt's asynchronous sockets: a
``QTcpServer`` accepts each connection, *peeks* at the request head without consuming
it, and then either answers the page itself, refuses, or hands the untouched socket to
``QWebSocketServer.handleConnection`` for the upgrade. QtHttpServer (6.12) is not used:
it sends empty bodies and keeps no reference to its route callbacks (see
shared/PLATFORM.md). An asyncio server (``websockets``) on its own thread was the other
candidate; it would add a second event loop, a thread hop through queued signals on
every press, and GIL contention on a two-core machine, in exchange for isolation we get
anyway by keeping the per-message work tiny: rate limits are checked *before* a frame is
parsed, a flooding connection is closed, frames are capped at 1 KiB by Qt itself.
Measured on this machine (bench/signal_latency.py and the hostile test): a press reaches
``cueRequested`` and the cue is painted in well under a millisecond beyond the raw
WebSocket round trip, and a 10,000-frame burst never stalls the event loop for long (the
hostile test asserts the longest stall).

Security, in order of the checks: nothing listens unless :meth:`start` was called (a
live meeting with the link on); the request head must be complete, small and well formed
within a short time (1.5 s), and one address may keep only a few requests waiting for
theirs (``app.link.lan_requests``: a newcomer always gets in, the oldest waiting one
gives way), so strangers dripping bytes never take the partner's slot, even from the
partner's own address; the path must carry the meeting's secret (compared in constant
time) and anything else gets the same small "This link has expired" page; a WebSocket
upgrade must come from the page's own origin, the address and port the connection
reached (never the client's Host header) and carry a well-formed key, and its frames
must be masked (RFC 6455, ``app.link.websocket_rules``: else 400, or a close with 1002);
then every byte a partner sends (WebSocket pings included, which Qt answers by itself)
is counted against an allowance, and every frame is rate-limited, size-limited and
schema-checked (``app.domain.signal_protocol``), and anything refused is only counted.
When the meeting ends, the link stays open for the partner's debrief (answers and pings
only, ``app.link.partner_watch_link``) until :meth:`end`; then every partner is told
("ended") before the link closes, so its page stops reconnecting. The page is the only
thing ever served; the user's notes are not reachable from here at all.

What the meeting knows (presses, requests, allowances) is ``app.link.partner_session``,
shared with the relay. The other direction (issue 8): ``send_request`` asks every
partner to step in, keeps the request open for a partner who joins later, and
``requestAcknowledged`` fires once when a partner answers it; an answer to any other id
is only counted.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import (
    QAbstractSocket,
    QHostAddress,
    QSslConfiguration,
    QTcpServer,
    QTcpSocket,
)
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol, QWebSocketServer

from app import qt_workarounds
from app.domain.meeting_terms import Cue
from app.domain.signal_protocol import (
    MAX_MESSAGE_BYTES,
    ClientKind,
    DropReason,
    Ended,
    encode,
)
from app.link.http_head import RequestHead
from app.link.lan_address import guess_lan_address
from app.link.lan_partner import MAX_UNSENT_BYTES, READ_BUFFER_BYTES, LanPartner, TrafficMeter
from app.link.lan_requests import (
    BAD_HANDSHAKE_RESPONSE,
    HEAD_TIMEOUT_MS,
    MAX_PENDING_REQUESTS,
    PAGE_HEADERS,
    Lifetime,
    WaitingRequests,
    close_when_written,
)
from app.link.partner_session import DEFAULT_RATE_LIMITS, PartnerSession, RateLimits, SessionReports
from app.link.secret import new_secret, secret_matches
from app.link.websocket_rules import is_valid_key
from app.resources import resource_path
from app.translation import translate

CloseCode = QWebSocketProtocol.CloseCode

BIND_ENV = "POISE_LINK_BIND"
DEFAULT_BIND_ADDRESS = "0.0.0.0"
PAGE_PREFIX = "/p/"
SOCKET_PREFIX = "/ws/"

MAX_PARTNERS = 4
IDLE_TIMEOUT_MS = 20000
"""A partner pings every 5 s; silence this long means the phone is gone."""
FLOOD_LIMIT = 200
"""Rate-limited frames after which a connection is closed instead of being read."""


class LinkError(RuntimeError):
    """The link could not start (port taken, no such address); the message says why."""


def configured_bind_address(explicit: str | None = None) -> str:
    """The address to listen on: the argument, then ``POISE_LINK_BIND``, then every interface."""
    return explicit or os.environ.get(BIND_ENV) or DEFAULT_BIND_ADDRESS


@dataclass(frozen=True, slots=True)
class PartnerInfo:
    """Who is connected, as the user may see it: the kind of partner and its address."""

    kind: ClientKind
    address: str

    @property
    def description(self) -> str:
        what = (
            translate("PartnerLink", "Phone")
            if self.kind is ClientKind.PHONE
            else translate("PartnerLink", "Poise on a laptop")
        )
        return f"{what} · {self.address}"


class PartnerLinkServer(QObject, SessionReports):
    """Serves the partner page and channel for one meeting; see the module docstring."""

    # cue key, SignalSource value, message id
    cueRequested = Signal(str, str, str)  # noqa: N815 (Qt signal naming)
    partnerCountChanged = Signal(int)  # noqa: N815 (Qt signal naming)
    # No bool argument: emitting a Python bool through a Signal(bool) over-releases
    # True/False in PySide6 6.12 and crashes the interpreter at exit. Read is_running
    # and has_ended; also emitted when the meeting ends.
    runningChanged = Signal()  # noqa: N815 (Qt signal naming)
    # request id: a partner said "OK, stepping in" to the user's open request (once per id)
    requestAcknowledged = Signal(str)  # noqa: N815 (Qt signal naming)
    # a partner came, went, or said what it is: read partners()
    partnersChanged = Signal()  # noqa: N815 (Qt signal naming)
    # issue 25: message id, QuickObservation value or "", words; message id, question, answer
    observationReceived = Signal(str, str, str)  # noqa: N815 (Qt signal naming)
    debriefAnswerReceived = Signal(str, int, str)  # noqa: N815 (Qt signal naming)

    def __init__(
        self,
        cues: Sequence[Cue],
        *,
        bind_address: str | None = None,
        port: int = 0,
        head_timeout_ms: int = HEAD_TIMEOUT_MS,
        idle_timeout_ms: int = IDLE_TIMEOUT_MS,
        rate_limits: RateLimits = DEFAULT_RATE_LIMITS,
        parent: QObject | None = None,
    ) -> None:
        qt_workarounds.install()  # PySide6 6.12 loses a reference to True per emit
        super().__init__(parent)
        self._bind_address = configured_bind_address(bind_address)
        self._wanted_port = port
        self._head_timeout_ms = head_timeout_ms
        self._idle_timeout_ms = idle_timeout_ms
        self._secret: str | None = new_secret()
        self._page: bytes | None = None
        self._partners: dict[QWebSocket, LanPartner] = {}
        # Upgraded TCP sockets by peer (address, port), until their WebSocket appears.
        self._meters: dict[tuple[str, int], TrafficMeter] = {}
        self._limits = rate_limits
        self._session: PartnerSession[LanPartner] = PartnerSession(
            cues,
            rate_limits,
            peers=lambda: self._partners.values(),
            send=_send_frame,
            on_cue=self.cueRequested.emit,
            on_request_acknowledged=self.requestAcknowledged.emit,
            on_hello=self._on_hello,
            on_observation=self.observationReceived.emit,
            on_debrief_answer=self.debriefAnswerReceived.emit,
        )
        self.dropped = self._session.dropped
        self._lifetime = Lifetime()
        self.destroyed.connect(self._lifetime.end)
        self._waiting = WaitingRequests(
            self._on_head, self.dropped, head_timeout_ms, self._lifetime, self
        )

        self._tcp = QTcpServer(self)
        self._tcp.setMaxPendingConnections(MAX_PENDING_REQUESTS)
        self._tcp.newConnection.connect(self._on_tcp_connection)
        self._sockets = QWebSocketServer("Poise", QWebSocketServer.SslMode.NonSecureMode, self)
        self._sockets.setHandshakeTimeout(head_timeout_ms)
        self._sockets.newConnection.connect(self._on_websocket)

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self._tcp.isListening()

    @property
    def has_ended(self) -> bool:
        return self._secret is None

    @property
    def bind_address(self) -> str:
        return self._bind_address

    @property
    def port(self) -> int:
        return self._tcp.serverPort() if self.is_running else 0

    @property
    def partner_count(self) -> int:
        return len(self._partners)

    def partners(self) -> tuple[PartnerInfo, ...]:
        """Who is connected now, in the order they joined."""
        # From what each partner said when it joined: a socket may be mid-destruction here.
        return tuple(
            PartnerInfo(partner.kind, partner.address) for partner in self._partners.values()
        )

    def set_bind_address(self, address: str) -> None:
        """Listen on ``address`` from now on; a running link moves there at once.

        Raises LinkError if it cannot listen there (the link is then off).
        """
        if address == self._bind_address:
            return
        was_running = self.is_running
        if was_running:
            self.stop()
        self._bind_address = address
        if was_running:
            self.start()

    def start(self) -> None:
        """Listen (the user turned the link on). Raises LinkError when it cannot."""
        if self._secret is None:
            raise LinkError(
                translate(
                    "PartnerLink", "this meeting has ended; its partner link cannot start again"
                )
            )
        if self.is_running:
            return
        if self._page is None:  # first start: plain ws:// only, and the page
            # An explicit (empty) TLS configuration, or the first handshake copies Qt's
            # default one and loads every CA certificate on the GUI thread (250-360 ms);
            # made here, not with the server, as TLS's first use costs ~130 ms itself.
            self._sockets.setSslConfiguration(QSslConfiguration())
            self._page = _load_page()
        address = QHostAddress(self._bind_address)
        if address.isNull():
            raise LinkError(
                translate("PartnerLink", "not an IP address to listen on: {address!r}").format(
                    address=self._bind_address
                )
            )
        # Reuse the last port so a partner's page keeps working after an off/on.
        if not self._tcp.listen(address, self._wanted_port) and (
            self._wanted_port == 0 or not self._tcp.listen(address, 0)
        ):
            raise LinkError(
                translate("PartnerLink", "cannot listen on {address}: {reason}").format(
                    address=self._bind_address, reason=self._tcp.errorString()
                )
            )
        self._wanted_port = self._tcp.serverPort()
        self.runningChanged.emit()

    def stop(self) -> None:
        """Stop listening and drop every connection; the secret stays for this meeting."""
        was_running = self.is_running
        self._tcp.close()
        self._waiting.drop_all()
        for partner_socket in list(self._partners):
            partner_socket.close(QWebSocketProtocol.CloseCode.CloseCodeGoingAway, "link off")
        if was_running:
            self.runningChanged.emit()

    def end(self) -> None:
        """The meeting ended: tell every partner, stop for good and forget the secret."""
        farewell = encode(Ended())
        for partner_socket in list(self._partners):
            # Written before the close frame, so a partner knows not to come back.
            partner_socket.sendTextMessage(farewell)
            partner_socket.close(QWebSocketProtocol.CloseCode.CloseCodeNormal, "meeting ended")
        self.stop()
        self._secret = None
        self._session.forget()
        self.runningChanged.emit()

    def pairing_url(self, host: str | None = None) -> str:
        """The address to give the partner: ``http://HOST:PORT/p/<secret>``."""
        if self._secret is None or not self.is_running:
            raise LinkError(translate("PartnerLink", "the partner link is off"))
        if host is None:
            host = self._bind_address
            if host in ("0.0.0.0", "::"):
                host = guess_lan_address()
        return f"http://{host}:{self.port}{PAGE_PREFIX}{self._secret}"

    # --- HTTP: peek at the head, then serve, refuse or upgrade --------------------------

    def _on_tcp_connection(self) -> None:
        while self._tcp.hasPendingConnections():
            self._waiting.admit(self._tcp.nextPendingConnection())

    def _on_head(self, socket: QTcpSocket, head: RequestHead, length: int) -> None:
        route, secret = _split_target(head.target)
        if head.method != "GET" or route is None:
            self._waiting.refuse(socket, DropReason.BAD_REQUEST)
        elif not secret_matches(secret, self._secret):
            self._waiting.refuse(socket, DropReason.WRONG_SECRET)
        elif route == PAGE_PREFIX and not head.wants_websocket:
            self._serve_page(socket, length)
        elif route == SOCKET_PREFIX and head.wants_websocket:
            self._upgrade(socket, head)
        else:
            self._waiting.refuse(socket, DropReason.BAD_REQUEST)

    def _serve_page(self, socket: QTcpSocket, head_length: int) -> None:
        assert self._page is not None
        socket.read(head_length)
        socket.write(PAGE_HEADERS.format(length=len(self._page)).encode("ascii") + self._page)
        close_when_written(socket)

    def _upgrade(self, socket: QTcpSocket, head: RequestHead) -> None:
        # The page's own origin is the address and port this connection reached, never
        # what the client's Host header claims (a forged Host would match a forged Origin).
        if head.header("origin") != _served_origin(socket):
            self._waiting.refuse(socket, DropReason.BAD_ORIGIN)
            return
        if not is_valid_key(head.header("sec-websocket-key")):
            self._waiting.refuse(socket, DropReason.BAD_REQUEST, BAD_HANDSHAKE_RESPONSE)
            return
        if len(self._partners) >= MAX_PARTNERS:
            self._waiting.refuse(socket, DropReason.TOO_MANY_CONNECTIONS)
            return
        socket.setReadBufferSize(READ_BUFFER_BYTES)
        meter = TrafficMeter(
            socket, self._on_partner_bytes, self._after_partner_bytes, self._forget_meter
        )
        # Connected before the WebSocket's own reader, so it runs first on every arrival.
        socket.readyRead.connect(meter.before)
        socket.disconnected.connect(meter.gone)
        self._meters[meter.key] = meter
        # The head is still unread in the socket: the WebSocket server does the handshake.
        self._sockets.handleConnection(socket)

    def _on_partner_bytes(self, meter: TrafficMeter) -> None:
        if meter.partner is None:
            return  # still the handshake: Qt's own timeout and size limits apply
        partner = meter.partner
        arrived = meter.new_bytes()
        if arrived and not partner.bytes.try_take(arrived):
            self.dropped.add(DropReason.RATE_LIMITED)
            self._close_flooding(partner)
            # Qt would go on answering every ping already buffered: stop it reading now.
            meter.tcp.flush()
            meter.tcp.abort()
        elif not meter.all_masked(arrived):
            self._close_unmasked(partner, meter.tcp)

    def _after_partner_bytes(self, meter: TrafficMeter) -> None:
        if meter.partner is None:
            return
        meter.left_unread = meter.tcp.bytesAvailable()
        if meter.tcp.bytesToWrite() > MAX_UNSENT_BYTES:
            # It sends and never reads (pings whose pongs pile up): not a partner.
            self.dropped.add(DropReason.RATE_LIMITED)
            self._close_flooding(meter.partner)

    def _forget_meter(self, key: tuple[str, int]) -> None:
        if not self._lifetime.alive:
            return
        meter = self._meters.pop(key, None)
        if meter is None:
            return
        meter.deleteLater()
        if meter.partner is not None:
            meter.partner.meter = None
        meter.partner = None

    def _close_flooding(self, partner: LanPartner) -> None:
        self._cut_off(partner, DropReason.FLOODING, CloseCode.CloseCodePolicyViolated, "flood")

    def _close_unmasked(self, partner: LanPartner, tcp: QTcpSocket) -> None:
        """RFC 6455 5.1: a client frame without a mask closes the connection with 1002."""
        self._cut_off(partner, DropReason.BAD_REQUEST, CloseCode.CloseCodeProtocolError, "mask")
        # Written out, then nothing more read: Qt must not answer the unmasked frame.
        tcp.flush()
        tcp.readAll()
        tcp.disconnectFromHost()

    def _cut_off(self, partner: LanPartner, reason: DropReason, code: CloseCode, why: str) -> None:
        if partner.cut_off:
            return
        partner.cut_off = True
        self.dropped.add(reason)
        # Qt goes on delivering frames already buffered; stop paying Python for each.
        for connection in partner.frame_connections:
            QObject.disconnect(connection)
        partner.frame_connections = []
        partner.socket.close(code, why)
        # A peer that does not read never sees the close frame: do not wait for it.
        QTimer.singleShot(self._head_timeout_ms, partner.socket, partner.socket.abort)

    # --- WebSocket partners --------------------------------------------------------------

    def _on_websocket(self) -> None:
        while self._sockets.hasPendingConnections():
            socket = self._sockets.nextPendingConnection()
            if not self.is_running:
                socket.abort()
                socket.deleteLater()
                continue
            socket.setMaxAllowedIncomingFrameSize(MAX_MESSAGE_BYTES)
            socket.setMaxAllowedIncomingMessageSize(MAX_MESSAGE_BYTES)
            partner = LanPartner(
                socket, self._idle_timeout_ms, self._limits, self._session.new_press_allowance()
            )
            self._partners[socket] = partner
            self._start_metering(socket, partner)
            partner.frame_connections = [
                socket.textMessageReceived.connect(
                    lambda text, partner=partner: self._on_text(partner, text)
                ),
                socket.binaryMessageReceived.connect(
                    lambda _data, partner=partner: self._on_binary(partner)
                ),
            ]
            socket.disconnected.connect(lambda socket=socket: self._on_partner_gone(socket))
            partner.idle.timeout.connect(lambda partner=partner: self._on_idle(partner))
            partner.idle.start()
            socket.sendTextMessage(self._session.welcome(len(self._partners)))
            if self._session.open_request is not None:
                socket.sendTextMessage(encode(self._session.open_request))
            self._session.greet(partner)
            self.partnerCountChanged.emit(len(self._partners))
            self.partnersChanged.emit()

    def _start_metering(self, socket: QWebSocket, partner: LanPartner) -> None:
        meter = self._meters.get((socket.peerAddress().toString(), socket.peerPort()))
        if meter is None:
            return
        meter.partner = partner
        partner.meter = meter
        meter.left_unread = meter.tcp.bytesAvailable()
        # Connected after the WebSocket's reader: notes what it left for next time.
        meter.tcp.readyRead.connect(meter.after)

    def _on_partner_gone(self, socket: QWebSocket) -> None:
        if not self._lifetime.alive:
            return  # the server itself is going: its sockets disconnect as they are deleted
        partner = self._partners.pop(socket, None)
        if partner is None:
            return
        if partner.meter is not None:
            self._forget_meter(partner.meter.key)
        if socket.closeCode() == QWebSocketProtocol.CloseCode.CloseCodeTooMuchData:
            self.dropped.add(DropReason.TOO_LARGE)
        partner.idle.stop()
        socket.deleteLater()
        self.partnerCountChanged.emit(len(self._partners))
        self.partnersChanged.emit()

    def _on_idle(self, partner: LanPartner) -> None:
        if not self._lifetime.alive or not shiboken6.isValid(partner.socket):
            return  # gone already, with its meeting
        self.dropped.add(DropReason.TIMED_OUT)
        partner.socket.abort()

    def _admit_frame(self, partner: LanPartner) -> bool:
        # Checked before parsing so a burst costs a counter per frame and nothing more.
        if partner.frames.try_take():
            partner.idle.start()
            return True
        self.dropped.add(DropReason.RATE_LIMITED)
        partner.rate_drops += 1
        if partner.rate_drops == FLOOD_LIMIT:
            self._close_flooding(partner)
        return False

    def _on_binary(self, partner: LanPartner) -> None:
        if self._admit_frame(partner):
            self.dropped.add(DropReason.NOT_TEXT)

    def _on_text(self, partner: LanPartner, text: str) -> None:
        if self._admit_frame(partner):
            self._session.receive(partner, text)

    def _on_hello(self, _partner: LanPartner, changed: bool) -> None:
        if changed:
            self.partnersChanged.emit()


def _send_frame(partner: LanPartner, frame: str) -> None:
    partner.socket.sendTextMessage(frame)


def _served_origin(socket: QTcpSocket) -> str:
    """``http://ADDRESS:PORT`` of the address and port this connection arrived at."""
    local = socket.localAddress()
    text = local.toString()
    if local.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv6Protocol:
        # Listening on "::" also takes IPv4 clients, whose pages know the plain IPv4 address.
        text = text[7:] if text.lower().startswith("::ffff:") and "." in text else f"[{text}]"
    return f"http://{text}:{socket.localPort()}"


def _split_target(target: str) -> tuple[str | None, str]:
    path = target.split("?", 1)[0]
    for prefix in (PAGE_PREFIX, SOCKET_PREFIX):
        if path.startswith(prefix):
            return prefix, path[len(prefix) :]
    return None, ""


def _load_page() -> bytes:
    try:
        return resource_path("partner", "index.html").read_bytes()
    except OSError as missing:
        raise LinkError(
            translate(
                "PartnerLink", "the partner page is missing from this installation: {missing}"
            ).format(missing=missing)
        ) from None
