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
small and well formed within a short time (1.5 s), and one address may keep only
a few requests waiting for theirs, so strangers dripping bytes never take the
partner's slot (when all slots are taken, the busiest address gives one up); the
path must carry the meeting's secret (compared in constant time) and anything
else gets the same small "This link has expired" page; a WebSocket upgrade must
come from the page's own origin, the address and port the connection reached
(never the client's Host header); then every byte a partner sends (WebSocket
pings included, which Qt answers by itself) is counted against an allowance, and
every frame is rate-limited, size-limited and schema-checked
(``app.domain.signal_protocol``), and anything refused is only counted. When the
meeting ends, every partner is told ("ended") before the link closes, so its page
stops reconnecting. The page is the only thing ever served;
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

import shiboken6
from PySide6.QtCore import QMetaObject, QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import (
    QAbstractSocket,
    QHostAddress,
    QSslConfiguration,
    QTcpServer,
    QTcpSocket,
)
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
    Ended,
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
MAX_PENDING_PER_ADDRESS = 4
"""One address (one stranger) never holds more than this many not-yet-answered requests,
so a partner on another address always finds a free slot."""
HEAD_TIMEOUT_MS = 1500
"""A phone sends its whole request head in one packet; a slow drip is not a partner."""
READ_BUFFER_BYTES = 8192
"""How much of a partner's unread traffic Qt holds at once: what one metering pass sees."""
MAX_UNSENT_BYTES = 65536
"""Answers (pongs included) a partner has not read; beyond this it is not reading at all."""
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
# One small page for every refusal (a wrong secret, an old meeting's link, anything odd):
# it says the same whatever the reason, so a guess learns nothing.
EXPIRED_PAGE = (
    b"<!doctype html><html lang=en><meta charset=utf-8>"
    b'<meta name=viewport content="width=device-width, initial-scale=1">'
    b"<meta name=color-scheme content=dark><title>Partner</title>"
    b'<body style="margin:0;min-height:100vh;display:grid;place-items:center;'
    b'background:#0b0c0e;color:#7d828a;font:17px system-ui,sans-serif">'
    b"<p>This link has expired</p></body></html>"
)
REFUSAL_RESPONSE = (
    b"HTTP/1.1 404 Not Found\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"Content-Length: " + str(len(EXPIRED_PAGE)).encode("ascii") + b"\r\n"
    b"Cache-Control: no-store\r\n"
    b"Referrer-Policy: no-referrer\r\n"
    b"X-Content-Type-Options: nosniff\r\n"
    b"Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
    b"Connection: close\r\n\r\n" + EXPIRED_PAGE
)
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


@dataclass(frozen=True, slots=True)
class PartnerInfo:
    """Who is connected, as the user may see it: the kind of partner and its address."""

    kind: ClientKind
    address: str

    @property
    def description(self) -> str:
        what = "Phone" if self.kind is ClientKind.PHONE else "Poise on a laptop"
        return f"{what} · {self.address}"


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
    # Every byte a partner sends, WebSocket pings and pongs included (Qt answers those
    # itself, unseen by the frame allowance above): a phone sends about 20 bytes a second.
    bytes_burst: int = 16384
    bytes_per_second: float = 2048


class _Partner:
    """One authorised WebSocket connection and its allowances."""

    def __init__(self, socket: QWebSocket, idle_timeout_ms: int, limits: RateLimits) -> None:
        self.socket = socket
        self.kind = ClientKind.PHONE
        self.address = _plain_address(socket.peerAddress().toString())
        self.frames = TokenBucket(limits.frames_burst, limits.frames_per_second)
        self.presses = TokenBucket(limits.presses_burst, limits.presses_per_second)
        self.bytes = TokenBucket(limits.bytes_burst, limits.bytes_per_second)
        self.rate_drops = 0
        self.flooded = False
        self.frame_connections: list[QMetaObject.Connection] = []
        self.meter: _TrafficMeter | None = None
        self.idle = QTimer(socket)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_timeout_ms)


