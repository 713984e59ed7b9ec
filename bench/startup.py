"""Startup and memory bench: what a user waits for when opening Poise and starting a meeting.

    python3 bench/startup.py [--rounds 5] [--soak-minutes 1] [--past-meetings 40] [--quick]

1. Cold start, in new processes, against a bare PySide6 window painted by a new process
   in the same run (the baseline: Python, Qt and one window).
   Each Poise run goes the user's way through the real start path (``run_app``'s parts:
   application, look, playbooks, home window, store opened on its thread, app controller):
   the moment the home window has painted the run presses "New meeting", fills the
   prepare dialog and presses Start, with no thinking time at all, until the live window
   paints. A meeting never waits for the store, so this path does not either: the store
   opens on its thread meanwhile and takes the meeting when it is ready. Per run it notes
   - home: launch to the home window's first paint (what a user sees on opening Poise);
   - live: launch to the live window's first paint (the issue's number);
   - start: Start pressed to the live window painted (the wait after pressing Start);
   - store: launch to the store open;
   - stored: launch to the meeting being in the store (its first writes with it).
   A third child launches straight into the live window (no home window, dialog or
   store): its ratio to the bare window is the floor under the issue's ratio, the cost
   of the live window's own code and widgets in this stack, printed for comparison.
   Two data folders: *existing* (a returning user's database with ``--past-meetings``
   ended meetings, copied afresh for every run: the common case) and *fresh* (a first
   start: empty folder, database created and migrated).
2. Memory: one process starts a meeting the same way (home window and all, existing data
   folder), then runs a simulated meeting equivalent to ``--soak-minutes`` of activity,
   faster than real time through the meeting flow's injectable clock: typing in the notes
   (3 characters a second), a stamped line every 15 s, a step change every minute, a cue
   every 90 s acknowledged a few seconds later, the clocks ticking every second. Prints
   the resident set size afterwards, once with the partner link left off and once with it
   turned on (Ctrl+P, as a user does) right after the live window painted.

``--quick``: one round, a few past meetings, a few simulated seconds: it checks the bench
runs. The budgets are in bench/budgets.py; ``python -m bench`` prints them beside the
figures. Runs offscreen unless QT_QPA_PLATFORM says otherwise; the partner link binds to
127.0.0.1. Results also go to bench/results/startup.json (ignored by git).
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT_SECONDS = 60
# An installed Poise runs from compiled bytecode (pip and PyInstaller write it once), so the
# children may cache theirs even when PYTHONDONTWRITEBYTECODE is set here: in a folder of
# the bench's own (kept out of the tree), filled by the warm-up runs.
PYCACHE_FOLDER_NAME = "poise-bench-pycache"
MEASURES = {"rss"}  # printed like stamps, but a figure (MB), not a moment
KINDS = ("bare", "bare-store", "live-alone", "app", "soak", "seed")


def stamp(name: str) -> None:
    """Tell the parent when something happened (wall clock, comparable across processes)."""
    print(f"{name} {time.time():.6f}", flush=True)


# -- children: each imports only what it measures -------------------------------------------


def child_bare() -> None:
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QLabel

    application = QApplication(sys.argv[:1])

    class Window(QLabel):
        def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
            super().paintEvent(event)
            stamp("painted")
            application.exit(0)

    window = Window("Hello")
    window.resize(360, 720)
    window.show()
    application.exec()


def child_bare_store() -> None:
    """The floor under the store's figures: the bare window, and the store opened on a thread.

    What any Poise on this stack pays before its own code: Python, Qt, one window, and
    SQLAlchemy opening the same database off the GUI thread while the window paints. Its
    time to the store open and its resident memory are the baselines of those rows.
    """
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QLabel

    application = QApplication(sys.argv[:1])

    def open_it() -> None:
        from app.store import open_store

        open_store().close()
        stamp("store-open")

    opener = threading.Thread(target=open_it)

    class Window(QLabel):
        def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
            super().paintEvent(event)
            stamp("painted")

    def finish() -> None:
        if opener.is_alive():
            QTimer.singleShot(5, finish)
            return
        print(f"rss {_rss_mb():.1f}", flush=True)  # the parent reads it as a stamp
        application.exit(0)

    window = Window("Hello")
    window.resize(360, 720)
    window.show()
    opener.start()
    QTimer.singleShot(5, finish)
    application.exec()


def child_live_alone() -> None:
    """The floor of any path to the live window: launch straight into it.

    No home window, no prepare dialog, no store: Python, Qt, the live window's own code
    and a shipped playbook, then one paint. Whatever Poise's start does around the live
    window comes on top of this, so its ratio to the bare window is the lowest the
    issue's ratio can be with this live window in this stack.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv[:1])
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

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                stamp("painted")
                application.exit(0)
            return False

    painted = FirstPaint()
    window.installEventFilter(painted)
    window.show()
    window.begin()
    application.exec()


