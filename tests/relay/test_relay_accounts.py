"""Who the shipped broker admits, and to which rooms: real Mosquitto from deploy/relay, the
real relay agent beside it, people's accounts made with its add-person command, and partner
passes minted and revoked through it by Poise's own requests (app.link.relay_account)."""

from __future__ import annotations

import threading
import time
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from app.link.mqtt_link import new_mqtt_client
from app.link.relay_account import (
    BrokerPass,
    RelayAccountError,
    ask_relay_agent,
    load_relay_account,
    mint_partner_pass,
    revoke_partner_pass,
)
from app.link.relay_crypto import decode_secret, new_pairing_secret, pairing_rooms
from tests.relay.local_broker import LocalBroker

pytestmark = pytest.mark.timeout(60)
WAIT_S = 5


class RawClient:
    """A plain MQTT 5 client on the broker's WebSocket listener: what anyone can try."""

    def __init__(self, broker: LocalBroker, credentials: BrokerPass | None = None) -> None:
        self.connect_reason: Any = None
        self.disconnected = threading.Event()
        self.messages: list[tuple[str, bytes]] = []
        self._results: dict[int, Any] = {}
        self._done: dict[int, threading.Event] = {}
        self._connected = threading.Event()
        self._lock = threading.Lock()
        client = new_mqtt_client("websockets")
        client.ws_set_options(path="/mqtt")
        if credentials is not None:
            client.username_pw_set(credentials.username, credentials.password)
        client.on_connect = self._on_connect
        client.on_disconnect = lambda *_args: self.disconnected.set()
        client.on_subscribe = self._on_subscribe
        client.on_publish = self._on_publish
        client.on_message = lambda _c, _u, m: self.messages.append((m.topic, bytes(m.payload)))
        client.reconnect_delay_set(30, 30)  # one attempt is what is tested
        self.client = client
        client.connect_async("127.0.0.1", broker.ws_port, keepalive=15)
        client.loop_start()
        assert self._connected.wait(WAIT_S), "the broker never answered the CONNECT"

    @property
    def admitted(self) -> bool:
        return not self.connect_reason.is_failure

    def _on_connect(self, _c: mqtt.Client, _u: object, _f: object, reason: Any, _p: object) -> None:
        self.connect_reason = reason
        self._connected.set()

    def _wait(self, mid: int) -> Any:
        with self._lock:
            done = self._done.setdefault(mid, threading.Event())
        assert done.wait(WAIT_S), "the broker never acknowledged"
        return self._results[mid]

    def _finish(self, mid: int, result: Any) -> None:
        with self._lock:
            self._results[mid] = result
            self._done.setdefault(mid, threading.Event()).set()

    def _on_subscribe(
        self, _c: mqtt.Client, _u: object, mid: int, reasons: Any, _p: object
    ) -> None:
        self._finish(mid, reasons[0])

    def _on_publish(self, _c: mqtt.Client, _u: object, mid: int, reason: Any, _p: object) -> None:
        self._finish(mid, reason)

    def may_subscribe(self, topic: str) -> bool:
        _, mid = self.client.subscribe(topic, qos=1)
        return not self._wait(mid).is_failure

    def may_publish(self, topic: str) -> bool:
        """QoS 1: Mosquitto answers a refused publish with PUBACK "not authorized"."""
        mid = self.client.publish(topic, b"x" * 40, qos=1).mid
        return not self._wait(mid).is_failure

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def people(broker: LocalBroker) -> dict[str, BrokerPass]:
    """Ana (the broker fixture's user, her account saved in her Poise) and a colleague."""
    ana = load_relay_account()
    assert ana is not None and ana.username == "ana"
    return {"ana": ana, "ben": BrokerPass("ben", broker.add_person("ben"))}


@pytest.fixture
def clients() -> Any:
    made: list[RawClient] = []

    def make(broker: LocalBroker, credentials: BrokerPass | None = None) -> RawClient:
        made.append(RawClient(broker, credentials))
        return made[-1]

    yield make
    for client in made:
        client.close()


def paired_rooms(broker: LocalBroker, person: BrokerPass) -> tuple[tuple[str, ...], BrokerPass]:
    secret = decode_secret(new_pairing_secret())
    return pairing_rooms(secret), mint_partner_pass(broker.ws_url, person, secret)


