"""Asked to stop while a meeting runs, the real app writes everything and exits 0.

A real subprocess of the real app (offscreen) starts a meeting and types into it with real
key events; the test sends SIGTERM or SIGINT. The app must exit 0, and every character it
reported typed must be in the database the next start opens.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.meeting_terms import NoteField
from app.store import open_store
from tests.ui import app_child

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM on Windows")


def _typed_so_far(process: subprocess.Popen[str], at_least: int, timeout: float) -> int:
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    typed = 0
    try:
        while typed < at_least and (remaining := deadline - time.monotonic()) > 0:
            if not selector.select(remaining):
                break
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("typed "):
                typed = int(line.split()[1])
    finally:
        selector.unregister(process.stdout)
    return typed


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_meeting_writes_everything_and_exits_0(
    stop: signal.Signals, data_dir: Path
) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, str(Path(app_child.__file__))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        typed = _typed_so_far(process, at_least=60, timeout=60)
        assert typed >= 60, process.stderr.read() if process.stderr else "no output"
        process.send_signal(stop)
        remaining, errors = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, errors
    typing = typed
    for line in remaining.splitlines():
        if line.startswith("typed "):
            typed = int(line.split()[1])
        if line.startswith("typing "):
            typing = int(line.split()[1])

    store = open_store()
    try:
        [meeting] = [m for m in store.service.list_meetings() if m.client_name == app_child.CLIENT]
        text = store.service.note_text(meeting.id, NoteField.WHAT_THEY_SAY)
    finally:
        store.close()
    # Every key the child saw typed is kept; the keys it was typing when the signal came
    # may be kept too (they reached the editor before the app stopped), nothing else.
    assert text == app_child.WORDS[: len(text)]
    assert typed <= len(text) <= max(typing, typed), (typed, len(text), typing)
