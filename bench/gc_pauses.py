"""Garbage collection pauses on the GUI thread during a long meeting, old policy and new.

    python3 bench/gc_pauses.py [--rounds 2] [--soak-minutes 60]

Each round starts one child per policy, in turn (same machine, same load): the real
start path of ``bench/startup.py`` (home window, store opened on its thread, partner
link warmed up, a meeting started), then a simulated meeting of ``--soak-minutes`` in
the live window at ten times real time (typing in the notes, a stamped line every
15 s, a step change every minute, cues; see ``startup.simulate_meeting``).
``gc.callbacks`` times every collection by generation and thread.

- old: collections from the GUI-thread timer by Python's thresholds, every object in
  the process scanned by each full collection (Poise before ``freeze_long_lived``).
- new: the same timer, and start-up's objects frozen (``gc.freeze()``) once the home
  window is built and again when the store's thread is done, if no meeting began by
  then (``app.ui.gui_thread_gc.freeze_long_lived``). The meeting starts after that.
- new-at-once: the same, with the meeting started the moment the home window paints,
  before the store is open: the second freeze is then skipped (the worst case).

Prints, per policy, the longest and the 99th-percentile pause over all collections,
the longest full (generation 2) collection, how many collections ran on another
thread than the GUI thread (must be 0), and the resident memory at the end. The
target is a longest pause under 16 ms (one frame at 60 Hz). Results also go to
bench/results/gc_pauses.json (ignored by git).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
POLICIES = ("old", "new", "new-at-once")
TARGET_PAUSE_MS = 16.0
REPORT_PREFIX = "gc-report "
# Ten times real time: the collector's timer ticks every 5 simulated seconds of typing.
WALL_MS_PER_SIMULATED_SECOND = 100
# In the app's own use full collections are rare (tens of minutes apart): the bench also
# makes one on the GUI thread every few seconds to time what each costs, there and then.
PROBE_INTERVAL_MS = 3000


def child(policy: str, soak_minutes: float) -> None:
    """One app with ``policy``; prints every collection's pause as a JSON report at exit."""
    import atexit
    import gc
    import threading

    sys.path.insert(0, str(BENCH))
    import startup

    from app.ui import gui_thread_gc

    meeting_at_once = policy == "new-at-once"
    if policy == "old":
        # The collector as it was: the same timer and thresholds, nothing ever frozen.
        gui_thread_gc.GuiThreadGarbageCollector.freeze_long_lived = lambda self: None  # type: ignore[method-assign]
    startup.CHILD_TIMEOUT_SECONDS = 3600  # the soak outlasts the start-up bench's limit
    gui_thread = threading.get_ident()
    pauses: list[tuple[int, float, bool]] = []  # generation, milliseconds, in the meeting
    in_meeting: list[bool] = []
    simulate_meeting = startup.simulate_meeting

    probing: list[bool] = []
    probes: list[float] = []

    def probe_full_collection() -> None:
        probing.append(True)
        gc.collect(2)
        probing.pop()

    def meeting(*args: Any, **kwargs: Any) -> dict[str, object]:
        from PySide6.QtCore import QTimer

        in_meeting.append(True)
        probe = QTimer()
        probe.timeout.connect(probe_full_collection)
        probe.start(PROBE_INTERVAL_MS)
        try:
            return simulate_meeting(*args, **kwargs)
        finally:
            probe.stop()

    startup.simulate_meeting = meeting
    elsewhere: list[str] = []
    started_at: list[float] = []

    def time_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started_at.append(time.perf_counter())
            if threading.get_ident() != gui_thread:
                elsewhere.append(threading.current_thread().name)
            return
        if started_at:
            milliseconds = (time.perf_counter() - started_at.pop()) * 1000
            if probing:
                probes.append(milliseconds)
            else:
                pauses.append((info["generation"], milliseconds, bool(in_meeting)))

    def report() -> None:
        print(
            REPORT_PREFIX
            + json.dumps(
                {
                    "pauses": pauses,
                    "probes": probes,
                    "off_gui_thread": elsewhere,
                    "frozen": gc.get_freeze_count(),
                    "tracked": len(gc.get_objects()),
                }
            ),
            flush=True,
        )

    gc.callbacks.append(time_collection)
    atexit.register(report)
    startup.child_app(soak_minutes, WALL_MS_PER_SIMULATED_SECOND, meeting_at_once=meeting_at_once)


