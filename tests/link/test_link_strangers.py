"""The partner link under load from strangers, on real loopback sockets (issue 13).

127.0.0.2 and 127.0.0.3 are loopback addresses too: the stranger and the partner come
from different addresses, as they would on a Wi-Fi network.
"""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
import select
import socket
import struct
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWebSockets import QWebSocket
from pytestqt.qtbot import QtBot
from websockets.sync.client import connect

from app.domain.signal_protocol import DropReason
from app.link.server import PartnerLinkServer
from tests.link.conftest import TWO_CUES, in_thread

STRANGER = "127.0.0.2"
PARTNER = "127.0.0.3"
SLOW_SOCKETS = 20
DRIP_EVERY_S = 0.5
FRESH_CONNECTIONS = 40
# A partner is welcomed in milliseconds on a quiet machine and never by a starved server
# (the slow sockets' old effect); beside other test runs one in 40 took over a second.
WELCOMED_WITHIN_S = 3.0


@pytest.fixture
def server(qtbot: QtBot) -> Iterator[PartnerLinkServer]:
    # The server's own default timeouts: what a meeting really runs with.
    link = PartnerLinkServer(TWO_CUES, bind_address="127.0.0.1")
    link.start()
    yield link
    link.end()


def secret_of(link: PartnerLinkServer) -> str:
    return urlsplit(link.pairing_url()).path.removeprefix("/p/")


def socket_from(source: str, port: int, receive_buffer: int | None = None) -> socket.socket:
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer is not None:
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    raw.bind((source, 0))
    raw.settimeout(5)
    raw.connect(("127.0.0.1", port))
    return raw


