"""Stall probe: the longest the GUI thread goes without running a 5 ms timer.

Run: ``QT_QPA_PLATFORM=offscreen python3 bench/stalls.py [--quick]``

A precise 5 ms ``QTimer`` notes when each of its ticks ran; a tick's lateness (the gap less
5 ms) is how long the GUI thread was busy elsewhere: what a user feels as a frozen window.
Reported with the p99 and the maximum, each beside the same probe's lateness while idle
(the floor on this machine, measured in the same run), for:

- Start: a fresh process takes the app's own start path (home window, store opened on its
  thread, the meeting flow made on the first New meeting) and fills the prepare dialog;
  from Start pressed until half a second after the live window's first paint (what runs
  right after the paint, the partner link among it, counts too);
- a cue flood over the LAN link: a partner process presses 1,000 times a second at the
  real ``PartnerLinkServer`` (the app's own allowances) joined to a real live window;
- a cue flood over the relay: the same through a Mosquitto on 127.0.0.1 (deploy/relay's
  configuration, as tests/relay start it) and the real ``RelayMeeting``, presses sealed as
  the phone seals them;
- 5 MB pasted into a note as one paragraph, and the keys typed after it against the same
  keys typed before (the ratio).

``--quick``: short floods and a 200 KB paste, to check the bench runs. The paste is also
made into a bare QPlainTextEdit: the floor of this stack, beside Poise's figure.

``--stacks``: the Start path only, with a sampler thread noting the GUI thread's Python
stack every millisecond; each stall over ``--stacks-over`` ms is printed with the stacks
seen during it (their innermost Poise frames and the modules being imported). The sampler
takes the GIL from the GUI thread, so its figures are not the bench's: a diagnosis only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PROBE_MS = 5
SETTLE_AFTER_PAINT_MS = 500
CHILD_TIMEOUT_SECONDS = 60

LAN_FLOOD_SCRIPT = r"""
import sys, time
from websockets.sync.client import connect
link_url, origin, rate, seconds = sys.argv[1:5]
rate, seconds = int(rate), float(seconds)
sent = 0
try:
    with connect(link_url, origin=origin, compression=None) as link:
        link.recv()
        link.send('{"type":"hello","client":"phone"}')
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            due = started + sent / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            link.send('{"type":"press","id":"%032d","cue":"calm"}' % sent)
            sent += 1
except Exception as closed:  # the link may cut a flooding partner off: that is its defence
    print("closed after %d: %s" % (sent, closed), file=sys.stderr)
print(sent)
"""

RELAY_FLOOD_SCRIPT = r"""
import queue, sys, time
repo, port, secret, cue, rate, seconds, username, password = sys.argv[1:9]
sys.path.insert(0, repo)
from app.domain.signal_protocol import ClientKind, Hello, Press, encode
from app.link.mqtt_link import new_mqtt_client
from app.link.relay_crypto import Opener, Sealer, decode_secret, derive_channels
rate, seconds = int(rate), float(seconds)
secret = decode_secret(secret)
lobby = derive_channels(secret)
opener, sealer = Opener(), Sealer()
opener.listen(lobby.down)
inbox, subscribed = queue.Queue(), queue.Queue()
client = new_mqtt_client("websockets")
client.ws_set_options(path="/mqtt")
client.on_message = lambda c, u, m: inbox.put((m.topic, bytes(m.payload)))
client.on_subscribe = lambda c, u, mid, codes, props: subscribed.put(mid)
client.username_pw_set(username, password)
client.connect("127.0.0.1", int(port))
client.loop_start()
_, mid = client.subscribe(lobby.down.topic, qos=1)
while subscribed.get(timeout=10) != mid:
    pass
client.publish(lobby.up.topic, sealer.seal(lobby.up, "hello"), qos=1)
while True:
    topic, payload = inbox.get(timeout=10)
    envelope = opener.open(topic, payload)
    if envelope is not None and envelope.kind == "live":
        break
up = derive_channels(secret, envelope.meeting).up
client.publish(up.topic, sealer.seal(up, "signal", msg=encode(Hello(ClientKind.PHONE))), qos=1)
sent = 0
started = time.perf_counter()
while time.perf_counter() - started < seconds:
    pause = started + sent / rate - time.perf_counter()
    if pause > 0:
        time.sleep(pause)
    press = encode(Press("%032d" % sent, cue))
    client.publish(up.topic, sealer.seal(up, "signal", msg=press), qos=1)
    sent += 1