def test_an_anonymous_client_or_a_wrong_password_is_refused(
    broker: LocalBroker, people: dict[str, BrokerPass], clients: Any
) -> None:
    assert not clients(broker).admitted
    assert not clients(broker, BrokerPass("ana", "not her password")).admitted
    assert not clients(broker, BrokerPass("poise-relay-agent", "guess")).admitted
    assert clients(broker, people["ana"]).admitted
    with pytest.raises(RelayAccountError, match="refused your relay account"):
        mint_partner_pass(broker.ws_url, BrokerPass("ana", "wrong"), b"\0" * 32)


def test_a_person_reaches_only_their_own_pairings_rooms(
    broker: LocalBroker, people: dict[str, BrokerPass], clients: Any
) -> None:
    ana_rooms, _ = paired_rooms(broker, people["ana"])
    ben_rooms, _ = paired_rooms(broker, people["ben"])
    ana = clients(broker, people["ana"])
    for room in ana_rooms:
        assert ana.may_subscribe(room) and ana.may_publish(room)
    for room in ben_rooms:
        assert not ana.may_subscribe(room), room
        assert not ana.may_publish(room), room
    # Nor may Ana ask the agent as Ben, or read Ben's answers.
    assert not ana.may_publish("poise/a/ben/req")
    assert not ana.may_subscribe("poise/a/ben/res")


def test_a_partner_pass_reaches_its_pairings_rooms_and_nothing_else(
    broker: LocalBroker, people: dict[str, BrokerPass], clients: Any
) -> None:
    rooms, alex_pass = paired_rooms(broker, people["ana"])
    other_rooms, _ = paired_rooms(broker, people["ana"])  # Ana's second partner
    alex = clients(broker, alex_pass)
    assert alex.admitted
    for room in rooms:
        assert alex.may_subscribe(room) and alex.may_publish(room)
    for room in other_rooms:
        assert not alex.may_subscribe(room) and not alex.may_publish(room)
    # A pass cannot ask the agent for more passes.
    assert not alex.may_publish("poise/a/ana/req")
    with pytest.raises(RelayAccountError):
        ask_relay_agent(broker.ws_url, alex_pass, {"op": "mint"}, timeout_s=3)


def test_topics_outside_the_rooms_and_wildcards_are_refused(
    broker: LocalBroker, people: dict[str, BrokerPass], clients: Any
) -> None:
    rooms, _ = paired_rooms(broker, people["ana"])
    ana = clients(broker, people["ana"])
    outside = (
        "poise/r/anything",
        "poise/r/" + "0" * 32,
        rooms[0] + "/more",
        "spam",
        "$CONTROL/dynamic-security/v1",
        "$SYS/broker/clients/connected",
    )
    for topic in outside:
        assert not ana.may_publish(topic), topic
        assert not ana.may_subscribe(topic), topic
    for wildcard in ("#", "poise/#", "poise/r/+", "+/+/+", "poise/a/+/req"):
        assert not ana.may_subscribe(wildcard), wildcard
    # The agent mints passes for real rooms only.
    with pytest.raises(RelayAccountError, match="32 hex"):
        ask_relay_agent(broker.ws_url, people["ana"], {"op": "mint", "rooms": ["spam"] * 4})


def test_revoking_a_pass_drops_the_connected_partner_and_refuses_it_after(
    broker: LocalBroker, people: dict[str, BrokerPass], clients: Any
) -> None:
    rooms, alex_pass = paired_rooms(broker, people["ana"])
    alex = clients(broker, alex_pass)
    assert alex.may_subscribe(rooms[1])
    with pytest.raises(RelayAccountError, match="no such partner pass"):
        revoke_partner_pass(broker.ws_url, people["ben"], alex_pass.username)  # not Ben's
    assert not alex.disconnected.is_set()

    revoke_partner_pass(broker.ws_url, people["ana"], alex_pass.username)
    assert alex.disconnected.wait(WAIT_S), "the broker kept the revoked partner connected"
    assert not clients(broker, alex_pass).admitted
    ana = clients(broker, people["ana"])
    assert not ana.may_subscribe(rooms[1])  # the room went with the pairing


def test_removing_a_person_drops_them_and_their_partners(
    broker: LocalBroker, people: dict[str, BrokerPass], clients: Any
) -> None:
    _, alex_pass = paired_rooms(broker, people["ben"])
    ben, alex = clients(broker, people["ben"]), clients(broker, alex_pass)
    broker.remove_person("ben")
    deadline = time.monotonic() + WAIT_S
    while not (ben.disconnected.is_set() and alex.disconnected.is_set()):
        assert time.monotonic() < deadline, "a removed person or their partner stayed connected"
        time.sleep(0.02)
    assert not clients(broker, people["ben"]).admitted
    assert not clients(broker, alex_pass).admitted
    assert clients(broker, people["ana"]).admitted
