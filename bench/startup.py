"""Startup and memory bench for the live window.

    python3 bench/startup.py [--rounds 5] [--soak-minutes 10]

1. Cold start: a new process from launch to the first painted live window (application,
   look, playbooks, store opened and migrated in a fresh data folder, meeting started,
   live window painted), against a bare PySide6 window painted by a new process in the
   same run. Prints both medians and the ratio (target <= 1.3).
2. Memory: one process runs a simulated meeting equivalent to ``--soak-minutes`` of
   activity, faster than real time through the session's injectable clock: typing in the
   notes (3 characters a second), a stamped line every 15 s, a step change every minute,
   a cue every 90 s acknowledged a few seconds later, the clocks ticking every second.
   Prints the resident set size afterwards (target < 150 MB).

Runs offscreen unless QT_QPA_PLATFORM says otherwise. Results also go to
bench/results/startup.json (ignored by git).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAINTED = "painted"
TARGET_RATIO = 1.3
TARGET_RSS_MB = 150.0


# -- children -----------------------------------------------------------------------------


def child_bare() -> None:
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QLabel

    application = QApplication(sys.argv[:1])

    class Window(QLabel):
        def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
            super().paintEvent(event)
            print(PAINTED, flush=True)
            application.exit(0)

    window = Window("Hello")
    window.resize(360, 720)
    window.show()
    application.exec()


def _start_live(clock: object | None = None) -> tuple[object, object, object]:
    """Open everything the way the app does and show a live window; returns it."""
    from datetime import UTC, datetime

    sys.path.insert(0, str(REPO))
    from app.domain.meeting_terms import DEFAULT_CUES, Cue, MeetingMode
    from app.playbooks import load_all_playbooks
    from app.settings import load_settings
    from app.store import open_store
    from app.store.records import MeetingDraft
    from app.ui.application import create_application
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession
    from app.ui.live.theme import ThemeController

    application = create_application()
    ThemeController(application, load_settings().theme).apply()
    library = load_all_playbooks()
    playbook = library.entries[0].playbook
    store = open_store()
    cues = (*DEFAULT_CUES, Cue("listen", "Stop talking", "Stop talking. Let them finish."))
    now = clock() if callable(clock) else datetime.now(UTC)
    meeting = store.service.start_meeting(
        MeetingDraft(
            "Bench client", "Bench", MeetingMode.VIDEO, playbook.id, "1", "Partner", cues, now
        )
    )
    kwargs = {"clock": clock} if clock is not None else {}
    session = LiveSession(store, meeting.id, playbook, cues, **kwargs)
    window = LiveWindow(session, client_name="Bench client", meeting_title="Bench")
    return application, store, window


def child_home() -> None:
    """What ``poise`` does at start: home window painted while the store opens on a thread."""
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QEvent, QObject

    from app.playbooks import load_all_playbooks
    from app.settings import load_settings
    from app.ui.application import StoreOpener, create_application
    from app.ui.live.theme import ThemeController
    from app.ui.main_window import MainWindow

    application = create_application()
    ThemeController(application, load_settings().theme).apply()
    window = MainWindow(load_all_playbooks())

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window:
                print(PAINTED, flush=True)
                application.exit(0)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    opener = StoreOpener()
    opener.start()
    window.show()
    application.exec()


def child_live() -> None:
    from PySide6.QtCore import QEvent, QObject

    application, store, window = _start_live()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window:
                print(PAINTED, flush=True)
                application.exit(0)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    window.begin()
    application.exec()
    store.close()


def child_soak(minutes: float) -> None:
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from app.domain.meeting_terms import NoteField, SignalSource

    class Clock:
        now = datetime.now(UTC)

        def __call__(self) -> datetime:
            return self.now

    clock = Clock()
    application, store, window = _start_live(clock)
    window.show()
    window.begin()
    session = window.session
    editors = list(window.notes.editors.values())
    sentence = "They say the launch slipped twice and nobody called them. "
    seconds = int(minutes * 60)
    typed = 0
    cues = 0
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
            session.trigger_cue(session.cues[cues % 2].key, SignalSource.PHONE)
            cues += 1
        if second % 90 == 34:
            session.acknowledge_cue()
        window._tick()
        QApplication.processEvents()
    store.writer.flush(30)
    QApplication.processEvents()
    detail = store.service.load_meeting(session.meeting_id)
    rss = _rss_mb()
    print(
        json.dumps(
            {
                "rss_mb": rss,
                "simulated_seconds": seconds,
                "characters_typed": typed,
                "note_chars_stored": sum(len(t) for t in detail.notes.values()),
                "stamped_lines": len(detail.stamped_lines),
                "signals": len(detail.signals),
                "steps_entered": sum(1 for e in detail.timeline if e.kind.value == "step"),
                "note_field": NoteField.WHAT_THEY_SAY.value,
            }
        ),
        flush=True,
    )
    store.close()
    del application


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


def _environment(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["POISE_DATA_DIR"] = data_dir
    env.pop("POISE_DATABASE_URL", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def time_child(kind: str) -> float:
    """Seconds from launching a new process to its first painted window."""
    with tempfile.TemporaryDirectory(prefix="poise-bench-") as data_dir:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", kind],
            stdout=subprocess.PIPE,
            text=True,
            env=_environment(data_dir),
            cwd=REPO,
        )
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == PAINTED:
                elapsed = time.perf_counter() - started
                break
        else:
            process.wait()
            raise RuntimeError(f"{kind} child exited with {process.returncode} before painting")
        process.wait(timeout=60)
        return elapsed


def run_soak(minutes: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="poise-bench-") as data_dir:
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, __file__, "--child", "soak", "--soak-minutes", str(minutes)],
            capture_output=True,
            text=True,
            env=_environment(data_dir),
            cwd=REPO,
            check=True,
            timeout=900,
        )
        report = json.loads(result.stdout.strip().splitlines()[-1])
        report["wall_seconds"] = round(time.perf_counter() - started, 1)
        return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--soak-minutes", type=float, default=10.0)
    parser.add_argument("--child", choices=["bare", "home", "live", "soak"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0
    if args.child == "live":
        child_live()
        return 0
    if args.child == "home":
        child_home()
        return 0
    if args.child == "soak":
        child_soak(args.soak_minutes)
        return 0

    time_child("bare")  # warm the disk cache for both, so neither pays for the first read
    time_child("live")
    bare: list[float] = []
    home: list[float] = []
    live: list[float] = []
    for _ in range(args.rounds):
        bare.append(time_child("bare"))
        home.append(time_child("home"))
        live.append(time_child("live"))
    bare_median = statistics.median(bare)
    home_median = statistics.median(home)
    live_median = statistics.median(live)
    ratio = live_median / bare_median
    home_ratio = home_median / bare_median
    runs = len(bare)
    print(f"bare PySide6 window, first paint: median {bare_median * 1000:.0f} ms ({runs} runs)")
    print(f"Poise home window, first paint:   median {home_median * 1000:.0f} ms ({runs} runs)")
    print(f"Poise live window, first paint:   median {live_median * 1000:.0f} ms ({runs} runs)")
    print(f"home/bare ratio {home_ratio:.2f}")
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"live/bare ratio {ratio:.2f} (target <= {TARGET_RATIO}): {verdict}")
    soak = run_soak(args.soak_minutes)
    rss = float(soak["rss_mb"])  # type: ignore[arg-type]
    verdict = "ok" if rss < TARGET_RSS_MB else "OVER TARGET"
    print(
        f"RSS after {args.soak_minutes:g} simulated minutes: {rss:.0f} MB "
        f"(target < {TARGET_RSS_MB:.0f} MB): {verdict}; {soak}"
    )
    results = REPO / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "startup.json").write_text(
        json.dumps(
            {
                "bare_ms": [round(t * 1000, 1) for t in bare],
                "home_ms": [round(t * 1000, 1) for t in home],
                "live_ms": [round(t * 1000, 1) for t in live],
                "ratio": round(ratio, 3),
                "home_ratio": round(home_ratio, 3),
                "soak": soak,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
