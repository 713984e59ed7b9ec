"""The partner side of the link, for a second Poise: what the phone page does, in Qt.

Connects to the pairing URL's WebSocket, reconnects by itself with a short
back-off, notices a silent connection by pinging, and delivers a press made
while offline once (same message id, the server drops repeats) or reports it
as not delivered when it is too old to help. It also hears the user's own
requests ("Step in") and sends the partner's "OK" back, after a reconnect if need be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol

from app import qt_workarounds
from app.domain.signal_protocol import (
    ClientKind,
    Ended,
    Hello,
    Ping,
    Pong,
    ProtocolError,
    Welcome,
    encode,
    parse_server_message,
)
from app.link.partner_end import STALE_AFTER_MS, ClientMessage, LinkState, PartnerEnd
from app.translation import translate

PING_EVERY_MS = 5000
PONG_WITHIN_MS = 4000
BACKOFF_MS = (250, 500, 1000, 2000, 4000, 5000)
_SECRET = re.compile(r"[A-Za-z0-9_-]{22,128}")


class PairingUrlError(ValueError):
    """Not a pairing URL from Poise; the message says what to check."""


@dataclass(frozen=True, slots=True)
class PairingAddress:
    page_url: str
    socket_url: str
    origin: str


def parse_pairing_url(text: str) -> PairingAddress:
    """Checks a pasted ``http://HOST:PORT/p/<secret>`` and derives the socket address."""
    url = text.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise PairingUrlError(translate("PairingAddress", "this is not a web address")) from None
    if parts.scheme != "http" or not parts.hostname or port is None:
        raise PairingUrlError(
            translate("PairingAddress", "a pairing address looks like {example}").format(
                example="http://192.168.1.20:40123/p/…"
            )
        )
    if not parts.path.startswith("/p/") or not _SECRET.fullmatch(parts.path[3:]):
        raise PairingUrlError(
            translate(
                "PairingAddress", "the address is incomplete: copy it again from the user's Poise"
            )
        )
    origin = f"http://{parts.netloc}"
    return PairingAddress(
        page_url=f"{origin}{parts.path}",
        socket_url=f"ws://{parts.netloc}/ws/{parts.path[3:]}",
        origin=origin,
    )


class PartnerLinkClient(PartnerEnd):
    """A partner's connection to the user's Poise; all work on Qt's event loop."""

    def __init__(
        self,
        url: str,
        *,
        stale_after_ms: int = STALE_AFTER_MS,
        answer_within_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        qt_workarounds.install()  # PySide6 6.12 loses a reference to True per emit
        super().__init__(stale_after_ms, parent, answer_within_ms)
        self.address = parse_pairing_url(url)
        self._attempt = 0
        self._ping_number = 0
        self._running = False
        self._is_open_or_opening = False
        self._socket = QWebSocket(
            self.address.origin, QWebSocketProtocol.Version.VersionLatest, self
        )
        self._socket.connected.connect(self._on_connected)
        self._socket.disconnected.connect(self._on_disconnected)
        self._socket.errorOccurred.connect(self._on_socket_error)
        self._socket.textMessageReceived.connect(self._on_text)

        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._connect)
        self._ping = QTimer(self, interval=PING_EVERY_MS)
        self._ping.timeout.connect(self._send_ping)
        self._pong_due = QTimer(self, singleShot=True, interval=PONG_WITHIN_MS)
        self._pong_due.timeout.connect(self._on_silence)

    def start(self) -> None:
        self._running = True
        self._attempt = 0
        self._connect()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._drop_socket()

    # --- connection -----------------------------------------------------------------
    # One QWebSocket for the client's whole life, opened again after each drop: deleting
    # sockets from inside their own signal handlers crashed PySide6 6.12 at random.

    def _connect(self) -> None:
        if not self._running or self._is_open_or_opening:
            return
        self._set_link_state(LinkState.CONNECTING if self._attempt == 0 else LinkState.OFFLINE)
        self._is_open_or_opening = True
        self._socket.open(QUrl(self.address.socket_url))

    def _on_connected(self) -> None:
        self._attempt = 0
        self._set_link_state(LinkState.CONNECTED)
        self._send(Hello(ClientKind.PARTNER_APP))
        self._ping.start()
        self._resume()

    def _on_disconnected(self) -> None:
        if not self._is_open_or_opening:
            return  # a refused connection reports both an error and a disconnection
        self._drop_socket()
        self._set_link_state(LinkState.OFFLINE)
        if self._running:
            self._retry.start(BACKOFF_MS[min(self._attempt, len(BACKOFF_MS) - 1)])
            self._attempt += 1

    def _on_silence(self) -> None:
        # No pong: the network went away without a close; start over.
        self._on_disconnected()

    def _drop_socket(self) -> None:
        self._is_open_or_opening = False
        self._ping.stop()
        self._pong_due.stop()
        self._socket.abort()

    def _on_socket_error(self, _error: object) -> None:
        self._on_disconnected()

    def _send(self, message: ClientMessage) -> bool:
        if not self._is_open_or_opening or self._state is not LinkState.CONNECTED:
            return False
        self._socket.sendTextMessage(encode(message))
        return True

    def _send_ping(self) -> None:
        self._ping_number = (self._ping_number + 1) % 2**31
        if self._send(Ping(self._ping_number)) and not self._pong_due.isActive():
            self._pong_due.start()

    def _on_text(self, text: str) -> None:
        try:
            message = parse_server_message(text)
        except ProtocolError:
            return  # a newer Poise may say more than this one understands
        match message:
            case Welcome(cues):
                self._set_cues(cues)
            case Pong():
                self._pong_due.stop()
            case Ended():
                self._on_meeting_ended()
            case _:
                self._hear(message)

    def _on_meeting_ended(self) -> None:
        # The user's Poise said so before closing: stop, and never knock again.
        self.stop()
        if self._request is not None:
            self._request = None
        self._give_up_outbox()
        self._set_link_state(LinkState.ENDED)