def child_app(soak_minutes: float = 0.0, link_on: bool = False) -> None:
    """``run_app`` piece by piece, then a meeting started the moment the home window painted.

    With ``soak_minutes`` the meeting then goes on (simulated, see ``simulate_meeting``)
    and the process's resident memory is printed as JSON; ``link_on`` first turns the
    partner link on from the live window's menu, as Ctrl+P does.
    """
    from datetime import UTC

    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.playbooks import StartPlaybooks
    from app.settings import load_settings
    from app.ui.app_controller import AppController
    from app.ui.application import create_application, playbook_language
    from app.ui.common.theme import ThemeController

    # As run_app: the playbooks are parsed after the home window's first paint (or at
    # "New meeting" if that comes first), unless the person's or team's folder holds some.
    playbooks = StartPlaybooks(playbook_language())
    application = create_application()
    ThemeController(application, load_settings().theme).apply()
    controller = AppController(application, playbooks)
    window = controller.window

    class FirstPaint(QObject):
        """Stamps the first paint of each watched window once."""

        def __init__(self) -> None:
            super().__init__()
            self.names: dict[QObject, str] = {}

        def watch(self, widget: QObject, name: str) -> None:
            self.names[widget] = name
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched in self.names:
                name = self.names.pop(watched)
                watched.removeEventFilter(self)
                stamp(f"{name}-painted")
                if name == "home":
                    QTimer.singleShot(0, new_meeting)  # no thinking time at all
                elif name == "live":
                    reached("live")
            return False

    painted = FirstPaint()
    painted.watch(window, "home")
    clock = Clock(datetime.now(UTC))
    flows: list[Any] = []

    def new_meeting() -> None:
        # As in the app, the meeting flow (and its windows' code) is made on the first
        # "New meeting", after the home window has painted.
        flow = controller.ensure_flow()
        if not flows:
            flows.append(flow)
            flow.clock = clock  # the soak moves time on faster than real time
            # Let the dialog open first, as a person would see it before typing.
            flow.prepareOpened.connect(
                lambda dialog: QTimer.singleShot(0, lambda: fill_and_start(dialog))
            )
            flow.sessionStarted.connect(lambda session, live: watch_live(session, live))
        window.new_meeting()

    done = {"live": False, "stored": False}

    def watch_live(session: Any, live: Any) -> None:
        painted.watch(live, "live")
        session.meetingStored.connect(lambda _id: reached("stored"))

    def reached(what: str) -> None:
        if what == "stored":
            stamp("meeting-stored")
        done[what] = True
        if all(done.values()):
            QTimer.singleShot(0, after_live_painted)

    def after_live_painted() -> None:
        if soak_minutes > 0:
            if link_on:
                flows[0].live_window.partner_link_action.trigger()
            report = simulate_meeting(flows[0], clock, soak_minutes)
            print(json.dumps(report), flush=True)
        application.exit(0)

    def fill_and_start(dialog: Any) -> None:
        dialog.client.setEditText("Bench client")
        dialog.title.setText("Bench")
        dialog.go_to_checklist()
        if dialog.plan is None:
            print(f"prepare dialog refused: {dialog.error.text()}", file=sys.stderr)
            application.exit(1)
            return
        stamp("start-pressed")
        dialog.start_button.click()

    def fail(error: BaseException) -> None:
        print(f"store failed: {error}", file=sys.stderr)
        application.exit(1)

    controller.client.storeOpened.connect(lambda _store: stamp("store-open"))
    controller.client.storeFailed.connect(fail)
    window.show()
    controller.open_store()
    QTimer.singleShot(CHILD_TIMEOUT_SECONDS * 1000, lambda: application.exit(2))
    code = application.exec()
    controller.close(5.0)
    sys.exit(code)