time.sleep(0.2)
client.disconnect()
client.loop_stop()
print(sent)
"""


class StallProbe:
    """A precise 5 ms timer; each tick's lateness is a stall of the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)
        self._gaps: list[float] = []
        self._last = 0.0
        self.ticks: list[float] = []  # when each tick ran (perf_counter), for --stacks
        # The GUI thread's CPU time at each tick: a stall's own work, whatever the load.
        self.cpu_ticks: list[float] = []

    def start(self) -> None:
        self._gaps = []
        self._last = time.perf_counter()
        self.ticks = [self._last]
        self.cpu_ticks = [time.thread_time()]
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._gaps.append(now - self._last)
        self._last = now
        self.ticks.append(now)
        self.cpu_ticks.append(time.thread_time())

    def cpu_stalls(self) -> list[float]:
        """Each tick's GUI-thread CPU time in ms since the last: load moves it least."""
        ticks = self.cpu_ticks
        return [(after - before) * 1000 for before, after in itertools.pairwise(ticks)]

    def stop(self) -> list[float]:
        """Each tick's lateness in ms, the time since the last tick included."""
        self._timer.stop()
        self._tick()
        return [max(0.0, gap * 1000 - PROBE_MS) for gap in self._gaps]


class StackSampler:
    """Notes the GUI thread's Python stack every millisecond, on a thread of its own."""

    def __init__(self) -> None:
        import threading

        self.samples: list[tuple[float, list[str]]] = []
        self._gui = threading.main_thread().ident
        self._running = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._running.set()
        self._thread.start()

    def stop(self) -> None:
        self._running.clear()
        self._thread.join()

    def _run(self) -> None:
        while self._running.is_set():
            frame = sys._current_frames().get(self._gui)
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{code.co_filename}:{frame.f_lineno}:{code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), stack))
            time.sleep(0.001)


def describe_stalls(ticks: list[float], sampler: StackSampler, over_ms: float) -> str:
    """Each stall over ``over_ms`` with what the GUI thread ran during it (outermost first)."""
    from collections import Counter

    lines = []
    for before, after in itertools.pairwise(ticks):
        late = (after - before) * 1000 - PROBE_MS
        if late < over_ms:
            continue
        inside = [stack for moment, stack in sampler.samples if before <= moment <= after]
        lines.append(
            f"-- stall {late:.1f} ms at +{(before - ticks[0]) * 1000:.0f} ms, {len(inside)} samples"
        )
        seen: Counter[str] = Counter()
        for stack in inside:
            ours = [f.replace(str(REPO) + "/", "") for f in stack if str(REPO) in f]
            leaf = next((f for f in stack if "<frozen" not in f), "(in Qt)")
            leaf = leaf.split("site-packages/")[-1].replace(str(REPO) + "/", "")
            key = " <- ".join([leaf, *[f for f in ours[:4] if f != leaf]])
            seen[key] += 1
        for key, count in seen.most_common(8):
            lines.append(f"   {count:4d}  {key}")
    return "\n".join(lines)


