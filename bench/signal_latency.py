"""Benchmark of the partner link: from a press on the wire to the cue painted on screen.

Run: ``QT_QPA_PLATFORM=offscreen python3 bench/signal_latency.py [--presses 1000]``

The user's side runs here: the real ``PartnerLinkServer`` on 127.0.0.1, wired with
``attach_partner_link`` to a small live-session stand-in whose cue label reports its
real paint (the same contract as ``LiveSession``: ``cueShown`` means painted), plus a
bare ``QWebSocketServer`` echo in the same process and event loop. The partner runs in
another process (the ``websockets`` client) so it never competes for our GIL. It
measures, in one run:

- raw: the WebSocket echo round trip (the floor any design pays);
- press-to-cue-requested: until the link hands the press to the session (network and
  the link's own checks, before any widget work);
- press-to-painted: from the moment the press is written to the socket until the cue
  label's paintEvent ran for that press (both clocks are CLOCK_MONOTONIC, shared by
  processes on Linux);
- press-to-shown: until the partner has the "shown" status back (what the phone sees).

The relay path (issue 15) is measured in the same run the same way, through a Mosquitto
started on 127.0.0.1 from deploy/relay's configuration: the real ``RelayMeeting`` with a
paired partner, the partner (another process, paho over WebSocket, sealing as the phone
does) pressing and waiting for "shown", next to a raw MQTT round trip over the same broker
(partner to an echo client in this process and back, QoS 1 like the relay's messages).

Results (p50, p99, max) are printed and written to bench/results/signal.json; the budgets
are in bench/budgets.py. ``--quick``: 30 presses a path, to check the bench runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtNetwork import QHostAddress
from PySide6.QtWebSockets import QWebSocketServer
from PySide6.QtWidgets import QApplication, QLabel

from app.domain.meeting_terms import DEFAULT_CUES, Cue, SignalSource
from app.link.broker_pass import BrokerPass
from app.link.mqtt_link import new_mqtt_client
from app.link.pairing import PairingBook
from app.link.relay import RelayMeeting
from app.link.relay_crypto import TOPIC_PREFIX
from app.link.server import PartnerLinkServer, RateLimits
from app.ui.partner.partner_wiring import attach_partner_link
from bench.rows import Row, report
from tests.relay.local_broker import LocalBroker

RESULTS = Path(__file__).resolve().parent / "results" / "signal.json"
WARM_UP = 30

PARTNER_SCRIPT = r"""
import json, sys, time
from websockets.sync.client import connect
echo_url, link_url, origin, presses, warm_up = sys.argv[1:6]
presses, warm_up = int(presses), int(warm_up)
out = {"raw": [], "press": []}
with connect(echo_url, compression=None) as echo:
    for number in range(warm_up + presses):
        started = time.perf_counter()
        echo.send('{"type":"ping","n":%d}' % number)
        echo.recv()
        if number >= warm_up:
            out["raw"].append(time.perf_counter() - started)
with connect(link_url, origin=origin, compression=None) as link:
    link.recv()
    link.send('{"type":"hello","client":"phone"}')
    for number in range(warm_up + presses):
        message_id = "%032d" % number
        frame = '{"type":"press","id":"%s","cue":"calm"}' % message_id
        started = time.perf_counter()
        link.send(frame)
        while True:
            status = json.loads(link.recv())
            if status.get("id") == message_id and status.get("state") == "shown":
                break
        if number >= warm_up:
            out["press"].append([message_id, started, time.perf_counter() - started])
