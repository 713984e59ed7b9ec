"""The LAN link's HTTP side: each new connection until its request head is read.

A connection waits here, its head *peeked* at (never consumed), until the head is
complete, small and well formed; then the server decides (the page, the WebSocket
upgrade or a refusal). Strangers must never take a partner's turn, so:

- a head has :data:`HEAD_TIMEOUT_MS` from the moment of connecting (a phone sends it in
  one packet; a slow drip is not a partner);
- one address keeps at most :data:`MAX_PENDING_PER_ADDRESS` connections waiting, and all
  addresses together :data:`MAX_PENDING_REQUESTS`. When either is full, the newcomer is
  let in and the *oldest* waiting connection of the busiest address gives way (of its
  own address, when that one is at its share). Before anyone gives way, every head
  already in the kernel's buffers is read, so a connection that sent its head at once is
  answered, never pushed out; a dripping stranger only pushes out its own old sockets,
  even when a partner shares its address (one guest Wi-Fi behind one NAT, a stuck tab on
  the partner's own phone).

Like nginx's ``client_header_timeout`` and ``limit_conn`` per address, except that an
address at its limit loses its oldest waiting connection instead of the newcomer being
refused: a shared address is never locked out.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, QTimer
from PySide6.QtNetwork import QTcpSocket

from app.domain.signal_protocol import DropCounters, DropReason, ProtocolError
from app.link.http_head import MAX_HEAD_BYTES, RequestHead, head_length, parse_head
from app.translation import translate

MAX_PENDING_REQUESTS = 16
MAX_PENDING_PER_ADDRESS = 4
"""One address never holds more than this many not-yet-answered requests."""
HEAD_TIMEOUT_MS = 1500
"""A phone sends its whole request head in one packet; a slow drip is not a partner."""

# One small page for every refusal (a wrong secret, an old meeting's link, anything odd):
# it says the same whatever the reason, so a guess learns nothing. It is made when sent,
# in the person's language (the phone's reader is the user's partner).
_EXPIRED_PAGE = (
    "<!doctype html><html lang={language}><meta charset=utf-8>"
    '<meta name=viewport content="width=device-width, initial-scale=1">'
    "<meta name=color-scheme content=dark><title>{title}</title>"
    '<body style="margin:0;min-height:100vh;display:grid;place-items:center;'
    'background:#0b0c0e;color:#7d828a;font:17px system-ui,sans-serif">'
    "<p>{words}</p></body></html>"
)


def expired_page() -> bytes:
    """The refusal's page: "This link has expired", in the person's language."""
    page = _EXPIRED_PAGE.format(
        language=html.escape(translate("ExpiredLink", "en", "the page's language code")),
        title=html.escape(translate("ExpiredLink", "Partner")),
        words=html.escape(translate("ExpiredLink", "This link has expired")),
    )
    return page.encode("utf-8")


def refusal_response() -> bytes:
    """The whole HTTP answer to a refused request: 404 and the expired page."""
    page = expired_page()
    return (
        b"HTTP/1.1 404 Not Found\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: " + str(len(page)).encode("ascii") + b"\r\n"
        b"Cache-Control: no-store\r\n"
        b"Referrer-Policy: no-referrer\r\n"
        b"X-Content-Type-Options: nosniff\r\n"
        b"Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
        b"Connection: close\r\n\r\n" + page
    )


BAD_HANDSHAKE_RESPONSE = (
    b"HTTP/1.1 400 Bad Request\r\n"
    b"Content-Length: 0\r\n"
    b"Cache-Control: no-store\r\n"
    b"Connection: close\r\n\r\n"
)
"""A WebSocket upgrade with the right secret and origin but a malformed handshake."""
PAGE_HEADERS = (
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


class Lifetime:
    """Whether the server is still whole: its children say goodbye while it is destroyed.

    A plain Python object, so its slot still runs when ``destroyed`` is emitted.
    """

    def __init__(self) -> None:
        self.alive = True

    def end(self) -> None:
        self.alive = False


HeadHandler = Callable[[QTcpSocket, RequestHead, int], None]


class WaitingRequests(QObject):
    """The connections whose request head has not been read yet; see the module docstring.

    ``on_head(socket, head, length)`` gets each complete, well-formed head; the socket is
    no longer waiting then, and the head still unread in it.
    """

    def __init__(
        self,
        on_head: HeadHandler,
        dropped: DropCounters,
        head_timeout_ms: int,
        lifetime: Lifetime,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_head = on_head
        self._dropped = dropped
        self._head_timeout_ms = head_timeout_ms
        self._lifetime = lifetime
        # Each waiting socket's address, head timer and its two connections (see forget).
        self._waiting: dict[
            QTcpSocket, tuple[str, QTimer, QMetaObject.Connection, QMetaObject.Connection]
        ] = {}

    def admit(self, socket: QTcpSocket) -> None:
        """A new connection waits for its head (making room for it first)."""
        address = socket.peerAddress().toString()
        self._make_room_for(address)
        timer = QTimer(socket)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda socket=socket: self._on_head_timeout(socket))
        timer.start(self._head_timeout_ms)
        self._waiting[socket] = (
            address,
            timer,
            socket.readyRead.connect(self._on_head_bytes),
            socket.disconnected.connect(self._on_disconnected),
        )
        if socket.bytesAvailable():
            self._read_head(socket)

    def drop_all(self) -> None:
        for socket in list(self._waiting):
            self.forget(socket)
            socket.abort()

    def forget(self, socket: QTcpSocket) -> None:
        """No longer waiting: answered, upgraded or dropped."""
        entry = self._waiting.pop(socket, None)
        if entry is None:
            return
        _address, timer, *connections = entry
        timer.stop()
        # QObject.disconnect(handle), not signal.disconnect(slot): in PySide6 6.12 the
        # latter over-releases Python's True on every call and crashes at exit.
        for connection in connections:
            QObject.disconnect(connection)

    def refuse(self, socket: QTcpSocket, reason: DropReason, response: bytes | None = None) -> None:
        self._dropped.add(reason)
        self.forget(socket)
        # Drain what was sent so closing does not reset the connection before it is read.
        socket.readAll()
        socket.write(refusal_response() if response is None else response)
        close_when_written(socket)

    def _make_room_for(self, address: str) -> None:
        if self._is_full(address):
            # Before anyone gives way, read the heads that already arrived: a partner whose
            # request is in the kernel's buffer is answered now, never pushed out by a
            # stranger's next socket.
            for waiting in list(self._waiting):
                if waiting in self._waiting:
                    waiting.waitForReadyRead(0)
        by_address = self._by_address()
        own = by_address.get(address, [])
        if len(own) >= MAX_PENDING_PER_ADDRESS:
            self._give_way(own[0])
        elif len(self._waiting) >= MAX_PENDING_REQUESTS:
            self._give_way(max(by_address.values(), key=len)[0])

    def _is_full(self, address: str) -> bool:
        own = len(self._by_address().get(address, ()))
        return own >= MAX_PENDING_PER_ADDRESS or len(self._waiting) >= MAX_PENDING_REQUESTS

    def _by_address(self) -> dict[str, list[QTcpSocket]]:
        """The waiting sockets of each address, oldest first."""
        by_address: dict[str, list[QTcpSocket]] = {}
        for waiting, (waiting_address, *_rest) in self._waiting.items():
            by_address.setdefault(waiting_address, []).append(waiting)
        return by_address

    def _give_way(self, oldest: QTcpSocket) -> None:
        self._dropped.add(DropReason.TOO_MANY_CONNECTIONS)
        self.forget(oldest)
        oldest.abort()
        oldest.deleteLater()

    def _on_head_bytes(self) -> None:
        socket = self.sender()
        if isinstance(socket, QTcpSocket) and socket in self._waiting:
            self._read_head(socket)

    def _on_disconnected(self) -> None:
        if not self._lifetime.alive:
            return
        socket = self.sender()
        if isinstance(socket, QTcpSocket) and socket in self._waiting:
            self.forget(socket)
            socket.deleteLater()

    def _on_head_timeout(self, socket: QTcpSocket) -> None:
        if socket in self._waiting:
            self._dropped.add(DropReason.TIMED_OUT)
            self.forget(socket)
            socket.abort()
            socket.deleteLater()

    def _read_head(self, socket: QTcpSocket) -> None:
        buffered = bytes(socket.peek(MAX_HEAD_BYTES + 1).data())
        length = head_length(buffered)
        if length is None:
            if len(buffered) > MAX_HEAD_BYTES:
                self.refuse(socket, DropReason.TOO_LARGE)
            return
        try:
            head = parse_head(buffered[:length])
        except ProtocolError as bad:
            self.refuse(socket, bad.reason)
            return
        self.forget(socket)
        self._on_head(socket, head, length)


def close_when_written(socket: QTcpSocket) -> None:
    # A Python callable, not the C++ slot: see PLATFORM.md on "Cannot add dynamic method".
    socket.disconnected.connect(lambda: socket.deleteLater())
    socket.disconnectFromHost()