def upgrade_head(port: int, secret: str, host: str, origin: str) -> bytes:
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    return (
        f"GET /ws/{secret} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    ).encode()


def read_head(raw: socket.socket) -> bytes:
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = raw.recv(4096)
        if not chunk:
            break
        received += chunk
    return received


def partner_is_welcomed(source: str, port: int, socket_url: str, origin: str) -> bool:
    """Whether a partner from ``source`` connects and is welcomed (``WELCOMED_WITHIN_S``)."""
    try:
        raw = socket_from(source, port)
        with connect(
            socket_url,
            sock=raw,
            origin=origin,  # type: ignore[arg-type]
            open_timeout=WELCOMED_WITHIN_S,
        ) as partner:
            return bool(json.loads(partner.recv(timeout=WELCOMED_WITHIN_S))["type"] == "welcome")
    except Exception:  # counted, not raised: the number is the result
        return False


class SlowLoris:
    """``count`` sockets from one address, each dripping one byte every half second.

    A socket the server closes is opened again at the next drip, as an attacker would.
    """

    def __init__(self, source: str, port: int, count: int) -> None:
        self._source = source
        self._port = port
        self._count = count
        self._stop = threading.Event()
        self.reopened = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SlowLoris:
        self._thread.start()
        time.sleep(DRIP_EVERY_S * 2)  # every socket is open and dripping before the partner
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _open(self) -> socket.socket | None:
        try:
            raw = socket_from(self._source, self._port)
        except OSError:
            return None
        raw.setblocking(False)
        return raw

    def _run(self) -> None:
        sockets: list[socket.socket | None] = [self._open() for _ in range(self._count)]
        while not self._stop.wait(DRIP_EVERY_S):
            live = [raw for raw in sockets if raw is not None]
            readable, _, _ = select.select(live, [], [], 0)
            for index, raw in enumerate(sockets):
                alive = raw is not None
                if raw is not None and raw in readable:
                    try:
                        alive = raw.recv(1024) != b""
                    except OSError:
                        alive = False
                if raw is not None and alive:
                    try:
                        raw.send(b"G")
                    except OSError:
                        alive = False
                if not alive:
                    if raw is not None:
                        raw.close()
                    sockets[index] = self._open()
                    self.reopened += 1
        for raw in sockets:
            if raw is not None:
                raw.close()


def test_slow_sockets_from_one_address_leave_room_for_a_partner(
    qtbot: QtBot, server: PartnerLinkServer
) -> None:
    port = server.port
    socket_url = f"ws://127.0.0.1:{port}/ws/{secret_of(server)}"
    origin = f"http://127.0.0.1:{port}"

    def attack_and_connect() -> tuple[int, float, int]:
        succeeded = 0
        slowest = 0.0
        with SlowLoris(STRANGER, port, SLOW_SOCKETS) as loris:
            for _ in range(FRESH_CONNECTIONS):
                started = time.perf_counter()
                succeeded += partner_is_welcomed(PARTNER, port, socket_url, origin)
                slowest = max(slowest, time.perf_counter() - started)
            return succeeded, slowest, loris.reopened

    succeeded, slowest, reopened = in_thread(qtbot, attack_and_connect, timeout_ms=120_000)
    print(
        f"\nslow sockets: {succeeded} of {FRESH_CONNECTIONS} partner connections succeeded, "
        f"slowest {slowest * 1000:.0f} ms; the stranger reopened {reopened} sockets; "
        f"drops {server.dropped.snapshot()}"
    )
    assert succeeded == FRESH_CONNECTIONS
    assert slowest < WELCOMED_WITHIN_S
    assert server.dropped[DropReason.TOO_MANY_CONNECTIONS] > 0  # the stranger was turned away


@pytest.mark.parametrize("forged_host", ["evil.example", "evil.example:{port}", "localhost:{port}"])
def test_a_forged_host_with_a_matching_origin_is_refused(
    qtbot: QtBot, server: PartnerLinkServer, forged_host: str
) -> None:
    port = server.port
    host = forged_host.format(port=port)

    def try_upgrade(host: str) -> bytes:
        with socket_from(PARTNER, port) as raw:
            raw.sendall(upgrade_head(port, secret_of(server), host, f"http://{host}"))
            return read_head(raw).split(b"\r\n", 1)[0]

    assert in_thread(qtbot, lambda: try_upgrade(host)) == b"HTTP/1.1 404 Not Found"
    assert server.dropped[DropReason.BAD_ORIGIN] == 1
    # The page's real origin, the address and port the server serves, still gets through.
    served = f"127.0.0.1:{port}"
    assert in_thread(qtbot, lambda: try_upgrade(served)) == b"HTTP/1.1 101 Switching Protocols"


PINGS = 20_000
PING_PAYLOAD = 100  # a ping's pong echoes it: 20,000 unread pongs hold about 2 MB


def masked_ping(payload: bytes) -> bytes:
    mask = secrets.token_bytes(4)
    masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
    return bytes([0x89, 0x80 | len(payload)]) + mask + masked


def count_pongs(stream: bytes) -> tuple[int, int | None]:
    """Pong frames in what the server sent, and the close code if it sent one."""
    pongs, close_code, offset = 0, None, 0
    while offset + 2 <= len(stream):
        opcode, length = stream[offset] & 0x0F, stream[offset + 1] & 0x7F
        header = 2
        if length == 126:
            (length,) = struct.unpack("!H", stream[offset + 2 : offset + 4])
            header = 4
        if offset + header + length > len(stream):
            break
        if opcode == 0xA:
            pongs += 1
        elif opcode == 0x8 and length >= 2:
            (close_code,) = struct.unpack("!H", stream[offset + header : offset + header + 2])
        offset += header + length
    return pongs, close_code


def test_a_ping_flood_is_rate_limited_and_its_answers_bounded(
    qtbot: QtBot, server: PartnerLinkServer
) -> None:
    port = server.port
    unsent_peak = 0

    def sample_unsent() -> None:
        nonlocal unsent_peak
        for partner in server.findChildren(QWebSocket):
            unsent_peak = max(unsent_peak, partner.bytesToWrite())

    sampler = QTimer(interval=10)
    sampler.timeout.connect(sample_unsent)
    sampler.start()

    def flood() -> tuple[int, int | None]:
        # A small receive window, so unread answers pile up in Poise rather than the kernel.
        with socket_from(STRANGER, port, receive_buffer=4096) as raw:
            served = f"127.0.0.1:{port}"
            raw.sendall(upgrade_head(port, secret_of(server), served, f"http://{served}"))
            head = read_head(raw)
            assert head.startswith(b"HTTP/1.1 101"), head
            frame = masked_ping(b"p" * PING_PAYLOAD)
            with contextlib.suppress(OSError):  # closed under our feet: the point
                raw.sendall(frame * PINGS)
            time.sleep(1.5)  # not reading: let the answers pile up
            received = head.split(b"\r\n\r\n", 1)[1]
            raw.settimeout(3)
            try:
                while chunk := raw.recv(65536):
                    received += chunk
            except OSError:
                pass
        return count_pongs(received)

    answered, close_code = in_thread(qtbot, flood, timeout_ms=60_000)
    qtbot.waitUntil(lambda: server.partner_count == 0, timeout=5000)
    sampler.stop()
    print(
        f"\nping flood: {PINGS} pings of {PING_PAYLOAD} bytes, {answered} answered, "
        f"{answered * (PING_PAYLOAD + 2)} bytes of answers, peak unsent in Qt {unsent_peak} bytes, "
        f"close code {close_code}; "
        f"drops {server.dropped.snapshot()}"
    )
    assert answered < 500
    assert unsent_peak <= 128 * 1024
    assert server.dropped[DropReason.FLOODING] == 1


def test_a_partner_pinging_as_a_phone_does_is_never_limited(
    qtbot: QtBot, server: PartnerLinkServer
) -> None:
    # WebSocket pings and JSON pings at a phone's pace, with a press, stay well inside.
    url = f"ws://127.0.0.1:{server.port}/ws/{secret_of(server)}"

    def talk() -> list[str]:
        kinds = []
        with connect(url, origin=f"http://127.0.0.1:{server.port}") as partner:  # type: ignore[arg-type]
            kinds.append(json.loads(partner.recv(timeout=5))["type"])
            for number in range(20):
                partner.ping(b"x" * 20).wait(5)
                partner.send(json.dumps({"type": "ping", "n": number}))
                kinds.append(json.loads(partner.recv(timeout=5))["type"])
        return kinds

    assert in_thread(qtbot, talk) == ["welcome"] + ["pong"] * 20
    assert server.dropped[DropReason.RATE_LIMITED] == 0
