"""The partner link server: one port serving the phone page and its WebSocket channel.

Why this design. Everything runs on the GUI thread with Qt's asynchronous
sockets: a ``QTcpServer`` accepts each connection, *peeks* at the request head
without consuming it, and then either answers the page itself, refuses, or
hands the untouched socket to ``QWebSocketServer.handleConnection`` for the
upgrade. QtHttpServer (6.12) is not used: it sends empty bodies and keeps no
reference to its route callbacks (see shared/PLATFORM.md). An asyncio server
(``websockets``) on its own thread was the other candidate; it would add a
second event loop, a thread hop through queued signals on every press, and GIL
contention on a two-core machine, in exchange for isolation we get anyway by
keeping the per-message work tiny: rate limits are checked *before* a frame is
parsed, a flooding connection is closed, frames are capped at 1 KiB by Qt
itself. Measured on this machine (bench/signal_latency.py and the hostile test): a press
reaches ``cueRequested`` and the cue is painted in well under a millisecond
beyond the raw WebSocket round trip, and a 10,000-frame burst never stalls the
event loop for long (the hostile test asserts the longest stall).

Security, in order of the checks: nothing listens unless :meth:`start` was
called (a live meeting with the link on); the request head must be complete,
small and well formed within a short time; the path must carry the meeting's
secret (compared in constant time) and anything else gets the same bare 404;
a WebSocket upgrade must come from the page's own origin; then every frame is
rate-limited, size-limited and schema-checked (``app.domain.signal_protocol``),
and anything refused is only counted. The page is the only thing ever served;
the user's notes are not reachable from here at all.

The other direction (issue 8): ``send_request`` asks every partner to step in, keeps
the request open for a partner who joins later, and ``requestAcknowledged`` fires once
when a partner answers it; an answer to any other id is only counted.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMetaObject, QObject, QTimer, Signal
from PySide6.QtNetwork import QHostAddress, QSslConfiguration, QTcpServer, QTcpSocket
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol, QWebSocketServer

from app import qt_workarounds
from app.domain.meeting_terms import Cue, SignalSource, partner_request
from app.domain.signal_protocol import (
    MAX_MESSAGE_BYTES,
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
    Status,
    Welcome,
    encode,
    parse_client_message,
)
from app.link.http_head import MAX_HEAD_BYTES, RequestHead, head_length, parse_head
from app.link.lan_address import guess_lan_address
from app.link.rate_limit import TokenBucket
from app.link.secret import new_secret, secret_matches
from app.resources import resource_path

BIND_ENV = "POISE_LINK_BIND"
DEFAULT_BIND_ADDRESS = "0.0.0.0"
PAGE_PREFIX = "/p/"
SOCKET_PREFIX = "/ws/"

MAX_PARTNERS = 4
MAX_PENDING_REQUESTS = 16
HEAD_TIMEOUT_MS = 3000
IDLE_TIMEOUT_MS = 20000
"""A partner pings every 5 s; silence this long means the phone is gone."""
FLOOD_LIMIT = 200
"""Rate-limited frames after which a connection is closed instead of being read."""
REMEMBERED_PRESSES = 512
REMEMBERED_REQUESTS = 64

_SOURCE_OF = {
    ClientKind.PHONE: SignalSource.PHONE,
    ClientKind.PARTNER_APP: SignalSource.PARTNER_APP,
}
_REFUSAL = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
_PAGE_HEADERS = (
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Content-Length: {length}\r\n"
    "Cache-Control: no-store\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'\r\n"
    "Connection: close\r\n\r\n"
)


class LinkError(RuntimeError):
    """The link could not start (port taken, no such address); the message says why."""


def configured_bind_address(explicit: str | None = None) -> str:
    """The address to listen on: the argument, then ``POISE_LINK_BIND``, then every interface."""
    return explicit or os.environ.get(BIND_ENV) or DEFAULT_BIND_ADDRESS


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Allowances: frames of any kind per connection, presses per connection and overall.

    A partner presses a handful of times per meeting; a phone pings every 5 s.
    """

    frames_burst: int = 40
    frames_per_second: float = 20
    presses_burst: int = 3
    presses_per_second: float = 0.5
    all_presses_burst: int = 6
    all_presses_per_second: float = 1


class _Partner:
    """One authorised WebSocket connection and its allowances."""

    def __init__(self, socket: QWebSocket, idle_timeout_ms: int, limits: RateLimits) -> None:
        self.socket = socket
        self.kind = ClientKind.PHONE
        self.frames = TokenBucket(limits.frames_burst, limits.frames_per_second)
        self.presses = TokenBucket(limits.presses_burst, limits.presses_per_second)
        self.rate_drops = 0
        self.frame_connections: list[QMetaObject.Connection] = []
        self.idle = QTimer(socket)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_timeout_ms)


