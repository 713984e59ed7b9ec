"""The suite's own guard: an exception in a slot, a timer or a thread fails the test that
caused it, as it would show an error in the app (see ``no_exception_in_slots``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

TESTS = """
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton


def broken_slot() -> None:
    raise RuntimeError("a bug in a slot")


def test_clicked_slot_raises(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(broken_slot)
    button.click()


def test_timer_slot_raises(qtbot):
    QTimer.singleShot(0, broken_slot)
    qtbot.wait(50)


def test_thread_raises():
    worker = threading.Thread(target=broken_slot, name="worker")
    worker.start()
    worker.join()


def test_quiet_slot_passes(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(button.hide)
    button.click()
"""


def test_an_exception_in_a_slot_timer_or_thread_fails_its_test(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from tests.conftest import *  # noqa: F403\n")
    (tmp_path / "test_guarded.py").write_text(TESTS)
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )
    report = result.stdout
    assert result.returncode == 1, report + result.stderr
    for name in ("test_clicked_slot_raises", "test_timer_slot_raises", "test_thread_raises"):
        assert any(
            line.startswith(("FAILED", "ERROR")) and name in line for line in report.splitlines()
        ), report
    assert "PASSED test_guarded.py::test_quiet_slot_passes" in report, report