def child_seed(past_meetings: int) -> None:
    """A returning user's database: ended meetings with notes, steps, lines and cues."""
    from datetime import UTC, datetime, timedelta

    from app.domain.meeting_terms import DEFAULT_CUES, MeetingMode, NoteField, SignalSource
    from app.store import open_store
    from app.store.records import MeetingDraft

    store = open_store()
    service = store.service
    started = datetime.now(UTC) - timedelta(days=2 * past_meetings)
    fields = list(NoteField)
    for number in range(past_meetings):
        at = started + timedelta(days=2 * number)
        meeting = service.start_meeting(
            MeetingDraft(
                f"Client {number % 12}",
                f"Meeting {number}",
                MeetingMode.VIDEO if number % 2 else MeetingMode.IN_PERSON,
                "de-escalation",
                "1",
                "Partner",
                DEFAULT_CUES,
                at,
            )
        )
        for minute in range(0, 40, 8):
            moment = at + timedelta(minutes=minute)
            service.enter_step(meeting.id, f"step-{minute}", f"Step {minute}", moment)
            service.add_stamped_line(meeting.id, f"They said thing {minute}", moment)
            signal = service.record_signal_sent(
                meeting.id, DEFAULT_CUES[0].key, SignalSource.PHONE, moment
            )
            service.record_signal_acknowledged(signal, moment + timedelta(seconds=4))
        for field in fields:
            text = f"Notes for {field.value} in meeting {number}. " * 20
            service.save_note(meeting.id, field, text, at + timedelta(minutes=30))
        service.end_meeting(meeting.id, at + timedelta(minutes=45))
    store.close()


class Clock:
    """The session's clock, moved on by the soak; real time until then."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def simulate_meeting(flow: Any, clock: Clock, minutes: float) -> dict[str, object]:
    """``minutes`` of a meeting in the live window the app opened, as fast as it goes."""
    from datetime import timedelta

    from PySide6.QtWidgets import QApplication

    from app.domain.meeting_terms import SignalSource

    window = flow.live_window
    session = flow.session
    store = flow.store
    editors = list(window.notes.editors.values())
    sentence = "They say the launch slipped twice and nobody called them. "
    seconds = int(minutes * 60)
    typed = 0
    cues_sent = 0
    for second in range(seconds):
        clock.now += timedelta(seconds=1)
        editor = editors[(second // 120) % len(editors)]
        for _ in range(3):
            editor.insertPlainText(sentence[typed % len(sentence)])
            typed += 1
        if second % 15 == 14:
            session.stamp_line(f"Stamped at {second} s")
        if second % 60 == 59:
            if session.domain.can_go_next:
                session.next_step()
            else:
                session.follow_loop_back() or session.previous_step()
        if second % 90 == 30:
            session.trigger_cue(session.cues[cues_sent % len(session.cues)].key, SignalSource.PHONE)
            cues_sent += 1
        if second % 90 == 34:
            session.acknowledge_cue()
        window._tick()
        QApplication.processEvents()
    store.writer.flush(30)
    QApplication.processEvents()
    detail = store.service.load_meeting(session.meeting_id)
    return {
        "rss_mb": round(_rss_mb(), 1),
        "simulated_seconds": seconds,
        "characters_typed": typed,
        "note_chars_stored": sum(len(t) for t in detail.notes.values()),
        "stamped_lines": len(detail.stamped_lines),
        "signals": len(detail.signals),
        "steps_entered": sum(1 for e in detail.timeline if e.kind.value == "step"),
    }


def _rss_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- parent -------------------------------------------------------------------------------


def _environment(data_dir: Path) -> dict[str, str]:
    import tempfile

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["POISE_DATA_DIR"] = str(data_dir)
    env["POISE_LINK_BIND"] = "127.0.0.1"  # never listen on the LAN from a bench
    env.pop("POISE_DATABASE_URL", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / PYCACHE_FOLDER_NAME)
    return env


def run_child(kind: str, data_dir: Path, *extra: str) -> dict[str, float]:
    """Launch a child; return seconds from launch to each stamp it printed."""
    import subprocess

    launched = time.time()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, *extra],
        stdout=subprocess.PIPE,
        # Qt's offscreen plugin chatters on stderr; it is shown only when a child fails.
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(data_dir),
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    stamps: dict[str, float] = {}
    for line in process.stdout:
        name, _, value = line.strip().partition(" ")
        try:
            stamps[name] = float(value) - (0 if name in MEASURES else launched)
        except ValueError:
            continue
    errors = process.stderr.read()
    code = process.wait(timeout=CHILD_TIMEOUT_SECONDS)
    if code != 0:
        raise RuntimeError(f"{kind} child exited with {code}; stamps so far {stamps}\n{errors}")
    return stamps


def seed_existing(folder: Path, past_meetings: int) -> dict[str, object]:
    run_child("seed", folder, "--past-meetings", str(past_meetings))
    database = next(folder.glob("*.sqlite*"), None) or next(folder.glob("*.db"), None)
    size = database.stat().st_size if database is not None else 0
    return {"past_meetings": past_meetings, "database_bytes": size}


def time_app(kind: str, seeded: Path) -> dict[str, float]:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="poise-bench-") as scratch:
        folder = Path(scratch) / "data"
        if kind == "existing":
            shutil.copytree(seeded, folder)
        else:
            folder.mkdir()
        stamps = run_child("app", folder)
    expected = {"home-painted", "store-open", "start-pressed", "live-painted", "meeting-stored"}
    missing = expected - stamps.keys()
    if missing:
        raise RuntimeError(f"app child ({kind}) never reached {sorted(missing)}")
    return {
        "home": stamps["home-painted"],
        "store": stamps["store-open"],
        "live": stamps["live-painted"],
        "start": stamps["live-painted"] - stamps["start-pressed"],
        "stored": stamps["meeting-stored"],
    }


def time_bare(kind: str = "bare") -> float:
    """First paint of a one-window child: ``bare`` (the baseline) or ``live-alone``."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="poise-bench-") as scratch:
        return run_child(kind, Path(scratch))["painted"]