print(json.dumps(out))
"""


RELAY_PARTNER_SCRIPT = r"""
import json, queue, sys, time
repo, port, secret, cue, echo_up, echo_down, presses, warm_up = sys.argv[1:9]
username, password = sys.argv[9:11]
sys.path.insert(0, repo)
from app.domain.signal_protocol import ClientKind, Hello, Press, Status
from app.domain.signal_protocol import encode, parse_server_message
from app.link.mqtt_link import new_mqtt_client
from app.link.relay_crypto import Opener, Sealer, decode_secret, derive_channels
presses, warm_up = int(presses), int(warm_up)
secret = decode_secret(secret)
lobby = derive_channels(secret)
opener, sealer = Opener(), Sealer()
opener.listen(lobby.down)
inbox = queue.Queue()
connected = queue.Queue()
client = new_mqtt_client("websockets")
client.ws_set_options(path="/mqtt")
client.on_message = lambda c, u, m: inbox.put((m.topic, bytes(m.payload)))
client.on_subscribe = lambda c, u, mid, codes, props: connected.put(mid)
client.username_pw_set(username, password)
client.connect("127.0.0.1", int(port))
client.loop_start()
def subscribe(topic):
    _, mid = client.subscribe(topic, qos=1)
    while connected.get(timeout=10) != mid:
        pass
subscribe(lobby.down.topic)
subscribe(echo_down)
out = {"raw": [], "press": []}
for number in range(warm_up + presses):
    started = time.perf_counter()
    client.publish(echo_up, b"%0120d" % number, qos=1)
    while inbox.get(timeout=10)[0] != echo_down:
        pass
    if number >= warm_up:
        out["raw"].append(time.perf_counter() - started)
client.publish(lobby.up.topic, sealer.seal(lobby.up, "hello"), qos=1)
while True:
    topic, payload = inbox.get(timeout=10)
    envelope = opener.open(topic, payload)
    if envelope is not None and envelope.kind == "live":
        break
meeting = derive_channels(secret, envelope.meeting)
opener.listen(meeting.down)
subscribe(meeting.down.topic)
up = meeting.up
client.publish(up.topic, sealer.seal(up, "signal", msg=encode(Hello(ClientKind.PHONE))), qos=1)
for number in range(warm_up + presses):
    message_id = "%032d" % number
    sealed = sealer.seal(up, "signal", msg=encode(Press(message_id, cue)))
    started = time.perf_counter()
    client.publish(up.topic, sealed, qos=1)
    while True:
        topic, payload = inbox.get(timeout=10)
        envelope = opener.open(topic, payload)
        if envelope is None or envelope.msg is None:
            continue
        status = parse_server_message(envelope.msg)
        shown = isinstance(status, Status) and status.state == "shown"
        if shown and status.message_id == message_id:
            break
    if number >= warm_up:
        out["press"].append([message_id, started, time.perf_counter() - started])
