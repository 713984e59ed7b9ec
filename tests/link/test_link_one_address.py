"""One misbehaving address and a strict WebSocket handshake (issue 21), on real sockets.

Here the stranger and the partner share 127.0.0.1, as a phone behind the same guest
Wi-Fi NAT (or a page with a stuck tab) would: caps per address must not lock out the
next well-formed request from that address. The browser fetch is Debian's Chromium.
"""

from __future__ import annotations

import base64
import json
import secrets
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytestqt.qtbot import QtBot

from app.link.server import PartnerLinkServer
from tests.link.conftest import TWO_CUES, in_thread
from tests.link.test_link_strangers import SlowLoris, partner_is_welcomed, read_head, socket_from

ADDRESS = "127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")
INCOMPLETE_HEADS = 500
PAGE_FETCHES = 6
FRESH_CONNECTIONS = 40
AT_ONCE_S = 1.0


@pytest.fixture
def server(qtbot: QtBot) -> Iterator[PartnerLinkServer]:
    link = PartnerLinkServer(TWO_CUES, bind_address=ADDRESS)
    link.start()
    yield link
    link.end()


def secret_of(link: PartnerLinkServer) -> str:
    return urlsplit(link.pairing_url()).path.removeprefix("/p/")


def upgrade_with_key(port: int, secret: str, key: str) -> bytes:
    return (
        f"GET /ws/{secret} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: http://127.0.0.1:{port}\r\n\r\n"
    ).encode()


def fetch_page(port: int, secret: str, timeout_s: float = AT_ONCE_S) -> bool:
    try:
        raw = socket_from(ADDRESS, port)
        raw.settimeout(timeout_s)
        with raw:
            raw.sendall(f"GET /p/{secret} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            return read_head(raw).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@pytest.mark.parametrize(
    "key",
    ["", "not base64!", base64.b64encode(b"fifteen bytes!!").decode(), "A" * 24],
)
def test_an_invalid_websocket_key_gets_400_not_101(
    qtbot: QtBot, server: PartnerLinkServer, key: str
) -> None:
    port, secret = server.port, secret_of(server)

    def exchange() -> bytes:
        with socket_from(ADDRESS, port) as raw:
            raw.sendall(upgrade_with_key(port, secret, key))
            return read_head(raw)

    answer = in_thread(qtbot, exchange)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:40]
    assert server.partner_count == 0


def test_an_unmasked_client_frame_is_closed_with_1002(
    qtbot: QtBot, server: PartnerLinkServer
) -> None:
    port, secret = server.port, secret_of(server)
    key = base64.b64encode(secrets.token_bytes(16)).decode()

    def exchange() -> tuple[bytes, list[bytes]]:
        with socket_from(ADDRESS, port) as raw:
            raw.sendall(upgrade_with_key(port, secret, key))
            head = read_head(raw)
            frames: list[bytes] = []
            pending = head.split(b"\r\n\r\n", 1)[1]
            payload = b'{"type":"ping","n":1}'
            raw.sendall(bytes([0x81, len(payload)]) + payload)  # text, FIN, no mask bit
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                while len(pending) >= 2 and len(pending) >= 2 + (pending[1] & 0x7F):
                    size = pending[1] & 0x7F
                    frames.append(pending[: 2 + size])
                    pending = pending[2 + size :]
                if any(frame[0] == 0x88 for frame in frames):
                    break
                try:
                    chunk = raw.recv(4096)
                except OSError:
                    break
                if not chunk:
                    break
                pending += chunk
            return head, frames

    head, frames = in_thread(qtbot, exchange)
    assert head.startswith(b"HTTP/1.1 101")
    opcodes = [frame[0] & 0x0F for frame in frames]
    texts = [json.loads(frame[2:]) for frame in frames if frame[0] & 0x0F == 1]
    assert not any(text["type"] == "pong" for text in texts), texts  # no answer to it
    assert 8 in opcodes, opcodes
    close = frames[opcodes.index(8)]
    assert struct.unpack("!H", close[2:4])[0] == 1002


def test_dripping_sockets_from_the_partners_own_address_leave_it_room(
    qtbot: QtBot, server: PartnerLinkServer
) -> None:
    port = server.port
    socket_url = f"ws://127.0.0.1:{port}/ws/{secret_of(server)}"
    origin = f"http://127.0.0.1:{port}"

    def attack_and_connect() -> int:
        succeeded = 0
        with SlowLoris(ADDRESS, port, 20):
            for _ in range(FRESH_CONNECTIONS):
                succeeded += partner_is_welcomed(ADDRESS, port, socket_url, origin)
        return succeeded

    succeeded = in_thread(qtbot, attack_and_connect, timeout_ms=120_000)
    print(f"\nsame-address slow sockets: {succeeded} of {FRESH_CONNECTIONS} partners got in")
    assert succeeded == FRESH_CONNECTIONS  # on main: 0 of 40


def test_incomplete_heads_from_one_address_leave_the_page_reachable(
    qtbot: QtBot, server: PartnerLinkServer
) -> None:
    port, secret = server.port, secret_of(server)

    def attack_and_fetch() -> tuple[int, bool]:
        stuck: list[socket.socket] = []
        try:
            for _ in range(INCOMPLETE_HEADS):
                try:
                    raw = socket_from(ADDRESS, port)
                    raw.sendall(b"GET /p/" + secret.encode())
                    stuck.append(raw)
                except OSError:
                    pass
            fetched = sum(fetch_page(port, secret) for _ in range(PAGE_FETCHES))
            in_browser = browser_sees_page(f"http://127.0.0.1:{port}/p/{secret}")
            return fetched, in_browser
        finally:
            for raw in stuck:
                raw.close()

    fetched, in_browser = in_thread(qtbot, attack_and_fetch, timeout_ms=120_000)
    print(f"\n{INCOMPLETE_HEADS} incomplete heads: {fetched} of {PAGE_FETCHES} page fetches")
    assert fetched == PAGE_FETCHES  # on main: 0 of 6
    assert in_browser


def browser_sees_page(url: str) -> bool:
    if not CHROMIUM.exists():
        return True  # the raw fetches above still count; the browser tests say it is missing
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            response = page.goto(url, timeout=5000)
            return response is not None and response.status == 200
        finally:
            browser.close()
