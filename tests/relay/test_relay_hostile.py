"""What the broker, a snooper and an attacker on it can do: see only ciphertext, subscribe to
no wildcard, and send nothing that is shown. Real Mosquitto from deploy/relay, a real meeting,
a partner's Poise, and the attacker in another process so it never shares our GIL."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from pytestqt.qtbot import QtBot

from app.domain.signal_protocol import Press, encode, new_message_id
from app.link.broker_pass import BrokerPass
from app.link.mqtt_link import new_mqtt_client
from app.link.pairing import PairedPartner
from app.link.partner_end import PressState
from app.link.relay_crypto import Sealer, decode_secret, derive_channels, now_ms, pairing_rooms
from app.link.relay_partner import MeetingState, RelayPartnerClient
from tests.link.conftest import RealMeeting
from tests.relay.conftest import link_for
from tests.relay.local_broker import LocalBroker

pytestmark = pytest.mark.timeout(90)

# The attacker is somewhere on the internet, not on the user's two cores: here it runs at
# the lowest CPU priority so the test measures Poise, not a shared machine's scheduler.
NICEST = ["nice", "-n", "19"] if sys.platform == "linux" else []
JUNK = 10_000
BUSY_MACHINE_STALL_MS = 250  # the LAN link's hostile test allows as much
WILDCARDS = ("#", "+/#", "poise/#", "poise/r/#", "poise/r/+", "poise/+/+", "+/r/+", "+/+/+")


class Snooper:
    """A plain MQTT client on the broker: what anyone with its address can try."""

    def __init__(self, broker: LocalBroker, credentials: BrokerPass | None) -> None:
        """``credentials``: the broker admits only the team; a stolen pairing link's pass is
        the most a snooper can hold (it reaches that pairing's rooms)."""
        self.granted: dict[str, list[str]] = {}
        self.payloads: list[bytes] = []
        self._pending: dict[int, str] = {}
        self._lock = threading.Lock()
        self.client = new_mqtt_client("tcp")  # no garbage per message on our GC either
        self.client.on_subscribe = self._on_subscribe
        self.client.on_message = self._on_message
        if credentials is not None:
            self.client.username_pw_set(credentials.username, credentials.password)
        self.client.connect("127.0.0.1", broker.tcp_port)
        self.client.loop_start()

    def subscribe(self, topic: str) -> None:
        with self._lock:
            _, mid = self.client.subscribe(topic, qos=1)
            self._pending[mid] = topic

    def _on_subscribe(self, _c: object, _u: object, mid: int, codes: list, _p: object) -> None:
        with self._lock:
            self.granted[self._pending.pop(mid)] = [str(code) for code in codes]

    def _on_message(self, _c: object, _u: object, message: mqtt.MQTTMessage) -> None:
        with self._lock:
            self.payloads.append(bytes(message.payload))

    def stop(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


class StallMeter:
    """Ticks every 2 ms on the Qt thread and keeps the longest gap between ticks."""

    def __init__(self) -> None:
        self.longest_ms = 0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(interval=2, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.restart())

    def stop(self) -> None:
        self._timer.stop()


def test_a_snooper_gets_no_wildcard_and_sees_only_ciphertext(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    snooper = Snooper(broker, alex.broker_pass)
    client = RelayPartnerClient(link_for(alex, broker))
    client.start()
    try:
        for wildcard in WILDCARDS:
            snooper.subscribe(wildcard)
        qtbot.waitUntil(lambda: len(snooper.granted) == len(WILDCARDS), timeout=5000)
        assert snooper.granted == {wildcard: ["Not authorized"] for wildcard in WILDCARDS}

        session, window = relay_meeting.start()
        relay = relay_meeting.link.relay  # type: ignore[union-attr]
        assert relay is not None
        # Even a snooper that learnt this meeting's room topics sees nothing it can read.
        secret = decode_secret(alex.secret)
        lobby, meeting = derive_channels(secret), derive_channels(secret, relay.meeting_id)
        for topic in (lobby.up.topic, lobby.down.topic, meeting.up.topic, meeting.down.topic):
            snooper.subscribe(topic)
        qtbot.waitUntil(lambda: len(snooper.granted) == len(WILDCARDS) + 4, timeout=5000)
        client.stop()
        client = RelayPartnerClient(link_for(alex, broker))  # comes online: hello, live, ...
        client.start()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        client.press(session.cues[0].key)
        qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: client.last_press_state is PressState.ACKNOWLEDGED, timeout=5000)
        relay_meeting.end()
        qtbot.waitUntil(lambda: len(snooper.payloads) >= 8, timeout=5000)

        secrets_and_words = [secret, alex.secret.encode(), lobby.up.key, meeting.down.key]
        for cue in session.cues:
            secrets_and_words += [cue.words.encode(), cue.label.encode(), cue.key.encode()]
        secrets_and_words += [b"press", b"status", b"acknowledged", b"Harbor", b'"kind"']
        for payload in snooper.payloads:
            assert not any(text in payload for text in secrets_and_words)
            assert len(payload) < 600
    finally:
        client.stop()
        snooper.stop()


def test_nothing_is_kept_on_the_broker_and_big_packets_are_refused(
    broker: LocalBroker, alex: PairedPartner
) -> None:
    topic = pairing_rooms(decode_secret(alex.secret))[0]
    assert alex.broker_pass is not None
    publisher = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
    publisher.username_pw_set(alex.broker_pass.username, alex.broker_pass.password)
    publisher.connect("127.0.0.1", broker.tcp_port)
    publisher.loop_start()
    # The broker may drop the publisher for asking: either way nothing is kept.
    with contextlib.suppress(RuntimeError, ValueError):
        publisher.publish(topic, b"kept?", qos=1, retain=True).wait_for_publish(5)
    snooper = Snooper(broker, alex.broker_pass)
    try:
        snooper.subscribe(topic)
        deadline = time.monotonic() + 5
        while topic not in snooper.granted and time.monotonic() < deadline:
            time.sleep(0.02)
        assert snooper.granted[topic] == ["Granted QoS 1"]
        big = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
        big.username_pw_set(alex.broker_pass.username, alex.broker_pass.password)
        big.connect("127.0.0.1", broker.tcp_port)
        big.loop_start()
        big.publish(topic, b"x" * 8000, qos=0)
        big.publish(topic, b"small", qos=0)
        time.sleep(1.0)  # the absence of a message can only be shown by waiting
        big.loop_stop()
        assert b"kept?" not in snooper.payloads
        assert all(len(payload) < 4096 for payload in snooper.payloads)
    finally:
        snooper.stop()
        publisher.loop_stop()


ATTACKER = r"""
import sys, os, time
import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
port, topic, count, extra_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
username, password = sys.argv[5], sys.argv[6]
extras = [bytes.fromhex(line) for line in open(extra_file).read().split()]
client = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
client.max_queued_messages_set(0)
client.username_pw_set(username, password)  # a stolen link's pass: the most it can have
client.connect("127.0.0.1", int(port))
client.loop_start()
for payload in extras:
    client.publish(topic, payload, qos=1).wait_for_publish(5)
for number in range(count):
    client.publish(topic, os.urandom(40 + number % 200), qos=0)
client.publish(topic, b"done", qos=1).wait_for_publish(10)
client.disconnect()
client.loop_stop()
"""


def test_forged_tampered_replayed_stale_and_junk_messages_show_nothing(
    qtbot: QtBot,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    alex: PairedPartner,
    tmp_path: Path,
) -> None:
    snooper = Snooper(broker, alex.broker_pass)
    assert alex.broker_pass is not None
    client = RelayPartnerClient(link_for(alex, broker))
    client.start()
    meter: StallMeter | None = None
    try:
        session, window = relay_meeting.start()
        relay = relay_meeting.link.relay  # type: ignore[union-attr]
        assert relay is not None
        up = derive_channels(decode_secret(alex.secret), relay.meeting_id).up
        snooper.subscribe(up.topic)
        qtbot.waitUntil(lambda: up.topic in snooper.granted, timeout=5000)
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        shown: list[str] = []
        session.cueDisplayRequested.connect(lambda event: shown.append(event.message_id))
        real_press = client.press(session.cues[0].key)
        qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: client.last_press_state is PressState.ACKNOWLEDGED, timeout=5000)
        captured = list(snooper.payloads)  # the partner's real messages, as the broker saw them
        assert captured
        snooper.stop()  # the attacker's flood is for Poise alone to bear

        forged_press = encode(Press(new_message_id(), session.cues[0].key))
        wrong_key = derive_channels(decode_secret(client_secret_other()), relay.meeting_id).up
        from dataclasses import replace

        wrong = Sealer().seal(replace(up, key=wrong_key.key), "signal", msg=forged_press)
        tampered = bytearray(Sealer().seal(up, "signal", msg=forged_press))
        tampered[20] ^= 0x40
        stale = Sealer().seal(up, "signal", msg=forged_press, at_ms=now_ms() - 120_000)
        extras = [wrong, bytes(tampered), stale, *captured]
        extra_file = tmp_path / "extras.txt"
        extra_file.write_text("\n".join(payload.hex() for payload in extras), encoding="utf-8")
        before = relay.opener.drop_counts()

        # The same machine's own noise, measured just before: two cores shared by other work.
        idle = StallMeter()
        qtbot.wait(1000)
        idle.stop()
        meter = StallMeter()
        attacker = subprocess.Popen(
            [
                *NICEST,
                sys.executable,
                "-c",
                ATTACKER,
                str(broker.tcp_port),
                up.topic,
                str(JUNK),
                str(extra_file),
                alex.broker_pass.username,
                alex.broker_pass.password,
            ],
        )
        qtbot.waitUntil(lambda: attacker.poll() is not None, timeout=60000)
        assert attacker.returncode == 0
        failed = lambda: relay.opener.drop_counts().get("failed_auth", 0)  # noqa: E731
        # Every junk message, the wrong key, the tampered one and the closing "done".
        try:
            qtbot.waitUntil(lambda: failed() >= JUNK + 3, timeout=20000)
        except Exception:
            raise AssertionError(f"counted {relay.opener.drop_counts()}") from None
        meter.stop()
        counts = relay.opener.drop_counts()
        assert counts["failed_auth"] - before.get("failed_auth", 0) == JUNK + 3
        assert counts["stale"] - before.get("stale", 0) == 1
        assert counts["replayed"] - before.get("replayed", 0) >= len(captured)
        assert shown == [real_press]  # nothing else was ever shown
        assert session.domain.tracker.current is None
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        report = {
            "drops": counts,
            "stall_ms": meter.longest_ms,
            "idle_stall_ms": idle.longest_ms,
            "load": round(load, 1),
        }
        print(f"\nrelay hostile: {json.dumps(report)}")
        # Only a freeze fails here: how long the GUI thread stalls under a flood is a timing,
        # measured by bench/stalls.py against its budget. A test cannot judge it, since the
        # one-minute load average lags behind a burst of other work (66 ms seen at "load 1.5"
        # while a bench ran beside the suite).
        allowed_ms = BUSY_MACHINE_STALL_MS
        assert meter.longest_ms <= allowed_ms, (
            f"the GUI stalled {meter.longest_ms} ms under the flood "
            f"({idle.longest_ms} ms when idle just before, load {load:.1f})"
        )
    finally:
        if meter is not None:
            meter.stop()
        client.stop()


def client_secret_other() -> str:
    from app.link.relay_crypto import new_pairing_secret

    return new_pairing_secret()


@pytest.mark.skipif(sys.platform != "linux", reason="reads the kernel's socket table")
def test_the_shipped_broker_listens_on_loopback_only(broker: LocalBroker) -> None:
    """Mosquitto 2.0.x binds a WebSocket listener on every interface without socket_domain."""
    listening: dict[int, set[str]] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port = local.rsplit(":", 1)
            if state == "0A":  # LISTEN
                listening.setdefault(int(port, 16), set()).add(address)
    assert listening[broker.ws_port] == {"0100007F"}  # 127.0.0.1, and no IPv6 socket
    assert listening[broker.tcp_port] <= {"0100007F"}
