"""The partner link server over real loopback sockets, driven by the `websockets` client."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from app.domain.meeting_terms import DEFAULT_CUES
from app.domain.signal_protocol import ClientKind, DropReason
from app.link.lan_requests import expired_page
from app.link.server import LinkError, PartnerInfo, PartnerLinkServer
from tests.link.conftest import in_thread

MESSAGE_ID = "0123456789abcdef0123456789abcdef"


def socket_url(page_url: str) -> str:
    return page_url.replace("http://", "ws://").replace("/p/", "/ws/")


def origin_of(page_url: str) -> str:
    parts = urlsplit(page_url)
    return f"{parts.scheme}://{parts.netloc}"


@contextmanager
def partner(page_url: str, origin: str | None = None) -> Iterator[ClientConnection]:
    with connect(
        socket_url(page_url),
        origin=origin or origin_of(page_url),
        open_timeout=5,  # type: ignore[arg-type]
    ) as connection:
        yield connection


def receive(connection: ClientConnection) -> dict:
    return json.loads(connection.recv(timeout=5))


def http_get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), refused.read()


def test_the_page_is_served_only_under_the_secret(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    status, headers, body = in_thread(qtbot, lambda: http_get(url))
    assert status == 200
    assert b"<title>Partner</title>" in body
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in headers["Content-Security-Policy"]

    base = origin_of(url)
    secret = urlsplit(url).path.removeprefix("/p/")
    refused_urls = [
        f"{base}/p/{secret[:-1]}X",
        f"{base}/p/",
        f"{base}/p/{secret}extra",
        f"{base}/",
        f"{base}/ws/{secret}",  # the socket path without an upgrade
        f"{base}/notes",
        f"{base}/favicon.ico",
    ]
    for refused in refused_urls:
        status, _, body = in_thread(qtbot, lambda refused=refused: http_get(refused))
        assert (status, body) == (404, expired_page()), refused
    assert link_server.dropped[DropReason.WRONG_SECRET] == 3
    assert link_server.dropped[DropReason.BAD_REQUEST] == 4


def test_the_secret_is_long_random_and_per_server(link_server: PartnerLinkServer) -> None:
    secret = urlsplit(link_server.pairing_url()).path.removeprefix("/p/")
    assert len(secret) >= 22  # 128 bits in URL-safe base64
    other = PartnerLinkServer(DEFAULT_CUES, bind_address="127.0.0.1")
    other.start()
    try:
        assert urlsplit(other.pairing_url()).path.removeprefix("/p/") != secret
    finally:
        other.end()


def test_a_press_travels_and_its_states_come_back(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    requested: list[tuple[str, str, str]] = []
    link_server.cueRequested.connect(lambda *args: requested.append(args))

    def press_and_wait() -> list[dict]:
        with partner(url) as connection:
            seen = [receive(connection)]
            connection.send(json.dumps({"type": "press", "id": MESSAGE_ID, "cue": "slow"}))
            while seen[-1].get("state") != "acknowledged":
                seen.append(receive(connection))
            return seen

    with qtbot.waitSignal(link_server.partnerCountChanged):
        seen = in_thread_started(qtbot, press_and_wait, link_server)
    assert seen[0] == {
        "type": "welcome",
        "v": 1,
        "cues": [{"key": "calm", "label": "Calm down"}, {"key": "slow", "label": "Slow down"}],
        "partners": 1,
    }
    assert [message["state"] for message in seen[1:]] == ["received", "shown", "acknowledged"]
    assert requested == [("slow", "phone", MESSAGE_ID)]


def in_thread_started(qtbot: QtBot, work, server: PartnerLinkServer):  # type: ignore[no-untyped-def]
    """Runs ``work`` while answering every received press as shown, then acknowledged."""

    def answer(_cue: str, _source: str, message_id: str) -> None:
        server.report_shown(message_id)
        server.report_shown(message_id)  # a repeated report changes nothing
        server.report_acknowledged(message_id)
        server.report_shown(message_id)  # nor does a late one

    connection = server.cueRequested.connect(answer)
    try:
        return in_thread(qtbot, work)
    finally:
        QObject.disconnect(connection)  # signal.disconnect(slot) leaks a ref of True in 6.12


def test_a_repeated_press_is_delivered_once(qtbot: QtBot, link_server: PartnerLinkServer) -> None:
    url = link_server.pairing_url()
    requested: list[str] = []
    link_server.cueRequested.connect(lambda _cue, _source, message_id: requested.append(message_id))
    press = json.dumps({"type": "press", "id": MESSAGE_ID, "cue": "calm"})

    def press_twice_across_a_reconnect() -> list[str]:
        states = []
        for _ in range(2):
            with partner(url) as connection:
                receive(connection)
                connection.send(press)
                states.append(receive(connection)["state"])
        with partner(url) as connection:
            receive(connection)
            connection.send(json.dumps({"type": "query", "id": MESSAGE_ID}))
            states.append(receive(connection)["state"])
            connection.send(json.dumps({"type": "query", "id": "f" * 32}))
            states.append(receive(connection)["state"])
        return states

    states = in_thread(qtbot, press_twice_across_a_reconnect)
    assert states == ["received", "received", "received", "unknown"]
    assert requested == [MESSAGE_ID]


def test_a_partner_app_says_so_and_is_recorded_as_such(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    with qtbot.waitSignal(link_server.cueRequested) as requested:

        def hello_then_press() -> None:
            with partner(url) as connection:
                receive(connection)
                connection.send(json.dumps({"type": "hello", "client": "partner_app"}))
                connection.send(json.dumps({"type": "press", "id": MESSAGE_ID, "cue": "calm"}))
                receive(connection)

        in_thread(qtbot, hello_then_press)
    assert requested.args == ["calm", "partner_app", MESSAGE_ID]


def test_unknown_cues_and_fast_presses_are_refused(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    requested: list[str] = []
    link_server.cueRequested.connect(lambda cue, _source, _id: requested.append(cue))

    def press_ten_times() -> list[str]:
        with partner(url) as connection:
            receive(connection)
            connection.send(json.dumps({"type": "press", "id": "u" * 16, "cue": "shout"}))
            states = [receive(connection)["state"]]
            for number in range(10):
                message_id = f"{number:016d}"
                connection.send(json.dumps({"type": "press", "id": message_id, "cue": "calm"}))
                states.append(receive(connection)["state"])
            return states

    states = in_thread(qtbot, press_ten_times)
    assert states == ["rejected"] + ["received"] * 3 + ["rejected"] * 7
    assert requested == ["calm"] * 3
    assert link_server.dropped[DropReason.UNKNOWN_CUE] == 1
    assert link_server.dropped[DropReason.RATE_LIMITED] == 7


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "https://127.0.0.1"])
def test_a_socket_from_another_origin_is_refused(
    qtbot: QtBot, link_server: PartnerLinkServer, origin: str
) -> None:
    url = link_server.pairing_url()

    def try_connect() -> int:
        try:
            with partner(url, origin=origin):
                return 101
        except InvalidStatus as refused:
            return refused.response.status_code

    assert in_thread(qtbot, try_connect) == 404
    assert link_server.dropped[DropReason.BAD_ORIGIN] == 1
    assert link_server.partner_count == 0


def test_a_socket_with_the_wrong_secret_is_refused(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    wrong = url[:-4] + "AAAA"

    def try_connect() -> int:
        try:
            with partner(wrong):
                return 101
        except InvalidStatus as refused:
            return refused.response.status_code

    assert in_thread(qtbot, try_connect) == 404
    assert link_server.dropped[DropReason.WRONG_SECRET] == 1


def test_partners_are_counted_and_a_silent_one_is_let_go(qtbot: QtBot) -> None:
    server = PartnerLinkServer(DEFAULT_CUES, bind_address="127.0.0.1", idle_timeout_ms=400)
    server.start()
    counts: list[int] = []
    server.partnerCountChanged.connect(counts.append)
    url = server.pairing_url()

    def stay_silent_until_dropped() -> str:
        with partner(url) as connection:
            receive(connection)
            connection.recv(timeout=5)  # raises when the server closes us
        return "still open"

    try:
        with pytest.raises(Exception, match=r"1006|no close frame|closed"):
            in_thread(qtbot, stay_silent_until_dropped)
        qtbot.waitUntil(lambda: counts == [1, 0])
        assert server.dropped[DropReason.TIMED_OUT] == 1
    finally:
        server.end()


def test_stop_closes_everything_and_end_forgets_the_secret(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    port = link_server.port
    close_codes: list[int | None] = []

    def connect_and_wait_for_close() -> None:
        with partner(url) as connection:
            receive(connection)
            with contextlib.suppress(ConnectionClosed):
                connection.recv(timeout=5)
            close_codes.append(connection.close_code)

    worker = threading.Thread(target=connect_and_wait_for_close, daemon=True)
    with qtbot.waitSignal(link_server.partnerCountChanged):
        worker.start()
    with qtbot.waitSignal(link_server.runningChanged):
        link_server.stop()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)
    assert close_codes == [1001]
    assert not link_server.is_running
    assert not port_accepts(port)

    link_server.start()  # off and on again: the same address still works
    assert link_server.pairing_url() == url
    assert in_thread(qtbot, lambda: http_get(url))[0] == 200

    link_server.end()
    assert not port_accepts(port)
    with pytest.raises(LinkError):
        link_server.start()
    with pytest.raises(LinkError):
        link_server.pairing_url()


def port_accepts(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_nothing_listens_before_start() -> None:
    server = PartnerLinkServer(DEFAULT_CUES, bind_address="127.0.0.1")
    assert not server.is_running
    assert server.port == 0
    with pytest.raises(LinkError):
        server.pairing_url()


def test_the_bind_address_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POISE_LINK_BIND", "127.0.0.1")
    server = PartnerLinkServer(DEFAULT_CUES)
    server.start()
    try:
        assert server.bind_address == "127.0.0.1"
        assert server.pairing_url().startswith(f"http://127.0.0.1:{server.port}/p/")
        assert server.pairing_url(host="192.168.1.20").startswith("http://192.168.1.20:")
    finally:
        server.end()


def test_a_bad_bind_address_is_a_clear_error() -> None:
    server = PartnerLinkServer(DEFAULT_CUES, bind_address="not-an-address")
    with pytest.raises(LinkError, match="not an IP address"):
        server.start()


def test_every_wrong_or_old_link_gets_the_same_small_expired_page(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    base = origin_of(url)
    wrong = [f"{base}/p/{'x' * 43}", f"{base}/", f"{base}/p/", f"{base}/notes.db"]
    answers = {
        in_thread(qtbot, lambda address=address: http_get(address))[::2] for address in wrong
    }
    assert answers == {(404, expired_page())}
    assert b"This link has expired" in expired_page()
    # It names nothing: no meeting, no cue, no port, no software.
    for secret_word in (b"Poise", b"calm", b"meeting", str(link_server.port).encode()):
        assert secret_word not in expired_page()

    port = link_server.port
    link_server.end()  # the next meeting on the same port: the old link has expired too
    later = PartnerLinkServer(DEFAULT_CUES, bind_address="127.0.0.1", port=port)
    later.start()
    try:
        assert in_thread(qtbot, lambda: http_get(url))[::2] == (404, expired_page())
    finally:
        later.end()


def test_the_end_of_the_meeting_is_told_to_every_partner_before_the_link_closes(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    heard: list[list[dict]] = [[], []]
    codes: list[int | None] = [None, None]

    def listen(index: int) -> None:
        with partner(url) as connection:
            with contextlib.suppress(ConnectionClosed):
                while True:
                    heard[index].append(receive(connection))
            codes[index] = connection.close_code

    workers = [threading.Thread(target=listen, args=(n,), daemon=True) for n in (0, 1)]
    for worker in workers:
        worker.start()
    qtbot.waitUntil(lambda: link_server.partner_count == 2, timeout=5000)
    link_server.end()
    qtbot.waitUntil(lambda: not any(worker.is_alive() for worker in workers), timeout=5000)
    for messages in heard:
        assert [message["type"] for message in messages] == ["welcome", "ended"]
    assert codes == [1000, 1000]


def test_who_is_connected_is_known_by_kind_and_address(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    url = link_server.pairing_url()
    seen: list[tuple[PartnerInfo, ...]] = []

    def join_as_a_laptop() -> None:
        with partner(url) as connection:
            receive(connection)
            connection.send(json.dumps({"type": "hello", "client": "partner_app"}))
            connection.send(json.dumps({"type": "ping", "n": 1}))
            receive(connection)
            seen.append(qt_partners())

    def qt_partners() -> tuple[PartnerInfo, ...]:
        return link_server.partners()  # a tuple of frozen values: safe to read from here

    changes: list[int] = []
    link_server.partnersChanged.connect(lambda: changes.append(link_server.partner_count))
    in_thread(qtbot, join_as_a_laptop)
    qtbot.waitUntil(lambda: link_server.partner_count == 0)
    assert seen == [(PartnerInfo(ClientKind.PARTNER_APP, "127.0.0.1"),)]
    assert seen[0][0].description == "Poise on a laptop · 127.0.0.1"
    assert changes == [1, 1, 0]  # joined, said what it is, left


def test_the_bind_address_can_change_while_the_link_is_on(
    qtbot: QtBot, link_server: PartnerLinkServer
) -> None:
    port = link_server.port
    link_server.set_bind_address("127.0.0.2")
    assert link_server.is_running and link_server.bind_address == "127.0.0.2"
    assert link_server.pairing_url().startswith(f"http://127.0.0.2:{port}/p/")
    assert not port_accepts(port)  # no longer on 127.0.0.1
    status = in_thread(qtbot, lambda: http_get(link_server.pairing_url()))[0]
    assert status == 200