def wait(milliseconds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_for(process: subprocess.Popen[str], timeout: float) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the partner process never finished")
        QApplication.processEvents()
        time.sleep(0.001)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- the Start path, in a fresh process ----------------------------------------------------


def child_start(stacks_over_ms: float | None = None) -> None:
    """The app's start path; prints the probe's lateness from Start to after the paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.playbooks import load_all_playbooks
    from app.settings import load_settings
    from app.ui.app_controller import AppController
    from app.ui.application import create_application
    from app.ui.common.theme import ThemeController

    application = create_application()
    ThemeController(application, load_settings().theme).apply()
    controller = AppController(application, load_all_playbooks())
    window = controller.window
    probe = StallProbe()
    sampler = StackSampler() if stacks_over_ms is not None else None

    def after_settling() -> None:
        stalls = probe.stop()
        if sampler is not None and stacks_over_ms is not None:
            sampler.stop()
            print(describe_stalls(probe.ticks, sampler, stacks_over_ms), file=sys.stderr)
        # For A/B runs on a shared machine; the bench's figure is the wall-clock one.
        print(f"gui-cpu-ms {json.dumps(probe.cpu_stalls())}", file=sys.stderr)
        print(json.dumps(stalls), flush=True)
        application.exit(0)

    class FirstPaint(QObject):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                if self.name == "home":
                    QTimer.singleShot(0, new_meeting)
                else:
                    QTimer.singleShot(SETTLE_AFTER_PAINT_MS, after_settling)
            return False

    home_painted, live_painted = FirstPaint("home"), FirstPaint("live")

    def new_meeting() -> None:
        flow = controller.ensure_flow()
        flow.prepareOpened.connect(lambda dialog: QTimer.singleShot(300, lambda: start(dialog)))
        flow.sessionStarted.connect(lambda _s, live: live.installEventFilter(live_painted))
        window.new_meeting()

    def start(dialog: Any) -> None:
        dialog.client.setEditText("Bench client")
        dialog.title.setText("Bench")
        dialog.go_to_checklist()
        if sampler is not None:
            sampler.start()
        probe.start()
        dialog.start_button.click()

    window.installEventFilter(home_painted)
    window.show()
    controller.open_store()
    QTimer.singleShot(CHILD_TIMEOUT_SECONDS * 1000, lambda: application.exit(2))
    code = application.exec()
    controller.close(5.0)
    sys.exit(code)


def measure_start(stacks_over_ms: float | None = None) -> list[float]:
    from bench.startup import _environment

    stacks = [] if stacks_over_ms is None else ["--stacks", "--stacks-over", str(stacks_over_ms)]
    with tempfile.TemporaryDirectory(prefix="poise-bench-stalls-") as folder:
        done = subprocess.run(
            [sys.executable, __file__, "--child", "start", *stacks],
            capture_output=True,
            text=True,
            env=_environment(Path(folder)),
            cwd=REPO,
            timeout=CHILD_TIMEOUT_SECONDS,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the start child exited with {done.returncode}:\n{done.stderr}")
    if stacks_over_ms is not None:
        print(done.stderr, file=sys.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- floods and the paste, in this process -------------------------------------------------


def live_window() -> tuple[Any, Any]:
    """A real live window and session with no store, as a meeting whose store is not open."""
    from app.playbooks import load_all_playbooks
    from app.settings import load_settings
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession

    settings = load_settings()
    playbook = load_all_playbooks().entries[0].playbook
    session = LiveSession(None, None, playbook, settings.last_cues)
    window = LiveWindow(
        session, client_name="Bench client", meeting_title="Bench", settings=settings
    )
    window.show()
    window.begin()
    wait(200)
    return session, window


def measure_lan_flood(rate: int, seconds: float) -> tuple[list[float], int]:
    from app.link.server import PartnerLinkServer
    from app.ui.partner.partner_wiring import attach_partner_link

    session, window = live_window()
    server = PartnerLinkServer(session.cues, bind_address="127.0.0.1")
    attach_partner_link(session, server)
    server.start()
    page_url = server.pairing_url()
    origin = page_url.split("/p/")[0]
    link_url = page_url.replace("http://", "ws://").replace("/p/", "/ws/")
    probe = StallProbe()
    probe.start()
    partner = subprocess.Popen(
        [sys.executable, "-c", LAN_FLOOD_SCRIPT, link_url, origin, str(rate), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(partner, seconds + 30)
    wait(100)
    stalls = probe.stop()
    sent = int((partner.stdout.read() if partner.stdout else "0").strip() or 0)
    server.end()
    window.close()
    return stalls, sent


def measure_relay_flood(rate: int, seconds: float) -> tuple[list[float], int]:
    from app.link.broker_pass import BrokerPass
    from app.link.pairing import PairingBook
    from app.link.relay import RelayMeeting
    from app.ui.partner.partner_wiring import attach_partner_link
    from tests.relay.local_broker import LocalBroker

    with tempfile.TemporaryDirectory(prefix="poise-bench-relay-") as folder:
        broker = LocalBroker(Path(folder))
        broker.start()
        try:
            book = PairingBook(Path(folder) / "paired-partners.json")
            paired = book.pair("Bench partner")
            session, window = live_window()
            bench_pass = BrokerPass("bench", broker.add_room_wide_account("bench"))
            relay = RelayMeeting(session.cues, book, broker.ws_url, credentials=bench_pass)
            attach_partner_link(session, relay)
            relay.start()
            probe = StallProbe()
            probe.start()
            partner = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    RELAY_FLOOD_SCRIPT,
                    str(REPO),
                    str(broker.ws_port),
                    paired.secret,
                    session.cues[0].key,
                    str(rate),
                    str(seconds),
                    bench_pass.username,
                    bench_pass.password,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            wait_for(partner, seconds + 30)
            wait(200)
            stalls = probe.stop()
            if partner.returncode != 0:
                errors = partner.stderr.read() if partner.stderr else ""
                raise RuntimeError(f"the relay partner failed:\n{errors}")
            sent = int((partner.stdout.read() if partner.stdout else "0").strip() or 0)
            relay.end()
            window.close()
            book.flush()
        finally:
            broker.stop(with_agent=True)
    return stalls, sent


def measure_paste(characters: int, keys: int) -> dict[str, float]:
    """One paragraph of ``characters`` pasted into a note; keys typed before and after it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    _session, window = live_window()
    editor = next(iter(window.notes.editors.values()))
    editor.setFocus()
    wait(50)

    def type_keys() -> float:
        """Median ms per key, each typed and then its repaint let through."""
        costs = []
        for _ in range(keys):
            began = time.perf_counter()
            QTest.keyClick(editor, Qt.Key.Key_K)
            QGuiApplication.processEvents()
            costs.append((time.perf_counter() - began) * 1000)
        return sorted(costs)[len(costs) // 2]

    before = type_keys()
    sentence = "They say the launch slipped twice and nobody called them. "
    QGuiApplication.clipboard().setText((sentence * (characters // len(sentence) + 1))[:characters])
    probe = StallProbe()
    probe.start()
    editor.paste()
    wait(300)
    paste_stalls = probe.stop()
    after = type_keys()
    window.close()
    return {"paste_max_ms": max(paste_stalls), "key_before_ms": before, "key_after_ms": after}


def measure_bare_paste(characters: int, keys: int) -> dict[str, float]:
    """The same paste and keys into a bare QPlainTextEdit: the floor of this stack.

    Qt lays a paragraph out as a whole (one QTextLayout per block), so each key typed into
    one long paragraph re-lays out all of it in C++; no Poise code runs here at all.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    editor = QPlainTextEdit()
    editor.resize(360, 300)
    editor.show()
    editor.setFocus()
    wait(50)
    sentence = "They say the launch slipped twice and nobody called them. "
    QGuiApplication.clipboard().setText((sentence * (characters // len(sentence) + 1))[:characters])
    probe = StallProbe()
    probe.start()
    editor.paste()
    wait(300)
    paste_stalls = probe.stop()
    costs = []
    for _ in range(keys):
        began = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_K)
        QGuiApplication.processEvents()
        costs.append((time.perf_counter() - began) * 1000)
    editor.close()
    return {"paste_max_ms": max(paste_stalls), "key_after_ms": sorted(costs)[len(costs) // 2]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short floods, a 200 KB paste")
    parser.add_argument("--stacks", action="store_true", help="Start only: each stall's stacks")
    parser.add_argument("--stacks-over", type=float, default=15.0, help="ms, with --stacks")
    parser.add_argument("--child", choices=("start",), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "start":
        child_start(args.stacks_over if args.stacks else None)
        return 0
    if args.stacks:
        stalls = measure_start(args.stacks_over)
        print(f"Start: max {max(stalls):.1f} ms, p99 {percentile(stalls, 0.99):.1f} ms")
        return 0
    from PySide6.QtWidgets import QApplication

    from bench.rows import Row, report

    application = QApplication(sys.argv[:1])
    assert application is not None
    rounds = 1 if args.quick else 3
    flood_seconds = 0.5 if args.quick else 3.0
    paste_chars = 200_000 if args.quick else 5_000_000
    idle_probe = StallProbe()
    idle_probe.start()
    wait(300 if args.quick else 1000)
    idle = idle_probe.stop()
    start = [stall for _ in range(rounds) for stall in measure_start()]
    lan, lan_sent = measure_lan_flood(1000, flood_seconds)
    relay, relay_sent = measure_relay_flood(1000, flood_seconds)
    paste = measure_paste(paste_chars, 5 if args.quick else 20)
    bare_paste = measure_bare_paste(paste_chars, 3 if args.quick else 5)

    idle_max, idle_p99 = max(idle), percentile(idle, 0.99)
    rows = []
    for key, words, stalls in (
        ("start_to_first_step", "Start pressed -> live painted (+0.5 s)", start),
        ("lan_flood", f"LAN cue flood, 1,000/s ({lan_sent} sent)", lan),
        ("relay_flood", f"relay cue flood, 1,000/s ({relay_sent} sent)", relay),
    ):
        rows.append(
            Row(f"stalls.{key}", f"GUI stall max, {words}", max(stalls), "ms", idle_max, "idle")
        )
        rows.append(
            Row(
                f"stalls.{key}_p99",
                f"GUI stall p99, {words}",
                percentile(stalls, 0.99),
                "ms",
                idle_p99,
                "idle",
            )
        )
    size = f"{paste_chars / 1e6:g} MB" if paste_chars >= 1e6 else f"{paste_chars // 1000} KB"
    rows.append(
        Row(
            "stalls.paste_5mb",
            f"GUI stall max, {size} pasted as one paragraph",
            paste["paste_max_ms"],
            "ms",
            idle_max,
            "idle",
        )
    )
    rows.append(
        Row(
            "stalls.typing_after_paste",
            f"a key typed after the {size} paste",
            paste["key_after_ms"],
            "ms",
            paste["key_before_ms"],
            "before it",
        )
    )
    rows.append(
        Row(
            "stalls.paste_5mb_vs_bare_editor",
            f"GUI stall max, {size} pasted as one paragraph, vs a bare editor",
            paste["paste_max_ms"],
            "ms",
            bare_paste["paste_max_ms"],
            "bare QPlainTextEdit",
        )
    )
    rows.append(
        Row(
            "stalls.typing_after_paste_vs_bare_editor",
            f"a key typed after the {size} paste, vs a bare editor",
            paste["key_after_ms"],
            "ms",
            bare_paste["key_after_ms"],
            "bare QPlainTextEdit",
        )
    )
    for row in rows:
        print(f"{row.measure:<64} {row.figure:9.1f} {row.unit}  (baseline {row.baseline:.1f})")
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