def time_store_floor(seeded: Path) -> dict[str, float]:
    """The bare window with the store opened on a thread, in a copy of the returning data."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="poise-bench-") as scratch:
        folder = Path(scratch) / "data"
        shutil.copytree(seeded, folder)
        stamps = run_child("bare-store", folder)
    return {"store": stamps["store-open"], "rss_mb": stamps["rss"]}


def run_soak(minutes: float, link_on: bool, seeded: Path) -> dict[str, object]:
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="poise-bench-") as scratch:
        folder = Path(scratch) / "data"
        shutil.copytree(seeded, folder)
        started = time.perf_counter()
        link = ["--link-on"] if link_on else []
        result = subprocess.run(
            [sys.executable, __file__, "--child", "soak", "--soak-minutes", str(minutes), *link],
            capture_output=True,
            text=True,
            env=_environment(folder),
            cwd=REPO,
            check=True,
            timeout=900,
        )
        report = json.loads(result.stdout.strip().splitlines()[-1])
        report["wall_seconds"] = round(time.perf_counter() - started, 1)
        return report


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--soak-minutes", type=float, default=1.0, help="0 skips the soak")
    parser.add_argument("--past-meetings", type=int, default=40)
    parser.add_argument("--quick", action="store_true", help="1 round, 5 meetings, 3 s soak")
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--link-on", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0
    if args.child == "bare-store":
        child_bare_store()
        return 0
    if args.child == "live-alone":
        child_live_alone()
        return 0
    if args.child == "app":
        child_app()
        return 0
    if args.child == "seed":
        child_seed(args.past_meetings)
        return 0
    if args.child == "soak":
        child_app(args.soak_minutes, args.link_on)
        return 0
    if args.quick:
        return bench(1, 0.05, 5, warm_up=False)
    return bench(args.rounds, args.soak_minutes, args.past_meetings)


def bench(rounds: int, soak_minutes: float, past_meetings: int, warm_up: bool = True) -> int:
    import statistics
    import tempfile

    with tempfile.TemporaryDirectory(prefix="poise-bench-seed-") as scratch:
        seeded = Path(scratch) / "data"
        seeded.mkdir()
        seed = seed_existing(seeded, past_meetings)
        if warm_up:
            time_bare()  # warm the disk cache, so no kind pays for the first read
            time_app("fresh", seeded)
        bare: list[float] = []
        alone: list[float] = []
        floors: list[dict[str, float]] = []
        runs: dict[str, list[dict[str, float]]] = {"existing": [], "fresh": []}
        for _ in range(rounds):
            bare.append(time_bare())
            alone.append(time_bare("live-alone"))
            floors.append(time_store_floor(seeded))
            for kind in runs:
                runs[kind].append(time_app(kind, seeded))
        soaks = {
            link: run_soak(soak_minutes, link == "on", seeded) if soak_minutes > 0 else {}
            for link in ("off", "on")
        }

    bare_median = statistics.median(bare)
    alone_median = statistics.median(alone)
    floor = {key: statistics.median(run[key] for run in floors) for key in ("store", "rss_mb")}
    print(f"bare PySide6 window, first paint: median {bare_median * 1000:.0f} ms ({rounds} runs)")
    print(
        f"bare window with the store opened on a thread: store open {floor['store'] * 1000:.0f} "
        f"ms, RSS {floor['rss_mb']:.0f} MB (the floor of the store and memory rows)"
    )
    print(
        f"live window alone (launched straight into it, no home, dialog or store): "
        f"{alone_median * 1000:.0f} ms (ratio {alone_median / bare_median:.2f}: the floor "
        "of the ratio below)"
    )
    summary: dict[str, dict[str, float]] = {}
    for kind, label in (("existing", "returning user"), ("fresh", "first start")):
        medians = {
            key: statistics.median(run[key] for run in runs[kind])
            for key in ("home", "store", "live", "start", "stored")
        }
        summary[kind] = medians
        print(
            f"{kind} data folder ({label}): home painted {medians['home'] * 1000:.0f} ms "
            f"(ratio {medians['home'] / bare_median:.2f}), store open "
            f"{medians['store'] * 1000:.0f} ms, live painted {medians['live'] * 1000:.0f} ms "
            f"(ratio {medians['live'] / bare_median:.2f}), "
            f"Start pressed to live painted {medians['start'] * 1000:.0f} ms, "
            f"meeting in the store {medians['stored'] * 1000:.0f} ms"
        )
    for link, soak in soaks.items():
        if soak:
            print(
                f"RSS after {soak_minutes:g} simulated minutes, partner link {link}: "
                f"{float(soak['rss_mb']):.0f} MB; {soak}"  # type: ignore[arg-type]
            )
    report_rows(bare_median, alone_median, floor, summary, soaks)
    results = REPO / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "startup.json").write_text(
        json.dumps(
            {
                "bare_ms": [round(t * 1000, 1) for t in bare],
                "live_alone_ms": [round(t * 1000, 1) for t in alone],
                "live_alone_ratio": round(alone_median / bare_median, 3),
                "store_floor": floors,
                "seed": seed,
                "runs_ms": {
                    kind: [{k: round(v * 1000, 1) for k, v in run.items()} for run in kind_runs]
                    for kind, kind_runs in runs.items()
                },
                "median_ms": {
                    kind: {k: round(v * 1000, 1) for k, v in medians.items()}
                    for kind, medians in summary.items()
                },
                "live_ratio": {
                    kind: round(medians["live"] / bare_median, 3)
                    for kind, medians in summary.items()
                },
                "home_ratio": {
                    kind: round(medians["home"] / bare_median, 3)
                    for kind, medians in summary.items()
                },
                "soak": soaks,
            },
            indent=2,
        )
    )
    return 0


def report_rows(
    bare: float,
    alone: float,
    floor: dict[str, float],
    summary: dict[str, dict[str, float]],
    soaks: dict[str, dict[str, object]],
) -> None:
    sys.path.insert(0, str(REPO))
    from bench.rows import Row, report

    bare_ms = bare * 1000
    returning, first = summary["existing"], summary["fresh"]
    rows = [
        Row("startup.start_to_live", "Start pressed -> live painted", returning["start"] * 1000),
        Row("startup.live_alone", "live window alone", alone * 1000, "ms", bare_ms, "bare window"),
        Row(
            "startup.home_returning",
            "launch -> home painted, returning",
            returning["home"] * 1000,
            "ms",
            bare_ms,
            "bare window",
        ),
        Row(
            "startup.home_first",
            "launch -> home painted, first start",
            first["home"] * 1000,
            "ms",
            bare_ms,
            "bare window",
        ),
        Row(
            "startup.store_open_returning",
            "launch -> store open, returning",
            returning["store"] * 1000,
        ),
        Row("startup.store_open_first", "launch -> store open, first start", first["store"] * 1000),
        Row(
            "startup.store_open_vs_floor",
            "launch -> store open, returning, vs the floor",
            returning["store"] * 1000,
            "ms",
            floor["store"] * 1000,
            "bare window + store",
        ),
    ]
    for link, soak in soaks.items():
        if soak:
            seconds = int(soak["simulated_seconds"])  # type: ignore[call-overload]
            length = f"{seconds // 60}-minute" if seconds >= 60 else f"{seconds}-second"
            for key, words in (("", ""), ("_vs_floor", ", vs the floor")):
                rows.append(
                    Row(
                        f"startup.rss_link_{link}{key}",
                        f"RSS after a {length} meeting, link {link}{words}",
                        float(soak["rss_mb"]),  # type: ignore[arg-type]
                        "MB",
                        floor["rss_mb"] if key else None,
                        "bare window + store",
                    )
                )
    report(rows)


if __name__ == "__main__":
    sys.exit(main())