class PartnerLinkServer(QObject):
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

    def __init__(
        self,
        cues: Sequence[Cue],
        *,
        bind_address: str | None = None,
        port: int = 0,
        head_timeout_ms: int = HEAD_TIMEOUT_MS,
        idle_timeout_ms: int = IDLE_TIMEOUT_MS,
        rate_limits: RateLimits = RateLimits(),  # frozen: one shared default is safe
        parent: QObject | None = None,
    ) -> None:
        qt_workarounds.install()  # PySide6 6.12 loses a reference to True per emit
        super().__init__(parent)
        self._buttons = tuple(CueButton(cue.key, cue.label) for cue in cues)
        self._cue_keys = frozenset(cue.key for cue in cues)
        self._bind_address = configured_bind_address(bind_address)
        self._wanted_port = port
        self._head_timeout_ms = head_timeout_ms
        self._idle_timeout_ms = idle_timeout_ms
        self._secret: str | None = new_secret()
        self._page: bytes | None = None
        # Each waiting socket's head timer and its two connections (see _forget_pending).
        self._pending: dict[
            QTcpSocket, tuple[QTimer, QMetaObject.Connection, QMetaObject.Connection]
        ] = {}
        self._partners: dict[QWebSocket, _Partner] = {}
        self._deliveries: OrderedDict[str, DeliveryState] = OrderedDict()
        self._open_request: Request | None = None
        self._answered_requests: OrderedDict[str, None] = OrderedDict()
        self._limits = rate_limits
        self._presses = TokenBucket(
            rate_limits.all_presses_burst, rate_limits.all_presses_per_second
        )
        self.dropped = DropCounters()

        self._tcp = QTcpServer(self)
        self._tcp.setMaxPendingConnections(MAX_PENDING_REQUESTS)
        self._tcp.newConnection.connect(self._on_tcp_connection)
        self._sockets = QWebSocketServer("Poise", QWebSocketServer.SslMode.NonSecureMode, self)
        self._sockets.setHandshakeTimeout(head_timeout_ms)
        # Plain ws:// only. Without an explicit (empty) TLS configuration, the first
        # handshake copies Qt's default one and loads every system CA certificate on the
        # GUI thread: a measured 250-360 ms freeze when the first partner connects.
        self._sockets.setSslConfiguration(QSslConfiguration())
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

    def start(self) -> None:
        """Listen (the user turned the link on). Raises LinkError when it cannot."""
        if self._secret is None:
            raise LinkError("this meeting has ended; its partner link cannot start again")
        if self.is_running:
            return
        if self._page is None:
            self._page = _load_page()
        address = QHostAddress(self._bind_address)
        if address.isNull():
            raise LinkError(f"not an IP address to listen on: {self._bind_address!r}")
        # Reuse the last port so a partner's page keeps working after an off/on.
        if not self._tcp.listen(address, self._wanted_port) and (
            self._wanted_port == 0 or not self._tcp.listen(address, 0)
        ):
            raise LinkError(f"cannot listen on {self._bind_address}: {self._tcp.errorString()}")
        self._wanted_port = self._tcp.serverPort()
        self.runningChanged.emit()

    def stop(self) -> None:
        """Stop listening and drop every connection; the secret stays for this meeting."""
        was_running = self.is_running
        self._tcp.close()
        for socket in list(self._pending):
            self._forget_pending(socket)
            socket.abort()
        for partner_socket in list(self._partners):
            partner_socket.close(QWebSocketProtocol.CloseCode.CloseCodeGoingAway, "link off")
        if was_running:
            self.runningChanged.emit()

    def end(self) -> None:
        """The meeting ended: stop for good and forget the secret."""
        self.stop()
        self._secret = None
        self._deliveries.clear()
        self._open_request = None
        self._answered_requests.clear()
        self.runningChanged.emit()

    def pairing_url(self, host: str | None = None) -> str:
        """The address to give the partner: ``http://HOST:PORT/p/<secret>``."""
        if self._secret is None or not self.is_running:
            raise LinkError("the partner link is off")
        if host is None:
            host = self._bind_address
            if host in ("0.0.0.0", "::"):
                host = guess_lan_address()
        return f"http://{host}:{self.port}{PAGE_PREFIX}{self._secret}"

    # --- reports from the user's side ---------------------------------------------------

    def report_shown(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.SHOWN)

    def report_acknowledged(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.ACKNOWLEDGED)

    def report_expired(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.EXPIRED)

    def report_rejected(self, message_id: str) -> None:
        self._advance(message_id, DeliveryState.REJECTED)

    # --- the user's own requests to the partner (issue 8) -------------------------------

    @property
    def open_request(self) -> Request | None:
        """The request no partner has answered yet; partners who join later get it too."""
        return self._open_request

    def send_request(self, message_id: str, key: str) -> int:
        """Ask every partner for help (a newer request replaces an unanswered one).

        Returns how many partners it reached now; with none (or the link off) it waits
        for the next partner to connect. ``key`` is one of ``USER_REQUESTS``, else KeyError.
        """
        wanted = partner_request(key)
        if self.has_ended:
            return 0
        self._open_request = Request(
            message_id,
            wanted.key,
            wanted.label,
            wanted.words,
            wanted.answer_button,
            wanted.answered,
        )
        frame = encode(self._open_request)
        for socket in self._partners:
            socket.sendTextMessage(frame)
        return len(self._partners)

    def _on_request_ack(self, partner: _Partner, message_id: str) -> None:
        answered = encode(Status(message_id, DeliveryState.ACKNOWLEDGED))
        if message_id in self._answered_requests:
            # A second phone, or a repeat after a reconnect: tell it, announce nothing.
            partner.socket.sendTextMessage(answered)
            return
        if self._open_request is None or self._open_request.message_id != message_id:
            self.dropped.add(DropReason.UNKNOWN_REQUEST)
            return
        self._open_request = None
        self._answered_requests[message_id] = None
        while len(self._answered_requests) > REMEMBERED_REQUESTS:
            self._answered_requests.popitem(last=False)
        for socket in self._partners:
            socket.sendTextMessage(answered)
        self.requestAcknowledged.emit(message_id)

    def delivery_state(self, message_id: str) -> DeliveryState:
        return self._deliveries.get(message_id, DeliveryState.UNKNOWN)

    def _advance(self, message_id: str, state: DeliveryState) -> None:
        current = self._deliveries.get(message_id)
        # Cues from the user's own window are not ours to report; states never go back.
        if current is None or state.rank <= current.rank:
            return
        self._deliveries[message_id] = state
        frame = encode(Status(message_id, state))
        for socket in self._partners:
            socket.sendTextMessage(frame)

    # --- HTTP: peek at the head, then serve, refuse or upgrade --------------------------

    def _on_tcp_connection(self) -> None:
        while self._tcp.hasPendingConnections():
            socket = self._tcp.nextPendingConnection()
            if len(self._pending) >= MAX_PENDING_REQUESTS:
                self.dropped.add(DropReason.TOO_MANY_CONNECTIONS)
                socket.abort()
                socket.deleteLater()
                continue
            timer = QTimer(socket)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda socket=socket: self._on_head_timeout(socket))
            timer.start(self._head_timeout_ms)
            self._pending[socket] = (
                timer,
                socket.readyRead.connect(self._on_head_bytes),
                socket.disconnected.connect(self._on_pending_disconnected),
            )
            if socket.bytesAvailable():
                self._read_head(socket)

    def _on_head_bytes(self) -> None:
        socket = self.sender()
        if isinstance(socket, QTcpSocket) and socket in self._pending:
            self._read_head(socket)

    def _on_pending_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QTcpSocket) and socket in self._pending:
            self._forget_pending(socket)
            socket.deleteLater()

    def _on_head_timeout(self, socket: QTcpSocket) -> None:
        if socket in self._pending:
            self.dropped.add(DropReason.TIMED_OUT)
            self._forget_pending(socket)
            socket.abort()
            socket.deleteLater()

    def _forget_pending(self, socket: QTcpSocket) -> None:
        entry = self._pending.pop(socket, None)
        if entry is None:
            return
        timer, *connections = entry
        timer.stop()
        # QObject.disconnect(handle), not signal.disconnect(slot): in PySide6 6.12 the
        # latter over-releases Python's True on every call and crashes at exit.
        for connection in connections:
            QObject.disconnect(connection)

    def _read_head(self, socket: QTcpSocket) -> None:
        buffered = bytes(socket.peek(MAX_HEAD_BYTES + 1).data())
        length = head_length(buffered)
        if length is None:
            if len(buffered) > MAX_HEAD_BYTES:
                self._refuse(socket, DropReason.TOO_LARGE)
            return
        try:
            head = parse_head(buffered[:length])
        except ProtocolError as bad:
            self._refuse(socket, bad.reason)
            return
        route, secret = _split_target(head.target)
        if head.method != "GET" or route is None:
            self._refuse(socket, DropReason.BAD_REQUEST)
        elif not secret_matches(secret, self._secret):
            self._refuse(socket, DropReason.WRONG_SECRET)
        elif route == PAGE_PREFIX and not head.wants_websocket:
            self._serve_page(socket, length)
        elif route == SOCKET_PREFIX and head.wants_websocket:
            self._upgrade(socket, head)
        else:
            self._refuse(socket, DropReason.BAD_REQUEST)

    def _refuse(self, socket: QTcpSocket, reason: DropReason) -> None:
        self.dropped.add(reason)
        self._forget_pending(socket)
        # Drain what was sent so closing does not reset the connection before the 404 is read.
        socket.readAll()
        socket.write(_REFUSAL)
        _close_when_written(socket)

    def _serve_page(self, socket: QTcpSocket, head_length_: int) -> None:
        assert self._page is not None
        self._forget_pending(socket)
        socket.read(head_length_)
        socket.write(_PAGE_HEADERS.format(length=len(self._page)).encode("ascii") + self._page)
        _close_when_written(socket)

    def _upgrade(self, socket: QTcpSocket, head: RequestHead) -> None:
        host = head.header("host")
        if not host or head.header("origin") != f"http://{host}":
            self._refuse(socket, DropReason.BAD_ORIGIN)
            return
        if len(self._partners) >= MAX_PARTNERS:
            self._refuse(socket, DropReason.TOO_MANY_CONNECTIONS)
            return
        self._forget_pending(socket)
        # The head is still unread in the socket: the WebSocket server does the handshake.
        self._sockets.handleConnection(socket)

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
            partner = _Partner(socket, self._idle_timeout_ms, self._limits)
            self._partners[socket] = partner
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
            socket.sendTextMessage(encode(Welcome(self._buttons, len(self._partners))))
            if self._open_request is not None:
                socket.sendTextMessage(encode(self._open_request))
            self.partnerCountChanged.emit(len(self._partners))

    def _on_partner_gone(self, socket: QWebSocket) -> None:
        partner = self._partners.pop(socket, None)
        if partner is None:
            return
        if socket.closeCode() == QWebSocketProtocol.CloseCode.CloseCodeTooMuchData:
            self.dropped.add(DropReason.TOO_LARGE)
        partner.idle.stop()
        socket.deleteLater()
        self.partnerCountChanged.emit(len(self._partners))

    def _on_idle(self, partner: _Partner) -> None:
        self.dropped.add(DropReason.TIMED_OUT)
        partner.socket.abort()

    def _admit_frame(self, partner: _Partner) -> bool:
        # Checked before parsing so a burst costs a counter per frame and nothing more.
        if partner.frames.try_take():
            partner.idle.start()
            return True
        self.dropped.add(DropReason.RATE_LIMITED)
        partner.rate_drops += 1
        if partner.rate_drops == FLOOD_LIMIT:
            self.dropped.add(DropReason.FLOODING)
            # Qt goes on delivering frames already buffered; stop paying Python for each.
            for connection in partner.frame_connections:
                QObject.disconnect(connection)
            partner.socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "flood")
        return False

    def _on_binary(self, partner: _Partner) -> None:
        if self._admit_frame(partner):
            self.dropped.add(DropReason.NOT_TEXT)

    def _on_text(self, partner: _Partner, text: str) -> None:
        if not self._admit_frame(partner):
            return
        try:
            message = parse_client_message(text)
        except ProtocolError as bad:
            self.dropped.add(bad.reason)
            return
        match message:
            case Press():
                self._on_press(partner, message)
            case Ping(number):
                partner.socket.sendTextMessage(encode(Pong(number)))
            case Query(message_id):
                state = self.delivery_state(message_id)
                partner.socket.sendTextMessage(encode(Status(message_id, state)))
            case RequestAck(message_id):
                self._on_request_ack(partner, message_id)
            case Hello(kind):
                partner.kind = kind

    def _on_press(self, partner: _Partner, press: Press) -> None:
        known = self._deliveries.get(press.message_id)
        if known is not None:
            # A press repeated after a reconnect: say where it got to, never show it twice.
            partner.socket.sendTextMessage(encode(Status(press.message_id, known)))
            return
        if press.cue_key not in self._cue_keys:
            self.dropped.add(DropReason.UNKNOWN_CUE)
            partner.socket.sendTextMessage(encode(Status(press.message_id, DeliveryState.REJECTED)))
            return
        if not (partner.presses.try_take() and self._presses.try_take()):
            self.dropped.add(DropReason.RATE_LIMITED)
            partner.socket.sendTextMessage(encode(Status(press.message_id, DeliveryState.REJECTED)))
            return
        self._deliveries[press.message_id] = DeliveryState.RECEIVED
        while len(self._deliveries) > REMEMBERED_PRESSES:
            self._deliveries.popitem(last=False)
        frame = encode(Status(press.message_id, DeliveryState.RECEIVED))
        for socket in self._partners:
            socket.sendTextMessage(frame)
        self.cueRequested.emit(press.cue_key, _SOURCE_OF[partner.kind].value, press.message_id)


def _close_when_written(socket: QTcpSocket) -> None:
    # A Python callable, not the C++ slot: see PLATFORM.md on "Cannot add dynamic method".
    socket.disconnected.connect(lambda: socket.deleteLater())
    socket.disconnectFromHost()


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
        raise LinkError(f"the partner page is missing from this installation: {missing}") from None
