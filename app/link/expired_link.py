"""After a meeting, its partner link's address answers "This link has expired".

The meeting's server stops listening when the meeting ends and forgets its secret. A
partner who opens the old link again (a reload, the QR code scanned once more) would then
get the browser's own "connection refused", which reads like a broken network rather than
an old link. So, while Poise runs, the ended meeting's address and port keep answering
every request with the server's own refusal (``refusal_response()``: the same small 404
page a wrong secret gets, so nothing can be learnt from it); nothing else is served, and
a WebSocket upgrade gets the same 404, which the phone page reads as "expired" too.

Bounded: at most :data:`MAX_ANSWERING` ports, :data:`MAX_WAITING` connections each, a
request head read for at most :data:`HEAD_WAIT_MS`. A later meeting that wants the same
port (a fixed port in Settings) takes it back first (:func:`release_port`). Everything
closes with the application.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket

from app.link.lan_requests import refusal_response

MAX_ANSWERING = 4
MAX_WAITING = 8
HEAD_WAIT_MS = 1500


class ExpiredLinkAnswer(QObject):
    """Listens on one ended meeting's address and port; every request gets the 404 page."""

    def __init__(self, address: str, port: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self._waiting: set[QTcpSocket] = set()
        self._tcp = QTcpServer(self)
        self._tcp.setMaxPendingConnections(MAX_WAITING)
        self._tcp.newConnection.connect(self._on_connection)
        self._tcp.listen(QHostAddress(address), port)

    @property
    def is_listening(self) -> bool:
        return self._tcp.isListening()

    def close(self) -> None:
        self._tcp.close()
        for socket in list(self._waiting):
            socket.abort()
        self._waiting.clear()

    def _on_connection(self) -> None:
        while self._tcp.hasPendingConnections():
            socket = self._tcp.nextPendingConnection()
            if socket is None:
                break
            if len(self._waiting) >= MAX_WAITING:
                socket.abort()
                socket.deleteLater()
                continue
            self._waiting.add(socket)
            # Answer once the request is in (closing with it unread would reset the
            # connection before the page is read), or after a short wait in any case.
            socket.readyRead.connect(lambda s=socket: self._answer(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            QTimer.singleShot(HEAD_WAIT_MS, socket, lambda s=socket: self._answer(s))

    def _answer(self, socket: QTcpSocket) -> None:
        if socket not in self._waiting or socket.property("answered"):
            return
        socket.setProperty("answered", True)
        socket.readAll()
        socket.write(refusal_response())
        socket.disconnectFromHost()

    def _forget(self, socket: QTcpSocket) -> None:
        self._waiting.discard(socket)
        socket.deleteLater()


_answering: dict[int, ExpiredLinkAnswer] = {}


def keep_answering_expired(address: str, port: int) -> ExpiredLinkAnswer | None:
    """``address:port`` (an ended meeting's link) says "expired" while the app runs."""
    application = QCoreApplication.instance()
    if port <= 0 or application is None:
        return None
    release_port(port)
    while len(_answering) >= MAX_ANSWERING:
        release_port(next(iter(_answering)))
    answer = ExpiredLinkAnswer(address, port, application)
    if not answer.is_listening:
        answer.deleteLater()  # the port went to someone else meanwhile: nothing to say
        return None
    _answering[port] = answer
    return answer


def release_port(port: int) -> None:
    """A new meeting's link wants ``port``: the old answer steps aside."""
    answer = _answering.pop(port, None)
    if answer is not None:
        answer.close()
        answer.deleteLater()


def answering_ports() -> tuple[int, ...]:
    return tuple(_answering)
