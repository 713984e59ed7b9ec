"""A connection attempt that fails half-way leaves no socket behind.

The relay's front (or a proxy) may take the TCP connection and then refuse the WebSocket
upgrade, for instance with a 502 while the broker restarts. Poise retries every few
seconds all meeting long: each attempt must close what it opened, not leave it to the
garbage collector (each such socket is a ResourceWarning, and under load, open files).
"""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator

import pytest

from app.link.mqtt_link import new_mqtt_client

ATTEMPTS = 3
WAIT_S = 15


class RefusingFront:
    """Takes each connection on 127.0.0.1, answers its upgrade with a 502 and hangs up."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.attempts = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return  # closed by the test
            with connection:
                connection.recv(4096)
                connection.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            self.attempts += 1

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def front() -> Iterator[RefusingFront]:
    refusing = RefusingFront()
    yield refusing
    refusing.close()


def test_each_refused_websocket_upgrade_closes_its_socket(front: RefusingFront) -> None:
    client = new_mqtt_client("websockets")
    client.reconnect_delay_set(0.05, 0.05)  # type: ignore[arg-type]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        client.connect_async("127.0.0.1", front.port)
        client.loop_start()
        deadline = time.monotonic() + WAIT_S
        while front.attempts < ATTEMPTS and time.monotonic() < deadline:
            time.sleep(0.02)
        client.loop_stop()
    assert front.attempts >= ATTEMPTS, "paho never retried the refused connection"
    unclosed = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert unclosed == []
