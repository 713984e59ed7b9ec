"""The shipped nginx front (deploy/relay/nginx.conf) before the shipped Mosquitto, for real.

Mosquitto has no per-client limit, so one address could fill the broker's slots or knock
all night; the front limits each address's new and open WebSocket connections. These tests
run nginx from the shipped file (only addresses, certificate and folders changed:
tests/relay/local_front.py) and check that a person still gets through with their account,
that a stranger without one is refused by the broker behind it, and that the limits answer
429 where the README says they do.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from tests.relay.local_broker import LocalBroker
from tests.relay.local_front import SERVER_NAME, LocalFront, nginx_program

pytestmark = pytest.mark.timeout(60)

NEW_BURST = 1 + 10  # the shipped limit_req: one now, a burst of 10 more without delay
OPEN_AT_ONCE = 20  # the shipped limit_conn
NEW_PER_SECOND = 30 / 60  # the shipped limit_req_zone rate


def front_for(tmp_path: Path, broker: LocalBroker, **options: int) -> Iterator[LocalFront]:
    if nginx_program() is None:
        pytest.fail("nginx is not installed: packaging/install-system-deps.sh test installs it")
    folder = tmp_path / "front"
    folder.mkdir()
    front = LocalFront(folder, broker, **options)
    front.start()
    try:
        yield front
    finally:
        front.stop()


@pytest.fixture
def front(tmp_path: Path, broker: LocalBroker) -> Iterator[LocalFront]:
    yield from front_for(tmp_path, broker)


def connect_through(front: LocalFront, username: str | None, password: str | None) -> str:
    """An MQTT connection over wss through the front, as the phone page makes one: the
    broker's reason code, or "no answer"."""
    answered = threading.Event()
    reason: list[str] = []
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2, transport="websockets", protocol=mqtt.MQTTv311
    )
    client.ws_set_options(path="/mqtt")
    client.tls_set(cert_reqs=ssl.CERT_NONE)  # the test's own self-signed certificate
    client.tls_insecure_set(True)
    if username is not None:
        client.username_pw_set(username, password)

    def on_connect(_c: object, _u: object, _f: object, code: object, _p: object) -> None:
        reason.append(str(code))
        answered.set()

    client.on_connect = on_connect
    client.connect("127.0.0.1", front.https_port, keepalive=30)
    client.loop_start()
    try:
        answered.wait(10)
    finally:
        client.disconnect()
        client.loop_stop()
    return reason[0] if reason else "no answer"


def test_a_person_gets_through_the_front_and_a_stranger_is_refused_behind_it(
    front: LocalFront, broker: LocalBroker
) -> None:
    password = broker.add_person("bea")
    assert connect_through(front, "bea", password) == "Success"
    assert connect_through(front, None, None) != "Success"
    assert connect_through(front, "bea", "not her password") != "Success"


def test_one_address_opening_many_connections_quickly_is_answered_429(front: LocalFront) -> None:
    answers = []
    opened = []
    started = time.monotonic()
    try:
        for _ in range(NEW_BURST + 6):
            status, connection = front.upgrade()
            answers.append(status)
            opened.append(connection)
    finally:
        for connection in opened:
            connection.close()
    elapsed = time.monotonic() - started
    assert answers[:NEW_BURST] == [101] * NEW_BURST, answers
    # One more is let through for every 2 s the knocking took (30 a minute), no more.
    let_through = answers.count(101)
    assert let_through <= NEW_BURST + int(elapsed * NEW_PER_SECOND) + 1, (answers, elapsed)
    assert set(answers[NEW_BURST:]) <= {101, 429} and 429 in answers, answers


def test_one_address_holding_many_connections_open_is_answered_429(
    tmp_path: Path, broker: LocalBroker
) -> None:
    # The rate of new ones lifted (the only change): the open-connections limit on its own.
    for front in front_for(tmp_path, broker, new_per_minute=60_000):
        opened = []
        try:
            for _ in range(OPEN_AT_ONCE):
                status, connection = front.upgrade()
                opened.append(connection)
                assert status == 101
            status, connection = front.upgrade()
            opened.append(connection)
            assert status == 429
        finally:
            for connection in opened:
                connection.close()


def test_the_front_sends_plain_http_to_https(front: LocalFront) -> None:
    import http.client

    plain = http.client.HTTPConnection("127.0.0.1", front.http_port, timeout=10)
    try:
        plain.request("GET", "/", headers={"Host": SERVER_NAME})
        answer = plain.getresponse()
        assert answer.status == 301
        assert answer.getheader("Location") == f"https://{SERVER_NAME}/"
    finally:
        plain.close()