def run_child(policy: str, soak_minutes: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="poise-gc-bench-") as scratch:
        folder = Path(scratch) / "data"
        folder.mkdir()
        sys.path.insert(0, str(BENCH))
        import startup

        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, __file__, "--child", policy, "--soak-minutes", str(soak_minutes)],
            capture_output=True,
            text=True,
            env=startup._environment(folder),
            cwd=startup.REPO,
            timeout=3600,
            check=False,
        )
    wall = time.perf_counter() - started
    lines = result.stdout.splitlines()
    reports = [line for line in lines if line.startswith(REPORT_PREFIX)]
    if result.returncode != 0 or not reports:
        raise RuntimeError(f"{policy} child exited with {result.returncode}\n{result.stderr}")
    report: dict[str, Any] = json.loads(reports[-1][len(REPORT_PREFIX) :])
    meeting = [json.loads(line) for line in lines if line.startswith("{")]
    report["rss_mb"] = meeting[-1]["rss_mb"] if meeting else None
    report["wall_seconds"] = round(wall, 1)
    return report


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summarise(reports: list[dict[str, Any]]) -> dict[str, Any]:
    pauses = [tuple(pause) for report in reports for pause in report["pauses"]]
    meeting = [(generation, ms) for generation, ms, during in pauses if during]
    meeting_ms = [ms for _generation, ms in meeting]
    full_ms = [ms for generation, ms in meeting if generation == 2]
    start_up_ms = [ms for _generation, ms, during in pauses if not during]
    probe_ms = [ms for report in reports for ms in report["probes"]]
    return {
        "meeting_collections": len(meeting),
        "meeting_by_generation": {g: sum(1 for gen, _ in meeting if gen == g) for g in (0, 1, 2)},
        "longest_ms": round(max(meeting_ms, default=0.0), 2),
        "p99_ms": round(percentile(meeting_ms, 0.99), 2),
        "longest_full_ms": round(max(full_ms, default=0.0), 2),
        "median_full_ms": round(percentile(full_ms, 0.5), 2),
        "probed_full_collections": len(probe_ms),
        "probed_full_longest_ms": round(max(probe_ms, default=0.0), 2),
        "probed_full_p99_ms": round(percentile(probe_ms, 0.99), 2),
        "probed_full_median_ms": round(percentile(probe_ms, 0.5), 2),
        "start_up_collections": len(start_up_ms),
        "start_up_longest_ms": round(max(start_up_ms, default=0.0), 2),
        "off_gui_thread": sum(len(report["off_gui_thread"]) for report in reports),
        "frozen_objects": max(report["frozen"] for report in reports),
        "tracked_objects_at_end": max(report["tracked"] for report in reports),
        "rss_mb": max((report["rss_mb"] or 0.0) for report in reports),
        "wall_seconds": round(sum(report["wall_seconds"] for report in reports), 1),
    }


def bench(rounds: int, soak_minutes: float) -> int:
    reports: dict[str, list[dict[str, Any]]] = {policy: [] for policy in POLICIES}
    for round_number in range(rounds):
        for policy in POLICIES:
            print(f"round {round_number + 1}/{rounds}: {policy} policy ...", flush=True)
            reports[policy].append(run_child(policy, soak_minutes))
    summary = {policy: summarise(reports[policy]) for policy in POLICIES}
    print(f"\n{soak_minutes:g} simulated meeting minutes, {rounds} round(s) per policy")
    print("GUI-thread pauses in ms. The policy's own collections during the meeting:")
    print(f"{'policy':<12}{'count':>7}{'full':>6}{'longest':>9}{'p99':>8}{'start-up max':>14}")
    for policy, row in summary.items():
        print(
            f"{policy:<12}{row['meeting_collections']:>7}{row['meeting_by_generation'][2]:>6}"
            f"{row['longest_ms']:>9.1f}{row['p99_ms']:>8.1f}{row['start_up_longest_ms']:>14.1f}"
        )
    print(f"A full collection in the meeting, made every {PROBE_INTERVAL_MS / 1000:g} s:")
    print(f"{'policy':<12}{'count':>7}{'longest':>9}{'p99':>8}{'median':>8}", end="")
    print(f"{'off GUI thread':>16}{'frozen':>9}{'tracked':>9}{'RSS MB':>8}")
    for policy, row in summary.items():
        print(
            f"{policy:<12}{row['probed_full_collections']:>7}{row['probed_full_longest_ms']:>9.1f}"
            f"{row['probed_full_p99_ms']:>8.1f}{row['probed_full_median_ms']:>8.1f}"
            f"{row['off_gui_thread']:>16}{row['frozen_objects']:>9}"
            f"{row['tracked_objects_at_end']:>9}{row['rss_mb']:>8.1f}"
        )
    new = summary["new"]
    worst = max(new["longest_ms"], new["probed_full_longest_ms"])
    verdict = "meets" if worst < TARGET_PAUSE_MS else "misses"
    print(f"new policy {verdict} the {TARGET_PAUSE_MS:g} ms target (longest pause {worst} ms)")
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / "gc_pauses.json").write_text(
        json.dumps({"soak_minutes": soak_minutes, "rounds": rounds, **summary}, indent=2)
    )
    return 0 if new["off_gui_thread"] == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--soak-minutes", type=float, default=60.0)
    parser.add_argument("--child", choices=POLICIES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.soak_minutes)
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return bench(args.rounds, args.soak_minutes)


if __name__ == "__main__":
    sys.exit(main())
