"""One partner on the LAN link once its WebSocket is up: its allowances and its bytes.

``app.link.server`` keeps a :class:`LanPartner` per upgraded connection (what it said it
is, its frame, byte and press allowances, its idle timer) and a :class:`TrafficMeter` on
the TCP socket beneath, which sees every byte before Qt's WebSocket reads it: what the
byte allowance counts and where the client's frame masks are checked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, QTimer, Slot
from PySide6.QtNetwork import QTcpSocket
from PySide6.QtWebSockets import QWebSocket

from app.domain.signal_protocol import ClientKind
from app.link.partner_session import RateLimits
from app.link.partner_watch_link import WatchAllowance
from app.link.rate_limit import TokenBucket
from app.link.websocket_rules import MaskedFrames

READ_BUFFER_BYTES = 8192
"""How much of a partner's unread traffic Qt holds at once: what one metering pass sees."""
MAX_UNSENT_BYTES = 65536
"""Answers (pongs included) a partner has not read; beyond this it is not reading at all."""


class LanPartner:
    """One authorised WebSocket connection and its allowances."""

    def __init__(
        self, socket: QWebSocket, idle_timeout_ms: int, limits: RateLimits, presses: TokenBucket
    ) -> None:
        self.socket = socket
        self.kind = ClientKind.PHONE
        self.address = plain_address(socket.peerAddress().toString())
        self.frames = TokenBucket(limits.frames_burst, limits.frames_per_second)
        self.presses = presses
        self.watch = WatchAllowance(limits.watch)
        self.bytes = TokenBucket(limits.bytes_burst, limits.bytes_per_second)
        self.rate_drops = 0
        self.cut_off = False  # closed for flooding or breaking the protocol
        self.frame_connections: list[QMetaObject.Connection] = []
        self.meter: TrafficMeter | None = None
        self.idle = QTimer(socket)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_timeout_ms)


class TrafficMeter(QObject):
    """Counts the bytes arriving on one upgraded connection, before Qt reads them.

    ``before`` is connected to the TCP socket's readyRead ahead of Qt's WebSocket, so it
    sees what is buffered (what Qt left last time plus what just arrived); ``after`` runs
    behind Qt and notes what Qt left unread. The difference is the new traffic, whose
    frame headers are also checked for the client's mask (``app.link.websocket_rules``).

    A QObject with real slots, not Python callables: PySide ties a callable to the
    sender's ``destroyed`` signal, and Qt's WebSocket later disconnects everything from
    its socket, which then warns on every connection.
    """

    def __init__(
        self,
        tcp: QTcpSocket,
        on_before: Callable[[TrafficMeter], None],
        on_after: Callable[[TrafficMeter], None],
        on_gone: Callable[[tuple[str, int]], None],
    ) -> None:
        super().__init__()
        self.tcp = tcp
        self._on_before = on_before
        self._on_after = on_after
        self._on_gone = on_gone
        # Kept: a socket forgets its peer once disconnected.
        self.key = (tcp.peerAddress().toString(), tcp.peerPort())
        self.left_unread = 0
        self.partner: LanPartner | None = None
        self.frames = MaskedFrames()

    def new_bytes(self) -> int:
        return max(0, self.tcp.bytesAvailable() - self.left_unread)

    def all_masked(self, count: int) -> bool:
        """Whether the last ``count`` buffered bytes keep every frame masked."""
        if count <= 0:
            return not self.frames.unmasked
        buffered = bytes(self.tcp.peek(self.tcp.bytesAvailable()).data())
        return self.frames.feed(buffered[-count:])

    @Slot()
    def before(self) -> None:
        self._on_before(self)

    @Slot()
    def after(self) -> None:
        self._on_after(self)

    @Slot()
    def gone(self) -> None:
        self._on_gone(self.key)


def plain_address(text: str) -> str:
    # Listening on "::" shows IPv4 clients as "::ffff:192.168.1.20".
    return text[7:] if text.lower().startswith("::ffff:") and "." in text else text