class _TrafficMeter(QObject):
    """Counts the bytes arriving on one upgraded connection, before Qt reads them.

    ``before`` is connected to the TCP socket's readyRead ahead of Qt's WebSocket, so it
    sees what is buffered (what Qt left last time plus what just arrived); ``after`` runs
    behind Qt and notes what Qt left unread. The difference is the new traffic.

    A QObject with real slots, not Python callables: PySide ties a callable to the
    sender's ``destroyed`` signal, and Qt's WebSocket later disconnects everything from
    its socket, which then warns on every connection.
    """

    def __init__(self, tcp: QTcpSocket, server: PartnerLinkServer) -> None:
        super().__init__()
        self.tcp = tcp
        self.server = server
        self.key = _peer_key(tcp)  # kept: a socket forgets its peer once disconnected
        self.left_unread = 0
        self.partner: _Partner | None = None

    def new_bytes(self) -> int:
        return max(0, self.tcp.bytesAvailable() - self.left_unread)

    @Slot()
    def before(self) -> None:
        self.server._on_partner_bytes(self)

    @Slot()
    def after(self) -> None:
        self.server._after_partner_bytes(self)

    @Slot()
    def gone(self) -> None:
        if self.server._lifetime.alive:
            self.server._forget_meter(self.key)


class _Lifetime:
    """Whether the server is still whole: its children say goodbye while it is destroyed.

    A plain Python object, so its slot still runs when ``destroyed`` is emitted.
    """

    def __init__(self) -> None:
        self.alive = True

    def end(self) -> None:
        self.alive = False


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
    # a partner came, went, or said what it is: read partners()
    partnersChanged = Signal()  # noqa: N815 (Qt signal naming)

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
        # Upgraded TCP sockets by peer (address, port), until their WebSocket appears.
        self._meters: dict[tuple[str, int], _TrafficMeter] = {}
        self._deliveries: OrderedDict[str, DeliveryState] = OrderedDict()
        self._open_request: Request | None = None
        self._answered_requests: OrderedDict[str, None] = OrderedDict()
        self._limits = rate_limits
        self._presses = TokenBucket(
            rate_limits.all_presses_burst, rate_limits.all_presses_per_second
        )
        self.dropped = DropCounters()
        self._lifetime = _Lifetime()
        self.destroyed.connect(self._lifetime.end)

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
            raise LinkError("this meeting has ended; its partner link cannot start again")
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
        """The meeting ended: tell every partner, stop for good and forget the secret."""
        farewell = encode(Ended())
        for partner_socket in list(self._partners):
            # Written before the close frame, so a partner knows not to come back.
            partner_socket.sendTextMessage(farewell)
            partner_socket.close(QWebSocketProtocol.CloseCode.CloseCodeNormal, "meeting ended")
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
            if not self._make_room_for(socket.peerAddress().toString()):
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

    def _make_room_for(self, address: str) -> bool:
        """Whether a new request from ``address`` may wait for its head.

        An address already holding its share is refused; when every slot is taken, the
        oldest request of the busiest address gives way, so a newcomer always gets in.
        """
        waiting_by_address: dict[str, list[QTcpSocket]] = {}
        for waiting in self._pending:  # oldest first
            waiting_by_address.setdefault(waiting.peerAddress().toString(), []).append(waiting)
        if len(waiting_by_address.get(address, ())) >= MAX_PENDING_PER_ADDRESS:
            return False
        if len(self._pending) >= MAX_PENDING_REQUESTS:
            busiest = max(waiting_by_address.values(), key=len)
            oldest = busiest[0]
            self.dropped.add(DropReason.TOO_MANY_CONNECTIONS)
            self._forget_pending(oldest)
            oldest.abort()
            oldest.deleteLater()
        return True

    def _on_head_bytes(self) -> None:
        socket = self.sender()
        if isinstance(socket, QTcpSocket) and socket in self._pending:
            self._read_head(socket)

    def _on_pending_disconnected(self) -> None:
        if not self._lifetime.alive:
            return
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
        socket.write(REFUSAL_RESPONSE)
        _close_when_written(socket)

    def _serve_page(self, socket: QTcpSocket, head_length_: int) -> None:
        assert self._page is not None
        self._forget_pending(socket)
        socket.read(head_length_)
        socket.write(_PAGE_HEADERS.format(length=len(self._page)).encode("ascii") + self._page)
        _close_when_written(socket)

    def _upgrade(self, socket: QTcpSocket, head: RequestHead) -> None:
        # The page's own origin is the address and port this connection reached, never
        # what the client's Host header claims (a forged Host would match a forged Origin).
        if head.header("origin") != _served_origin(socket):
            self._refuse(socket, DropReason.BAD_ORIGIN)
            return
        if len(self._partners) >= MAX_PARTNERS:
            self._refuse(socket, DropReason.TOO_MANY_CONNECTIONS)
            return
        self._forget_pending(socket)
        socket.setReadBufferSize(READ_BUFFER_BYTES)
        meter = _TrafficMeter(socket, self)
        # Connected before the WebSocket's own reader, so it runs first on every arrival.
        socket.readyRead.connect(meter.before)
        socket.disconnected.connect(meter.gone)
        self._meters[meter.key] = meter
        # The head is still unread in the socket: the WebSocket server does the handshake.
        self._sockets.handleConnection(socket)

    def _on_partner_bytes(self, meter: _TrafficMeter) -> None:
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

    def _after_partner_bytes(self, meter: _TrafficMeter) -> None:
        if meter.partner is None:
            return
        meter.left_unread = meter.tcp.bytesAvailable()
        if meter.tcp.bytesToWrite() > MAX_UNSENT_BYTES:
            # It sends and never reads (pings whose pongs pile up): not a partner.
            self.dropped.add(DropReason.RATE_LIMITED)
            self._close_flooding(meter.partner)

    def _forget_meter(self, key: tuple[str, int]) -> None:
        meter = self._meters.pop(key, None)
        if meter is None:
            return
        meter.deleteLater()
        if meter.partner is not None:
            meter.partner.meter = None
        meter.partner = None

    def _close_flooding(self, partner: _Partner) -> None:
        if partner.flooded:
            return
        partner.flooded = True
        self.dropped.add(DropReason.FLOODING)
        # Qt goes on delivering frames already buffered; stop paying Python for each.
        for connection in partner.frame_connections:
            QObject.disconnect(connection)
        partner.frame_connections = []
        partner.socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "flood")
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
            partner = _Partner(socket, self._idle_timeout_ms, self._limits)
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
            socket.sendTextMessage(encode(Welcome(self._buttons, len(self._partners))))
            if self._open_request is not None:
                socket.sendTextMessage(encode(self._open_request))
            self.partnerCountChanged.emit(len(self._partners))
            self.partnersChanged.emit()

    def _start_metering(self, socket: QWebSocket, partner: _Partner) -> None:
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

    def _on_idle(self, partner: _Partner) -> None:
        if not self._lifetime.alive or not shiboken6.isValid(partner.socket):
            return  # gone already, with its meeting
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
            self._close_flooding(partner)
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
                if partner.kind is not kind:
                    partner.kind = kind
                    self.partnersChanged.emit()

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


def _peer_key(socket: QTcpSocket) -> tuple[str, int]:
    return socket.peerAddress().toString(), socket.peerPort()


def _plain_address(text: str) -> str:
    # Listening on "::" shows IPv4 clients as "::ffff:192.168.1.20".
    return text[7:] if text.lower().startswith("::ffff:") and "." in text else text


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
        raise LinkError(f"the partner page is missing from this installation: {missing}") from None