client.disconnect()
client.loop_stop()
print(json.dumps(out))
"""


class CueLabel(QLabel):
    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted.emit()


class BenchSession(QObject):
    """Shows a cue in a real label; ``cueShown`` once the label has painted it."""

    cueShown = Signal(str)  # noqa: N815 (Qt signal naming)
    cueAcknowledged = Signal(str)  # noqa: N815 (Qt signal naming)
    cueExpired = Signal(str)  # noqa: N815 (Qt signal naming)
    meetingEnded = Signal()  # noqa: N815 (Qt signal naming)
    partnerAsked = Signal(str, str)  # noqa: N815 (Qt signal naming) -- never asked here

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        super().__init__()
        self.cues = cues
        self.label = CueLabel()
        self.label.resize(420, 120)
        self.label.show()
        self.label.painted.connect(self._on_painted)
        self.painted_at: dict[str, float] = {}
        self.sources: set[SignalSource] = set()
        self._showing: str | None = None

    def trigger_cue(self, cue_key: str, source: SignalSource, message_id: str | None = None) -> str:
        assert message_id is not None
        self.sources.add(source)
        self._showing = message_id
        words = next(cue.words for cue in self.cues if cue.key == cue_key)
        # Alternate the text so every press really repaints something.
        self.label.setText(f"{words} ({len(self.painted_at) % 2})")
        self.label.update()
        return message_id

    def record_partner_answer(self, message_id: str) -> None:
        """The bench never asks the partner anything (see tests/link for that path)."""

    def _on_painted(self) -> None:
        showing = self._showing
        if showing is not None and showing not in self.painted_at:
            self.painted_at[showing] = time.perf_counter()
            self.cueShown.emit(showing)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(seconds: list[float]) -> dict[str, float]:
    millis = [value * 1000 for value in seconds]
    return {
        "p50_ms": round(percentile(millis, 0.50), 3),
        "p99_ms": round(percentile(millis, 0.99), 3),
        "max_ms": round(max(millis), 3),
        "mean_ms": round(statistics.fmean(millis), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="30 presses a path")
    args = parser.parse_args()
    if args.quick:
        args.presses = 30

    application = QApplication(sys.argv[:1])
    session = BenchSession(DEFAULT_CUES)
    generous = RateLimits(
        frames_burst=10**6,
        frames_per_second=10**6,
        presses_burst=10**6,
        presses_per_second=10**6,
        all_presses_burst=10**6,
        all_presses_per_second=10**6,
        bytes_burst=10**9,
        bytes_per_second=10**9,
    )
    server = PartnerLinkServer(session.cues, bind_address="127.0.0.1", rate_limits=generous)
    requested_at: dict[str, float] = {}
    # Connected first, so it runs before the wiring: where the press leaves the link code.
    server.cueRequested.connect(
        lambda _cue, _source, message_id: requested_at.setdefault(message_id, time.perf_counter())
    )
    attach_partner_link(session, server)
    server.start()

    echo = QWebSocketServer("echo", QWebSocketServer.SslMode.NonSecureMode)
    echo.listen(QHostAddress("127.0.0.1"), 0)
    echo_clients = []

    def on_echo_client() -> None:
        client = echo.nextPendingConnection()
        echo_clients.append(client)
        client.textMessageReceived.connect(lambda text: client.sendTextMessage(text))

    echo.newConnection.connect(on_echo_client)

    page_url = server.pairing_url()
    origin = page_url.split("/p/")[0]
    link_url = page_url.replace("http://", "ws://").replace("/p/", "/ws/")
    echo_url = f"ws://127.0.0.1:{echo.serverPort()}"

    partner = QProcess()
    partner.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
    partner.finished.connect(lambda *_: application.quit())
    partner.start(
        sys.executable,
        ["-c", PARTNER_SCRIPT, echo_url, link_url, origin, str(args.presses), str(WARM_UP)],
    )
    application.exec()
    if partner.exitCode() != 0:
        print(bytes(partner.readAllStandardError().data()).decode(), file=sys.stderr)
        return 1
    measured = json.loads(bytes(partner.readAllStandardOutput().data()).decode())
    server.end()
    relay_measured, relay_session, relay_requested_at = measure_relay(
        application, generous, args.presses
    )

    to_painted = [session.painted_at[mid] - sent for mid, sent, _ in measured["press"]]
    to_requested = [requested_at[mid] - sent for mid, sent, _ in measured["press"]]
    to_shown = [round_trip for _, _, round_trip in measured["press"]]
    results = {
        "presses": args.presses,
        "raw_echo_round_trip": summary(measured["raw"]),
        "press_to_cue_requested": summary(to_requested),
        "press_to_painted": summary(to_painted),
        "press_to_shown_status": summary(to_shown),
        "sources": sorted(source.value for source in session.sources),
    }
    relay_painted = [
        relay_session.painted_at[mid] - sent for mid, sent, _ in relay_measured["press"]
    ]
    relay_requested = [relay_requested_at[mid] - sent for mid, sent, _ in relay_measured["press"]]
    results["relay"] = {
        "raw_mqtt_round_trip": summary(relay_measured["raw"]),
        "press_to_cue_requested": summary(relay_requested),
        "press_to_painted": summary(relay_painted),
        "press_to_shown_status": summary([rt for _, _, rt in relay_measured["press"]]),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for name in (
        "raw_echo_round_trip",
        "press_to_cue_requested",
        "press_to_painted",
        "press_to_shown_status",
    ):
        row = results[name]
        print(
            f"{name:<24} p50 {row['p50_ms']:7.3f} ms   p99 {row['p99_ms']:7.3f} ms   "
            f"max {row['max_ms']:7.3f} ms"
        )
    for name in (
        "raw_mqtt_round_trip",
        "press_to_cue_requested",
        "press_to_painted",
        "press_to_shown_status",
    ):
        row = results["relay"][name]
        print(
            f"relay {name:<20} p50 {row['p50_ms']:7.3f} ms   p99 {row['p99_ms']:7.3f} ms   "
            f"max {row['max_ms']:7.3f} ms"
        )
    report_rows(results)
    return 0


def report_rows(results: dict) -> None:
    rows = []
    for key, path, name, raw in (
        ("lan", results, "LAN", "raw_echo_round_trip"),
        ("relay", results["relay"], "relay", "raw_mqtt_round_trip"),
    ):
        painted, raw_p99 = path["press_to_painted"]["p99_ms"], path[raw]["p99_ms"]
        measure = f"{name} press -> cue painted, p99"
        rows.append(Row(f"signal.{key}_press_to_painted_p99", measure, painted))
        against = f"{name} press -> cue painted p99 vs raw round trip p99"
        rows.append(
            Row(f"signal.{key}_press_to_painted_vs_raw", against, painted, "ms", raw_p99, "raw")
        )
    report(rows)


def measure_relay(
    application: QApplication, limits: RateLimits, presses: int
) -> tuple[dict[str, list], BenchSession, dict[str, float]]:
    """The relay path's presses and the raw MQTT round trip, through one loopback broker."""
    with tempfile.TemporaryDirectory(prefix="poise-bench-relay-") as folder:
        broker = LocalBroker(Path(folder))
        broker.start()
        try:
            book = PairingBook(Path(folder) / "paired-partners.json")
            paired = book.pair("Bench partner")
            session = BenchSession(DEFAULT_CUES)
            bench_pass = BrokerPass("bench", broker.add_room_wide_account("bench"))
            relay = RelayMeeting(
                session.cues, book, broker.ws_url, rate_limits=limits, credentials=bench_pass
            )
            requested_at: dict[str, float] = {}
            relay.cueRequested.connect(
                lambda _cue, _source, mid: requested_at.setdefault(mid, time.perf_counter())
            )
            attach_partner_link(session, relay)
            relay.start()

            echo_up = TOPIC_PREFIX + os.urandom(16).hex()
            echo_down = TOPIC_PREFIX + os.urandom(16).hex()
            echo = new_mqtt_client("websockets")
            echo.ws_set_options(path="/mqtt")
            echo.on_connect = lambda client, *_: client.subscribe(echo_up, qos=1)
            echo.on_message = lambda client, _u, message: client.publish(
                echo_down, message.payload, qos=1
            )
            echo.username_pw_set(bench_pass.username, bench_pass.password)
            echo.connect("127.0.0.1", broker.ws_port)
            echo.loop_start()

            partner = QProcess()
            partner.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
            partner.finished.connect(lambda *_: application.quit())
            partner.start(
                sys.executable,
                [
                    "-c",
                    RELAY_PARTNER_SCRIPT,
                    str(Path(__file__).resolve().parent.parent),
                    str(broker.ws_port),
                    paired.secret,
                    DEFAULT_CUES[0].key,
                    echo_up,
                    echo_down,
                    str(presses),
                    str(WARM_UP),
                    bench_pass.username,
                    bench_pass.password,
                ],
            )
            application.exec()
            echo.disconnect()
            echo.loop_stop()
            relay.end()
            if partner.exitCode() != 0:
                print(bytes(partner.readAllStandardError().data()).decode(), file=sys.stderr)
                raise SystemExit(1)
            measured = json.loads(bytes(partner.readAllStandardOutput().data()).decode())
            book.flush()
        finally:
            broker.stop(with_agent=True)
    return measured, session, requested_at


if __name__ == "__main__":
    sys.exit(main())
