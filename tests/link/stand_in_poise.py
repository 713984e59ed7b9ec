"""A stand-in for the user's Poise at the other end of a partner window's WebSocket: a real
QWebSocketServer on 127.0.0.1 that welcomes, says what it is told to after the welcome,
answers pings, and answers observations and debrief answers only while ``answering``.

The real server (``app.link.server``) always answers; this one can go silent, which is how
the partner's side shows it never claims "Noted" or "Thank you" for what did not arrive.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QHostAddress
from PySide6.QtWebSockets import QWebSocket, QWebSocketServer

SECRET = "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4"
WELCOME = {
    "type": "welcome",
    "v": 1,
    "cues": [{"key": "calm", "label": "Calm down"}],
    "partners": 1,
}


class StandInPoiseServer(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.heard: list[dict[str, Any]] = []
        self.greeting: list[dict[str, Any]] = []
        self.answering = True
        self.sockets: list[QWebSocket] = []
        self._server = QWebSocketServer("stand-in", QWebSocketServer.SslMode.NonSecureMode, self)
        assert self._server.listen(QHostAddress("127.0.0.1"), 0)
        self._server.newConnection.connect(self._on_connection)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.serverPort()}/p/{SECRET}"

    def say(self, message: dict[str, Any]) -> None:
        for socket in self.sockets:
            socket.sendTextMessage(json.dumps(message))

    def sent(self, kind: str) -> list[dict[str, Any]]:
        return [message for message in self.heard if message["type"] == kind]

    def close(self) -> None:
        for socket in self.sockets:
            socket.abort()
        self._server.close()

    def _on_connection(self) -> None:
        socket = self._server.nextPendingConnection()
        self.sockets.append(socket)
        socket.textMessageReceived.connect(lambda text, s=socket: self._on_text(s, text))

    def _on_text(self, socket: QWebSocket, text: str) -> None:
        message = json.loads(text)
        self.heard.append(message)
        if message["type"] == "hello":
            for said in [WELCOME, *self.greeting]:
                socket.sendTextMessage(json.dumps(said))
        elif message["type"] == "ping":
            socket.sendTextMessage(json.dumps({"type": "pong", "n": message["n"]}))
        elif message["type"] in ("observe", "debrief_answer") and self.answering:
            status = {"type": "status", "id": message["id"], "state": "received"}
            socket.sendTextMessage(json.dumps(status))
