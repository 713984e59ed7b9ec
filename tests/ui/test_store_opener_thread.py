"""The app waits for its store opener's thread before Python shuts down.

Python ends a thread that is still running at interpreter exit from wherever it is;
inside PySide's C++ code (a signal's emit) that is a segmentation fault or
``std::terminate`` after the app has said its last word. The child below makes the
thread outlast the quit on purpose (its partner-link warm-up takes half a second) and
reports which threads are left once ``run_app`` returns.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, sys, threading, time
import app.ui.application as application

def slow_warm_up():
    time.sleep(0.5)  # the partner link's imports and TLS set-up, on a slow machine

application.warm_up_partner_link = slow_warm_up
code = application.run_app(quit_after_start=True)
names = sorted(thread.name for thread in threading.enumerate())
print("threads left:", ",".join(names), flush=True)
print("frozen:", gc.get_freeze_count(), flush=True)
sys.exit(code)
"""


def test_run_app_returns_only_once_the_opener_thread_has_ended(tmp_path: Path) -> None:
    environment = dict(os.environ)
    environment.update(
        POISE_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=str(REPO_ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    environment.pop("POISE_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "poise smoke test: ok" in result.stdout
    assert "threads left: MainThread\n" in result.stdout, result.stdout
    # The home window's start-up objects were frozen, out of every later collection's way.
    frozen = int(result.stdout.split("frozen:")[1].split()[0])
    assert frozen > 10_000
